//! The start page: continue where one left off, a new check (the start form), open a file,
//! recent files and (in workshop mode) the fictional companies.

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, FileCommand};
use crate::app::recent::RecentNames;
use crate::app::widgets::labelled_text;
use crate::app::{theme, NewForm, Prefs};
use crate::model::assessment::{Mode, StaffBand};

/// Draws the start page; `names` are how recent files are shown and the workshop companies'
/// names.
pub fn ui(
    ui: &mut Ui,
    v: &View<'_>,
    form: &mut NewForm,
    prefs: &Prefs,
    (names, examples): (&RecentNames, &[String]),
    out: &mut Commands,
) {
    ui.heading(v.t("ui.title"));
    ui.label(v.t("ui.intro"));
    ui.add_space(theme::SECTION_GAP);
    if let Some(last) = &prefs.last_file {
        let label = format!("{} ({})", v.t("ui.continue"), names.summary(last));
        if last.exists() && ui.button(label).clicked() {
            out.send(FileCommand::Continue);
        }
        ui.add_space(theme::SECTION_GAP);
    }
    ui.label(theme::section(v.t("ui.new_heading")));
    new_form_ui(ui, v, form);
    ui.add_space(theme::ITEM_GAP);
    let begin = RichText::new(v.t("ui.begin")).size(theme::ANSWER_SIZE);
    if ui.button(begin).clicked() {
        out.send(FileCommand::New);
    }
    ui.add_space(theme::SECTION_GAP);
    open_ui(ui, v, &mut form.open_path, out);
    if !prefs.recent.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(v.t("ui.recent")));
        for p in &prefs.recent {
            if ui.button(names.name(p)).clicked() {
                out.send(FileCommand::Open(p.clone()));
            }
        }
    }
    if v.mode != Mode::Workshop {
        return;
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("ui.workshop")));
    ui.label(v.t("ui.workshop_hint"));
    for (i, label) in examples.iter().enumerate() {
        if ui.button(label).clicked() {
            out.send(FileCommand::OpenExample(i));
        }
    }
}

/// The fields of a new check: company, industry, staff, prefecture, assessor, date, mode.
fn new_form_ui(ui: &mut Ui, v: &View<'_>, form: &mut NewForm) {
    let width = theme::FIELD_WIDTH;
    egui::Grid::new("new_form")
        .num_columns(2)
        .spacing(theme::FORM_SPACING)
        .show(ui, |ui| {
            labelled_text(ui, v.t("ui.company"), &mut form.company, width);
            ui.end_row();
            labelled_text(ui, v.t("ui.industry"), &mut form.industry, width);
            ui.end_row();
            ui.label(v.t("ui.staff"));
            let none = v.t("ui.staff_unset");
            let shown = form.staff_band.map(|s| s.label()).unwrap_or(none);
            egui::ComboBox::from_label(v.t("ui.staff_people"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.staff_band, None, none);
                    for s in StaffBand::ALL {
                        ui.selectable_value(&mut form.staff_band, Some(s), s.label());
                    }
                });
            ui.end_row();
            labelled_text(ui, v.t("ui.prefecture"), &mut form.prefecture, width);
            ui.end_row();
            labelled_text(ui, v.t("ui.assessor"), &mut form.assessor, width);
            ui.end_row();
            labelled_text(ui, v.t("ui.date"), &mut form.date, width);
            ui.end_row();
            ui.label(v.t("ui.mode"));
            ui.horizontal_wrapped(|ui| {
                for m in Mode::ALL {
                    ui.radio_value(&mut form.mode, m, v.t(m.string_key()));
                }
            });
            ui.end_row();
        });
}

/// Open a file: the dialog button, and a typed path (Enter opens it).
fn open_ui(ui: &mut Ui, v: &View<'_>, typed: &mut String, out: &mut Commands) {
    ui.label(theme::section(v.t("ui.open_heading")));
    ui.horizontal_wrapped(|ui| {
        if ui.button(v.t("ui.open")).clicked() {
            out.send(FileCommand::OpenDialog);
        }
        let l = ui.label(v.t("ui.open_path"));
        let r = ui
            .add(egui::TextEdit::singleline(typed).desired_width(theme::OPEN_PATH_WIDTH))
            .labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(v.t("ui.open_typed")).clicked() || enter) && !typed.trim().is_empty() {
            out.send(FileCommand::Open(typed.trim().into()));
        }
    });
    ui.label(RichText::new(v.t("ui.drop_hint")).weak());
}
