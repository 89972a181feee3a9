//! The consultation desks: with an open check, only those that serve its prefecture; then the
//! information contacts apart under their own heading (never offered as a desk for one's own
//! case). Each desk with the date its details come from and its source.

use egui::{RichText, Ui};

use super::View;
use crate::app::theme;
use crate::app::widgets::source_ui;
use crate::model::assessment::Assessment;
use crate::model::schema::{Contact, ContactKind};

/// Draws the desks; `open` is the open check, if any.
pub fn ui(ui: &mut Ui, v: &View<'_>, open: Option<&Assessment>) {
    let b = v.bundle;
    ui.heading(v.t("score.contacts"));
    ui.label(v.t("ui.contacts_intro"));
    let serves = open
        .map(|a| v.score(a).desks)
        .map(|d| [d.recommended, d.other].concat());
    let info = |c: &&Contact| c.kind == ContactKind::Information;
    let consult = b
        .contacts
        .iter()
        .filter(|c| !info(c))
        .filter(|c| serves.as_ref().is_none_or(|ids| ids.contains(&c.id)));
    let mut any = false;
    for c in consult {
        any = true;
        desk_ui(ui, v, c);
    }
    let information: Vec<&Contact> = b.contacts.iter().filter(info).collect();
    if any && !information.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(v.t("desks.information")));
    }
    for c in information {
        desk_ui(ui, v, c);
    }
}

/// One desk as a card: name, organisation, as of, phone, hours, e-mail, web, what it handles.
fn desk_ui(ui: &mut Ui, v: &View<'_>, c: &Contact) {
    let lang = v.lang;
    ui.add_space(theme::ITEM_GAP);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(c.name.get(lang))
                .strong()
                .size(theme::ANSWER_SIZE),
        );
        ui.label(c.organisation.get(lang));
        ui.label(RichText::new(c.as_of.get(lang)).italics());
        if let Some(p) = c.phone_display(lang) {
            ui.label(format!("{}: {p}", v.t("ui.phone")));
        }
        if let Some(h) = &c.hours {
            ui.label(format!("{}: {}", v.t("score.hours"), h.get(lang)));
        }
        if let Some(e) = &c.email {
            ui.label(format!("{}: {e}", v.t("ui.email")));
        }
        if let Some(u) = &c.url {
            ui.label(format!("{}: {u}", v.t("ui.web")));
        }
        ui.label(c.handles.get(lang));
        if let Some(n) = &c.note {
            ui.label(RichText::new(n.get(lang)).weak());
        }
        source_ui(ui, v, &c.source);
    });
}
