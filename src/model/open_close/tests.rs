#![allow(clippy::unwrap_used)]
use super::*;
use crate::model::schema::SEED_FILES;
use Choice::{No, NotSure, Yes};

fn answers(l: Choice, d: Choice, many: Choice, shown: Choice, long: Choice) -> OpenCloseAnswers {
    OpenCloseAnswers {
        learnable: Some(l),
        detectable: Some(d),
        many_people: Some(many),
        shown_before_contract: Some(shown),
        long_value: Some(long),
    }
}

fn suggestion(a: &OpenCloseAnswers) -> Suggestion {
    decide(a).suggestion.unwrap()
}

#[test]
fn nothing_is_suggested_until_the_two_key_questions_are_answered() {
    let mut a = OpenCloseAnswers::default();
    assert_eq!(decide(&a).suggestion, None);
    a.learnable = Some(Yes);
    a.long_value = Some(Yes);
    assert_eq!(decide(&a).suggestion, None);
    a.detectable = Some(Yes);
    assert_eq!(decide(&a).suggestion, Some(Suggestion::Patent));
}

/// 陸王: Silkray's material, learnable by reverse engineering, was patented (000); a
/// composition or shape whose infringement is easy to find is usually patented (004).
#[test]
fn revealed_by_the_product_and_detectable_is_patented_whatever_else() {
    for many in Choice::ALL {
        for long in Choice::ALL {
            let a = answers(Yes, Yes, many, No, long);
            assert_eq!(suggestion(&a), Suggestion::Patent, "{a:?}");
            assert_eq!(
                decide(&a).reasons,
                vec![Reason::RevealedByProduct, Reason::InfringementVisible]
            );
        }
    }
}

/// 陸王: Silkray's process and machine drawings were kept as know-how (000); a method whose
/// infringement is hard to find is usually kept secret (004), with evidence for 先使用権.
#[test]
fn hidden_in_the_process_and_undetectable_is_kept_secret_with_prior_use_evidence() {
    for long in Choice::ALL {
        let a = answers(No, No, No, No, long);
        assert_eq!(suggestion(&a), Suggestion::KeepSecret, "{a:?}");
        let r = decide(&a).reasons;
        assert!(r.contains(&Reason::InfringementHidden), "{r:?}");
        assert_eq!(r.last(), Some(&Reason::PriorUseEvidence));
    }
}

/// Case 02: technology that is hard to keep secret may be patented, but a patent on an
/// undetectable method is hard to use: both sides weak, so the desk.
#[test]
fn undetectable_but_known_to_many_goes_to_the_desk() {
    let a = answers(No, No, Yes, No, Yes);
    assert_eq!(suggestion(&a), Suggestion::AskDesk);
    assert!(decide(&a).reasons.contains(&Reason::HardToKeepSecret));
    assert!(decide(&a).reasons.contains(&Reason::Conflicting));
}

/// 004: a small lead that competitors catch up with quickly is usually patented.
#[test]
fn detectable_and_quickly_caught_up_is_patented() {
    let a = answers(No, Yes, No, No, No);
    assert_eq!(suggestion(&a), Suggestion::Patent);
    assert_eq!(decide(&a).reasons[0], Reason::QuickCatchUp);
    let many = answers(No, Yes, Yes, No, No);
    assert_eq!(suggestion(&many), Suggestion::Patent);
}

/// 004: a lead that lasts, or protection wanted beyond the patent term, is sometimes kept
/// secret — unless many people must know it (case 02), then the desk.
#[test]
fn detectable_but_long_lived_is_kept_secret_unless_many_know_it() {
    let a = answers(No, Yes, No, No, Yes);
    assert_eq!(suggestion(&a), Suggestion::KeepSecret);
    assert!(decide(&a).reasons.contains(&Reason::LongLived));
    let many = answers(No, Yes, Yes, No, Yes);
    assert_eq!(suggestion(&many), Suggestion::AskDesk);
    let unsure = answers(No, Yes, No, No, NotSure);
    assert_eq!(suggestion(&unsure), Suggestion::AskDesk);
    assert_eq!(decide(&unsure).reasons, vec![Reason::NotSure]);
}

#[test]
fn revealed_by_the_product_but_undetectable_is_contradictory_and_goes_to_the_desk() {
    let a = answers(Yes, No, No, No, Yes);
    assert_eq!(suggestion(&a), Suggestion::AskDesk);
    assert!(decide(&a).reasons.contains(&Reason::Conflicting));
}

#[test]
fn not_sure_about_a_key_question_goes_to_the_desk() {
    for (l, d) in [
        (NotSure, Yes),
        (Yes, NotSure),
        (NotSure, NotSure),
        (No, NotSure),
    ] {
        let a = answers(l, d, No, No, Yes);
        assert_eq!(suggestion(&a), Suggestion::AskDesk, "{a:?}");
        assert_eq!(decide(&a).reasons, vec![Reason::NotSure]);
    }
}

/// Case 03: file before showing; case 02: NDA, marking and a record before showing a secret.
#[test]
fn showing_before_a_contract_adds_what_to_do_first() {
    let p = decide(&answers(Yes, Yes, No, Yes, No));
    assert_eq!(p.suggestion, Some(Suggestion::Patent));
    assert_eq!(p.reasons.last(), Some(&Reason::FileBeforeShowing));
    let s = decide(&answers(No, No, No, Yes, Yes));
    assert_eq!(s.suggestion, Some(Suggestion::KeepSecret));
    assert!(s.reasons.contains(&Reason::NdaBeforeShowing));
    let d = decide(&answers(NotSure, No, No, Yes, Yes));
    assert!(!d.reasons.contains(&Reason::FileBeforeShowing));
    assert!(!d.reasons.contains(&Reason::NdaBeforeShowing));
}

#[test]
fn every_text_exists_in_both_languages_and_cites_a_seed() {
    let g = guide().unwrap();
    let texts: Vec<(&Text, &SourceRef)> = g
        .criteria
        .iter()
        .flat_map(|c| [(&c.question, &c.source), (&c.help, &c.source)])
        .chain(g.reasons.iter().map(|r| (&r.text, &r.source)))
        .chain(
            g.suggestions
                .iter()
                .flat_map(|s| [(&s.title, &s.source), (&s.next_step, &s.source)]),
        )
        .collect();
    for (t, s) in texts {
        assert!(!t.ja.trim().is_empty() && !t.en.trim().is_empty(), "{t:?}");
        assert!(SEED_FILES.contains(&s.file.as_str()) && !s.heading.trim().is_empty());
    }
    for c in Criterion::ALL {
        assert!(g.criterion(c).is_some(), "{c:?}");
    }
    for s in [
        Suggestion::Patent,
        Suggestion::KeepSecret,
        Suggestion::AskDesk,
    ] {
        assert!(g.suggestion(s).is_some(), "{s:?}");
    }
    // Every reason any combination can give has a text.
    let mut combos = vec![OpenCloseAnswers::default()];
    for c in Criterion::ALL {
        combos = combos
            .into_iter()
            .flat_map(|a| {
                Choice::ALL.into_iter().map(move |v| {
                    let mut b = a.clone();
                    b.set(c, Some(v));
                    b
                })
            })
            .collect();
    }
    assert_eq!(combos.len(), 243);
    for a in &combos {
        for r in decide(a).reasons {
            assert!(g.reason(r).is_some(), "{r:?}");
        }
    }
    assert!(!g.contacts.is_empty());
}

#[test]
fn a_broken_guide_is_reported_with_its_position() {
    let e = parse_guide(
        "g.ron",
        "OpenCloseGuide(\n  contacts: [],\n  criteria: [Nope],\n)",
    )
    .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("g.ron", 3));
}
