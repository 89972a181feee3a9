//! The results: the score and verdict with the first actions, the consultation card, a bar per
//! checklist, the five objectives and the three legal requirements, the findings (each with
//! its cases, desks, owner and due date), the "to confirm" list and the adviser's general note.
//! The projector view shows the same page without anything private or editable.

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, DocCommand, FileCommand, Nav};
use crate::app::document::Document;
use crate::app::verdict::{verdict_reasons_ui, verdict_word_ui};
use crate::app::widgets::{advice_buttons_ui, band_bar_ui, bar_ui, consult_ui, private_frame_ui};
use crate::app::{theme, Screen};
use crate::model::assessment::{Assessment, Mode};
use crate::model::date::Date;
use crate::model::schema::ChecklistKind;
use crate::model::scoring::{
    orphan_answer_lines, Finding, LedgerFinding, ScoreReport, Status, LEDGER_ADVICE,
};
use crate::model::words::Words;

/// Draws the results of the open check; `adviser_copy` is the "adviser copy" box of the export.
pub fn ui(
    ui: &mut Ui,
    v: &View<'_>,
    doc: &mut Document,
    adviser_copy: &mut bool,
    out: &mut Commands,
) {
    let r = v.score(&doc.assessment);
    header_ui(ui, v, &doc.assessment, &r);
    if !v.presentation {
        if v.mode == Mode::Workshop && ui.button(v.t("ui.presentation")).clicked() {
            out.send(Nav::TogglePresentation);
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(v.t("ui.export_pdf")).clicked() {
                out.send(FileCommand::ExportPdfDialog);
            }
            if doc.assessment.mode == Mode::Adviser {
                ui.checkbox(adviser_copy, v.t("ui.adviser_copy_box"));
            }
        });
    }
    ui.add_space(theme::SECTION_GAP);
    consult_ui(ui, v, &r);
    if r.consult.is_none() {
        ui.label(v.t("score.consult_none"));
    }
    charts_ui(ui, v, &r);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.findings")));
    if r.findings.is_empty() && r.ledger.is_empty() {
        ui.label(v.t("score.no_findings"));
    }
    if !v.presentation {
        findings_buttons_ui(ui, v, out);
    }
    for (n, f) in r.findings.iter().enumerate() {
        let action = (!v.presentation).then_some((&*doc, n + 1));
        finding_ui(ui, v, f, action, out);
    }
    ledger_findings_ui(ui, v, &doc.assessment, &r.ledger, out);
    lists_ui(ui, v, &doc.assessment, &r, out);
    if doc.assessment.mode == Mode::Adviser && !v.presentation {
        ui.add_space(theme::SECTION_GAP);
        let general = &mut doc.assessment.adviser.general;
        // The field is named by the private frame's title, never by the note of the
        // company's copy.
        let edited = private_frame_ui(ui, v.t("ui.adviser_general"), |ui, l| {
            let field = egui::TextEdit::multiline(general).desired_width(f32::INFINITY);
            ui.add(field).labelled_by(l.id).changed()
        });
        if edited {
            out.send(DocCommand::Edited);
        }
    }
}

/// Company and date, the score, the verdict with its reasons and first actions, the band rule.
fn header_ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, r: &ScoreReport) {
    ui.heading(v.t("ui.results_heading"));
    ui.label(format!("{}  {}", a.company.name, a.date.display(v.lang)));
    ui.horizontal_wrapped(|ui| {
        let overall = format!("{} {} / 100", v.t("score.overall"), Words::score(r.overall));
        ui.label(RichText::new(overall).size(theme::SCORE_SIZE));
        verdict_word_ui(ui, v.bundle, v.lang, r);
    });
    verdict_reasons_ui(ui, v.bundle, v.lang, a, r);
    ui.label(RichText::new(v.words().band_rule()).weak());
}

/// A bar per checklist, then the five objectives and the three legal requirements.
fn charts_ui(ui: &mut Ui, v: &View<'_>, r: &ScoreReport) {
    let (b, lang, w) = (v.bundle, v.lang, v.words());
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.checklists")));
    for cs in &r.checklists {
        let Some(c) = b.checklist(&cs.id) else {
            continue;
        };
        if c.kind == ChecklistKind::Screening {
            continue;
        }
        if cs.status == Status::NotApplicable {
            let words = v.t("status.not_applicable");
            bar_ui(ui, v.dark, c.title.get(lang), None, words);
            continue;
        }
        let words = format!(
            "{}  ({} {}/{})",
            w.band(cs.band()),
            v.t("score.answered"),
            cs.answered,
            cs.applicable
        );
        bar_ui(ui, v.dark, c.title.get(lang), cs.score, &words);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.objectives")));
    for o in &r.objectives {
        band_bar_ui(ui, v, &w.owned(&o.key.string_key()), o.score);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.legal")));
    ui.label(RichText::new(v.t("ui.legal_hint")).weak());
    for l in &r.legal {
        band_bar_ui(ui, v, &w.owned(&l.key.string_key()), l.score);
    }
}

/// "Export CSV", the inventory and the comparison, above the findings.
fn findings_buttons_ui(ui: &mut Ui, v: &View<'_>, out: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(v.t("ui.export_csv")).clicked() {
            out.send(FileCommand::ExportCsvDialog);
        }
        if ui.button(v.t("ui.inv_open")).clicked() {
            out.send(Nav::Go(Screen::Inventory));
        }
        if ui.button(v.t("ui.nav_compare")).clicked() {
            out.send(Nav::Go(Screen::Compare));
        }
    });
    ui.label(RichText::new(v.t("ui.export_csv_hint")).weak());
}

/// One finding: severity in words and colour, the question, the answer, its cases and desks,
/// and with `action` (the document and the finding's number) its owner and due date.
fn finding_ui(
    ui: &mut Ui,
    v: &View<'_>,
    f: &Finding,
    action: Option<(&Document, usize)>,
    out: &mut Commands,
) {
    let (b, lang, w) = (v.bundle, v.lang, v.words());
    let Some((_, q)) = b.question(&f.question_id) else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let colour = theme::severity_color(f.severity, ui.visuals().dark_mode);
            let severity = format!("[{}]", w.severity(f.severity));
            ui.label(RichText::new(severity).strong().color(colour));
            ui.label(RichText::new(q.text.get(lang)).strong());
        });
        ui.label(format!("{}: {}", v.t("ui.your_answer"), w.answer(f.answer)));
        ui.horizontal_wrapped(|ui| {
            advice_buttons_ui(ui, v, &f.advice, out);
            for s in b.situations_for_question(&f.question_id) {
                let label = format!("{}: {}", v.t("ui.nav_situations"), s.title.get(lang));
                if ui.button(label).clicked() {
                    out.send(Nav::Go(Screen::Situations(Some(s.id.clone()))));
                }
            }
        });
        let desks: Vec<String> = f
            .contacts
            .iter()
            .filter_map(|id| b.contact(id))
            .map(|c| {
                let phone = c.phone_display(lang).unwrap_or_default();
                format!("{} {phone}", c.name.get(lang))
            })
            .collect();
        if !desks.is_empty() {
            ui.label(format!("{}: {}", v.t("score.contact"), desks.join(" / ")));
        }
        if let Some((doc, n)) = action {
            finding_action_ui(ui, v, doc, (&f.question_id, n), out);
        }
    });
}

/// The disclosure ledger's warnings (case 02): severity in words, the entry and what is wrong.
fn ledger_findings_ui(
    ui: &mut Ui,
    v: &View<'_>,
    a: &Assessment,
    findings: &[LedgerFinding],
    out: &mut Commands,
) {
    if findings.is_empty() {
        return;
    }
    let w = v.words();
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("ledger.findings.heading")));
    for f in findings {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let colour = theme::severity_color(f.severity, ui.visuals().dark_mode);
                let severity = format!("[{}]", w.severity(f.severity));
                ui.label(RichText::new(severity).strong().color(colour));
                ui.label(RichText::new(w.ledger_finding(&a.ledger, f)).strong());
            });
            let advice = [LEDGER_ADVICE.to_string()];
            ui.horizontal_wrapped(|ui| {
                if ui.button(v.t("ui.ledger_open")).clicked() {
                    out.send(Nav::Go(Screen::Ledger));
                }
                advice_buttons_ui(ui, v, &advice, out)
            });
        });
    }
}

/// The owner and due-date fields under finding number `n`.
fn finding_action_ui(
    ui: &mut Ui,
    v: &View<'_>,
    doc: &Document,
    (question_id, n): (&str, usize),
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
        let l = ui.label(format!("{} {n}", v.t("ui.owner")));
        let field = egui::TextEdit::singleline(&mut owner).desired_width(theme::OWNER_WIDTH);
        if ui.add(field).labelled_by(l.id).changed() {
            out.send(DocCommand::SetOwner(question_id.to_string(), owner.clone()));
        }
        let l = ui.label(format!("{} {n}", v.t("ui.due")));
        let field = egui::TextEdit::singleline(&mut due).desired_width(theme::DATE_WIDTH);
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

/// To confirm, review later (each opening its question), and answers the questionnaire lacks.
fn lists_ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, r: &ScoreReport, out: &mut Commands) {
    let (b, lang) = (v.bundle, v.lang);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("score.to_confirm")));
    if r.to_confirm.is_empty() {
        ui.label(v.t("score.to_confirm_none"));
    }
    for id in &r.to_confirm {
        if let Some((_, q)) = b.question(id) {
            ui.label(format!("・{}", q.text.get(lang)));
        }
    }
    if !r.review_later.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(v.t("score.review_later")));
        for id in &r.review_later {
            if let Some((_, q)) = b.question(id) {
                if ui.button(q.text.get(lang)).clicked() {
                    out.send(Nav::Go(Screen::Question(id.clone())));
                }
            }
        }
    }
    if !r.orphan_answers.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(v.t("score.orphans")));
        for line in orphan_answer_lines(b, a, r, lang) {
            ui.label(line);
        }
    }
}
