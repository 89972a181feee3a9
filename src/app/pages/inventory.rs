//! The information inventory (情報の棚卸し): one card per piece of information (name,
//! category, secrecy rank, where it is kept, who may see it), and suggestions from the sources
//! that add a named row.

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, DocCommand, InventoryCommand};
use crate::app::theme;
use crate::app::widgets::{combo, source_ui};
use crate::model::assessment::Assessment;
use crate::model::inventory::{
    CategorySuggestions, InfoCategory, InventoryItem, Location, SecrecyRank,
};

/// Draws the inventory of the open check `a`; rows are edited in place.
pub fn ui(
    ui: &mut Ui,
    v: &View<'_>,
    a: &mut Assessment,
    suggestions: &[CategorySuggestions],
    out: &mut Commands,
) {
    ui.heading(v.t("ui.inv_heading"));
    ui.label(v.t("ui.inv_intro"));
    ui.add_space(theme::ITEM_GAP);
    if a.inventory.is_empty() {
        ui.label(RichText::new(v.t("ui.inv_empty")).strong());
    }
    let mut edited = false;
    for (i, item) in a.inventory.iter_mut().enumerate() {
        edited |= row_ui(ui, v, i, item, out);
    }
    if edited {
        out.send(DocCommand::Edited);
    }
    ui.add_space(theme::ITEM_GAP);
    if ui.button(v.t("ui.inv_add")).clicked() {
        out.send(InventoryCommand::AddRow(InventoryItem::default()));
    }
    ui.add_space(theme::SECTION_GAP);
    suggestions_ui(ui, v, suggestions, out);
}

/// Row `i` as a card headed by its number and name; its fields carry plain labels and are
/// told apart from the other rows' by the card's own id scope; true when edited.
fn row_ui(
    ui: &mut Ui,
    v: &View<'_>,
    i: usize,
    item: &mut InventoryItem,
    out: &mut Commands,
) -> bool {
    let mut edited = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.push_id(i, |ui| edited = card_ui(ui, v, i, item, out));
    });
    edited
}

/// The fields of row `i`.
fn card_ui(
    ui: &mut Ui,
    v: &View<'_>,
    i: usize,
    item: &mut InventoryItem,
    out: &mut Commands,
) -> bool {
    let mut edited = false;
    ui.set_width(ui.available_width());
    let title = match item.name.trim() {
        "" => v.t("ui.inv_unnamed"),
        name => name,
    };
    ui.label(RichText::new(format!("{}. {title}", i + 1)).strong());
    let l = ui.label(v.t("ui.inv_name"));
    let name = egui::TextEdit::singleline(&mut item.name).desired_width(f32::INFINITY);
    edited |= ui.add(name).labelled_by(l.id).changed();
    ui.horizontal_wrapped(|ui| edited |= choices_ui(ui, v, i, item));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", v.t("ui.inv_locations")));
        for loc in Location::ALL {
            let mut on = item.locations.contains(&loc);
            if ui.checkbox(&mut on, v.t(&loc.string_key())).changed() {
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
    let l = ui.label(v.t("ui.inv_access"));
    let access = egui::TextEdit::singleline(&mut item.access).desired_width(f32::INFINITY);
    edited |= ui.add(access).labelled_by(l.id).changed();
    if ui.button(v.t("ui.inv_remove")).clicked() {
        out.send(InventoryCommand::RemoveRow(i));
    }
    edited
}

/// The category and secrecy rank of row `i`; true when one changed.
fn choices_ui(ui: &mut Ui, v: &View<'_>, i: usize, item: &mut InventoryItem) -> bool {
    let w = v.words();
    let cats: Vec<(InfoCategory, String)> = InfoCategory::ALL
        .iter()
        .map(|c| (*c, w.owned(&c.string_key())))
        .collect();
    let ranks: Vec<(SecrecyRank, String)> = SecrecyRank::ALL
        .iter()
        .map(|r| (*r, w.owned(&r.string_key())))
        .collect();
    let unset = v.t("ui.staff_unset");
    let mut changed = combo(
        ui,
        format!("inv_cat_{i}"),
        v.t("ui.inv_category"),
        &mut item.category,
        &cats,
        unset,
    );
    changed |= combo(
        ui,
        format!("inv_rank_{i}"),
        v.t("ui.inv_rank"),
        &mut item.rank,
        &ranks,
        unset,
    );
    changed
}

/// The suggestions by category: each example a 「+ 名前」 button that adds it as a row.
fn suggestions_ui(
    ui: &mut Ui,
    v: &View<'_>,
    suggestions: &[CategorySuggestions],
    out: &mut Commands,
) {
    let lang = v.lang;
    ui.label(theme::section(v.t("ui.inv_suggestions")));
    ui.label(RichText::new(v.t("ui.inv_suggestions_hint")).weak());
    for s in suggestions {
        ui.label(RichText::new(v.words().owned(&s.category.string_key())).strong());
        ui.horizontal_wrapped(|ui| {
            for e in &s.examples {
                if ui.button(format!("+ {}", e.get(lang))).clicked() {
                    out.send(InventoryCommand::AddRow(InventoryItem {
                        name: e.get(lang).to_string(),
                        category: Some(s.category),
                        ..InventoryItem::default()
                    }));
                }
            }
        });
        source_ui(ui, v, &s.source);
    }
}
