//! Encrypted assessments in the app: the passphrase dialog (open an encrypted file, "Save
//! encrypted…") and the background saver that keeps autosave of an encrypted check off the UI
//! thread (each encryption costs about a second of scrypt work).
//!
//! The passphrase lives only in memory: in the dialog's text fields while typed (wiped when the
//! dialog closes) and in [`super::Document::passphrase`] while the check is open.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use egui::Ui;
use secrecy::zeroize::Zeroize;

use super::commands::{Commands, DialogCommand};
use super::view::View;
use super::{theme, MamoriApp};
use crate::model::assessment::{Assessment, AssessmentError};
use crate::model::crypt::{CryptError, SecretString, WorkFactor};

/// What the passphrase dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PassPurpose {
    /// Open this encrypted file.
    Open(PathBuf),
    /// Save the open check encrypted (asks the passphrase twice and the file name).
    SaveEncrypted,
}

/// The passphrase dialog's state. The typed text is wiped when it is dropped.
#[derive(Debug)]
pub struct PassPrompt {
    /// What it is for.
    pub purpose: PassPurpose,
    /// Where to save (for [`PassPurpose::SaveEncrypted`]).
    pub path: String,
    /// The passphrase as typed.
    pub pass: String,
    /// The passphrase typed again (for [`PassPurpose::SaveEncrypted`]).
    pub again: String,
    /// A problem to show in the dialog (wrong passphrase, the two do not match …).
    pub error: Option<String>,
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

/// One save waiting for the background saver.
struct Job {
    assessment: Assessment,
    path: PathBuf,
    passphrase: SecretString,
    work: WorkFactor,
}

#[derive(Default)]
struct SaverState {
    /// The newest version not yet being written (older unstarted ones are dropped).
    next: Option<Job>,
    /// A save is being written.
    busy: bool,
    /// Errors to show, oldest first.
    errors: Vec<String>,
}

/// Writes encrypted saves on a background thread, newest version wins.
#[derive(Clone, Default)]
pub struct Saver {
    shared: Arc<(Mutex<SaverState>, Condvar)>,
    started: Arc<Mutex<bool>>,
}

impl std::fmt::Debug for Saver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Saver")
    }
}

impl Saver {
    /// Queues a save of `a` to `path`, encrypted with `passphrase` at the work factor `work`;
    /// replaces a queued one.
    pub fn submit(&self, a: &Assessment, path: &Path, passphrase: &SecretString, work: WorkFactor) {
        self.start();
        let (lock, cv) = &*self.shared;
        if let Ok(mut s) = lock.lock() {
            s.next = Some(Job {
                assessment: a.clone(),
                path: path.to_path_buf(),
                passphrase: passphrase.clone(),
                work,
            });
            cv.notify_all();
        }
    }

    /// Waits until every queued save is written.
    pub fn wait(&self) {
        let (lock, cv) = &*self.shared;
        let Ok(mut s) = lock.lock() else { return };
        while s.busy || s.next.is_some() {
            match cv.wait(s) {
                Ok(g) => s = g,
                Err(_) => return,
            }
        }
    }

    /// Whether a save is queued or being written.
    pub fn pending(&self) -> bool {
        let (lock, _) = &*self.shared;
        lock.lock()
            .map(|s| s.busy || s.next.is_some())
            .unwrap_or(false)
    }

    /// Errors of finished saves, taken out.
    pub fn take_errors(&self) -> Vec<String> {
        let (lock, _) = &*self.shared;
        lock.lock()
            .map(|mut s| std::mem::take(&mut s.errors))
            .unwrap_or_default()
    }

    fn start(&self) {
        let Ok(mut started) = self.started.lock() else {
            return;
        };
        if *started {
            return;
        }
        *started = true;
        let shared = self.shared.clone();
        let spawned = std::thread::Builder::new()
            .name("mamori-encrypted-save".into())
            .spawn(move || loop {
                let (lock, cv) = &*shared;
                let job = {
                    let Ok(mut s) = lock.lock() else { return };
                    while s.next.is_none() {
                        match cv.wait(s) {
                            Ok(g) => s = g,
                            Err(_) => return,
                        }
                    }
                    s.busy = true;
                    s.next.take()
                };
                let result = job.map(|j| {
                    j.assessment
                        .save_with_work(&j.path, Some(&j.passphrase), j.work)
                        .map_err(|e| e.to_string())
                });
                let Ok(mut s) = lock.lock() else { return };
                if let Some(Err(e)) = result {
                    s.errors.push(e);
                }
                s.busy = false;
                cv.notify_all();
            });
        if spawned.is_err() {
            *started = false;
        }
    }
}

/// Opens the passphrase dialog to save the open check encrypted.
///
/// The file name it suggests: the same file when it is the user's own; for the app's own file
/// in its data folder (named after the company), a neutral name, so that not even the file name
/// tells whose check it is.
pub fn ask_save_encrypted(app: &mut MamoriApp) {
    let Some(doc) = &app.doc else { return };
    let path = if doc.path.starts_with(&app.data_dir) && doc.passphrase.is_none() {
        super::unique_path(
            &app.data_dir.join("assessments"),
            &format!("encrypted-{}", doc.assessment.date),
        )
    } else {
        doc.path.clone()
    };
    app.pass_prompt = Some(PassPrompt {
        purpose: PassPurpose::SaveEncrypted,
        path: path.display().to_string(),
        pass: String::new(),
        again: String::new(),
        error: None,
    });
}

/// Opens the passphrase dialog for the encrypted file `path`.
pub fn ask_open(app: &mut MamoriApp, path: &Path) {
    app.pass_prompt = Some(PassPrompt {
        purpose: PassPurpose::Open(path.to_path_buf()),
        path: path.display().to_string(),
        pass: String::new(),
        again: String::new(),
        error: None,
    });
}

/// Applies the dialog: opens or saves with the typed passphrase.
pub fn submit(app: &mut MamoriApp) {
    let Some(prompt) = app.pass_prompt.as_mut() else {
        return;
    };
    if prompt.pass.is_empty() {
        prompt.error = Some(app.bundle.s("ui.pass_empty", app.prefs.lang).to_string());
        return;
    }
    let pass = SecretString::from(prompt.pass.clone());
    match prompt.purpose.clone() {
        PassPurpose::Open(path) => match Assessment::load_with(&path, Some(&pass)) {
            Err(AssessmentError::Crypt {
                reason: CryptError::WrongPassphrase,
                ..
            }) => {
                prompt.pass.zeroize();
                prompt.error = Some(app.bundle.s("ui.pass_wrong", app.prefs.lang).to_string());
            }
            result => {
                app.pass_prompt = None;
                app.open_loaded(&path, result, Some(pass));
            }
        },
        PassPurpose::SaveEncrypted => {
            if prompt.pass != prompt.again {
                prompt.again.zeroize();
                prompt.error = Some(app.bundle.s("ui.pass_mismatch", app.prefs.lang).to_string());
                return;
            }
            let path = PathBuf::from(prompt.path.trim());
            if prompt.path.trim().is_empty() {
                return;
            }
            app.pass_prompt = None;
            app.save_encrypted_as(path, pass);
        }
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
            ui.heading(v.t("ui.pass_open_title"));
            ui.label(prompt.path.as_str());
        }
        ui.add_space(theme::ITEM_GAP);
        let enter = pass_fields_ui(ui, v, prompt, saving);
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
            if ui.button(v.t(action)).clicked() || enter {
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
