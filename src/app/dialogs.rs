//! The modal dialogs every page can show: the error message (what, where, what to do, with
//! the technical text behind 「詳細」) and the typed-path prompt that stands in for a file
//! dialog, and the export's question 「会社用 / アドバイザー控え」. The passphrase dialog is in
//! [`super::secure`].

use egui::Ui;

use super::commands::{ClassCommand, Commands, CompareCommand, DialogCommand, FileCommand};
use super::export::ReportCopy;
use super::view::View;
use super::{theme, PathPrompt, PathPurpose};

/// The error message, when there is one: `(message, technical detail)`.
pub fn error_ui(
    ui: &mut Ui,
    v: &View<'_>,
    error: Option<(&str, Option<&str>)>,
    out: &mut Commands,
) {
    let Some((message, detail)) = error else {
        return;
    };
    let mut dismiss = false;
    egui::Modal::new(egui::Id::unique("error_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(theme::DIALOG_WIDTH);
        ui.heading(v.t("ui.error_title"));
        ui.label(message);
        if let Some(detail) = detail {
            ui.add_space(theme::ITEM_GAP);
            ui.collapsing(v.t("ui.error_detail"), |ui| ui.label(detail));
        }
        ui.add_space(theme::ITEM_GAP);
        let r = ui.button(v.t("ui.close"));
        r.request_focus();
        if r.clicked() {
            dismiss = true;
        }
    });
    if dismiss {
        out.send(DialogCommand::DismissError);
    }
}

/// Asks for a typed path when the system has no file dialog (see
/// [`crate::app::file_dialogs_available`]).
pub fn path_prompt_ui(
    ui: &mut Ui,
    v: &View<'_>,
    slot: &mut Option<PathPrompt>,
    out: &mut Commands,
) {
    let Some(prompt) = slot.as_mut() else {
        return;
    };
    let (title, action) = match prompt.purpose {
        PathPurpose::Open => ("ui.open_title", "ui.open_typed"),
        PathPurpose::SaveAs => ("ui.save_as_title", "ui.save_here"),
        PathPurpose::ExportCsv => ("ui.export_csv", "ui.save_here"),
        PathPurpose::CompareAdd => ("ui.cmp_add", "ui.open_typed"),
        PathPurpose::ClassAdd => ("ui.class_add", "ui.open_typed"),
        PathPurpose::ExportPdf => ("ui.export_pdf_title", "ui.export_here"),
    };
    let mut submit = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("path_prompt")).show(ui.ctx(), |ui| {
        ui.set_max_width(theme::WIDE_DIALOG_WIDTH);
        ui.heading(v.t(title));
        ui.label(v.t("ui.dialog_unavailable"));
        ui.add_space(theme::ITEM_GAP);
        let l = ui.label(v.t("ui.path_label"));
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut prompt.text).desired_width(theme::PATH_FIELD_WIDTH),
            )
            .labelled_by(l.id);
        // Read Enter before giving the field focus again, or the re-focus hides it.
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !enter && ui.memory(|m| m.focused().is_none()) {
            r.request_focus();
        }
        ui.horizontal(|ui| {
            if ui.button(v.t(action)).clicked() || enter {
                submit = true;
            }
            if ui.button(v.t("ui.cancel")).clicked() {
                cancel = true;
            }
        });
    });
    let text = prompt.text.trim().to_string();
    if submit && !text.is_empty() {
        let path = std::path::PathBuf::from(text);
        match prompt.purpose {
            PathPurpose::Open => out.send(FileCommand::Open(path)),
            PathPurpose::SaveAs => out.send(FileCommand::SaveAs(path)),
            PathPurpose::ExportCsv => out.send(FileCommand::ExportCsv(path)),
            PathPurpose::CompareAdd => out.send(CompareCommand::Add(path)),
            PathPurpose::ClassAdd => out.send(ClassCommand::Add(path)),
            PathPurpose::ExportPdf => out.send(FileCommand::ExportPdf(path)),
        }
        // Closed here, not by `DismissPathPrompt`, which also forgets the export's copy.
        *slot = None;
    } else if cancel {
        out.send(DialogCommand::DismissPathPrompt);
    }
}

/// The export dialog's question 「どちらを書き出しますか」 (which copy), with the two copies
/// ([`ReportCopy`]) and Cancel; the choice goes on to the file dialog.
pub fn copy_choice_ui(ui: &mut Ui, v: &View<'_>, open: bool, out: &mut Commands) {
    if !open {
        return;
    }
    egui::Modal::new(egui::Id::unique("export_choice")).show(ui.ctx(), |ui| {
        ui.set_max_width(theme::DIALOG_WIDTH);
        ui.heading(v.t("ui.copy_question"));
        for copy in ReportCopy::ALL {
            ui.add_space(theme::ITEM_GAP);
            if ui.button(v.t(copy.string_key())).clicked() {
                out.send(DialogCommand::ChooseCopy(copy));
            }
            ui.label(v.t(copy.hint_key()));
        }
        ui.add_space(theme::ITEM_GAP);
        if ui.button(v.t("ui.cancel")).clicked() {
            out.send(DialogCommand::DismissCopyChoice);
        }
    });
}
