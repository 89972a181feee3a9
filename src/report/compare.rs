//! The comparison report of visits to one company, with a trend chart from three visits on.

use crate::model::assessment::Assessment;
use crate::model::compare::{compare, CompareError, Comparison};
use crate::model::schema::Bundle;
use crate::model::text::Lang;
use crate::model::words::Words;

use super::layout::{Bar, Layout, PageSetup, Table, TextStyle};
use super::parts::{bar, columns, MARKS};
use super::{ReportError, ReportOptions};

/// Why a comparison report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CompareReportError {
    /// The visits cannot be compared.
    #[error(transparent)]
    Compare(#[from] CompareError),
    /// The PDF could not be drawn.
    #[error(transparent)]
    Report(#[from] ReportError),
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
) -> Result<super::Rendered, CompareReportError> {
    let c = compare(b, newest, older)?;
    let lang = o.lang;
    let w = Words::new(b, lang);
    let title = b.s("report.cmp_title", lang);
    let mut l = Layout::new(title, PageSetup::A4)?;
    l.paragraph(title, TextStyle::TITLE);
    if !newest.company.name.trim().is_empty() {
        l.paragraph(newest.company.name.trim(), TextStyle::LEAD);
    }
    l.rule();
    if c.reordered {
        l.paragraph(b.s("score.cmp_reordered", lang), TextStyle::STRONG);
    }
    if c.company_differs {
        l.paragraph(b.s("score.cmp_company_differs", lang), TextStyle::STRONG);
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
            Words::score(c.overall.before),
            Words::score(c.overall.after),
            w.signed_change(c.overall.delta())
        ),
        TextStyle::STRONG,
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
                Words::score(ch.before),
                Words::score(ch.after),
                w.signed_change(ch.delta()),
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
            .map(|v| bar(&w, v.date.display(lang), v.overall))
            .collect();
        l.bar_chart(&bars, &MARKS, TextStyle::BODY);
    }
    question_lists(&mut l, b, lang, &c);
    l.paragraph(b.s("report.disclaimer", lang), TextStyle::SMALL);
    Ok(l.finish(&format!("{title}  {}", o.today.display(lang))))
}

/// The questions resolved, new, still open and so on, one list each.
fn question_lists(l: &mut Layout, b: &Bundle, lang: Lang, c: &Comparison) {
    for (key, ids) in c.lists().into_iter().chain(c.version_lists()) {
        question_list(l, b, lang, key, ids);
    }
}
