//! The results: the overall score and band in words, the consultation card, a bar per
//! checklist, the five objectives and the three legal requirements, the findings (each with
//! its case pages, desks, owner and due date), the to-confirm list and the adviser's note.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::{band_bar_ui, bar_ui, consult_ui, labelled_note, private_frame_ui};
use crate::app::{theme, Doc, EditCommand, ExportCommand, NavCommand, Screen};
use crate::model::assessment::{Assessment, Mode};
use crate::model::date::Date;
use crate::model::schema::ChecklistKind;
use crate::model::scoring::{orphan_answer_lines, score, Finding, ScoreReport, Status};
use crate::model::words::Words;

/// Draws the results of the open check. `due_text` holds due dates as typed; `adviser_copy`
/// is the "adviser's copy" box of the PDF export.
pub(super) fn ui(
    cx: &mut Cx,
    ui: &mut Ui,
    doc: &mut Doc,
    due_text: &BTreeMap<String, String>,
    adviser_copy: &mut bool,
) {
    let r = score(cx.b, &doc.assessment);
    overall_ui(cx, ui, &doc.assessment, &r, adviser_copy);
    ui.add_space(theme::SECTION_GAP);
    consult_ui(cx, ui, &r);
    if r.consult.is_none() {
        ui.label(cx.s("score.consult_none"));
    }
    charts_ui(cx, ui, &r);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.findings")));
    if r.findings.is_empty() {
        ui.label(cx.s("score.no_findings"));
    }
    if !cx.presentation {
        finding_buttons_ui(cx, ui);
    }
    for (n, f) in r.findings.iter().enumerate() {
        finding_ui(cx, ui, &doc.assessment, f, (due_text, n + 1));
    }
    lists_ui(cx, ui, &doc.assessment, &r);
    if doc.assessment.mode == Mode::Adviser && !cx.presentation {
        ui.add_space(theme::SECTION_GAP);
        private_frame_ui(ui, cx.s("ui.adviser_general"), |ui, _| {
            let l = ui.label(cx.s("ui.note"));
            let field = egui::TextEdit::multiline(&mut doc.assessment.adviser.general)
                .desired_width(f32::INFINITY);
            if ui.add(field).labelled_by(l.id).changed() {
                cx.send(EditCommand::Edited);
            }
        });
    }
}

/// The heading, the overall score with its band in words, the band rule, and the projector
/// and PDF buttons.
fn overall_ui(cx: &mut Cx, ui: &mut Ui, a: &Assessment, r: &ScoreReport, adviser_copy: &mut bool) {
    ui.heading(cx.s("ui.results_heading"));
    ui.label(format!("{}  {}", a.company.name, a.date.display(cx.lang)));
    ui.horizontal_wrapped(|ui| {
        let number = Words::score(r.overall);
        let overall = format!("{} {number} / 100", cx.s("score.overall"));
        ui.label(RichText::new(overall).size(theme::SCORE_SIZE));
        ui.label(
            RichText::new(cx.w.band(r.band()))
                .size(theme::SCORE_SIZE)
                .strong()
                .color(theme::band_color(r.band())),
        );
    });
    ui.label(RichText::new(cx.w.band_rule()).weak());
    if cx.presentation {
        return;
    }
    if ui.button(cx.s("ui.presentation")).clicked() {
        cx.send(NavCommand::TogglePresentation);
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.s("ui.export_pdf")).clicked() {
            cx.send(ExportCommand::PdfDialog);
        }
        if a.mode == Mode::Adviser {
            ui.checkbox(adviser_copy, cx.s("ui.adviser_copy_box"));
        }
    });
}

/// A bar per scored checklist, per objective and per legal requirement.
fn charts_ui(cx: &Cx, ui: &mut Ui, r: &ScoreReport) {
    let (b, lang) = (cx.b, cx.lang);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.checklists")));
    for cs in &r.checklists {
        let Some(c) = b.checklist(&cs.id) else {
            continue;
        };
        if c.kind == ChecklistKind::Screening {
            continue;
        }
        let (score, words) = match cs.status {
            Status::NotApplicable => (None, cx.s("status.not_applicable").to_string()),
            _ => {
                let answered = format!("{} {}/{}", cx.s("score.answered"), cs.answered, cs.applicable);
                (cs.score, format!("{}  ({answered})", cx.w.band(cs.band())))
            }
        };
        bar_ui(ui, cx.dark, c.title.get(lang), score, &words);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.objectives")));
    for o in &r.objectives {
        band_bar_ui(cx, ui, &cx.w.owned(&o.key.string_key()), o.score);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.legal")));
    ui.label(RichText::new(cx.s("ui.legal_hint")).weak());
    for l in &r.legal {
        band_bar_ui(cx, ui, &cx.w.owned(&l.key.string_key()), l.score);
    }
}

/// The "Export CSV", inventory and comparison buttons above the findings.
fn finding_buttons_ui(cx: &mut Cx, ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.s("ui.export_csv")).clicked() {
            cx.send(ExportCommand::CsvDialog);
        }
        if ui.button(cx.s("ui.inv_open")).clicked() {
            cx.send(NavCommand::Go(Screen::Inventory));
        }
        if ui.button(cx.s("ui.nav_compare")).clicked() {
            cx.send(NavCommand::Go(Screen::Compare));
        }
    });
    ui.label(RichText::new(cx.s("ui.export_csv_hint")).weak());
}

/// One finding, numbered `n`: severity in words, the question, the answer, its case pages and
/// desks, and (outside the projector view) who acts and by when.
fn finding_ui(
    cx: &mut Cx,
    ui: &mut Ui,
    a: &Assessment,
    f: &Finding,
    (due_text, n): (&BTreeMap<String, String>, usize),
) {
    let (b, lang) = (cx.b, cx.lang);
    let Some((_, q)) = b.question(&f.question_id) else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("[{}]", cx.w.severity(f.severity)))
                    .strong()
                    .color(theme::severity_color(f.severity)),
            );
            ui.label(RichText::new(q.text.get(lang)).strong());
        });
        ui.label(format!("{}: {}", cx.s("ui.your_answer"), cx.w.answer(f.answer)));
        ui.horizontal_wrapped(|ui| {
            for id in &f.advice {
                let Some(adv) = b.advice(id) else { continue };
                if ui.button(format!("{}: {}", cx.s("ui.read"), adv.title.get(lang))).clicked() {
                    cx.send(NavCommand::Go(Screen::Cases(Some(id.clone()))));
                }
            }
        });
        let desks: Vec<String> = f
            .contacts
            .iter()
            .filter_map(|id| b.contact(id))
            .map(|c| format!("{} {}", c.name.get(lang), c.phone_display(lang).unwrap_or_default()))
            .collect();
        if !desks.is_empty() {
            ui.label(format!("{}: {}", cx.s("score.contact"), desks.join(" / ")));
        }
        if !cx.presentation {
            action_ui(cx, ui, a, due_text, (&f.question_id, n));
        }
    });
}

/// The owner and due-date fields under finding number `n`.
fn action_ui(
    cx: &mut Cx,
    ui: &mut Ui,
    a: &Assessment,
    due_text: &BTreeMap<String, String>,
    (question_id, n): (&str, usize),
) {
    let action = a.actions.get(question_id).cloned().unwrap_or_default();
    let mut owner = action.owner.clone();
    let mut due = due_text
        .get(question_id)
        .cloned()
        .unwrap_or_else(|| action.due.map(|d| d.to_string()).unwrap_or_default());
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(format!("{} {n}", cx.s("ui.owner")));
        let field = egui::TextEdit::singleline(&mut owner).desired_width(theme::OWNER_WIDTH);
        if ui.add(field).labelled_by(l.id).changed() {
            cx.send(EditCommand::SetOwner(question_id.to_string(), owner.clone()));
        }
        let l = ui.label(format!("{} {n}", cx.s("ui.due")));
        let field = egui::TextEdit::singleline(&mut due).desired_width(theme::DATE_WIDTH);
        if ui.add(field).labelled_by(l.id).changed() {
            cx.send(EditCommand::SetDue(question_id.to_string(), due.clone()));
        }
    });
    if !due.trim().is_empty() && Date::parse(due.trim()).is_err() {
        ui.label(RichText::new(cx.s("ui.due_invalid")).strong());
    } else if let Some(d) = action.due {
        ui.label(RichText::new(format!("{}: {}", cx.s("ui.due"), d.display(cx.lang))).weak());
    }
}

/// To confirm, review later, and answers to questions the questionnaire no longer has.
fn lists_ui(cx: &mut Cx, ui: &mut Ui, a: &Assessment, r: &ScoreReport) {
    let (b, lang) = (cx.b, cx.lang);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.to_confirm")));
    if r.to_confirm.is_empty() {
        ui.label(cx.s("score.to_confirm_none"));
    }
    for id in &r.to_confirm {
        if let Some((_, q)) = b.question(id) {
            ui.label(format!("・{}", q.text.get(lang)));
        }
    }
    if !r.review_later.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(cx.s("score.review_later")));
        for id in &r.review_later {
            let Some((_, q)) = b.question(id) else { continue };
            if ui.button(q.text.get(lang)).clicked() {
                cx.send(NavCommand::Go(Screen::Question(id.clone())));
            }
        }
    }
    if !r.orphan_answers.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(cx.s("score.orphans")));
        for line in orphan_answer_lines(b, a, r, lang) {
            ui.label(line);
        }
    }
}
