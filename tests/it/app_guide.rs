//! The guidance pages of the app (issue 17), driven headless through AccessKit labels: the
//! disclosure ledger, the situation checklists and the patent-or-secret decision.

use crate::common::ui::{click, click_key, harness, has_text, s, saved, start_new, type_into};

use egui_kittest::kittest::Queryable;
use mamori::app::{InventoryCommand, Nav, Screen};
use mamori::model::date::Date;
use mamori::model::inventory::{InfoCategory, InventoryItem};
use mamori::model::ledger::DisclosureForm;
use mamori::model::open_close::{Choice, Suggestion};

#[test]
fn a_disclosure_added_without_an_nda_shows_its_warning_and_a_removal_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "開示株式会社");
    click_key(&mut h, "ui.nav_ledger");
    assert_eq!(h.state().screen, Screen::Ledger);
    assert!(has_text(&h, &s(&h, "guide.ledger.empty")));
    // Nothing typed: the form says what is missing and adds nothing.
    click_key(&mut h, "ui.ledger_add");
    assert!(has_text(&h, &s(&h, "ui.ledger_form_error")));
    let (partner, what) = (s(&h, "ui.ledger_partner"), s(&h, "ui.ledger_what"));
    type_into(&mut h, &partner, "北辰精機 技術部");
    type_into(&mut h, &what, "試作品A");
    let sample = s(&h, "ledger.form.sample");
    h.get_by_label(&sample).click();
    h.run();
    click_key(&mut h, "ui.ledger_add");
    let a = saved(&h);
    assert_eq!(a.ledger.len(), 1);
    let e = &a.ledger[0];
    assert_eq!(
        (e.partner.as_str(), e.what.as_str()),
        ("北辰精機 技術部", "試作品A")
    );
    assert_eq!(e.form, DisclosureForm::Sample);
    assert_eq!(e.date, Date::today());
    // The warnings in words: no NDA (high), not marked.
    assert!(has_text(&h, &s(&h, "ledger.warning.no_nda")));
    assert!(has_text(&h, &s(&h, "ledger.warning.unmarked")));
    assert!(has_text(&h, &s(&h, "severity.high")));
    // The results page names it and leads back to the ledger.
    h.state_mut().send(Nav::Go(Screen::Results));
    h.run();
    assert!(has_text(&h, "北辰精機 技術部"));
    click_key(&mut h, "ui.ledger_open");
    assert_eq!(h.state().screen, Screen::Ledger);
    // Typing the NDA reference in place clears the warning and is saved.
    let edit = s(&h, "ui.ledger_edit");
    h.get_by_label(&edit).click();
    h.run();
    let nda = s(&h, "ui.ledger_nda_ref");
    type_into(&mut h, &nda, "NDA-7");
    h.state_mut().flush();
    assert_eq!(saved(&h).ledger[0].nda.as_ref().unwrap().reference, "NDA-7");
    assert!(!has_text(&h, &s(&h, "ledger.warning.no_nda")));
    // Remove, then undo.
    let remove = s(&h, "ui.ledger_remove");
    click(&mut h, &remove);
    assert!(saved(&h).ledger.is_empty());
    assert!(has_text(&h, &s(&h, "ui.ledger_removed")));
    click_key(&mut h, "ui.undo");
    assert_eq!(saved(&h).ledger.len(), 1);
}

#[test]
fn a_ticked_step_is_saved_with_the_date_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "場面株式会社");
    click_key(&mut h, "ui.nav_situations");
    assert_eq!(h.state().screen, Screen::Situations(None));
    let b = mamori::model::load::load_embedded().bundle;
    let sit = b.situation("samples_out").unwrap();
    click(&mut h, &sit.title.ja);
    assert_eq!(
        h.state().screen,
        Screen::Situations(Some("samples_out".into()))
    );
    let step = &sit.steps[0];
    // The step shows the company's answer line (not answered yet).
    assert!(has_text(&h, &s(&h, "ui.sit_not_answered")));
    h.get_by_label(&format!("1. {}", step.text.ja)).click();
    h.run();
    let a = saved(&h);
    assert_eq!(a.ticked.get(&step.id), Some(&Date::today()));
    assert!(has_text(&h, &s(&h, "guide.done_on")));
    click_key(&mut h, "ui.undo");
    assert!(saved(&h).ticked.is_empty());
    assert_eq!(
        h.state().screen,
        Screen::Situations(Some("samples_out".into()))
    );
}

#[test]
fn walking_the_decision_shows_the_suggestion_and_saves_the_answers_with_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "技術株式会社");
    h.state_mut().send(InventoryCommand::AddRow(InventoryItem {
        name: "焼き入れの温度条件".into(),
        category: Some(InfoCategory::TechManufacturing),
        ..InventoryItem::default()
    }));
    h.run();
    click_key(&mut h, "ui.nav_open_close");
    click(&mut h, "焼き入れの温度条件");
    assert_eq!(h.state().screen, Screen::OpenClose(Some(0)));
    assert!(has_text(&h, &s(&h, "ui.oc_answer_first")));
    // 1. learned from the product: no; 2. copying detectable: no → keep as know-how.
    let no = s(&h, "open_close.choice.no");
    h.get_by_label(&format!("{no} (1)")).click();
    h.run();
    h.get_by_label(&format!("{no} (2)")).click();
    h.run();
    let a = saved(&h);
    assert_eq!(a.inventory[0].open_close.learnable, Some(Choice::No));
    assert_eq!(a.inventory[0].open_close.detectable, Some(Choice::No));
    let g = mamori::model::open_close::guide().unwrap();
    let title = &g.suggestion(Suggestion::KeepSecret).unwrap().title.ja;
    assert!(has_text(&h, title), "suggestion shown");
    let desk = b_contact_name(&g.contacts[0]);
    assert!(has_text(&h, &desk), "desk shown");
    click_key(&mut h, "ui.undo");
    assert_eq!(saved(&h).inventory[0].open_close.detectable, None);
    assert!(h.query_by_label(title).is_none());
}

fn b_contact_name(id: &str) -> String {
    let b = mamori::model::load::load_embedded().bundle;
    b.contact(id).unwrap().name.ja.clone()
}
