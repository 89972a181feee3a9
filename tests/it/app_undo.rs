//! Undo in the desktop app: every undoable change goes through one push with one limit.

use crate::common::ui::{harness, start_new};

use mamori::app::{Command, DocCommand, InventoryCommand, Screen, UNDO_LIMIT};
use mamori::model::inventory::InventoryItem;
use mamori::model::schema::Answer;

fn depth(h: &egui_kittest::Harness<'_, mamori::app::MamoriApp>) -> usize {
    h.state().doc.as_ref().unwrap().undo_depth()
}

#[test]
fn every_undoable_change_keeps_the_undo_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "取り消し株式会社");
    for _ in 0..UNDO_LIMIT {
        h.state_mut()
            .send(InventoryCommand::AddRow(InventoryItem::default()));
    }
    h.run();
    assert_eq!(depth(&h), UNDO_LIMIT);
    // At the limit, each kind of undoable change drops the oldest step instead of growing.
    let changes: [Command; 4] = [
        DocCommand::Answer("quick.rules".into(), Answer::No).into(),
        DocCommand::ClearAnswer("quick.rules".into()).into(),
        InventoryCommand::AddRow(InventoryItem::default()).into(),
        InventoryCommand::RemoveRow(0).into(),
    ];
    for c in changes {
        h.state_mut().send(c.clone());
        h.run();
        assert_eq!(depth(&h), UNDO_LIMIT, "{c:?} went past the limit");
    }
    // Undo walks back the last change (the removal) and nothing else.
    let rows = h.state().doc.as_ref().unwrap().assessment.inventory.len();
    h.state_mut().send(DocCommand::Undo);
    h.run();
    let doc = h.state().doc.as_ref().unwrap();
    assert_eq!(doc.assessment.inventory.len(), rows + 1);
    assert_eq!(doc.undo_depth(), UNDO_LIMIT - 1);
}

#[test]
fn undo_returns_to_the_question_whose_answer_it_restores() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    start_new(&mut h, "");
    h.key_press(egui::Key::Num1);
    h.run();
    h.key_press(egui::Key::Num3);
    h.run();
    // Now on the third question; Ctrl+Z undoes the second answer and shows its question.
    assert_eq!(h.state().screen, Screen::Question("quick.departing".into()));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().screen, Screen::Question("quick.pc".into()));
    let a = &h.state().doc.as_ref().unwrap().assessment;
    assert_eq!(a.answer("quick.pc"), None);
    assert_eq!(a.answer("quick.rules"), Some(Answer::Yes));
    assert_eq!(h.state().notice.as_deref(), Some(h.state().t("ui.undone")));
}
