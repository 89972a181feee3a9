//! The overview: progress, the consultation card, and every checklist as a task list with
//! the suggested ones marked.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::{consult_ui, progress_ui};
use crate::app::{theme, Doc, NavCommand, Screen};
use crate::model::flow::{checklist_order, is_suggested, next_unanswered};
use crate::model::schema::{Checklist, ChecklistKind};
use crate::model::scoring::{score, Band, ChecklistScore, Status};

/// Draws the overview of the open check; `flow` is the applicable questions in order.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui, doc: &Doc, flow: &[String]) {
    let (b, lang) = (cx.b, cx.lang);
    let a = &doc.assessment;
    let report = score(b, a);
    ui.heading(cx.s("ui.overview_heading"));
    ui.label(format!(
        "{}  {}  {}",
        a.company.name,
        a.date.display(lang),
        cx.s(a.mode.string_key())
    ));
    let done = flow.iter().filter(|q| a.answer(q).is_some()).count();
    progress_ui(cx, ui, done, flow.len());
    ui.add_space(theme::ITEM_GAP);
    consult_ui(cx, ui, &report);
    if let Some(next) = next_unanswered(b, a) {
        let label = RichText::new(cx.s("ui.continue_answering")).size(theme::ANSWER_SIZE);
        if ui.button(label).clicked() {
            cx.send(NavCommand::Go(Screen::Question(next)));
        }
    } else if ui.button(cx.s("ui.nav_results")).clicked() {
        cx.send(NavCommand::Go(Screen::Results));
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(cx.s("ui.checklists")));
    let suggested_any = b
        .checklists
        .iter()
        .any(|c| c.kind == ChecklistKind::Detailed && is_suggested(a, &c.id));
    if suggested_any {
        ui.label(cx.s("ui.suggested_hint"));
    }
    for id in checklist_order(b, Some(a)) {
        let (Some(c), Some(cs)) = (
            b.checklist(&id),
            report.checklists.iter().find(|x| x.id == id),
        ) else {
            continue;
        };
        ui.add_space(theme::ITEM_GAP);
        checklist_ui(cx, ui, doc, flow, (c, cs));
    }
}

/// One checklist: its title, status and progress, and a button to its first open question.
fn checklist_ui(cx: &mut Cx, ui: &mut Ui, doc: &Doc, flow: &[String], (c, cs): (&Checklist, &ChecklistScore)) {
    let (b, lang) = (cx.b, cx.lang);
    let a = &doc.assessment;
    ui.horizontal_wrapped(|ui| {
        let mut title = RichText::new(c.title.get(lang)).strong();
        if cs.status == Status::NotApplicable {
            title = title.weak();
        }
        ui.label(title);
        if c.kind == ChecklistKind::Detailed && is_suggested(a, &c.id) && cs.status != Status::Done {
            ui.label(
                RichText::new(cx.s("ui.suggested"))
                    .color(theme::band_color(Some(Band::ActionNeeded)))
                    .strong(),
            );
        }
        ui.label(b.s(&cs.status.string_key(), lang));
    });
    if cs.status == Status::NotApplicable {
        ui.label(RichText::new(cx.s("ui.not_applicable_why")).weak());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let frac = if cs.applicable == 0 {
            0.0
        } else {
            cs.answered as f32 / cs.applicable as f32
        };
        let text = format!("{} {}/{}", cx.s("score.answered"), cs.answered, cs.applicable);
        ui.add(
            egui::ProgressBar::new(frac)
                .desired_width(ui.available_width().min(theme::PROGRESS_WIDTH))
                .text(text),
        );
        let in_flow = |id: &String| flow.contains(id);
        let first_open = c
            .questions
            .iter()
            .find(|q| in_flow(&q.id) && a.answer(&q.id).is_none())
            .or_else(|| c.questions.iter().find(|q| in_flow(&q.id)))
            .map(|q| q.id.clone());
        if let Some(q) = first_open {
            let label = format!("{}: {}", cx.s("ui.open_checklist"), c.title.get(lang));
            if ui.button(label).clicked() {
                cx.send(NavCommand::Go(Screen::Question(q)));
            }
        }
    });
}
