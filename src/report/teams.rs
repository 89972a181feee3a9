//! PDF documents for advisers and trainers, laid out with [`super::layout::Layout`]: the
//! information inventory appendix of the normal report, the comparison report of visits (with
//! a trend chart from three visits on) and the anonymous class report.
//!
//! The class report is drawn from [`ClassAggregate`] only, which holds no name and no note.

use std::path::{Path, PathBuf};

use crate::model::aggregate::ClassAggregate;
use crate::model::assessment::Assessment;
use crate::model::compare::{compare, ChecklistChange, CompareError};
use crate::model::fsutil::write_atomic;
use crate::model::schema::{Answer, Bundle, Objective};
use crate::model::scoring::Band;
use crate::model::text::Lang;

use super::layout::{Bar, Column, Layout, PageSetup, Table, TextStyle};
use super::{ReportError, ReportOptions};

/// Why a comparison or class report could not be made or saved.
#[derive(Debug, thiserror::Error)]
pub enum TeamsReportError {
    /// The visits cannot be compared.
    #[error(transparent)]
    Compare(#[from] CompareError),
    /// The PDF could not be drawn.
    #[error(transparent)]
    Report(#[from] ReportError),
}

fn columns(b: &Bundle, lang: Lang, keys: &[(&str, f32)]) -> Vec<Column> {
    keys.iter()
        .map(|(k, share)| Column {
            title: b.s(k, lang).to_string(),
            share: *share,
        })
        .collect()
}

fn num(s: Option<f64>) -> String {
    s.map(|v| format!("{v:.0}")).unwrap_or_else(|| "—".into())
}

fn band_words(b: &Bundle, lang: Lang, s: Option<f64>) -> String {
    match s {
        Some(x) => b.s(&Band::of(x).string_key(), lang).to_string(),
        None => b.s("band.none", lang).to_string(),
    }
}

fn bar(b: &Bundle, lang: Lang, label: String, value: Option<f64>) -> Bar {
    Bar {
        label,
        value: value.map(|v| v as f32),
        caption: format!("{} / 100 {}", num(value), band_words(b, lang, value)),
    }
}

const MARKS: [f32; 2] = [50.0, 80.0];

/// The information inventory as an appendix of the normal report (only when it has rows).
pub fn inventory_appendix(l: &mut Layout, b: &Bundle, lang: Lang, a: &Assessment) {
    if a.inventory.is_empty() {
        return;
    }
    l.heading(b.s("report.inv_heading", lang), 1);
    l.paragraph(b.s("report.inv_intro", lang), TextStyle::BODY);
    let rows = a
        .inventory
        .iter()
        .map(|item| {
            let locations: Vec<String> = item
                .locations
                .iter()
                .map(|x| b.s(&x.string_key(), lang).to_string())
                .collect();
            vec![
                item.name.clone(),
                item.category
                    .map(|c| b.s(&c.string_key(), lang).to_string())
                    .unwrap_or_default(),
                item.rank
                    .map(|r| b.s(&r.string_key(), lang).to_string())
                    .unwrap_or_default(),
                locations.join(" / "),
                item.access.clone(),
            ]
        })
        .collect();
    l.table(
        &Table {
            columns: columns(
                b,
                lang,
                &[
                    ("score.csv_inv_name", 0.28),
                    ("score.csv_inv_category", 0.17),
                    ("score.csv_inv_rank", 0.13),
                    ("score.csv_inv_locations", 0.2),
                    ("score.csv_inv_access", 0.22),
                ],
            ),
            rows,
            min_row_height: 0.0,
            no_header: false,
        },
        TextStyle::SMALL,
    );
}

fn change_words(b: &Bundle, lang: Lang, c: &ChecklistChange) -> String {
    match c.delta() {
        Some(d) if d.round() > 0.0 => format!("{d:+.0} {}", b.s("score.cmp_up", lang)),
        Some(d) if d.round() < 0.0 => format!("{d:+.0} {}", b.s("score.cmp_down", lang)),
        Some(_) => format!("±0 {}", b.s("score.cmp_same", lang)),
        None => "—".into(),
    }
}

fn question_list(l: &mut Layout, b: &Bundle, lang: Lang, key: &str, ids: &[String]) {
    l.heading(&format!("{} ({})", b.s(key, lang), ids.len()), 2);
    if ids.is_empty() {
        l.paragraph(b.s("score.cmp_none", lang), TextStyle::BODY);
        return;
    }
    let items: Vec<String> = ids
        .iter()
        .map(|id| {
            b.question(id)
                .map(|(_, q)| q.text.get(lang).to_string())
                .unwrap_or_else(|| id.clone())
        })
        .collect();
    l.bullets(&items, TextStyle::BODY);
}

/// Renders the comparison report: `newest` against `older` (the previous visit first).
pub fn render_comparison(
    b: &Bundle,
    newest: &Assessment,
    older: &[Assessment],
    o: &ReportOptions,
) -> Result<Vec<u8>, TeamsReportError> {
    let c = compare(b, newest, older)?;
    let lang = o.lang;
    let title = b.s("report.cmp_title", lang);
    let mut l = Layout::new(title, PageSetup::A4)?;
    l.paragraph(title, TextStyle::TITLE);
    if !newest.company.name.trim().is_empty() {
        l.paragraph(newest.company.name.trim(), TextStyle::heading(1));
    }
    l.rule();
    if c.company_differs {
        l.paragraph(
            b.s("score.cmp_company_differs", lang),
            TextStyle::heading(3),
        );
    }
    let dates: Vec<String> = c.visits.iter().map(|v| v.date.display(lang)).collect();
    l.paragraph(
        &format!("{}: {}", b.s("score.cmp_visits", lang), dates.join(" → ")),
        TextStyle::BODY,
    );
    if c.versions_differ {
        l.paragraph(b.s("score.cmp_versions", lang), TextStyle::BODY);
    }
    l.paragraph(
        &format!(
            "{}: {} → {} ({})",
            b.s("score.cmp_overall", lang),
            num(c.overall.before),
            num(c.overall.after),
            change_words(b, lang, &c.overall)
        ),
        TextStyle::heading(2),
    );
    l.heading(b.s("score.cmp_checklists", lang), 1);
    let rows = c
        .checklists
        .iter()
        .map(|ch| {
            vec![
                b.checklist(&ch.id)
                    .map(|x| x.title.get(lang).to_string())
                    .unwrap_or_else(|| ch.id.clone()),
                num(ch.before),
                num(ch.after),
                change_words(b, lang, ch),
            ]
        })
        .collect();
    l.table(
        &Table {
            columns: columns(
                b,
                lang,
                &[
                    ("score.csv_checklist", 0.46),
                    ("report.cmp_before", 0.14),
                    ("report.cmp_after", 0.14),
                    ("report.cmp_change", 0.26),
                ],
            ),
            rows,
            min_row_height: 0.0,
            no_header: false,
        },
        TextStyle::BODY,
    );
    if c.has_trend() {
        l.heading(b.s("score.cmp_trend", lang), 1);
        let bars: Vec<Bar> = c
            .visits
            .iter()
            .map(|v| bar(b, lang, v.date.display(lang), v.overall))
            .collect();
        l.bar_chart(&bars, &MARKS, TextStyle::BODY);
    }
    question_list(&mut l, b, lang, "score.cmp_resolved", &c.resolved);
    question_list(&mut l, b, lang, "score.cmp_new", &c.new_findings);
    question_list(&mut l, b, lang, "score.cmp_open", &c.still_open);
    question_list(&mut l, b, lang, "score.cmp_confirmed", &c.confirmed);
    question_list(
        &mut l,
        b,
        lang,
        "score.cmp_still_confirm",
        &c.still_to_confirm,
    );
    if c.versions_differ {
        question_list(&mut l, b, lang, "score.cmp_added", &c.added_questions);
        question_list(&mut l, b, lang, "score.cmp_removed", &c.removed_questions);
    }
    l.paragraph(b.s("report.disclaimer", lang), TextStyle::SMALL);
    Ok(l.finish(&format!("{title}  {}", o.today.display(lang))))
}

/// Renders the class report from the aggregate (anonymous).
pub fn render_class(
    b: &Bundle,
    agg: &ClassAggregate,
    o: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let lang = o.lang;
    let title = b.s("report.class_title", lang);
    let mut l = Layout::new(title, PageSetup::A4)?;
    l.paragraph(title, TextStyle::TITLE);
    l.rule();
    l.paragraph(
        &format!(
            "{}: {}",
            b.s("score.agg_participants", lang),
            agg.participants
        ),
        TextStyle::heading(1),
    );
    l.paragraph(
        &format!(
            "{}: {} / 100 ({})",
            b.s("score.overall", lang),
            num(agg.overall.mean),
            band_words(b, lang, agg.overall.mean)
        ),
        TextStyle::heading(2),
    );
    if !agg.skipped.is_empty() {
        l.heading(b.s("score.agg_skipped", lang), 2);
        let items: Vec<String> = agg
            .skipped_counts()
            .into_iter()
            .map(|(kind, n)| format!("{}: {n}", b.s(&kind.string_key(), lang)))
            .collect();
        l.bullets(&items, TextStyle::SMALL);
    }
    l.heading(b.s("score.agg_weakest", lang), 1);
    let bars: Vec<Bar> = agg
        .weakest
        .iter()
        .map(|m| {
            let t = b
                .checklist(&m.id)
                .map(|c| c.title.get(lang).to_string())
                .unwrap_or_else(|| m.id.clone());
            bar(b, lang, t, m.mean)
        })
        .collect();
    l.bar_chart(&bars, &MARKS, TextStyle::BODY);
    l.heading(b.s("score.objectives", lang), 1);
    let bars: Vec<Bar> = agg
        .objectives
        .iter()
        .zip(Objective::ALL)
        .map(|(m, obj)| bar(b, lang, b.s(&obj.string_key(), lang).to_string(), m.mean))
        .collect();
    l.bar_chart(&bars, &MARKS, TextStyle::BODY);
    l.heading(b.s("score.agg_findings", lang), 1);
    if agg.findings.is_empty() {
        l.paragraph(b.s("score.no_findings", lang), TextStyle::BODY);
    }
    for f in agg.findings.iter().take(10) {
        let Some((_, q)) = b.question(&f.question_id) else {
            continue;
        };
        l.paragraph(
            &format!(
                "{} {}: {}",
                f.count,
                b.s("score.agg_people", lang),
                q.text.get(lang)
            ),
            TextStyle::heading(3),
        );
        let cases: Vec<String> = f
            .cases
            .iter()
            .filter_map(|c| b.advice(c))
            .map(|adv| format!("{}: {}", adv.title.get(lang), adv.first_step.get(lang)))
            .collect();
        l.bullets(&cases, TextStyle::SMALL);
    }
    l.heading(b.s("score.agg_distribution", lang), 1);
    let mut cols = vec![Column {
        title: b.s("score.csv_question", lang).to_string(),
        share: 0.5,
    }];
    cols.extend(Answer::ALL.iter().map(|a| Column {
        title: b.s(a.string_key(), lang).to_string(),
        share: 0.1,
    }));
    let rows = agg
        .questions
        .iter()
        .filter_map(|q| {
            let (_, question) = b.question(&q.question_id)?;
            let mut row = vec![question.text.get(lang).to_string()];
            row.extend(Answer::ALL.iter().map(|a| q.count(*a).to_string()));
            Some(row)
        })
        .collect();
    l.table(
        &Table {
            columns: cols,
            rows,
            min_row_height: 0.0,
            no_header: false,
        },
        TextStyle::SMALL,
    );
    Ok(l.finish(&format!("{title}  {}", o.today.display(lang))))
}

/// Writes PDF bytes atomically.
pub fn write_pdf(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    write_atomic(path, bytes).map_err(|source| ReportError::Write {
        path: PathBuf::from(path),
        source,
    })
}
