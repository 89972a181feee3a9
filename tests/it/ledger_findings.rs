//! The disclosure ledger's warnings as findings linked to case 02 (issue 17): each kind with
//! its severity, the verdict capped by a disclosure without an NDA, the action in the plan.

use crate::common::all;
use mamori::model::date::Date;
use mamori::model::ledger::{DisclosureForm, LedgerEntry, LedgerWarning, NdaRef};
use mamori::model::load::load_embedded;
use mamori::model::plan::ActionPlan;
use mamori::model::schema::{Answer, Bundle};
use mamori::model::scoring::{score, score_on, Band, Severity};
use mamori::model::text::Lang;
use mamori::model::verdict::Verdict;

fn shipped() -> Bundle {
    let out = load_embedded();
    assert!(out.is_clean(), "{:#?}", out.diagnostics);
    out.bundle
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// A disclosure with nothing to warn about on 2026-12-01.
fn complete(form: DisclosureForm) -> LedgerEntry {
    let mut e = LedgerEntry::new(d("2026-11-02"), "D社 技術部", "試験データ", form);
    e.marked = true;
    e.confirmed_in_writing = form == DisclosureForm::Verbal;
    e.nda = Some(NdaRef {
        reference: "NDA-2026-07".into(),
        date: Some(d("2026-10-20")),
        purpose: "見積のため".into(),
    });
    e.return_by = Some(d("2026-11-30"));
    e.status = mamori::model::ledger::LedgerStatus::Returned;
    e
}

/// One entry for each kind, with only that warning on 2026-12-01.
fn one_of_each() -> Vec<(LedgerWarning, LedgerEntry)> {
    let mut no_nda = complete(DisclosureForm::Data);
    no_nda.nda = None;
    let mut unmarked = complete(DisclosureForm::Sample);
    unmarked.marked = false;
    let mut verbal = complete(DisclosureForm::Verbal);
    verbal.confirmed_in_writing = false;
    let mut late = complete(DisclosureForm::Paper);
    late.status = mamori::model::ledger::LedgerStatus::Out;
    vec![
        (LedgerWarning::NoNda, no_nda),
        (LedgerWarning::Unmarked, unmarked),
        (LedgerWarning::VerbalNotConfirmed, verbal),
        (LedgerWarning::ReturnOverdue, late),
    ]
}

#[test]
fn each_warning_kind_is_a_finding_with_its_severity() {
    let b = shipped();
    for (kind, entry) in one_of_each() {
        let mut a = all(&b, Answer::Yes);
        a.ledger = vec![complete(DisclosureForm::Paper), entry];
        let r = score_on(&b, &a, d("2026-12-01"));
        assert_eq!(r.ledger.len(), 1, "{kind:?}: {:?}", r.ledger);
        assert_eq!((r.ledger[0].entry, r.ledger[0].warning), (1, kind));
        let expected = match kind {
            LedgerWarning::NoNda => Severity::High,
            _ => Severity::Medium,
        };
        assert_eq!(r.ledger[0].severity, expected, "{kind:?}");
        assert!(r.advice().contains(&"case02".to_string()), "{kind:?}");
        // Without the date, the ledger is not scored, and a day earlier the return is not late.
        assert!(score(&b, &a).ledger.is_empty());
    }
    let mut a = all(&b, Answer::Yes);
    a.ledger = vec![one_of_each().remove(3).1];
    assert!(score_on(&b, &a, d("2026-11-30")).ledger.is_empty());
}

#[test]
fn a_disclosure_without_an_nda_keeps_the_verdict_from_good_and_is_named() {
    let b = shipped();
    let mut a = all(&b, Answer::Yes);
    a.ledger = vec![one_of_each().remove(0).1];
    let r = score_on(&b, &a, d("2026-12-01"));
    let v = Verdict::of(&r);
    assert_eq!(v.score_band, Some(Band::Good));
    assert_eq!(v.level, Some(Band::NeedsImprovement));
    assert!(v.is_capped());
    assert_eq!(v.ledger_no_nda, vec![0]);
    assert_eq!(
        v.reason_lines(&b, Lang::Ja),
        vec!["開示記録: NDAなしの開示1件(事例02)".to_string()]
    );
    assert!(v.reason_lines(&b, Lang::En)[0].contains("without an NDA"));
    // Medium warnings alone do not cap the verdict.
    let mut a = all(&b, Answer::Yes);
    a.ledger = one_of_each().into_iter().skip(1).map(|(_, e)| e).collect();
    let v = Verdict::of(&score_on(&b, &a, d("2026-12-01")));
    assert_eq!(v.level, Some(Band::Good));
    assert!(v.ledger_no_nda.is_empty());
}

#[test]
fn the_plan_has_an_action_for_the_ledger_linked_to_case_02_with_a_step_per_warning() {
    let b = shipped();
    let mut a = all(&b, Answer::Yes);
    a.ledger = one_of_each().into_iter().map(|(_, e)| e).collect();
    a.ledger[0].partner = "E社".into();
    let r = score_on(&b, &a, d("2026-12-01"));
    let plan = ActionPlan::of(&b, &a, &r);
    assert_eq!(plan.actions.len(), 1);
    let action = &plan.actions[0];
    assert_eq!(action.advice_id, "case02");
    assert!(b.advice(&action.advice_id).is_some());
    assert_eq!(action.severity, Severity::High);
    assert_eq!(
        action.title.get(Lang::Ja),
        "開示記録の注意点を手当てする(事例02)"
    );
    assert_eq!(action.steps.len(), 4);
    let first = action.first_step();
    assert_eq!(first.ledger.map(|f| f.warning), Some(LedgerWarning::NoNda));
    assert!(first.text.get(Lang::Ja).starts_with("E社「試験データ」: "));
    assert!(first.text.get(Lang::Ja).contains("契約番号"));
    for step in &action.steps {
        assert!(!step.text.ja.is_empty() && !step.text.en.is_empty());
        assert!(!step.text.en.contains("ledger.step"), "{}", step.text.en);
    }
    // The plan without the ledger has no such action; with a critical gap, the gap's action
    // and the ledger's are both there, the heavier first.
    assert!(ActionPlan::build(&b, &r).actions.is_empty());
    let mut gap = all(&b, Answer::Yes);
    gap.set_answer("nda.sign_before_disclose", Some(Answer::No));
    gap.ledger = vec![one_of_each().remove(1).1];
    let r = score_on(&b, &gap, d("2026-12-01"));
    let plan = ActionPlan::of(&b, &gap, &r);
    assert_eq!(plan.actions.len(), 2);
    assert_eq!(plan.actions[0].severity, Severity::High);
    assert!(plan.actions[1].first_step().ledger.is_some());
}

fn report_text(b: &Bundle, a: &mamori::model::assessment::Assessment, adviser: bool) -> String {
    let options = mamori::report::ReportOptions {
        lang: Lang::Ja,
        adviser_copy: adviser,
        today: d("2026-12-01"),
    };
    let pdf = mamori::report::render(b, a, &options).unwrap();
    crate::common::pdf::Parsed::new(&pdf).flat()
}

#[test]
fn the_report_has_the_ledger_appendix_with_its_warnings_only_when_the_ledger_has_entries() {
    use crate::common::pdf::squash;
    let b = shipped();
    let mut a = all(&b, Answer::Yes);
    a.company.name = "株式会社テスト".into();
    let empty = report_text(&b, &a, false);
    assert!(!empty.contains(&squash(b.s("guide.ledger.heading", Lang::Ja))));
    let mut entry = one_of_each().remove(0).1;
    entry.partner = "北辰精機".into();
    a.ledger = vec![entry];
    for adviser in [false, true] {
        let flat = report_text(&b, &a, adviser);
        assert!(flat.contains(&squash(b.s("guide.ledger.heading", Lang::Ja))));
        assert!(flat.contains("北辰精機"), "partner");
        let warning = b.s("ledger.warning.no_nda", Lang::Ja);
        // A table cell wraps: the start of the warning stands together.
        let start: String = squash(warning).chars().take(6).collect();
        let high = b.s("severity.high", Lang::Ja);
        assert!(flat.contains(&squash(&format!("※[{high}]"))), "{adviser}");
        assert!(flat.contains(&start), "{adviser}: {start}");
        // The verdict names the disclosure without an NDA.
        assert!(flat.contains(&squash("開示記録: NDAなしの開示1件(事例02)")));
    }
}

#[test]
fn mamori_score_shows_the_ledger_findings_in_text_and_json() {
    use crate::common::{mamori, p, stdout};
    let b = shipped();
    let mut a = all(&b, Answer::Yes);
    let mut entry = one_of_each().remove(0).1;
    entry.partner = "北辰精機".into();
    a.ledger = vec![entry];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    a.save(&file).unwrap();
    let text = stdout(&mamori(&["score", p(&file)]));
    assert!(
        text.contains("開示記録: NDAなしの開示1件(事例02)"),
        "{text}"
    );
    assert!(
        text.contains("開示記録: 北辰精機「試験データ」(2026年11月2日)"),
        "{text}"
    );
    assert!(
        text.contains("開示記録の注意点を手当てする(事例02)"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&mamori(&["score", p(&file), "--json"]))).unwrap();
    let f = &json["ledger_findings"][0];
    assert_eq!(f["warning"], "no_nda");
    assert_eq!(f["severity"], "high");
    assert_eq!(f["advice"], "case02");
    assert_eq!(json["verdict"]["level"], "needs_improvement");
    assert_eq!(json["verdict"]["ledger_no_nda"][0], 0);
    let action = &json["actions"][0];
    assert_eq!(action["advice_id"], "case02");
    assert_eq!(action["steps"][0]["ledger_warning"], "no_nda");
    assert_eq!(action["steps"][0]["ledger_entry"], 0);
}

#[test]
fn the_report_counts_the_ledger_warnings_and_lists_every_ledger_step_in_the_plan() {
    use crate::common::pdf::squash;
    let b = shipped();
    let mut a = all(&b, Answer::Yes);
    // One high (no NDA) and one medium (unmarked sample) warning, every question answered yes.
    a.ledger = one_of_each().into_iter().take(2).map(|(_, e)| e).collect();
    let flat = report_text(&b, &a, false);
    // The summary does not say "0 weak points" next to a verdict capped by the ledger.
    assert!(flat.contains(&squash("弱いところが2件")), "summary count");
    assert!(!flat.contains(&squash("弱いところが0件")));
    // The plan's count agrees with the summary and with its own severities (1 high, 1 medium).
    let plan_count = squash("弱いところ2件(重要度 高 1件・中 1件・低 0件)");
    assert!(flat.contains(&plan_count), "plan count");
    // The medium step is a row of the plan's table, with the warning it closes.
    for key in ["ledger.step.unmarked", "ledger.warning.unmarked"] {
        let start: String = squash(b.s(key, Lang::Ja)).chars().take(8).collect();
        assert!(flat.contains(&start), "{key}: {start}");
    }
}
