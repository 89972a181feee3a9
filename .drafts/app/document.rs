//! The open document: the assessment, the file it autosaves to (encrypted when it has a
//! passphrase), the undo history with its one push function and one limit, and the moves
//! between files (start, open, save as, save encrypted).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{secure, MamoriApp, Screen};
use crate::model::assessment::{Assessment, AssessmentError};
use crate::model::crypt::SecretString;

/// How long an in-place edit (a note, a flag) waits before it is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The open assessment and where it is saved.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The answers.
    pub assessment: Assessment,
    /// The file it autosaves to.
    pub path: PathBuf,
    /// The passphrase when the file is encrypted (kept only in memory); every save of the
    /// check is then encrypted.
    pub passphrase: Option<SecretString>,
}

/// Earlier versions of the open assessment, newest last.
#[derive(Debug, Default)]
pub struct Undo {
    past: Vec<Assessment>,
}

impl Undo {
    /// The most versions kept; the oldest goes first.
    pub const LIMIT: usize = 200;

    /// Keeps `a` as the version to go back to.
    pub fn push(&mut self, a: &Assessment) {
        self.past.push(a.clone());
        if self.past.len() > Self::LIMIT {
            self.past.remove(0);
        }
    }

    /// The newest kept version, taken out.
    pub fn pop(&mut self) -> Option<Assessment> {
        self.past.pop()
    }

    /// Whether there is nothing to undo.
    pub fn is_empty(&self) -> bool {
        self.past.is_empty()
    }

    /// How many versions are kept.
    pub fn len(&self) -> usize {
        self.past.len()
    }

    /// Forgets every version (another file was opened).
    pub fn clear(&mut self) {
        self.past.clear();
    }
}

/// How a change of the open assessment is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Undoable, saved at once (answers, inventory rows).
    Undoable,
    /// Saved after [`SAVE_DELAY`], not undoable (typing in a field).
    SaveSoon,
}

impl MamoriApp {
    /// Changes the open assessment with `f`; false when none is open.
    pub(super) fn change(&mut self, how: Change, f: impl FnOnce(&mut Assessment)) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        if how == Change::Undoable {
            self.undo.push(&doc.assessment);
        }
        f(&mut doc.assessment);
        match how {
            Change::Undoable => self.save_now(),
            Change::SaveSoon => self.save_soon(),
        }
        true
    }

    /// Goes back to the version before the last undoable change.
    pub(super) fn undo(&mut self) {
        if let (Some(prev), Some(doc)) = (self.undo.pop(), &mut self.doc) {
            doc.assessment = prev;
            self.save_now();
            self.notice = Some(self.t("ui.undone").to_string());
        }
    }

    /// Saves after [`SAVE_DELAY`] (typing goes on meanwhile).
    pub(super) fn save_soon(&mut self) {
        self.save_due = Some(Instant::now() + SAVE_DELAY);
    }

    /// Saves the open assessment now (an encrypted one on the saver's thread).
    pub(super) fn save_now(&mut self) {
        self.save_due = None;
        if let Some(doc) = &self.doc {
            if let Some(pass) = &doc.passphrase {
                // About a second of scrypt work: written on the saver's thread.
                self.saver.submit(&doc.assessment, &doc.path, pass);
                return;
            }
            if let Err(e) = doc.assessment.save(&doc.path) {
                self.error = Some(format!("{e}\n\n{}", self.t("ui.error_unsaved")));
            }
        }
    }

    /// Writes pending edits now (called on exit and before switching files).
    pub fn flush(&mut self) {
        if self.save_due.is_some() {
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

    /// Makes `a` the open check, saved at `path` (a new file).
    pub(super) fn start_doc(&mut self, a: Assessment, path: PathBuf) {
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                let what = self.t("ui.error_save");
                self.error = Some(format!("{what}: {}: {e}", dir.display()));
                return;
            }
        }
        self.replace_doc(Doc {
            assessment: a,
            path,
            passphrase: None,
        });
        self.save_now();
    }

    /// Closes the open check (saving what is pending) and opens `doc` in its place.
    fn replace_doc(&mut self, doc: Doc) {
        self.flush();
        self.undo.clear();
        self.due_text.clear();
        self.doc = Some(doc);
        self.remember_open();
    }

    /// Puts the open file first in the recent list and remembers it for "Continue".
    pub(super) fn remember_open(&mut self) {
        if let Some(doc) = &self.doc {
            let p = doc.path.clone();
            self.prefs.recent.retain(|r| *r != p);
            self.prefs.recent.insert(0, p.clone());
            self.prefs.recent.truncate(8);
            self.prefs.last_file = Some(p);
        }
    }

    /// Opens an assessment file; on any problem, shows the error and keeps the open one.
    /// An encrypted file asks for its passphrase first.
    pub fn open(&mut self, path: &Path) {
        if secure::is_encrypted_file(path) {
            secure::ask_open(self, path);
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
                self.error = Some(format!("{e}\n\n{}", self.t(kept)));
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
        self.replace_doc(Doc {
            assessment: a,
            path: path.to_path_buf(),
            passphrase,
        });
        self.go(Screen::Overview);
    }

    /// Saves a copy under `path` and continues in it (encrypted when the check is).
    pub(super) fn save_as(&mut self, path: PathBuf) {
        self.saver.wait();
        let Some(doc) = &mut self.doc else { return };
        match doc.assessment.save_with(&path, doc.passphrase.as_ref()) {
            Ok(()) => {
                doc.path = path.clone();
                self.save_due = None;
                self.remember_open();
                self.notice = Some(format!("{}: {}", self.t("ui.saved_to"), path.display()));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Saves the open check encrypted at `path` and continues in it, encrypted from now on.
    /// When the check was the app's own plaintext file (in the data folder) and `path` is
    /// another file, the plaintext file and its backup are deleted.
    pub(super) fn save_encrypted_as(&mut self, path: PathBuf, pass: SecretString) {
        self.saver.wait();
        let Some(doc) = &mut self.doc else { return };
        if let Err(e) = doc.assessment.save_encrypted(&path, &pass) {
            self.error = Some(e.to_string());
            return;
        }
        let old = std::mem::replace(&mut doc.path, path.clone());
        doc.passphrase = Some(pass);
        self.save_due = None;
        if old != path && old.starts_with(&self.data_dir) {
            self.remove_plaintext(&old);
        }
        self.remember_open();
        self.notice = Some(format!(
            "{}: {}",
            self.t("ui.saved_encrypted"),
            path.display()
        ));
    }

    /// Deletes the app's own plaintext file and its backup, and forgets it.
    fn remove_plaintext(&mut self, old: &Path) {
        for f in [crate::model::fsutil::backup_path(old), old.to_path_buf()] {
            if let Err(e) = std::fs::remove_file(&f) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    self.error = Some(format!("{}: {e}", f.display()));
                }
            }
        }
        self.prefs.recent.retain(|r| r != old);
    }
}
