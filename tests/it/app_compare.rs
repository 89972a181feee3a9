//! The comparison of visits in the desktop app, driven headless through AccessKit labels
//! (egui_kittest).

use crate::common::ui::{click, click_key, harness, has_text, s, visit};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use mamori::app::{FileCommand, Screen};
use mamori::model::schema::Answer;

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
    h.state_mut().send(FileCommand::Open(second.clone()));
    h.run();
    h.state_mut().send(FileCommand::Open(third.clone()));
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
    assert_eq!(h.state().compare.older.len(), 2);
    let resolved = s(&h, "score.cmp_resolved");
    assert!(has_text(&h, &format!("{resolved} (")));
    assert!(has_text(&h, &s(&h, "score.cmp_trend")));
    assert!(has_text(&h, "2026年1月10日"));
    assert!(has_text(&h, &s(&h, "score.cmp_up")));
    // The checklists as a grid: the four headers side by side on one row.
    let cells: Vec<egui::Rect> = [
        "ui.cmp_col_checklist",
        "ui.cmp_col_before",
        "ui.cmp_col_after",
        "ui.cmp_col_change",
    ]
    .iter()
    .map(|k| h.get_by_label(&s(&h, k)).rect())
    .collect();
    for pair in cells.windows(2) {
        assert!((pair[0].top() - pair[1].top()).abs() < 1.0, "{cells:?}");
        assert!(pair[0].right() <= pair[1].left(), "{cells:?}");
    }
    // With one older visit only, no trend.
    // The second visit's 「外す」 (every row's button has the same plain label).
    let remove = s(&h, "ui.cmp_remove");
    h.get_all_by_role_and_label(Role::Button, &remove)
        .nth(1)
        .expect("a second remove button")
        .click();
    h.run();
    assert!(!has_text(&h, &s(&h, "score.cmp_trend")));
}
