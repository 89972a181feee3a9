//! The checks run on a parsed questionnaire, each a named function over the bundle and the
//! places of its items. [`CHECKS`] lists them in the order their problems are reported:
//! adding a check is writing one function and adding it there.

use std::collections::HashSet;

use super::cycles::condition_cycles;
use super::source::{check_text, Known, Loader, Span, Spans};
use super::{MAX_CHECKLIST_WEIGHT, MIN_CHECKLIST_WEIGHT};
use crate::model::schema::{
    Advice, Bundle, Checklist, ChecklistKind, Condition, Contact, Question, SourceRef, SEED_FILES,
};

/// A check: reports every problem it finds through the loader.
type Check = fn(&mut Loader, &Bundle, &Spans, &Known);

/// Every check, in the order its problems are listed.
const CHECKS: &[Check] = &[
    duplicate_ids,
    checklists,
    condition_cycles,
    advice_entries,
    contacts,
    super::plan_fields::plan_fields,
];

/// Runs every check of [`CHECKS`].
pub(super) fn validate(loader: &mut Loader, bundle: &Bundle, spans: &Spans) {
    let known = Known::new(loader, bundle, spans);
    for check in CHECKS {
        check(loader, bundle, spans, &known);
    }
}

/// Lower-case ASCII letters, digits and `_`, 1–64 long.
pub(super) fn is_simple_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The kind of item whose ids must be unique.
struct IdKind {
    /// As in "the question id 'x' is used twice".
    name: &'static str,
    /// As in "Give each question its own id".
    noun: &'static str,
    /// Point at the id's value, not only at `id:` (a question's span is the question itself;
    /// the other spans start at their own `id:`).
    at_value: bool,
}

/// Reports every id used a second time.
fn report_duplicates<'a>(
    loader: &mut Loader,
    kind: &IdKind,
    items: impl IntoIterator<Item = (&'a str, Span)>,
) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (id, span) in items {
        if seen.insert(id) {
            continue;
        }
        let value = format!("\"{id}\"");
        let needles: &[&str] = if kind.at_value {
            &["id:", &value]
        } else {
            &["id:"]
        };
        loader.report(
            span,
            needles,
            format!("the {} id '{id}' is used twice", kind.name),
            &format!("Give each {} its own id", kind.noun),
        );
    }
}

/// Question, checklist, advice and contact ids are each unique.
fn duplicate_ids(loader: &mut Loader, bundle: &Bundle, spans: &Spans, _: &Known) {
    let question = IdKind {
        name: "question",
        noun: "question",
        at_value: true,
    };
    let questions = spans.questions.iter().map(|(id, s)| (id.as_str(), *s));
    report_duplicates(loader, &question, questions);
    let checklist = IdKind {
        name: "checklist",
        noun: "checklist",
        at_value: false,
    };
    let checklists = bundle.checklists.iter().map(|c| c.id.as_str());
    report_duplicates(
        loader,
        &checklist,
        checklists.zip(spans.checklists.iter().copied()),
    );
    let advice = IdKind {
        name: "advice",
        noun: "advice entry",
        at_value: false,
    };
    let entries = bundle.advice.iter().map(|a| a.id.as_str());
    report_duplicates(loader, &advice, entries.zip(spans.advice.iter().copied()));
    let contact = IdKind {
        name: "contact",
        noun: "contact",
        at_value: false,
    };
    let contacts = bundle.contacts.iter().map(|c| c.id.as_str());
    report_duplicates(
        loader,
        &contact,
        contacts.zip(spans.contacts.iter().copied()),
    );
}

/// What a link points to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LinkKind {
    Advice,
    Contact,
}

/// Reports links (in `field`) to ids that do not exist.
fn check_links(
    loader: &mut Loader,
    known: &Known,
    (span, what, field): (Span, &str, &str),
    ids: &[String],
    kind: LinkKind,
) {
    let (set, name, file) = match kind {
        LinkKind::Advice => (&known.advice, "advice", "advice/*.ron"),
        LinkKind::Contact => (&known.contacts, "contact", "contacts.ron"),
    };
    for id in ids {
        if !set.contains(id) {
            let needle = format!("\"{id}\"");
            loader.report(
                span,
                &[field, &needle],
                format!("{what} links to the {name} '{id}', which does not exist"),
                &format!("Use an id defined in {file}"),
            );
        }
    }
}

/// Reports a condition naming an unknown question, a question in `forbidden` (the item it
/// hides), or an empty list.
fn check_condition(
    loader: &mut Loader,
    known: &Known,
    (span, what): (Span, &str),
    cond: &Condition,
    forbidden: &[&str],
) {
    for q in cond.questions() {
        let needle = format!("\"{q}\"");
        if !known.questions.contains(q) {
            loader.report(
                span,
                &["applies_if:", &needle],
                format!("{what}: the condition names the question '{q}', which does not exist"),
                "Name an existing question id (e.g. screen.licensing)",
            );
        } else if forbidden.contains(&q) {
            loader.report(
                span,
                &["applies_if:", &needle],
                format!("{what}: the condition names '{q}', which it would hide itself"),
                "A condition must depend on a question outside the item it hides",
            );
        }
    }
    fn empty(c: &Condition) -> bool {
        match c {
            Condition::AnswerIn { any_of, .. } => any_of.is_empty(),
            Condition::All(v) | Condition::Any(v) => v.is_empty() || v.iter().any(empty),
        }
    }
    if empty(cond) {
        loader.report(
            span,
            &["applies_if:"],
            format!("{what}: the condition has an empty list"),
            "List at least one answer or condition",
        );
    }
}

/// Every checklist, then its questions.
fn checklists(loader: &mut Loader, bundle: &Bundle, spans: &Spans, known: &Known) {
    for (c, &span) in bundle.checklists.iter().zip(&spans.checklists) {
        checklist(loader, known, span, c);
        for q in &c.questions {
            if let Some(&qspan) = spans.first_question.get(&q.id) {
                question(loader, known, qspan, c, q);
            }
        }
    }
}

fn checklist(loader: &mut Loader, known: &Known, span: Span, c: &Checklist) {
    let what = format!("checklist '{}'", c.id);
    if !is_simple_id(&c.id) {
        loader.report(
            span,
            &["id:"],
            format!("{what}: the id is not valid"),
            "Use lower-case letters, digits and _ (e.g. rules)",
        );
    }
    if !(MIN_CHECKLIST_WEIGHT..=MAX_CHECKLIST_WEIGHT).contains(&c.weight) {
        loader.report(
            span,
            &["weight:"],
            format!(
                "{what}: weight {} is outside {MIN_CHECKLIST_WEIGHT}–{MAX_CHECKLIST_WEIGHT}",
                c.weight
            ),
            "Use a weight such as 1.0 (0.1 to 10; see docs/questionnaire-format.md)",
        );
    }
    if c.kind == ChecklistKind::Quick && c.consult.is_none() {
        loader.report(
            span,
            &["consult:"],
            format!("{what}: a Quick checklist needs a consultation rule"),
            "Add consult: Some((contacts: [...], advice: \"...\")): without it no desk is ever recommended",
        );
    }
    check_text(loader, span, &["title:"], &what, &c.title);
    check_text(loader, span, &["summary:"], &what, &c.summary);
    if let Some(cond) = &c.applies_if {
        let own: Vec<&str> = c.questions.iter().map(|q| q.id.as_str()).collect();
        check_condition(loader, known, (span, &what), cond, &own);
    }
    if let Some(rule) = &c.consult {
        if c.kind != ChecklistKind::Quick {
            loader.report(
                span,
                &["consult:"],
                format!("{what}: only a Quick checklist can have a consultation rule"),
                "Set consult: None, or kind: Quick",
            );
        }
        let at = (span, what.as_str(), "consult:");
        check_links(loader, known, at, &rule.contacts, LinkKind::Contact);
        let advice = std::slice::from_ref(&rule.advice);
        check_links(loader, known, at, advice, LinkKind::Advice);
        if rule.contacts.is_empty() {
            loader.report(
                span,
                &["consult:"],
                format!("{what}: the consultation rule names no desk"),
                "List at least one contact id",
            );
        }
    }
    if c.questions.is_empty() {
        loader.report(
            span,
            &["questions:"],
            format!("{what} has no questions"),
            "Add at least one question",
        );
    }
}

fn question(loader: &mut Loader, known: &Known, span: Span, c: &Checklist, q: &Question) {
    let what = format!("question '{}'", q.id);
    let valid =
        q.id.split_once('.')
            .is_some_and(|(pre, name)| pre == c.id && is_simple_id(name));
    if !valid {
        loader.report(
            span,
            &["id:"],
            format!("{what}: the id must be '{}.<name>'", c.id),
            "Start the id with the checklist id and a dot; use lower-case letters, digits and _",
        );
    }
    check_text(loader, span, &["text:"], &what, &q.text);
    check_text(loader, span, &["help:"], &what, &q.help);
    if q.opens_inventory && c.kind != ChecklistKind::Detailed {
        loader.report(
            span,
            &["opens_inventory:"],
            format!("{what}: only a question of a Detailed checklist can open the information inventory"),
            "Remove opens_inventory, or move the question to a detailed checklist",
        );
    }
    check_source(loader, span, &what, &q.source);
    if let Some(cond) = &q.applies_if {
        check_condition(loader, known, (span, &what), cond, &[q.id.as_str()]);
    }
    check_links(
        loader,
        known,
        (span, &what, "advice:"),
        &q.advice,
        LinkKind::Advice,
    );
    check_links(
        loader,
        known,
        (span, &what, "contacts:"),
        &q.contacts,
        LinkKind::Contact,
    );
    if c.kind != ChecklistKind::Screening {
        scored_question(loader, span, &what, q);
    }
}

/// A scored question has a weight of 1–3 and leads to advice.
fn scored_question(loader: &mut Loader, span: Span, what: &str, q: &Question) {
    if !(1..=3).contains(&q.weight) {
        loader.report(
            span,
            &["weight:"],
            format!("{what}: weight {} is outside 1–3", q.weight),
            "Use 1 (useful), 2 (important) or 3 (essential)",
        );
    }
    if q.advice.is_empty() {
        loader.report(
            span,
            &["advice:"],
            format!("{what} links to no advice"),
            "Add at least one advice id, so a weak answer leads somewhere",
        );
    }
}

/// Every advice entry.
fn advice_entries(loader: &mut Loader, bundle: &Bundle, spans: &Spans, known: &Known) {
    for (a, &span) in bundle.advice.iter().zip(&spans.advice) {
        advice(loader, known, span, a);
    }
}

fn advice(loader: &mut Loader, known: &Known, span: Span, a: &Advice) {
    let what = format!("advice '{}'", a.id);
    if !is_simple_id(&a.id) {
        loader.report(
            span,
            &["id:"],
            format!("{what}: the id is not valid"),
            "Use lower-case letters, digits and _",
        );
    }
    if let Some(n) = a.case_no {
        if !(1..=4).contains(&n) || a.id != format!("case{n:02}") {
            loader.report(
                span,
                &["case_no:"],
                format!("{what}: case_no {n} does not fit the id"),
                "Cases are case01–case04 with case_no Some(1)–Some(4)",
            );
        }
    }
    check_text(loader, span, &["title:"], &what, &a.title);
    check_text(loader, span, &["problem:"], &what, &a.problem);
    check_text(loader, span, &["first_step:"], &what, &a.first_step);
    for (k, t) in a.actions.iter().enumerate() {
        let mut needles = vec!["actions:"];
        needles.extend(std::iter::repeat_n("(", k + 1));
        check_text(
            loader,
            span,
            &needles,
            &format!("{what} action {}", k + 1),
            t,
        );
    }
    if a.actions.len() < 2 {
        loader.report(
            span,
            &["actions:"],
            format!("{what} lists fewer than two actions"),
            "List the key points as at least two actions",
        );
    }
    if a.contacts.is_empty() {
        loader.report(
            span,
            &["contacts:"],
            format!("{what} names no desk"),
            "Add at least one contact id",
        );
    }
    check_links(
        loader,
        known,
        (span, &what, "contacts:"),
        &a.contacts,
        LinkKind::Contact,
    );
    check_source(loader, span, &what, &a.source);
}

/// Every contact.
fn contacts(loader: &mut Loader, bundle: &Bundle, spans: &Spans, known: &Known) {
    for (c, &span) in bundle.contacts.iter().zip(&spans.contacts) {
        contact(loader, known, span, c);
    }
}

fn contact(loader: &mut Loader, _: &Known, span: Span, c: &Contact) {
    let what = format!("contact '{}'", c.id);
    if !is_simple_id(&c.id) {
        loader.report(
            span,
            &["id:"],
            format!("{what}: the id is not valid"),
            "Use lower-case letters, digits and _",
        );
    }
    check_text(loader, span, &["name:"], &what, &c.name);
    check_text(loader, span, &["organisation:"], &what, &c.organisation);
    check_text(loader, span, &["handles:"], &what, &c.handles);
    if let Some(h) = &c.hours {
        check_text(loader, span, &["hours:"], &what, h);
    }
    if let Some(n) = &c.note {
        check_text(loader, span, &["note:"], &what, n);
    }
    contact_reach(loader, span, &what, c);
    if c.source_date.trim().is_empty() {
        loader.report(
            span,
            &["source_date:"],
            format!("{what}: source_date is empty"),
            "Give the source document's date, e.g. \"2020\"",
        );
    }
    check_as_of(loader, span, &what, c);
    check_source(loader, span, &what, &c.source);
}

/// A contact's `as_of` is filled in and names the year of its `source_date`, so users see how
/// old the details are.
fn check_as_of(loader: &mut Loader, span: Span, what: &str, c: &Contact) {
    check_text(loader, span, &["as_of:"], what, &c.as_of);
    let year: String = c.source_date.chars().take(4).collect();
    let is_year = year.len() == 4 && year.chars().all(|ch| ch.is_ascii_digit());
    if is_year && !(c.as_of.ja.contains(&year) && c.as_of.en.contains(&year)) {
        loader.report(
            span,
            &["as_of:"],
            format!("{what}: as_of does not name the year {year} of its source_date"),
            "Write the date the details come from in both languages, e.g. as_of: (ja: \"2019年のINPITリーフレットによる\", en: \"as given in INPIT's 2019 leaflet\")",
        );
    }
}

/// A contact has a well-formed phone number and extension, and some way to reach it.
fn contact_reach(loader: &mut Loader, span: Span, what: &str, c: &Contact) {
    let phone_ok = |p: &str| {
        !p.trim().is_empty()
            && p.chars()
                .all(|ch| ch.is_ascii_digit() || " -+()".contains(ch))
    };
    if c.phone.as_deref().is_some_and(|p| !phone_ok(p)) {
        loader.report(
            span,
            &["phone:"],
            format!(
                "{what}: the phone number may hold only digits, hyphens, spaces, + and parentheses"
            ),
            "Put an extension in extension: Some(\"3844\") and any remark in note",
        );
    }
    if c.extension
        .as_deref()
        .is_some_and(|e| e.is_empty() || !e.chars().all(|ch| ch.is_ascii_digit()))
    {
        loader.report(
            span,
            &["extension:"],
            format!("{what}: the extension must be digits only"),
            "Write it like extension: Some(\"3844\")",
        );
    }
    if c.phone.is_none() && c.email.is_none() && c.url.is_none() {
        loader.report(
            span,
            &["phone:"],
            format!("{what} has no phone, e-mail or web address"),
            "Give at least one way to reach the desk",
        );
    }
}

/// Reports a source that is not one of the seed documents, or has no heading.
pub(super) fn check_source(loader: &mut Loader, span: Span, what: &str, s: &SourceRef) {
    if !SEED_FILES.contains(&s.file.as_str()) {
        loader.report(
            span,
            &["source:", "file:"],
            format!(
                "{what}: source file '{}' is not one of the seed documents",
                s.file
            ),
            &format!("Use one of: {}", SEED_FILES.join(", ")),
        );
    }
    let listed = loader.source_files.as_ref();
    if SEED_FILES.contains(&s.file.as_str()) && listed.is_some_and(|l| !l.contains(&s.file)) {
        loader.report(
            span,
            &["source:", "file:"],
            format!("{what}: source file '{}' has no entry in sources.ron", s.file),
            "Add a Source entry for it to sources.ron (publisher, title, kind, year), so users see its title",
        );
    }
    if s.heading.trim().is_empty() {
        loader.report(
            span,
            &["source:", "heading:"],
            format!("{what}: the source heading is empty"),
            "Copy the heading of the passage this item comes from",
        );
    }
}
