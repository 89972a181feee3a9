//! The guidance pages by keyboard alone: Tab reaches a control of the situation checklist,
//! the disclosure ledger and the patent-or-secret decision, and Space or Enter acts on it.

use crate::common::ui::{harness, s, saved, start_new, tab_to};

use mamori::app::{GuideCommand, InventoryCommand, Nav, Screen};
use mamori::model::date::Date;
use mamori::model::inventory::{InfoCategory, InventoryItem};
use mamori::model::ledger::{DisclosureForm, LedgerEntry};
use mamori::model::open_close::Choice;

#[test]
fn a_situation_step_is_ticked_with_tab_and_space() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "場面株式会社");
    h.state_mut()
        .send(Nav::Go(Screen::Situations(Some("samples_out".into()))));
    h.run();
    let b = mamori::model::load::load_embedded().bundle;
    let step = &b.situation("samples_out").unwrap().steps[0];
    tab_to(&mut h, &format!("1. {}", step.text.ja));
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(saved(&h).ticked.get(&step.id), Some(&Date::today()));
}

#[test]
fn a_ledger_entry_is_marked_with_tab_and_space_and_the_form_answers_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "開示株式会社");
    let e = LedgerEntry::new(
        Date::today(),
        "北辰精機",
        "図面 A-12",
        DisclosureForm::Paper,
    );
    h.state_mut().send(GuideCommand::AddLedger(e));
    h.state_mut().send(Nav::Go(Screen::Ledger));
    h.run();
    assert!(!saved(&h).ledger[0].marked);
    // The entry's fields open with Enter on 「この記録を編集 1」.
    let edit = s(&h, "ui.ledger_edit");
    tab_to(&mut h, &edit);
    h.key_press(egui::Key::Enter);
    h.run();
    let marked = s(&h, "ui.ledger_marked_new");
    tab_to(&mut h, &marked);
    h.key_press(egui::Key::Space);
    h.run();
    h.state_mut().flush();
    assert!(saved(&h).ledger[0].marked);
    // The add button by Tab and Enter: nothing typed, so the form says what is missing.
    let add = s(&h, "ui.ledger_add");
    tab_to(&mut h, &add);
    h.key_press(egui::Key::Enter);
    h.run();
    let error = s(&h, "ui.ledger_form_error");
    assert!(crate::common::ui::has_text(&h, &error));
    assert_eq!(saved(&h).ledger.len(), 1);
}

#[test]
fn a_decision_answer_is_chosen_with_tab_and_space() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "技術株式会社");
    h.state_mut().send(InventoryCommand::AddRow(InventoryItem {
        name: "焼き入れの温度条件".into(),
        category: Some(InfoCategory::TechManufacturing),
        ..InventoryItem::default()
    }));
    h.state_mut().send(Nav::Go(Screen::OpenClose(Some(0))));
    h.run();
    let no = s(&h, "open_close.choice.no");
    tab_to(&mut h, &format!("{no} (1)"));
    h.key_press(egui::Key::Space);
    h.run();
    let a = saved(&h);
    assert_eq!(a.inventory[0].open_close.learnable, Some(Choice::No));
}
