//! The comparison of the open check with older visits: the visits chosen, the overall and
//! per-checklist change in numbers and words, what was resolved, what is new, what is still
//! open, and a trend from three visits on.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::widgets::{band_bar_ui, question_list_ui};
use crate::app::{theme, CompareCommand, Doc};
use crate::model::assessment::Assessment;
use crate::model::compare::{compare, Comparison};
use crate::model::words::Words;

/// Draws the comparison of `doc` with `older` visits; `recent` files are offered to add.
pub(super) fn ui(
    cx: &mut Cx,
    ui: &mut Ui,
    doc: &Doc,
    older: &[(PathBuf, Assessment)],
    recent: &[PathBuf],
) {
    let lang = cx.lang;
    ui.heading(cx.s("score.cmp_heading"));
    let a = &doc.assessment;
    ui.label(format!("{}: {}  {}", cx.s("ui.cmp_newest"), a.company.name, a.date.display(lang)));
    ui.add_space(theme::ITEM_GAP);
    visits_ui(cx, ui, doc, older, recent);
    let older: Vec<Assessment> = older.iter().map(|(_, a)| a.clone()).collect();
    if older.is_empty() {
        return;
    }
    match compare(cx.b, a, &older) {
        Ok(c) => changes_ui(cx, ui, &c),
        Err(e) => {
            ui.label(RichText::new(e.to_string()).strong());
        }
    }
}

/// The older visits chosen (each removable), and buttons to add more.
fn visits_ui(cx: &mut Cx, ui: &mut Ui, doc: &Doc, older: &[(PathBuf, Assessment)], recent: &[PathBuf]) {
    ui.label(theme::section(cx.s("ui.cmp_older")));
    if older.is_empty() {
        ui.label(cx.s("ui.cmp_pick_hint"));
    }
    for (i, (p, a)) in older.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}  {}", a.date.display(cx.lang), p.display()));
            if ui.button(format!("{} {}", cx.s("ui.cmp_remove"), i + 1)).clicked() {
                cx.send(CompareCommand::Remove(i));
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.s("ui.cmp_add")).clicked() {
            cx.send(CompareCommand::AddDialog);
        }
    });
    let offered: Vec<&PathBuf> = recent
        .iter()
        .filter(|p| **p != doc.path && !older.iter().any(|(o, _)| o == *p))
        .collect();
    if !offered.is_empty() {
        ui.label(RichText::new(cx.s("ui.cmp_from_recent")).weak());
        for p in offered {
            if ui.button(format!("+ {}", p.display())).clicked() {
                cx.send(CompareCommand::Add(p.clone()));
            }
        }
    }
}

fn changes_ui(cx: &mut Cx, ui: &mut Ui, c: &Comparison) {
    let (b, lang) = (cx.b, cx.lang);
    ui.add_space(theme::SECTION_GAP);
    if c.company_differs {
        ui.label(RichText::new(cx.s("score.cmp_company_differs")).strong());
    }
    if c.versions_differ {
        ui.label(cx.s("score.cmp_versions"));
    }
    let overall = format!(
        "{}: {} → {}  ({})",
        cx.s("score.cmp_overall"),
        Words::score(c.overall.before),
        Words::score(c.overall.after),
        cx.w.signed_change(c.overall.delta())
    );
    ui.label(RichText::new(overall).size(theme::ANSWER_SIZE).strong());
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(cx.s("score.cmp_checklists")));
    for ch in &c.checklists {
        let title = b
            .checklist(&ch.id)
            .map(|x| x.title.get(lang).to_string())
            .unwrap_or_else(|| ch.id.clone());
        ui.label(format!(
            "{title}: {} → {}  ({})",
            Words::score(ch.before),
            Words::score(ch.after),
            cx.w.signed_change(ch.delta())
        ));
    }
    let lists = [
        ("score.cmp_resolved", &c.resolved),
        ("score.cmp_new", &c.new_findings),
        ("score.cmp_open", &c.still_open),
        ("score.cmp_confirmed", &c.confirmed),
        ("score.cmp_still_confirm", &c.still_to_confirm),
    ];
    for (key, ids) in lists {
        question_list_ui(cx, ui, key, ids);
    }
    if c.versions_differ {
        question_list_ui(cx, ui, "score.cmp_added", &c.added_questions);
        question_list_ui(cx, ui, "score.cmp_removed", &c.removed_questions);
    }
    if c.has_trend() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(cx.s("score.cmp_trend")));
        for v in &c.visits {
            band_bar_ui(cx, ui, &v.date.display(lang), v.overall);
        }
    }
}
