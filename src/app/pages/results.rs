//! The results, top first: the score with how much is answered and the verdict, the three
//! actions to take first, the one desk to call; then a bar per checklist, the five objectives
//! and the three legal requirements, the findings grouped by action ([`super::findings`]), the
//! "to confirm" list and the adviser's general note.
//! The projector view shows the same page without anything private or editable.

use egui::{Label, RichText, Ui};

use super::{findings, View};
use crate::app::commands::{Commands, DocCommand, FileCommand, Nav};
use crate::app::document::Document;
use crate::app::verdict::{verdict_reasons_ui, verdict_word_ui};
use crate::app::widgets::{band_bar_ui, bar_ui, call_ui, private_frame_ui};
use crate::app::{theme, Screen};
use crate::model::assessment::{Assessment, Mode};
use crate::model::plan::ActionPlan;
use crate::model::schema::ChecklistKind;
use crate::model::scoring::{orphan_answer_lines, ScoreReport, Status};
use crate::model::words::Words;

/// Draws the results of the open check.
pub fn ui(ui: &mut Ui, v: &View<'_>, doc: &mut Document, out: &mut Commands) {
    let r = v.score(&doc.assessment);
    let plan = ActionPlan::of(v.bundle, &doc.assessment, &r);
    header_ui(ui, v, &doc.assessment, &r, &plan);
    ui.add_space(theme::SECTION_GAP);
    call_ui(ui, v, &r, out);
    if !v.presentation {
        ui.add_space(theme::ITEM_GAP);
        ui.horizontal_wrapped(|ui| {
            if ui.button(v.t("ui.export_pdf")).clicked() {
                out.send(FileCommand::ExportPdfDialog);
            }
            if v.mode == Mode::Workshop && ui.button(v.t("ui.presentation")).clicked() {
                out.send(Nav::TogglePresentation);
            }
        });
    }
    charts_ui(ui, v, &r);
    ui.add_space(theme::SECTION_GAP);
    if !v.presentation {
        findings_buttons_ui(ui, v, out);
    }
    findings::ui(ui, v, doc, (&r, &plan), out);
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

/// Company and date; the score with how much is answered, and the verdict, in large type;
/// the verdict's reasons and the three actions to take first; the band rule.
fn header_ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, r: &ScoreReport, plan: &ActionPlan) {
    ui.heading(v.t("ui.results_heading"));
    ui.label(format!("{}  {}", a.company.name, a.date.display(v.lang)));
    ui.horizontal_wrapped(|ui| {
        let overall = format!("{} {} / 100", v.t("score.overall"), Words::score(r.overall));
        ui.add(Label::new(RichText::new(overall).size(theme::SCORE_SIZE)).extend());
        let progress = RichText::new(v.words().progress(r)).size(theme::ANSWER_SIZE);
        ui.add(Label::new(progress).extend());
        verdict_word_ui(ui, v.bundle, v.lang, r);
    });
    verdict_reasons_ui(ui, v.bundle, v.lang, r, plan);
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
