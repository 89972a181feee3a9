//! The navigation bar by mode (self-check, adviser, workshop), chosen in the settings: each
//! mode's buttons by their AccessKit labels, and a page the mode hides still opening from a
//! link on another page.

use crate::common::ui::{click, click_key, harness_in, has_text, s, start_new};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{GuideCommand, MamoriApp, Nav, Screen};
use mamori::model::assessment::Mode;
use mamori::model::date::Date;
use mamori::model::ledger::{DisclosureForm, LedgerEntry};

const SELF_CHECK: [&str; 8] = [
    "ui.nav_start",
    "ui.nav_overview",
    "ui.nav_questions",
    "ui.nav_results",
    "ui.nav_cases",
    "ui.nav_contacts",
    "ui.nav_situations",
    "ui.nav_settings",
];
const ADVISER: [&str; 5] = [
    "ui.nav_inventory",
    "ui.nav_ledger",
    "ui.nav_open_close",
    "ui.nav_compare",
    "ui.save_encrypted",
];
const WORKSHOP: [&str; 1] = ["ui.nav_class"];

fn has_button(h: &Harness<'_, MamoriApp>, key: &str) -> bool {
    let label = s(h, key);
    let found = h
        .query_all_by_role_and_label(Role::Button, &label)
        .next()
        .is_some();
    found
}

/// Asserts that exactly the buttons of `shown` are there and none of `hidden`.
fn assert_buttons(h: &Harness<'_, MamoriApp>, mode: Mode, shown: &[&str], hidden: &[&str]) {
    for key in shown {
        assert!(has_button(h, key), "{mode:?}: {key} is missing");
    }
    for key in hidden {
        assert!(!has_button(h, key), "{mode:?}: {key} is shown");
    }
}

#[test]
fn each_mode_shows_its_own_navigation_and_the_mode_is_switched_in_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_in(dir.path(), Mode::SelfCheck);
    start_new(&mut h, "株式会社モード");
    let all_extra: Vec<&str> = ADVISER.iter().chain(&WORKSHOP).copied().collect();
    assert_buttons(&h, Mode::SelfCheck, &SELF_CHECK, &all_extra);
    assert!(!has_text(&h, &s(&h, "ui.workshop")));
    // Adviser mode, chosen in the settings: the adviser's tools join the bar and the choice
    // is kept in the preferences.
    click_key(&mut h, "ui.nav_settings");
    let adviser = s(&h, "mode.adviser");
    h.get_by_label(&adviser).click();
    h.run();
    assert_eq!(h.state().prefs.nav_mode, Mode::Adviser);
    assert_eq!(
        h.state().form.mode,
        Mode::Adviser,
        "the next check is an adviser's"
    );
    assert_buttons(&h, Mode::Adviser, &SELF_CHECK, &WORKSHOP);
    assert_buttons(&h, Mode::Adviser, &ADVISER, &[]);
    // Workshop mode: the class view and, on the start page, the fictional companies.
    let workshop = s(&h, "mode.workshop");
    h.get_by_label(&workshop).click();
    h.run();
    assert_eq!(h.state().prefs.nav_mode, Mode::Workshop);
    assert_buttons(&h, Mode::Workshop, &SELF_CHECK, &ADVISER);
    assert_buttons(&h, Mode::Workshop, &WORKSHOP, &[]);
    click_key(&mut h, "ui.nav_start");
    assert!(has_text(&h, &s(&h, "ui.workshop")));
    // Back to the self-check.
    click_key(&mut h, "ui.nav_settings");
    let own = s(&h, "mode.self");
    h.get_by_label(&own).click();
    h.run();
    assert_buttons(&h, Mode::SelfCheck, &SELF_CHECK, &all_extra);
}

#[test]
fn a_ledger_finding_opens_the_ledger_even_when_the_mode_hides_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_in(dir.path(), Mode::SelfCheck);
    start_new(&mut h, "株式会社リンク");
    h.state_mut().send(GuideCommand::AddLedger(LedgerEntry {
        date: Date::today(),
        partner: "北辰精機".into(),
        what: "図面".into(),
        item: None,
        form: DisclosureForm::Paper,
        marked: false,
        confirmed_in_writing: false,
        nda: None,
        return_by: None,
        status: Default::default(),
        note: String::new(),
    }));
    h.state_mut().send(Nav::Enter(Screen::Results));
    h.run();
    assert!(!has_button(&h, "ui.nav_ledger"));
    assert!(
        has_text(&h, "北辰精機"),
        "the finding is on the results page"
    );
    let open = s(&h, "ui.ledger_open");
    click(&mut h, &open);
    assert_eq!(h.state().screen, Screen::Ledger);
    // While it is open, its button is in the bar, marked as the page shown.
    assert!(has_button(&h, "ui.nav_ledger"));
    // Leaving it takes the button away again.
    click_key(&mut h, "ui.nav_results");
    assert!(!has_button(&h, "ui.nav_ledger"));
}
