//! Every page of the app, one file each, behind a `ui` function that draws from the state it
//! needs and sends commands through [`Cx`]; [`root_ui`] lays out the window around them.
//! Shared widgets (bars, cards, labelled fields) are in [`super::widgets`].

mod cases;
mod chrome;
mod class;
mod comparison;
mod desks;
mod inventory;
mod overview;
mod projector;
mod question;
mod results;
mod settings;
mod start;

use egui::{ScrollArea, Ui};

use super::widgets::Cx;
use super::{theme, MamoriApp, NavCommand, Screen};

/// The whole window: the projector view, or the navigation bar, status bar, the current page
/// and the dialogs.
pub fn root_ui(app: &mut MamoriApp, ui: &mut Ui) {
    if app.presentation {
        egui::Panel::top("presentation_bar").show(ui, |ui| {
            let mut cx = Cx::new(&app.bundle, &app.prefs, true, &mut app.pending);
            projector::ui(&mut cx, ui);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical().show(ui, |ui| page_ui(app, ui));
        });
        chrome::error_ui(app, ui);
        return;
    }
    egui::Panel::top("nav").show(ui, |ui| chrome::nav_ui(app, ui));
    egui::Panel::bottom("status").show(ui, |ui| chrome::status_ui(app, ui));
    egui::CentralPanel::default().show(ui, |ui| {
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(theme::PAGE_MAX_WIDTH));
                page_ui(app, ui);
            });
    });
    chrome::path_prompt_ui(app, ui);
    super::secure::pass_prompt_ui(app, ui);
    chrome::error_ui(app, ui);
}

/// The page of [`MamoriApp::screen`] (in the projector view: the class or the results), each
/// given only the state it draws; a page that needs an open assessment shows a way to start
/// one when there is none.
fn page_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let screen = projector::screen(app.presentation, &app.screen);
    let flow = app.flow();
    let MamoriApp {
        bundle,
        prefs,
        doc,
        form,
        pending,
        example_names,
        compare,
        class,
        due_text,
        suggestions,
        adviser_copy,
        presentation,
        file_dialogs,
        ..
    } = app;
    let mut cx = Cx::new(bundle, prefs, *presentation, pending);
    match (screen, doc.as_mut()) {
        (Screen::Start, _) => start::ui(&mut cx, ui, form, prefs, example_names),
        (Screen::Cases(sel), _) => cases::ui(&mut cx, ui, sel.as_deref()),
        (Screen::Contacts, _) => desks::ui(&mut cx, ui),
        (Screen::Settings, _) => settings::ui(&mut cx, ui, prefs),
        (Screen::Class, _) => class::ui(&mut cx, ui, class, *file_dialogs),
        (Screen::Overview, Some(doc)) => overview::ui(&mut cx, ui, doc, &flow),
        (Screen::Question(id), Some(doc)) => question::ui(&mut cx, ui, doc, &flow, &id),
        (Screen::Results, Some(doc)) => results::ui(&mut cx, ui, doc, due_text, adviser_copy),
        (Screen::Inventory, Some(doc)) => inventory::ui(&mut cx, ui, doc, suggestions),
        (Screen::Compare, Some(doc)) => {
            comparison::ui(&mut cx, ui, doc, &compare.older, &prefs.recent)
        }
        (
            Screen::Overview
            | Screen::Question(_)
            | Screen::Results
            | Screen::Inventory
            | Screen::Compare,
            None,
        ) => no_doc_ui(&mut cx, ui),
    }
}

/// Shown instead of a page that needs an open assessment.
fn no_doc_ui(cx: &mut Cx, ui: &mut Ui) {
    ui.label(cx.s("ui.no_doc"));
    if ui.button(cx.s("ui.nav_start")).clicked() {
        cx.send(NavCommand::Go(Screen::Start));
    }
}
