//! The verdict, the action plan, the desks by region and the to-confirm list (issue 11), on
//! the shipped questionnaire: a critical gap is never averaged away.

use crate::common::{all, answered};
use mamori::model::assessment::Assessment;
use mamori::model::load::load_embedded;
use mamori::model::plan::{ActionPlan, StepKind};
use mamori::model::schema::{Answer, Bundle, ChecklistKind};
use mamori::model::scoring::{score, Band, ScoreReport};
use mamori::model::text::Lang;
use mamori::model::verdict::Verdict;

fn shipped() -> Bundle {
    let out = load_embedded();
    assert!(out.is_clean(), "{:#?}", out.diagnostics);
    out.bundle
}

/// Every screening question yes, every other question yes except `weak`.
fn all_yes_but(b: &Bundle, weak: &[(&str, Answer)]) -> Assessment {
    let mut a = all(b, Answer::Yes);
    for (id, v) in weak {
        assert!(b.question(id).is_some(), "{id} is not a question");
        a.set_answer(id, Some(*v));
    }
    a
}

fn verdict_of(b: &Bundle, a: &Assessment) -> (ScoreReport, Verdict) {
    let r = score(b, a);
    let v = Verdict::of(&r);
    (r, v)
}

#[test]
fn all_yes_is_good_with_nothing_to_do() {
    let b = shipped();
    let (r, v) = verdict_of(&b, &all(&b, Answer::Yes));
    assert_eq!(v.level, Some(Band::Good));
    assert!(v.reasons.is_empty() && !v.is_capped());
    assert_eq!(v.word(&b, Lang::Ja), "良好");
    let plan = ActionPlan::build(&b, &r);
    assert!(plan.actions.is_empty() && plan.top3().is_empty());
    assert!(r.contacts().is_empty());
}

#[test]
fn one_critical_gap_is_never_good_and_is_named() {
    let b = shipped();
    let critical: Vec<&str> = b
        .questions()
        .filter(|(c, q)| c.kind != ChecklistKind::Screening && q.critical)
        .map(|(_, q)| q.id.as_str())
        .collect();
    assert!(critical.len() >= 10, "{critical:?}");
    for id in critical {
        let (r, v) = verdict_of(&b, &all_yes_but(&b, &[(id, Answer::No)]));
        assert_ne!(v.level, Some(Band::Good), "{id}");
        assert_eq!(v.critical().collect::<Vec<_>>(), [id], "{id}");
        // The score alone would say good: the verdict says why it does not.
        assert_eq!(v.score_band, Some(Band::Good), "{id}");
        assert!(v.is_capped());
        let (c, q) = b.question(id).unwrap();
        let line = &v.reason_lines(&b, Lang::Ja)[0];
        assert!(
            line.contains(c.title.ja.as_str()) && line.contains("重大な弱点1件"),
            "{line}"
        );
        assert!(v
            .explanation(&b, Lang::Ja, r.overall)
            .contains("良好とは判定しません"));
        let plan = ActionPlan::build(&b, &r);
        assert_eq!(plan.top3()[0].first_step().question_id, q.id);
    }
}

#[test]
fn nda_reason_reads_like_the_issue() {
    let b = shipped();
    let weak = [
        ("nda.marking_per_contract", Answer::No),
        ("nda.purpose_limit", Answer::No),
        ("nda.sign_before_disclose", Answer::No),
        ("nda.read_terms", Answer::No),
        ("nda.ledger", Answer::No),
        ("nda.need_to_know", Answer::No),
    ];
    let (_, v) = verdict_of(&b, &all_yes_but(&b, &weak));
    let lines = v.reason_lines(&b, Lang::Ja);
    assert_eq!(
        lines,
        ["取引先との秘密保持契約(NDA): 要対策・重大な弱点3件"]
    );
    let en = v.reason_lines(&b, Lang::En);
    assert!(
        en[0].ends_with(": Action needed, 3 critical gap(s)"),
        "{en:?}"
    );
}

/// The pamphlet's four failures (000), each alone in an otherwise good company.
fn failures() -> [(&'static str, Vec<(&'static str, Answer)>); 4] {
    use Answer::No;
    [
        // A社: secrets never listed or sorted by level; know-how sent on a customer's urging.
        (
            "case01",
            vec![
                ("inventory.list", No),
                ("inventory.ranks", No),
                ("inventory.rank_rules", No),
                ("disclosure.urgent_requests", No),
            ],
        ),
        // C社: sample handed over unmarked; the NDA has no ban on use for other purposes.
        (
            "case02",
            vec![("nda.marking_per_contract", No), ("nda.purpose_limit", No)],
        ),
        // E社: background information never defined before joint development.
        ("case03", vec![("joint_dev.background_list", No)]),
        // G社: an exclusive licence with no minimum guarantee and no audit right.
        (
            "case04",
            vec![
                ("license.minimum_guarantee", No),
                ("license.audit_right", No),
            ],
        ),
    ]
}

#[test]
fn each_of_the_four_failures_alone_is_not_good() {
    let b = shipped();
    for (case, weak) in failures() {
        let (r, v) = verdict_of(&b, &all_yes_but(&b, &weak));
        assert_ne!(v.level, Some(Band::Good), "{case}: {:?}", r.overall);
        let named: Vec<&String> = v.critical().collect();
        for (id, _) in weak
            .iter()
            .filter(|(id, _)| b.question(id).unwrap().1.critical)
        {
            assert!(
                named.iter().any(|n| n == id),
                "{case}: {id} not named in {named:?}"
            );
        }
        // The first action is the case's lesson, not "carry on".
        let plan = ActionPlan::build(&b, &r);
        assert_eq!(plan.top3()[0].advice_id, case, "{case}");
        assert!(!v.explanation(&b, Lang::Ja, r.overall).contains("続けて"));
    }
}

#[test]
fn worst_case_every_finding_in_exactly_one_action() {
    let b = shipped();
    let (r, v) = verdict_of(&b, &all(&b, Answer::No));
    assert_eq!(v.level, Some(Band::ActionNeeded));
    let plan = ActionPlan::build(&b, &r);
    for f in &r.findings {
        let holders = plan
            .actions
            .iter()
            .filter(|a| a.closes().any(|id| id == f.question_id))
            .count();
        assert_eq!(holders, 1, "{}", f.question_id);
    }
    let steps: usize = plan.actions.iter().map(|a| a.steps.len()).sum();
    assert_eq!(steps, r.findings.len());
    assert!(plan.actions.len() < r.findings.len());
    assert_eq!(plan.top3().len(), 3);
    // Most important first: severity, then severity points × weight.
    for w in plan.actions.windows(2) {
        assert!(
            (w[0].severity, std::cmp::Reverse(w[0].points))
                <= (w[1].severity, std::cmp::Reverse(w[1].points))
        );
    }
    for a in &plan.actions {
        assert!(
            !a.title.ja.is_empty() && !a.title.en.is_empty(),
            "{}",
            a.advice_id
        );
        assert!(a
            .steps
            .iter()
            .all(|s| s.kind == StepKind::Fix && !s.text.ja.is_empty()));
    }
}

#[test]
fn a_dont_know_finding_is_a_find_out_step() {
    let b = shipped();
    let (r, _) = verdict_of(
        &b,
        &all_yes_but(
            &b,
            &[
                ("nda.purpose_limit", Answer::Unknown),
                ("pc.usb", Answer::No),
            ],
        ),
    );
    let plan = ActionPlan::build(&b, &r);
    let unknown = plan.step_of("nda.purpose_limit").unwrap();
    assert_eq!(unknown.kind, StepKind::FindOut);
    let (c, q) = b.question("nda.purpose_limit").unwrap();
    assert_eq!(unknown.text, mamori::model::plan::find_out(&b, c, q));
    assert_ne!(unknown.text, mamori::model::plan::fix(&b, q));
    assert_eq!(plan.step_of("pc.usb").unwrap().kind, StepKind::Fix);
    assert!(r.to_confirm.contains(&"nda.purpose_limit".to_string()));
}

#[test]
fn screening_dont_know_is_to_confirm_and_says_what_it_keeps_open() {
    let b = shipped();
    let (r, _) = verdict_of(
        &b,
        &all_yes_but(&b, &[("screen.licensing", Answer::Unknown)]),
    );
    assert!(
        r.to_confirm.contains(&"screen.licensing".to_string()),
        "{:?}",
        r.to_confirm
    );
    let plan = ActionPlan::build(&b, &r);
    let item = plan
        .to_confirm
        .iter()
        .find(|t| t.question_id == "screen.licensing")
        .unwrap();
    assert!(item.screening);
    assert!(
        item.keeps_open.contains(&"license".to_string()),
        "{:?}",
        item.keeps_open
    );
    assert!(!item.find_out.ja.is_empty() && !item.find_out.en.is_empty());
}

fn with_prefecture(b: &Bundle, pref: &str, v: Answer) -> ScoreReport {
    let mut a = all(b, v);
    a.company.prefecture = pref.to_string();
    score(b, &a)
}

fn all_named(r: &ScoreReport) -> Vec<String> {
    let mut v = r.contacts();
    v.extend(r.desks.other.iter().cloned());
    v.extend(r.desks.information.iter().cloned());
    v.extend(r.findings.iter().flat_map(|f| f.contacts.iter().cloned()));
    v.extend(r.consult.iter().flat_map(|c| c.contacts.iter().cloned()));
    v
}

#[test]
fn kinki_companies_get_the_kansai_desk_first() {
    let b = shipped();
    for pref in ["大阪府", "兵庫県", "京都", "Wakayama"] {
        let r = with_prefecture(&b, pref, Answer::No);
        assert_eq!(r.contacts()[0], "kansai_senmon", "{pref}");
        assert_eq!(
            r.consult.as_ref().unwrap().contacts[0],
            "kansai_senmon",
            "{pref}"
        );
        // With nothing weak, it still heads the list of desks.
        let r = with_prefecture(&b, pref, Answer::Yes);
        assert!(r.contacts().is_empty());
        assert_eq!(r.desks.other[0], "kansai_senmon", "{pref}");
    }
}

#[test]
fn other_companies_never_see_the_kansai_desk() {
    let b = shipped();
    for pref in ["埼玉県", "東京都", "", "大阪市の近く"] {
        for v in [Answer::No, Answer::Yes] {
            let r = with_prefecture(&b, pref, v);
            assert!(
                !all_named(&r).contains(&"kansai_senmon".to_string()),
                "{pref}"
            );
        }
    }
    // No prefecture: nationwide desks only.
    let r = with_prefecture(&b, "", Answer::No);
    assert_eq!(r.desks.prefecture, None);
    for id in all_named(&r) {
        assert!(b.contact(&id).unwrap().regions.is_empty(), "{id}");
    }
    assert!(!r.contacts().is_empty());
}

#[test]
fn the_enquiry_line_and_meti_are_never_recommended() {
    let b = shipped();
    for pref in ["", "大阪府", "埼玉県"] {
        for v in [Answer::No, Answer::Unknown, Answer::Partly] {
            let r = with_prefecture(&b, pref, v);
            for info in ["jpo_kikaku", "meti_chizai"] {
                assert!(!r.contacts().contains(&info.to_string()), "{pref} {v:?}");
                assert!(r
                    .findings
                    .iter()
                    .all(|f| !f.contacts.iter().any(|c| c == info)));
                assert!(r.desks.information.contains(&info.to_string()));
                assert!(!r.desks.other.contains(&info.to_string()));
            }
        }
    }
}

#[test]
fn answered_helper_scores_an_empty_company_as_not_yet() {
    let b = shipped();
    let (_, v) = verdict_of(&b, &answered(&b, &[]));
    assert_eq!(v.level, None);
    assert_eq!(v.word(&b, Lang::Ja), "未回答");
}

#[test]
fn every_scored_question_has_its_own_first_step() {
    let b = shipped();
    let missing: Vec<&str> = b
        .questions()
        .filter(|(c, _)| c.kind != ChecklistKind::Screening)
        .filter(|(_, q)| q.first_step.is_none())
        .map(|(_, q)| q.id.as_str())
        .collect();
    assert!(missing.is_empty(), "no first_step: {missing:?}");
}

/// The worst case (every screening question yes, every other no): the steps name what to do
/// about each question, so at least 90 % of them are different from each other.
#[test]
fn worst_case_first_steps_are_distinct() {
    let b = shipped();
    let r = score(&b, &all(&b, Answer::No));
    let plan = ActionPlan::build(&b, &r);
    let steps: Vec<&str> = plan
        .actions
        .iter()
        .flat_map(|a| a.steps.iter())
        .map(|s| s.text.ja.as_str())
        .collect();
    assert_eq!(steps.len(), r.findings.len());
    let distinct: std::collections::BTreeSet<&str> = steps.iter().copied().collect();
    assert!(
        distinct.len() * 10 >= steps.len() * 9,
        "{} distinct first steps among {} findings",
        distinct.len(),
        steps.len()
    );
    for s in &steps {
        assert!(!s.is_empty(), "an empty first step");
    }
}

/// `mamori score` (text and JSON) leads with the verdict: one critical gap in an otherwise
/// all-yes company is never printed as 良好, and the first action closes that gap.
#[test]
fn score_output_leads_with_the_verdict_and_top_three() {
    let b = shipped();
    let id = "nda.sign_before_disclose";
    assert!(b.question(id).is_some_and(|(_, q)| q.critical), "{id}");
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.ron");
    all_yes_but(&b, &[(id, Answer::No)]).save(&f).unwrap();
    let path = f.to_str().unwrap();

    let o = crate::common::mamori(&["score", path]);
    let text = crate::common::stdout(&o);
    let first = text.lines().find(|l| l.starts_with("判定")).unwrap();
    assert!(
        first.contains("要改善") && !first.contains("良好"),
        "{text}"
    );
    let (c, q) = b.question(id).unwrap();
    assert!(text.contains(c.title.ja.as_str()), "{text}");
    let top = text.split("まず取り組むこと").nth(1).unwrap();
    assert!(
        top.contains(q.first_step.as_ref().unwrap().ja.as_str()),
        "{text}"
    );
    assert!(text.find("判定").unwrap() < text.find("まず取り組むこと").unwrap());

    let o = crate::common::mamori(&["score", path, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["format"], "mamori-score/2");
    assert_eq!(v["verdict"]["level"], "needs_improvement");
    assert_eq!(v["verdict"]["score_band"], "good");
    assert_eq!(v["verdict"]["capped"], true);
    assert_eq!(v["verdict"]["reasons"][0]["critical"][0], id);
    let first_action = v["top3"][0].as_u64().unwrap() as usize;
    assert_eq!(v["actions"][first_action]["steps"][0]["question_id"], id);
}

/// The PDF's first page says the verdict, not the score's band: one critical gap in an
/// otherwise all-yes company is 要改善 there too, with that gap's first step.
#[test]
fn report_page_one_shows_the_verdict_and_first_steps() {
    use crate::common::pdf::{squash, Parsed};
    use mamori::model::date::Date;
    use mamori::report::{render, ReportOptions};
    let b = shipped();
    let id = "nda.sign_before_disclose";
    let a = all_yes_but(&b, &[(id, Answer::No)]);
    for lang in [Lang::Ja, Lang::En] {
        let options = ReportOptions {
            lang,
            adviser_copy: false,
            today: Date::parse("2026-12-01").unwrap(),
        };
        let p = Parsed::new(&render(&b, &a, &options).unwrap());
        let page1 = squash(
            &p.pages[0]
                .iter()
                .map(|r| r.text.as_str())
                .collect::<String>(),
        );
        let word = squash(b.s("band.needs_improvement", lang));
        let verdict = squash(b.s("verdict.heading", lang));
        assert!(page1.contains(&verdict) && page1.contains(&word), "{page1}");
        let good = squash(b.s("report.summary.good", lang).split('{').next().unwrap());
        assert!(
            !p.flat().contains(&good),
            "{lang:?}: the summary says all is well"
        );
        let first = &b.question(id).unwrap().1.first_step.as_ref().unwrap();
        assert!(p.flat().contains(&squash(first.get(lang))), "{lang:?}");
    }
}
