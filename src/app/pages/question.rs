//! One question: its checklist and place, the text, why it matters and its source, the five
//! answers (keys 1–5), the note and "review later", the adviser's private note, and the way
//! on.

use egui::{RichText, Ui};

use super::overview::progress_counts;
use super::View;
use crate::app::commands::{Commands, DocCommand, Nav};
use crate::app::widgets::{private_frame_ui, progress_ui, source_ui};
use crate::app::{theme, Screen};
use crate::model::assessment::{Assessment, Mode};
use crate::model::flow::flow;
use crate::model::schema::{Answer, Checklist, Question};

/// Draws question `id` of the open check `a`; notes are edited in place.
pub fn ui(ui: &mut Ui, v: &View<'_>, a: &mut Assessment, id: &str, out: &mut Commands) {
    let Some((c, q)) = v.bundle.question(id) else {
        ui.label(v.t("ui.no_question"));
        return;
    };
    let flow = flow(v.bundle, a);
    heading_ui(ui, v, (c, q), &flow);
    if q.opens_inventory {
        let label = format!("{} ({})", v.t("ui.inv_open"), a.inventory.len());
        if ui.button(label).clicked() {
            out.send(Nav::Go(Screen::Inventory));
        }
    }
    ui.add_space(theme::ITEM_GAP);
    let current = a.answer(id);
    answers_ui(ui, v, id, current, out);
    ui.add_space(theme::ITEM_GAP);
    if notes_ui(ui, v, a, id) {
        out.send(DocCommand::Edited);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.horizontal_wrapped(|ui| {
        if ui.button(v.t("ui.prev")).clicked() {
            out.send(Nav::Prev);
        }
        if ui.button(v.t("ui.next")).clicked() {
            out.send(Nav::Next);
        }
        if ui.button(v.t("ui.nav_results")).clicked() {
            out.send(Nav::Go(Screen::Results));
        }
        if current.is_some() && ui.button(v.t("ui.clear_answer")).clicked() {
            out.send(DocCommand::ClearAnswer(id.to_string()));
        }
    });
    ui.add_space(theme::ITEM_GAP);
    progress_ui(ui, v, progress_counts(v, a));
}

/// The checklist and place, the question, whether it is critical, why it matters.
fn heading_ui(ui: &mut Ui, v: &View<'_>, (c, q): (&Checklist, &Question), flow: &[String]) {
    let lang = v.lang;
    let in_checklist: Vec<&str> = c
        .questions
        .iter()
        .filter(|x| flow.contains(&x.id))
        .map(|x| x.id.as_str())
        .collect();
    let pos = in_checklist
        .iter()
        .position(|x| *x == q.id)
        .map(|i| i + 1)
        .unwrap_or(0);
    ui.label(format!(
        "{}  ({} {pos} / {})",
        c.title.get(lang),
        v.t("ui.question_no"),
        in_checklist.len()
    ));
    if !flow.contains(&q.id) {
        ui.label(RichText::new(v.t("ui.question_skipped")).strong());
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(
        RichText::new(q.text.get(lang))
            .size(theme::QUESTION_SIZE)
            .strong(),
    );
    if q.critical {
        ui.label(RichText::new(v.t("ui.critical")).strong());
    }
    ui.add_space(theme::ITEM_GAP);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(v.t("ui.why")).strong());
        ui.label(q.help.get(lang));
        source_ui(ui, v, &q.source);
    });
}

/// The five answer buttons with their keys, and the answer given.
fn answers_ui(ui: &mut Ui, v: &View<'_>, id: &str, current: Option<Answer>, out: &mut Commands) {
    ui.label(RichText::new(v.t("ui.answer_keys")).weak());
    ui.horizontal_wrapped(|ui| {
        for (i, a) in Answer::ALL.into_iter().enumerate() {
            let text = RichText::new(format!("{}  {}", i + 1, v.t(a.string_key())))
                .size(theme::ANSWER_SIZE);
            if ui
                .add(egui::Button::new(text).selected(current == Some(a)))
                .clicked()
            {
                out.send(DocCommand::Answer(id.to_string(), a));
            }
        }
    });
    if let Some(a) = current {
        ui.label(format!(
            "{}: {}",
            v.t("ui.your_answer"),
            v.t(a.string_key())
        ));
    }
}

/// The note, "review later" and, in adviser mode, the private note; true when edited.
fn notes_ui(ui: &mut Ui, v: &View<'_>, a: &mut Assessment, id: &str) -> bool {
    let entry = a.answers.entry(id.to_string()).or_default();
    let l = ui.label(v.t("ui.note"));
    let note = egui::TextEdit::multiline(&mut entry.note)
        .desired_rows(2)
        .desired_width(f32::INFINITY);
    let mut edited = ui.add(note).labelled_by(l.id).changed();
    edited |= ui
        .checkbox(&mut entry.review_later, v.t("ui.review_later"))
        .changed();
    if a.mode == Mode::Adviser {
        ui.add_space(theme::ITEM_GAP);
        let note = a.adviser.per_question.entry(id.to_string()).or_default();
        edited |= private_frame_ui(ui, v.t("ui.adviser_note"), |ui, l| {
            let field = egui::TextEdit::multiline(note)
                .desired_rows(2)
                .desired_width(f32::INFINITY);
            ui.add(field).labelled_by(l.id).changed()
        });
    }
    edited
}
