//! The information inventory in the desktop app, and the owner and due date of each finding
//! exported with it as CSV, driven headless through AccessKit labels (egui_kittest).

use crate::common::ui::{click, click_key, harness, has_text, s, saved, start_new};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{DocCommand, MamoriApp, Nav, PathPurpose, Screen};
use mamori::model::date::Date;
use mamori::model::export::parse_csv;
use mamori::model::inventory::{InfoCategory, Location};
use mamori::model::schema::Answer;

#[test]
fn the_inventory_is_reached_from_its_question_edited_and_a_removal_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "棚卸し株式会社");
    h.state_mut()
        .send(Nav::Go(Screen::Question("inventory.list".into())));
    h.run();
    let open = format!("{} (0)", s(&h, "ui.inv_open"));
    click(&mut h, &open);
    assert_eq!(h.state().screen, Screen::Inventory);
    assert!(has_text(&h, &s(&h, "ui.inv_empty")));

    // A suggestion from the leaflet adds a named, categorised row.
    click(&mut h, "+ 製品の図面");
    click_key(&mut h, "ui.inv_add");
    // Each card's fields carry plain labels, no row numbers: the n-th field of a kind is
    // the n-th row's; the card says its number in its heading.
    let (access, name) = (s(&h, "ui.inv_access"), s(&h, "ui.inv_name"));
    assert!(!has_text(&h, &format!("{name} 1")));
    assert_eq!(
        h.query_all_by_role_and_label(Role::TextInput, &name)
            .count(),
        2
    );
    assert!(has_text(&h, "1. 製品の図面"));
    let category = s(&h, "ui.inv_category");
    let combo = h.query_all_by_label(&category).last().unwrap().rect();
    let label = h
        .query_all_by_role_and_label(Role::Label, &category)
        .next()
        .unwrap()
        .rect();
    assert!(
        label.left() < combo.left(),
        "the label comes before its choice"
    );
    type_nth(&mut h, &access, 0, "設計課のみ");
    type_nth(&mut h, &name, 1, "焼き入れの条件");
    // The second row's "people's heads" box.
    h.get_all_by_label("社員の頭の中(ノウハウ)")
        .nth(1)
        .unwrap()
        .click();
    h.run();
    h.state_mut().flush();
    let a = saved(&h);
    assert_eq!(a.inventory.len(), 2);
    assert_eq!(a.inventory[0].name, "製品の図面");
    assert_eq!(
        a.inventory[0].category,
        Some(InfoCategory::TechManufacturing)
    );
    assert_eq!(a.inventory[0].access, "設計課のみ");
    assert_eq!(a.inventory[1].name, "焼き入れの条件");
    assert_eq!(a.inventory[1].locations, [Location::Heads]);

    // Remove the first row, then undo.
    let remove = s(&h, "ui.inv_remove");
    h.query_all_by_role_and_label(Role::Button, &remove)
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(saved(&h).inventory.len(), 1);
    assert!(has_text(&h, &s(&h, "ui.inv_removed")));
    click_key(&mut h, "ui.undo");
    let a = saved(&h);
    assert_eq!(a.inventory.len(), 2);
    assert_eq!(a.inventory[0].name, "製品の図面");
}

#[test]
fn owner_and_due_date_are_set_on_results_and_exported_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "CSV株式会社");
    for q in ["quick.rules", "quick.pc"] {
        h.state_mut().send(DocCommand::Answer(q.into(), Answer::No));
        h.run();
    }
    h.state_mut().send(Nav::Go(Screen::Results));
    h.run();
    // Every finding's fields carry the same plain labels, no numbers; they are told apart by
    // the card they are in (the first input of each kind belongs to the first finding).
    let (owner, due) = (s(&h, "ui.owner"), s(&h, "ui.due"));
    let inputs = |h: &Harness<'_, MamoriApp>, label: &str| {
        h.query_all_by_role_and_label(Role::TextInput, label)
            .count()
    };
    assert_eq!((inputs(&h, &owner), inputs(&h, &due)), (2, 2));
    assert!(!has_text(&h, &format!("{owner} 1")));
    fn first<'t>(h: &'t Harness<'_, MamoriApp>, label: &'t str) -> egui_kittest::Node<'t> {
        h.query_all_by_role_and_label(Role::TextInput, label)
            .next()
            .unwrap()
    }
    let type_first = |h: &mut Harness<'_, MamoriApp>, label: &str, text: &str| {
        first(h, label).focus();
        h.run();
        first(h, label).type_text(text);
        h.run();
        h.run();
    };
    type_first(&mut h, &owner, "総務 佐藤");
    type_first(&mut h, &due, "2026-13");
    assert!(has_text(&h, &s(&h, "ui.due_invalid")));
    type_first(&mut h, &due, "-01");
    assert!(has_text(&h, &s(&h, "ui.due_invalid")), "month 13");
    // Select all and type a valid date instead.
    first(&h, &due).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    first(&h, &due).type_text("2026-12-31");
    h.run();
    h.run();
    assert!(!has_text(&h, &s(&h, "ui.due_invalid")));
    h.state_mut().flush();
    let a = saved(&h);
    assert_eq!(
        a.actions.len(),
        1,
        "only the first finding's fields were typed in"
    );
    let (question, action) = a.actions.iter().next().unwrap();
    assert_eq!(action.owner, "総務 佐藤");
    assert_eq!(action.due, Some(Date::parse("2026-12-31").unwrap()));

    // No file dialog in tests: Export CSV asks for a typed path.
    click_key(&mut h, "ui.export_csv");
    assert_eq!(
        h.state().path_prompt.as_ref().map(|p| p.purpose),
        Some(PathPurpose::ExportCsv)
    );
    let out = dir.path().join("plan.csv");
    h.state_mut().path_prompt.as_mut().unwrap().text = out.display().to_string();
    h.run();
    click_key(&mut h, "ui.save_here");
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let rows = parse_csv(&String::from_utf8(bytes).unwrap());
    let row = rows.iter().find(|r| r[1] == *question).unwrap();
    assert_eq!(
        (row[8].as_str(), row[9].as_str()),
        ("総務 佐藤", "2026-12-31")
    );
    assert!(dir.path().join("plan-inventory.csv").is_file());
    assert!(has_text(&h, &s(&h, "ui.csv_saved")));
}

/// Types `text` into the `n`-th text field labelled `label`.
fn type_nth(h: &mut Harness<'_, MamoriApp>, label: &str, n: usize, text: &str) {
    h.get_all_by_role_and_label(Role::TextInput, label)
        .nth(n)
        .unwrap()
        .focus();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, label)
        .nth(n)
        .unwrap()
        .type_text(text);
    h.run();
    h.run();
}
