//! Loading and validating a questionnaire folder (embedded or on disk).
//!
//! Every file is parsed on its own, so one bad file never stops the others; every problem is
//! reported as a [`Diagnostic`] with `file:line:col`. A checklist whose RON does not parse is
//! left out; a question, advice entry or contact that does not parse is left out of its
//! file while the rest of the file loads. Semantic problems (dangling links, duplicate ids,
//! empty text …) are reported and the item is kept where that is harmless: a link to a
//! missing advice entry is simply not followed, a condition naming an unknown question never
//! hides anything.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use ron::value::RawValue;
use serde::Deserialize;

use super::diag::{decode_text, from_ron_error, line_col, Diagnostic};
use super::schema::{
    Advice, Bundle, Checklist, ChecklistKind, Condition, ConsultRule, Contact, Question,
    Questionnaire, SourceRef, SEED_FILES,
};
use super::text::Text;

mod situations;

const DOC: &str = "docs/questionnaire-format.md";

/// The shipped questionnaire folder, embedded at build time: `(relative path, bytes)`.
pub static EMBEDDED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// UI strings that the program looks up; a folder lacking one of them is reported.
pub const REQUIRED_STRINGS: &[&str] = &[
    "answer.yes",
    "answer.partly",
    "answer.no",
    "answer.unknown",
    "answer.na",
    "band.good",
    "band.needs_improvement",
    "band.action_needed",
    "band.none",
    "severity.high",
    "severity.medium",
    "severity.low",
    "status.not_started",
    "status.in_progress",
    "status.done",
    "status.not_applicable",
    "objective.access_control",
    "objective.hard_to_take_out",
    "objective.visibility",
    "objective.awareness",
    "objective.trust",
    "legal.secrecy_management",
    "legal.usefulness",
    "legal.non_public",
    "mode.self",
    "mode.adviser",
    "mode.workshop",
    "score.heading",
    "score.company",
    "score.date",
    "score.overall",
    "score.band_rule",
    "score.checklists",
    "score.answered",
    "score.objectives",
    "score.legal",
    "score.findings",
    "score.no_findings",
    "score.advice",
    "score.contact",
    "score.note",
    "score.to_confirm",
    "score.to_confirm_none",
    "score.review_later",
    "score.unanswered",
    "score.consult",
    "score.consult_none",
    "score.contacts",
    "score.orphans",
    "score.hours",
];

/// The result of loading a folder: whatever loaded, and every problem found.
#[derive(Debug, Default)]
pub struct LoadOutcome {
    /// What loaded (possibly partial when there are diagnostics).
    pub bundle: Bundle,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadOutcome {
    /// True when nothing is wrong.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Loads the questionnaires embedded in the binary.
pub fn load_embedded() -> LoadOutcome {
    let files = EMBEDDED
        .iter()
        .map(|(p, b)| (p.to_string(), format!("questionnaires/{p}"), b.to_vec()))
        .collect();
    load_files(files, EMBEDDED_PREFIX)
}

const EMBEDDED_PREFIX: &str = "questionnaires/";

/// Loads the built-in questionnaires with the file `rel` (a path relative to the folder, e.g.
/// `checklists/10_rules.ron`) replaced by `bytes`, or added when the folder has no such file.
///
/// This is the single-file entry to the loader: the fuzz targets and the bad-input tests feed
/// one file through the same parser and validation as a real folder.
pub fn load_embedded_with(rel: &str, bytes: &[u8]) -> LoadOutcome {
    let mut files: Vec<(String, String, Vec<u8>)> = EMBEDDED
        .iter()
        .filter(|(p, _)| *p != rel)
        .map(|(p, b)| (p.to_string(), format!("{EMBEDDED_PREFIX}{p}"), b.to_vec()))
        .collect();
    files.push((
        rel.to_string(),
        format!("{EMBEDDED_PREFIX}{rel}"),
        bytes.to_vec(),
    ));
    load_files(files, EMBEDDED_PREFIX)
}

/// Loads a questionnaire folder given in memory as `(relative path, bytes)` pairs (the layout
/// of `questionnaires/`); messages name the files by these paths. Used by the fuzz target,
/// which needs a small folder it can rebuild thousands of times a second.
pub fn load_memory(files: &[(&str, &[u8])]) -> LoadOutcome {
    let files = files
        .iter()
        .map(|(p, b)| (p.to_string(), p.to_string(), b.to_vec()))
        .collect();
    load_files(files, "")
}

/// Every string key of the built-in strings files (parsed once, then cached).
fn embedded_string_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        EMBEDDED
            .iter()
            .filter(|(p, _)| *p == "strings.ron" || p.starts_with("strings/"))
            .filter_map(|(_, b)| std::str::from_utf8(b).ok())
            .filter_map(|t| options().from_str::<BTreeMap<String, Text>>(t).ok())
            .flat_map(|m| m.into_keys())
            .collect()
    })
}

/// The most `.ron` files read from one questionnaire folder.
pub const MAX_FOLDER_FILES: usize = 1000;
/// The most bytes read from one questionnaire folder, all files together.
pub const MAX_FOLDER_BYTES: usize = 64 * 1024 * 1024;

/// Loads a questionnaire folder from disk (same layout as `questionnaires/`), reading at most
/// [`MAX_FOLDER_FILES`] files of at most 4 MiB each and [`MAX_FOLDER_BYTES`] in all.
pub fn load_dir(dir: &Path) -> LoadOutcome {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let shown = |rel: &str| dir.join(rel).display().to_string();
    if !dir.is_dir() {
        diagnostics.push(Diagnostic {
            file: dir.display().to_string(),
            line: 1,
            col: 1,
            message: "this is not a folder that can be read".into(),
            hint: "Name a folder laid out like questionnaires/ (questionnaire.ron, strings.ron, contacts.ron, checklists/, advice/)".into(),
        });
        return LoadOutcome {
            bundle: Bundle::default(),
            diagnostics,
        };
    }
    let mut rels: Vec<String> = Vec::new();
    for top in ["questionnaire.ron", "strings.ron", "contacts.ron"] {
        if dir.join(top).exists() {
            rels.push(top.to_string());
        }
    }
    for sub in ["checklists", "advice", "strings", "situations"] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ron"))
                .collect();
            names.sort();
            rels.extend(names.into_iter().map(|n| format!("{sub}/{n}")));
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut stray: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ron") && !rels.contains(n))
            .collect();
        stray.sort();
        for n in stray {
            diagnostics.push(Diagnostic {
                file: shown(&n),
                line: 1,
                col: 1,
                message: "mamori does not read this file".into(),
                hint: "Put a checklist under checklists/ and advice under advice/; the top level holds only questionnaire.ron, strings.ron and contacts.ron".into(),
            });
        }
    }
    if rels.len() > MAX_FOLDER_FILES {
        diagnostics.push(Diagnostic {
            file: dir.display().to_string(),
            line: 1,
            col: 1,
            message: format!(
                "the folder holds {} questionnaire files, more than the limit of {MAX_FOLDER_FILES}; only the first {MAX_FOLDER_FILES} are read",
                rels.len()
            ),
            hint: "Name a questionnaire folder, not a folder of other files".into(),
        });
        rels.truncate(MAX_FOLDER_FILES);
    }
    let mut total = 0usize;
    for rel in rels {
        if total > MAX_FOLDER_BYTES {
            diagnostics.push(Diagnostic {
                file: shown(&rel),
                line: 1,
                col: 1,
                message: format!(
                    "not read: the folder's files together are larger than {MAX_FOLDER_BYTES} bytes (64 MiB)"
                ),
                hint: "Name a questionnaire folder, not a folder of other files".into(),
            });
            continue;
        }
        match super::diag::read_limited(&dir.join(&rel)) {
            Ok(bytes) => {
                total += bytes.len();
                files.push((rel.clone(), shown(&rel), bytes))
            }
            Err(e) => diagnostics.push(Diagnostic {
                file: shown(&rel),
                line: 1,
                col: 1,
                message: format!("cannot read the file: {e}"),
                hint: "Check that the file exists and that you may read it".into(),
            }),
        }
    }
    let mut out = load_files(files, &format!("{}/", dir.display()));
    diagnostics.append(&mut out.diagnostics);
    out.diagnostics = diagnostics;
    out
}

/// A file's text and its name as shown to the user.
struct SrcFile {
    shown: String,
    text: String,
}

/// Where an item stands: file index and byte range.
#[derive(Clone, Copy)]
struct Span {
    file: usize,
    start: usize,
    end: usize,
}

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
    #[serde(borrow)]
    questions: Vec<&'a RawValue>,
}

struct Loader {
    files: Vec<SrcFile>,
    diags: Vec<Diagnostic>,
    /// Ids of items that failed to parse: links to them are not reported again.
    broken_ids: HashSet<String>,
}

impl Loader {
    fn push_at(&mut self, file: usize, offset: usize, message: String, hint: &str) {
        let f = &self.files[file];
        let (line, col) = line_col(&f.text, offset);
        self.diags.push(Diagnostic {
            file: f.shown.clone(),
            line,
            col,
            message,
            hint: hint.to_string(),
        });
    }

    /// Reports at the place inside `span` found by looking for each needle in turn; where a
    /// needle is not found, at the last place found.
    fn report(&mut self, span: Span, needles: &[&str], message: String, hint: &str) {
        let text = &self.files[span.file].text;
        let end = span.end.min(text.len());
        let mut at = span.start;
        for n in needles {
            match text[at..end].find(n) {
                Some(i) => at += i,
                None => break,
            }
        }
        self.push_at(span.file, at, message, hint);
    }

    fn parse_whole<T: for<'de> Deserialize<'de>>(&mut self, file: usize) -> Option<T> {
        let f = &self.files[file];
        match options().from_str::<T>(&f.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let d = from_ron_error(&f.shown, &f.text, 0, &e, DOC);
                self.diags.push(d);
                None
            }
        }
    }

    /// Parses every raw list element as `T`, keeping its span.
    fn parse_items<T: for<'de> Deserialize<'de>>(
        &mut self,
        file: usize,
        raws: &[(usize, usize)],
    ) -> Vec<(T, Span)> {
        let mut out = Vec::new();
        for &(start, end) in raws {
            let f = &self.files[file];
            match options().from_str::<T>(&f.text[start..end]) {
                Ok(v) => out.push((v, Span { file, start, end })),
                Err(e) => {
                    let d = from_ron_error(&f.shown, &f.text, start, &e, DOC);
                    if let Some(id) = scan_id(&f.text[start..end]) {
                        self.broken_ids.insert(id);
                    }
                    self.diags.push(d);
                }
            }
        }
        out
    }

    /// Parses a file holding a list, returning the byte ranges of its elements.
    fn list_ranges(&mut self, file: usize) -> Option<Vec<(usize, usize)>> {
        let text = &self.files[file].text;
        match options().from_str::<Vec<&RawValue>>(text) {
            Ok(raws) => Some(raws.iter().map(|r| range_of(text, r)).collect()),
            Err(e) => {
                let d = from_ron_error(&self.files[file].shown, text, 0, &e, DOC);
                self.diags.push(d);
                None
            }
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

/// The byte range of a borrowed raw value inside the text it was parsed from.
fn range_of(text: &str, raw: &RawValue) -> (usize, usize) {
    let s = raw.get_ron();
    let start = (s.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let start = start.min(text.len());
    (start, (start + s.len()).min(text.len()))
}

/// The value of the first `id: "…"` in a raw item, for items that failed to parse.
fn scan_id(raw: &str) -> Option<String> {
    let rest = &raw[raw.find("id:")? + 3..];
    let rest = rest.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

fn is_simple_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Loads from `(relative path, shown name, bytes)` triples.
fn load_files(files: Vec<(String, String, Vec<u8>)>, prefix: &str) -> LoadOutcome {
    let mut loader = Loader {
        files: Vec::new(),
        diags: Vec::new(),
        broken_ids: HashSet::new(),
    };
    let mut rel_of = Vec::new();
    for (rel, shown, bytes) in files {
        match decode_text(&shown, &bytes) {
            Ok(text) => {
                loader.files.push(SrcFile { shown, text });
                rel_of.push(rel);
            }
            Err(d) => loader.diags.push(d),
        }
    }
    let find = |name: &str| rel_of.iter().position(|r| r == name);
    let mut bundle = Bundle::default();

    for required in ["questionnaire.ron", "strings.ron", "contacts.ron"] {
        if find(required).is_none() && !loader.diags.iter().any(|d| d.file.ends_with(required)) {
            loader.diags.push(Diagnostic {
                file: format!("{prefix}{required}"),
                line: 1,
                col: 1,
                message: format!("the folder has no {required}"),
                hint: format!("Add {required} (see {DOC})"),
            });
        }
    }

    if let Some(i) = find("questionnaire.ron") {
        bundle.questionnaire = loader.parse_whole::<Questionnaire>(i);
        if let Some(q) = &bundle.questionnaire {
            let span = Span {
                file: i,
                start: 0,
                end: loader.files[i].text.len(),
            };
            let q = q.clone();
            if !is_simple_id(&q.id) {
                loader.report(
                    span,
                    &["id:"],
                    format!("questionnaire id '{}' is not valid", q.id),
                    "Use lower-case letters, digits and _",
                );
            }
            check_text(
                &mut loader,
                span,
                &["title:"],
                "questionnaire title",
                &q.title,
            );
        }
    }

    // Strings: strings.ron plus any strings/*.ron, merged; a key defined twice is an error.
    let mut string_span = None;
    let mut string_files: Vec<usize> = find("strings.ron").into_iter().collect();
    string_files.extend(
        rel_of
            .iter()
            .enumerate()
            .filter(|(_, r)| r.starts_with("strings/"))
            .map(|(i, _)| i),
    );
    for i in string_files {
        if let Some(map) = loader.parse_whole::<BTreeMap<String, Text>>(i) {
            let span = Span {
                file: i,
                start: 0,
                end: loader.files[i].text.len(),
            };
            for (k, t) in map {
                let key = format!("\"{k}\"");
                check_text(&mut loader, span, &[&key], &format!("string '{k}'"), &t);
                if bundle.strings.contains_key(&k) {
                    loader.report(
                        span,
                        &[&key],
                        format!("the string '{k}' is defined in two files"),
                        "Keep one definition",
                    );
                }
                bundle.strings.insert(k, t);
            }
            string_span.get_or_insert(span);
        }
    }
    if let Some(span) = string_span {
        let mut required: Vec<String> = REQUIRED_STRINGS.iter().map(|k| k.to_string()).collect();
        if prefix != EMBEDDED_PREFIX {
            // A folder must have every string the built-in questionnaires have.
            required.extend(embedded_string_keys().iter().cloned());
        }
        required.sort();
        required.dedup();
        for key in required {
            if !bundle.strings.contains_key(&key) {
                loader.report(
                    span,
                    &[],
                    format!("the string '{key}' is missing"),
                    "Add it with its Japanese and English text (copy it from the built-in questionnaires/strings files); the program shows it",
                );
            }
        }
    }

    // Contacts.
    let mut contact_spans: Vec<Span> = Vec::new();
    if let Some(i) = find("contacts.ron") {
        if let Some(ranges) = loader.list_ranges(i) {
            for (c, span) in loader.parse_items::<Contact>(i, &ranges) {
                bundle.contacts.push(c);
                contact_spans.push(span);
            }
        }
    }

    // Advice.
    let mut advice_spans: Vec<Span> = Vec::new();
    for (i, rel) in rel_of.clone().iter().enumerate() {
        if rel.starts_with("advice/") {
            if let Some(ranges) = loader.list_ranges(i) {
                for (a, span) in loader.parse_items::<Advice>(i, &ranges) {
                    bundle.advice.push(a);
                    advice_spans.push(span);
                }
            }
        }
    }
    if !rel_of.iter().any(|r| r.starts_with("advice/")) {
        loader.diags.push(Diagnostic {
            file: format!("{prefix}advice/"),
            line: 1,
            col: 1,
            message: "the folder has no advice files".into(),
            hint: format!("Add advice/cases.ron and advice/topics.ron (see {DOC})"),
        });
    }

    // Checklists.
    let mut checklist_spans: Vec<Span> = Vec::new();
    let mut question_spans: HashMap<String, Span> = HashMap::new();
    let mut all_question_spans: Vec<(String, Span)> = Vec::new();
    for (i, rel) in rel_of.clone().iter().enumerate() {
        if !rel.starts_with("checklists/") {
            continue;
        }
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
                continue;
            }
        };
        let ranges: Vec<(usize, usize)> =
            raw.questions.iter().map(|r| range_of(&text, r)).collect();
        let questions = loader.parse_items::<Question>(i, &ranges);
        let mut qs = Vec::new();
        for (q, span) in questions {
            all_question_spans.push((q.id.clone(), span));
            question_spans.entry(q.id.clone()).or_insert(span);
            qs.push(q);
        }
        bundle.checklists.push(Checklist {
            id: raw.id,
            order: raw.order,
            kind: raw.kind,
            weight: raw.weight,
            title: raw.title,
            summary: raw.summary,
            applies_if: raw.applies_if,
            consult: raw.consult,
            questions: qs,
        });
        checklist_spans.push(Span {
            file: i,
            start: 0,
            end: text.len(),
        });
    }
    if !rel_of.iter().any(|r| r.starts_with("checklists/")) {
        loader.diags.push(Diagnostic {
            file: format!("{prefix}checklists/"),
            line: 1,
            col: 1,
            message: "the folder has no checklists".into(),
            hint: format!("Add at least one checklists/NN_name.ron (see {DOC})"),
        });
    }

    let situation_spans = situations::parse(&mut loader, &rel_of, &mut bundle);

    validate(
        &mut loader,
        &mut bundle,
        &checklist_spans,
        &all_question_spans,
        &question_spans,
        &advice_spans,
        &contact_spans,
    );
    situations::validate(&mut loader, &mut bundle, &situation_spans);

    // Stable presentation order.
    let mut order: Vec<usize> = (0..bundle.checklists.len()).collect();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (&bundle.checklists[a], &bundle.checklists[b]);
        (ca.order, &ca.id).cmp(&(cb.order, &cb.id))
    });
    let mut sorted = Vec::with_capacity(order.len());
    let mut old = std::mem::take(&mut bundle.checklists)
        .into_iter()
        .map(Some)
        .collect::<Vec<_>>();
    for i in order {
        if let Some(c) = old[i].take() {
            sorted.push(c);
        }
    }
    bundle.checklists = sorted;
    bundle
        .advice
        .sort_by_key(|a| a.case_no.map(u16::from).unwrap_or(u16::MAX));
    LoadOutcome {
        bundle,
        diagnostics: loader.diags,
    }
}

fn check_text(loader: &mut Loader, span: Span, path: &[&str], what: &str, t: &Text) {
    for (lang, value) in [("ja", &t.ja), ("en", &t.en)] {
        if value.trim().is_empty() {
            let mut needles = path.to_vec();
            let key = format!("{lang}:");
            needles.push(&key);
            let language = if lang == "ja" { "Japanese" } else { "English" };
            loader.report(
                span,
                &needles,
                format!("{what}: the {language} text ({lang}) is empty"),
                &format!("Write the {language} text; every text needs both ja and en"),
            );
        }
    }
}

fn check_source(loader: &mut Loader, span: Span, what: &str, s: &SourceRef) {
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
    if s.heading.trim().is_empty() {
        loader.report(
            span,
            &["source:", "heading:"],
            format!("{what}: the source heading is empty"),
            "Copy the heading of the passage this item comes from",
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn validate(
    loader: &mut Loader,
    bundle: &mut Bundle,
    checklist_spans: &[Span],
    all_question_spans: &[(String, Span)],
    question_spans: &HashMap<String, Span>,
    advice_spans: &[Span],
    contact_spans: &[Span],
) {
    // Ids of items that failed to parse count as known here: their error is reported already.
    let broken = loader.broken_ids.clone();
    let known = |ids: Vec<String>| -> HashSet<String> {
        ids.into_iter().chain(broken.iter().cloned()).collect()
    };
    let advice_ids = known(bundle.advice.iter().map(|a| a.id.clone()).collect());
    let contact_ids = known(bundle.contacts.iter().map(|c| c.id.clone()).collect());
    let question_ids = known(question_spans.keys().cloned().collect());

    // Duplicates.
    let mut seen: HashSet<&str> = HashSet::new();
    for (id, span) in all_question_spans {
        if !seen.insert(id) {
            let needle = format!("\"{id}\"");
            loader.report(
                *span,
                &["id:", &needle],
                format!("the question id '{id}' is used twice"),
                "Give each question its own id",
            );
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (c, span) in bundle.checklists.iter().zip(checklist_spans) {
        if !seen.insert(&c.id) {
            loader.report(
                *span,
                &["id:"],
                format!("the checklist id '{}' is used twice", c.id),
                "Give each checklist its own id",
            );
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (a, span) in bundle.advice.iter().zip(advice_spans) {
        if !seen.insert(&a.id) {
            loader.report(
                *span,
                &["id:"],
                format!("the advice id '{}' is used twice", a.id),
                "Give each advice entry its own id",
            );
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (c, span) in bundle.contacts.iter().zip(contact_spans) {
        if !seen.insert(&c.id) {
            loader.report(
                *span,
                &["id:"],
                format!("the contact id '{}' is used twice", c.id),
                "Give each contact its own id",
            );
        }
    }

    let check_links = |loader: &mut Loader,
                       span: Span,
                       what: &str,
                       field: &str,
                       ids: &[String],
                       known: &HashSet<String>,
                       kind: &str| {
        for id in ids {
            if !known.contains(id) {
                let needle = format!("\"{id}\"");
                loader.report(
                    span,
                    &[field, &needle],
                    format!("{what} links to the {kind} '{id}', which does not exist"),
                    &format!(
                        "Use an id defined in {}",
                        if kind == "contact" {
                            "contacts.ron"
                        } else {
                            "advice/*.ron"
                        }
                    ),
                );
            }
        }
    };

    let check_condition =
        |loader: &mut Loader, span: Span, what: &str, cond: &Condition, forbidden: &[&str]| {
            for q in cond.questions() {
                let needle = format!("\"{q}\"");
                if !question_ids.contains(q) {
                    loader.report(
                        span,
                        &["applies_if:", &needle],
                        format!(
                            "{what}: the condition names the question '{q}', which does not exist"
                        ),
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
        };

    for (c, &cspan) in bundle.checklists.iter().zip(checklist_spans) {
        let what = format!("checklist '{}'", c.id);
        if !is_simple_id(&c.id) {
            loader.report(
                cspan,
                &["id:"],
                format!("{what}: the id is not valid"),
                "Use lower-case letters, digits and _ (e.g. rules)",
            );
        }
        if !(c.weight.is_finite() && c.weight > 0.0) {
            loader.report(
                cspan,
                &["weight:"],
                format!("{what}: weight {} is not a positive number", c.weight),
                "Use a weight such as 1.0",
            );
        }
        check_text(loader, cspan, &["title:"], &what, &c.title);
        check_text(loader, cspan, &["summary:"], &what, &c.summary);
        if let Some(cond) = &c.applies_if {
            let own: Vec<&str> = c.questions.iter().map(|q| q.id.as_str()).collect();
            check_condition(loader, cspan, &what, cond, &own);
        }
        if let Some(rule) = &c.consult {
            if c.kind != ChecklistKind::Quick {
                loader.report(
                    cspan,
                    &["consult:"],
                    format!("{what}: only a Quick checklist can have a consultation rule"),
                    "Set consult: None, or kind: Quick",
                );
            }
            check_links(
                loader,
                cspan,
                &what,
                "consult:",
                &rule.contacts,
                &contact_ids,
                "contact",
            );
            check_links(
                loader,
                cspan,
                &what,
                "consult:",
                std::slice::from_ref(&rule.advice),
                &advice_ids,
                "advice",
            );
            if rule.contacts.is_empty() {
                loader.report(
                    cspan,
                    &["consult:"],
                    format!("{what}: the consultation rule names no desk"),
                    "List at least one contact id",
                );
            }
        }
        if c.questions.is_empty() {
            loader.report(
                cspan,
                &["questions:"],
                format!("{what} has no questions"),
                "Add at least one question",
            );
        }
        for q in &c.questions {
            let Some(&qspan) = question_spans.get(&q.id) else {
                continue;
            };
            let qwhat = format!("question '{}'", q.id);
            let valid =
                q.id.split_once('.')
                    .is_some_and(|(pre, name)| pre == c.id && is_simple_id(name));
            if !valid {
                loader.report(qspan, &["id:"], format!("{qwhat}: the id must be '{}.<name>'", c.id), "Start the id with the checklist id and a dot; use lower-case letters, digits and _");
            }
            check_text(loader, qspan, &["text:"], &qwhat, &q.text);
            check_text(loader, qspan, &["help:"], &qwhat, &q.help);
            if q.opens_inventory && c.kind != ChecklistKind::Detailed {
                loader.report(
                    qspan,
                    &["opens_inventory:"],
                    format!("{qwhat}: only a question of a Detailed checklist can open the information inventory"),
                    "Remove opens_inventory, or move the question to a detailed checklist",
                );
            }
            check_source(loader, qspan, &qwhat, &q.source);
            if let Some(cond) = &q.applies_if {
                check_condition(loader, qspan, &qwhat, cond, &[q.id.as_str()]);
            }
            check_links(
                loader,
                qspan,
                &qwhat,
                "advice:",
                &q.advice,
                &advice_ids,
                "advice",
            );
            check_links(
                loader,
                qspan,
                &qwhat,
                "contacts:",
                &q.contacts,
                &contact_ids,
                "contact",
            );
            if c.kind != ChecklistKind::Screening {
                if !(1..=3).contains(&q.weight) {
                    loader.report(
                        qspan,
                        &["weight:"],
                        format!("{qwhat}: weight {} is outside 1–3", q.weight),
                        "Use 1 (useful), 2 (important) or 3 (essential)",
                    );
                }
                if q.advice.is_empty() {
                    loader.report(
                        qspan,
                        &["advice:"],
                        format!("{qwhat} links to no advice"),
                        "Add at least one advice id, so a weak answer leads somewhere",
                    );
                }
            }
        }
    }

    for (a, &span) in bundle.advice.iter().zip(advice_spans) {
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
            span,
            &what,
            "contacts:",
            &a.contacts,
            &contact_ids,
            "contact",
        );
        check_source(loader, span, &what, &a.source);
    }

    for (c, &span) in bundle.contacts.iter().zip(contact_spans) {
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
        let phone_ok = |p: &str| {
            !p.trim().is_empty()
                && p.chars()
                    .all(|ch| ch.is_ascii_digit() || " -+()".contains(ch))
        };
        if c.phone.as_deref().is_some_and(|p| !phone_ok(p)) {
            loader.report(span, &["phone:"], format!("{what}: the phone number may hold only digits, hyphens, spaces, + and parentheses"), "Put an extension in extension: Some(\"3844\") and any remark in note");
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
        if c.source_date.trim().is_empty() {
            loader.report(
                span,
                &["source_date:"],
                format!("{what}: source_date is empty"),
                "Give the source document's date, e.g. \"2020\"",
            );
        }
        check_source(loader, span, &what, &c.source);
    }
}
