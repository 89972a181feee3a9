//! Moving between pages and closing dialogs.

use super::NavCommand;
use crate::app::{MamoriApp, Screen};

pub(super) fn apply(app: &mut MamoriApp, c: NavCommand) {
    match c {
        NavCommand::Go(s) => app.go(s),
        NavCommand::Next => step(app, true),
        NavCommand::Prev => step(app, false),
        NavCommand::TogglePresentation => {
            app.presentation = !app.presentation;
            if app.presentation {
                app.screen = Screen::Results;
            }
        }
        NavCommand::DismissError => app.error = None,
        NavCommand::DismissPathPrompt => app.path_prompt = None,
        NavCommand::DismissPassPrompt => app.pass_prompt = None,
    }
}

/// The next (or previous) question of the flow; past the last one, the results.
fn step(app: &mut MamoriApp, forward: bool) {
    let Screen::Question(id) = app.screen.clone() else {
        return;
    };
    let flow = app.flow();
    let target = match flow.iter().position(|q| *q == id) {
        Some(i) if forward => flow.get(i + 1).cloned(),
        Some(i) if i > 0 => flow.get(i - 1).cloned(),
        Some(_) => None,
        None => flow.first().cloned(),
    };
    match target {
        Some(q) => app.go(Screen::Question(q)),
        None if forward => app.go(Screen::Results),
        None => {}
    }
}
