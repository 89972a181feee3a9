//! The anonymous class view in the desktop app, and the adviser's and trainer's pages at 200 %
//! in both languages, driven headless through AccessKit labels (egui_kittest).

use crate::common::ui::{click_key, harness_in, has_text, s, visit};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{ClassCommand, CompareCommand, FileCommand, InventoryCommand, MamoriApp, Nav};
use mamori::app::{PathPurpose, Prefs, Screen};
use mamori::model::inventory::InfoCategory;
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;

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

    let mut h = harness_in(dir.path(), mamori::model::assessment::Mode::Workshop);
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
    let listed = format!("・broken.ron: {}", s(&h, "ui.error_kind_not_assessment"));
    assert!(has_text(&h, &listed), "{listed}");
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
        h.state_mut().send(FileCommand::OpenExample(0));
        h.run();
        let suggestion = h.state().suggestions[3].examples[0].get(lang).to_string();
        h.state_mut().send(InventoryCommand::AddRow(
            mamori::model::inventory::InventoryItem {
                name: suggestion,
                category: Some(InfoCategory::FromOthers),
                ..Default::default()
            },
        ));
        h.state_mut()
            .send(CompareCommand::Add(class.join("v1.ron")));
        h.state_mut()
            .send(CompareCommand::Add(class.join("v2.ron")));
        h.state_mut().send(ClassCommand::Add(class.clone()));
        h.run();
        for screen in [
            Screen::Inventory,
            Screen::Compare,
            Screen::Class,
            Screen::Results,
        ] {
            h.state_mut().send(Nav::Go(screen.clone()));
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
