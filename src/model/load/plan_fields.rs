//! Checks of the fields the verdict and the action plan read: the optional first steps,
//! find-out texts and action titles (both languages), the prefectures a contact serves, and
//! that a consultation rule recommends only consultation desks.

use super::source::{check_text, Known};
use super::source::{Loader, Span, Spans};
use crate::model::region;
use crate::model::schema::{Bundle, Contact, ContactKind};

/// Checks the fields of the verdict and the action plan: the optional first steps, find-out
/// texts and action titles (both languages), the prefectures a contact serves, and that a
/// consultation rule recommends only consultation desks.
pub(super) fn plan_fields(loader: &mut Loader, bundle: &Bundle, spans: &Spans, _: &Known) {
    checklist_plan_fields(loader, bundle, spans);
    for (a, &span) in bundle.advice.iter().zip(&spans.advice) {
        if let Some(t) = &a.action {
            check_text(loader, span, &["action:"], &format!("advice '{}'", a.id), t);
        }
    }
    for (c, &span) in bundle.contacts.iter().zip(&spans.contacts) {
        contact_regions(loader, c, span);
    }
}

/// A checklist's `find_out`, its questions' `first_step` and `find_out`, and its
/// consultation rule's desks (consultation desks only).
fn checklist_plan_fields(loader: &mut Loader, bundle: &Bundle, spans: &Spans) {
    for (c, &cspan) in bundle.checklists.iter().zip(&spans.checklists) {
        let what = format!("checklist '{}'", c.id);
        if let Some(t) = &c.find_out {
            // The checklist's own find_out comes before its questions.
            let head = Span {
                end: loader.files[cspan.file].text[cspan.start..cspan.end]
                    .find("questions:")
                    .map_or(cspan.end, |i| cspan.start + i),
                ..cspan
            };
            check_text(loader, head, &["find_out:"], &what, t);
        }
        if let Some(rule) = &c.consult {
            for id in &rule.contacts {
                let info = bundle
                    .contact(id)
                    .is_some_and(|x| x.kind == ContactKind::Information);
                if info {
                    let needle = format!("\"{id}\"");
                    loader.report(
                        cspan,
                        &["consult:", &needle],
                        format!("{what}: the consultation rule recommends '{id}', an information contact"),
                        "Recommend only contacts of kind Consultation; information contacts are listed apart",
                    );
                }
            }
        }
        for q in &c.questions {
            let Some(&qspan) = spans.first_question.get(&q.id) else {
                continue;
            };
            let qwhat = format!("question '{}'", q.id);
            for (field, text) in [("first_step:", &q.first_step), ("find_out:", &q.find_out)] {
                if let Some(t) = text {
                    check_text(loader, qspan, &[field], &qwhat, t);
                }
            }
        }
    }
}

/// The prefectures a contact serves must be official names.
fn contact_regions(loader: &mut Loader, c: &Contact, span: Span) {
    for r in &c.regions {
        if region::canonical(r) == Some(r.as_str()) {
            continue;
        }
        let needle = format!("\"{r}\"");
        let hint = match region::canonical(r) {
            Some(name) => format!("Write the official name \"{name}\""),
            None => "Use official prefecture names such as \"大阪府\" or \"兵庫県\"; leave regions empty for a nationwide desk".to_string(),
        };
        loader.report(
            span,
            &["regions:", &needle],
            format!("contact '{}': '{r}' is not the name of a prefecture", c.id),
            &hint,
        );
    }
}
