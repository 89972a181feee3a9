//! Reading and writing assessment files, in one place. Reading takes one path for every
//! caller ([`Assessment::read`]): decrypt (an age file, with its passphrase) → decode (size,
//! UTF-8, BOM) → read the format version → migrate an old version ([`super::migrate`]) or
//! parse the current one. Writing serialises, encrypts when asked, and saves atomically with
//! a backup while holding the file's write lock ([`super::fsutil`], [`super::lock`]).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::assessment::{Assessment, AssessmentError, FORMAT_VERSION};
use super::crypt::{self, SecretString, WorkFactor};
use super::diag::{decode_text, from_ron_error, read_limited, Diagnostic, MAX_FILE_BYTES};
use super::fsutil::write_with_backup;
use super::lock::WriteLock;

/// The format documentation named in hints.
const DOC: &str = "docs/assessment-format.md";

#[derive(Deserialize)]
#[serde(rename = "Assessment")]
struct VersionProbe {
    format_version: u32,
}

impl Assessment {
    /// Parses an assessment from text; `shown` names the file in messages.
    pub fn from_ron_str(shown: &str, text: &str) -> Result<Assessment, AssessmentError> {
        let opts = ron::Options::default().with_recursion_limit(64);
        // Check the version first, so a newer file is refused for the right reason.
        if let Ok(probe) = opts.from_str::<VersionProbe>(text) {
            if probe.format_version > FORMAT_VERSION {
                return Err(AssessmentError::TooNew {
                    path: PathBuf::from(shown),
                    found: probe.format_version,
                    supported: FORMAT_VERSION,
                });
            }
            if (1..FORMAT_VERSION).contains(&probe.format_version) {
                return super::migrate::from_old(shown, text, probe.format_version);
            }
        }
        match opts.from_str::<Assessment>(text) {
            Ok(a) if a.format_version == 0 => Err(AssessmentError::Invalid(Diagnostic {
                file: shown.to_string(),
                line: 1,
                col: 1,
                message: "format_version 0 does not exist".into(),
                hint: format!("Set format_version: {FORMAT_VERSION} (see {DOC})"),
            })),
            Ok(a) => Ok(a),
            Err(e) => Err(AssessmentError::Invalid(from_ron_error(
                shown, text, 0, &e, DOC,
            ))),
        }
    }

    /// Reads an assessment from a file's bytes, the one way every caller reads: decrypted
    /// first when they are an age file and a passphrase is given (without one, an encrypted
    /// file gives [`AssessmentError::Encrypted`]), then decoded (size, UTF-8, BOM), migrated
    /// when old, and parsed. `shown` names the file in messages.
    pub fn read(
        shown: &str,
        bytes: &[u8],
        passphrase: Option<&SecretString>,
    ) -> Result<Assessment, AssessmentError> {
        let encrypted = || AssessmentError::Encrypted {
            path: PathBuf::from(shown),
        };
        let plain;
        let bytes = match passphrase {
            _ if !crypt::is_encrypted(bytes) => bytes,
            None => return Err(encrypted()),
            Some(p) => {
                plain = crypt::decrypt(bytes, p).map_err(|reason| AssessmentError::Crypt {
                    path: PathBuf::from(shown),
                    reason,
                })?;
                if crypt::is_encrypted(&plain) {
                    return Err(encrypted());
                }
                &plain[..]
            }
        };
        let text = decode_text(shown, bytes).map_err(AssessmentError::Invalid)?;
        Assessment::from_ron_str(shown, &text)
    }

    /// Parses an assessment from raw bytes; an encrypted file gives
    /// [`AssessmentError::Encrypted`] (see [`Assessment::read`]).
    pub fn from_bytes(shown: &str, bytes: &[u8]) -> Result<Assessment, AssessmentError> {
        Assessment::read(shown, bytes, None)
    }

    /// Reads a plaintext assessment file.
    pub fn load(path: &Path) -> Result<Assessment, AssessmentError> {
        Assessment::load_with(path, None)
    }

    /// Reads an assessment file, encrypted (with `passphrase`) or not.
    pub fn load_with(
        path: &Path,
        passphrase: Option<&SecretString>,
    ) -> Result<Assessment, AssessmentError> {
        let bytes = read_limited(path).map_err(|error| AssessmentError::Io {
            path: path.to_path_buf(),
            action: "reading",
            verb: "read",
            error,
        })?;
        Assessment::read(&path.display().to_string(), &bytes, passphrase)
    }

    /// The file content as written by [`Assessment::save`]: every field on its own line, every
    /// answer (with its note) on one line, and empty notes and flags left out, so that a file
    /// saved by mamori stays about as small as its content.
    pub fn to_ron_string(&self) -> Result<String, AssessmentError> {
        let config = ron::ser::PrettyConfig::new()
            .depth_limit(2)
            .struct_names(true)
            .indentor("    ".to_string());
        let body = ron::ser::to_string_pretty(self, config)
            .map_err(|e| AssessmentError::Serialize(e.to_string()))?;
        Ok(format!("// mamori assessment file (see {DOC})\n{body}\n"))
    }

    /// Writes the file atomically (temp file, fsync, rename, fsync of the folder), keeping the
    /// previous version next to it as `name.ron.bak` (see [`crate::model::fsutil::backup_path`]),
    /// while holding the file's write lock ([`WriteLock`]).
    pub fn save(&self, path: &Path) -> Result<(), AssessmentError> {
        self.save_with(path, None)
    }

    /// Saves encrypted with `passphrase` when one is given, else as plain RON (see
    /// [`Assessment::save`] and [`Assessment::save_encrypted`]).
    pub fn save_with(
        &self,
        path: &Path,
        passphrase: Option<&SecretString>,
    ) -> Result<(), AssessmentError> {
        self.save_with_work(path, passphrase, WorkFactor::Standard)
    }

    /// [`Assessment::save_with`] at the scrypt work factor `work` (tests pass a low one).
    pub fn save_with_work(
        &self,
        path: &Path,
        passphrase: Option<&SecretString>,
        work: WorkFactor,
    ) -> Result<(), AssessmentError> {
        let lock = WriteLock::acquire(path, "mamori")?;
        self.write_locked(&lock, passphrase.map(|p| (p, work)))
    }

    /// Writes the file encrypted with `passphrase`, atomically, holding its write lock. The
    /// previous version is kept as `NAME.ron.bak` only when it was encrypted too: a plaintext
    /// version is never kept next to an encrypted file (an older plaintext backup is removed).
    pub fn save_encrypted(
        &self,
        path: &Path,
        passphrase: &SecretString,
    ) -> Result<(), AssessmentError> {
        self.save_with(path, Some(passphrase))
    }

    /// Saves to the file whose write lock is held (see [`Assessment::update`]). Nothing is
    /// written when the file would be larger than mamori reads ([`AssessmentError::TooLarge`]).
    pub fn save_locked(
        &self,
        lock: &WriteLock,
        passphrase: Option<&SecretString>,
    ) -> Result<(), AssessmentError> {
        self.write_locked(lock, passphrase.map(|p| (p, WorkFactor::Standard)))
    }

    fn write_locked(
        &self,
        lock: &WriteLock,
        encryption: Option<(&SecretString, WorkFactor)>,
    ) -> Result<(), AssessmentError> {
        let path = lock.path();
        let passphrase = encryption.map(|(p, _)| p);
        let plain = self.to_ron_string()?.into_bytes();
        let bytes = match encryption {
            Some((p, work)) => {
                crypt::encrypt(&plain, p, work).map_err(|reason| AssessmentError::Crypt {
                    path: path.to_path_buf(),
                    reason,
                })?
            }
            None => plain,
        };
        // A plaintext version is never kept as the backup of an encrypted file.
        let keep_old = |old: &[u8]| passphrase.is_none() || crypt::is_encrypted(old);
        if bytes.len() > MAX_FILE_BYTES {
            return Err(AssessmentError::TooLarge {
                path: path.to_path_buf(),
                size: bytes.len(),
            });
        }
        write_with_backup(path, &bytes, keep_old).map_err(|error| AssessmentError::Io {
            path: path.to_path_buf(),
            action: "writing",
            verb: "write",
            error,
        })
    }

    /// Reads the file, lets `change` change the assessment and saves it, holding the file's
    /// write lock the whole time, so that no other mamori (another command, the app) writes
    /// in between and no change is lost. `who` names this writer in the message another one
    /// gets while waiting. When `change` fails, nothing is written.
    pub fn update<T, E: From<AssessmentError>>(
        path: &Path,
        passphrase: Option<&SecretString>,
        who: &str,
        change: impl FnOnce(&mut Assessment) -> Result<T, E>,
    ) -> Result<T, E> {
        let lock = WriteLock::acquire(path, who).map_err(AssessmentError::from)?;
        let mut a = Assessment::load_with(path, passphrase)?;
        let out = change(&mut a)?;
        a.save_locked(&lock, passphrase)?;
        Ok(out)
    }
}
