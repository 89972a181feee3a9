//! The report's charts: a bar per checklist, the five objectives and the three legal
//! requirements, on a page of their own.

use crate::model::schema::ChecklistKind;
use crate::model::scoring::{ScoreReport, Status};
use crate::model::words::Words;

use super::layout::{Bar, Layout, TextStyle};
use super::parts::{Say, MARKS};

pub(super) fn caption(w: &Words, score: Option<f64>, empty: &str) -> String {
    match score {
        Some(s) => format!(
            "{} {}",
            w.fill("report.score_of", &[("score", Words::score(Some(s)))]),
            w.band_of(Some(s))
        ),
        None => empty.to_string(),
    }
}

pub(super) fn charts(l: &mut Layout, w: &Words, r: &ScoreReport) {
    // The charts start page 2 when the first page is at least half full (a company with
    // actions to take); after a shorter first page (all good, or nothing answered yet) they
    // follow on it, each chart still whole, rather than leave most of page 1 empty.
    let setup = l.setup();
    if l.cursor() - setup.top >= (setup.body_bottom() - setup.top) / 2.0 {
        l.new_page();
    }
    chart_blocks(l, w, r);
}

fn chart_blocks(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.heading(w.s("report.charts"), 1);
    l.paragraph(w.s("report.charts.help"), TextStyle::SMALL);
    let bars: Vec<Bar> = r
        .checklists
        .iter()
        .filter(|c| c.kind != ChecklistKind::Screening)
        .filter_map(|c| {
            let title = w.bundle.checklist(&c.id)?.title.get(w.lang).to_string();
            let empty = if c.status == Status::NotApplicable {
                w.s("report.not_applicable")
            } else {
                w.s("report.not_answered")
            };
            Some(Bar {
                label: title,
                value: c.score.map(|s| s as f32),
                caption: caption(w, c.score, empty),
            })
        })
        .collect();
    l.heading(w.s("score.checklists"), 2);
    l.bar_chart(&bars, &MARKS, TextStyle::SMALL);
    let axis = |key: String, s: Option<f64>| Bar {
        label: w.bundle.s(&key, w.lang).to_string(),
        value: s.map(|v| v as f32),
        caption: caption(w, s, w.s("report.not_answered")),
    };
    l.heading(w.s("score.objectives"), 2);
    let bars: Vec<Bar> = r
        .objectives
        .iter()
        .map(|o| axis(o.key.string_key(), o.score))
        .collect();
    l.bar_chart(&bars, &MARKS, TextStyle::SMALL);
    l.heading(w.s("score.legal"), 2);
    let bars: Vec<Bar> = r
        .legal
        .iter()
        .map(|o| axis(o.key.string_key(), o.score))
        .collect();
    l.bar_chart(&bars, &MARKS, TextStyle::SMALL);
}
