//! The files being loaded and the places of their items: the [`Loader`] that parses them
//! and collects diagnostics, a [`Span`] per item, and the [`Spans`] the checks report at.

use std::collections::{HashMap, HashSet};

use ron::value::RawValue;
use serde::Deserialize;

use super::DOC;
use crate::model::diag::{from_ron_error, line_col, Diagnostic};
use crate::model::schema::Bundle;
use crate::model::text::Text;

/// A file's text and its name as shown to the user.
pub(super) struct SrcFile {
    pub(super) shown: String,
    pub(super) text: String,
}

/// Where an item stands: file index and byte range.
#[derive(Clone, Copy)]
pub(super) struct Span {
    pub(super) file: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Parses the files one by one and collects every problem.
pub(super) struct Loader {
    pub(super) files: Vec<SrcFile>,
    pub(super) diags: Vec<Diagnostic>,
    /// Ids of items that failed to parse: links to them are not reported again.
    pub(super) broken_ids: HashSet<String>,
    /// The seed files `sources.ron` describes; `None` when it did not load (then citations are
    /// not checked against it, its own error being reported already).
    pub(super) source_files: Option<HashSet<String>>,
}

impl Loader {
    pub(super) fn new() -> Self {
        Loader {
            files: Vec::new(),
            diags: Vec::new(),
            broken_ids: HashSet::new(),
            source_files: None,
        }
    }

    pub(super) fn push_at(&mut self, file: usize, offset: usize, message: String, hint: &str) {
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
    pub(super) fn report(&mut self, span: Span, needles: &[&str], message: String, hint: &str) {
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

    pub(super) fn parse_whole<T: for<'de> Deserialize<'de>>(&mut self, file: usize) -> Option<T> {
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
    pub(super) fn parse_items<T: for<'de> Deserialize<'de>>(
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
    pub(super) fn list_ranges(&mut self, file: usize) -> Option<Vec<(usize, usize)>> {
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

/// The RON options of every parse: a recursion limit against deeply nested input.
pub(super) fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

/// The byte range of a borrowed raw value inside the text it was parsed from.
pub(super) fn range_of(text: &str, raw: &RawValue) -> (usize, usize) {
    let s = raw.get_ron();
    let start = (s.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let start = start.min(text.len());
    (start, (start + s.len()).min(text.len()))
}

/// The value of the first `id: "…"` in a raw item, for items that failed to parse.
pub(super) fn scan_id(raw: &str) -> Option<String> {
    let rest = &raw[raw.find("id:")? + 3..];
    let rest = rest.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// Where the parsed items stand, for the checks' messages.
pub(super) struct Spans {
    /// One per checklist of the bundle, in the same order (the whole file).
    pub(super) checklists: Vec<Span>,
    /// Every parsed question with its id, in file order (duplicates included).
    pub(super) questions: Vec<(String, Span)>,
    /// The first question with each id.
    pub(super) first_question: HashMap<String, Span>,
    /// One per advice entry of the bundle, in the same order.
    pub(super) advice: Vec<Span>,
    /// One per contact of the bundle, in the same order.
    pub(super) contacts: Vec<Span>,
}

/// The ids links may point to. Ids of items that failed to parse count as known: their
/// error is reported already.
pub(super) struct Known {
    pub(super) advice: HashSet<String>,
    pub(super) contacts: HashSet<String>,
    pub(super) questions: HashSet<String>,
}

impl Known {
    pub(super) fn new(loader: &Loader, bundle: &Bundle, spans: &Spans) -> Self {
        let known = |ids: Vec<String>| -> HashSet<String> {
            ids.into_iter()
                .chain(loader.broken_ids.iter().cloned())
                .collect()
        };
        Known {
            advice: known(bundle.advice.iter().map(|a| a.id.clone()).collect()),
            contacts: known(bundle.contacts.iter().map(|c| c.id.clone()).collect()),
            questions: known(spans.first_question.keys().cloned().collect()),
        }
    }
}

/// Reports an empty Japanese or English half of a text.
pub(super) fn check_text(loader: &mut Loader, span: Span, path: &[&str], what: &str, t: &Text) {
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
