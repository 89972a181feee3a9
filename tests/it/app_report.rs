//! The app's Export PDF: the button and Ctrl+E, the question 「会社用 / アドバイザー控え」
//! asked each time for an adviser's check, the typed-path prompt suggesting the documents
//! folder and a name by company and date, and the PDF it writes (parsed back).

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::export::ReportCopy;
use mamori::app::{MamoriApp, Nav, PathPurpose, Prefs, Screen};
use mamori::model::assessment::Mode;
use mamori::model::load::load_embedded;
use printpdf::{PdfDocument, PdfParseOptions};

/// The app with its data and its documents folder in `dir`.
fn harness(dir: &std::path::Path) -> Harness<'static, MamoriApp> {
    let mut app = MamoriApp::new(load_embedded().bundle, Prefs::default(), dir.to_path_buf());
    app.documents_dir = dir.join("書類");
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

    // Ctrl+E asks which copy first; Escape cancels the export.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h.state().copy_choice);
    assert!(has_text(&h, &s(&h, "ui.copy_question")));
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().copy_choice && h.state().path_prompt.is_none());
    assert_eq!(h.state().export_copy, None);

    // The company's copy: no dialog on this system, so the prompt asks for the path,
    // suggesting the documents folder and a name by company and date.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let label = s(&h, "ui.copy_company");
    click(&mut h, Role::Button, &label);
    let date = h.state().doc.as_ref().unwrap().assessment.date;
    let suggested = dir
        .path()
        .join("書類")
        .join(format!("書き出しテスト株式会社-{date}.pdf"));
    assert_eq!(
        h.state().path_prompt.as_ref().unwrap().text,
        suggested.display().to_string()
    );
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
    let written = format!("{} ({})", s(&h, "ui.pdf_written"), s(&h, "ui.copy_company"));
    assert!(
        has_text(&h, &written),
        "success and the copy shown in the window"
    );

    // The adviser's copy, chosen through the button; the choice is not kept after it.
    let button = s(&h, "ui.export_pdf");
    click(&mut h, Role::Button, &button);
    let label = s(&h, "ui.copy_adviser");
    click(&mut h, Role::Button, &label);
    assert!(h.state().exports_adviser_copy());
    let adviser_copy = dir.path().join("控え.pdf");
    export_to(&mut h, &adviser_copy);
    assert!(pdf_text(&adviser_copy).contains("PRIVATE非公開メモ"));
    assert_eq!(h.state().export_copy, None, "the choice is forgotten");
    assert!(!h.state().exports_adviser_copy());
    // The next export asks again.
    click(&mut h, Role::Button, &button);
    assert!(h.state().copy_choice, "asked each time");
    let label = s(&h, "ui.copy_company");
    click(&mut h, Role::Button, &label);

    // An unwritable place: the error is shown and no file appears.
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
    // What to do in the window's language; the OS's English only behind 「詳細」.
    assert!(has_text(&h, &s(&h, "ui.error_write_todo")));
    assert!(!has_text(&h, "os error"));
    let detail = h.state().error_detail.clone().unwrap_or_default();
    assert!(detail.contains("os error"), "{detail}");
}

#[test]
fn a_self_check_exports_the_company_copy_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.state_mut().form.company = "自己点検株式会社".into();
    let begin = s(&h, "ui.begin");
    click(&mut h, Role::Button, &begin);
    h.state_mut().send(Nav::Go(Screen::Results));
    h.run();
    let button = s(&h, "ui.export_pdf");
    click(&mut h, Role::Button, &button);
    assert!(!h.state().copy_choice, "no private notes, nothing to ask");
    assert!(!has_text(&h, &s(&h, "ui.copy_adviser")));
    assert_eq!(
        h.state().path_prompt.as_ref().map(|p| p.purpose),
        Some(PathPurpose::ExportPdf)
    );
    // Even if the adviser's copy were chosen, a self-check never exports private notes.
    h.state_mut().export_copy = Some(ReportCopy::Adviser);
    assert!(!h.state().exports_adviser_copy());
    // Cancelling the path forgets the copy.
    let label = s(&h, "ui.cancel");
    click(&mut h, Role::Button, &label);
    assert_eq!(h.state().export_copy, None);
}
