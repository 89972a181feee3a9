//! The open document: the assessment, the file it autosaves to, its passphrase, the undo
//! history and when the next autosave is due.
//!
//! Every undoable change goes through [`Document::change`], the one function that pushes undo
//! and the one place where [`UNDO_LIMIT`] applies; [`Document::change_merging`] lets a run of
//! keystrokes in one field be one undo step. Notes, owners and due dates typed in place are
//! not undoable; [`Document::edited`] schedules their save.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::saver::Saver;
use super::Screen;
use crate::model::assessment::{Assessment, AssessmentError};
use crate::model::crypt::{SecretString, WorkFactor};

/// How many undo steps are kept; the oldest is dropped beyond it.
pub const UNDO_LIMIT: usize = 200;

/// How long after an in-place edit the file is saved (typing saves once, not per key).
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// The open assessment and where it is saved.
#[derive(Clone, Debug)]
pub struct Document {
    /// The answers.
    pub assessment: Assessment,
    /// The file it autosaves to.
    pub path: PathBuf,
    /// The passphrase when the file is encrypted (kept only in memory); every save of the
    /// check is then encrypted.
    pub passphrase: Option<SecretString>,
    /// Due dates as typed on the results page, by question id (kept while not yet a date).
    pub due_text: BTreeMap<String, String>,
    undo: Vec<(Assessment, Screen)>,
    /// The field the last undo step was for, while edits of that field merge into it.
    merging: Option<String>,
    save_due: Option<Instant>,
}

impl Document {
    /// A document over `assessment`, saved at `path` (encrypted when `passphrase` is given).
    pub fn new(assessment: Assessment, path: PathBuf, passphrase: Option<SecretString>) -> Self {
        Document {
            assessment,
            path,
            passphrase,
            due_text: BTreeMap::new(),
            undo: Vec::new(),
            merging: None,
            save_due: None,
        }
    }

    /// Makes an undoable change on the page `place` (where undo returns to): remembers the
    /// assessment as it is (dropping the oldest step beyond [`UNDO_LIMIT`]), then lets `f`
    /// change it. The caller saves afterwards.
    pub fn change<R>(&mut self, place: Screen, f: impl FnOnce(&mut Assessment) -> R) -> R {
        self.merging = None;
        self.undo.push((self.assessment.clone(), place));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        f(&mut self.assessment)
    }

    /// Like [`Document::change`], but a change of the same `field` (e.g. `ledger.0.partner`)
    /// as the one before joins its undo step: typing a word is undone in one step, and undo
    /// brings back the value before the typing began.
    pub fn change_merging<R>(
        &mut self,
        field: &str,
        place: Screen,
        f: impl FnOnce(&mut Assessment) -> R,
    ) -> R {
        if self.merging.as_deref() == Some(field) {
            return f(&mut self.assessment);
        }
        let r = self.change(place, f);
        self.merging = Some(field.to_string());
        r
    }

    /// Goes back one undoable change and gives the page it was made on; `None` when there is
    /// nothing to undo.
    pub fn undo(&mut self) -> Option<Screen> {
        let (prev, place) = self.undo.pop()?;
        self.merging = None;
        self.assessment = prev;
        Some(place)
    }

    /// How many changes can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Something was edited in place: save after [`SAVE_DELAY`].
    pub fn edited(&mut self) {
        self.save_due = Some(Instant::now() + SAVE_DELAY);
    }

    /// When the next autosave is due, if one is.
    pub fn save_due(&self) -> Option<Instant> {
        self.save_due
    }

    /// Saves to the document's file now: plaintext at once, encrypted on `saver`'s thread
    /// (about a second of scrypt work at the standard `work` factor).
    pub fn save(&mut self, saver: &Saver, work: WorkFactor) -> Result<(), AssessmentError> {
        self.save_due = None;
        match &self.passphrase {
            Some(pass) => {
                saver.submit(&self.assessment, &self.path, pass, work);
                Ok(())
            }
            None => self.assessment.save(&self.path),
        }
    }

    /// Continues at `path` (encrypted with `passphrase` when given), which holds the document
    /// as it is now (written on a worker thread).
    pub fn moved_to(&mut self, path: PathBuf, passphrase: Option<SecretString>) {
        self.path = path;
        self.passphrase = passphrase;
        self.save_due = None;
    }

    /// Writes the document to `path` (encrypted with `passphrase` when given) and continues
    /// there; on an error the document stays where it was.
    pub fn save_as(
        &mut self,
        path: PathBuf,
        passphrase: Option<SecretString>,
        work: WorkFactor,
    ) -> Result<(), AssessmentError> {
        self.assessment
            .save_with_work(&path, passphrase.as_ref(), work)?;
        self.path = path;
        self.passphrase = passphrase;
        self.save_due = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;
    use crate::model::load::load_embedded;
    use crate::model::schema::Answer;

    fn doc() -> Document {
        let b = load_embedded().bundle;
        let a = Assessment::new(&b, Date::parse("2026-12-01").unwrap());
        Document::new(a, PathBuf::from("unused.ron"), None)
    }

    #[test]
    fn undo_keeps_at_most_the_limit_and_drops_the_oldest() {
        let mut d = doc();
        for i in 0..UNDO_LIMIT + 5 {
            d.change(Screen::Overview, |a| a.company.name = format!("{i}"));
        }
        assert_eq!(d.undo_depth(), UNDO_LIMIT);
        while d.undo().is_some() {}
        // The five oldest states are gone: undo stops at the sixth one.
        assert_eq!(d.assessment.company.name, "4");
    }

    #[test]
    fn edits_of_one_field_in_a_row_are_one_undo_step() {
        let mut d = doc();
        for name in ["A", "AB", "ABC"] {
            d.change_merging("company", Screen::Overview, |a| {
                a.company.name = name.into()
            });
        }
        d.change_merging("industry", Screen::Overview, |a| {
            a.company.industry = "製造".into()
        });
        d.change_merging("company", Screen::Overview, |a| a.company.name = "X".into());
        assert_eq!(d.undo_depth(), 3);
        d.undo();
        assert_eq!(d.assessment.company.name, "ABC");
        d.undo();
        assert_eq!(d.assessment.company.industry, "");
        d.undo();
        assert_eq!(d.assessment.company.name, "");
        // After an undo, the same field starts a new step.
        d.change_merging("company", Screen::Overview, |a| a.company.name = "Y".into());
        assert_eq!(d.undo_depth(), 1);
    }

    #[test]
    fn undo_restores_the_state_before_the_change() {
        let mut d = doc();
        let at = Screen::Question("quick.rules".into());
        d.change(at.clone(), |a| {
            a.set_answer("quick.rules", Some(Answer::No))
        });
        assert!(d.assessment.answer("quick.rules").is_some());
        assert_eq!(d.undo(), Some(at));
        assert!(d.assessment.answer("quick.rules").is_none());
        assert_eq!(d.undo(), None);
    }
}
