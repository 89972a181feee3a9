//! Every field of a ledger entry as a labelled input, shared by the add form and the entries
//! edited in place. Dates are typed as `YYYY-MM-DD`; what is typed stays in egui's memory
//! while it is not a date, with the reason in words next to the field, and only a valid
//! date reaches the entry.

use egui::{Id, RichText, Ui};

use crate::app::theme;
use crate::app::view::View;
use crate::model::date::Date;
use crate::model::ledger::{DisclosureForm, LedgerEntry, LedgerStatus, NdaRef};

/// What one frame of [`fields_ui`] did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Edit {
    /// The field that changed (`date`, `partner`, …), if one did.
    pub field: Option<&'static str>,
    /// A date field holds text that is not a date (nothing of it was saved).
    pub invalid: bool,
}

impl Edit {
    fn mark(&mut self, changed: bool, field: &'static str) {
        if changed {
            self.field = Some(field);
        }
    }
}

/// Where the fields are drawn: their memory id and the names of the inventory items an entry
/// can belong to. The labels are plain (「相手先」, not 「相手先 2」): each entry's fields sit
/// under its numbered heading, and the id keeps them apart.
pub struct Place<'a> {
    /// The id under which typed dates are kept.
    pub id: Id,
    /// The inventory items' names.
    pub items: &'a [String],
    /// Offer the form as radio buttons (the add form) rather than a drop-down.
    pub radios: bool,
}

impl Place<'_> {
    fn label(&self, v: &View<'_>, key: &str) -> String {
        v.t(key).to_string()
    }
}

/// Draws every field of `e` for editing; what changed is in the result.
pub fn fields_ui(ui: &mut Ui, v: &View<'_>, p: &Place<'_>, e: &mut LedgerEntry) -> Edit {
    let mut edit = Edit::default();
    let mut date = Some(e.date);
    let (changed, invalid) = date_ui(
        ui,
        v,
        p.id.with("date"),
        &p.label(v, "ui.ledger_date"),
        &mut date,
        false,
    );
    edit.mark(changed, "date");
    edit.invalid |= invalid;
    if let Some(d) = date {
        e.date = d;
    }
    edit.mark(
        text_ui(ui, &p.label(v, "ui.ledger_partner"), &mut e.partner),
        "partner",
    );
    edit.mark(
        text_ui(ui, &p.label(v, "ui.ledger_what"), &mut e.what),
        "what",
    );
    edit.mark(item_ui(ui, v, p, &mut e.item), "item");
    edit.mark(form_ui(ui, v, p, &mut e.form), "form");
    ui.horizontal_wrapped(|ui| {
        let marked = ui.checkbox(&mut e.marked, p.label(v, "ui.ledger_marked_new"));
        edit.mark(marked.changed(), "marked");
        if e.form == DisclosureForm::Verbal {
            let label = p.label(v, "ui.ledger_confirmed_new");
            let confirmed = ui.checkbox(&mut e.confirmed_in_writing, label);
            edit.mark(confirmed.changed(), "confirmed");
        }
    });
    nda_ui(ui, v, p, &mut e.nda, &mut edit);
    let label = p.label(v, "ui.ledger_return_by");
    let (changed, invalid) = date_ui(
        ui,
        v,
        p.id.with("return_by"),
        &label,
        &mut e.return_by,
        true,
    );
    edit.mark(changed, "return_by");
    edit.invalid |= invalid;
    edit.mark(status_ui(ui, v, p, &mut e.status), "status");
    edit.mark(
        text_ui(ui, &p.label(v, "ui.ledger_note"), &mut e.note),
        "note",
    );
    edit
}

/// The NDA's reference, date and purpose; none of them typed means no NDA.
fn nda_ui(ui: &mut Ui, v: &View<'_>, p: &Place<'_>, nda: &mut Option<NdaRef>, edit: &mut Edit) {
    let mut n = nda.clone().unwrap_or_default();
    let reference = text_ui(ui, &p.label(v, "ui.ledger_nda_ref"), &mut n.reference);
    edit.mark(reference, "nda_ref");
    let label = p.label(v, "ui.ledger_nda_date");
    let (dated, invalid) = date_ui(ui, v, p.id.with("nda_date"), &label, &mut n.date, true);
    edit.mark(dated, "nda_date");
    edit.invalid |= invalid;
    let purpose = text_ui(ui, &p.label(v, "ui.ledger_nda_purpose"), &mut n.purpose);
    edit.mark(purpose, "nda_purpose");
    if reference || dated || purpose {
        let empty =
            n.reference.trim().is_empty() && n.date.is_none() && n.purpose.trim().is_empty();
        *nda = (!empty).then_some(n);
    }
}

/// A labelled one-line text field; true when it changed.
fn text_ui(ui: &mut Ui, label: &str, value: &mut String) -> bool {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let width = ui.available_size_before_wrap().x.max(theme::FIELD_WIDTH);
        let field = egui::TextEdit::singleline(value).desired_width(width);
        ui.add(field).labelled_by(l.id).changed()
    })
    .inner
}

/// A labelled date typed as `YYYY-MM-DD` (empty: none, when `optional`). Returns whether the
/// value changed and whether the text typed is not a date (said in words next to the field).
fn date_ui(
    ui: &mut Ui,
    v: &View<'_>,
    id: Id,
    label: &str,
    value: &mut Option<Date>,
    optional: bool,
) -> (bool, bool) {
    let kept: Option<(String, Option<Date>)> = ui.data_mut(|d| d.get_temp(id));
    // What was typed, unless the value changed elsewhere since (undo, another entry).
    let mut text = match kept {
        Some((text, seen)) if seen == *value => text,
        _ => value.map(|d| d.to_string()).unwrap_or_default(),
    };
    let mut changed = false;
    let parsed = ui
        .horizontal_wrapped(|ui| {
            let l = ui.label(label);
            let field = egui::TextEdit::singleline(&mut text).desired_width(theme::DATE_WIDTH);
            let typed = ui.add(field).labelled_by(l.id).changed();
            let parsed = parse_date(&text, optional);
            match parsed {
                Some(d) if typed && d != *value => {
                    *value = d;
                    changed = true;
                }
                Some(_) => {}
                None => {
                    ui.label(RichText::new(v.t("ui.ledger_date_invalid")).strong());
                }
            }
            parsed
        })
        .inner;
    ui.data_mut(|d| d.insert_temp(id, (text, *value)));
    (changed, parsed.is_none())
}

/// The date `text` gives: `Some(None)` for empty text when `optional`; `None` when it is not
/// a date (or empty and required).
fn parse_date(text: &str, optional: bool) -> Option<Option<Date>> {
    match text.trim() {
        "" if optional => Some(None),
        "" => None,
        t => Date::parse(t).ok().map(Some),
    }
}

/// The inventory item the disclosure belongs to, chosen among the items (or none); an item
/// no longer in the inventory stays offered under its name.
fn item_ui(ui: &mut Ui, v: &View<'_>, p: &Place<'_>, item: &mut Option<String>) -> bool {
    let mut options: Vec<(Option<&str>, String)> = vec![(None, "—".to_string())];
    options.extend(p.items.iter().map(|n| (Some(n.as_str()), n.clone())));
    let kept = item.clone();
    if let Some(name) = kept.as_deref().filter(|n| !p.items.iter().any(|x| x == n)) {
        options.push((Some(name), name.to_string()));
    }
    let mut chosen = kept.as_deref();
    let label = p.label(v, "ui.ledger_item");
    if !pick(ui, p.id.with("item"), &label, &mut chosen, &options) {
        return false;
    }
    *item = chosen.map(str::to_string);
    true
}

/// Paper, data, sample or verbal: radio buttons in the add form, a drop-down in place.
fn form_ui(ui: &mut Ui, v: &View<'_>, p: &Place<'_>, form: &mut DisclosureForm) -> bool {
    if p.radios {
        return ui
            .horizontal_wrapped(|ui| {
                ui.label(format!("{}:", p.label(v, "ui.ledger_form")));
                let mut changed = false;
                for f in DisclosureForm::ALL {
                    changed |= ui.radio_value(form, f, v.t(&f.string_key())).changed();
                }
                changed
            })
            .inner;
    }
    let options: Vec<(DisclosureForm, String)> = DisclosureForm::ALL
        .iter()
        .map(|f| (*f, v.t(&f.string_key()).to_string()))
        .collect();
    let label = p.label(v, "ui.ledger_form");
    pick(ui, p.id.with("form"), &label, form, &options)
}

/// Where the material stands now.
fn status_ui(ui: &mut Ui, v: &View<'_>, p: &Place<'_>, status: &mut LedgerStatus) -> bool {
    let options: Vec<(LedgerStatus, String)> = LedgerStatus::ALL
        .iter()
        .map(|s| (*s, v.t(&s.string_key()).to_string()))
        .collect();
    let label = p.label(v, "guide.ledger.col.status");
    pick(ui, p.id.with("status"), &label, status, &options)
}

/// A drop-down of exactly `options` after its label; true when the choice changed.
fn pick<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: Id,
    label: &str,
    value: &mut T,
    options: &[(T, String)],
) -> bool {
    let shown = options
        .iter()
        .find(|(o, _)| o == value)
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(label);
        let mut changed = false;
        let r = egui::ComboBox::from_id_salt(id)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (o, l) in options {
                    changed |= ui.selectable_value(value, *o, l).changed();
                }
            });
        r.response.labelled_by(l.id);
        changed
    })
    .inner
}
