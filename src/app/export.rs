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

/// The folder the Open and Save-as dialogs start in: the folder of the open check, else of
/// the last file, when the user chose it (not the app's own folder `data_dir`, where new
/// checks are kept) and it still exists; otherwise the documents folder.
pub fn dialog_folder(
    current: Option<&Path>,
    last: Option<&Path>,
    data_dir: &Path,
    documents: &Path,
) -> PathBuf {
    [current, last]
        .into_iter()
        .flatten()
        .filter_map(Path::parent)
        .find(|dir| !dir.starts_with(data_dir) && dir.is_dir())
        .map_or_else(|| documents.to_path_buf(), Path::to_path_buf)
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

#[cfg(test)]
mod tests {
    use super::dialog_folder;

    #[test]
    fn dialogs_start_in_the_users_own_folder_else_documents() {
        let root = tempfile::tempdir().unwrap();
        let (data, docs, own) = (
            root.path().join("data"),
            root.path().join("docs"),
            root.path().join("取引先"),
        );
        for d in [&data, &docs, &own] {
            std::fs::create_dir_all(d).unwrap();
        }
        let in_data = data.join("assessments").join("a.ron");
        let in_own = own.join("b.ron");
        let gone = root.path().join("消えた").join("c.ron");
        assert_eq!(dialog_folder(None, None, &data, &docs), docs);
        assert_eq!(dialog_folder(Some(&in_own), None, &data, &docs), own);
        // A check the app keeps itself: the documents folder, or the last file's folder.
        assert_eq!(dialog_folder(Some(&in_data), None, &data, &docs), docs);
        assert_eq!(
            dialog_folder(Some(&in_data), Some(&in_own), &data, &docs),
            own
        );
        // A folder that no longer exists is skipped.
        assert_eq!(dialog_folder(Some(&gone), None, &data, &docs), docs);
    }
}
