//! A file that fails to load is never overwritten: opening it keeps the open assessment and
//! leaves the file as it was; a broken last file at start is kept and a new check goes
//! elsewhere. Saves keep the previous version as `name.ron.bak`.

use crate::common::ui::{click, harness_sized, has_text, s};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{FileCommand, MamoriApp, Prefs, Screen};
use mamori::model::fsutil::backup_path;
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;

fn harness(dir: &std::path::Path, prefs: Prefs) -> Harness<'static, MamoriApp> {
    harness_sized(dir, prefs, [1100.0, 3000.0])
}

fn answer(h: &mut Harness<'_, MamoriApp>, a: Answer) {
    let i = Answer::ALL.iter().position(|x| *x == a).unwrap() + 1;
    let label = format!("{i}  {}", s(h, a.string_key()));
    click(h, &label);
}

const BROKEN: &str = "// mamori assessment file\nAssessment(\n    format_version: 1,\n    questionnaire: QuestionnaireRef(\n        id: \"mamori\",\n";

#[test]
fn opening_a_broken_file_keeps_the_open_check_and_never_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    h.state_mut().form.company = "株式会社いま開いている".into();
    let begin = s(&h, "ui.begin");
    click(&mut h, &begin);
    let open_path = h.state().doc.as_ref().unwrap().path.clone();

    let broken = dir.path().join("壊れた.ron");
    std::fs::write(&broken, BROKEN).unwrap();
    h.state_mut().send(FileCommand::Open(broken.clone()));
    h.run();
    // The error is shown in the window, with where and what to do.
    assert!(
        has_text(&h, "壊れた.ron:6:"),
        "no file:line:col in the window"
    );
    let kept = s(&h, "ui.error_kept");
    assert!(has_text(&h, &kept));
    let doc = h.state().doc.as_ref().unwrap();
    assert_eq!(doc.path, open_path);
    assert_eq!(doc.assessment.company.name, "株式会社いま開いている");

    // Later edits go to the open check, never to the broken file.
    let close = s(&h, "ui.close");
    click(&mut h, &close);
    answer(&mut h, Answer::No);
    h.state_mut().flush();
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), BROKEN);
    assert!(!backup_path(&broken).exists());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with(".壊れた")), "{names:?}");
    // The answer was saved to the open file, with the version before it kept as backup.
    let saved = mamori::model::assessment::Assessment::load(&open_path).unwrap();
    assert!(saved.answers.values().any(|e| e.value == Some(Answer::No)));
    let backup = mamori::model::assessment::Assessment::load(&backup_path(&open_path)).unwrap();
    assert!(backup.answers.values().all(|e| e.value.is_none()));
}

#[test]
fn a_broken_last_file_at_start_is_kept_and_a_new_check_gets_a_new_name() {
    let dir = tempfile::tempdir().unwrap();
    let assessments = dir.path().join("assessments");
    std::fs::create_dir_all(&assessments).unwrap();
    let date = mamori::model::date::Date::today();
    let last = assessments.join(format!("株式会社つづき-{date}.ron"));
    std::fs::write(&last, BROKEN).unwrap();
    let prefs = Prefs {
        last_file: Some(last.clone()),
        ..Prefs::default()
    };
    let mut h = harness(dir.path(), prefs);
    let cont = s(&h, "ui.continue");
    click(&mut h, &format!("{cont} ({})", last.display()));
    assert!(h.state().doc.is_none());
    let msg = s(&h, "ui.error_not_opened");
    assert!(has_text(&h, &msg), "the user is not told");
    let close = s(&h, "ui.close");
    click(&mut h, &close);

    // A new check with the same company and date is saved under a new name.
    h.state_mut().form.company = "株式会社つづき".into();
    let begin = s(&h, "ui.begin");
    click(&mut h, &begin);
    answer(&mut h, Answer::Yes);
    h.state_mut().flush();
    let new_path = h.state().doc.as_ref().unwrap().path.clone();
    assert_ne!(new_path, last);
    assert!(matches!(h.state().screen, Screen::Question(_)));
    assert_eq!(std::fs::read_to_string(&last).unwrap(), BROKEN);
    assert!(!backup_path(&last).exists());
}

#[test]
fn a_typed_path_is_opened_with_enter() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typed.ron");
    let b = load_embedded().bundle;
    let mut a = mamori::model::assessment::Assessment::new(
        &b,
        mamori::model::date::Date::parse("2026-11-22").unwrap(),
    );
    a.company.name = "株式会社タイプ".into();
    a.save(&file).unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    h.state_mut().send(FileCommand::OpenDialog);
    h.run();
    assert!(h.state().path_prompt.is_some());
    let label = s(&h, "ui.path_label");
    h.get_by_label(&label).focus();
    h.run();
    h.get_by_label(&label)
        .type_text(&file.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let doc = h
        .state()
        .doc
        .as_ref()
        .expect("Enter did not open the typed path");
    assert_eq!(doc.assessment.company.name, "株式会社タイプ");
}
