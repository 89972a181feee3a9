//! Small pieces shared by the report's documents: table columns, score numbers and band
//! words, bars with captions, and the band marks of the charts.

use crate::model::schema::Bundle;
use crate::model::scoring::{Band, GOOD_FROM, IMPROVE_FROM};
use crate::model::text::Lang;

use super::layout::{Bar, Column};

/// Table columns titled by string keys, with their shares of the width.
pub(super) fn columns(b: &Bundle, lang: Lang, keys: &[(&str, f32)]) -> Vec<Column> {
    keys.iter()
        .map(|(k, share)| Column {
            title: b.s(k, lang).to_string(),
            share: *share,
        })
        .collect()
}

/// A score as a whole number, or a dash.
pub(super) fn num(s: Option<f64>) -> String {
    s.map(|v| format!("{v:.0}")).unwrap_or_else(|| "—".into())
}

/// The band word of a score, or the word for "no score".
pub(super) fn band_words(b: &Bundle, lang: Lang, s: Option<f64>) -> String {
    match s {
        Some(x) => b.s(&Band::of(x).string_key(), lang).to_string(),
        None => b.s("band.none", lang).to_string(),
    }
}

/// A bar of a chart with its number and band word as caption.
pub(super) fn bar(b: &Bundle, lang: Lang, label: String, value: Option<f64>) -> Bar {
    Bar {
        label,
        value: value.map(|v| v as f32),
        caption: format!("{} / 100 {}", num(value), band_words(b, lang, value)),
    }
}

/// The band limits drawn on every bar chart.
pub(super) const MARKS: [f32; 2] = [IMPROVE_FROM as f32, GOOD_FROM as f32];
