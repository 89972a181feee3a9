//! The frame around the pages: the navigation bar, the status bar, the error dialog and the
//! typed-path prompt.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::{
    theme, ExportCommand, FileCommand, MamoriApp, NavCommand, PathPrompt, PathPurpose, Screen,
    ClassCommand, CompareCommand,
};

/// The bar at the top: every page, then open, save as, save encrypted and undo.
pub(super) fn nav_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let question_target = app
        .next_unanswered()
        .or_else(|| app.prefs.last_question.clone())
        .or_else(|| app.flow().first().cloned());
    let has_doc = app.doc.is_some();
    let can_undo = !app.undo.is_empty();
    let current = app.screen.clone();
    let mut cx = Cx::new(&app.bundle, &app.prefs, false, &mut app.pending);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("mamori 守り").strong());
        ui.separator();
        let mut items: Vec<(&str, Screen, bool)> = vec![
            ("ui.nav_start", Screen::Start, true),
            ("ui.nav_overview", Screen::Overview, has_doc),
        ];
        if let Some(q) = question_target {
            items.push(("ui.nav_questions", Screen::Question(q), has_doc));
        }
        items.extend([
            ("ui.nav_results", Screen::Results, has_doc),
            ("ui.nav_cases", Screen::Cases(None), true),
            ("ui.nav_contacts", Screen::Contacts, true),
            ("ui.nav_settings", Screen::Settings, true),
            ("ui.nav_inventory", Screen::Inventory, has_doc),
            ("ui.nav_compare", Screen::Compare, has_doc),
            ("ui.nav_class", Screen::Class, true),
        ]);
        for (key, target, enabled) in items {
            let selected = std::mem::discriminant(&current) == std::mem::discriminant(&target);
            let button = egui::Button::new(cx.s(key)).selected(selected);
            if ui.add_enabled(enabled, button).clicked() {
                cx.send(NavCommand::Go(target));
            }
        }
        ui.separator();
        file_buttons_ui(&mut cx, ui, has_doc, can_undo);
    });
}

fn file_buttons_ui(cx: &mut Cx, ui: &mut Ui, has_doc: bool, can_undo: bool) {
    if ui.button(cx.s("ui.open")).on_hover_text("Ctrl+O").clicked() {
        cx.send(FileCommand::OpenDialog);
    }
    let save_as = egui::Button::new(cx.s("ui.save_as"));
    if ui
        .add_enabled(has_doc, save_as)
        .on_hover_text("Ctrl+Shift+S")
        .clicked()
    {
        cx.send(FileCommand::SaveAsDialog);
    }
    let encrypted = egui::Button::new(cx.s("ui.save_encrypted"));
    if ui.add_enabled(has_doc, encrypted).clicked() {
        cx.send(FileCommand::SaveEncryptedDialog);
    }
    let undo = egui::Button::new(cx.s("ui.undo"));
    if ui
        .add_enabled(can_undo, undo)
        .on_hover_text("Ctrl+Z")
        .clicked()
    {
        cx.send(crate::app::EditCommand::Undo);
    }
}

/// The bar at the bottom: where the check is saved, and the last notice.
pub(super) fn status_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let (b, lang) = (&app.bundle, app.prefs.lang);
    ui.horizontal_wrapped(|ui| {
        match &app.doc {
            Some(doc) => {
                let autosaved = b.s("ui.autosaved", lang);
                ui.label(format!("{autosaved}: {}", doc.path.display()));
            }
            None => {
                ui.label(b.s("ui.no_doc", lang));
            }
        }
        if let Some(n) = &app.notice {
            ui.separator();
            ui.label(n);
        }
    });
}

/// The error dialog (what, where, what to do); its button has the focus.
pub(super) fn error_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let Some(message) = app.error.as_deref() else {
        return;
    };
    let (b, lang) = (&app.bundle, app.prefs.lang);
    let mut dismiss = false;
    egui::Modal::new(egui::Id::unique("error_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(theme::DIALOG_WIDTH);
        ui.heading(b.s("ui.error_title", lang));
        ui.label(message);
        ui.add_space(theme::ITEM_GAP);
        let r = ui.button(b.s("ui.close", lang));
        r.request_focus();
        dismiss = r.clicked();
    });
    if dismiss {
        app.pending.push(NavCommand::DismissError.into());
    }
}

/// The title and button words of the typed-path prompt.
fn prompt_words(purpose: PathPurpose) -> (&'static str, &'static str) {
    match purpose {
        PathPurpose::Open => ("ui.open_title", "ui.open_typed"),
        PathPurpose::SaveAs => ("ui.save_as_title", "ui.save_here"),
        PathPurpose::ExportCsv => ("ui.export_csv", "ui.save_here"),
        PathPurpose::CompareAdd => ("ui.cmp_add", "ui.open_typed"),
        PathPurpose::ClassAdd => ("ui.class_add", "ui.open_typed"),
        PathPurpose::ExportPdf => ("ui.export_pdf_title", "ui.export_here"),
    }
}

/// Asks for a typed path when the system has no file dialog (see
/// [`crate::app::file_dialogs_available`]).
pub(super) fn path_prompt_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let Some(prompt) = app.path_prompt.as_mut() else {
        return;
    };
    let mut cx = Cx::new(&app.bundle, &app.prefs, false, &mut app.pending);
    let (title, action) = prompt_words(prompt.purpose);
    let (mut submit, mut cancel) = (false, false);
    egui::Modal::new(egui::Id::unique("path_prompt")).show(ui.ctx(), |ui| {
        ui.set_max_width(theme::WIDE_DIALOG_WIDTH);
        ui.heading(cx.s(title));
        ui.label(cx.s("ui.dialog_unavailable"));
        ui.add_space(theme::ITEM_GAP);
        let l = ui.label(cx.s("ui.path_label"));
        let field = egui::TextEdit::singleline(&mut prompt.text).desired_width(theme::PATH_FIELD_WIDTH);
        let r = ui.add(field).labelled_by(l.id);
        // Read Enter before giving the field focus again, or the re-focus hides it.
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !enter && ui.memory(|m| m.focused().is_none()) {
            r.request_focus();
        }
        ui.horizontal(|ui| {
            submit = ui.button(cx.s(action)).clicked() || enter;
            cancel = ui.button(cx.s("ui.cancel")).clicked();
        });
    });
    let text = prompt.text.trim().to_string();
    if submit && !text.is_empty() {
        cx.send(NavCommand::DismissPathPrompt);
        send_path(&mut cx, prompt, text);
    } else if cancel {
        cx.send(NavCommand::DismissPathPrompt);
    }
}

/// The command a typed path stands for.
fn send_path(cx: &mut Cx, prompt: &PathPrompt, text: String) {
    let p = std::path::PathBuf::from(text);
    match prompt.purpose {
        PathPurpose::Open => cx.send(FileCommand::Open(p)),
        PathPurpose::SaveAs => cx.send(FileCommand::SaveAs(p)),
        PathPurpose::ExportCsv => cx.send(ExportCommand::Csv(p)),
        PathPurpose::CompareAdd => cx.send(CompareCommand::Add(p)),
        PathPurpose::ClassAdd => cx.send(ClassCommand::Add(p)),
        PathPurpose::ExportPdf => cx.send(ExportCommand::Pdf(p)),
    }
}
