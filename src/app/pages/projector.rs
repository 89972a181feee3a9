//! The projector (presentation) view: large text, a bar to leave it, and either the results of
//! the open check or the class view — without private notes, editing or file names.

use egui::{RichText, ScrollArea, Ui};

use super::{class, results, View};
use crate::app::commands::{Commands, Nav};
use crate::app::document::Document;
use crate::app::Screen;

/// What the projector shows.
pub struct Shown<'a> {
    /// The page the projector was started from: the class view or (any other) the results.
    pub screen: &'a Screen,
    /// The open check, if any.
    pub doc: Option<&'a mut Document>,
    /// The class view.
    pub class: &'a class::ClassState,
}

/// Draws the projector view into the whole window.
pub fn ui(ui: &mut Ui, v: &View<'_>, shown: Shown<'_>, out: &mut Commands) {
    egui::Panel::top("presentation_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(v.t("ui.presentation")).strong());
            if ui.button(v.t("ui.presentation_exit")).clicked() {
                out.send(Nav::TogglePresentation);
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ScrollArea::vertical().show(ui, |ui| match (shown.screen, shown.doc) {
            (Screen::Class, _) => class::ui(ui, v, shown.class, false, out),
            (_, Some(doc)) => results::ui(ui, v, doc, out),
            (_, None) => {}
        });
    });
}
