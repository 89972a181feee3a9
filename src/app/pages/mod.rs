//! Every page of the app, one file each behind a `ui` function that draws from the state it is
//! given and pushes [`Commands`]; [`root_ui`] lays out the window (navigation bar, status bar,
//! the page, the dialogs) and hands each page its part of the app.

pub mod cases;
pub mod class;
pub mod compare;
pub mod desks;
pub mod findings;
pub mod inventory;
pub mod ledger;
pub mod nav;
pub mod open_close;
pub mod overview;
pub mod projector;
pub mod question;
pub mod results;
pub mod settings;
pub mod situations;
pub mod start;

use egui::{ScrollArea, Ui};

use super::commands::{Commands, Nav};
pub use super::view::View;
use super::{dialogs, secure, theme, MamoriApp, Screen};

/// The whole window: navigation bar, status bar, the current page, and the dialogs.
pub fn root_ui(app: &mut MamoriApp, ui: &mut Ui) {
    if app.presentation {
        let v = View::new(&app.bundle, &app.prefs, &app.scores, true);
        let shown = projector::Shown {
            screen: &app.screen,
            doc: app.doc.as_mut(),
            class: &app.class,
        };
        projector::ui(ui, &v, shown, &mut app.commands);
    } else {
        let state = nav::NavState::of(app);
        let v = View::new(&app.bundle, &app.prefs, &app.scores, false);
        egui::Panel::top("nav").show(ui, |ui| nav::ui(ui, &v, &state, &mut app.commands));
        egui::Panel::bottom("status").show(ui, |ui| {
            let path = app.doc.as_ref().map(|d| d.path.as_path());
            status_ui(ui, &v, path, app.notice.as_deref());
        });
        egui::CentralPanel::default().show(ui, |ui| {
            // Each page keeps its own scroll position, unless asked to open at the top.
            let mut area = ScrollArea::vertical()
                .id_salt(page_name(&app.screen))
                .auto_shrink([false, false]);
            if std::mem::take(&mut app.scroll_top) {
                area = area.vertical_scroll_offset(0.0);
            }
            area.show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(theme::PAGE_MAX_WIDTH));
                page_ui(app, ui);
            });
        });
        let v = View::new(&app.bundle, &app.prefs, &app.scores, false);
        dialogs::path_prompt_ui(ui, &v, &mut app.path_prompt, &mut app.commands);
        secure::pass_prompt_ui(ui, &v, &mut app.pass_prompt, &mut app.commands);
        dialogs::copy_choice_ui(ui, &v, app.copy_choice, &mut app.commands);
    }
    let v = View::new(&app.bundle, &app.prefs, &app.scores, app.presentation);
    let error = app
        .error
        .as_deref()
        .map(|e| (e, app.error_detail.as_deref()));
    dialogs::error_ui(ui, &v, error, &mut app.commands);
}

/// The page of `app.screen`, each given its part of the app.
fn page_ui(app: &mut MamoriApp, ui: &mut Ui) {
    let v = View::new(&app.bundle, &app.prefs, &app.scores, false);
    let out = &mut app.commands;
    let screen = app.screen.clone();
    match (screen, app.doc.as_mut()) {
        (Screen::Start, _) => {
            let names = (&app.recent_names, app.example_names.as_slice());
            start::ui(ui, &v, &mut app.form, &app.prefs, names, out)
        }
        (Screen::Cases(sel), _) => {
            let back = app.case_from.as_ref();
            cases::ui(ui, &v, (sel.as_deref(), back), out)
        }
        (Screen::Contacts, doc) => desks::ui(ui, &v, doc.map(|d| &d.assessment)),
        (Screen::Settings, _) => settings::ui(ui, &v, &mut app.prefs),
        (Screen::Class, _) => class::ui(ui, &v, &app.class, app.file_dialogs, out),
        (Screen::Overview, Some(doc)) => overview::ui(ui, &v, &doc.assessment, out),
        (Screen::Question(id), Some(doc)) => question::ui(ui, &v, &mut doc.assessment, &id, out),
        (Screen::Results, Some(doc)) => results::ui(ui, &v, doc, out),
        (Screen::Inventory, Some(doc)) => {
            inventory::ui(ui, &v, &mut doc.assessment, &app.suggestions, out)
        }
        (Screen::Compare, Some(doc)) => compare::ui(
            ui,
            &v,
            doc,
            &app.compare,
            (&app.prefs.recent, &app.recent_names),
            out,
        ),
        (Screen::Situations(open), Some(doc)) => {
            situations::ui(ui, &v, &doc.assessment, open.as_deref(), out)
        }
        (Screen::Ledger, Some(doc)) => ledger::ui(ui, &v, &doc.assessment, out),
        (Screen::OpenClose(open), Some(doc)) => open_close::ui(ui, &v, &doc.assessment, open, out),
        (Screen::Overview | Screen::Question(_) | Screen::Results, None)
        | (Screen::Inventory | Screen::Compare, None)
        | (Screen::Situations(_) | Screen::Ledger | Screen::OpenClose(_), None) => {
            no_doc_ui(ui, &v, out)
        }
    }
}

/// The name under which a page keeps its scroll position.
fn page_name(s: &Screen) -> &'static str {
    match s {
        Screen::Start => "start",
        Screen::Overview => "overview",
        Screen::Question(_) => "question",
        Screen::Results => "results",
        Screen::Cases(_) => "cases",
        Screen::Contacts => "desks",
        Screen::Settings => "settings",
        Screen::Inventory => "inventory",
        Screen::Compare => "compare",
        Screen::Class => "class",
        Screen::Situations(_) => "situations",
        Screen::Ledger => "ledger",
        Screen::OpenClose(_) => "open_close",
    }
}

/// Pages that need an open assessment show a way to start one when there is none.
fn no_doc_ui(ui: &mut Ui, v: &View<'_>, out: &mut Commands) {
    ui.label(v.t("ui.no_doc"));
    if ui.button(v.t("ui.nav_start")).clicked() {
        out.send(Nav::Go(Screen::Start));
    }
}

fn status_ui(ui: &mut Ui, v: &View<'_>, path: Option<&std::path::Path>, notice: Option<&str>) {
    ui.horizontal_wrapped(|ui| {
        match path {
            Some(p) => ui.label(format!("{}: {}", v.t("ui.autosaved"), p.display())),
            None => ui.label(v.t("ui.no_doc")),
        };
        if let Some(n) = notice {
            ui.separator();
            ui.label(n);
        }
    });
}
