//! The overview: every checklist as a task list, with the progress, the consultation card when
//! a quick-check item is weak, and the checklists suggested first.

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, Nav};
use crate::app::widgets::{call_ui, progress_ui};
use crate::app::{theme, Screen};
use crate::model::assessment::Assessment;
use crate::model::flow::{checklist_order, flow, is_suggested, next_unanswered};
use crate::model::schema::{Checklist, ChecklistKind};
use crate::model::scoring::{Band, ChecklistScore, Status};
use crate::model::verdict::Verdict;
use crate::model::words::Words;

/// How many questions are answered, and how many apply: the same count as the results page
/// and the PDF ([`crate::model::scoring::ScoreReport::progress`]).
pub fn progress_counts(v: &View<'_>, a: &Assessment) -> (usize, usize) {
    v.score(a).progress()
}

/// Draws the overview of the open check `a`.
pub fn ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, out: &mut Commands) {
    let b = v.bundle;
    let report = v.score(a);
    ui.heading(v.t("ui.overview_heading"));
    ui.label(format!(
        "{}  {}  {}",
        a.company.name,
        a.date.display(v.lang),
        v.t(a.mode.string_key())
    ));
    progress_ui(ui, v, progress_counts(v, a));
    if report.overall.is_some() {
        // The same score and verdict as the results page (the ledger's warnings included).
        let verdict = Verdict::of(&report);
        ui.label(
            RichText::new(format!(
                "{} {} / 100  {}",
                v.t("score.overall"),
                Words::score(report.overall),
                verdict.labelled(b, v.lang)
            ))
            .strong(),
        );
    }
    ui.add_space(theme::ITEM_GAP);
    if report.consult.is_some() {
        call_ui(ui, v, &report, out);
    }
    if let Some(next) = next_unanswered(b, a) {
        let label = RichText::new(v.t("ui.continue_answering")).size(theme::ANSWER_SIZE);
        if ui.button(label).clicked() {
            out.send(Nav::Go(Screen::Question(next)));
        }
    } else if ui.button(v.t("ui.nav_results")).clicked() {
        out.send(Nav::Go(Screen::Results));
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("ui.checklists")));
    let suggested = |c: &Checklist| c.kind == ChecklistKind::Detailed && is_suggested(a, &c.id);
    if b.checklists.iter().any(suggested) {
        ui.label(v.t("ui.suggested_hint"));
    }
    let flow = flow(b, a);
    for id in checklist_order(b, Some(a)) {
        let (Some(c), Some(cs)) = (
            b.checklist(&id),
            report.checklists.iter().find(|x| x.id == id),
        ) else {
            continue;
        };
        ui.add_space(theme::ITEM_GAP);
        checklist_ui(ui, v, (c, cs), suggested(c), (a, &flow), out);
    }
}

/// One checklist of the task list: title, state, progress and the button that opens it.
fn checklist_ui(
    ui: &mut Ui,
    v: &View<'_>,
    (c, cs): (&Checklist, &ChecklistScore),
    suggested: bool,
    (a, flow): (&Assessment, &[String]),
    out: &mut Commands,
) {
    ui.horizontal_wrapped(|ui| {
        let mut title = RichText::new(c.title.get(v.lang)).strong();
        if cs.status == Status::NotApplicable {
            title = title.weak();
        }
        ui.label(title);
        if suggested && cs.status != Status::Done {
            let colour = theme::band_text(Some(Band::ActionNeeded), ui.visuals().dark_mode);
            ui.label(RichText::new(v.t("ui.suggested")).color(colour).strong());
        }
        ui.label(v.bundle.s(&cs.status.string_key(), v.lang));
    });
    if cs.status == Status::NotApplicable {
        ui.label(RichText::new(v.t("ui.not_applicable_why")).weak());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let fraction = if cs.applicable == 0 {
            0.0
        } else {
            cs.answered as f32 / cs.applicable as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .corner_radius(theme::BAR_ROUNDING)
                .desired_width(ui.available_width().min(theme::PROGRESS_WIDTH))
                .text(format!(
                    "{} {}/{}",
                    v.t("score.answered"),
                    cs.answered,
                    cs.applicable
                )),
        );
        let in_flow = |id: &String| flow.contains(id);
        let first_open = c
            .questions
            .iter()
            .find(|q| in_flow(&q.id) && a.answer(&q.id).is_none())
            .or_else(|| c.questions.iter().find(|q| in_flow(&q.id)));
        if let Some(q) = first_open {
            let label = format!("{}: {}", v.t("ui.open_checklist"), c.title.get(v.lang));
            if ui.button(label).clicked() {
                out.send(Nav::Go(Screen::Question(q.id.clone())));
            }
        }
    });
}
