//! The assessment file: save → load round trip, version handling, precise errors.
use crate::common;

use mamori::model::assessment::{Assessment, AssessmentError, Mode, StaffBand, FORMAT_VERSION};
use mamori::model::schema::Answer;

fn full(b: &mamori::model::schema::Bundle) -> Assessment {
    let mut a = common::answered(
        b,
        &[("quick.rules", Answer::No), ("basic.a", Answer::Partly)],
    );
    a.company.name = "株式会社こはぜ屋 \"足袋\"\n2行目".into();
    a.company.industry = "製造業".into();
    a.company.staff_band = Some(StaffBand::From21To50);
    a.company.prefecture = "埼玉県".into();
    a.assessor = "宮沢".into();
    a.mode = Mode::Adviser;
    let e = a.answers.get_mut("quick.rules").unwrap();
    e.note = "規程は未作成。来月に検討).".into();
    e.review_later = true;
    a.adviser.general = "社長は前向き。".into();
    a.adviser
        .per_question
        .insert("basic.a".into(), "要フォロー".into());
    a
}

#[test]
fn save_then_load_gives_the_same_assessment() {
    let b = common::mini();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.ron");
    let a = full(&b);
    a.save(&p).unwrap();
    let back = Assessment::load(&p).unwrap();
    assert_eq!(back, a);
    // Saving again over the file replaces it atomically, leaving no temp file behind.
    back.save(&p).unwrap();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_newer_format_is_refused_naming_both_versions() {
    let b = common::mini();
    let text = full(&b).to_ron_string().unwrap().replace(
        &format!("format_version: {FORMAT_VERSION}"),
        "format_version: 7",
    );
    let err = Assessment::from_ron_str("x.ron", &text).unwrap_err();
    assert!(matches!(
        err,
        AssessmentError::TooNew {
            found: 7,
            supported: FORMAT_VERSION,
            ..
        }
    ));
    let msg = err.to_string();
    assert!(
        msg.contains('7') && msg.contains(&FORMAT_VERSION.to_string()),
        "{msg}"
    );
}

#[test]
fn errors_name_line_and_column() {
    let b = common::mini();
    let text = full(&b)
        .to_ron_string()
        .unwrap()
        .replace("mode: Adviser", "mode: Boss");
    let line = text.lines().position(|l| l.contains("mode: Boss")).unwrap() + 1;
    let col = text.lines().nth(line - 1).unwrap().find("Boss").unwrap() + 1;
    match Assessment::from_ron_str("x.ron", &text).unwrap_err() {
        AssessmentError::Invalid(d) => {
            assert_eq!((d.line, d.col), (line, col), "{d}");
            assert!(d.message.contains("Boss"), "{d}");
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_bad_date_is_reported() {
    let b = common::mini();
    let text = full(&b)
        .to_ron_string()
        .unwrap()
        .replace("2026-11-22", "2026-02-30");
    let err = Assessment::from_ron_str("x.ron", &text)
        .unwrap_err()
        .to_string();
    assert!(err.contains("2026-02-30"), "{err}");
}

#[test]
fn the_example_assessment_loads_and_scores() {
    let b = mamori::model::load::load_embedded().bundle;
    let a = Assessment::load(&common::root().join("examples/assessment.ron")).unwrap();
    let r = mamori::model::scoring::score(&b, &a);
    assert!(r.overall.is_some());
    assert!(!r.findings.is_empty());
    assert!(r.orphan_answers.is_empty(), "{:?}", r.orphan_answers);
}
