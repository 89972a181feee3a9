//! What the user asked for, by area. Pages push [`Command`]s into a [`Commands`] sink while
//! drawing; the app applies them after the frame (the deferred-command pattern of egui's demo
//! app), each area by its own function with an exhaustive match.

use std::path::PathBuf;

use super::export::ReportCopy;
use super::Screen;
use crate::model::date::Date;
use crate::model::inventory::InventoryItem;
use crate::model::ledger::LedgerEntry;
use crate::model::open_close::{Choice, Criterion};
use crate::model::schema::Answer;

/// Something the user asked for, applied after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Moving between pages and questions.
    Nav(Nav),
    /// A change to the open check.
    Doc(DocCommand),
    /// The information inventory of the open check.
    Inventory(InventoryCommand),
    /// The situation checklists, the disclosure ledger and the patent-or-secret decision.
    Guide(GuideCommand),
    /// Opening, saving and exporting files.
    File(FileCommand),
    /// The comparison of visits.
    Compare(CompareCommand),
    /// The class view.
    Class(ClassCommand),
    /// Closing or applying a dialog.
    Dialog(DialogCommand),
}

/// Moving between pages and questions.
#[derive(Clone, Debug, PartialEq)]
pub enum Nav {
    /// Show a page where it was left (a link within the pages).
    Go(Screen),
    /// Show a page from its top (the navigation bar).
    Enter(Screen),
    /// The next question in the flow.
    Next,
    /// The previous question in the flow.
    Prev,
    /// Switch the projector view of the results on or off.
    TogglePresentation,
}

/// A change to the open check.
#[derive(Clone, Debug, PartialEq)]
pub enum DocCommand {
    /// Answer a question and move to the next one (undoable).
    Answer(String, Answer),
    /// Remove the answer to a question (undoable).
    ClearAnswer(String),
    /// Undo the last undoable change.
    Undo,
    /// A note or flag changed in place: save soon.
    Edited,
    /// Set who acts on a finding (question id, owner).
    SetOwner(String, String),
    /// Set a finding's due date as typed (question id, text `YYYY-MM-DD` or empty).
    SetDue(String, String),
}

/// The information inventory of the open check.
#[derive(Clone, Debug, PartialEq)]
pub enum InventoryCommand {
    /// Add a row (undoable).
    AddRow(InventoryItem),
    /// Remove a row (undoable).
    RemoveRow(usize),
}

/// The guidance for the moment it is needed (issue 17); every change is undoable.
#[derive(Clone, Debug, PartialEq)]
pub enum GuideCommand {
    /// Tick a situation step on a date, or untick it (`None`).
    Tick(String, Option<Date>),
    /// Add a disclosure to the ledger.
    AddLedger(LedgerEntry),
    /// Remove ledger entry `i`.
    RemoveLedger(usize),
    /// Replace ledger entry `i` after an edit of its `field` (`date`, `partner`, …); edits of
    /// one field in a row are one undo step, saved shortly after the typing.
    EditLedger(usize, &'static str, LedgerEntry),
    /// Answer one criterion of inventory item `i`'s decision (`None` clears it).
    SetOpenClose(usize, Criterion, Option<Choice>),
}

/// Opening, saving and exporting files.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Start a new assessment from the start form.
    New,
    /// Open a file.
    Open(PathBuf),
    /// Ask for a file to open.
    OpenDialog,
    /// Open a workshop example (a copy of it).
    OpenExample(usize),
    /// Reopen the file and question of last time.
    Continue,
    /// Ask where to save a copy, then continue in it.
    SaveAsDialog,
    /// Save a copy under this path and continue in it.
    SaveAs(PathBuf),
    /// Ask for a passphrase and a file name, then save the open check encrypted.
    SaveEncryptedDialog,
    /// Ask where to export the findings and inventory CSV.
    ExportCsvDialog,
    /// Export the findings and inventory CSV to this path.
    ExportCsv(PathBuf),
    /// Ask where to write the PDF report (save dialog, or a typed path without one).
    ExportPdfDialog,
    /// Write the PDF report of the open assessment to this path.
    ExportPdf(PathBuf),
}

/// The comparison of visits.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareCommand {
    /// Ask for older visits to compare with.
    AddDialog,
    /// Add an older visit.
    Add(PathBuf),
    /// Remove an older visit.
    Remove(usize),
}

/// The class view.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassCommand {
    /// Ask for files to add.
    AddDialog,
    /// Ask for a folder to add.
    FolderDialog,
    /// Add a file or folder.
    Add(PathBuf),
    /// Empty the class view.
    Clear,
    /// Show the class view on the projector (large text), or leave it.
    Projector,
}

/// Closing or applying a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogCommand {
    /// Close the error message.
    DismissError,
    /// Close the typed-path prompt without doing anything.
    DismissPathPrompt,
    /// Apply the passphrase dialog (open or save encrypted).
    SubmitPassphrase,
    /// Close the passphrase dialog without doing anything.
    DismissPassPrompt,
    /// Export this copy of the report (the export dialog's answer), then ask where.
    ChooseCopy(ReportCopy),
    /// Close the export dialog's question without exporting.
    DismissCopyChoice,
}

macro_rules! into_command {
    ($($area:ident => $variant:ident),* $(,)?) => {
        $(impl From<$area> for Command {
            fn from(c: $area) -> Command {
                Command::$variant(c)
            }
        })*
    };
}

into_command!(
    Nav => Nav,
    DocCommand => Doc,
    InventoryCommand => Inventory,
    GuideCommand => Guide,
    FileCommand => File,
    CompareCommand => Compare,
    ClassCommand => Class,
    DialogCommand => Dialog,
);

/// The commands pushed while drawing one frame.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    /// Queues a command of any area.
    pub fn send(&mut self, c: impl Into<Command>) {
        self.0.push(c.into());
    }

    /// Takes the queued commands out, oldest first.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }
}
