//! The patent-or-secret decision (オープン・クローズ) for a technical item of the information
//! inventory: the five questions from the sources, then the suggestion with its reasons, the
//! next step and the desk that advises on it. The answers are saved with the item (undoable).

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, GuideCommand, Nav};
use crate::app::widgets::source_ui;
use crate::app::{theme, Screen};
use crate::model::assessment::Assessment;
use crate::model::inventory::{InfoCategory, InventoryItem};
use crate::model::open_close::{decide, guide, Choice, Criterion, OpenCloseGuide};
use crate::model::region::Desks;

/// Draws the list of technical items, or the decision for item `open`.
pub fn ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, open: Option<usize>, out: &mut Commands) {
    ui.heading(v.t("ui.oc_heading"));
    let g = match guide() {
        Ok(g) => g,
        Err(d) => {
            ui.label(RichText::new(format!("{d}: {}", v.t("ui.oc_broken"))).strong());
            return;
        }
    };
    match open.and_then(|i| a.inventory.get(i).map(|item| (i, item))) {
        Some((i, item)) => decision_ui(ui, v, g, a, (i, item), out),
        None => list_ui(ui, v, a, out),
    }
}

/// The technical items (category 技術・製造), each opening its decision.
fn list_ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, out: &mut Commands) {
    ui.label(v.t("ui.oc_intro"));
    ui.add_space(theme::ITEM_GAP);
    let technical: Vec<(usize, &InventoryItem)> = a
        .inventory
        .iter()
        .enumerate()
        .filter(|(_, item)| item.category == Some(InfoCategory::TechManufacturing))
        .collect();
    if technical.is_empty() {
        ui.label(RichText::new(v.t("ui.oc_none")).strong());
        if ui.button(v.t("ui.inv_open")).clicked() {
            out.send(Nav::Go(Screen::Inventory));
        }
    }
    for (i, item) in technical {
        let state = match decide(&item.open_close).suggestion {
            Some(_) => v.t("ui.oc_decided"),
            None => v.t("ui.oc_open"),
        };
        ui.horizontal_wrapped(|ui| {
            if ui.button(&item.name).clicked() {
                out.send(Nav::Go(Screen::OpenClose(Some(i))));
            }
            ui.label(state);
        });
    }
}

/// The five questions for item `i`, then the suggestion.
fn decision_ui(
    ui: &mut Ui,
    v: &View<'_>,
    g: &OpenCloseGuide,
    a: &Assessment,
    (i, item): (usize, &InventoryItem),
    out: &mut Commands,
) {
    if ui.button(v.t("ui.oc_back")).clicked() {
        out.send(Nav::Go(Screen::OpenClose(None)));
    }
    ui.label(
        RichText::new(&item.name)
            .size(theme::SCORE_SIZE * 0.6)
            .strong(),
    );
    for (n, c) in Criterion::ALL.iter().enumerate() {
        let Some(t) = g.criterion(*c) else { continue };
        ui.add_space(theme::ITEM_GAP);
        ui.label(RichText::new(format!("{}. {}", n + 1, t.question.get(v.lang))).strong());
        ui.label(t.help.get(v.lang));
        ui.horizontal_wrapped(|ui| {
            let current = item.open_close.get(*c);
            for choice in Choice::ALL {
                let label = format!("{} ({})", v.t(&choice.string_key()), n + 1);
                if ui.radio(current == Some(choice), label).clicked() {
                    let value = (current != Some(choice)).then_some(choice);
                    out.send(GuideCommand::SetOpenClose(i, *c, value));
                }
            }
        });
        source_ui(ui, v, &t.source);
    }
    ui.add_space(theme::SECTION_GAP);
    suggestion_ui(ui, v, g, a, item);
}

/// The suggestion with its reasons, next step and desks; a hint while it is not decided.
fn suggestion_ui(
    ui: &mut Ui,
    v: &View<'_>,
    g: &OpenCloseGuide,
    a: &Assessment,
    item: &InventoryItem,
) {
    ui.label(theme::section(v.t("ui.oc_suggestion")));
    let d = decide(&item.open_close);
    let Some(text) = d.suggestion.and_then(|s| g.suggestion(s)) else {
        ui.label(v.t("ui.oc_answer_first"));
        return;
    };
    ui.label(
        RichText::new(text.title.get(v.lang))
            .size(theme::SCORE_SIZE * 0.6)
            .strong(),
    );
    ui.label(RichText::new(v.t("ui.oc_why")).strong());
    for r in d.reasons.iter().filter_map(|r| g.reason(*r)) {
        ui.label(format!("・{}", r.text.get(v.lang)));
        source_ui(ui, v, &r.source);
    }
    ui.label(format!(
        "{}: {}",
        v.t("report.oc.next"),
        text.next_step.get(v.lang)
    ));
    source_ui(ui, v, &text.source);
    let desks = Desks::choose(v.bundle, &a.company.prefecture, g.contacts.iter());
    ui.label(RichText::new(v.t("report.oc.desks")).strong());
    for c in desks
        .fitting(v.bundle, &g.contacts)
        .iter()
        .filter_map(|id| v.bundle.contact(id))
    {
        let phone = c.phone_display(v.lang).unwrap_or_default();
        ui.label(format!("・{} {phone}", c.name.get(v.lang)));
    }
}
