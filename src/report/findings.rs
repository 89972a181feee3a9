//! The report's weak points (the serious ones in full, the others as table rows), the
//! to-confirm list and the action plan.

use crate::model::assessment::Assessment;
use crate::model::scoring::{Finding, ScoreReport, Severity};
use crate::model::words::Words;

use super::layout::{Column, Layout, Table, TextStyle};
use super::parts::{count, main_advice, question_list, Say, ITEM_GAP};

pub(super) fn findings(l: &mut Layout, w: &Words, a: &Assessment, r: &ScoreReport) {
    l.heading(w.s("report.findings"), 1);
    if r.findings.is_empty() {
        l.paragraph(w.s("score.no_findings"), TextStyle::BODY);
        return;
    }
    l.paragraph(
        &w.fill(
            "report.findings.count",
            &[
                ("n", r.findings.len().to_string()),
                ("high", count(r, Severity::High).to_string()),
                ("medium", count(r, Severity::Medium).to_string()),
                ("low", count(r, Severity::Low).to_string()),
            ],
        ),
        TextStyle::BODY,
    );
    let mut compact = Vec::new();
    for (i, f) in r.findings.iter().enumerate() {
        let Some((c, q)) = w.bundle.question(&f.question_id) else {
            continue;
        };
        if f.severity == Severity::High {
            let head = format!(
                "{}. [{}] {}",
                i + 1,
                w.bundle.s(&f.severity.string_key(), w.lang),
                q.text.get(w.lang)
            );
            l.keep_together(|l| finding(l, w, a, f, &head));
        } else {
            compact.push(vec![
                (i + 1).to_string(),
                w.bundle.s(&f.severity.string_key(), w.lang).to_string(),
                q.text.get(w.lang).to_string(),
                w.answer(f.answer).to_string(),
                c.title.get(w.lang).to_string(),
            ]);
        }
    }
    if !compact.is_empty() {
        // Medium and low findings: one table row each; the action plan has their steps.
        l.heading(w.s("report.findings.other"), 2);
        let col = |key: &str, share: f32| Column {
            title: w.bundle.s(key, w.lang).to_string(),
            share,
        };
        l.table(
            &Table {
                columns: vec![
                    col("report.plan.no", 0.06),
                    col("report.severity", 0.08),
                    col("report.plan.finding", 0.52),
                    col("report.answer", 0.11),
                    col("report.checklist", 0.23),
                ],
                rows: compact,
                min_row_height: 0.0,
                no_header: false,
            },
            TextStyle::SMALL,
        );
    }
}

/// One finding as a block that never splits across pages.
pub(super) fn finding(l: &mut Layout, w: &Words, a: &Assessment, f: &Finding, head: &str) {
    let indent = 12.0;
    let Some((c, q)) = w.bundle.question(&f.question_id) else {
        return;
    };
    {
        l.heading(head, 3);
        let style = TextStyle::SMALL;
        l.paragraph_indented(
            &format!(
                "{}  /  {}",
                w.kv("report.answer", w.answer(f.answer)),
                w.kv("report.checklist", c.title.get(w.lang))
            ),
            style,
            indent,
        );
        l.paragraph_indented(&w.kv("report.why", q.help.get(w.lang)), style, indent);
        if let Some(adv) = main_advice(w, &f.advice) {
            let line = match adv.case_no {
                // The case titles name the case ("事例01 …", "Case 01: …").
                Some(_) => format!("{} {}", adv.title.get(w.lang), w.s("report.case_page")),
                None => w.kv("report.topic", adv.title.get(w.lang)),
            };
            l.paragraph_indented(&line, style, indent);
            l.paragraph_indented(
                &w.kv("report.first_step", adv.first_step.get(w.lang)),
                style,
                indent,
            );
        }
        if let Some(note) = a
            .answers
            .get(&f.question_id)
            .map(|e| e.note.trim())
            .filter(|n| !n.is_empty())
        {
            l.paragraph_indented(&w.kv("report.note", note), style, indent);
        }
        l.space(ITEM_GAP);
    }
}

pub(super) fn to_confirm(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.heading(w.s("report.confirm"), 1);
    for (key, ids) in [
        ("report.confirm.unknown", &r.to_confirm),
        ("report.confirm.review", &r.review_later),
    ] {
        l.heading(w.s(key), 2);
        if ids.is_empty() {
            l.paragraph(w.s("report.confirm.none"), TextStyle::BODY);
        } else {
            l.bullets(&question_list(w, ids), TextStyle::BODY);
        }
    }
    if !r.unanswered.is_empty() {
        l.paragraph(
            &w.fill(
                "report.confirm.unanswered",
                &[("n", r.unanswered.len().to_string())],
            ),
            TextStyle::BODY,
        );
    }
    if !r.orphan_answers.is_empty() {
        l.paragraph(
            &w.fill(
                "report.orphans",
                &[("n", r.orphan_answers.len().to_string())],
            ),
            TextStyle::BODY,
        );
    }
}

pub(super) fn action_plan(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.heading(w.s("report.plan"), 1);
    if r.findings.is_empty() {
        l.paragraph(w.s("report.plan.none"), TextStyle::BODY);
        return;
    }
    l.paragraph(w.s("report.plan.help"), TextStyle::SMALL);
    let rows = r
        .findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (_, q) = w.bundle.question(&f.question_id)?;
            let step = main_advice(w, &f.advice)
                .map(|a| a.first_step.get(w.lang).to_string())
                .unwrap_or_default();
            Some(vec![
                (i + 1).to_string(),
                q.text.get(w.lang).to_string(),
                step,
                String::new(),
                String::new(),
            ])
        })
        .collect();
    let col = |key: &str, share: f32| Column {
        title: w.bundle.s(key, w.lang).to_string(),
        share,
    };
    l.table(
        &Table {
            columns: vec![
                col("report.plan.no", 0.06),
                col("report.plan.finding", 0.36),
                col("report.plan.step", 0.34),
                col("report.plan.owner", 0.12),
                col("report.plan.due", 0.12),
            ],
            rows,
            min_row_height: 26.0,
            no_header: false,
        },
        TextStyle::SMALL,
    );
}
