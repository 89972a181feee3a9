//! The background saver that keeps autosave of an encrypted check off the UI thread (each
//! encryption costs about a second of scrypt work): the newest version wins.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use crate::model::assessment::Assessment;
use crate::model::crypt::{SecretString, WorkFactor};

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
