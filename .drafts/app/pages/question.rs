//! One question: its checklist and place, the text, why it matters and its source, the five
//! answer buttons (keys 1–5), a note, review later, and the adviser's private note.

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::{labelled_note, private_frame_ui, progress_ui, source_ui};
use crate::app::{theme, Doc, EditCommand, NavCommand, Screen};
use crate::model::assessment::Mode;
use crate::model::schema::Answer;

/// Draws question `id` of the open check; `flow` is the applicable questions in order.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui, doc: &mut Doc, flow: &[String], id: &str) {
    let (b, lang) = (cx.b, cx.lang);
    let Some((c, q)) = b.question(id) else {
        ui.label(cx.s("ui.no_question"));
        return;
    };
    let in_checklist: Vec<&str> = c
        .questions
        .iter()
        .filter(|x| flow.contains(&x.id))
        .map(|x| x.id.as_str())
        .collect();
    let pos = in_checklist.iter().position(|x| *x == id).map_or(0, |i| i + 1);
    ui.label(format!(
        "{}  ({} {pos} / {})",
        c.title.get(lang),
        cx.s("ui.question_no"),
        in_checklist.len()
    ));
    if !flow.iter().any(|x| x == id) {
        ui.label(RichText::new(cx.s("ui.question_skipped")).strong());
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(RichText::new(q.text.get(lang)).size(theme::QUESTION_SIZE).strong());
    if q.critical {
        ui.label(RichText::new(cx.s("ui.critical")).strong());
    }
    ui.add_space(theme::ITEM_GAP);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(cx.s("ui.why")).strong());
        ui.label(q.help.get(lang));
        source_ui(cx, ui, &q.source);
    });
    if q.opens_inventory {
        let n = doc.assessment.inventory.len();
        if ui.button(format!("{} ({n})", cx.s("ui.inv_open"))).clicked() {
            cx.send(NavCommand::Go(Screen::Inventory));
        }
    }
    ui.add_space(theme::ITEM_GAP);
    let current = doc.assessment.answer(id);
    answers_ui(cx, ui, id, current);
    ui.add_space(theme::ITEM_GAP);
    if notes_ui(cx, ui, doc, id) {
        cx.send(EditCommand::Edited);
    }
    ui.add_space(theme::SECTION_GAP);
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.s("ui.prev")).clicked() {
            cx.send(NavCommand::Prev);
        }
        if ui.button(cx.s("ui.next")).clicked() {
            cx.send(NavCommand::Next);
        }
        if ui.button(cx.s("ui.nav_results")).clicked() {
            cx.send(NavCommand::Go(Screen::Results));
        }
        if current.is_some() && ui.button(cx.s("ui.clear_answer")).clicked() {
            cx.send(EditCommand::ClearAnswer(id.to_string()));
        }
    });
    ui.add_space(theme::ITEM_GAP);
    let done = flow.iter().filter(|q| doc.assessment.answer(q).is_some()).count();
    progress_ui(cx, ui, done, flow.len());
}

/// The five answer buttons, numbered like their keys, and the answer in words.
fn answers_ui(cx: &mut Cx, ui: &mut Ui, id: &str, current: Option<Answer>) {
    ui.label(RichText::new(cx.s("ui.answer_keys")).weak());
    ui.horizontal_wrapped(|ui| {
        for (i, a) in Answer::ALL.into_iter().enumerate() {
            let text = RichText::new(format!("{}  {}", i + 1, cx.w.answer(a))).size(theme::ANSWER_SIZE);
            if ui
                .add(egui::Button::new(text).selected(current == Some(a)))
                .clicked()
            {
                cx.send(EditCommand::Answer(id.to_string(), a));
            }
        }
    });
    if let Some(a) = current {
        ui.label(format!("{}: {}", cx.s("ui.your_answer"), cx.w.answer(a)));
    }
}

/// The note, the review-later flag and, in adviser mode, the private note; true when one
/// changed.
fn notes_ui(cx: &Cx, ui: &mut Ui, doc: &mut Doc, id: &str) -> bool {
    let adviser = doc.assessment.mode == Mode::Adviser;
    let entry = doc.assessment.answers.entry(id.to_string()).or_default();
    let l = ui.label(cx.s("ui.note"));
    let mut edited = labelled_note(ui, l.id, &mut entry.note).changed();
    edited |= ui
        .checkbox(&mut entry.review_later, cx.s("ui.review_later"))
        .changed();
    if adviser {
        ui.add_space(theme::ITEM_GAP);
        let note = doc
            .assessment
            .adviser
            .per_question
            .entry(id.to_string())
            .or_default();
        private_frame_ui(ui, cx.s("ui.adviser_note"), |ui, title| {
            edited |= labelled_note(ui, title, note).changed();
        });
    }
    edited
}
