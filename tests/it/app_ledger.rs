//! The disclosure ledger page edits every field of an entry, in the add form and in place:
//! invalid dates are said in words and not saved, each edit is saved and undoable.

use crate::common::ui::{click_key, first, harness, has_text, s, saved, start_new, type_into};

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{InventoryCommand, MamoriApp, Screen};
use mamori::model::date::Date;
use mamori::model::inventory::{InfoCategory, InventoryItem};

/// Replaces the text of the field labelled `label` with `text`.
fn retype(h: &mut Harness<'_, MamoriApp>, label: &str, text: &str) {
    first(h, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    first(h, label).type_text(text);
    h.run();
    h.run();
}

/// Types `text` into the field labelled with the UI string `key`.
fn type_key(h: &mut Harness<'_, MamoriApp>, key: &str, text: &str) {
    let label = s(h, key);
    type_into(h, &label, text);
}

fn d(s: &str) -> Option<Date> {
    Some(Date::parse(s).unwrap())
}

/// A check with one inventory item and one disclosure of it added through the form, with
/// the NDA's reference, date and purpose.
fn with_one_entry(dir: &std::path::Path) -> Harness<'static, MamoriApp> {
    let mut h = harness(dir);
    start_new(&mut h, "開示株式会社");
    h.state_mut().send(InventoryCommand::AddRow(InventoryItem {
        name: "金型の図面".into(),
        category: Some(InfoCategory::TechManufacturing),
        ..InventoryItem::default()
    }));
    h.run();
    click_key(&mut h, "ui.nav_ledger");
    assert_eq!(h.state().screen, Screen::Ledger);
    type_key(&mut h, "ui.ledger_partner", "北辰精機");
    type_key(&mut h, "ui.ledger_what", "図面 A-12");
    type_key(&mut h, "ui.ledger_nda_ref", "NDA-2026-07");
    type_key(&mut h, "ui.ledger_nda_purpose", "見積のため");
    // A date that is not one is said in words, and the entry cannot be added.
    let nda_date = s(&h, "ui.ledger_nda_date");
    type_into(&mut h, &nda_date, "2026-10-32");
    assert!(has_text(&h, &s(&h, "ui.ledger_date_invalid")));
    click_key(&mut h, "ui.ledger_add");
    assert!(has_text(&h, &s(&h, "ui.ledger_form_error")));
    assert!(saved(&h).ledger.is_empty());
    retype(&mut h, &nda_date, "2026-10-20");
    assert!(!has_text(&h, &s(&h, "ui.ledger_date_invalid")));
    h.get_by_label(&s(&h, "ui.ledger_item")).click();
    h.run();
    h.get_by_label("金型の図面").click();
    h.run();
    h.get_by_label(&s(&h, "ui.ledger_marked_new")).click();
    h.run();
    click_key(&mut h, "ui.ledger_add");
    h
}

#[test]
fn the_nda_date_and_purpose_and_the_item_are_entered_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let h = with_one_entry(dir.path());
    let a = saved(&h);
    assert_eq!(a.ledger.len(), 1, "added");
    let e = &a.ledger[0];
    let nda = e.nda.as_ref().unwrap();
    assert_eq!(nda.reference, "NDA-2026-07");
    assert_eq!(nda.date, d("2026-10-20"));
    assert_eq!(nda.purpose, "見積のため");
    assert_eq!(e.item.as_deref(), Some("金型の図面"));
    assert!(e.marked);
    let text = std::fs::read_to_string(&h.state().doc.as_ref().unwrap().path).unwrap();
    assert!(
        text.contains("見積のため") && text.contains("2026-10-20"),
        "{text}"
    );
    assert!(has_text(&h, &s(&h, "guide.ledger.ok")), "no warning");
}

#[test]
fn partner_and_return_date_are_edited_in_place_and_each_edit_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_one_entry(dir.path());
    let overdue = s(&h, "ledger.warning.return_overdue");
    // The return date: a wrong one is refused in words, a passed one warns.
    // The list shows each entry in a few lines; its fields open with 「この記録を編集」.
    let partner = s(&h, "ui.ledger_partner");
    assert_eq!(
        h.query_all_by_label(&partner).count(),
        1,
        "only the add form's"
    );
    let edit = s(&h, "ui.ledger_edit");
    h.get_by_label(&edit).click();
    h.run();
    let ret = s(&h, "ui.ledger_return_by");
    type_into(&mut h, &ret, "2020-1-10");
    assert!(has_text(&h, &s(&h, "ui.ledger_date_invalid")));
    h.state_mut().flush();
    assert_eq!(saved(&h).ledger[0].return_by, None, "not saved");
    retype(&mut h, &ret, "2020-01-10");
    assert!(!has_text(&h, &s(&h, "ui.ledger_date_invalid")));
    assert!(has_text(&h, &overdue));
    // The partner, typed in two runs of keys: one undo step.
    retype(&mut h, &partner, "南星");
    first(&h, &partner).type_text("工業");
    h.run();
    h.run();
    h.state_mut().flush();
    let e = saved(&h).ledger[0].clone();
    assert_eq!(
        (e.partner.as_str(), e.return_by),
        ("南星工業", d("2020-01-10"))
    );
    assert!(has_text(&h, "南星工業 — 図面 A-12"), "the heading follows");
    // The status: returned, so the passed date no longer warns.
    first(&h, &s(&h, "guide.ledger.col.status")).click();
    h.run();
    let returned = s(&h, "ledger.status.returned");
    h.get_by_label(&returned).click();
    h.run();
    assert!(!has_text(&h, &overdue));
    // Undo, step by step: the status, the partner, the return date.
    click_key(&mut h, "ui.undo");
    assert!(has_text(&h, &overdue));
    click_key(&mut h, "ui.undo");
    assert_eq!(saved(&h).ledger[0].partner, "北辰精機");
    assert_eq!(saved(&h).ledger[0].return_by, d("2020-01-10"));
    click_key(&mut h, "ui.undo");
    assert_eq!(saved(&h).ledger[0].return_by, None);
    assert!(!has_text(&h, &overdue));
    assert_eq!(h.state().screen, Screen::Ledger);
}

#[test]
fn a_disclosure_without_an_nda_weighs_the_same_on_the_overview_and_the_results() {
    use mamori::model::ledger::{DisclosureForm, LedgerEntry};
    use mamori::model::scoring::{score, score_on};
    use mamori::model::verdict::Verdict;
    let dir = tempfile::tempdir().unwrap();
    let b = mamori::model::load::load_embedded().bundle;
    let mut a = crate::common::all(&b, mamori::model::schema::Answer::Yes);
    let mut e = LedgerEntry::new(
        Date::today(),
        "北辰精機",
        "図面 A-12",
        DisclosureForm::Paper,
    );
    e.marked = true;
    a.ledger.push(e);
    // Without the ledger the check is good; the disclosure without an NDA keeps it from that.
    let word = |r| Verdict::of(&r).word(&b, mamori::model::text::Lang::Ja);
    let (with, without) = (word(score_on(&b, &a, Date::today())), word(score(&b, &a)));
    assert_ne!(with, without);
    let path = dir.path().join("開示.ron");
    a.save(&path).unwrap();
    let mut h = harness(dir.path());
    h.state_mut().open(&path);
    h.run();
    let heading = s(&h, "verdict.heading");
    let overall = format!(
        "{} {} / 100",
        s(&h, "score.overall"),
        mamori::model::words::Words::score(score(&b, &a).overall)
    );
    for screen in [Screen::Overview, Screen::Results] {
        h.state_mut().send(mamori::app::Nav::Go(screen.clone()));
        h.run();
        assert_eq!(h.state().screen, screen);
        assert!(has_text(&h, &format!("{heading}:{with}")), "{screen:?}");
        assert!(!has_text(&h, &format!("{heading}:{without}")), "{screen:?}");
        assert!(has_text(&h, &overall), "{screen:?}");
    }
}
