//! Applying commands after the frame: one function per area, each an exhaustive match, so a
//! new command that nobody applies does not compile. File commands are in [`super::files`].

use super::commands::{
    ClassCommand, Command, CompareCommand, DialogCommand, DocCommand, GuideCommand,
    InventoryCommand, Nav,
};
use std::path::PathBuf;

use super::secure::{self, PassPurpose};
use super::{MamoriApp, PathPurpose, Screen};
use crate::model::aggregate::list_files;
use crate::model::assessment::{Assessment, AssessmentError};
use crate::model::date::Date;

impl MamoriApp {
    /// Applies one command.
    pub(super) fn apply(&mut self, c: Command) {
        match c {
            Command::Nav(c) => self.apply_nav(c),
            Command::Doc(c) => self.apply_doc(c),
            Command::Inventory(c) => self.apply_inventory(c),
            Command::Guide(c) => self.apply_guide(c),
            Command::File(c) => self.apply_file(c),
            Command::Compare(c) => self.apply_compare(c),
            Command::Class(c) => self.apply_class(c),
            Command::Dialog(c) => self.apply_dialog(c),
        }
    }

    fn apply_nav(&mut self, c: Nav) {
        match c {
            Nav::Go(s) => self.go(s),
            Nav::Enter(s) => {
                self.go(s);
                self.case_from = None;
                self.scroll_top = true;
            }
            Nav::Next => self.step(true),
            Nav::Prev => self.step(false),
            Nav::TogglePresentation => {
                self.presentation = !self.presentation;
                if self.presentation {
                    self.screen = Screen::Results;
                }
            }
        }
    }

    /// Shows a page; a question is remembered for 「前回の続きから」 (Continue).
    /// A status message belongs to the page it was given on: another page clears it.
    pub(super) fn go(&mut self, s: Screen) {
        if let Screen::Question(q) = &s {
            self.prefs.last_question = Some(q.clone());
            // Another question is read from its top.
            self.scroll_top |= self.screen != s;
        }
        if std::mem::discriminant(&s) != std::mem::discriminant(&self.screen) {
            self.notice = None;
        }
        if s == Screen::Start && self.screen != Screen::Start {
            // The files may have changed since they were described (answers, a new save).
            self.recent_names.refresh();
        }
        if matches!(s, Screen::Cases(_)) && !matches!(self.screen, Screen::Cases(_)) {
            // A case opened from a finding leads back to it.
            let from = matches!(self.screen, Screen::Results | Screen::Class);
            self.case_from = from.then(|| self.screen.clone());
        }
        self.screen = s;
    }

    /// The next (or previous) question in the flow; after the last one, the results.
    fn step(&mut self, forward: bool) {
        let Screen::Question(id) = self.screen.clone() else {
            return;
        };
        let flow = self.flow();
        let target = match flow.iter().position(|q| *q == id) {
            Some(i) if forward => flow.get(i + 1).cloned(),
            Some(i) if i > 0 => flow.get(i - 1).cloned(),
            Some(_) => None,
            None => flow.first().cloned(),
        };
        match target {
            Some(q) => self.go(Screen::Question(q)),
            None if forward => self.go(Screen::Results),
            None => {}
        }
    }

    /// After answering `id`, the next applicable question; the end of the quick check leads
    /// to the overview (with its suggestion), the end of everything to the results.
    fn advance_from(&mut self, id: &str) {
        use crate::model::flow::{next_after, Next};
        let Some(doc) = &self.doc else { return };
        match next_after(&self.bundle, &doc.assessment, id) {
            Some(Next::Question(q)) => self.go(Screen::Question(q)),
            Some(Next::Overview) => self.go(Screen::Overview),
            Some(Next::Results) => self.go(Screen::Results),
            None => {}
        }
    }

    fn apply_doc(&mut self, c: DocCommand) {
        let Some(doc) = &mut self.doc else { return };
        match c {
            DocCommand::Answer(id, value) => {
                doc.change(Screen::Question(id.clone()), |a| {
                    a.set_answer(&id, Some(value))
                });
                self.save_now();
                self.advance_from(&id);
            }
            DocCommand::ClearAnswer(id) => {
                doc.change(Screen::Question(id.clone()), |a| a.set_answer(&id, None));
                self.save_now();
            }
            DocCommand::Undo => {
                // Back to the page of the change, so the user sees what was undone.
                if let Some(place) = doc.undo() {
                    self.save_now();
                    self.go(place);
                    self.notice = Some(self.t("ui.undone").to_string());
                }
            }
            DocCommand::Edited => doc.edited(),
            DocCommand::SetOwner(id, owner) => {
                doc.assessment.actions.entry(id.clone()).or_default().owner = owner;
                tidy_action(&mut doc.assessment, &id);
                doc.edited();
            }
            DocCommand::SetDue(id, text) => {
                let trimmed = text.trim();
                let action = doc.assessment.actions.entry(id.clone()).or_default();
                if trimmed.is_empty() {
                    action.due = None;
                } else if let Ok(d) = Date::parse(trimmed) {
                    action.due = Some(d);
                }
                tidy_action(&mut doc.assessment, &id);
                doc.due_text.insert(id, text);
                doc.edited();
            }
        }
    }

    fn apply_inventory(&mut self, c: InventoryCommand) {
        let Some(doc) = &mut self.doc else { return };
        match c {
            InventoryCommand::AddRow(item) => {
                doc.change(Screen::Inventory, |a| a.inventory.push(item));
                self.save_now();
            }
            InventoryCommand::RemoveRow(i) => {
                if i >= doc.assessment.inventory.len() {
                    return;
                }
                doc.change(Screen::Inventory, |a| a.inventory.remove(i));
                self.save_now();
                self.notice = Some(self.t("ui.inv_removed").to_string());
            }
        }
    }

    fn apply_guide(&mut self, c: GuideCommand) {
        let Some(doc) = &mut self.doc else { return };
        match c {
            GuideCommand::Tick(step, date) => {
                let situation = step.split('.').next().unwrap_or_default().to_string();
                doc.change(Screen::Situations(Some(situation)), |a| {
                    a.set_ticked(&step, date)
                });
            }
            GuideCommand::AddLedger(entry) => {
                doc.change(Screen::Ledger, |a| a.ledger.push(entry));
                let n = doc.assessment.ledger.len().to_string();
                self.notice = Some(self.t("guide.ledger.added").replace("{n}", &n));
            }
            GuideCommand::RemoveLedger(i) => {
                if i >= doc.assessment.ledger.len() {
                    return;
                }
                doc.change(Screen::Ledger, |a| a.ledger.remove(i));
                self.notice = Some(self.t("ui.ledger_removed").to_string());
            }
            GuideCommand::EditLedger(i, field, entry) => {
                if i >= doc.assessment.ledger.len() {
                    return;
                }
                let key = format!("ledger.{i}.{field}");
                doc.change_merging(&key, Screen::Ledger, |a| a.ledger[i] = entry);
                // Typing saves once after a pause, not per key.
                doc.edited();
                return;
            }
            GuideCommand::SetOpenClose(i, criterion, choice) => {
                if i >= doc.assessment.inventory.len() {
                    return;
                }
                doc.change(Screen::OpenClose(Some(i)), |a| {
                    a.inventory[i].open_close.set(criterion, choice)
                });
            }
        }
        self.save_now();
    }

    fn apply_compare(&mut self, c: CompareCommand) {
        match c {
            CompareCommand::AddDialog => {
                if !self.file_dialogs {
                    self.prompt_path(PathPurpose::CompareAdd);
                    return;
                }
                let picked = rfd::FileDialog::new()
                    .add_filter("mamori", &["ron"])
                    .pick_files();
                match picked {
                    Some(list) => {
                        for p in list {
                            self.apply_compare(CompareCommand::Add(p));
                        }
                    }
                    None => self.notice = Some(self.t("ui.dialog_none").to_string()),
                }
            }
            CompareCommand::Add(path) => {
                if self.compare.older.iter().any(|(p, _)| *p == path) {
                    return;
                }
                // An encrypted older visit opens with the open check's passphrase, or asks.
                let pass = self.doc.as_ref().and_then(|d| d.passphrase.clone());
                let loaded = Assessment::load_with(&path, pass.as_ref());
                if secure::is_encrypted_file(&path) && loaded.is_err() {
                    secure::ask(self, PassPurpose::Compare(path.clone()), &path);
                    return;
                }
                self.add_older_visit(path, loaded);
            }
            CompareCommand::Remove(i) => {
                if i < self.compare.older.len() {
                    self.compare.older.remove(i);
                }
            }
        }
    }

    fn apply_class(&mut self, c: ClassCommand) {
        match c {
            ClassCommand::AddDialog => {
                if !self.file_dialogs {
                    self.prompt_path(PathPurpose::ClassAdd);
                    return;
                }
                let picked = rfd::FileDialog::new()
                    .add_filter("mamori", &["ron"])
                    .pick_files();
                match picked {
                    Some(list) => {
                        self.class.paths.extend(list);
                        self.class.refresh(&self.bundle);
                        self.ask_class_passphrase();
                    }
                    None => self.notice = Some(self.t("ui.dialog_none").to_string()),
                }
            }
            ClassCommand::FolderDialog => match rfd::FileDialog::new().pick_folder() {
                Some(dir) => self.apply_class(ClassCommand::Add(dir)),
                None => self.notice = Some(self.t("ui.dialog_none").to_string()),
            },
            ClassCommand::Add(path) => {
                if !self.class.paths.contains(&path) {
                    self.class.paths.push(path);
                }
                self.class.refresh(&self.bundle);
                self.ask_class_passphrase();
            }
            ClassCommand::Clear => self.class = Default::default(),
            ClassCommand::Projector => {
                self.presentation = !self.presentation;
                self.screen = Screen::Class;
            }
        }
    }

    /// Adds an older visit to the comparison, or shows why it could not be read.
    pub(super) fn add_older_visit(
        &mut self,
        path: PathBuf,
        loaded: Result<Assessment, AssessmentError>,
    ) {
        match loaded {
            Ok(a) => self.compare.older.push((path, a)),
            Err(e) => self.show_file_error(&path, &e, "ui.error_kept"),
        }
    }

    /// Asks for the passphrase of the class view's encrypted files, when some are there and
    /// none has been given.
    fn ask_class_passphrase(&mut self) {
        if self.class.passphrase.is_some() {
            return;
        }
        let (files, _) = list_files(&self.class.paths);
        if let Some(first) = files.into_iter().find(|f| secure::is_encrypted_file(f)) {
            secure::ask(self, PassPurpose::Class(first.clone()), &first);
        }
    }

    fn apply_dialog(&mut self, c: DialogCommand) {
        match c {
            DialogCommand::DismissError => {
                self.error = None;
                self.error_detail = None;
            }
            DialogCommand::DismissPathPrompt => {
                if self.path_prompt.as_ref().map(|p| p.purpose) == Some(PathPurpose::ExportPdf) {
                    // No export: the copy chosen for it is forgotten.
                    self.export_copy = None;
                }
                self.path_prompt = None;
            }
            DialogCommand::SubmitPassphrase => secure::submit(self),
            DialogCommand::DismissPassPrompt => self.pass_prompt = None,
            DialogCommand::ChooseCopy(copy) => {
                self.copy_choice = false;
                self.export_copy = Some(copy);
                self.export_pdf_where();
            }
            DialogCommand::DismissCopyChoice => {
                self.copy_choice = false;
                self.export_copy = None;
            }
        }
    }
}

/// Drops an action with neither owner nor date, so the file stays tidy.
fn tidy_action(a: &mut Assessment, id: &str) {
    if a.actions.get(id).is_some_and(|x| x.is_empty()) {
        a.actions.remove(id);
    }
}
