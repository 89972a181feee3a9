//! One writer at a time per assessment file, across processes (the app and the command line
//! included): an advisory OS lock on a small hidden lock file next to the assessment
//! (`.NAME.lock`, mode 0600), held while the file is read, changed and written, and removed
//! when the lock is released. The lock file holds the process id and the command of the
//! holder, for the message a second writer shows. The OS releases the lock when its holder
//! ends, however it ends (a lock file a killed process left behind is simply reused).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::fsutil::resolve_links;

/// How long a second writer waits for the lock before it gives up with [`LockError::Busy`].
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The write lock of one assessment file, held until dropped.
#[derive(Debug)]
pub struct WriteLock {
    file: File,
    lock: PathBuf,
    path: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds it.
    #[error("{path}: the file is in use by another mamori ({holder}); nothing was changed. Wait until it has finished, or close the file there, and try again")]
    Busy {
        /// The assessment file.
        path: PathBuf,
        /// Who holds it, as written in the lock file.
        holder: String,
    },
    /// The lock file could not be opened or locked.
    #[error("{path}: its lock file {lock} cannot be used ({error}); nothing was changed. Check that you may write in that folder")]
    Io {
        /// The assessment file.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// The OS error.
        error: io::Error,
    },
}

/// The lock file of `target`: `.NAME.lock` in the same folder.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".lock");
    target.with_file_name(name)
}

enum Attempt {
    Locked(File),
    /// The lock file was removed or replaced while we waited: open it again.
    Gone,
}

impl WriteLock {
    /// Takes the write lock of `path` (links followed, so a link and its target share one
    /// lock), waiting up to [`LOCK_WAIT`]. `who` names the holder in the message another
    /// writer gets (e.g. "mamori answer").
    pub fn acquire(path: &Path, who: &str) -> Result<WriteLock, LockError> {
        Self::acquire_within(path, who, LOCK_WAIT)
    }

    /// [`WriteLock::acquire`] with another wait.
    pub fn acquire_within(path: &Path, who: &str, wait: Duration) -> Result<WriteLock, LockError> {
        let target = resolve_links(path).unwrap_or_else(|_| path.to_path_buf());
        let lock = lock_path(&target);
        let start = Instant::now();
        let mut file = loop {
            match attempt(path, &lock, start, wait)? {
                Attempt::Locked(file) => break file,
                Attempt::Gone => continue,
            }
        };
        // Say who holds it; a failure here only makes another writer's message vaguer.
        let _ = file.set_len(0).and_then(|()| {
            file.rewind()?;
            write!(file, "pid {}: {who}", std::process::id())
        });
        Ok(WriteLock {
            file,
            lock,
            path: path.to_path_buf(),
        })
    }

    /// The file this lock guards, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Opens the lock file and waits for its lock. The holder removes the lock file before it
/// releases the lock, so a lock taken on a file that is no longer at `lock` is worthless:
/// then [`Attempt::Gone`] says to start again.
fn attempt(path: &Path, lock: &Path, start: Instant, wait: Duration) -> Result<Attempt, LockError> {
    let io_error = |error| LockError::Io {
        path: path.to_path_buf(),
        lock: lock.to_path_buf(),
        error,
    };
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(super::fsutil::NEW_FILE_MODE);
    }
    let mut file = options.open(lock).map_err(io_error)?;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Busy {
                    path: path.to_path_buf(),
                    holder: holder(&mut file),
                })
            }
            Err(TryLockError::Error(e)) => return Err(io_error(e)),
        }
    }
    if same_file(&file, lock) {
        Ok(Attempt::Locked(file))
    } else {
        Ok(Attempt::Gone)
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Removed while still locked, so nobody can lock a file that is about to go.
        let _ = fs::remove_file(&self.lock);
        let _ = self.file.unlock();
    }
}

/// The holder as written in the lock file, printable characters only.
fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind();
    let _ = file.take(200).read_to_string(&mut text);
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    if text.trim().is_empty() {
        "another process".into()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_is_told_who_holds_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        let held = WriteLock::acquire(&p, "mamori answer").unwrap();
        assert!(lock_path(&p).exists());
        let t = Instant::now();
        let err = WriteLock::acquire_within(&p, "x", Duration::from_millis(200)).unwrap_err();
        assert!(t.elapsed() >= Duration::from_millis(200));
        let msg = err.to_string();
        assert!(
            msg.contains("in use") && msg.contains("mamori answer"),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
        drop(held);
        assert!(
            !lock_path(&p).exists(),
            "the lock file is removed on release"
        );
        let again = WriteLock::acquire_within(&p, "x", Duration::ZERO).unwrap();
        assert_eq!(again.path(), p);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_and_its_target_share_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let _held = WriteLock::acquire(&real, "a").unwrap();
        assert!(matches!(
            WriteLock::acquire_within(&link, "b", Duration::from_millis(50)),
            Err(LockError::Busy { .. })
        ));
    }
}
