//! Opening an encrypted file off the frame: the passphrase's key derivation (scrypt, about a
//! second by design) and the decryption run on a worker thread, while the window goes on
//! drawing the passphrase dialog with a spinner. The frame looks for the result after it has
//! drawn ([`Opening::poll`]), so the spinner shows at least once, however fast the work.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, TryRecvError};

use crate::model::assessment::{Assessment, AssessmentError};
use crate::model::crypt::SecretString;

/// The outcome of reading the file.
pub type Loaded = Result<Assessment, AssessmentError>;

/// An encrypted file being read on a worker thread.
#[derive(Debug)]
pub struct Opening {
    /// The file.
    pub file: PathBuf,
    /// The passphrase it is read with (kept for saving the check encrypted again).
    pub pass: SecretString,
    result: Receiver<Loaded>,
}

impl Opening {
    /// Starts reading `file` with `pass` on a new thread.
    pub fn start(file: PathBuf, pass: SecretString) -> Opening {
        let (send, result) = channel();
        let (f, p) = (file.clone(), pass.clone());
        std::thread::spawn(move || {
            // The receiver may be gone (the dialog was cancelled): nothing left to tell.
            let _ = send.send(Assessment::load_with(&f, Some(&p)));
        });
        Opening { file, pass, result }
    }

    /// The result, once the work is done; `None` while it runs.
    pub fn poll(&self) -> Option<Loaded> {
        match self.result.try_recv() {
            Ok(loaded) => Some(loaded),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(AssessmentError::Io {
                path: self.file.clone(),
                action: "decrypting",
                verb: "decrypt",
                error: std::io::Error::other("the worker thread stopped without an answer"),
            })),
        }
    }
}
