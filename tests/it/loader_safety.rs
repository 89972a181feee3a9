//! Questionnaire folders a trainer edits: conditions that form a cycle, absurd weights, a quick
//! check without a consultation rule, and entries the loader will not read.
use std::fs;

use crate::common;

fn messages(out: &mamori::model::load::LoadOutcome) -> String {
    out.diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_cycle_between_two_questions_is_an_error() {
    // basic.d applies after basic.a; now basic.a also after basic.d.
    let (_d, out) = common::load_mutated(&[(
        "checklists/10_basic.ron",
        "applies_if: None,\n            source: (file: \"003_311f4a32c2067400.txt\", heading: \"5つの対策目的\"),\n        ),\n        Question(\n            id: \"basic.b\",",
        "applies_if: Some(AnswerIn(question: \"basic.d\", any_of: [Yes])),\n            source: (file: \"003_311f4a32c2067400.txt\", heading: \"5つの対策目的\"),\n        ),\n        Question(\n            id: \"basic.b\",",
    )]);
    let all = messages(&out);
    assert_eq!(out.diagnostics.len(), 1, "{all}");
    assert!(all.contains("cycle"), "{all}");
    assert!(
        all.contains("'basic.a'") && all.contains("'basic.d'"),
        "{all}"
    );
    assert!(all.contains("10_basic.ron:"), "{all}");
}

#[test]
fn a_cycle_between_two_checklists_is_an_error() {
    let (_d, out) = common::load_mutated(&[
        (
            "checklists/10_basic.ron",
            "    applies_if: None,\n    consult: None,",
            "    applies_if: Some(AnswerIn(question: \"lic.a\", any_of: [Yes])),\n    consult: None,",
        ),
        ("checklists/20_lic.ron", "question: \"screen.lic\"", "question: \"basic.a\""),
    ]);
    let all = messages(&out);
    assert_eq!(out.diagnostics.len(), 1, "{all}");
    assert!(
        all.contains("cycle")
            && all.contains("checklist 'basic'")
            && all.contains("checklist 'lic'"),
        "{all}"
    );
}

#[test]
fn checklist_weights_outside_the_range_are_errors() {
    for bad in ["1e308", "0.05", "NaN", "inf"] {
        let (_d, out) = common::load_mutated(&[(
            "checklists/20_lic.ron",
            "weight: 1.0,",
            &format!("weight: {bad},"),
        )]);
        let all = messages(&out);
        assert_eq!(out.diagnostics.len(), 1, "{bad}: {all}");
        assert!(all.contains("outside 0.1–10"), "{bad}: {all}");
    }
}

#[test]
fn a_quick_check_without_a_consultation_rule_is_an_error() {
    let (_d, out) = common::load_mutated(&[(
        "checklists/00_quick.ron",
        "consult: Some((contacts: [\"desk\"], advice: \"consult_desk\")),",
        "consult: None,",
    )]);
    let all = messages(&out);
    assert!(all.contains("needs a consultation rule"), "{all}");
}

#[test]
fn entries_the_loader_will_not_read_are_named() {
    let dir = common::mini_dir();
    let c = dir.path().join("checklists");
    fs::copy(c.join("10_basic.ron"), c.join("30_more.RON")).unwrap();
    fs::create_dir(c.join("extra")).unwrap();
    fs::write(c.join("README.md"), "notes").unwrap();
    fs::write(c.join(".10_basic.ron.swp"), "swap").unwrap();
    let out = mamori::model::load::load_dir(dir.path());
    let all = messages(&out);
    assert_eq!(out.diagnostics.len(), 4, "{all}");
    for name in ["30_more.RON", "extra", "README.md", ".10_basic.ron.swp"] {
        assert!(
            all.contains(&format!("checklists/{name}:1:1")),
            "{name}: {all}"
        );
    }
    assert!(
        all.contains("lower case") && all.contains("subfolder") && all.contains("swap"),
        "{all}"
    );
}
