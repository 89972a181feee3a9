//! The passphrase's work off the frame: opening an encrypted file and "Save encrypted…" run
//! the key derivation (scrypt, about a second by design) and the (de)cryption on a worker
//! thread, while the window goes on drawing the passphrase dialog with a spinner. The frame
//! looks for the result after it has drawn ([`Pending::poll`]), so the spinner shows at least
//! once, however fast the work.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, TryRecvError};

use crate::model::assessment::{Assessment, AssessmentError};
use crate::model::crypt::{SecretString, WorkFactor};

/// The outcome of reading the file.
pub type Loaded = Result<Assessment, AssessmentError>;

/// Work running on a worker thread for the passphrase dialog.
#[derive(Debug)]
pub enum Pending {
    /// Reading `file` with `pass`.
    Open {
        /// The file.
        file: PathBuf,
        /// The passphrase (kept for saving the check encrypted again).
        pass: SecretString,
        /// Where the result arrives.
        result: Receiver<Loaded>,
    },
    /// Writing the open check encrypted to `path`.
    Save {
        /// The new file.
        path: PathBuf,
        /// The passphrase.
        pass: SecretString,
        /// Whether to delete the unencrypted original afterwards.
        delete_original: bool,
        /// Where the result arrives.
        result: Receiver<Result<(), AssessmentError>>,
    },
}

/// Finished work, with what is needed to go on.
#[derive(Debug)]
pub enum Done {
    /// The file was read (or why not).
    Opened(PathBuf, SecretString, Box<Loaded>),
    /// The check was saved encrypted (or why not): path, passphrase, delete the original.
    Saved(PathBuf, SecretString, bool, Result<(), AssessmentError>),
}

/// Runs `work` on a new thread; its result arrives on the returned receiver.
fn spawn<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Receiver<T> {
    let (send, result) = channel();
    std::thread::spawn(move || {
        // The receiver may be gone (the dialog was cancelled): nothing left to tell.
        let _ = send.send(work());
    });
    result
}

/// Takes a result if it is there; a worker that stopped without one is said as `lost`.
fn take<T>(
    result: &Receiver<Result<T, AssessmentError>>,
    lost: impl FnOnce() -> AssessmentError,
) -> Option<Result<T, AssessmentError>> {
    match result.try_recv() {
        Ok(r) => Some(r),
        Err(TryRecvError::Empty) => None,
        Err(TryRecvError::Disconnected) => Some(Err(lost())),
    }
}

fn stopped(path: &Path, action: &'static str, verb: &'static str) -> AssessmentError {
    AssessmentError::Io {
        path: path.to_path_buf(),
        action,
        verb,
        error: std::io::Error::other("the worker thread stopped without an answer"),
    }
}

impl Pending {
    /// Starts reading `file` with `pass`.
    pub fn open(file: PathBuf, pass: SecretString) -> Pending {
        let (f, p) = (file.clone(), pass.clone());
        let result = spawn(move || Assessment::load_with(&f, Some(&p)));
        Pending::Open { file, pass, result }
    }

    /// Starts writing `a` to `path`, encrypted with `pass` at the work factor `work`.
    pub fn save(
        a: Assessment,
        path: PathBuf,
        pass: SecretString,
        work: WorkFactor,
        delete_original: bool,
    ) -> Pending {
        let (target, p) = (path.clone(), pass.clone());
        let result = spawn(move || a.save_with_work(&target, Some(&p), work));
        Pending::Save {
            path,
            pass,
            delete_original,
            result,
        }
    }

    /// Whether the work reads a file (else it saves one).
    pub fn is_open(&self) -> bool {
        matches!(self, Pending::Open { .. })
    }

    /// The finished work, once it is done; `None` while it runs.
    pub fn poll(&self) -> Option<Done> {
        match self {
            Pending::Open { file, pass, result } => {
                let loaded = take(result, || stopped(file, "decrypting", "decrypt"))?;
                Some(Done::Opened(file.clone(), pass.clone(), Box::new(loaded)))
            }
            Pending::Save {
                path,
                pass,
                delete_original,
                result,
            } => {
                let saved = take(result, || stopped(path, "writing", "write"))?;
                Some(Done::Saved(
                    path.clone(),
                    pass.clone(),
                    *delete_original,
                    saved,
                ))
            }
        }
    }
}
