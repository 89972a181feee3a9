//! The case library: the four failure cases of the JPO pamphlet and the other advice, one open
//! at a time (what went wrong, the key points, the first step, the desks, the source).

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, Nav};
use crate::app::widgets::source_ui;
use crate::app::{theme, Screen};

/// Draws the case library with `selected` open (the first entry when none is), and a way
/// `back` to the page it was opened from.
pub fn ui(
    ui: &mut Ui,
    v: &View<'_>,
    (selected, back): (Option<&str>, Option<&Screen>),
    out: &mut Commands,
) {
    let (b, lang) = (v.bundle, v.lang);
    if let Some(page) = back {
        let name = match page {
            Screen::Class => v.t("ui.nav_class"),
            _ => v.t("ui.nav_results"),
        };
        if ui.button(format!("← {name}")).clicked() {
            out.send(Nav::Go(page.clone()));
        }
    }
    ui.heading(v.t("ui.cases_heading"));
    ui.label(v.t("ui.cases_intro"));
    ui.horizontal_wrapped(|ui| {
        for adv in &b.advice {
            let on = selected == Some(adv.id.as_str());
            if ui
                .add(egui::Button::new(adv.title.get(lang)).selected(on))
                .clicked()
            {
                out.send(Nav::Go(Screen::Cases(Some(adv.id.clone()))));
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
    ui.label(RichText::new(v.t("ui.what_went_wrong")).strong());
    ui.label(adv.problem.get(lang));
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(v.t("ui.key_points")).strong());
    for act in &adv.actions {
        ui.label(format!("・{}", act.get(lang)));
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(v.t("ui.first_step")).strong());
    ui.label(adv.first_step.get(lang));
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(v.t("score.contacts")).strong());
    for id in &adv.contacts {
        if let Some(c) = b.contact(id) {
            let phone = c.phone_display(lang).unwrap_or_default();
            ui.label(format!("{}  {phone}", c.name.get(lang)));
        }
    }
    source_ui(ui, v, &adv.source);
}
