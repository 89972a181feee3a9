//! The case library: the four failure cases of the JPO pamphlet and the topics, one open at a
//! time with what went wrong, the key points, the first step and the desks.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::source_ui;
use crate::app::{theme, NavCommand, Screen};

/// Draws the library with advice entry `selected` open (the first one when none).
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui, selected: Option<&str>) {
    let (b, lang) = (cx.b, cx.lang);
    ui.heading(cx.s("ui.cases_heading"));
    ui.label(cx.s("ui.cases_intro"));
    ui.horizontal_wrapped(|ui| {
        for adv in &b.advice {
            let on = selected == Some(adv.id.as_str());
            if ui
                .add(egui::Button::new(adv.title.get(lang)).selected(on))
                .clicked()
            {
                cx.send(NavCommand::Go(Screen::Cases(Some(adv.id.clone()))));
            }
        }
    });
    let Some(adv) = selected
        .and_then(|id| b.advice(id))
        .or_else(|| b.advice.first())
    else {
        return;
    };
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(adv.title.get(lang)));
    ui.label(RichText::new(cx.s("ui.what_went_wrong")).strong());
    ui.label(adv.problem.get(lang));
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(cx.s("ui.key_points")).strong());
    for act in &adv.actions {
        ui.label(format!("・{}", act.get(lang)));
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(cx.s("ui.first_step")).strong());
    ui.label(adv.first_step.get(lang));
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(cx.s("score.contacts")).strong());
    for c in adv.contacts.iter().filter_map(|id| b.contact(id)) {
        let phone = c.phone_display(lang).unwrap_or_default();
        ui.label(format!("{}  {phone}", c.name.get(lang)));
    }
    source_ui(cx, ui, &adv.source);
}
