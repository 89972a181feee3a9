//! The comparison of visits: the open check against older visits of the same company (chosen
//! from a dialog or the recent files), with the scores before and after, the findings resolved,
//! new, still open or improved, and a trend from three visits on.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::View;
use crate::app::commands::{Commands, CompareCommand};
use crate::app::document::Document;
use crate::app::recent::RecentNames;
use crate::app::theme;
use crate::app::widgets::bar_ui;
use crate::model::assessment::Assessment;
use crate::model::compare::{compare, Comparison};
use crate::model::words::Words;

/// The older visits chosen for the comparison: path and content.
#[derive(Debug, Default)]
pub struct CompareState {
    /// The older visits, in the order they were added.
    pub older: Vec<(PathBuf, Assessment)>,
}

/// Draws the comparison of `doc` with the older visits of `state`; the recent files are
/// offered, named as on the start page.
pub fn ui(
    ui: &mut Ui,
    v: &View<'_>,
    doc: &Document,
    state: &CompareState,
    recent: (&[PathBuf], &RecentNames),
    out: &mut Commands,
) {
    ui.heading(v.t("score.cmp_heading"));
    ui.label(format!(
        "{}: {}  {}",
        v.t("ui.cmp_newest"),
        doc.assessment.company.name,
        doc.assessment.date.display(v.lang)
    ));
    ui.add_space(theme::ITEM_GAP);
    visits_ui(ui, v, doc, state, recent, out);
    let older: Vec<Assessment> = state.older.iter().map(|(_, a)| a.clone()).collect();
    if older.is_empty() {
        return;
    }
    match compare(v.bundle, &doc.assessment, &older) {
        Ok(c) => comparison_ui(ui, v, &c),
        Err(e) => {
            ui.label(RichText::new(e.to_string()).strong());
        }
    }
}

/// The older visits with a remove button each, the add button and the recent files.
fn visits_ui(
    ui: &mut Ui,
    v: &View<'_>,
    doc: &Document,
    state: &CompareState,
    (recent, names): (&[PathBuf], &RecentNames),
    out: &mut Commands,
) {
    ui.label(theme::section(v.t("ui.cmp_older")));
    if state.older.is_empty() {
        ui.label(v.t("ui.cmp_pick_hint"));
    }
    for (i, (p, a)) in state.older.iter().enumerate() {
        // Each row in its own id scope: the buttons share the plain label 「外す」.
        ui.push_id(i, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}  {}", a.date.display(v.lang), p.display()));
                if ui.button(v.t("ui.cmp_remove")).clicked() {
                    out.send(CompareCommand::Remove(i));
                }
            });
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(v.t("ui.cmp_add")).clicked() {
            out.send(CompareCommand::AddDialog);
        }
    });
    let offered: Vec<&PathBuf> = recent
        .iter()
        .filter(|p| **p != doc.path && !state.older.iter().any(|(o, _)| o == *p))
        .collect();
    if !offered.is_empty() {
        ui.label(RichText::new(v.t("ui.cmp_from_recent")).weak());
        for p in offered {
            if ui.button(format!("+ {}", names.name(p))).clicked() {
                out.send(CompareCommand::Add(p.clone()));
            }
        }
    }
}

/// The comparison itself: notices, the overall and per-checklist scores, the question lists
/// and the trend.
fn comparison_ui(ui: &mut Ui, v: &View<'_>, c: &Comparison) {
    let (lang, w) = (v.lang, v.words());
    ui.add_space(theme::SECTION_GAP);
    if c.reordered {
        ui.label(RichText::new(v.t("score.cmp_reordered")).strong());
    }
    if c.company_differs {
        ui.label(RichText::new(v.t("score.cmp_company_differs")).strong());
    }
    if c.versions_differ {
        ui.label(v.t("score.cmp_versions"));
    }
    let overall = format!(
        "{}: {} → {}  ({})",
        v.t("score.cmp_overall"),
        Words::score(c.overall.before),
        Words::score(c.overall.after),
        w.signed_change(c.overall.delta())
    );
    ui.label(RichText::new(overall).size(theme::ANSWER_SIZE).strong());
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(v.t("score.cmp_checklists")));
    checklists_ui(ui, v, c);
    for (key, ids) in c.lists().into_iter().chain(c.version_lists()) {
        question_list(ui, v, key, ids);
    }
    if c.has_trend() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(theme::section(v.t("score.cmp_trend")));
        for visit in &c.visits {
            let band = w.band_of(visit.overall);
            bar_ui(ui, v.dark, &visit.date.display(lang), visit.overall, &band);
        }
    }
}

/// The checklists before and after: a grid (checklist, before, after, change) with headers in
/// words; in a narrow window (large text) one line per checklist, which wraps instead.
fn checklists_ui(ui: &mut Ui, v: &View<'_>, c: &Comparison) {
    let (b, lang, w) = (v.bundle, v.lang, v.words());
    let title = |id: &str| {
        b.checklist(id)
            .map(|x| x.title.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    if ui.available_width() < theme::CHART_LABEL_WIDTH + theme::BAR_WIDTH.end() {
        for ch in &c.checklists {
            ui.label(format!(
                "{}: {} → {}  ({})",
                title(&ch.id),
                Words::score(ch.before),
                Words::score(ch.after),
                w.signed_change(ch.delta())
            ));
        }
        return;
    }
    egui::Grid::new("cmp_checklists")
        .num_columns(4)
        .striped(true)
        .spacing(theme::FORM_SPACING)
        .show(ui, |ui| {
            for key in [
                "ui.cmp_col_checklist",
                "ui.cmp_col_before",
                "ui.cmp_col_after",
                "ui.cmp_col_change",
            ] {
                ui.label(RichText::new(v.t(key)).strong());
            }
            ui.end_row();
            for ch in &c.checklists {
                ui.label(title(&ch.id));
                ui.label(Words::score(ch.before));
                ui.label(Words::score(ch.after));
                ui.label(w.signed_change(ch.delta()));
                ui.end_row();
            }
        });
}

/// A titled list of questions with its count; 「なし」 when empty.
fn question_list(ui: &mut Ui, v: &View<'_>, key: &str, ids: &[String]) {
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(&format!("{} ({})", v.t(key), ids.len())));
    if ids.is_empty() {
        ui.label(v.t("score.cmp_none"));
    }
    for id in ids {
        let text = v
            .bundle
            .question(id)
            .map(|(_, q)| q.text.get(v.lang).to_string())
            .unwrap_or_else(|| id.clone());
        ui.label(format!("・{text}"));
    }
}
