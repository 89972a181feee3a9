//! The information inventory editor: what the company keeps secret, of what kind, how secret,
//! where it is and who may see it, with suggestions to add from.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::{combo, source_ui};
use crate::app::{theme, Doc, EditCommand};
use crate::model::inventory::{
    CategorySuggestions, InfoCategory, InventoryItem, Location, SecrecyRank,
};

/// Draws the inventory of the open check and the suggestions.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui, doc: &mut Doc, suggestions: &[CategorySuggestions]) {
    ui.heading(cx.s("ui.inv_heading"));
    ui.label(cx.s("ui.inv_intro"));
    ui.add_space(theme::ITEM_GAP);
    let items = &mut doc.assessment.inventory;
    if items.is_empty() {
        ui.label(RichText::new(cx.s("ui.inv_empty")).strong());
    }
    let mut edited = false;
    for (i, item) in items.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            edited |= row_ui(cx, ui, item, i);
        });
    }
    if edited {
        cx.send(EditCommand::Edited);
    }
    ui.add_space(theme::ITEM_GAP);
    if ui.button(cx.s("ui.inv_add")).clicked() {
        cx.send(EditCommand::AddInventoryRow(InventoryItem::default()));
    }
    suggestions_ui(cx, ui, suggestions);
}

/// Row `i` (shown as number `i + 1` in every label); true when a field changed.
fn row_ui(cx: &mut Cx, ui: &mut Ui, item: &mut InventoryItem, i: usize) -> bool {
    let n = i + 1;
    let unset = cx.s("ui.staff_unset");
    let cats: Vec<(InfoCategory, String)> = InfoCategory::ALL
        .iter()
        .map(|c| (*c, cx.w.owned(&c.string_key())))
        .collect();
    let ranks: Vec<(SecrecyRank, String)> = SecrecyRank::ALL
        .iter()
        .map(|r| (*r, cx.w.owned(&r.string_key())))
        .collect();
    let l = ui.label(format!("{} {n}", cx.s("ui.inv_name")));
    let name = egui::TextEdit::singleline(&mut item.name).desired_width(f32::INFINITY);
    let mut edited = ui.add(name).labelled_by(l.id).changed();
    ui.horizontal_wrapped(|ui| {
        let label = format!("{} {n}", cx.s("ui.inv_category"));
        edited |= combo(ui, format!("inv_cat_{i}"), &label, &mut item.category, &cats, unset);
        let label = format!("{} {n}", cx.s("ui.inv_rank"));
        edited |= combo(ui, format!("inv_rank_{i}"), &label, &mut item.rank, &ranks, unset);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} {n}:", cx.s("ui.inv_locations")));
        for loc in Location::ALL {
            let mut on = item.locations.contains(&loc);
            if ui.checkbox(&mut on, cx.w.owned(&loc.string_key())).changed() {
                edited = true;
                if on {
                    item.locations.push(loc);
                    item.locations.sort();
                } else {
                    item.locations.retain(|x| *x != loc);
                }
            }
        }
    });
    let l = ui.label(format!("{} {n}", cx.s("ui.inv_access")));
    let access = egui::TextEdit::singleline(&mut item.access).desired_width(f32::INFINITY);
    edited |= ui.add(access).labelled_by(l.id).changed();
    if ui.button(format!("{} {n}", cx.s("ui.inv_remove"))).clicked() {
        cx.send(EditCommand::RemoveInventoryRow(i));
    }
    edited
}

/// Examples per category, each a button that adds a row.
fn suggestions_ui(cx: &mut Cx, ui: &mut Ui, suggestions: &[CategorySuggestions]) {
    let lang = cx.lang;
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("ui.inv_suggestions")));
    ui.label(RichText::new(cx.s("ui.inv_suggestions_hint")).weak());
    for s in suggestions {
        ui.label(RichText::new(cx.w.owned(&s.category.string_key())).strong());
        ui.horizontal_wrapped(|ui| {
            for e in &s.examples {
                if ui.button(format!("+ {}", e.get(lang))).clicked() {
                    cx.send(EditCommand::AddInventoryRow(InventoryItem {
                        name: e.get(lang).to_string(),
                        category: Some(s.category),
                        ..InventoryItem::default()
                    }));
                }
            }
        });
        source_ui(cx, ui, &s.source);
    }
}
