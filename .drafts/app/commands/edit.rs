//! Changing the open assessment: answers, notes, owners and due dates, inventory rows, undo.

use super::EditCommand;
use crate::app::document::Change;
use crate::app::{MamoriApp, Screen};
use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::flow::{next_after, Next};

pub(super) fn apply(app: &mut MamoriApp, c: EditCommand) {
    match c {
        EditCommand::Answer(id, value) => {
            if app.change(Change::Undoable, |a| a.set_answer(&id, Some(value))) {
                advance_from(app, &id);
            }
        }
        EditCommand::ClearAnswer(id) => {
            app.change(Change::Undoable, |a| a.set_answer(&id, None));
        }
        EditCommand::Undo => app.undo(),
        EditCommand::Edited => app.save_soon(),
        EditCommand::SetOwner(id, owner) => {
            app.change(Change::SaveSoon, |a| {
                a.actions.entry(id.clone()).or_default().owner = owner;
                tidy_action(a, &id);
            });
        }
        EditCommand::SetDue(id, text) => set_due(app, id, text),
        EditCommand::AddInventoryRow(item) => {
            app.change(Change::Undoable, |a| a.inventory.push(item));
        }
        EditCommand::RemoveInventoryRow(i) => {
            let exists = app
                .doc
                .as_ref()
                .is_some_and(|d| i < d.assessment.inventory.len());
            if exists && app.change(Change::Undoable, |a| drop(a.inventory.remove(i))) {
                app.notice = Some(app.t("ui.inv_removed").to_string());
            }
        }
    }
}

/// Sets a finding's due date when `text` is a date (or clears it when empty); the text is
/// kept as typed so a half-typed date stays in its field.
fn set_due(app: &mut MamoriApp, id: String, text: String) {
    let changed = app.change(Change::SaveSoon, |a| {
        let trimmed = text.trim();
        let action = a.actions.entry(id.clone()).or_default();
        if trimmed.is_empty() {
            action.due = None;
        } else if let Ok(d) = Date::parse(trimmed) {
            action.due = Some(d);
        }
        tidy_action(a, &id);
    });
    if changed {
        app.due_text.insert(id, text);
    }
}

/// Drops an action with neither owner nor date, so the file stays tidy.
fn tidy_action(a: &mut Assessment, id: &str) {
    if a.actions.get(id).is_some_and(|x| x.is_empty()) {
        a.actions.remove(id);
    }
}

/// After answering `id`, the next applicable question; the end of the quick check leads to
/// the overview (with its suggestion), the end of everything to the results.
fn advance_from(app: &mut MamoriApp, id: &str) {
    let Some(doc) = &app.doc else { return };
    match next_after(&app.bundle, &doc.assessment, id) {
        Some(Next::Question(q)) => app.go(Screen::Question(q)),
        Some(Next::Overview) => app.go(Screen::Overview),
        Some(Next::Results) => app.go(Screen::Results),
        None => {}
    }
}
