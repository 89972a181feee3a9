//! The start page: continue, a new assessment, open a file, recent files, workshop examples.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::labelled_text;
use crate::app::{theme, FileCommand, NewForm, Prefs};
use crate::model::assessment::{Mode, StaffBand};

/// Draws the start page from the form, the preferences and the examples' names.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui, form: &mut NewForm, prefs: &Prefs, examples: &[String]) {
    ui.heading(cx.s("ui.title"));
    ui.label(cx.s("ui.intro"));
    ui.add_space(theme::SECTION_GAP);
    if let Some(last) = &prefs.last_file {
        let label = format!("{} ({})", cx.s("ui.continue"), last.display());
        if last.exists() && ui.button(label).clicked() {
            cx.send(FileCommand::Continue);
        }
        ui.add_space(theme::SECTION_GAP);
    }
    new_form_ui(cx, ui, form);
    open_ui(cx, ui, form, prefs);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("ui.workshop")));
    ui.label(cx.s("ui.workshop_hint"));
    for (i, label) in examples.iter().enumerate() {
        if ui.button(label).clicked() {
            cx.send(FileCommand::OpenExample(i));
        }
    }
}

fn new_form_ui(cx: &mut Cx, ui: &mut Ui, form: &mut NewForm) {
    ui.label(theme::section(cx.s("ui.new_heading")));
    egui::Grid::new("new_form")
        .num_columns(2)
        .spacing(theme::FORM_SPACING)
        .show(ui, |ui| {
            let w = theme::FIELD_WIDTH;
            labelled_text(ui, cx.s("ui.company"), &mut form.company, w);
            ui.end_row();
            labelled_text(ui, cx.s("ui.industry"), &mut form.industry, w);
            ui.end_row();
            ui.label(cx.s("ui.staff"));
            let none = cx.s("ui.staff_unset");
            let shown = form.staff_band.map(|s| s.label()).unwrap_or(none);
            egui::ComboBox::from_label(cx.s("ui.staff_people"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.staff_band, None, none);
                    for s in StaffBand::ALL {
                        ui.selectable_value(&mut form.staff_band, Some(s), s.label());
                    }
                });
            ui.end_row();
            labelled_text(ui, cx.s("ui.prefecture"), &mut form.prefecture, w);
            ui.end_row();
            labelled_text(ui, cx.s("ui.assessor"), &mut form.assessor, w);
            ui.end_row();
            labelled_text(ui, cx.s("ui.date"), &mut form.date, w);
            ui.end_row();
            ui.label(cx.s("ui.mode"));
            ui.horizontal_wrapped(|ui| {
                for m in Mode::ALL {
                    ui.radio_value(&mut form.mode, m, cx.s(m.string_key()));
                }
            });
            ui.end_row();
        });
    ui.add_space(theme::ITEM_GAP);
    let begin = RichText::new(cx.s("ui.begin")).size(theme::ANSWER_SIZE);
    if ui.button(begin).clicked() {
        cx.send(FileCommand::NewAssessment);
    }
}

fn open_ui(cx: &mut Cx, ui: &mut Ui, form: &mut NewForm, prefs: &Prefs) {
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("ui.open_heading")));
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.s("ui.open")).clicked() {
            cx.send(FileCommand::OpenDialog);
        }
        let l = ui.label(cx.s("ui.open_path"));
        let field = egui::TextEdit::singleline(&mut form.open_path)
            .desired_width(theme::OPEN_PATH_WIDTH);
        let r = ui.add(field).labelled_by(l.id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let typed = form.open_path.trim();
        if (ui.button(cx.s("ui.open_typed")).clicked() || enter) && !typed.is_empty() {
            cx.send(FileCommand::Open(typed.into()));
        }
    });
    ui.label(RichText::new(cx.s("ui.drop_hint")).weak());
    if !prefs.recent.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(cx.s("ui.recent")));
        for p in &prefs.recent {
            if ui.button(p.display().to_string()).clicked() {
                cx.send(FileCommand::Open(p.clone()));
            }
        }
    }
}
