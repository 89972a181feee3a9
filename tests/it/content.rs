//! The shipped questionnaires: valid, complete, and linked the way the issue requires.
use crate::common;

use std::collections::BTreeMap;

use mamori::model::load::{load_dir, load_embedded};
use mamori::model::schema::{ChecklistKind, LegalRequirement, Objective};

#[test]
fn embedded_questionnaires_validate() {
    let out = load_embedded();
    let list: Vec<String> = out.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(out.is_clean(), "{}", list.join("\n"));
    assert_eq!(out.bundle.id_version(), ("mamori", 1));
}

#[test]
fn the_folder_loads_the_same_as_the_embedded_copy() {
    let from_dir = load_dir(&common::root().join("questionnaires"));
    assert!(from_dir.is_clean(), "{:#?}", from_dir.diagnostics);
    let embedded = load_embedded().bundle;
    let ids = |b: &mamori::model::schema::Bundle| {
        b.questions().map(|(_, q)| q.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&from_dir.bundle), ids(&embedded));
}

#[test]
fn nine_detailed_checklists_with_enough_questions() {
    let b = load_embedded().bundle;
    let detailed: Vec<(&str, usize)> = b
        .checklists
        .iter()
        .filter(|c| c.kind == ChecklistKind::Detailed)
        .map(|c| (c.id.as_str(), c.questions.len()))
        .collect();
    let ids: Vec<&str> = detailed.iter().map(|d| d.0).collect();
    assert_eq!(
        ids,
        [
            "rules",
            "inventory",
            "pc",
            "departing",
            "marking",
            "disclosure",
            "nda",
            "joint_dev",
            "license"
        ]
    );
    for (id, n) in detailed {
        assert!((6..=14).contains(&n), "{id} has {n} questions");
    }
}

#[test]
fn quick_check_is_the_leaflets_five_items_each_linked_to_advice_and_a_desk() {
    let b = load_embedded().bundle;
    let quick = b.checklist("quick").unwrap();
    assert_eq!(quick.kind, ChecklistKind::Quick);
    let ids: Vec<&str> = quick.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "quick.rules",
            "quick.pc",
            "quick.departing",
            "quick.marking",
            "quick.disclosure"
        ]
    );
    for q in &quick.questions {
        assert!(
            q.advice.iter().any(|a| b.advice(a).is_some()),
            "{} has no advice",
            q.id
        );
        assert!(
            q.contacts.iter().any(|c| b.contact(c).is_some()),
            "{} has no desk",
            q.id
        );
        assert_eq!(q.source.file, "001_1578f215ca40627e.txt", "{}", q.id);
    }
    let rule = quick.consult.as_ref().expect("the leaflet's consult rule");
    assert!(rule.contacts.contains(&"eigyo_himitsu_110".to_string()));
    assert!(b.advice(&rule.advice).is_some());
}

#[test]
fn each_case_is_reachable_from_at_least_two_questions() {
    let b = load_embedded().bundle;
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, q) in b.questions() {
        for a in &q.advice {
            *count.entry(a.as_str()).or_default() += 1;
        }
    }
    for case in ["case01", "case02", "case03", "case04"] {
        let adv = b.advice(case).unwrap_or_else(|| panic!("{case} missing"));
        assert_eq!(adv.case_no, Some(case[4..].parse().unwrap()));
        assert!(adv.actions.len() >= 2);
        assert!(
            count.get(case).copied().unwrap_or(0) >= 2,
            "{case}: {count:?}"
        );
    }
}

#[test]
fn contracts_checklists_are_skipped_by_screening() {
    let b = load_embedded().bundle;
    for (list, gate) in [
        ("nda", "screen.partners"),
        ("joint_dev", "screen.joint_dev"),
        ("license", "screen.licensing"),
    ] {
        let c = b.checklist(list).unwrap();
        let cond = c
            .applies_if
            .as_ref()
            .unwrap_or_else(|| panic!("{list} has no condition"));
        assert_eq!(cond.questions(), [gate], "{list}");
    }
}

#[test]
fn both_axes_are_covered() {
    let b = load_embedded().bundle;
    for o in Objective::ALL {
        assert!(
            b.questions()
                .filter(|(_, q)| q.objectives.contains(&o))
                .count()
                >= 3,
            "{o:?}"
        );
    }
    for l in LegalRequirement::ALL {
        assert!(b.questions().any(|(_, q)| q.legal.contains(&l)), "{l:?}");
    }
}

#[test]
fn every_desk_of_the_sources_is_there_with_its_number() {
    let b = load_embedded().bundle;
    let phone = |id: &str| {
        b.contact(id)
            .unwrap_or_else(|| panic!("{id}"))
            .phone
            .clone()
            .unwrap_or_default()
    };
    assert!(phone("chizai_sogo").contains("0570-082100"));
    assert!(phone("eigyo_himitsu_110").contains("03-3581-1101"));
    assert!(phone("kansai_senmon").contains("06-6486-9122"));
    assert!(phone("shitauke_kakekomi").contains("0120-418-618"));
    assert!(phone("jpo_kikaku").contains("03-6810-7496"));
    assert!(phone("meti_chizai").contains("03-3501-3752"));
    assert!(b.contact("ipa_anshin").is_some());
    assert!(b.contact("jetro_china").is_some());
}

#[test]
fn every_string_key_used_in_the_code_is_defined() {
    let b = load_embedded().bundle;
    let mut missing = Vec::new();
    let mut stack = vec![common::root().join("src")];
    let mut used = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for (i, part) in text.split('"').enumerate() {
                // Odd parts are inside string literals.
                let is_key = i % 2 == 1
                    && ["ui.", "score.", "report."]
                        .iter()
                        .any(|pre| part.starts_with(pre))
                    && part.len() > 4
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
                if is_key {
                    used += 1;
                    if !b.strings.contains_key(part) {
                        missing.push(format!("{}: {part}", p.display()));
                    }
                }
            }
        }
    }
    assert!(used > 50, "found only {used} keys");
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn workshop_companies_are_complete_and_span_the_bands() {
    use mamori::model::assessment::{Assessment, Mode};
    use mamori::model::scoring::{score, Band};
    let bundle = load_embedded().bundle;
    let mut bands = Vec::new();
    for (name, bytes) in mamori::app::WORKSHOP_EXAMPLES {
        let a = Assessment::from_bytes(name, bytes).unwrap();
        assert_eq!(a.mode, Mode::Workshop, "{name}");
        let r = score(&bundle, &a);
        assert!(r.unanswered.is_empty(), "{name}: {:?}", r.unanswered);
        assert!(
            r.orphan_answers.is_empty(),
            "{name}: {:?}",
            r.orphan_answers
        );
        bands.push(r.band().unwrap());
    }
    assert!(bands.len() >= 3, "{bands:?}");
    assert!(bands.contains(&Band::ActionNeeded) && bands.contains(&Band::NeedsImprovement));
}
