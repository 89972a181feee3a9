//! The patent-or-secret decision's texts (`decision/open_close.ron`, see
//! [`crate::model::open_close`]), checked like the situation checklists: every criterion,
//! reason and suggestion parsed on its own with its place, each text in both languages, each
//! citation a seed document with a heading, each desk a known contact, and each of the
//! decision's criteria, reasons and suggestions worded exactly once.

use std::collections::HashSet;
use std::fmt::Debug;

use ron::value::RawValue;
use serde::Deserialize;

use super::source::{check_text, range_of, Loader, Span};
use super::{check_source, options, DOC};
use crate::model::diag::from_ron_error;
use crate::model::open_close::{
    Criterion, CriterionText, Reason, ReasonText, Suggestion, SuggestionText,
};
use crate::model::schema::Bundle;

/// Where the decision's texts are, relative to the folder.
pub(super) const DECISION: &str = "decision/open_close.ron";

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "OpenCloseGuide")]
struct RawGuide<'a> {
    contacts: Vec<String>,
    #[serde(borrow)]
    criteria: Vec<&'a RawValue>,
    #[serde(borrow)]
    reasons: Vec<&'a RawValue>,
    #[serde(borrow)]
    suggestions: Vec<&'a RawValue>,
}

/// Checks the file `file` (the folder's [`DECISION`]) against the loaded `bundle`.
pub(super) fn check(loader: &mut Loader, file: usize, bundle: &Bundle) {
    let text = loader.files[file].text.clone();
    let raw = match options().from_str::<RawGuide>(&text) {
        Ok(raw) => raw,
        Err(e) => {
            let d = from_ron_error(&loader.files[file].shown, &text, 0, &e, DOC);
            loader.diags.push(d);
            return;
        }
    };
    let whole = Span {
        file,
        start: 0,
        end: text.len(),
    };
    contacts(loader, whole, &raw.contacts, bundle);
    let ranges = |list: &[&RawValue]| -> Vec<(usize, usize)> {
        list.iter().map(|r| range_of(&text, r)).collect()
    };
    let criteria = loader.parse_items::<CriterionText>(file, &ranges(&raw.criteria));
    for (c, span) in &criteria {
        let what = format!("criterion {:?}", c.criterion);
        check_text(loader, *span, &["question:"], &what, &c.question);
        check_text(loader, *span, &["help:"], &what, &c.help);
        check_source(loader, *span, &what, &c.source);
    }
    let reasons = loader.parse_items::<ReasonText>(file, &ranges(&raw.reasons));
    for (r, span) in &reasons {
        let what = format!("reason {:?}", r.reason);
        check_text(loader, *span, &["text:"], &what, &r.text);
        check_source(loader, *span, &what, &r.source);
    }
    let suggestions = loader.parse_items::<SuggestionText>(file, &ranges(&raw.suggestions));
    for (s, span) in &suggestions {
        let what = format!("suggestion {:?}", s.suggestion);
        check_text(loader, *span, &["title:"], &what, &s.title);
        check_text(loader, *span, &["next_step:"], &what, &s.next_step);
        check_source(loader, *span, &what, &s.source);
    }
    // A list whose items failed to parse is not reported as incomplete as well.
    let parsed_all = criteria.len() == raw.criteria.len()
        && reasons.len() == raw.reasons.len()
        && suggestions.len() == raw.suggestions.len();
    if parsed_all {
        let c: Vec<_> = criteria.iter().map(|(c, s)| (c.criterion, *s)).collect();
        once(
            loader,
            whole,
            ("criteria:", "criterion"),
            &Criterion::ALL,
            &c,
        );
        let r: Vec<_> = reasons.iter().map(|(r, s)| (r.reason, *s)).collect();
        once(loader, whole, ("reasons:", "reason"), &Reason::ALL, &r);
        let s: Vec<_> = suggestions
            .iter()
            .map(|(x, s)| (x.suggestion, *s))
            .collect();
        once(
            loader,
            whole,
            ("suggestions:", "suggestion"),
            &Suggestion::ALL,
            &s,
        );
    }
}

/// The desks named for 権利化/秘匿化: at least one, each a contact of `contacts.ron`.
fn contacts(loader: &mut Loader, whole: Span, ids: &[String], bundle: &Bundle) {
    if ids.is_empty() {
        let m = "the patent-or-secret decision names no desk to call".to_string();
        loader.report(whole, &["contacts:"], m, "Add at least one contact id");
    }
    let known: HashSet<&str> = bundle
        .contacts
        .iter()
        .map(|c| c.id.as_str())
        .chain(loader.broken_ids.iter().map(String::as_str))
        .collect();
    let unknown: Vec<String> = ids
        .iter()
        .filter(|id| !known.contains(id.as_str()))
        .cloned()
        .collect();
    for id in unknown {
        let needle = format!("\"{id}\"");
        loader.report(
            whole,
            &["contacts:", &needle],
            format!(
                "the patent-or-secret decision links to the contact '{id}', which does not exist"
            ),
            "Use an id defined in contacts.ron",
        );
    }
}

/// Each of `all` worded exactly once in the list `field`.
fn once<T: Copy + PartialEq + Debug>(
    loader: &mut Loader,
    whole: Span,
    (field, kind): (&str, &str),
    all: &[T],
    found: &[(T, Span)],
) {
    for x in all {
        let spans: Vec<Span> = found
            .iter()
            .filter(|(y, _)| y == x)
            .map(|(_, s)| *s)
            .collect();
        if spans.is_empty() {
            loader.report(
                whole,
                &[field],
                format!("the patent-or-secret decision has no text for the {kind} {x:?}"),
                &format!("Add a {kind} entry for {x:?} to {field} (see {DOC})"),
            );
        }
        for span in spans.iter().skip(1) {
            loader.report(
                *span,
                &[],
                format!("the {kind} {x:?} is worded twice"),
                &format!("Keep one {kind} entry for {x:?}"),
            );
        }
    }
}
