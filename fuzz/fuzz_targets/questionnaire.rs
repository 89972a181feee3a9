//! Fuzz target: any bytes as one file of a questionnaire folder.
//!
//! The folder is the small test questionnaire (`tests/fixtures/mini`) with the built-in
//! `strings.ron` (the other strings files are left out: the loader reports their keys as
//! missing, which it must do without trouble), so that a run stays short. The first byte picks which file is
//! replaced (or, past the last, adds a new checklist); the rest is its content. The loader must
//! never panic, every problem must carry a position, and whatever it keeps must be scorable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::load::{load_memory, EMBEDDED};
use mamori::model::schema::Answer;
use mamori::model::scoring::score;

const MINI: &[(&str, &[u8])] = &[
    (
        "questionnaire.ron",
        include_bytes!("../../tests/fixtures/mini/questionnaire.ron"),
    ),
    (
        "contacts.ron",
        include_bytes!("../../tests/fixtures/mini/contacts.ron"),
    ),
    (
        "advice/cases.ron",
        include_bytes!("../../tests/fixtures/mini/advice/cases.ron"),
    ),
    (
        "checklists/00_quick.ron",
        include_bytes!("../../tests/fixtures/mini/checklists/00_quick.ron"),
    ),
    (
        "checklists/01_screen.ron",
        include_bytes!("../../tests/fixtures/mini/checklists/01_screen.ron"),
    ),
    (
        "checklists/10_basic.ron",
        include_bytes!("../../tests/fixtures/mini/checklists/10_basic.ron"),
    ),
    (
        "checklists/20_lic.ron",
        include_bytes!("../../tests/fixtures/mini/checklists/20_lic.ron"),
    ),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    let strings = EMBEDDED
        .iter()
        .filter(|(p, _)| *p == "strings.ron")
        .map(|(p, b)| (*p, *b));
    let mut files: Vec<(&str, &[u8])> = MINI.iter().copied().chain(strings).collect();
    let slot = pick as usize % (files.len() + 1);
    if slot == files.len() {
        files.push(("checklists/99_fuzz.ron", content));
    } else {
        files[slot].1 = content;
    }
    let out = load_memory(&files);
    for d in &out.diagnostics {
        assert!(
            d.line >= 1 && d.col >= 1,
            "diagnostic without a position: {d}"
        );
    }
    if let Some(date) = Date::new(2026, 11, 29) {
        // Score it empty, then with every question answered "no": findings, links and skip logic.
        let mut a = Assessment::new(&out.bundle, date);
        let _ = score(&out.bundle, &a);
        for c in &out.bundle.checklists {
            for q in &c.questions {
                a.set_answer(&q.id, Some(Answer::No));
            }
        }
        let _ = score(&out.bundle, &a);
    }
});
