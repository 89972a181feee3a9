//! Assessment format versions: every old version has a fixture that loads and migrates; a
//! newer version is refused naming both versions; answers to questions that no longer exist
//! are kept on save and shown (library, CLI, app).
use crate::common;

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{MamoriApp, Prefs, Screen};
use mamori::model::assessment::{Assessment, AssessmentError, Mode, FORMAT_VERSION};
use mamori::model::load::load_embedded;
use mamori::model::migrate::{v1_to_v2, CHANGELOG, V1};
use mamori::model::schema::Answer;

fn fixture(version: u32) -> std::path::PathBuf {
    common::root().join(format!("tests/fixtures/formats/v{version}.ron"))
}

#[test]
fn every_old_version_has_a_fixture_that_loads_as_the_current_version() {
    assert_eq!(FORMAT_VERSION, 2);
    assert_eq!(
        CHANGELOG.last().unwrap(),
        &(
            2,
            "v2 adds the information inventory and per-finding owner/due date"
        )
    );
    for (version, _) in CHANGELOG.iter().filter(|(v, _)| *v < FORMAT_VERSION) {
        let path = fixture(*version);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("no fixture for format version {version}: {e}"));
        assert!(text.contains(&format!("format_version: {version},")));
        let a = Assessment::load(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(a.format_version, FORMAT_VERSION);
    }
}

#[test]
fn a_v1_file_migrates_keeping_everything() {
    let path = fixture(1);
    let text = std::fs::read_to_string(&path).unwrap();
    let a = Assessment::load(&path).unwrap();
    // The migration chain, step by step, gives the same as loading.
    let v1: V1 = ron::from_str(&text).unwrap();
    assert_eq!(v1.format_version, 1);
    assert_eq!(v1_to_v2(v1.clone()), a);
    assert_eq!(a.company.name, "株式会社サンプル精工");
    assert_eq!(a.company.prefecture, "大阪府");
    assert_eq!(a.mode, Mode::Adviser);
    assert_eq!(a.answers, v1.answers);
    assert_eq!(a.answer("quick.rules"), Some(Answer::No));
    assert!(a.answers["screen.licensing"].review_later);
    assert_eq!(
        a.adviser.per_question["quick.rules"],
        "就業規則の写しを次回もらう"
    );
    // It scores like any current file.
    let b = load_embedded().bundle;
    let r = mamori::model::scoring::score(&b, &a);
    assert!(r.overall.is_some());
    assert!(r.orphan_answers.is_empty(), "{:?}", r.orphan_answers);

    // Saved, it is a current-version file; the v1 original stays as the backup.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.ron");
    std::fs::write(&copy, &text).unwrap();
    let loaded = Assessment::load(&copy).unwrap();
    loaded.save(&copy).unwrap();
    let saved = std::fs::read_to_string(&copy).unwrap();
    assert!(saved.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert_eq!(Assessment::load(&copy).unwrap(), loaded);
    let bak = mamori::model::fsutil::backup_path(&copy);
    assert_eq!(std::fs::read_to_string(bak).unwrap(), text);
}

#[test]
fn a_v1_file_with_a_field_v1_never_had_is_refused_with_its_position() {
    let text = std::fs::read_to_string(fixture(1)).unwrap().replace(
        "    mode: Adviser,\n",
        "    mode: Adviser,\n    inventory: [],\n",
    );
    let line = text.lines().position(|l| l.contains("inventory")).unwrap() + 1;
    match Assessment::from_ron_str("old.ron", &text).unwrap_err() {
        AssessmentError::Invalid(d) => {
            assert_eq!((d.line, d.col), (line, 5), "{d}");
            assert!(d.message.contains("format version 1"), "{d}");
            assert!(d.to_string().contains("old.ron:"), "{d}");
        }
        other => panic!("{other}"),
    }
}

#[test]
fn format_99_is_refused_naming_both_versions_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    let text = std::fs::read_to_string(fixture(1))
        .unwrap()
        .replace("format_version: 1,", "format_version: 99,");
    std::fs::write(&path, &text).unwrap();
    let err = Assessment::load(&path).unwrap_err();
    assert!(matches!(
        err,
        AssessmentError::TooNew {
            found: 99,
            supported: FORMAT_VERSION,
            ..
        }
    ));
    let msg = err.to_string();
    assert!(msg.contains("99") && msg.contains("up to 2"), "{msg}");
    let o = common::mamori(&["score", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("99") && err.contains("up to 2"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A file with an answer to a question the questionnaire no longer has.
fn with_orphan(dir: &std::path::Path) -> std::path::PathBuf {
    let b = load_embedded().bundle;
    let mut a = common::answered(&b, &[("quick.rules", Answer::Yes)]);
    a.company.name = "株式会社むかし".into();
    a.set_answer("quick.removed_question", Some(Answer::Partly));
    a.answers.get_mut("quick.removed_question").unwrap().note = "昔の質問へのメモ".into();
    let path = dir.join("orphan.ron");
    a.save(&path).unwrap();
    path
}

#[test]
fn orphan_answers_are_kept_on_save_and_shown_by_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_orphan(dir.path());
    // Answering another question through the CLI rewrites the file: the orphan stays.
    let o = common::mamori(&["answer", path.to_str().unwrap(), "quick.pc", "no"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a = Assessment::load(&path).unwrap();
    assert_eq!(a.answer("quick.removed_question"), Some(Answer::Partly));
    assert_eq!(a.answer("quick.pc"), Some(Answer::No));

    let o = common::mamori(&["score", path.to_str().unwrap()]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("現在の質問票にない質問への回答"), "{text}");
    assert!(
        text.contains("quick.removed_question: 一部 (昔の質問へのメモ)"),
        "{text}"
    );
    let o = common::mamori(&["score", path.to_str().unwrap(), "--lang", "en"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("quick.removed_question: Partly"), "{text}");
}

#[test]
fn orphan_answers_are_shown_on_the_results_page_and_kept_by_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_orphan(dir.path());
    let app = MamoriApp::new(load_embedded().bundle, Prefs::default(), dir.path().into());
    let mut h = Harness::builder()
        .with_size([1100.0, 3000.0])
        .build_ui_state(|ui, app: &mut MamoriApp| app.ui(ui), app);
    h.state_mut().open(&path);
    h.state_mut().screen = Screen::Results;
    h.run();
    let heading = h.state().t("score.orphans").to_string();
    assert!(h.query_all_by_label_contains(&heading).next().is_some());
    assert!(h
        .query_all_by_label_contains("quick.removed_question: 一部 (昔の質問へのメモ)")
        .next()
        .is_some());
    // An answer given in the app saves the file; the orphan answer is still in it.
    h.state_mut().send(mamori::app::DocCommand::Answer(
        "quick.pc".into(),
        Answer::Partly,
    ));
    h.run();
    h.state_mut().flush();
    let a = Assessment::load(&path).unwrap();
    assert_eq!(a.answer("quick.pc"), Some(Answer::Partly));
    assert_eq!(a.answer("quick.removed_question"), Some(Answer::Partly));
}
