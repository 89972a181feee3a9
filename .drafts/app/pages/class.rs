//! The class picture of a workshop: anonymous (no name, no note), for the projector.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::band_bar_ui;
use crate::app::{theme, ClassCommand, ClassState, NavCommand, Screen};
use crate::model::aggregate::ClassAggregate;
use crate::model::schema::{Answer, Objective};
use crate::model::words::Words;

/// Draws the class view: the files chosen (outside the projector view) and the picture.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui, class: &ClassState, file_dialogs: bool) {
    ui.heading(cx.s("score.agg_heading"));
    if !cx.presentation {
        ui.label(cx.s("ui.class_intro"));
        ui.horizontal_wrapped(|ui| {
            if ui.button(cx.s("ui.class_add")).clicked() {
                cx.send(ClassCommand::AddDialog);
            }
            if file_dialogs && ui.button(cx.s("ui.class_folder")).clicked() {
                cx.send(ClassCommand::FolderDialog);
            }
            if !class.paths.is_empty() {
                if ui.button(cx.s("ui.class_clear")).clicked() {
                    cx.send(ClassCommand::Clear);
                }
                if ui.button(cx.s("ui.presentation")).clicked() {
                    cx.send(ClassCommand::Projector);
                }
            }
        });
    }
    let Some(agg) = &class.picture else {
        return;
    };
    summary_ui(cx, ui, class, agg);
    charts_ui(cx, ui, agg);
    findings_ui(cx, ui, agg);
    distribution_ui(cx, ui, agg);
}

/// How many took part, the mean score, and the files left out (named outside the projector).
fn summary_ui(cx: &Cx, ui: &mut Ui, class: &ClassState, agg: &ClassAggregate) {
    ui.add_space(theme::ITEM_GAP);
    let participants = format!("{}: {}", cx.s("score.agg_participants"), agg.participants);
    ui.label(RichText::new(participants).size(theme::SCORE_SIZE));
    let overall = Words::score(agg.overall.mean);
    ui.label(format!("{}: {overall} / 100", cx.s("score.overall")));
    if agg.skipped.is_empty() {
        return;
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(cx.s("score.agg_skipped")));
    for (kind, n) in agg.skipped_counts() {
        ui.label(format!("・{}: {n}", cx.w.owned(&kind.string_key())));
    }
    if !cx.presentation {
        ui.label(cx.s("score.agg_skipped_names"));
        for s in &class.skipped {
            ui.label(format!("・{}: {}", s.file, s.reason));
        }
    }
}

/// The weakest checklists and the five objectives as bars.
fn charts_ui(cx: &Cx, ui: &mut Ui, agg: &ClassAggregate) {
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.agg_weakest")));
    for m in &agg.weakest {
        let title = cx
            .b
            .checklist(&m.id)
            .map(|c| c.title.get(cx.lang).to_string())
            .unwrap_or_else(|| m.id.clone());
        band_bar_ui(cx, ui, &title, m.mean);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.objectives")));
    for (m, o) in agg.objectives.iter().zip(Objective::ALL) {
        band_bar_ui(cx, ui, &cx.w.owned(&o.string_key()), m.mean);
    }
}

/// The ten most common findings, each with its case pages.
fn findings_ui(cx: &mut Cx, ui: &mut Ui, agg: &ClassAggregate) {
    let (b, lang) = (cx.b, cx.lang);
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.agg_findings")));
    if agg.findings.is_empty() {
        ui.label(cx.s("score.no_findings"));
    }
    for f in agg.findings.iter().take(10) {
        let Some((_, q)) = b.question(&f.question_id) else {
            continue;
        };
        let people = cx.s("score.agg_people");
        let line = format!("{} {people}: {}", f.count, q.text.get(lang));
        ui.label(RichText::new(line).strong());
        for c in &f.cases {
            let Some(adv) = b.advice(c) else { continue };
            if ui.button(format!("{}: {}", cx.s("ui.read"), adv.title.get(lang))).clicked() {
                cx.send(NavCommand::Go(Screen::Cases(Some(c.clone()))));
            }
        }
    }
}

/// How the class answered each question, in words and counts.
fn distribution_ui(cx: &Cx, ui: &mut Ui, agg: &ClassAggregate) {
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("score.agg_distribution")));
    for q in &agg.questions {
        let Some((_, question)) = cx.b.question(&q.question_id) else {
            continue;
        };
        let parts: Vec<String> = Answer::ALL
            .iter()
            .map(|a| format!("{} {}", cx.w.answer(*a), q.count(*a)))
            .collect();
        ui.label(RichText::new(question.text.get(cx.lang)).strong());
        ui.label(parts.join(" / "));
    }
}
