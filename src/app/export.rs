//! Exporting the report and the CSV: which copy of the report (asked each time for an
//! adviser's check, 「会社用 / アドバイザー控え」, by [`super::dialogs::copy_choice_ui`], and
//! forgotten after the export), and where the files go by default — the user's documents
//! folder, named by company and date.

use std::path::{Path, PathBuf};

use super::clean_stem;
use crate::model::assessment::Assessment;

/// Which copy of the PDF report to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportCopy {
    /// The company's copy: never the adviser's private notes.
    Company,
    /// The adviser's copy: with the private notes.
    Adviser,
}

impl ReportCopy {
    /// Both copies, the company's first.
    pub const ALL: [ReportCopy; 2] = [ReportCopy::Company, ReportCopy::Adviser];

    /// The key of the copy's name in the strings.
    pub fn string_key(self) -> &'static str {
        match self {
            ReportCopy::Company => "ui.copy_company",
            ReportCopy::Adviser => "ui.copy_adviser",
        }
    }

    /// The key of what the copy holds, in a sentence.
    pub fn hint_key(self) -> &'static str {
        match self {
            ReportCopy::Company => "ui.copy_company_hint",
            ReportCopy::Adviser => "ui.copy_adviser_hint",
        }
    }
}

/// The folder files are exported to by default: the user's documents folder (the XDG user
/// directory on Linux, 「ドキュメント」 on Windows), else the home folder, else `fallback`.
pub fn documents_dir(fallback: &Path) -> PathBuf {
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| fallback.to_path_buf())
}

/// The suggested file name of an export of `a`: company and date of the check, e.g.
/// 「株式会社〇〇-2026-12-01.pdf」; `mamori-2026-12-01.pdf` without a company name.
pub fn file_name(a: &Assessment, extension: &str) -> String {
    let company = a.company.name.trim();
    let company = if company.is_empty() {
        "mamori"
    } else {
        company
    };
    let stem = clean_stem(&format!("{company}-{}", a.date));
    format!("{stem}.{extension}")
}
