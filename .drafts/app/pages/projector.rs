//! The projector view: large text, no editing, the results of the open check or the class
//! picture, and a bar to leave it (Esc too).

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::{NavCommand, Screen};

/// The page the projector view shows for `screen`; outside it, `screen` itself.
pub(super) fn screen(presentation: bool, screen: &Screen) -> Screen {
    match screen {
        _ if !presentation => screen.clone(),
        Screen::Class => Screen::Class,
        _ => Screen::Results,
    }
}

/// The projector view's top bar: its name and the button to leave it.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.s("ui.presentation")).strong());
        if ui.button(cx.s("ui.presentation_exit")).clicked() {
            cx.send(NavCommand::TogglePresentation);
        }
    });
}
