//! The adviser and trainer pages of the desktop app, driven headless through AccessKit labels
//! (egui_kittest): the inventory editor, owner and due date per finding with the CSV export,
//! the comparison of visits and the anonymous class view.
use crate::common;

use crate::common::ui::{click, harness_sized, has_text, s};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{Command, MamoriApp, PathPurpose, Prefs, Screen};
use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::export::parse_csv;
use mamori::model::inventory::{InfoCategory, Location};
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;

fn harness(dir: &std::path::Path) -> Harness<'static, MamoriApp> {
    harness_sized(dir, Prefs::default(), [1100.0, 4000.0])
}

fn click_key(h: &mut Harness<'_, MamoriApp>, key: &str) {
    let label = s(h, key);
    click(h, &label);
}

fn type_into(h: &mut Harness<'_, MamoriApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
    h.run();
}

fn start_new(h: &mut Harness<'_, MamoriApp>, company: &str) {
    h.state_mut().form.company = company.into();
    let begin = s(h, "ui.begin");
    click(h, &begin);
}

fn saved(h: &Harness<'_, MamoriApp>) -> Assessment {
    Assessment::load(&h.state().doc.as_ref().unwrap().path).unwrap()
}

#[test]
fn the_inventory_is_reached_from_its_question_edited_and_a_removal_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "棚卸し株式会社");
    h.state_mut()
        .send(Command::Go(Screen::Question("inventory.list".into())));
    h.run();
    let open = format!("{} (0)", s(&h, "ui.inv_open"));
    click(&mut h, &open);
    assert_eq!(h.state().screen, Screen::Inventory);
    assert!(has_text(&h, &s(&h, "ui.inv_empty")));

    // A suggestion from the leaflet adds a named, categorised row.
    click(&mut h, "+ 製品の図面");
    click_key(&mut h, "ui.inv_add");
    let access = format!("{} 1", s(&h, "ui.inv_access"));
    type_into(&mut h, &access, "設計課のみ");
    let name2 = format!("{} 2", s(&h, "ui.inv_name"));
    type_into(&mut h, &name2, "焼き入れの条件");
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
    let remove = format!("{} 1", s(&h, "ui.inv_remove"));
    click(&mut h, &remove);
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
    h.state_mut()
        .send(Command::Answer("quick.rules".into(), Answer::No));
    h.run();
    h.state_mut().send(Command::Go(Screen::Results));
    h.run();
    let owner = format!("{} 1", s(&h, "ui.owner"));
    type_into(&mut h, &owner, "総務 佐藤");
    let due = format!("{} 1", s(&h, "ui.due"));
    type_into(&mut h, &due, "2026-13");
    assert!(has_text(&h, &s(&h, "ui.due_invalid")));
    h.get_by_label(&due).type_text("-01");
    h.run();
    h.run();
    assert!(has_text(&h, &s(&h, "ui.due_invalid")), "month 13");
    // Select all and type a valid date instead.
    h.get_by_label(&due).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(&due).type_text("2026-12-31");
    h.run();
    h.run();
    assert!(!has_text(&h, &s(&h, "ui.due_invalid")));
    h.state_mut().flush();
    let a = saved(&h);
    let action = a.actions.get("quick.rules").unwrap();
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
    let row = rows.iter().find(|r| r[1] == "quick.rules").unwrap();
    assert_eq!(
        (row[8].as_str(), row[9].as_str()),
        ("総務 佐藤", "2026-12-31")
    );
    assert!(dir.path().join("plan-inventory.csv").is_file());
    assert!(has_text(&h, &s(&h, "ui.csv_saved")));
}

fn visit(date: &str, v: Answer) -> Assessment {
    let b = load_embedded().bundle;
    let mut a = common::all(&b, v);
    a.date = Date::parse(date).unwrap();
    a.company.name = "比較精工".into();
    a
}

#[test]
fn three_visits_are_compared_with_a_trend() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("v1.ron");
    let second = dir.path().join("v2.ron");
    let third = dir.path().join("v3.ron");
    visit("2026-01-10", Answer::No).save(&first).unwrap();
    visit("2026-05-10", Answer::Partly).save(&second).unwrap();
    let mut now = visit("2026-09-10", Answer::Yes);
    now.set_answer("quick.rules", Some(Answer::No));
    now.save(&third).unwrap();

    let mut h = harness(dir.path());
    h.state_mut().send(Command::Open(second.clone()));
    h.run();
    h.state_mut().send(Command::Open(third.clone()));
    h.run();
    click_key(&mut h, "ui.nav_compare");
    assert_eq!(h.state().screen, Screen::Compare);
    assert!(has_text(&h, &s(&h, "ui.cmp_pick_hint")));
    // The previous visit from the recent list, the first one through the typed path.
    click(&mut h, &format!("+ {}", second.display()));
    click_key(&mut h, "ui.cmp_add");
    h.state_mut().path_prompt.as_mut().unwrap().text = first.display().to_string();
    h.run();
    click_key(&mut h, "ui.open_typed");
    assert_eq!(h.state().teams.older.len(), 2);
    let resolved = s(&h, "score.cmp_resolved");
    assert!(has_text(&h, &format!("{resolved} (")));
    assert!(has_text(&h, &s(&h, "score.cmp_trend")));
    assert!(has_text(&h, "2026年1月10日"));
    assert!(has_text(&h, &s(&h, "score.cmp_up")));
    // With one older visit only, no trend.
    let remove = format!("{} 2", s(&h, "ui.cmp_remove"));
    click(&mut h, &remove);
    assert!(!has_text(&h, &s(&h, "score.cmp_trend")));
}

#[test]
fn the_class_view_is_anonymous_and_lists_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    for (i, v) in [Answer::No, Answer::Partly, Answer::Yes]
        .into_iter()
        .enumerate()
    {
        let mut a = visit("2026-11-22", v);
        a.company.name = format!("受講会社{i}");
        a.assessor = "講師 田中".into();
        a.answers.get_mut("quick.rules").unwrap().note = "内緒のメモ".into();
        a.save(&class.join(format!("p{i}.ron"))).unwrap();
    }
    std::fs::write(class.join("broken.ron"), "Assessment(").unwrap();

    let mut h = harness(dir.path());
    click_key(&mut h, "ui.nav_class");
    click_key(&mut h, "ui.class_add");
    assert_eq!(
        h.state().path_prompt.as_ref().map(|p| p.purpose),
        Some(PathPurpose::ClassAdd)
    );
    h.state_mut().path_prompt.as_mut().unwrap().text = class.display().to_string();
    h.run();
    click_key(&mut h, "ui.open_typed");
    let participants = format!("{}: 3", s(&h, "score.agg_participants"));
    assert!(has_text(&h, &participants));
    assert!(has_text(&h, "broken.ron"));
    let kind = format!("・{}: 1", s(&h, "score.agg_skip.not_an_assessment"));
    assert!(has_text(&h, &kind));
    assert!(has_text(&h, &s(&h, "score.agg_weakest")));
    for secret in ["受講会社", "田中", "内緒のメモ", "比較精工"] {
        assert!(!has_text(&h, secret), "{secret} is shown");
    }
    // The projector view shows the class, large, still without names.
    click_key(&mut h, "ui.presentation");
    assert!(h.state().presentation);
    assert_eq!(h.state().screen, Screen::Class);
    assert!(has_text(&h, &participants));
    assert!(!has_text(&h, "受講会社"));
    assert!(!has_text(&h, "broken.ron"), "a file name is projected");
    assert!(has_text(&h, &kind));
    click_key(&mut h, "ui.presentation_exit");
    assert!(!h.state().presentation);
}

#[test]
fn the_new_pages_draw_in_both_languages_at_200_percent() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    visit("2026-01-10", Answer::No)
        .save(&class.join("v1.ron"))
        .unwrap();
    visit("2026-05-10", Answer::Partly)
        .save(&class.join("v2.ron"))
        .unwrap();
    for lang in mamori::model::text::Lang::ALL {
        let prefs = Prefs {
            lang,
            text_scale: 2.0,
            ..Prefs::default()
        };
        let app = MamoriApp::new(load_embedded().bundle, prefs, dir.path().to_path_buf());
        // As in tests/it/app.rs: 200 % of a 1100-pixel-wide window leaves 550 points.
        let mut h = Harness::builder()
            .with_size([550.0, 4000.0])
            .build_ui_state(|ui, app: &mut MamoriApp| app.ui(ui), app);
        h.run();
        h.state_mut().send(Command::OpenExample(0));
        h.run();
        let suggestion = h.state().teams.suggestions[3].examples[0]
            .get(lang)
            .to_string();
        h.state_mut().send(Command::AddInventoryRow(
            mamori::model::inventory::InventoryItem {
                name: suggestion,
                category: Some(InfoCategory::FromOthers),
                ..Default::default()
            },
        ));
        h.state_mut()
            .send(Command::CompareAdd(class.join("v1.ron")));
        h.state_mut()
            .send(Command::CompareAdd(class.join("v2.ron")));
        h.state_mut().send(Command::ClassAdd(class.clone()));
        h.run();
        for screen in [
            Screen::Inventory,
            Screen::Compare,
            Screen::Class,
            Screen::Results,
        ] {
            h.state_mut().send(Command::Go(screen.clone()));
            h.run();
            assert_eq!(h.state().screen, screen);
            let right = h.ctx.content_rect().right();
            for role in [Role::Button, Role::Label, Role::TextInput, Role::CheckBox] {
                for node in h.query_all_by_role(role) {
                    let r = node.rect();
                    assert!(
                        r.right() <= right + 1.0,
                        "{screen:?} {lang:?}: {role:?} {:?} ends at {} beyond {right}",
                        format!("{node:?}").chars().take(160).collect::<String>(),
                        r.right()
                    );
                }
            }
        }
    }
}
