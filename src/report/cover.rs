//! The report's first page: the cover (company, date, assessor, the verdict) and the summary
//! (the verdict's reasons, the actions to take first, the quick check and the desks to call).

use crate::model::assessment::Assessment;
use crate::model::schema::{ChecklistKind, Contact};
use crate::model::scoring::{Band, ScoreReport, Severity, Status};
use crate::model::verdict::Verdict;
use crate::model::words::Words;

use super::layout::{Column, Layout, Table, TextStyle};
use super::parts::{count, Say};
use super::ReportOptions;

pub(super) fn cover(l: &mut Layout, w: &Words, a: &Assessment, r: &ScoreReport, o: &ReportOptions) {
    if o.adviser_copy {
        l.paragraph(
            &format!("■ {}", w.s("report.adviser_copy")),
            TextStyle::STRONG,
        );
    }
    l.space(12.0);
    l.paragraph(w.s("report.title"), TextStyle::TITLE);
    l.space(10.0);
    let company = if a.company.name.trim().is_empty() {
        w.s("report.company_none").to_string()
    } else {
        a.company.name.trim().to_string()
    };
    l.paragraph(&company, TextStyle::LEAD);
    l.rule();
    let assessor = if a.assessor.trim().is_empty() {
        w.s("report.assessor_none").to_string()
    } else {
        a.assessor.trim().to_string()
    };
    let (answered, applicable) = r
        .checklists
        .iter()
        .filter(|c| c.kind != ChecklistKind::Screening)
        .fold((0, 0), |(x, y), c| (x + c.answered, y + c.applicable));
    let rows = vec![
        vec![w.s("report.company").to_string(), company],
        vec![w.s("report.date").to_string(), a.date.display(w.lang)],
        vec![w.s("report.assessor").to_string(), assessor],
        vec![
            w.s("report.mode").to_string(),
            w.s(a.mode.string_key()).to_string(),
        ],
        vec![
            w.s("report.progress").to_string(),
            w.fill(
                "report.progress_value",
                &[
                    ("answered", answered.to_string()),
                    ("applicable", applicable.to_string()),
                ],
            ),
        ],
        vec![w.s("report.made_on").to_string(), o.today.display(w.lang)],
    ];
    l.table(
        &Table {
            columns: vec![
                Column {
                    title: String::new(),
                    share: 0.3,
                },
                Column {
                    title: String::new(),
                    share: 0.7,
                },
            ],
            rows,
            min_row_height: 0.0,
            no_header: true,
        },
        TextStyle::BODY,
    );
    l.space(14.0);
    let overall = match r.overall {
        Some(s) => w.fill("report.score_of", &[("score", Words::score(Some(s)))]),
        None => w.s("report.no_score").to_string(),
    };
    l.paragraph(&w.kv("report.overall", &overall), TextStyle::LEAD);
    l.paragraph(
        &super::verdict::verdict_line(w.bundle, w.lang, r),
        TextStyle::LEAD,
    );
    l.paragraph(&w.band_rule(), TextStyle::SMALL);
}

pub(super) fn summary(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.space(10.0);
    l.heading(w.s("report.summary"), 1);
    let vars = [
        (
            "score",
            r.overall.map(|s| Words::score(Some(s))).unwrap_or_default(),
        ),
        ("n", r.findings.len().to_string()),
        ("high", count(r, Severity::High).to_string()),
    ];
    // The verdict, not the score's band: a critical gap never reads as good.
    let key = match Verdict::of(r).level {
        Some(Band::Good) => "report.summary.good",
        Some(Band::NeedsImprovement) => "report.summary.needs_improvement",
        Some(Band::ActionNeeded) => "report.summary.action_needed",
        None => "report.summary.none",
    };
    l.paragraph(&w.fill(key, &vars), TextStyle::BODY);
    super::verdict::verdict_section(l, w.bundle, w.lang, r);

    l.heading(w.s("report.quick"), 2);
    let quick = r.checklists.iter().find(|c| c.kind == ChecklistKind::Quick);
    match &r.consult {
        Some(c) => {
            l.paragraph(
                &w.fill(
                    "report.quick.weak",
                    &[("n", c.weak_items.len().to_string())],
                ),
                TextStyle::BODY,
            );
            let items: Vec<String> = c
                .weak_items
                .iter()
                .filter_map(|id| w.bundle.question(id))
                .map(|(_, q)| {
                    let ans = r
                        .findings
                        .iter()
                        .find(|f| f.question_id == q.id)
                        .map(|f| format!("({})", w.answer(f.answer)))
                        .unwrap_or_default();
                    format!("{}{}", q.text.get(w.lang), ans)
                })
                .collect();
            l.bullets(&items, TextStyle::BODY);
            let desks: Vec<String> = c
                .contacts
                .iter()
                .filter_map(|id| w.bundle.contact(id))
                .map(|d| desk_short(w, d))
                .collect();
            if !desks.is_empty() {
                l.paragraph(
                    &w.kv("report.quick.call", &desks.join(" / ")),
                    TextStyle::BODY,
                );
            }
        }
        None => {
            let done = quick.is_some_and(|q| q.status == Status::Done);
            let key = if done {
                "report.quick.ok"
            } else {
                "report.quick.open"
            };
            l.paragraph(w.s(key), TextStyle::BODY);
            l.paragraph(w.s("score.consult_none"), TextStyle::BODY);
        }
    }
}

pub(super) fn desk_short(w: &Words, d: &Contact) -> String {
    match d.phone_display(w.lang) {
        Some(p) => format!("{} {}", d.name.get(w.lang), p),
        None => d.name.get(w.lang).to_string(),
    }
}
