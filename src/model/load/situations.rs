//! Situation checklists (`situations/*.ron`, one situation per file): parsed with the span of
//! every step and validated against the rest of the folder (see [`crate::model::situation`]).

use std::collections::HashSet;

use ron::value::RawValue;
use serde::Deserialize;

use super::{check_source, check_text, is_simple_id, options, range_of, Loader, Span, DOC};
use crate::model::diag::from_ron_error;
use crate::model::schema::{Bundle, SourceRef};
use crate::model::situation::{Situation, Step};
use crate::model::text::Text;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Situation")]
struct RawSituation<'a> {
    id: String,
    order: u32,
    title: Text,
    summary: Text,
    contacts: Vec<String>,
    source: SourceRef,
    #[serde(borrow)]
    steps: Vec<&'a RawValue>,
}

/// Where each loaded situation and each of its steps stands, parallel to `bundle.situations`.
#[derive(Default)]
pub(super) struct SituationSpans {
    whole: Vec<Span>,
    steps: Vec<Vec<Span>>,
    /// How many steps each file lists, parsed or not.
    listed: Vec<usize>,
}

/// Parses every `situations/*.ron` file into `bundle.situations`; a file that does not parse is
/// reported and left out, a step that does not parse is reported and left out of its situation.
pub(super) fn parse(loader: &mut Loader, rel_of: &[String], bundle: &mut Bundle) -> SituationSpans {
    let mut spans = SituationSpans::default();
    for (i, rel) in rel_of.iter().enumerate() {
        if !rel.starts_with("situations/") {
            continue;
        }
        let text = loader.files[i].text.clone();
        let raw = match options().from_str::<RawSituation>(&text) {
            Ok(raw) => raw,
            Err(e) => {
                let d = from_ron_error(&loader.files[i].shown, &text, 0, &e, DOC);
                loader.diags.push(d);
                continue;
            }
        };
        let ranges: Vec<(usize, usize)> = raw.steps.iter().map(|r| range_of(&text, r)).collect();
        let (steps, step_spans): (Vec<Step>, Vec<Span>) =
            loader.parse_items::<Step>(i, &ranges).into_iter().unzip();
        bundle.situations.push(Situation {
            id: raw.id,
            order: raw.order,
            title: raw.title,
            summary: raw.summary,
            contacts: raw.contacts,
            source: raw.source,
            steps,
        });
        spans.whole.push(Span {
            file: i,
            start: 0,
            end: text.len(),
        });
        spans.steps.push(step_spans);
        spans.listed.push(ranges.len());
    }
    spans
}

/// The ids a link may name: what loaded, plus the ids of items that failed to parse (their
/// error is reported already).
struct Known {
    advice: HashSet<String>,
    contacts: HashSet<String>,
    questions: HashSet<String>,
    /// Ids seen in items or files that failed to parse; a checklist file that failed as a
    /// whole leaves its own id here, and its questions are `<that id>.<name>`.
    broken: HashSet<String>,
}

impl Known {
    fn of(loader: &Loader, bundle: &Bundle) -> Known {
        let with_broken = |ids: Vec<String>| -> HashSet<String> {
            ids.into_iter()
                .chain(loader.broken_ids.iter().cloned())
                .collect()
        };
        Known {
            advice: with_broken(bundle.advice.iter().map(|a| a.id.clone()).collect()),
            contacts: with_broken(bundle.contacts.iter().map(|c| c.id.clone()).collect()),
            questions: with_broken(bundle.questions().map(|(_, q)| q.id.clone()).collect()),
            broken: loader.broken_ids.clone(),
        }
    }
}

/// Checks every situation and step, then sorts the situations by `order` and id.
pub(super) fn validate(loader: &mut Loader, bundle: &mut Bundle, spans: &SituationSpans) {
    let known = Known::of(loader, bundle);
    let mut seen_situations = HashSet::new();
    let mut seen_steps = HashSet::new();
    for (k, s) in bundle.situations.iter().enumerate() {
        let span = spans.whole[k];
        let what = format!("situation '{}'", s.id);
        if !is_simple_id(&s.id) {
            let hint = "Use lower-case letters, digits and _ (e.g. trade_show)";
            loader.report(span, &["id:"], format!("{what}: the id is not valid"), hint);
        }
        if !seen_situations.insert(s.id.clone()) {
            let m = format!("the situation id '{}' is used twice", s.id);
            loader.report(span, &["id:"], m, "Give each situation its own id");
        }
        check_text(loader, span, &["title:"], &what, &s.title);
        check_text(loader, span, &["summary:"], &what, &s.summary);
        check_source(loader, span, &what, &s.source);
        if s.contacts.is_empty() {
            let m = format!("{what} names no desk to call");
            loader.report(span, &["contacts:"], m, "Add at least one contact id");
        }
        links(
            loader,
            span,
            &what,
            "contacts:",
            &s.contacts,
            &known.contacts,
            "contact",
        );
        if spans.listed[k] == 0 {
            let m = format!("{what} has no steps");
            loader.report(span, &["steps:"], m, "Add at least one step");
        }
        for (step, &sspan) in s.steps.iter().zip(&spans.steps[k]) {
            check_step(loader, sspan, &s.id, step, &known);
            if !seen_steps.insert(step.id.clone()) {
                let needle = format!("\"{}\"", step.id);
                let m = format!("the step id '{}' is used twice", step.id);
                loader.report(sspan, &["id:", &needle], m, "Give each step its own id");
            }
        }
    }
    bundle
        .situations
        .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
}

fn check_step(loader: &mut Loader, span: Span, situation: &str, step: &Step, known: &Known) {
    let what = format!("step '{}'", step.id);
    let valid = step
        .id
        .split_once('.')
        .is_some_and(|(pre, name)| pre == situation && is_simple_id(name));
    if !valid {
        let m = format!("{what}: the id must be '{situation}.<name>'");
        let hint =
            "Start the id with the situation id and a dot; use lower-case letters, digits and _";
        loader.report(span, &["id:"], m, hint);
    }
    check_text(loader, span, &["text:"], &what, &step.text);
    check_text(loader, span, &["why:"], &what, &step.why);
    check_source(loader, span, &what, &step.source);
    if step.advice.is_empty() {
        let m = format!("{what} links to no case or topic");
        let hint = "Add at least one advice id, so the step says why";
        loader.report(span, &["advice:"], m, hint);
    }
    links(
        loader,
        span,
        &what,
        "advice:",
        &step.advice,
        &known.advice,
        "advice",
    );
    if let Some(link) = &step.answer {
        // A question of a checklist that failed to parse is not reported again.
        let checklist = link.question.split('.').next().unwrap_or("");
        if !known.broken.contains(checklist) {
            let q = std::slice::from_ref(&link.question);
            links(
                loader,
                span,
                &what,
                "answer:",
                q,
                &known.questions,
                "question",
            );
        }
        check_text(loader, span, &["answer:", "label:"], &what, &link.label);
    }
}

fn links(
    loader: &mut Loader,
    span: Span,
    what: &str,
    field: &str,
    ids: &[String],
    known: &HashSet<String>,
    kind: &str,
) {
    for id in ids.iter().filter(|id| !known.contains(*id)) {
        let needle = format!("\"{id}\"");
        let place = match kind {
            "contact" => "contacts.ron",
            "question" => "checklists/*.ron",
            _ => "advice/*.ron",
        };
        loader.report(
            span,
            &[field, &needle],
            format!("{what} links to the {kind} '{id}', which does not exist"),
            &format!("Use an id defined in {place}"),
        );
    }
}
