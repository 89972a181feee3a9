//! The anonymous class report of a workshop, drawn from [`ClassAggregate`] only, which holds
//! no name and no note.

use crate::model::aggregate::ClassAggregate;
use crate::model::schema::{Answer, Bundle, Objective};
use crate::model::text::Lang;
use crate::model::words::Words;

use super::layout::{Bar, Column, Layout, PageSetup, Table, TextStyle};
use super::parts::{bar, MARKS};
use super::{ReportError, ReportOptions};

/// Renders the class report from the aggregate (anonymous).
pub fn render_class(
    b: &Bundle,
    agg: &ClassAggregate,
    o: &ReportOptions,
) -> Result<super::Rendered, ReportError> {
    let lang = o.lang;
    let w = Words::new(b, lang);
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
        TextStyle::LEAD,
    );
    l.paragraph(
        &format!(
            "{}: {} / 100 ({})",
            b.s("score.overall", lang),
            Words::score(agg.overall.mean),
            w.band_of(agg.overall.mean)
        ),
        TextStyle::STRONG,
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
            bar(&w, t, m.mean)
        })
        .collect();
    l.bar_chart(&bars, &MARKS, TextStyle::BODY);
    l.heading(b.s("score.objectives", lang), 1);
    let bars: Vec<Bar> = agg
        .objectives
        .iter()
        .zip(Objective::ALL)
        .map(|(m, obj)| bar(&w, b.s(&obj.string_key(), lang).to_string(), m.mean))
        .collect();
    l.bar_chart(&bars, &MARKS, TextStyle::BODY);
    class_findings(&mut l, b, lang, agg);
    distribution(&mut l, b, lang, agg);
    Ok(l.finish(&format!("{title}  {}", o.today.display(lang))))
}

/// The most frequent findings, each with its cases and their first steps.
fn class_findings(l: &mut Layout, b: &Bundle, lang: Lang, agg: &ClassAggregate) {
    l.heading(b.s("score.agg_findings", lang), 1);
    if agg.findings.is_empty() {
        l.paragraph(b.s("score.no_findings", lang), TextStyle::BODY);
    }
    for f in agg.findings.iter().take(10) {
        let Some((_, q)) = b.question(&f.question_id) else {
            continue;
        };
        let head = format!(
            "{} {}: {}",
            f.count,
            b.s("score.agg_people", lang),
            q.text.get(lang)
        );
        let cases: Vec<String> = f
            .cases
            .iter()
            .filter_map(|c| b.advice(c))
            .map(|adv| format!("{}: {}", adv.title.get(lang), adv.first_step.get(lang)))
            .collect();
        // A finding with its cases is one block, never split across pages.
        l.keep_together(|l| {
            l.heading(&head, 3);
            l.bullets(&cases, TextStyle::SMALL);
        });
    }
}

/// How many participants gave each answer, per question.
fn distribution(l: &mut Layout, b: &Bundle, lang: Lang, agg: &ClassAggregate) {
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
}
