//! The seed documents by title (`sources.ron`): parsed with the span of every entry, checked,
//! and recorded in the loader so that every citation can be checked against them.

use std::collections::HashSet;

use super::{check_text, Loader, Span};
use crate::model::schema::{Bundle, SEED_FILES};
use crate::model::sources::Source;

/// Parses `sources.ron` (file index `file`, if the folder has one) into `bundle.sources` and
/// tells the loader which seed files it describes. Returns the span of every entry.
pub(super) fn parse(loader: &mut Loader, file: Option<usize>, bundle: &mut Bundle) -> Vec<Span> {
    let Some(i) = file else {
        return Vec::new();
    };
    let Some(ranges) = loader.list_ranges(i) else {
        return Vec::new();
    };
    let mut spans = Vec::new();
    for (s, span) in loader.parse_items::<Source>(i, &ranges) {
        bundle.sources.push(s);
        spans.push(span);
    }
    // An entry that failed to parse leaves its file unknown; its error is reported already, so
    // citations are then not checked against the list.
    if spans.len() == ranges.len() {
        loader.source_files = Some(bundle.sources.iter().map(|s| s.file.clone()).collect());
    }
    spans
}

/// Each entry names a seed file once and has all four texts in both languages.
pub(super) fn validate(loader: &mut Loader, bundle: &Bundle, spans: &[Span]) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (s, &span) in bundle.sources.iter().zip(spans) {
        let what = format!("source '{}'", s.file);
        if !SEED_FILES.contains(&s.file.as_str()) {
            loader.report(
                span,
                &["file:"],
                format!("{what} is not one of the seed documents"),
                &format!("Use one of: {}", SEED_FILES.join(", ")),
            );
        }
        if !seen.insert(s.file.as_str()) {
            loader.report(
                span,
                &["file:"],
                format!("{what} is described twice"),
                "Keep one entry per seed document",
            );
        }
        check_text(loader, span, &["publisher:"], &what, &s.publisher);
        check_text(loader, span, &["title:"], &what, &s.title);
        check_text(loader, span, &["kind:"], &what, &s.kind);
        check_text(loader, span, &["year:"], &what, &s.year);
    }
}
