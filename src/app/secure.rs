//! Encrypted assessments in the app: the passphrase dialog — to open an encrypted file, to add
//! an encrypted older visit to the comparison or encrypted files to the class view, and for
//! "Save encrypted…" (which also asks what to do with the unencrypted original).
//!
//! Opening an encrypted file and "Save encrypted…" run on a worker thread
//! ([`super::opening`]) while the dialog shows a spinner; the window never freezes on the
//! passphrase's key derivation.
//!
//! The passphrase lives only in memory: in the dialog's text fields while typed (wiped when the
//! dialog closes), in [`super::Document::passphrase`] while the check is open and in the class
//! view's state while its files are shown.

use std::path::{Path, PathBuf};

use egui::Ui;
use secrecy::zeroize::Zeroize;

use super::commands::{Commands, DialogCommand};
use super::opening::{Done, Loaded, Pending};
use super::view::View;
use super::{theme, unique_path, MamoriApp};
use crate::model::assessment::AssessmentError;
use crate::model::crypt::{CryptError, SecretString};

/// What the passphrase dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PassPurpose {
    /// Open this encrypted file.
    Open(PathBuf),
    /// Save the open check encrypted (asks the passphrase twice and the file name).
    SaveEncrypted,
    /// Add this encrypted older visit to the comparison.
    Compare(PathBuf),
    /// Read the encrypted files of the class view; this one checks the passphrase.
    Class(PathBuf),
}

/// The passphrase dialog's state. The typed text is wiped when it is dropped.
#[derive(Debug)]
pub struct PassPrompt {
    /// What it is for.
    pub purpose: PassPurpose,
    /// Where to save (for [`PassPurpose::SaveEncrypted`]), or the file to read.
    pub path: String,
    /// The passphrase as typed.
    pub pass: String,
    /// The passphrase typed again (for [`PassPurpose::SaveEncrypted`]).
    pub again: String,
    /// A problem to show in the dialog (wrong passphrase, the two do not match …).
    pub error: Option<String>,
    /// For "Save encrypted…" of an unencrypted check: its file, which the dialog offers to
    /// delete or keep once the encrypted copy is written elsewhere.
    pub original: Option<PathBuf>,
    /// Whether to delete [`PassPrompt::original`] (and its backup).
    pub delete_original: bool,
    /// The file being read, or the check being saved, with the typed passphrase on a worker
    /// thread ([`Pending`]).
    pub work: Option<Pending>,
}

impl PassPrompt {
    fn new(purpose: PassPurpose, path: &Path) -> PassPrompt {
        PassPrompt {
            purpose,
            path: path.display().to_string(),
            pass: String::new(),
            again: String::new(),
            error: None,
            original: None,
            delete_original: false,
            work: None,
        }
    }

    /// The unencrypted original that the save would leave behind, if any: there is one, and
    /// the encrypted copy goes to another file.
    pub fn original_left(&self) -> Option<&Path> {
        self.original
            .as_deref()
            .filter(|o| *o != Path::new(self.path.trim()))
    }
}

impl Drop for PassPrompt {
    fn drop(&mut self) {
        self.pass.zeroize();
        self.again.zeroize();
    }
}

/// Whether the file at `path` is encrypted (by its first bytes); false when unreadable.
pub fn is_encrypted_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    crate::model::crypt::is_encrypted(&head[..n])
}

/// Opens the passphrase dialog to save the open check encrypted.
///
/// The file name it suggests: the same file when it is the user's own; for the app's own file
/// in its data folder (named after the company), a neutral name, so that not even the file name
/// tells whose check it is. For an unencrypted check, the dialog asks whether to delete the
/// original; deleting is preselected for the app's own file, keeping for the user's.
pub fn ask_save_encrypted(app: &mut MamoriApp) {
    let Some(doc) = &app.doc else { return };
    let own = doc.path.starts_with(&app.data_dir);
    let path = if own && doc.passphrase.is_none() {
        unique_path(
            &app.data_dir.join("assessments"),
            &format!("encrypted-{}", doc.assessment.date),
        )
    } else {
        doc.path.clone()
    };
    let mut prompt = PassPrompt::new(PassPurpose::SaveEncrypted, &path);
    // An encrypted original in the data folder goes without asking, as it always did.
    prompt.delete_original = own;
    if doc.passphrase.is_none() {
        prompt.original = Some(doc.path.clone());
    }
    app.pass_prompt = Some(prompt);
}

/// Opens the passphrase dialog for `purpose`, naming the file `path`.
pub fn ask(app: &mut MamoriApp, purpose: PassPurpose, path: &Path) {
    app.pass_prompt = Some(PassPrompt::new(purpose, path));
}

/// Applies the dialog: saves, or reads with the typed passphrase — a file to open or an older
/// visit on a worker thread (see [`poll`]), the class's files at once (the class view reads
/// them all again with it).
pub fn submit(app: &mut MamoriApp) {
    let Some(prompt) = app.pass_prompt.as_mut() else {
        return;
    };
    if prompt.work.is_some() {
        return;
    }
    if prompt.pass.is_empty() {
        prompt.error = Some(app.bundle.s("ui.pass_empty", app.prefs.lang).to_string());
        return;
    }
    let pass = SecretString::from(prompt.pass.clone());
    match prompt.purpose.clone() {
        PassPurpose::SaveEncrypted => submit_save(app, pass),
        // The class view's passphrase is checked on its first encrypted file, off the frame
        // like the others; the class's files are then read on a worker thread of their own.
        PassPurpose::Open(f) | PassPurpose::Compare(f) | PassPurpose::Class(f) => {
            prompt.error = None;
            prompt.work = Some(Pending::open(f, pass));
        }
    }
}

/// Takes the result of the work on the worker thread (a file opened or the check saved
/// encrypted), once it is there: called after the frame is drawn, so the dialog's spinner has
/// shown. True when it was taken.
pub fn poll(app: &mut MamoriApp) -> bool {
    let Some(work) = app.pass_prompt.as_ref().and_then(|p| p.work.as_ref()) else {
        return false;
    };
    let Some(done) = work.poll() else {
        return false;
    };
    if let Some(prompt) = app.pass_prompt.as_mut() {
        prompt.work = None;
    }
    match done {
        Done::Opened(file, pass, loaded) => finish(app, file, pass, *loaded),
        Done::Saved(path, pass, delete, saved) => {
            app.pass_prompt = None;
            app.saved_encrypted(path, pass, delete, saved);
        }
    }
    true
}

/// Uses what was read with the passphrase: a wrong one is said in the dialog, which stays
/// open; otherwise the dialog closes and the file is opened, compared or shown in the class.
fn finish(app: &mut MamoriApp, file: PathBuf, pass: SecretString, loaded: Loaded) {
    let Some(prompt) = app.pass_prompt.as_mut() else {
        return;
    };
    if let Err(AssessmentError::Crypt {
        reason: CryptError::WrongPassphrase,
        ..
    }) = loaded
    {
        prompt.pass.zeroize();
        prompt.error = Some(app.bundle.s("ui.pass_wrong", app.prefs.lang).to_string());
        return;
    }
    let Some(prompt) = app.pass_prompt.take() else {
        return;
    };
    match prompt.purpose.clone() {
        PassPurpose::Open(_) => app.open_loaded(&file, loaded, Some(pass)),
        PassPurpose::Compare(_) => app.add_older_visit(file, loaded),
        PassPurpose::Class(_) => {
            app.class.passphrase = Some(pass);
            app.class.refresh(&app.bundle);
        }
        PassPurpose::SaveEncrypted => {}
    }
}

/// "Save encrypted…": both passphrases alike and a file name, then save.
fn submit_save(app: &mut MamoriApp, pass: SecretString) {
    let Some(prompt) = app.pass_prompt.as_mut() else {
        return;
    };
    if prompt.pass != prompt.again {
        prompt.again.zeroize();
        prompt.error = Some(app.bundle.s("ui.pass_mismatch", app.prefs.lang).to_string());
        return;
    }
    if prompt.path.trim().is_empty() {
        return;
    }
    let path = PathBuf::from(prompt.path.trim());
    let delete = prompt.delete_original;
    // Pending autosaves are written first, so they cannot overtake the encrypted copy.
    app.saver.wait();
    let Some(doc) = &app.doc else { return };
    let a = doc.assessment.clone();
    if let Some(prompt) = app.pass_prompt.as_mut() {
        prompt.error = None;
        prompt.work = Some(Pending::save(a, path, pass, app.work_factor, delete));
    }
}

/// The passphrase dialog: a modal with password fields named for screen readers.
pub fn pass_prompt_ui(
    ui: &mut Ui,
    v: &View<'_>,
    prompt: &mut Option<PassPrompt>,
    out: &mut Commands,
) {
    let Some(prompt) = prompt.as_mut() else {
        return;
    };
    let saving = prompt.purpose == PassPurpose::SaveEncrypted;
    let mut submit = false;
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("pass_prompt")).show(ui.ctx(), |ui| {
        ui.set_max_width(theme::WIDE_DIALOG_WIDTH);
        if saving {
            ui.heading(v.t("ui.save_encrypted_title"));
            ui.label(v.t("ui.save_encrypted_intro"));
            ui.add_space(theme::ITEM_GAP);
            let l = ui.label(v.t("ui.path_label"));
            ui.add(
                egui::TextEdit::singleline(&mut prompt.path).desired_width(theme::PATH_FIELD_WIDTH),
            )
            .labelled_by(l.id);
        } else {
            ui.heading(v.t(match prompt.purpose {
                PassPurpose::Compare(_) => "ui.pass_compare_title",
                PassPurpose::Class(_) => "ui.pass_class_title",
                PassPurpose::Open(_) | PassPurpose::SaveEncrypted => "ui.pass_open_title",
            }));
            ui.label(prompt.path.as_str());
            if matches!(prompt.purpose, PassPurpose::Class(_)) {
                ui.label(v.t("ui.pass_class_hint"));
            }
        }
        ui.add_space(theme::ITEM_GAP);
        let working = prompt.work.as_ref().map(Pending::is_open);
        let enter = ui
            .add_enabled_ui(working.is_none(), |ui| {
                pass_fields_ui(ui, v, prompt, saving)
            })
            .inner;
        if let Some(open) = working {
            ui.horizontal(|ui| {
                spinner_ui(ui);
                ui.label(v.t(if open {
                    "ui.decrypting"
                } else {
                    "ui.encrypting"
                }));
            });
        }
        if saving && prompt.original_left().is_some() {
            original_ui(ui, v, prompt);
        }
        if let Some(e) = &prompt.error {
            ui.label(
                egui::RichText::new(format!("※ {e}"))
                    .strong()
                    .color(theme::private_color(ui.visuals().dark_mode)),
            );
        }
        ui.horizontal(|ui| {
            let action = if saving {
                "ui.save_encrypted_do"
            } else {
                "ui.pass_open_do"
            };
            let button = egui::Button::new(v.t(action));
            if ui.add_enabled(working.is_none(), button).clicked() || enter {
                submit = true;
            }
            if ui.button(v.t("ui.cancel")).clicked() {
                cancel = true;
            }
        });
    });
    if submit {
        out.send(DialogCommand::SubmitPassphrase);
    } else if cancel {
        out.send(DialogCommand::DismissPassPrompt);
    }
}

/// The passphrase field (twice when saving); true when Enter was pressed in one.
fn pass_fields_ui(ui: &mut Ui, v: &View<'_>, prompt: &mut PassPrompt, saving: bool) -> bool {
    let l = ui.label(v.t("ui.passphrase"));
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut prompt.pass)
                .password(true)
                .desired_width(theme::PASS_FIELD_WIDTH),
        )
        .labelled_by(l.id);
    // Enter in the field submits; read it before focusing the field again (focus is
    // given back only when nothing has it, e.g. when the dialog opens).
    let mut enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if !enter && ui.memory(|m| m.focused().is_none()) {
        r.request_focus();
    }
    if saving {
        let l = ui.label(v.t("ui.passphrase_again"));
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut prompt.again)
                    .password(true)
                    .desired_width(theme::PASS_FIELD_WIDTH),
            )
            .labelled_by(l.id);
        enter |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.label(v.t("ui.pass_forget_warning"));
    }
    enter
}

/// What to do with the unencrypted original: delete it (with its backup) or keep it.
fn original_ui(ui: &mut Ui, v: &View<'_>, prompt: &mut PassPrompt) {
    ui.add_space(theme::ITEM_GAP);
    ui.label(egui::RichText::new(v.t("ui.original_heading")).strong());
    if let Some(o) = prompt.original_left() {
        ui.label(o.display().to_string());
    }
    let choice = &mut prompt.delete_original;
    ui.radio_value(choice, true, v.t("ui.original_delete"));
    ui.radio_value(choice, false, v.t("ui.original_keep"));
}

/// A turning arc that shows work is going on. Unlike `egui::Spinner` it asks for no repaint
/// of its own: the app repaints every 50 ms while the work runs.
fn spinner_ui(ui: &mut Ui) {
    let size = ui.style().spacing.interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::new(egui::accesskit::Role::ProgressIndicator));
    let radius = rect.height() * 0.5 - 2.0;
    let start = ui.input(|i| i.time) * std::f64::consts::TAU;
    let points: Vec<egui::Pos2> = (0..=24)
        .map(|i| {
            let angle = start + f64::from(i) / 24.0 * 4.0;
            let (sin, cos) = angle.sin_cos();
            rect.center() + radius * egui::vec2(cos as f32, sin as f32)
        })
        .collect();
    let colour = ui.visuals().strong_text_color();
    ui.painter()
        .add(egui::Shape::line(points, egui::Stroke::new(3.0, colour)));
}
