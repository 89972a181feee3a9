//! The situation checklists (場面別チェック): the list of moments, then one situation's steps,
//! each with what to do, why, the linked case, the company's answer where the step shows one,
//! and a box to tick it done today (saved with the date in the assessment, undoable).

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, GuideCommand, Nav};
use crate::app::widgets::{advice_buttons_ui, source_ui};
use crate::app::{theme, Screen};
use crate::model::assessment::Assessment;
use crate::model::situation::{Situation, Step, Tool};

/// Draws the list of situations, or situation `open` with its steps.
pub fn ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, open: Option<&str>, out: &mut Commands) {
    match open.and_then(|id| v.bundle.situation(id)) {
        Some(s) => situation_ui(ui, v, a, s, out),
        None => list_ui(ui, v, a, out),
    }
}

/// One button per situation with how many of its steps are done.
fn list_ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, out: &mut Commands) {
    ui.heading(v.t("ui.sit_heading"));
    ui.label(v.t("ui.sit_intro"));
    ui.add_space(theme::ITEM_GAP);
    for s in &v.bundle.situations {
        let done = v
            .t("ui.sit_done_count")
            .replace("{n}", &a.ticked_count(s).to_string())
            .replace("{total}", &s.steps.len().to_string());
        ui.horizontal_wrapped(|ui| {
            if ui.button(s.title.get(v.lang)).clicked() {
                out.send(Nav::Go(Screen::Situations(Some(s.id.clone()))));
            }
            ui.label(done);
        });
    }
}

/// The situation's summary, its steps and the desks to call.
fn situation_ui(ui: &mut Ui, v: &View<'_>, a: &Assessment, s: &Situation, out: &mut Commands) {
    if ui.button(v.t("ui.sit_back")).clicked() {
        out.send(Nav::Go(Screen::Situations(None)));
    }
    ui.heading(s.title.get(v.lang));
    ui.label(s.summary.get(v.lang));
    source_ui(ui, v, &s.source);
    for (i, step) in s.steps.iter().enumerate() {
        ui.add_space(theme::ITEM_GAP);
        step_ui(ui, v, a, (i + 1, step), out);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(v.t("guide.playbook.desks")));
    for c in s.contacts.iter().filter_map(|id| v.bundle.contact(id)) {
        let phone = c.phone_display(v.lang).unwrap_or_default();
        ui.label(format!("・{} {phone}", c.name.get(v.lang)));
    }
}

/// Step `n`: the tick box (labelled with the step's text), why, the answer, the links.
fn step_ui(
    ui: &mut Ui,
    v: &View<'_>,
    a: &Assessment,
    (n, step): (usize, &Step),
    out: &mut Commands,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let ticked = a.ticked.get(&step.id).copied();
        let mut on = ticked.is_some();
        let label = format!("{n}. {}", step.text.get(v.lang));
        if ui.checkbox(&mut on, label).changed() {
            let date = on.then_some(v.today);
            out.send(GuideCommand::Tick(step.id.clone(), date));
        }
        if let Some(d) = ticked {
            let done = format!("{}: {}", v.t("guide.done_on"), d.display(v.lang));
            ui.label(RichText::new(done).strong());
        }
        ui.label(format!("{}: {}", v.t("guide.why"), step.why.get(v.lang)));
        if let Some(link) = &step.answer {
            let answer = match a.answer(&link.question) {
                Some(ans) => v.words().answer(ans).to_string(),
                None => v.t("ui.sit_not_answered").to_string(),
            };
            let line = format!(
                "{} — {}: {answer}",
                v.t("guide.your_answer"),
                link.label.get(v.lang)
            );
            ui.label(line);
        }
        ui.horizontal_wrapped(|ui| {
            advice_buttons_ui(ui, v, &step.advice, out);
            let tool = match step.opens {
                Some(Tool::Ledger) => Some(("ui.nav_ledger", Screen::Ledger)),
                Some(Tool::OpenClose) => Some(("ui.nav_open_close", Screen::OpenClose(None))),
                None => None,
            };
            if let Some((key, screen)) = tool {
                if ui.button(v.t(key)).clicked() {
                    out.send(Nav::Go(screen));
                }
            }
        });
        source_ui(ui, v, &step.source);
    });
}
