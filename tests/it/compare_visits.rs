//! Visits compared whatever order they are given in: the same changes, a notice when they had
//! to be put in date order, いいえ → 一部 as progress, and a weak item left unanswered never
//! counted as resolved (issue 11).

use crate::common::{all, mamori, stdout};
use mamori::model::assessment::Assessment;
use mamori::model::compare::compare;
use mamori::model::date::Date;
use mamori::model::load::load_embedded;
use mamori::model::schema::{Answer, Bundle};

fn bundle() -> Bundle {
    load_embedded().bundle
}

/// An older visit (everything no) and a newer one: rules.written no → partly, pc.usb no → yes,
/// pc.logs no → unanswered.
fn visits(b: &Bundle) -> (Assessment, Assessment) {
    let mut old = all(b, Answer::No);
    old.date = Date::parse("2025-12-01").unwrap();
    let mut new = old.clone();
    new.date = Date::parse("2026-12-01").unwrap();
    let ids: Vec<&str> = b.questions().map(|(_, q)| q.id.as_str()).collect();
    for id in ["rules.written_policy", "pc.usb", "pc.logs"] {
        assert!(ids.contains(&id), "{id} is not a question");
    }
    new.set_answer("rules.written_policy", Some(Answer::Partly));
    new.set_answer("pc.usb", Some(Answer::Yes));
    new.set_answer("pc.logs", None);
    (old, new)
}

#[test]
fn either_order_gives_the_same_changes_and_says_when_it_reordered() {
    let b = bundle();
    let (old, new) = visits(&b);
    let right = compare(&b, &new, std::slice::from_ref(&old)).unwrap();
    let swapped = compare(&b, &old, std::slice::from_ref(&new)).unwrap();
    assert!(!right.reordered);
    assert!(swapped.reordered);
    assert_eq!(right.overall, swapped.overall);
    assert_eq!(right.checklists, swapped.checklists);
    assert_eq!(right.resolved, swapped.resolved);
    assert_eq!(right.improved, swapped.improved);
    assert_eq!(right.not_answered_now, swapped.not_answered_now);
    assert!(right.overall.delta().unwrap() > 0.0, "{:?}", right.overall);
}

#[test]
fn unanswered_is_never_resolved_and_no_to_partly_is_progress() {
    let b = bundle();
    let (old, new) = visits(&b);
    let c = compare(&b, &new, &[old]).unwrap();
    assert!(
        c.resolved.contains(&"pc.usb".to_string()),
        "{:?}",
        c.resolved
    );
    assert!(!c.resolved.contains(&"pc.logs".to_string()));
    assert_eq!(c.not_answered_now, ["pc.logs"]);
    assert!(
        c.improved.contains(&"rules.written_policy".to_string()),
        "{:?}",
        c
    );
    assert!(!c.improved.contains(&"pc.usb".to_string()));
}

#[test]
fn cli_compare_in_either_order_prints_the_same_changes_and_the_notice() {
    let b = bundle();
    let (old, new) = visits(&b);
    let dir = tempfile::tempdir().unwrap();
    let (po, pn) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
    old.save(&po).unwrap();
    new.save(&pn).unwrap();
    let (po, pn) = (po.to_str().unwrap(), pn.to_str().unwrap());
    let right = stdout(&mamori(&["compare", pn, po]));
    let swapped = stdout(&mamori(&["compare", po, pn]));
    let notice = b.s("score.cmp_reordered", mamori::model::text::Lang::Ja);
    assert!(
        !right.contains(notice) && swapped.contains(notice),
        "{swapped}"
    );
    assert_eq!(right, swapped.replacen(&format!("{notice}\n"), "", 1));
    assert!(right.contains(b.s("score.cmp_not_answered", mamori::model::text::Lang::Ja)));
}

/// `mamori new --prefecture` stores the official name, which chooses the Kansai desk; an
/// unknown name is refused with a hint.
#[test]
fn new_with_a_prefecture_chooses_the_regional_desk() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.ron");
    let fs = f.to_str().unwrap();
    let o = mamori(&["new", "--out", fs, "--prefecture", "Osaka"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    assert_eq!(Assessment::load(&f).unwrap().company.prefecture, "大阪府");
    mamori(&["answer", fs, "quick.rules", "no"]);
    let json = stdout(&mamori(&["score", fs, "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["contacts"][0]["id"], "kansai_senmon", "{json}");
    let o = mamori(&["new", "--out", fs, "--force", "--prefecture", "Atlantis"]);
    assert!(!o.status.success());
    assert!(crate::common::stderr(&o).contains("大阪府"));
}

/// The screening row of `score` shows how many are answered, no score or band.
#[test]
fn score_text_screening_row_has_no_score() {
    let b = bundle();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.ron");
    all(&b, Answer::Yes).save(&f).unwrap();
    let text = stdout(&mamori(&["score", f.to_str().unwrap()]));
    let screening = b
        .checklists
        .iter()
        .find(|c| c.kind == mamori::model::schema::ChecklistKind::Screening)
        .unwrap();
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with(screening.title.ja.as_str()))
        .unwrap();
    assert!(
        !row.contains('—') && !row.contains("未回答") && row.contains("回答済み"),
        "{row}"
    );
}

/// A screening question answered わからない is on the to-confirm list of `score`, with how to
/// find out and the checklists it keeps open.
#[test]
fn score_text_says_what_a_screening_unknown_keeps_open() {
    let b = bundle();
    let (c, q) = b
        .questions()
        .find(|(c, q)| {
            c.kind == mamori::model::schema::ChecklistKind::Screening
                && b.checklists.iter().any(|x| {
                    x.applies_if
                        .as_ref()
                        .is_some_and(|cond| cond.questions().contains(&q.id.as_str()))
                })
        })
        .unwrap();
    assert_eq!(c.kind, mamori::model::schema::ChecklistKind::Screening);
    let mut a = all(&b, Answer::Yes);
    a.set_answer(&q.id, Some(Answer::Unknown));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.ron");
    a.save(&f).unwrap();
    let text = stdout(&mamori(&["score", f.to_str().unwrap()]));
    let section = text
        .split(b.s("score.to_confirm", mamori::model::text::Lang::Ja))
        .nth(1)
        .unwrap();
    assert!(section.contains(q.id.as_str()), "{text}");
    let keeps = b
        .s("plan.keeps_open", mamori::model::text::Lang::Ja)
        .split('{')
        .next()
        .unwrap();
    assert!(section.contains(keeps), "{section}");
}
