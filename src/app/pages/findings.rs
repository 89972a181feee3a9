//! The findings of the results page, grouped by action ([`ActionPlan`]): each action with what
//! to do, then a card per finding it closes (severity in words and colour, the question, the
//! answer, its step, the cases and situations to read, and outside the projector its owner and
//! due date); the disclosure ledger's warnings in their own action. The desks that fit the
//! findings follow once, below all cards.

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, DocCommand, Nav};
use crate::app::document::Document;
use crate::app::widgets::advice_buttons_ui;
use crate::app::{theme, Screen};
use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::plan::{Action, ActionPlan, Step};
use crate::model::scoring::{Finding, LedgerFinding, ScoreReport, Severity, LEDGER_ADVICE};

/// The findings grouped by action, most important first, then the desks that fit them.
pub fn ui(
    ui: &mut Ui,
    v: &View<'_>,
    doc: &Document,
    (r, plan): (&ScoreReport, &ActionPlan),
    out: &mut Commands,
) {
    ui.label(theme::section(v.t("ui.findings_by_action")));
    if plan.actions.is_empty() {
        ui.label(v.t("score.no_findings"));
    }
    for (n, action) in plan.actions.iter().enumerate() {
        ui.add_space(theme::ITEM_GAP);
        let w = v.words();
        let colour = theme::severity_color(action.severity, ui.visuals().dark_mode);
        ui.horizontal_wrapped(|ui| {
            let title = format!("{}. {}", n + 1, action.title.get(v.lang));
            ui.label(RichText::new(title).size(theme::ANSWER_SIZE).strong());
            let severity = format!("[{}]", w.severity(action.severity));
            ui.label(RichText::new(severity).strong().color(colour));
        });
        action_ui(ui, v, doc, (r, action), out);
    }
    desks_ui(ui, v, r);
}

/// The cards of one action's findings.
fn action_ui(
    ui: &mut Ui,
    v: &View<'_>,
    doc: &Document,
    (r, action): (&ScoreReport, &Action),
    out: &mut Commands,
) {
    for step in &action.steps {
        if let Some(lf) = &step.ledger {
            ledger_card_ui(ui, v, &doc.assessment, (lf, step), out);
        } else if let Some(f) = r
            .findings
            .iter()
            .find(|f| f.question_id == step.question_id)
        {
            let editable = (!v.presentation).then_some(doc);
            finding_card_ui(ui, v, (f, step), editable, out);
        }
    }
}

/// One finding: severity in words and colour, the question, the answer, its step, its cases
/// and situations, and with `doc` (outside the projector) its owner and due date.
fn finding_card_ui(
    ui: &mut Ui,
    v: &View<'_>,
    (f, step): (&Finding, &Step),
    doc: Option<&Document>,
    out: &mut Commands,
) {
    let (b, lang, w) = (v.bundle, v.lang, v.words());
    let Some((_, q)) = b.question(&f.question_id) else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            severity_ui(ui, v, f.severity);
            ui.label(RichText::new(q.text.get(lang)).strong());
        });
        ui.label(format!("{}: {}", v.t("ui.your_answer"), w.answer(f.answer)));
        step_ui(ui, v, step);
        ui.horizontal_wrapped(|ui| {
            advice_buttons_ui(ui, v, &f.advice, out);
            for s in b.situations_for_question(&f.question_id) {
                let label = format!("{}: {}", v.t("ui.nav_situations"), s.title.get(lang));
                if ui.button(label).clicked() {
                    out.send(Nav::Go(Screen::Situations(Some(s.id.clone()))));
                }
            }
        });
        if let Some(doc) = doc {
            ui.push_id(&f.question_id, |ui| {
                finding_action_ui(ui, v, doc, &f.question_id, out)
            });
        }
    });
}

/// 「[高]」 in words, coloured as well (never by colour alone).
fn severity_ui(ui: &mut Ui, v: &View<'_>, severity: Severity) {
    let colour = theme::severity_color(severity, ui.visuals().dark_mode);
    let words = format!("[{}]", v.words().severity(severity));
    ui.label(RichText::new(words).strong().color(colour));
}

/// 「最初の一歩: …」 or 「まず確かめる: …」.
fn step_ui(ui: &mut Ui, v: &View<'_>, step: &Step) {
    let kind = v.t(step.kind.string_key());
    ui.label(format!("{kind}: {}", step.text.get(v.lang)));
}

/// A warning of the disclosure ledger (case 02): severity in words, the entry and what is
/// wrong, its step, and the way to the ledger.
fn ledger_card_ui(
    ui: &mut Ui,
    v: &View<'_>,
    a: &Assessment,
    (f, step): (&LedgerFinding, &Step),
    out: &mut Commands,
) {
    let w = v.words();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            severity_ui(ui, v, f.severity);
            ui.label(RichText::new(w.ledger_finding(&a.ledger, f)).strong());
        });
        step_ui(ui, v, step);
        let advice = [LEDGER_ADVICE.to_string()];
        ui.horizontal_wrapped(|ui| {
            if ui.button(v.t("ui.ledger_open")).clicked() {
                out.send(Nav::Go(Screen::Ledger));
            }
            advice_buttons_ui(ui, v, &advice, out)
        });
    });
}

/// The owner and due-date fields of the finding on `question_id`: plain labels, each field
/// told apart from the other findings' by where it is (its own id scope), not by a number.
fn finding_action_ui(
    ui: &mut Ui,
    v: &View<'_>,
    doc: &Document,
    question_id: &str,
    out: &mut Commands,
) {
    let action = doc
        .assessment
        .actions
        .get(question_id)
        .cloned()
        .unwrap_or_default();
    let mut owner = action.owner.clone();
    let mut due = doc
        .due_text
        .get(question_id)
        .cloned()
        .unwrap_or_else(|| action.due.map(|d| d.to_string()).unwrap_or_default());
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(v.t("ui.owner"));
        let field = egui::TextEdit::singleline(&mut owner)
            .id_salt("owner")
            .desired_width(theme::OWNER_WIDTH);
        if ui.add(field).labelled_by(l.id).changed() {
            out.send(DocCommand::SetOwner(question_id.to_string(), owner.clone()));
        }
        let l = ui.label(v.t("ui.due"));
        let field = egui::TextEdit::singleline(&mut due)
            .id_salt("due")
            .desired_width(theme::DATE_WIDTH);
        if ui.add(field).labelled_by(l.id).changed() {
            out.send(DocCommand::SetDue(question_id.to_string(), due.clone()));
        }
    });
    if !due.trim().is_empty() && Date::parse(due.trim()).is_err() {
        ui.label(RichText::new(v.t("ui.due_invalid")).strong());
    } else if let Some(d) = action.due {
        let shown = format!("{}: {}", v.t("ui.due"), d.display(v.lang));
        ui.label(RichText::new(shown).weak());
    }
}

/// Every desk the findings name, once each, with its phone number.
fn desks_ui(ui: &mut Ui, v: &View<'_>, r: &ScoreReport) {
    let (b, lang) = (v.bundle, v.lang);
    let mut ids: Vec<&str> = Vec::new();
    for id in r.findings.iter().flat_map(|f| &f.contacts) {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    let desks: Vec<_> = ids.into_iter().filter_map(|id| b.contact(id)).collect();
    if desks.is_empty() {
        return;
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("ui.findings_desks")));
    for d in desks {
        let phone = d.phone_display(lang).unwrap_or_default();
        ui.label(format!("・{}  {phone}", d.name.get(lang)));
    }
}
