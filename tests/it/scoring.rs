//! Scoring rules on the small fixture questionnaire (tests/fixtures/mini).

use crate::common::{all, answered, mini};
use mamori::model::schema::{Answer::*, Objective};
use mamori::model::scoring::{score, Band, Severity, Status};

fn status_of(r: &mamori::model::scoring::ScoreReport, id: &str) -> Status {
    r.checklists.iter().find(|c| c.id == id).unwrap().status
}

fn score_of(r: &mamori::model::scoring::ScoreReport, id: &str) -> Option<f64> {
    r.checklists.iter().find(|c| c.id == id).unwrap().score
}

#[test]
fn empty_assessment() {
    let b = mini();
    let r = score(&b, &answered(&b, &[]));
    assert_eq!(r.overall, None);
    assert_eq!(r.band(), None);
    assert!(r.findings.is_empty());
    assert!(r.consult.is_none());
    assert!(r.to_confirm.is_empty());
    for id in ["quick", "screen", "basic", "lic"] {
        assert_eq!(status_of(&r, id), Status::NotStarted, "{id}");
    }
    // basic.d waits on basic.a; lic waits on screen.lic: both still shown while undecided.
    assert_eq!(r.unanswered.len(), 10, "{:?}", r.unanswered);
}

#[test]
fn all_yes() {
    let b = mini();
    let r = score(&b, &all(&b, Yes));
    assert_eq!(r.overall, Some(100.0));
    assert_eq!(r.band(), Some(Band::Good));
    assert!(r.findings.is_empty());
    assert!(r.consult.is_none());
    assert!(r.checklists.iter().all(|c| c.status == Status::Done));
    assert!(r.objectives.iter().all(|o| o.score == Some(100.0)));
}

#[test]
fn all_no_gives_sorted_findings_and_the_consult_rule() {
    let b = mini();
    let r = score(&b, &all(&b, No));
    assert_eq!(r.overall, Some(0.0));
    assert_eq!(r.band(), Some(Band::ActionNeeded));
    let got: Vec<(&str, Severity)> = r
        .findings
        .iter()
        .map(|f| (f.question_id.as_str(), f.severity))
        .collect();
    use Severity::*;
    assert_eq!(
        got,
        [
            ("quick.rules", High),
            ("quick.pc", High),
            ("basic.c", High),
            ("basic.a", Medium),
            ("basic.b", Medium),
            ("basic.e", Medium),
            ("lic.a", Medium),
            ("lic.b", Medium),
        ]
    );
    // basic.d depends on basic.a being yes or partly: with "no" it is skipped.
    assert!(!r.findings.iter().any(|f| f.question_id == "basic.d"));
    let c = r
        .consult
        .as_ref()
        .expect("one weak quick-check item is enough");
    assert_eq!(c.weak_items, ["quick.rules", "quick.pc"]);
    assert_eq!(c.contacts, ["desk"]);
    assert_eq!(c.advice, "consult_desk");
    // Cases come first among a finding's advice; contacts fall back to the advice's desks.
    let pc = r
        .findings
        .iter()
        .find(|f| f.question_id == "quick.pc")
        .unwrap();
    assert_eq!(pc.contacts, ["desk"]);
}

#[test]
fn na_leaves_the_denominator() {
    let b = mini();
    let a = answered(
        &b,
        &[
            ("basic.a", Yes),
            ("basic.b", Na),
            ("basic.c", No),
            ("basic.d", Yes),
            ("basic.e", Yes),
        ],
    );
    let r = score(&b, &a);
    assert_eq!(score_of(&r, "basic"), Some(62.5)); // (1 + 0 + 1 + 3) / (1 + 3 + 1 + 3)
    assert_eq!(r.overall, Some(62.5));
    assert_eq!(r.band(), Some(Band::NeedsImprovement));
    let trust = r
        .objectives
        .iter()
        .find(|o| o.key == Objective::Trust)
        .unwrap();
    assert_eq!(
        trust.score, None,
        "only basic.b maps to Trust and it is n/a"
    );
    let access = r
        .objectives
        .iter()
        .find(|o| o.key == Objective::AccessControl)
        .unwrap();
    assert_eq!(access.score, Some(100.0));
}

#[test]
fn unknown_scores_like_no_and_is_listed_to_confirm() {
    let b = mini();
    let r = score(
        &b,
        &answered(&b, &[("quick.rules", Unknown), ("quick.pc", Yes)]),
    );
    assert_eq!(score_of(&r, "quick"), Some(50.0));
    assert_eq!(r.to_confirm, ["quick.rules"]);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].answer, Unknown);
    assert_eq!(r.findings[0].severity, Severity::High);
    assert_eq!(r.consult.as_ref().unwrap().weak_items, ["quick.rules"]);
}

#[test]
fn skip_condition_hides_a_checklist() {
    let b = mini();
    let r = score(
        &b,
        &answered(&b, &[("screen.lic", No), ("lic.a", No), ("basic.a", Yes)]),
    );
    assert_eq!(status_of(&r, "lic"), Status::NotApplicable);
    assert_eq!(score_of(&r, "lic"), None);
    assert!(!r.findings.iter().any(|f| f.checklist_id == "lic"));
    assert!(!r.unanswered.iter().any(|q| q.starts_with("lic.")));
    assert_eq!(r.overall, Some(100.0), "only basic.a counts");

    let r = score(&b, &answered(&b, &[("screen.lic", Unknown)]));
    assert_eq!(
        status_of(&r, "lic"),
        Status::NotStarted,
        "unknown keeps it applicable"
    );
}

#[test]
fn skip_condition_hides_a_question() {
    let b = mini();
    let r = score(&b, &answered(&b, &[("basic.a", No)]));
    let basic = r.checklists.iter().find(|c| c.id == "basic").unwrap();
    assert_eq!(basic.applicable, 4);
    assert!(!r.unanswered.contains(&"basic.d".to_string()));
    let r = score(&b, &answered(&b, &[("basic.a", Partly)]));
    assert!(r.unanswered.contains(&"basic.d".to_string()));
}

#[test]
fn critical_items_are_findings_whatever_the_checklist_score() {
    let b = mini();
    let a = answered(
        &b,
        &[
            ("basic.a", Yes),
            ("basic.b", Yes),
            ("basic.c", Partly),
            ("basic.d", Yes),
            ("basic.e", Yes),
        ],
    );
    let r = score(&b, &a);
    assert_eq!(score_of(&r, "basic"), Some(85.0));
    let got: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.question_id.as_str(), f.severity))
        .collect();
    assert_eq!(got, [("basic.c", Severity::Medium)]);

    // A non-critical "partly" in a good checklist is not a finding.
    let a = answered(
        &b,
        &[
            ("basic.a", Partly),
            ("basic.b", Yes),
            ("basic.c", Yes),
            ("basic.d", Yes),
            ("basic.e", Yes),
        ],
    );
    let r = score(&b, &a);
    assert_eq!(score_of(&r, "basic"), Some(95.0));
    assert!(r.findings.is_empty());

    // The same answer in a weak checklist is a low finding.
    let a = answered(&b, &[("basic.a", Partly), ("basic.b", No), ("basic.e", No)]);
    let r = score(&b, &a);
    let a_finding = r
        .findings
        .iter()
        .find(|f| f.question_id == "basic.a")
        .unwrap();
    assert_eq!(a_finding.severity, Severity::Low);
    assert_eq!(
        r.findings.last().unwrap().question_id,
        "basic.a",
        "low comes last"
    );
}

#[test]
fn overall_is_weighted_by_checklist() {
    let b = mini();
    let a = answered(
        &b,
        &[
            ("quick.rules", Yes),
            ("quick.pc", Yes),
            ("basic.a", Yes),
            ("basic.b", No),
            ("basic.c", No),
            ("basic.d", No),
            ("basic.e", No),
        ],
    );
    let r = score(&b, &a);
    assert_eq!(score_of(&r, "quick"), Some(100.0));
    assert_eq!(score_of(&r, "basic"), Some(10.0));
    assert_eq!(r.overall, Some(40.0)); // (1·100 + 2·10) / 3
}

#[test]
fn orphans_and_review_flags_are_kept() {
    let b = mini();
    let mut a = answered(&b, &[("gone.question", No), ("basic.b", Yes)]);
    a.answers.get_mut("basic.b").unwrap().review_later = true;
    let r = score(&b, &a);
    assert_eq!(r.orphan_answers, ["gone.question"]);
    assert_eq!(r.review_later, ["basic.b"]);
    assert_eq!(r.overall, Some(100.0), "an orphan answer is not scored");
}
