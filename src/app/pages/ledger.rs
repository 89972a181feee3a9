//! The disclosure ledger (開示記録, case 02): every disclosure with its warnings in words,
//! fields edited in place, a removal undoable, and a form to add one. The form's fields live
//! in egui's memory until the entry is added.

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, DocCommand, GuideCommand};
use crate::app::theme;
use crate::app::widgets::combo;
use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::ledger::{DisclosureForm, LedgerEntry, LedgerStatus, NdaRef};
use crate::model::scoring::LedgerFinding;

/// The add form as typed.
#[derive(Clone, Debug, Default)]
struct Form {
    date: String,
    partner: String,
    what: String,
    form: DisclosureForm,
    marked: bool,
    confirmed: bool,
    nda: String,
    return_by: String,
    error: bool,
}

/// Draws the ledger of the open check `a`.
pub fn ui(ui: &mut Ui, v: &View<'_>, a: &mut Assessment, out: &mut Commands) {
    ui.heading(v.t("ui.ledger_heading"));
    ui.label(v.t("guide.ledger.intro"));
    ui.add_space(theme::ITEM_GAP);
    if a.ledger.is_empty() {
        ui.label(RichText::new(v.t("guide.ledger.empty")).strong());
    }
    let mut edited = false;
    for (i, e) in a.ledger.iter_mut().enumerate() {
        edited |= entry_ui(ui, v, i, e, out);
    }
    if edited {
        out.send(DocCommand::Edited);
    }
    ui.add_space(theme::SECTION_GAP);
    form_ui(ui, v, out);
}

/// Entry `i`: what, to whom and when, its warnings in words, and the fields that change
/// after the disclosure (marking, confirmation, NDA, status); true when one was edited.
fn entry_ui(ui: &mut Ui, v: &View<'_>, i: usize, e: &mut LedgerEntry, out: &mut Commands) -> bool {
    let (n, w) = (i + 1, v.words());
    let mut edited = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let head = format!(
            "{n}. {}  {} — {}",
            e.date.display(v.lang),
            e.partner,
            e.what
        );
        ui.label(RichText::new(head).strong());
        ui.label(v.t(&e.form.string_key()));
        let warnings = e.warnings(v.today);
        if warnings.is_empty() {
            ui.label(format!("✓ {}", v.t("guide.ledger.ok")));
        }
        for warning in warnings {
            let severity = LedgerFinding::severity_of(warning);
            let colour = theme::severity_color(severity, ui.visuals().dark_mode);
            let text = format!(
                "※ [{}] {}",
                w.severity(severity),
                v.t(&warning.string_key())
            );
            ui.label(RichText::new(text).color(colour));
        }
        ui.horizontal_wrapped(|ui| {
            let marked = format!("{} {n}", v.t("guide.ledger.col.marked"));
            edited |= ui.checkbox(&mut e.marked, marked).changed();
            if e.form == DisclosureForm::Verbal {
                let confirmed = format!("{} {n}", v.t("guide.ledger.col.confirmed"));
                edited |= ui
                    .checkbox(&mut e.confirmed_in_writing, confirmed)
                    .changed();
            }
        });
        edited |= nda_ui(ui, v, n, e);
        let statuses: Vec<(LedgerStatus, String)> = LedgerStatus::ALL
            .iter()
            .map(|s| (*s, w.owned(&s.string_key())))
            .collect();
        let mut status = Some(e.status);
        let label = format!("{} {n}", v.t("guide.ledger.col.status"));
        if combo(
            ui,
            format!("ledger_status_{i}"),
            &label,
            &mut status,
            &statuses,
            "—",
        ) {
            e.status = status.unwrap_or_default();
            edited = true;
        }
        if ui
            .button(format!("{} {n}", v.t("ui.ledger_remove")))
            .clicked()
        {
            out.send(GuideCommand::RemoveLedger(i));
        }
    });
    edited
}

/// The NDA reference of entry `n`, typed in place (empty: no NDA).
fn nda_ui(ui: &mut Ui, v: &View<'_>, n: usize, e: &mut LedgerEntry) -> bool {
    let mut reference = e
        .nda
        .as_ref()
        .map(|x| x.reference.clone())
        .unwrap_or_default();
    let l = ui.label(format!("{} {n}", v.t("ui.ledger_nda_ref")));
    let field = egui::TextEdit::singleline(&mut reference).desired_width(theme::OWNER_WIDTH);
    if !ui.add(field).labelled_by(l.id).changed() {
        return false;
    }
    match (&mut e.nda, reference.trim().is_empty()) {
        (Some(nda), false) => nda.reference = reference,
        (None, false) => {
            e.nda = Some(NdaRef {
                reference,
                ..NdaRef::default()
            })
        }
        (nda, true) => *nda = None,
    }
    true
}

/// The form that adds a disclosure; the date defaults to today.
fn form_ui(ui: &mut Ui, v: &View<'_>, out: &mut Commands) {
    let id = egui::Id::unique("ledger_form");
    let mut f: Form = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    if f.date.is_empty() {
        f.date = v.today.to_string();
    }
    ui.label(theme::section(v.t("ui.ledger_add_heading")));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for (key, text) in [
            ("ui.ledger_date", &mut f.date),
            ("ui.ledger_partner", &mut f.partner),
            ("ui.ledger_what", &mut f.what),
            ("ui.ledger_nda_new", &mut f.nda),
            ("ui.ledger_return_by", &mut f.return_by),
        ] {
            let l = ui.label(v.t(key));
            let field = egui::TextEdit::singleline(text).desired_width(f32::INFINITY);
            ui.add(field).labelled_by(l.id);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", v.t("ui.ledger_form")));
            for form in DisclosureForm::ALL {
                ui.radio_value(&mut f.form, form, v.t(&form.string_key()));
            }
        });
        ui.checkbox(&mut f.marked, v.t("ui.ledger_marked_new"));
        if f.form == DisclosureForm::Verbal {
            ui.checkbox(&mut f.confirmed, v.t("ui.ledger_confirmed_new"));
        }
        if f.error {
            ui.label(RichText::new(v.t("ui.ledger_form_error")).strong());
        }
        if ui.button(v.t("ui.ledger_add")).clicked() {
            match entry_of(&f) {
                Some(entry) => {
                    out.send(GuideCommand::AddLedger(entry));
                    f = Form::default();
                }
                None => f.error = true,
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, f));
}

/// The entry the form describes; `None` when the date, partner or what is missing, or a
/// date is not `YYYY-MM-DD`.
fn entry_of(f: &Form) -> Option<LedgerEntry> {
    let date = Date::parse(f.date.trim()).ok()?;
    if f.partner.trim().is_empty() || f.what.trim().is_empty() {
        return None;
    }
    let return_by = match f.return_by.trim() {
        "" => None,
        t => Some(Date::parse(t).ok()?),
    };
    let mut e = LedgerEntry::new(date, f.partner.trim(), f.what.trim(), f.form);
    e.marked = f.marked;
    e.confirmed_in_writing = f.confirmed && f.form == DisclosureForm::Verbal;
    e.return_by = return_by;
    if !f.nda.trim().is_empty() {
        e.nda = Some(NdaRef {
            reference: f.nda.trim().to_string(),
            ..NdaRef::default()
        });
    }
    Some(e)
}
