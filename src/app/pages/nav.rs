//! The navigation bar, by who uses the app (the mode chosen in the settings): an owner's
//! self-check sees the few pages of the check; the adviser's tools (inventory, disclosure
//! ledger, patent or secret, comparison, encrypted save) and the trainer's (the class view)
//! are added by their mode. A page the mode hides still opens from a link on another page
//! (a ledger finding, the inventory question); while it is shown its button joins the bar.

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, DocCommand, FileCommand, Nav};
use crate::app::{MamoriApp, Screen};
use crate::model::assessment::Mode;

/// A button of the navigation bar: its string key, the page, whether it needs an open check.
pub type NavItem = (&'static str, Screen, bool);

/// The pages of the navigation bar in `mode`, in order; `question` is where 「質問に答える」
/// (Answer questions) leads, when there is a check to answer.
pub fn items(mode: Mode, question: Option<String>) -> Vec<NavItem> {
    let mut items = vec![
        ("ui.nav_start", Screen::Start, false),
        ("ui.nav_overview", Screen::Overview, true),
    ];
    if let Some(q) = question {
        items.push(("ui.nav_questions", Screen::Question(q), true));
    }
    items.push(("ui.nav_results", Screen::Results, true));
    items.push(("ui.nav_cases", Screen::Cases(None), false));
    items.push(("ui.nav_contacts", Screen::Contacts, false));
    items.push(("ui.nav_situations", Screen::Situations(None), true));
    match mode {
        Mode::SelfCheck => {}
        Mode::Adviser => {
            items.push(("ui.nav_inventory", Screen::Inventory, true));
            items.push(("ui.nav_ledger", Screen::Ledger, true));
            items.push(("ui.nav_open_close", Screen::OpenClose(None), true));
            items.push(("ui.nav_compare", Screen::Compare, true));
        }
        Mode::Workshop => items.push(("ui.nav_class", Screen::Class, false)),
    }
    items.push(("ui.nav_settings", Screen::Settings, false));
    items
}

/// The navigation bar's item for a page that some mode hides, to show it while it is open.
fn item_of(screen: &Screen) -> Option<NavItem> {
    let (key, needs_doc) = match screen {
        Screen::Inventory => ("ui.nav_inventory", true),
        Screen::Ledger => ("ui.nav_ledger", true),
        Screen::OpenClose(_) => ("ui.nav_open_close", true),
        Screen::Compare => ("ui.nav_compare", true),
        Screen::Class => ("ui.nav_class", false),
        _ => return None,
    };
    Some((key, screen.clone(), needs_doc))
}

fn same_page(a: &Screen, b: &Screen) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// What the navigation bar needs to know about the app.
pub struct NavState {
    current: Screen,
    mode: Mode,
    has_doc: bool,
    can_undo: bool,
    question: Option<String>,
}

impl NavState {
    /// The navigation bar's view of `app`.
    pub fn of(app: &MamoriApp) -> NavState {
        NavState {
            current: app.screen.clone(),
            mode: app.prefs.nav_mode,
            has_doc: app.doc.is_some(),
            can_undo: app.doc.as_ref().is_some_and(|d| d.undo_depth() > 0),
            question: app
                .next_unanswered()
                .or_else(|| app.prefs.last_question.clone())
                .or_else(|| app.flow().first().cloned()),
        }
    }
}

/// Draws the navigation bar: the pages of the mode, then the file buttons.
pub fn ui(ui: &mut Ui, v: &View<'_>, s: &NavState, out: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("mamori 守り").strong());
        ui.separator();
        let mut items = items(s.mode, s.question.clone());
        if !items.iter().any(|(_, t, _)| same_page(t, &s.current)) {
            items.extend(item_of(&s.current));
        }
        for (key, target, needs_doc) in items {
            let selected = same_page(&s.current, &target);
            let button = egui::Button::new(v.t(key)).selected(selected);
            if ui.add_enabled(s.has_doc || !needs_doc, button).clicked() {
                out.send(Nav::Enter(target));
            }
        }
        ui.separator();
        file_buttons_ui(ui, v, s, out);
    });
}

/// Open, Save As, Save encrypted (adviser mode) and Undo in the navigation bar.
fn file_buttons_ui(ui: &mut Ui, v: &View<'_>, s: &NavState, out: &mut Commands) {
    if ui.button(v.t("ui.open")).on_hover_text("Ctrl+O").clicked() {
        out.send(FileCommand::OpenDialog);
    }
    if ui
        .add_enabled(s.has_doc, egui::Button::new(v.t("ui.save_as")))
        .on_hover_text("Ctrl+Shift+S")
        .clicked()
    {
        out.send(FileCommand::SaveAsDialog);
    }
    if s.mode == Mode::Adviser
        && ui
            .add_enabled(s.has_doc, egui::Button::new(v.t("ui.save_encrypted")))
            .clicked()
    {
        out.send(FileCommand::SaveEncryptedDialog);
    }
    if ui
        .add_enabled(s.can_undo, egui::Button::new(v.t("ui.undo")))
        .on_hover_text("Ctrl+Z")
        .clicked()
    {
        out.send(DocCommand::Undo);
    }
}
