//! What the user asked for, applied after the frame (the deferred-command pattern of egui's
//! demo app): pages and keys only [`MamoriApp::send`] commands; [`MamoriApp::apply`] routes
//! each area's commands to its module. Every match over commands is exhaustive, so a new
//! command cannot be forgotten silently.

mod class;
mod compare;
mod edit;
mod export;
mod file;
mod nav;

pub(crate) use export::pdf_path_for;

use std::path::PathBuf;

use super::{MamoriApp, Screen};
use crate::model::inventory::InventoryItem;
use crate::model::schema::Answer;

/// A command of one area.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Moving between pages and closing dialogs.
    Nav(NavCommand),
    /// Changing the open assessment.
    Edit(EditCommand),
    /// Starting, opening and saving assessments.
    File(FileCommand),
    /// Writing the PDF report and the CSV files.
    Export(ExportCommand),
    /// The comparison of visits.
    Compare(CompareCommand),
    /// The class view.
    Class(ClassCommand),
}

/// Moving between pages and closing dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum NavCommand {
    /// Show a page.
    Go(Screen),
    /// The next question in the flow.
    Next,
    /// The previous question in the flow.
    Prev,
    /// Switch the projector view on or off.
    TogglePresentation,
    /// Close the error message.
    DismissError,
    /// Close the typed-path prompt without doing anything.
    DismissPathPrompt,
    /// Close the passphrase dialog without doing anything.
    DismissPassPrompt,
}

/// Changing the open assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Answer a question and move to the next one.
    Answer(String, Answer),
    /// Remove the answer to a question.
    ClearAnswer(String),
    /// Undo the last change of answers or inventory rows.
    Undo,
    /// A note, flag or inventory field changed in place: save soon.
    Edited,
    /// Set who acts on a finding (question id, owner).
    SetOwner(String, String),
    /// Set a finding's due date as typed (question id, text `YYYY-MM-DD` or empty).
    SetDue(String, String),
    /// Add a row to the information inventory.
    AddInventoryRow(InventoryItem),
    /// Remove an inventory row (undoable).
    RemoveInventoryRow(usize),
}

/// Starting, opening and saving assessments.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Start a new assessment from the start form.
    NewAssessment,
    /// Open a file.
    Open(PathBuf),
    /// Ask for a file to open.
    OpenDialog,
    /// Ask where to save a copy, then continue in it.
    SaveAsDialog,
    /// Save a copy under this path and continue in it.
    SaveAs(PathBuf),
    /// Open a workshop example (a copy of it).
    OpenExample(usize),
    /// Reopen the file and question of last time.
    Continue,
    /// Ask for a passphrase and a file name, then save the open check encrypted.
    SaveEncryptedDialog,
    /// Apply the passphrase dialog (open or save encrypted).
    SubmitPassphrase,
}

/// Writing the PDF report and the CSV files.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    /// Ask where to write the PDF report (save dialog, or a typed path without one).
    PdfDialog,
    /// Write the PDF report of the open assessment to this path.
    Pdf(PathBuf),
    /// Ask where to export the CSV.
    CsvDialog,
    /// Export the findings and inventory CSV to this path.
    Csv(PathBuf),
}

/// The comparison of visits.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareCommand {
    /// Ask for older visits to compare with.
    AddDialog,
    /// Add an older visit to the comparison.
    Add(PathBuf),
    /// Remove an older visit from the comparison.
    Remove(usize),
}

/// The class view.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassCommand {
    /// Ask for files to add to the class view.
    AddDialog,
    /// Ask for a folder to add to the class view.
    FolderDialog,
    /// Add a file or folder to the class view.
    Add(PathBuf),
    /// Empty the class view.
    Clear,
    /// Show the class view on the projector (large text), or leave it.
    Projector,
}

macro_rules! area {
    ($($area:ident($ty:ty)),* $(,)?) => {
        $(impl From<$ty> for Command {
            fn from(c: $ty) -> Command {
                Command::$area(c)
            }
        })*
    };
}

area!(
    Nav(NavCommand),
    Edit(EditCommand),
    File(FileCommand),
    Export(ExportCommand),
    Compare(CompareCommand),
    Class(ClassCommand),
);

impl MamoriApp {
    /// Applies one command.
    pub(super) fn apply(&mut self, c: Command) {
        match c {
            Command::Nav(c) => nav::apply(self, c),
            Command::Edit(c) => edit::apply(self, c),
            Command::File(c) => file::apply(self, c),
            Command::Export(c) => export::apply(self, c),
            Command::Compare(c) => compare::apply(self, c),
            Command::Class(c) => class::apply(self, c),
        }
    }

    /// Shows "no file was chosen" after a cancelled (or unavailable) dialog.
    fn dialog_cancelled(&mut self) {
        self.notice = Some(self.t("ui.dialog_none").to_string());
    }
}
