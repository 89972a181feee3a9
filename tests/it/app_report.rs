//! The app's Export PDF: the button and Ctrl+E, the typed-path prompt, the adviser-copy box,
//! and the PDF it writes (parsed back).

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{MamoriApp, Nav, PathPurpose, Prefs, Screen};
use mamori::model::assessment::Mode;
use mamori::model::load::load_embedded;
use printpdf::{PdfDocument, PdfParseOptions};

fn harness(dir: &std::path::Path) -> Harness<'static, MamoriApp> {
    let app = MamoriApp::new(load_embedded().bundle, Prefs::default(), dir.to_path_buf());
    let mut h = Harness::builder()
        .with_size([1100.0, 3000.0])
        .build_ui_state(|ui, app: &mut MamoriApp| app.ui(ui), app);
    h.run();
    h
}

fn s(h: &Harness<'_, MamoriApp>, key: &str) -> String {
    h.state().t(key).to_string()
}

fn click(h: &mut Harness<'_, MamoriApp>, role: Role, label: &str) {
    h.get_all_by_role_and_label(role, label)
        .next()
        .unwrap_or_else(|| panic!("no {role:?} '{label}'"))
        .click();
    h.run();
}

fn has_text(h: &Harness<'_, MamoriApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Types `path` into the open typed-path prompt and confirms.
fn export_to(h: &mut Harness<'_, MamoriApp>, path: &std::path::Path) {
    assert_eq!(
        h.state().path_prompt.as_ref().map(|p| p.purpose),
        Some(PathPurpose::ExportPdf)
    );
    let field = s(h, "ui.path_label");
    h.get_by_label(&field).focus();
    h.run();
    h.state_mut().path_prompt.as_mut().unwrap().text.clear();
    h.get_by_label(&field)
        .type_text(&path.display().to_string());
    h.run();
    let here = s(h, "ui.export_here");
    click(h, Role::Button, &here);
    h.run();
    assert!(h.state().path_prompt.is_none());
}

fn pdf_text(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let doc = PdfDocument::parse(&bytes, &PdfParseOptions::default(), &mut Vec::new()).unwrap();
    doc.extract_text()
        .into_iter()
        .flatten()
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn export_pdf_through_the_typed_path_with_and_without_private_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    assert!(!h.state().file_dialogs, "tests never open a real dialog");
    h.state_mut().form.company = "書き出しテスト株式会社".into();
    h.state_mut().form.mode = Mode::Adviser;
    let begin = s(&h, "ui.begin");
    click(&mut h, Role::Button, &begin);
    h.key_press(egui::Key::Num3); // quick.rules: no
    h.run();
    h.state_mut()
        .doc
        .as_mut()
        .unwrap()
        .assessment
        .adviser
        .general = "PRIVATE非公開メモ".into();
    h.state_mut().send(Nav::Go(Screen::Results));
    h.run();

    // Ctrl+E: no dialog on this system, so the prompt asks for the path (suggesting .pdf).
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h
        .state()
        .path_prompt
        .as_ref()
        .unwrap()
        .text
        .ends_with(".pdf"));
    let company_copy = dir.path().join("会社用.pdf");
    export_to(&mut h, &company_copy);
    let text = pdf_text(&company_copy);
    assert!(
        text.contains("書き出しテスト株式会社"),
        "company name in the PDF"
    );
    assert!(
        !text.contains("PRIVATE"),
        "private notes in the company's copy"
    );
    assert!(
        has_text(&h, &s(&h, "ui.pdf_written")),
        "success shown in the window"
    );

    // The adviser ticks the box (off by default) and uses the button.
    assert!(!h.state().adviser_copy);
    let box_label = s(&h, "ui.adviser_copy_box");
    click(&mut h, Role::CheckBox, &box_label);
    assert!(h.state().adviser_copy);
    let button = s(&h, "ui.export_pdf");
    click(&mut h, Role::Button, &button);
    let adviser_copy = dir.path().join("控え.pdf");
    export_to(&mut h, &adviser_copy);
    assert!(pdf_text(&adviser_copy).contains("PRIVATE非公開メモ"));
    assert!(
        !h.state().adviser_copy,
        "the box is off again after the export"
    );

    // An unwritable place: the error is shown and no file appears.
    click(&mut h, Role::Button, &button);
    let bad = dir.path().join("no-such-folder/x.pdf");
    export_to(&mut h, &bad);
    assert!(!bad.exists());
    assert!(h
        .state()
        .error
        .as_deref()
        .unwrap_or("")
        .contains("no-such-folder"));
    assert!(has_text(&h, &s(&h, "ui.error_pdf")));
}

#[test]
fn the_adviser_copy_box_is_only_offered_in_adviser_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.state_mut().form.company = "自己点検株式会社".into();
    let begin = s(&h, "ui.begin");
    click(&mut h, Role::Button, &begin);
    h.state_mut().send(Nav::Go(Screen::Results));
    h.run();
    let button = s(&h, "ui.export_pdf");
    assert!(h
        .query_all_by_role_and_label(Role::Button, &button)
        .next()
        .is_some());
    let box_label = s(&h, "ui.adviser_copy_box");
    assert!(h
        .query_all_by_role_and_label(Role::CheckBox, &box_label)
        .next()
        .is_none());
    // Even if set, a self-check never exports private notes.
    h.state_mut().adviser_copy = true;
    assert!(!h.state().exports_adviser_copy());
}
