//! The disclosure ledger (開示記録, case 02): every disclosure with its warnings in words,
//! every field edited in place (each edit an undo step, saved shortly after), a removal
//! undoable, and a form to add one. The form's draft lives in egui's memory until the entry
//! is added.

use egui::{Id, RichText, Ui};

use super::View;
use crate::app::commands::{Commands, GuideCommand};
use crate::app::theme;
use crate::model::assessment::Assessment;
use crate::model::ledger::{DisclosureForm, LedgerEntry};
use crate::model::scoring::LedgerFinding;

mod fields;

use fields::{fields_ui, Place};

/// The add form: the entry as typed so far, and whether adding it failed.
#[derive(Clone, Debug)]
struct Draft {
    entry: LedgerEntry,
    error: bool,
}

/// Draws the ledger of the open check `a`.
pub fn ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, out: &mut Commands) {
    ui.heading(v.t("ui.ledger_heading"));
    ui.label(v.t("guide.ledger.intro"));
    ui.add_space(theme::ITEM_GAP);
    if a.ledger.is_empty() {
        ui.label(RichText::new(v.t("guide.ledger.empty")).strong());
    }
    let items: Vec<String> = a.inventory.iter().map(|i| i.name.clone()).collect();
    for (i, e) in a.ledger.iter().enumerate() {
        entry_ui(ui, v, i, e, &items, out);
    }
    ui.add_space(theme::SECTION_GAP);
    form_ui(ui, v, &items, out);
}

/// Entry `i`: what, to whom and when, its warnings in words, the rest in one line, and every
/// field to edit behind 「編集」 (so the ledger stays a list one can scan).
fn entry_ui(
    ui: &mut Ui,
    v: &View<'_>,
    i: usize,
    e: &LedgerEntry,
    items: &[String],
    out: &mut Commands,
) {
    let n = i + 1;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let head = format!(
            "{n}. {}  {} — {}",
            e.date.display(v.lang),
            e.partner,
            e.what
        );
        ui.label(RichText::new(head).strong());
        warnings_ui(ui, v, e);
        ui.label(summary(v, e));
        egui::CollapsingHeader::new(v.t("ui.ledger_edit"))
            .id_salt(("ledger_edit", i))
            .show(ui, |ui| {
                let place = Place {
                    id: Id::unique(("ledger_entry", i)),
                    items,
                    radios: false,
                };
                let mut edited = e.clone();
                if let Some(field) = fields_ui(ui, v, &place, &mut edited).field {
                    out.send(GuideCommand::EditLedger(i, field, edited));
                }
            });
        if ui.button(v.t("ui.ledger_remove")).clicked() {
            out.send(GuideCommand::RemoveLedger(i));
        }
    });
}

/// The rest of an entry in one line: form and marking, inventory item, NDA, return date and
/// where it stands.
fn summary(v: &View<'_>, e: &LedgerEntry) -> String {
    let mut parts = vec![v.t(&e.form.string_key()).to_string()];
    if e.marked && e.form != DisclosureForm::Verbal {
        parts.push(v.t("guide.ledger.marked").to_string());
    }
    if let Some(item) = &e.item {
        parts.push(format!("{}: {item}", v.t("guide.ledger.col.item")));
    }
    let nda = match &e.nda {
        Some(nda) if e.has_nda() => {
            let mut t = nda.reference.clone();
            if let Some(d) = nda.date {
                t = format!("{t} ({})", d.display(v.lang));
            }
            if !nda.purpose.trim().is_empty() {
                t = format!("{t} {}", nda.purpose);
            }
            t
        }
        _ => v.t("guide.ledger.no_nda").to_string(),
    };
    parts.push(format!("{}: {nda}", v.t("guide.ledger.col.nda")));
    if let Some(d) = e.return_by {
        let label = v.t("guide.ledger.col.return_by");
        parts.push(format!("{label}: {}", d.display(v.lang)));
    }
    parts.push(v.t(&e.status.string_key()).to_string());
    parts.join(" / ")
}

/// The warnings of `e` today, each with its severity in words (not by colour alone).
fn warnings_ui(ui: &mut Ui, v: &View<'_>, e: &LedgerEntry) {
    let warnings = e.warnings(v.today);
    if warnings.is_empty() {
        ui.label(format!("✓ {}", v.t("guide.ledger.ok")));
    }
    for warning in warnings {
        let severity = LedgerFinding::severity_of(warning);
        let colour = theme::severity_color(severity, ui.visuals().dark_mode);
        let text = format!(
            "※ [{}] {}",
            v.words().severity(severity),
            v.t(&warning.string_key())
        );
        ui.label(RichText::new(text).color(colour));
    }
}

/// The form that adds a disclosure; the date starts as today.
fn form_ui(ui: &mut Ui, v: &View<'_>, items: &[String], out: &mut Commands) {
    let id = Id::unique("ledger_form");
    let mut draft: Draft = ui.data_mut(|d| d.get_temp(id)).unwrap_or_else(|| Draft {
        entry: LedgerEntry::new(v.today, "", "", DisclosureForm::Paper),
        error: false,
    });
    ui.label(theme::section(v.t("ui.ledger_add_heading")));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let place = Place {
            id,
            items,
            radios: true,
        };
        let edit = fields_ui(ui, v, &place, &mut draft.entry);
        if draft.error {
            ui.label(RichText::new(v.t("ui.ledger_form_error")).strong());
        }
        if ui.button(v.t("ui.ledger_add")).clicked() {
            match complete(&draft.entry, edit.invalid) {
                Some(entry) => {
                    out.send(GuideCommand::AddLedger(entry));
                    draft.entry = LedgerEntry::new(v.today, "", "", DisclosureForm::Paper);
                    draft.error = false;
                }
                None => draft.error = true,
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, draft));
}

/// The entry the form describes, tidied; `None` while the partner or what is missing or a
/// date field holds text that is not a date.
fn complete(e: &LedgerEntry, invalid: bool) -> Option<LedgerEntry> {
    if invalid || e.partner.trim().is_empty() || e.what.trim().is_empty() {
        return None;
    }
    let mut e = e.clone();
    e.partner = e.partner.trim().to_string();
    e.what = e.what.trim().to_string();
    e.note = e.note.trim().to_string();
    e.confirmed_in_writing &= e.form == DisclosureForm::Verbal;
    if let Some(nda) = &mut e.nda {
        nda.reference = nda.reference.trim().to_string();
        nda.purpose = nda.purpose.trim().to_string();
    }
    Some(e)
}
