//! Scrolling in the desktop app: each page keeps its own scroll position, the navigation bar
//! opens a page at its top, and a case opened from a finding leads back to that finding.

use crate::common::ui::{click, click_key, harness_sized, s};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use mamori::app::{FileCommand, MamoriApp, Nav, Prefs, Screen};

/// The top of the first widget labelled `label` (on screen when within the window).
fn top(h: &Harness<'_, MamoriApp>, label: &str) -> f32 {
    h.query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no widget '{label}'"))
        .rect()
        .top()
}

#[test]
fn pages_keep_their_own_scroll_and_a_case_leads_back_to_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(dir.path(), Prefs::default(), [1100.0, 700.0]);
    h.state_mut().send(FileCommand::OpenExample(0));
    h.run();
    h.state_mut().send(Nav::Go(Screen::Results));
    h.run();
    let heading = s(&h, "ui.results_heading");
    assert!(top(&h, &heading) >= 0.0);

    // Scroll down to the last finding's case button.
    let read = s(&h, "ui.read");
    let last = h
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .rfind(|l| l.starts_with(&read))
        .expect("the example has findings with cases");
    h.query_all_by_label(&last).last().unwrap().scroll_to_me();
    for _ in 0..10 {
        h.run();
    }
    let at = h.query_all_by_label(&last).last().unwrap().rect().top();
    assert!((0.0..700.0).contains(&at), "scrolled to it: {at}");
    assert!(top(&h, &heading) < 0.0, "the heading scrolled away");

    // The case page opens at its own top; 「← 結果を見る」 returns to the same place.
    h.query_all_by_label(&last).last().unwrap().click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Cases(Some(_))));
    assert!(top(&h, &s(&h, "ui.cases_heading")) >= 0.0);
    let back = format!("← {}", s(&h, "ui.nav_results"));
    click(&mut h, &back);
    h.run();
    assert_eq!(h.state().screen, Screen::Results);
    let again = h.query_all_by_label(&last).last().unwrap().rect().top();
    assert!(
        (again - at).abs() < 2.0,
        "back at the finding: {at} then {again}"
    );

    // From the navigation bar a page opens at its top.
    click_key(&mut h, "ui.nav_contacts");
    click_key(&mut h, "ui.nav_results");
    h.run();
    assert!(top(&h, &heading) >= 0.0, "the results open at the top");
    // A case page entered from the navigation bar offers no way back.
    click_key(&mut h, "ui.nav_cases");
    assert!(h.query_by_label(&back).is_none());
}
