//! The report's first page: company, dates, the verdict in words and number (once), why, the
//! three actions to take first with their first steps, the quick check's rule, and the one
//! desk to call.

use crate::model::assessment::Assessment;
use crate::model::plan::ActionPlan;
use crate::model::schema::Contact;
use crate::model::scoring::{Band, ScoreReport, Severity};
use crate::model::verdict::Verdict;
use crate::model::words::Words;

use super::layout::{Column, Layout, Table, TextStyle};
use super::parts::{count, weak_points, Say};
use super::ReportOptions;

/// The report's title: smaller than [`TextStyle::TITLE`], so it stands on one line in
/// English too and the first page holds everything it must.
const TITLE: TextStyle = TextStyle {
    size: 17.0,
    leading: 1.3,
    grey: 0.0,
};

/// The whole first page.
pub(super) fn first_page(
    l: &mut Layout,
    w: &Words,
    a: &Assessment,
    r: &ScoreReport,
    plan: &ActionPlan,
    o: &ReportOptions,
) {
    if o.adviser_copy {
        l.paragraph(
            &format!("■ {}", w.s("report.adviser_copy")),
            TextStyle::STRONG,
        );
    }
    l.paragraph(w.s("report.title"), TITLE);
    let company = if a.company.name.trim().is_empty() {
        w.s("report.company_none").to_string()
    } else {
        a.company.name.trim().to_string()
    };
    l.paragraph(&company, TextStyle::LEAD);
    l.rule();
    facts(l, w, a, r, o);
    // The verdict in words with the score: the only place the overall score is printed.
    l.paragraph(
        &super::verdict::verdict_line(w.bundle, w.lang, r),
        TextStyle::LEAD,
    );
    l.paragraph(&w.band_rule(), TextStyle::SMALL);
    summary(l, w, r);
    super::verdict::verdict_section(l, w.bundle, w.lang, r, plan);
    desk_to_call(l, w, r);
}

/// Date of the check, assessor, mode, progress and the day the report was made, two to a row.
fn facts(l: &mut Layout, w: &Words, a: &Assessment, r: &ScoreReport, o: &ReportOptions) {
    let assessor = if a.assessor.trim().is_empty() {
        w.s("report.assessor_none").to_string()
    } else {
        a.assessor.trim().to_string()
    };
    let (answered, applicable) = r.progress();
    let progress = w.fill(
        "report.progress_value",
        &[
            ("answered", answered.to_string()),
            ("applicable", applicable.to_string()),
        ],
    );
    let cell = |key: &str| w.owned(key);
    let rows = vec![
        vec![
            cell("report.date"),
            a.date.display(w.lang),
            cell("report.made_on"),
            o.today.display(w.lang),
        ],
        vec![
            cell("report.mode"),
            w.s(a.mode.string_key()).to_string(),
            cell("report.progress"),
            progress,
        ],
    ];
    let col = |share: f32| Column {
        title: String::new(),
        share,
    };
    l.table(
        &Table {
            columns: vec![col(0.2), col(0.3), col(0.2), col(0.3)],
            rows,
            min_row_height: 0.0,
            no_header: true,
        },
        TextStyle::SMALL,
    );
    // On a line of its own: a long name wraps across the page, not inside a narrow cell.
    l.paragraph(&w.kv("report.assessor", &assessor), TextStyle::SMALL);
}

/// One sentence by verdict: how many weak points, how many serious.
fn summary(l: &mut Layout, w: &Words, r: &ScoreReport) {
    let vars = [
        // The ledger's warnings are weak points too (case 02), or 要改善 would say "0 weak points".
        ("n", weak_points(r).to_string()),
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
}

/// The one desk to call, after the quick check's rule ([`ScoreReport::desk_to_call`]): the
/// first consultation desk recommended for these results, or, when nothing is weak, the first
/// desk that serves the company, for a question or a second opinion; with its phone number
/// and hours (the others are listed near the end).
fn desk_to_call(l: &mut Layout, w: &Words, r: &ScoreReport) {
    let quick = w.quick_check(r);
    let Some((id, recommended)) = r.desk_to_call() else {
        l.paragraph(&quick, TextStyle::SMALL);
        return;
    };
    let heading = if recommended {
        "report.call"
    } else {
        "report.call.questions"
    };
    let Some(d) = w.bundle.contact(id) else {
        l.paragraph(&quick, TextStyle::SMALL);
        return;
    };
    l.keep_together(|l| {
        l.heading(w.s(heading), 2);
        l.paragraph(&quick, TextStyle::SMALL);
        l.paragraph(&desk_line(w, d), TextStyle::STRONG);
        let mut more = Vec::new();
        if let Some(h) = &d.hours {
            more.push(w.kv("report.desks.hours", h.get(w.lang)));
        }
        more.push(w.owned("report.call.more"));
        l.paragraph(&more.join("  /  "), TextStyle::SMALL);
    });
}

fn desk_line(w: &Words, d: &Contact) -> String {
    match d.phone_display(w.lang) {
        Some(p) => format!("{}  {}", d.name.get(w.lang), w.kv("report.desks.phone", &p)),
        None => d.name.get(w.lang).to_string(),
    }
}
