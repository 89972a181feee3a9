//! Parsing a questionnaire folder into a [`Bundle`]: every file on its own, every list item
//! on its own, with the place ([`Span`]) of each item kept for the checks' messages.

use std::collections::{BTreeMap, HashMap};

use ron::value::RawValue;
use serde::Deserialize;

use super::checks::{check_source, is_simple_id, validate};
use super::source::check_text;
use super::source::{options, range_of, scan_id, Loader, Span, Spans, SrcFile};
use super::{
    embedded_string_keys, situations, LoadOutcome, DOC, EMBEDDED_PREFIX, REQUIRED_STRINGS,
};
use crate::model::diag::{decode_text, from_ron_error, Diagnostic};
use crate::model::inventory::CategorySuggestions;
use crate::model::schema::{
    Advice, Bundle, Checklist, ChecklistKind, Condition, ConsultRule, Contact, Question,
    Questionnaire,
};
use crate::model::text::Text;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Checklist")]
struct RawChecklist<'a> {
    id: String,
    order: u32,
    kind: ChecklistKind,
    weight: f64,
    title: Text,
    summary: Text,
    applies_if: Option<Condition>,
    consult: Option<ConsultRule>,
    #[serde(default)]
    find_out: Option<Text>,
    #[serde(borrow)]
    questions: Vec<&'a RawValue>,
}

/// The files being loaded: the loader with their texts, and their relative paths.
struct Files {
    loader: Loader,
    rel: Vec<String>,
}

impl Files {
    fn find(&self, name: &str) -> Option<usize> {
        self.rel.iter().position(|r| r == name)
    }

    /// Indexes of the files under `dir/`, in reading order.
    fn under(&self, dir: &str) -> Vec<usize> {
        (0..self.rel.len())
            .filter(|&i| self.rel[i].starts_with(dir))
            .collect()
    }

    fn whole(&self, file: usize) -> Span {
        Span {
            file,
            start: 0,
            end: self.loader.files[file].text.len(),
        }
    }

    /// Reports a missing file or folder at `{prefix}{name}`.
    fn missing(&mut self, prefix: &str, name: &str, message: String, hint: String) {
        self.loader.diags.push(Diagnostic {
            file: format!("{prefix}{name}"),
            line: 1,
            col: 1,
            message,
            hint,
        });
    }
}

/// Loads from `(relative path, shown name, bytes)` triples.
pub(super) fn load_files(files: Vec<(String, String, Vec<u8>)>, prefix: &str) -> LoadOutcome {
    let mut f = Files {
        loader: Loader::new(),
        rel: Vec::new(),
    };
    for (rel, shown, bytes) in files {
        match decode_text(&shown, &bytes) {
            Ok(text) => {
                f.loader.files.push(SrcFile { shown, text });
                f.rel.push(rel);
            }
            Err(d) => f.loader.diags.push(d),
        }
    }
    required_files(&mut f, prefix);
    let mut bundle = Bundle {
        questionnaire: questionnaire(&mut f),
        strings: strings(&mut f, prefix),
        ..Bundle::default()
    };
    let mut spans = Spans {
        checklists: Vec::new(),
        questions: Vec::new(),
        first_question: HashMap::new(),
        advice: Vec::new(),
        contacts: Vec::new(),
    };
    let sources_file = f.find("sources.ron");
    let source_spans = super::sources::parse(&mut f.loader, sources_file, &mut bundle);
    contacts(&mut f, &mut bundle, &mut spans);
    advice(&mut f, prefix, &mut bundle, &mut spans);
    checklists(&mut f, prefix, &mut bundle, &mut spans);
    let situation_spans = situations::parse(&mut f.loader, &f.rel, &mut bundle);
    bundle.inventory_suggestions = inventory_suggestions(&mut f);
    validate(&mut f.loader, &bundle, &spans);
    situations::validate(&mut f.loader, &mut bundle, &situation_spans);
    if let Some(i) = f.find(super::decision::DECISION) {
        super::decision::check(&mut f.loader, i, &bundle);
    }
    super::sources::validate(&mut f.loader, &bundle, &source_spans);
    sort(&mut bundle);
    LoadOutcome {
        bundle,
        diagnostics: f.loader.diags,
    }
}

/// Where the inventory's examples are, relative to the folder.
pub(super) const SUGGESTIONS: &str = "inventory/suggestions.ron";

/// The inventory's examples ([`SUGGESTIONS`]), each category's source and examples checked;
/// none when the folder has no such file or it does not parse (reported).
fn inventory_suggestions(f: &mut Files) -> Vec<CategorySuggestions> {
    let Some(i) = f.find(SUGGESTIONS) else {
        return Vec::new();
    };
    let Some(list) = f.loader.parse_whole::<Vec<CategorySuggestions>>(i) else {
        return Vec::new();
    };
    let span = f.whole(i);
    for c in &list {
        let what = format!("inventory examples of {:?}", c.category);
        check_source(&mut f.loader, span, &what, &c.source);
        if c.examples.is_empty() {
            f.loader.report(
                span,
                &["examples:"],
                format!("{what}: no examples"),
                "Give at least one example name, or leave the category out",
            );
        }
        for e in &c.examples {
            check_text(&mut f.loader, span, &["examples:"], &what, e);
        }
    }
    list
}

fn required_files(f: &mut Files, prefix: &str) {
    for required in [
        "questionnaire.ron",
        "strings.ron",
        "contacts.ron",
        "sources.ron",
    ] {
        let reported = f.loader.diags.iter().any(|d| d.file.ends_with(required));
        if f.find(required).is_none() && !reported {
            f.missing(
                prefix,
                required,
                format!("the folder has no {required}"),
                format!("Add {required} (see {DOC})"),
            );
        }
    }
}

fn questionnaire(f: &mut Files) -> Option<Questionnaire> {
    let i = f.find("questionnaire.ron")?;
    let q = f.loader.parse_whole::<Questionnaire>(i)?;
    let span = f.whole(i);
    if !is_simple_id(&q.id) {
        f.loader.report(
            span,
            &["id:"],
            format!("questionnaire id '{}' is not valid", q.id),
            "Use lower-case letters, digits and _",
        );
    }
    check_text(
        &mut f.loader,
        span,
        &["title:"],
        "questionnaire title",
        &q.title,
    );
    Some(q)
}

/// Strings: strings.ron plus any strings/*.ron, merged; a key defined twice is an error, and
/// so is a missing required key.
fn strings(f: &mut Files, prefix: &str) -> BTreeMap<String, Text> {
    let mut strings = BTreeMap::new();
    let mut first_span = None;
    let mut string_files: Vec<usize> = f.find("strings.ron").into_iter().collect();
    string_files.extend(f.under("strings/"));
    for i in string_files {
        let Some(map) = f.loader.parse_whole::<BTreeMap<String, Text>>(i) else {
            continue;
        };
        let span = f.whole(i);
        for (k, t) in map {
            let key = format!("\"{k}\"");
            check_text(&mut f.loader, span, &[&key], &format!("string '{k}'"), &t);
            if strings.contains_key(&k) {
                f.loader.report(
                    span,
                    &[&key],
                    format!("the string '{k}' is defined in two files"),
                    "Keep one definition",
                );
            }
            strings.insert(k, t);
        }
        first_span.get_or_insert(span);
    }
    if let Some(span) = first_span {
        missing_strings(&mut f.loader, span, prefix, &strings);
    }
    strings
}

fn missing_strings(
    loader: &mut Loader,
    span: Span,
    prefix: &str,
    strings: &BTreeMap<String, Text>,
) {
    let mut required: Vec<String> = REQUIRED_STRINGS.iter().map(|k| k.to_string()).collect();
    if prefix != EMBEDDED_PREFIX {
        // A folder must have every string the built-in questionnaires have.
        required.extend(embedded_string_keys().iter().cloned());
    }
    required.sort();
    required.dedup();
    for key in required {
        if !strings.contains_key(&key) {
            loader.report(
                span,
                &[],
                format!("the string '{key}' is missing"),
                "Add it with its Japanese and English text (copy it from the built-in questionnaires/strings files); the program shows it",
            );
        }
    }
}

fn contacts(f: &mut Files, bundle: &mut Bundle, spans: &mut Spans) {
    let Some(i) = f.find("contacts.ron") else {
        return;
    };
    if let Some(ranges) = f.loader.list_ranges(i) {
        for (c, span) in f.loader.parse_items::<Contact>(i, &ranges) {
            bundle.contacts.push(c);
            spans.contacts.push(span);
        }
    }
}

fn advice(f: &mut Files, prefix: &str, bundle: &mut Bundle, spans: &mut Spans) {
    let files = f.under("advice/");
    for &i in &files {
        if let Some(ranges) = f.loader.list_ranges(i) {
            for (a, span) in f.loader.parse_items::<Advice>(i, &ranges) {
                bundle.advice.push(a);
                spans.advice.push(span);
            }
        }
    }
    if files.is_empty() {
        f.missing(
            prefix,
            "advice/",
            "the folder has no advice files".into(),
            format!("Add advice/cases.ron and advice/topics.ron (see {DOC})"),
        );
    }
}

fn checklists(f: &mut Files, prefix: &str, bundle: &mut Bundle, spans: &mut Spans) {
    let files = f.under("checklists/");
    for &i in &files {
        if let Some(c) = checklist(&mut f.loader, i, spans) {
            bundle.checklists.push(c);
            spans.checklists.push(f.whole(i));
        }
    }
    if files.is_empty() {
        f.missing(
            prefix,
            "checklists/",
            "the folder has no checklists".into(),
            format!("Add at least one checklists/NN_name.ron (see {DOC})"),
        );
    }
}

/// One checklist file; its questions parse one by one.
fn checklist(loader: &mut Loader, i: usize, spans: &mut Spans) -> Option<Checklist> {
    let text = loader.files[i].text.clone();
    let raw = match options().from_str::<RawChecklist>(&text) {
        Ok(raw) => raw,
        Err(e) => {
            let d = from_ron_error(&loader.files[i].shown, &text, 0, &e, DOC);
            loader.diags.push(d);
            // Its question ids are not reported again as unknown elsewhere.
            let mut rest = text.as_str();
            while let Some(id) = scan_id(rest) {
                loader.broken_ids.insert(id);
                match rest.find("id:") {
                    Some(k) => rest = &rest[k + 3..],
                    None => break,
                }
            }
            return None;
        }
    };
    let ranges: Vec<(usize, usize)> = raw.questions.iter().map(|r| range_of(&text, r)).collect();
    let mut questions = Vec::new();
    for (q, span) in loader.parse_items::<Question>(i, &ranges) {
        spans.questions.push((q.id.clone(), span));
        spans.first_question.entry(q.id.clone()).or_insert(span);
        questions.push(q);
    }
    Some(Checklist {
        id: raw.id,
        order: raw.order,
        kind: raw.kind,
        weight: raw.weight,
        title: raw.title,
        summary: raw.summary,
        applies_if: raw.applies_if,
        consult: raw.consult,
        find_out: raw.find_out,
        questions,
    })
}

/// Stable presentation order: checklists by order then id, advice by case number.
fn sort(bundle: &mut Bundle) {
    bundle
        .checklists
        .sort_by(|ca, cb| (ca.order, &ca.id).cmp(&(cb.order, &cb.id)));
    bundle
        .advice
        .sort_by_key(|a| a.case_no.map(u16::from).unwrap_or(u16::MAX));
}
