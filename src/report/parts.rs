//! Small pieces shared by the report's documents: table columns, strings with placeholders
//! and `label: value` lines, bars with captions, and the band marks of the charts. Band
//! words, score numbers and the band rule come from [`Words`], as in the app and the CLI.

use crate::model::schema::Bundle;
use crate::model::scoring::{ScoreReport, Severity};
use crate::model::scoring::{GOOD_FROM, IMPROVE_FROM};
use crate::model::text::Lang;
use crate::model::words::Words;

use super::layout::{Bar, Column};

/// What the report adds to [`Words`]: placeholders filled in and `label: value` lines.
pub(super) trait Say {
    /// The string `key` with its `{name}` placeholders filled in.
    fn fill(&self, key: &str, vars: &[(&str, String)]) -> String;
    /// `label: value`, with the colon of the language.
    fn kv(&self, key: &str, value: &str) -> String;
}

impl Say for Words<'_> {
    fn fill(&self, key: &str, vars: &[(&str, String)]) -> String {
        let mut out = self.owned(key);
        for (name, value) in vars {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    fn kv(&self, key: &str, value: &str) -> String {
        let colon = match self.lang {
            Lang::Ja => ":",
            Lang::En => ": ",
        };
        format!("{}{colon}{value}", self.owned(key))
    }
}

/// Table columns titled by string keys, with their shares of the width.
pub(super) fn columns(b: &Bundle, lang: Lang, keys: &[(&str, f32)]) -> Vec<Column> {
    keys.iter()
        .map(|(k, share)| Column {
            title: b.s(k, lang).to_string(),
            share: *share,
        })
        .collect()
}

/// A bar of a chart with its number and band word as caption.
pub(super) fn bar(w: &Words, label: String, value: Option<f64>) -> Bar {
    Bar {
        label,
        value: value.map(|v| v as f32),
        caption: format!("{} / 100 {}", Words::score(value), w.band_of(value)),
    }
}

/// The band limits drawn on every bar chart.
pub(super) const MARKS: [f32; 2] = [IMPROVE_FROM as f32, GOOD_FROM as f32];

/// Space left under a finding or a desk entry.
pub(super) const ITEM_GAP: f32 = 6.0;

pub(super) fn adviser_mark(w: &Words) -> String {
    let full = w.s("report.adviser_copy");
    // The first clause only: "アドバイザー控え" / "Adviser's copy".
    full.split(['(', '('])
        .next()
        .unwrap_or(full)
        .trim()
        .to_string()
}

/// Every weak point: the questions' findings and the disclosure ledger's warnings (case 02).
pub(super) fn weak_points(r: &ScoreReport) -> usize {
    r.findings.len() + r.ledger.len()
}

/// The weak points of severity `s`: the questions' findings and the disclosure ledger's.
pub(super) fn count(r: &ScoreReport, s: Severity) -> usize {
    r.findings.iter().filter(|f| f.severity == s).count()
        + r.ledger.iter().filter(|f| f.severity == s).count()
}

pub(super) fn question_list(w: &Words, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| w.bundle.question(id))
        .map(|(_, q)| q.text.get(w.lang).to_string())
        .collect()
}
