//! Files in the app: new, open (also encrypted and dropped files), the workshop examples,
//! Save As, autosave, and the PDF and CSV exports; a typed path stands in for the system's
//! file dialog when there is none. Errors are shown in the window's language.

use std::path::{Path, PathBuf};

use super::commands::FileCommand;
use super::document::Document;
use super::export::ReportCopy;
use super::{
    export, secure, unique_path, MamoriApp, NewForm, PathPrompt, PathPurpose, Screen,
    WORKSHOP_EXAMPLES,
};
use crate::model::assessment::{Assessment, AssessmentError, Mode};
use crate::model::crypt::SecretString;
use crate::model::date::Date;

impl MamoriApp {
    pub(super) fn apply_file(&mut self, c: FileCommand) {
        match c {
            FileCommand::New => self.new_assessment(),
            FileCommand::Open(p) => self.open(&p),
            FileCommand::OpenDialog => self.open_dialog(),
            FileCommand::OpenExample(i) => self.open_example(i),
            FileCommand::Continue => self.continue_last(),
            FileCommand::SaveAsDialog => self.save_as_dialog(),
            FileCommand::SaveAs(p) => self.save_as(p),
            FileCommand::SaveEncryptedDialog => secure::ask_save_encrypted(self),
            FileCommand::ExportCsvDialog => self.export_csv_dialog(),
            FileCommand::ExportCsv(p) => self.export_csv(&p),
            FileCommand::ExportPdfDialog => self.export_pdf_dialog(),
            FileCommand::ExportPdf(p) => self.export_pdf(&p),
        }
    }

    /// Tells the user that no file was chosen (or that the dialog could not be shown).
    fn no_file_chosen(&mut self) {
        self.notice = Some(self.t("ui.dialog_none").to_string());
    }

    fn open_dialog(&mut self) {
        if !self.file_dialogs {
            self.prompt_path(PathPurpose::Open);
            return;
        }
        let picked = rfd::FileDialog::new()
            .add_filter("mamori", &["ron"])
            .set_title(self.t("ui.open_title"))
            .set_directory(self.dialog_folder())
            .pick_file();
        match picked {
            Some(p) => self.open(&p),
            None => self.no_file_chosen(),
        }
    }

    fn save_as_dialog(&mut self) {
        let Some(doc) = &self.doc else { return };
        if !self.file_dialogs {
            self.prompt_path(PathPurpose::SaveAs);
            return;
        }
        let picked = rfd::FileDialog::new()
            .add_filter("mamori", &["ron"])
            .set_title(self.t("ui.save_as_title"))
            .set_directory(self.dialog_folder())
            .set_file_name(export::file_name(&doc.assessment, "ron"))
            .save_file();
        match picked {
            Some(p) => self.save_as(p),
            None => self.no_file_chosen(),
        }
    }

    /// Where the Open and Save-as dialogs start (see [`export::dialog_folder`]).
    fn dialog_folder(&self) -> PathBuf {
        export::dialog_folder(
            self.doc.as_ref().map(|d| d.path.as_path()),
            self.prefs.last_file.as_deref(),
            &self.data_dir,
            &self.documents_dir,
        )
    }

    fn continue_last(&mut self) {
        let Some(p) = self.prefs.last_file.clone() else {
            return;
        };
        let q = self.prefs.last_question.clone();
        self.open(&p);
        if let (Some(q), Some(_)) = (q, &self.doc) {
            if self.flow().contains(&q) {
                self.go(Screen::Question(q));
            }
        }
    }

    /// Starts a new assessment from the start form, saved in the data folder.
    pub(super) fn new_assessment(&mut self) {
        let date = match Date::parse(&self.form.date) {
            Ok(d) => d,
            Err(e) => {
                self.error = Some(format!("{}: {e}", self.t("ui.error_date")));
                return;
            }
        };
        let mut a = Assessment::new(&self.bundle, date);
        a.company.name = self.form.company.trim().to_string();
        a.company.industry = self.form.industry.trim().to_string();
        a.company.staff_band = self.form.staff_band;
        a.company.prefecture = self.form.prefecture.trim().to_string();
        a.assessor = self.form.assessor.trim().to_string();
        a.mode = self.form.mode;
        let stem = if a.company.name.is_empty() {
            "assessment".to_string()
        } else {
            a.company.name.clone()
        };
        let path = unique_path(
            &self.data_dir.join("assessments"),
            &format!("{stem}-{date}"),
        );
        self.start_doc(a, path);
        if self.doc.is_some() {
            // The next check starts from an empty form, not this company's details.
            self.form = NewForm {
                mode: self.prefs.nav_mode,
                ..NewForm::default()
            };
        }
        if let Some(first) = self.flow().first().cloned() {
            self.go(Screen::Question(first));
        }
    }

    fn start_doc(&mut self, a: Assessment, path: PathBuf) {
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                self.error = Some(format!(
                    "{}: {}: {e}",
                    self.t("ui.error_save"),
                    dir.display()
                ));
                return;
            }
        }
        self.flush();
        self.doc = Some(Document::new(a, path, None));
        self.save_now();
        self.remember_open();
    }

    pub(super) fn remember_open(&mut self) {
        if let Some(doc) = &self.doc {
            let p = doc.path.clone();
            self.prefs.recent.retain(|r| *r != p);
            self.prefs.recent.insert(0, p.clone());
            self.prefs.recent.truncate(8);
            self.prefs.last_file = Some(p);
        }
    }

    /// Shows a file error in the user's language: what happened, which file, what to do and
    /// `after` (e.g. that the open check stays open); the technical text goes behind 「詳細」.
    pub fn show_file_error(&mut self, path: &Path, e: &AssessmentError, after: &str) {
        let kind = e.kind().key();
        let place = match e.line_col() {
            Some((line, col)) => format!("{}:{line}:{col}", path.display()),
            None => path.display().to_string(),
        };
        let mut message = format!(
            "{}\n{}: {place}\n\n{}",
            self.t(&format!("ui.error_kind_{kind}")),
            self.t("ui.error_where"),
            self.t(&format!("ui.error_todo_{kind}")),
        );
        if !after.is_empty() {
            message.push_str("\n\n");
            message.push_str(self.t(after));
        }
        self.error = Some(message);
        self.error_detail = Some(e.to_string());
    }

    /// Shows that a file could not be written: what (the UI string `what`), where and what to
    /// do in the window's language; the technical `detail` behind 「詳細」.
    fn show_write_error(&mut self, what: &str, path: &Path, detail: String) {
        self.error = Some(format!(
            "{}\n{}: {}\n\n{}",
            self.t(what),
            self.t("ui.error_where"),
            path.display(),
            self.t("ui.error_write_todo")
        ));
        self.error_detail = Some(detail);
    }

    /// Opens an assessment file; on any problem, shows the error and keeps the open one.
    /// An encrypted file asks for its passphrase first.
    pub fn open(&mut self, path: &Path) {
        if secure::is_encrypted_file(path) {
            secure::ask(self, secure::PassPurpose::Open(path.to_path_buf()), path);
            return;
        }
        self.open_loaded(path, Assessment::load(path), None);
    }

    /// Makes a loaded file the open check (or shows why it did not load).
    pub(super) fn open_loaded(
        &mut self,
        path: &Path,
        loaded: Result<Assessment, AssessmentError>,
        passphrase: Option<SecretString>,
    ) {
        let a = match loaded {
            Ok(a) => a,
            Err(e) => {
                // The file is left as it is: it is never assigned as the autosave target.
                let kept = if self.doc.is_some() {
                    "ui.error_kept"
                } else {
                    "ui.error_not_opened"
                };
                self.show_file_error(path, &e, kept);
                return;
            }
        };
        let (id, _) = self.bundle.id_version();
        if a.questionnaire.id != id {
            self.error = Some(format!(
                "{}: {} ({} '{}', {} '{}')",
                path.display(),
                self.t("ui.error_foreign"),
                self.t("ui.file_questionnaire"),
                a.questionnaire.id,
                self.t("ui.loaded_questionnaire"),
                id
            ));
            return;
        }
        self.flush();
        self.doc = Some(Document::new(a, path.to_path_buf(), passphrase));
        self.remember_open();
        self.go(Screen::Overview);
    }

    /// Opens a copy of workshop example `i` in the data folder.
    pub(super) fn open_example(&mut self, i: usize) {
        let Some((name, bytes)) = WORKSHOP_EXAMPLES.get(i) else {
            return;
        };
        match Assessment::from_bytes(name, bytes) {
            Ok(a) => {
                let stem = name.trim_end_matches(".ron");
                let path = unique_path(&self.data_dir.join("workshop"), stem);
                self.start_doc(a, path);
                self.go(Screen::Overview);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Opens the typed-path prompt for `purpose`, with a suggested path where there is one.
    pub(super) fn prompt_path(&mut self, purpose: PathPurpose) {
        let text = match (purpose, &self.doc) {
            (PathPurpose::SaveAs, Some(doc)) => doc.path.display().to_string(),
            (PathPurpose::ExportPdf, Some(doc)) => {
                let name = export::file_name(&doc.assessment, "pdf");
                self.documents_dir.join(name).display().to_string()
            }
            (PathPurpose::ExportCsv, Some(doc)) => {
                let name = export::file_name(&doc.assessment, "csv");
                self.documents_dir.join(name).display().to_string()
            }
            _ => String::new(),
        };
        self.path_prompt = Some(PathPrompt { purpose, text });
    }

    fn save_as(&mut self, path: PathBuf) {
        self.saver.wait();
        let Some(doc) = &mut self.doc else { return };
        let pass = doc.passphrase.clone();
        match doc.save_as(path.clone(), pass, self.work_factor) {
            Ok(()) => {
                self.remember_open();
                self.notice = Some(format!("{}: {}", self.t("ui.saved_to"), path.display()));
            }
            Err(e) => self.show_file_error(&path, &e, ""),
        }
    }

    /// After the open check was saved encrypted at `path` (on the worker thread): continues
    /// in it, encrypted from now on. When `path` is another file, the original and its backup
    /// are deleted if `delete_original`, or kept (an unencrypted one is then named in the
    /// notice). On an error the check stays where it was.
    pub(super) fn saved_encrypted(
        &mut self,
        path: PathBuf,
        pass: SecretString,
        delete_original: bool,
        saved: Result<(), AssessmentError>,
    ) {
        if let Err(e) = saved {
            self.show_file_error(&path, &e, "");
            return;
        }
        let Some(doc) = &mut self.doc else { return };
        let old = doc.path.clone();
        let was_plain = doc.passphrase.is_none();
        doc.moved_to(path.clone(), Some(pass));
        let mut notice = format!("{}: {}", self.t("ui.saved_encrypted"), path.display());
        if old != path && delete_original {
            self.delete_file_and_backup(&old);
            if was_plain {
                notice = format!("{notice} — {}", self.t("ui.original_deleted"));
            }
        } else if old != path && was_plain {
            notice = format!(
                "{notice} — {}: {}",
                self.t("ui.original_kept"),
                old.display()
            );
        }
        self.remember_open();
        self.notice = Some(notice);
    }

    /// Deletes `file` and its backup, and drops it from the recent files.
    fn delete_file_and_backup(&mut self, file: &Path) {
        for f in [crate::model::fsutil::backup_path(file), file.to_path_buf()] {
            if let Err(e) = std::fs::remove_file(&f) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    self.error = Some(format!("{}: {e}", f.display()));
                }
            }
        }
        self.prefs.recent.retain(|r| r != file);
    }

    /// Saves the open check now (encrypted saves on the saver's thread).
    pub(super) fn save_now(&mut self) {
        let Some(doc) = &mut self.doc else { return };
        if let Err(e) = doc.save(&self.saver, self.work_factor) {
            let path = doc.path.clone();
            self.show_file_error(&path, &e, "ui.error_unsaved");
        }
    }

    /// Writes pending edits now (called on exit and before switching files).
    pub fn flush(&mut self) {
        if self.doc.as_ref().is_some_and(|d| d.save_due().is_some()) {
            self.save_now();
        }
        self.saver.wait();
        self.saver_errors();
    }

    /// Shows the errors of finished background (encrypted) saves.
    pub(super) fn saver_errors(&mut self) {
        let errors = self.saver.take_errors();
        if !errors.is_empty() {
            self.error = Some(format!(
                "{}\n\n{}",
                errors.join("\n"),
                self.t("ui.error_unsaved")
            ));
        }
    }

    /// Export PDF: an adviser's check asks first which copy (「会社用 / アドバイザー控え」),
    /// each time; any other check has no private notes and writes the company's copy.
    fn export_pdf_dialog(&mut self) {
        let Some(doc) = &self.doc else { return };
        if doc.assessment.mode == Mode::Adviser {
            self.copy_choice = true;
        } else {
            self.export_copy = Some(ReportCopy::Company);
            self.export_pdf_where();
        }
    }

    /// Asks where to write the PDF report: the save dialog in the documents folder, or a
    /// typed path without one.
    pub(super) fn export_pdf_where(&mut self) {
        let Some(doc) = &self.doc else { return };
        if !self.file_dialogs {
            self.prompt_path(PathPurpose::ExportPdf);
            return;
        }
        let picked = rfd::FileDialog::new()
            .add_filter("PDF", &["pdf"])
            .set_title(self.t("ui.export_pdf_title"))
            .set_directory(&self.documents_dir)
            .set_file_name(export::file_name(&doc.assessment, "pdf"))
            .save_file();
        match picked {
            Some(p) => self.export_pdf(&p),
            None => {
                self.export_copy = None;
                self.no_file_chosen();
            }
        }
    }

    /// Writes the PDF report of the copy chosen for this export; the choice is forgotten
    /// afterwards, so the next export asks again.
    fn export_pdf(&mut self, path: &Path) {
        let adviser_copy = self.exports_adviser_copy();
        let copy = self.export_copy.take().unwrap_or(ReportCopy::Company);
        let Some(doc) = &self.doc else { return };
        let options = crate::report::ReportOptions {
            lang: self.prefs.lang,
            adviser_copy,
            today: Date::today(),
        };
        match crate::report::write(path, &self.bundle, &doc.assessment, &options) {
            Ok(missing) => {
                let mut notice = format!(
                    "{} ({}): {}",
                    self.t("ui.pdf_written"),
                    self.t(copy.string_key()),
                    path.display()
                );
                if !missing.is_empty() {
                    let chars: Vec<String> = missing.iter().map(ToString::to_string).collect();
                    notice.push_str(&format!(
                        " — {} {}",
                        self.t("ui.pdf_missing_chars"),
                        chars.join(" ")
                    ));
                }
                self.notice = Some(notice);
            }
            Err(e) => self.show_write_error("ui.error_pdf", path, e.to_string()),
        }
    }

    fn export_csv_dialog(&mut self) {
        let Some(doc) = &self.doc else { return };
        if !self.file_dialogs {
            self.prompt_path(PathPurpose::ExportCsv);
            return;
        }
        let picked = rfd::FileDialog::new()
            .add_filter("CSV", &["csv"])
            .set_directory(&self.documents_dir)
            .set_file_name(export::file_name(&doc.assessment, "csv"))
            .save_file();
        match picked {
            Some(p) => self.export_csv(&p),
            None => self.no_file_chosen(),
        }
    }

    fn export_csv(&mut self, path: &Path) {
        self.flush();
        let Some(doc) = &self.doc else { return };
        if path == doc.path {
            self.error = Some(format!(
                "{}: {}",
                path.display(),
                self.t("ui.inv_csv_same_file")
            ));
            return;
        }
        let written = crate::model::export::write_csv_pair(
            &self.bundle,
            &doc.assessment,
            path,
            self.prefs.lang,
        );
        match written {
            Ok(inv) => {
                self.notice = Some(format!(
                    "{}: {} , {}",
                    self.t("ui.csv_saved"),
                    path.display(),
                    inv.display()
                ))
            }
            Err(e) => self.show_write_error("ui.error_csv", path, e.to_string()),
        }
    }
}
