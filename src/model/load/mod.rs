//! Loading and validating a questionnaire folder (embedded or on disk).
//!
//! Every file is parsed on its own, so one bad file never stops the others; every problem is
//! reported as a [`Diagnostic`] with `file:line:col`. A checklist whose RON does not parse is
//! left out; a question, advice entry or contact that does not parse is left out of its
//! file while the rest of the file loads. Semantic problems (dangling links, duplicate ids,
//! empty text …) are reported and the item is kept where that is harmless: a link to a
//! missing advice entry is simply not followed, a condition naming an unknown question never
//! hides anything.

//!
//! Layout: this module holds the entry points and the folder reading; [`parse`] turns files
//! into a [`Bundle`] with the place of every item; [`checks`] holds the named checks run on
//! it (adding a check is adding one function to its list); [`situations`] parses and checks
//! the situation checklists, [`decision`] the patent-or-secret decision's texts.

mod checks;
mod cycles;
mod decision;
mod parse;
mod plan_fields;
mod situations;
mod source;
mod sources;

use std::collections::BTreeMap;
use std::path::Path;

use super::diag::Diagnostic;
use super::schema::Bundle;
use super::text::Text;
use checks::{check_source, is_simple_id};
use parse::load_files;
use source::check_text;
use source::{options, range_of, Loader, Span};

/// The format documentation named in hints.
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

/// How the embedded files are named in messages.
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

/// The smallest weight a checklist may have.
pub const MIN_CHECKLIST_WEIGHT: f64 = 0.1;
/// The largest weight a checklist may have (a larger one would let one checklist drown the
/// others; an absurd one such as 1e308 would turn the total into NaN).
pub const MAX_CHECKLIST_WEIGHT: f64 = 10.0;

/// The most `.ron` files read from one questionnaire folder.
pub const MAX_FOLDER_FILES: usize = 1000;
/// The most bytes read from one questionnaire folder, all files together.
pub const MAX_FOLDER_BYTES: usize = 64 * 1024 * 1024;

/// A problem with a whole file or folder, reported at its first line.
fn at_start(file: String, message: String, hint: &str) -> Diagnostic {
    Diagnostic {
        file,
        line: 1,
        col: 1,
        message,
        hint: hint.to_string(),
    }
}

/// Loads a questionnaire folder from disk (same layout as `questionnaires/`), reading at most
/// [`MAX_FOLDER_FILES`] files of at most 4 MiB each and [`MAX_FOLDER_BYTES`] in all.
pub fn load_dir(dir: &Path) -> LoadOutcome {
    let mut diagnostics = Vec::new();
    if !dir.is_dir() {
        diagnostics.push(at_start(
            dir.display().to_string(),
            "this is not a folder that can be read".into(),
            "Name a folder laid out like questionnaires/ (questionnaire.ron, strings.ron, contacts.ron, sources.ron, checklists/, advice/)",
        ));
        return LoadOutcome {
            bundle: Bundle::default(),
            diagnostics,
        };
    }
    let rels = folder_files(dir, &mut diagnostics);
    let files = read_folder_files(dir, rels, &mut diagnostics);
    let mut out = load_files(files, &format!("{}/", dir.display()));
    diagnostics.append(&mut out.diagnostics);
    out.diagnostics = diagnostics;
    out
}

/// The `.ron` files mamori reads in `dir`, as relative paths in reading order (at most
/// [`MAX_FOLDER_FILES`]); stray top-level `.ron` files are reported.
fn folder_files(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut rels: Vec<String> = Vec::new();
    for top in [
        "questionnaire.ron",
        "strings.ron",
        "contacts.ron",
        "sources.ron",
    ] {
        if dir.join(top).exists() {
            rels.push(top.to_string());
        }
    }
    for file in [parse::SUGGESTIONS, decision::DECISION] {
        if dir.join(file).is_file() {
            rels.push(file.to_string());
        }
    }
    for sub in ["checklists", "advice", "strings", "situations"] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            let mut names: Vec<(String, bool)> = entries
                .filter_map(|e| e.ok())
                .map(|e| {
                    let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                    (e.file_name().to_string_lossy().into_owned(), is_dir)
                })
                .collect();
            names.sort();
            for (n, is_dir) in names {
                match not_read(&n, is_dir) {
                    None => rels.push(format!("{sub}/{n}")),
                    Some(why) => diagnostics.push(at_start(
                        dir.join(sub).join(&n).display().to_string(),
                        format!("mamori does not read this: {why}"),
                        "Move it out of the questionnaire folder, or rename it to NAME.ron directly in this folder; mamori check lists every such entry so that nothing a trainer added is silently ignored",
                    )),
                }
            }
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
            diagnostics.push(at_start(
                dir.join(&n).display().to_string(),
                "mamori does not read this file".into(),
                "Put a checklist under checklists/ and advice under advice/; the top level holds only questionnaire.ron, strings.ron, contacts.ron and sources.ron",
            ));
        }
    }
    if rels.len() > MAX_FOLDER_FILES {
        diagnostics.push(at_start(
            dir.display().to_string(),
            format!(
                "the folder holds {} questionnaire files, more than the limit of {MAX_FOLDER_FILES}; only the first {MAX_FOLDER_FILES} are read",
                rels.len()
            ),
            "Name a questionnaire folder, not a folder of other files",
        ));
        rels.truncate(MAX_FOLDER_FILES);
    }
    rels
}

/// Why an entry of a content subfolder is not read, or `None` for a `*.ron` file.
fn not_read(name: &str, is_dir: bool) -> Option<&'static str> {
    if is_dir {
        Some("it is a subfolder, and only the files directly in this folder are read")
    } else if name.ends_with(".ron") {
        None
    } else if name.to_lowercase().ends_with(".ron") {
        Some("the name must end in .ron in lower case")
    } else if name.ends_with(".swp") || name.ends_with('~') || name.starts_with(".#") {
        Some("it looks like an editor's backup or swap file")
    } else {
        Some("only NAME.ron files are read here")
    }
}

/// Reads the files as `(relative path, shown name, bytes)`, up to [`MAX_FOLDER_BYTES`].
fn read_folder_files(
    dir: &Path,
    rels: Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut total = 0usize;
    for rel in rels {
        let shown = dir.join(&rel).display().to_string();
        if total > MAX_FOLDER_BYTES {
            diagnostics.push(at_start(
                shown,
                format!(
                    "not read: the folder's files together are larger than {MAX_FOLDER_BYTES} bytes (64 MiB)"
                ),
                "Name a questionnaire folder, not a folder of other files",
            ));
            continue;
        }
        match super::diag::read_limited(&dir.join(&rel)) {
            Ok(bytes) => {
                total += bytes.len();
                files.push((rel, shown, bytes))
            }
            Err(e) => diagnostics.push(at_start(
                shown,
                format!("cannot read the file: {e}"),
                "Check that the file exists and that you may read it",
            )),
        }
    }
    files
}
