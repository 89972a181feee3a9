//! The report's action plan, grouped by action: each action once, with the weak points it
//! closes — the serious ones as full blocks, the others as rows of a compact table — then
//! the to-confirm list.

use crate::model::assessment::Assessment;
use crate::model::plan::{Action, ActionPlan, Step};
use crate::model::scoring::{ScoreReport, Severity};
use crate::model::text::Lang;
use crate::model::words::Words;

use super::layout::{Column, Layout, Table, TextStyle};
use super::parts::{count, question_list, weak_points, Say, ITEM_GAP};

/// The action plan: a count of the weak points, then every action in order of importance.
pub(super) fn action_plan(
    l: &mut Layout,
    w: &Words,
    a: &Assessment,
    r: &ScoreReport,
    plan: &ActionPlan,
) {
    l.heading(w.s("report.plan"), 1);
    if plan.actions.is_empty() {
        l.paragraph(w.s("report.plan.none"), TextStyle::BODY);
        return;
    }
    l.paragraph(
        &w.fill(
            "report.findings.count",
            &[
                ("n", weak_points(r).to_string()),
                ("high", count(r, Severity::High).to_string()),
                ("medium", count(r, Severity::Medium).to_string()),
                ("low", count(r, Severity::Low).to_string()),
                ("actions", plan.actions.len().to_string()),
            ],
        ),
        TextStyle::BODY,
    );
    l.paragraph(w.s("report.plan.help"), TextStyle::SMALL);
    for (i, action) in plan.actions.iter().enumerate() {
        action_block(l, w, a, i + 1, action);
    }
}

/// One action: its title, priority, what to read and lines for who and by when; then its
/// serious weak points in full and the others in a table.
fn action_block(l: &mut Layout, w: &Words, a: &Assessment, no: usize, action: &Action) {
    l.heading(&format!("{no}. {}", action.title.get(w.lang)), 2);
    let mut meta = vec![
        w.kv("plan.priority", &w.severity(action.severity)),
        w.fill("plan.closes", &[("n", action.steps.len().to_string())]),
    ];
    if let Some(adv) = w.bundle.advice(&action.advice_id) {
        meta.push(w.kv("plan.read", adv.title.get(w.lang)));
    }
    meta.push(w.owned("report.plan.write_in"));
    l.paragraph(&meta.join("  /  "), TextStyle::SMALL);
    let first = action.first_step();
    l.paragraph(
        &w.kv(first.kind.string_key(), first.text.get(w.lang)),
        TextStyle::BODY,
    );
    for step in action.steps.iter().filter(|s| s.severity == Severity::High) {
        l.keep_together(|l| finding(l, w, a, step, first));
    }
    let rows: Vec<Vec<String>> = action
        .steps
        .iter()
        .filter(|s| s.severity != Severity::High)
        .filter_map(|s| Some(vec![format!("[{}] {}", tag(w, s), row_text(w, s, first)?)]))
        .collect();
    if !rows.is_empty() {
        l.table(
            &Table {
                columns: vec![Column {
                    title: w.owned("report.plan.finding"),
                    share: 1.0,
                }],
                rows,
                min_row_height: 0.0,
                no_header: false,
            },
            TextStyle::SMALL,
        );
    }
    l.space(ITEM_GAP);
}

/// One serious weak point in full: the question with its answer, why it matters,
/// its own step (unless it is the action's first step, printed just above) and the user's
/// note. Laid out inside [`Layout::keep_together`].
fn finding(l: &mut Layout, w: &Words, a: &Assessment, s: &Step, first: &Step) {
    let indent = 12.0;
    let Some(what) = what(w, s) else {
        return;
    };
    let style = TextStyle::SMALL;
    l.paragraph_indented(&format!("[{}] {what}", tag(w, s)), TextStyle::STRONG, 0.0);
    if let Some((_, q)) = w.bundle.question(&s.question_id) {
        l.paragraph_indented(&w.kv("report.why", q.help.get(w.lang)), style, indent);
    }
    if s.text.get(w.lang) != first.text.get(w.lang) {
        l.paragraph_indented(
            &w.kv(s.kind.string_key(), s.text.get(w.lang)),
            style,
            indent,
        );
    }
    if let Some(note) = a
        .answers
        .get(&s.question_id)
        .map(|e| e.note.trim())
        .filter(|n| !n.is_empty())
    {
        l.paragraph_indented(&w.kv("report.note", note), style, indent);
    }
    l.space(ITEM_GAP / 2.0);
}

/// What a step is about: its question, or for a step of the disclosure ledger the warning
/// (the step's own text names the partner and what was given).
fn what(w: &Words, s: &Step) -> Option<String> {
    match &s.ledger {
        Some(f) => Some(w.owned(&f.warning.string_key())),
        None => {
            let (_, q) = w.bundle.question(&s.question_id)?;
            Some(q.text.get(w.lang).to_string())
        }
    }
}

/// A medium or low step as a table row: the question with its own first step (unless that is
/// the action's first step, printed above the table), or the ledger's warning with its step
/// (which names the partner and what was given).
fn row_text(w: &Words, s: &Step, first: &Step) -> Option<String> {
    let what = what(w, s)?;
    let step = s.text.get(w.lang);
    Some(match s.ledger {
        Some(_) => format!("{what} — {step}"),
        None if step == first.text.get(w.lang) => what,
        None => format!("{what} → {step}"),
    })
}

/// A finding's severity and answer, e.g. 「高・いいえ」, "High, No"; a ledger step has no
/// answer, only its severity.
fn tag(w: &Words, s: &Step) -> String {
    if s.ledger.is_some() {
        return w.severity(s.severity);
    }
    let sep = match w.lang {
        Lang::Ja => "・",
        Lang::En => ", ",
    };
    format!("{}{sep}{}", w.severity(s.severity), w.answer(s.answer))
}

/// The section of what to confirm and review: the "don't know" answers with how to find out
/// and the flagged ones (one line when there are none), then what is unanswered.
pub(super) fn to_confirm(l: &mut Layout, w: &Words, r: &ScoreReport, plan: &ActionPlan) {
    l.heading(w.s("report.confirm"), 1);
    if plan.to_confirm.is_empty() && r.review_later.is_empty() {
        l.paragraph(w.s("report.confirm.nothing"), TextStyle::BODY);
    } else {
        confirm_lists(l, w, r, plan);
    }
    for (key, n) in [
        ("report.confirm.unanswered", r.unanswered.len()),
        ("report.orphans", r.orphan_answers.len()),
    ] {
        if n > 0 {
            l.paragraph(&w.fill(key, &[("n", n.to_string())]), TextStyle::BODY);
        }
    }
}

/// The "don't know" answers with how to find out, then the flagged ones.
fn confirm_lists(l: &mut Layout, w: &Words, r: &ScoreReport, plan: &ActionPlan) {
    l.heading(w.s("report.confirm.unknown"), 2);
    if plan.to_confirm.is_empty() {
        l.paragraph(w.s("report.confirm.none"), TextStyle::BODY);
    } else {
        let items: Vec<String> = plan
            .to_confirm
            .iter()
            .filter_map(|t| {
                let (_, q) = w.bundle.question(&t.question_id)?;
                // A scored question's find-out step is in the action plan already; a
                // screening question's only here.
                Some(match t.screening {
                    true => format!(
                        "{} — {}",
                        q.text.get(w.lang),
                        w.kv("plan.step.find_out", t.find_out.get(w.lang))
                    ),
                    false => q.text.get(w.lang).to_string(),
                })
            })
            .collect();
        l.bullets(&items, TextStyle::SMALL);
    }
    l.heading(w.s("report.confirm.review"), 2);
    if r.review_later.is_empty() {
        l.paragraph(w.s("report.confirm.none"), TextStyle::BODY);
    } else {
        l.bullets(&question_list(w, &r.review_later), TextStyle::BODY);
    }
}
