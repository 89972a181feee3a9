//! The consultation desks: every contact with its phone, hours, e-mail, web address, what it
//! handles and where the details come from.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::theme;

/// Draws every desk of the questionnaire.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui) {
    let (b, lang) = (cx.b, cx.lang);
    ui.heading(cx.s("score.contacts"));
    ui.label(cx.s("ui.contacts_intro"));
    for c in &b.contacts {
        ui.add_space(theme::ITEM_GAP);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let name = RichText::new(c.name.get(lang)).strong().size(theme::ANSWER_SIZE);
            ui.label(name);
            ui.label(c.organisation.get(lang));
            if let Some(p) = c.phone_display(lang) {
                ui.label(format!("{}: {p}", cx.s("ui.phone")));
            }
            if let Some(h) = &c.hours {
                ui.label(format!("{}: {}", cx.s("score.hours"), h.get(lang)));
            }
            if let Some(e) = &c.email {
                ui.label(format!("{}: {e}", cx.s("ui.email")));
            }
            if let Some(u) = &c.url {
                ui.label(format!("{}: {u}", cx.s("ui.web")));
            }
            ui.label(c.handles.get(lang));
            if let Some(n) = &c.note {
                ui.label(RichText::new(n.get(lang)).weak());
            }
            let source = format!("{}: {} ({})", cx.s("ui.source"), c.source.file, c.source_date);
            ui.label(RichText::new(source).weak().small());
        });
    }
}
