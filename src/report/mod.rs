//! The PDF report: what an owner keeps, an adviser hands over, and a desk can act on.
//!
//! [`render`] draws the report from the same [`crate::model::scoring::ScoreReport`] the app
//! shows, with the texts of the questionnaire [`Bundle`] and the strings of
//! `questionnaires/strings/report.ron`; [`write`] saves it atomically. The page layout is
//! done by [`layout::Layout`], a small engine other documents can reuse (headings, wrapped
//! paragraphs, bullets, tables with repeated headers, bar charts, footers), which breaks
//! lines with [`linebreak`] and measures text with [`font`].

pub mod blocks;
mod charts;
pub mod class;
pub mod compare;
pub mod content;
mod cover;
mod findings;
pub mod font;
pub mod guide;
pub mod inventory;
pub mod layout;
pub mod linebreak;
pub mod ops;
pub mod page;
mod parts;
pub mod pdf;
mod reference;
pub mod verdict;

use std::path::{Path, PathBuf};

pub use font::MissingChar;
pub use pdf::Rendered;

use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::fsutil::write_atomic;
use crate::model::schema::Bundle;
use crate::model::text::Lang;

/// How to render a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// The language of the report.
    pub lang: Lang,
    /// Include the adviser's private notes (the adviser's copy; never the company's).
    pub adviser_copy: bool,
    /// The date printed as the day the report was made.
    pub today: Date,
}

/// Why a report could not be made or saved.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The bundled font could not be read.
    #[error(transparent)]
    Font(#[from] font::FontError),
    /// The assessment belongs to another questionnaire.
    #[error("the assessment answers the questionnaire '{found}', but the loaded one is '{expected}'; no report was written. Load the right questionnaire")]
    WrongQuestionnaire {
        /// The questionnaire id in the assessment.
        found: String,
        /// The loaded questionnaire's id.
        expected: String,
    },
    /// The built-in texts of the patent-or-secret decision could not be read (a broken build).
    #[error("{0}: the built-in texts of the patent-or-secret decision could not be read; no report was written. Reinstall mamori")]
    OpenCloseTexts(String),
    /// The file could not be written.
    #[error("{path}: writing the report failed: {error}. Check that the folder exists and that you may write there; no file was left behind")]
    Write {
        /// The target file.
        path: PathBuf,
        /// The OS error (in the message, not a `source`, so it is printed once).
        error: std::io::Error,
    },
}

/// Renders the report as PDF bytes (see [`render_report`] for the characters it could not
/// show).
pub fn render(
    bundle: &Bundle,
    assessment: &Assessment,
    options: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    render_report(bundle, assessment, options).map(|r| r.pdf)
}

/// Renders the report, with the characters no bundled font has (drawn as 〓).
pub fn render_report(
    bundle: &Bundle,
    assessment: &Assessment,
    options: &ReportOptions,
) -> Result<Rendered, ReportError> {
    let (id, _) = bundle.id_version();
    if assessment.questionnaire.id != id {
        return Err(ReportError::WrongQuestionnaire {
            found: assessment.questionnaire.id.clone(),
            expected: id.to_string(),
        });
    }
    content::render(bundle, assessment, options)
}

/// Renders the report and writes it to `path` atomically: on any error no file (and no
/// partial file) is left, and an existing file at `path` stays as it was. Returns the
/// characters drawn as 〓, for the caller to name.
pub fn write(
    path: &Path,
    bundle: &Bundle,
    assessment: &Assessment,
    options: &ReportOptions,
) -> Result<Vec<MissingChar>, ReportError> {
    let rendered = render_report(bundle, assessment, options)?;
    write_pdf(path, &rendered.pdf)?;
    Ok(rendered.missing)
}

/// Writes PDF bytes atomically.
pub fn write_pdf(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    write_atomic(path, bytes).map_err(|error| ReportError::Write {
        path: PathBuf::from(path),
        error,
    })
}
