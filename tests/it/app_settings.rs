//! Settings and status in the desktop app: text size by preset buttons and Ctrl + / Ctrl −,
//! applied at once; a status message cleared by another page or another language.

use crate::common::ui::{click, click_key, harness, has_text, s, start_new};

use egui::Modifiers;
use mamori::app::{InventoryCommand, Nav, Screen};
use mamori::model::inventory::InventoryItem;
use mamori::model::text::Lang;

#[test]
fn text_size_by_preset_buttons_and_ctrl_plus_minus() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    click_key(&mut h, "ui.nav_settings");
    click(&mut h, "150 %");
    assert_eq!(h.state().prefs.text_scale, 1.5);
    let now = format!("{}: 150 %", s(&h, "ui.text_size_now"));
    assert!(has_text(&h, &now));
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    assert_eq!(h.state().prefs.text_scale, 1.6);
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Minus);
        h.run();
    }
    assert_eq!(h.state().prefs.text_scale, 1.3);
    // The range holds: never above 200 % nor below 100 %.
    click(&mut h, "200 %");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Equals);
    h.run();
    assert_eq!(h.state().prefs.text_scale, 2.0);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Num0);
    h.run();
    assert_eq!(h.state().prefs.text_scale, 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Minus);
    h.run();
    assert_eq!(h.state().prefs.text_scale, 1.0);
    assert_eq!(h.ctx.zoom_factor(), 1.0, "egui's own zoom stays out of it");
}

#[test]
fn a_status_message_is_cleared_by_another_page_or_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "");
    let removed = |h: &mut egui_kittest::Harness<'_, mamori::app::MamoriApp>| {
        h.state_mut().send(Nav::Go(Screen::Inventory));
        h.state_mut()
            .send(InventoryCommand::AddRow(InventoryItem::default()));
        h.state_mut().send(InventoryCommand::RemoveRow(0));
        h.run();
        assert!(h.state().notice.is_some());
    };
    removed(&mut h);
    h.state_mut().send(Nav::Go(Screen::Inventory));
    h.run();
    assert!(h.state().notice.is_some(), "the same page keeps it");
    click_key(&mut h, "ui.nav_cases");
    assert_eq!(h.state().notice, None);

    removed(&mut h);
    h.state_mut().prefs.lang = Lang::En;
    h.run();
    assert_eq!(h.state().notice, None);
}
