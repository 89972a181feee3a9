//! Safe file writing and reading (see `docs/security.md`, "Files on disk").
//!
//! - [`write_atomic`]: a temp file in the same folder, fsync, rename, fsync of the folder, so a
//!   file holds its old or its new content in full, never a mix. New files are created
//!   [`NEW_FILE_MODE`] (owner only); a replaced file keeps its mode; a read-only file is
//!   refused; a symbolic link is followed and its target replaced (the link stays a link).
//!   Temp files are removed on every error path, and those a killed run left behind are
//!   removed the next time that folder is written.
//! - [`write_with_backup`]: the same, first keeping the previous version as `name.ron.bak`.
//! - [`write_all_or_nothing`]: several files (the CSV pair): all are replaced, or none.
//! - [`read_regular`]: reads only regular files (a FIFO, device or socket is refused at once,
//!   never opened in a way that could block), at most [`MAX_FILE_BYTES`] + 1 bytes.
//!
//! Why not a crate: `tempfile`'s `persist` and the atomic-write crates rename a temp file
//! over the target, but none also keeps the `.bak`, fsyncs the folder after the rename,
//! keeps the replaced file's mode (0600 stays 0600), follows a symbolic link to replace its
//! target, refuses FIFOs without blocking and cleans up the temp files of a killed run; the
//! SIGKILL test (`tests/it/kill.rs`) and the mode and link tests hold these.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Size limit for any file mamori reads as text (questionnaire or assessment).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The mode of every file mamori creates: read and write for the owner only.
pub const NEW_FILE_MODE: u32 = 0o600;

/// A temp file older than this is removed even when its process may still run (a save takes
/// seconds, never an hour, and process ids are reused).
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Links followed at most before giving up (the same limit as Linux).
const MAX_LINKS: usize = 40;

fn error(kind: io::ErrorKind, message: String) -> io::Error {
    io::Error::new(kind, message)
}

/// Follows `path` through symbolic links to the file that is really read or written. A link
/// to a file that does not exist yet gives that file's path; a loop is an error.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(p),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(e),
        }
    }
    Err(error(
        io::ErrorKind::InvalidInput,
        format!("more than {MAX_LINKS} symbolic links in a row (a loop?); point the link at the file itself"),
    ))
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

fn not_regular(meta: &fs::Metadata) -> io::Error {
    error(
        io::ErrorKind::InvalidInput,
        format!(
            "it is {}, not a regular file; mamori reads and replaces only regular files",
            kind_of(meta)
        ),
    )
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of the regular file `path` (enough to refuse a
/// file that is too large without holding more). A FIFO, device, socket or folder is refused
/// before it is opened, and the file is opened non-blocking, so nothing can make this wait.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    // It may have been swapped for something else between the two looks.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The mode an existing file keeps, or `None` for a new file. Refuses what must not be
/// replaced: something other than a regular file, and a read-only file.
fn mode_to_keep(target: &Path) -> io::Result<Option<u32>> {
    let meta = match fs::metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    if meta.permissions().readonly() {
        return Err(error(
            io::ErrorKind::PermissionDenied,
            "the file is read-only, so mamori does not replace it; make it writable (chmod u+w) or save under another name".into(),
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(Some(meta.permissions().mode() & 0o7777))
    }
    #[cfg(not(unix))]
    Ok(None)
}

fn folder_of(target: &Path) -> io::Result<PathBuf> {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => Ok(p.to_path_buf()),
        _ => std::env::current_dir(),
    }
}

/// The temp file for `target`: hidden, in the same folder, named `.NAME.tmp-PID-N`.
fn temp_path(dir: &Path, target: &Path) -> io::Result<PathBuf> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .ok_or_else(|| error(io::ErrorKind::InvalidInput, "the path names no file".into()))?;
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(dir.join(tmp))
}

/// The process id in the name of one of our temp files (`.NAME.tmp-PID` or `.NAME.tmp-PID-N`).
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (_, tail) = rest.rsplit_once(".tmp-")?;
    let pid = tail.split('-').next()?;
    if pid.is_empty() || !tail.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return None;
    }
    pid.parse().ok()
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Removes the temp files that a killed mamori left in `dir`: those of a process that no
/// longer runs, and any older than [`STALE_AFTER`]. Best effort: a file that cannot be removed
/// stays (it is hidden and never read as data).
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_pid) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || pid == me {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old || !process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A file written in full under a temp name, not yet in place.
struct Prepared {
    tmp: PathBuf,
    target: PathBuf,
    dir: PathBuf,
}

/// Which mode a written file gets.
#[derive(Clone, Copy)]
enum ModeRule {
    /// An existing file keeps its mode (a read-only one is refused); a new one gets
    /// [`NEW_FILE_MODE`].
    Keep,
    /// Exactly this mode (a backup gets the mode of the file it copies).
    Exactly(Option<u32>),
}

impl Prepared {
    /// Writes `bytes` to a new temp file next to `path`'s real target (links followed).
    fn new(path: &Path, bytes: &[u8], rule: ModeRule) -> io::Result<Prepared> {
        let target = resolve_links(path)?;
        let mode = match rule {
            ModeRule::Keep => mode_to_keep(&target)?,
            ModeRule::Exactly(mode) => {
                match fs::metadata(&target) {
                    Ok(m) if !m.is_file() => return Err(not_regular(&m)),
                    _ => {}
                }
                mode
            }
        };
        let dir = folder_of(&target)?;
        remove_stale_temps(&dir);
        let tmp = temp_path(&dir, &target)?;
        let p = Prepared { tmp, target, dir };
        if let Err(e) = p.write(bytes, mode) {
            p.discard();
            return Err(e);
        }
        Ok(p)
    }

    fn write(&self, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(NEW_FILE_MODE);
        }
        let mut f = options.open(&self.tmp)?;
        #[cfg(unix)]
        if let Some(mode) = mode {
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(fs::Permissions::from_mode(mode))?;
        }
        let _ = mode;
        f.write_all(bytes)?;
        f.sync_all()
    }

    /// Puts the file in place and makes the rename durable.
    fn commit(self) -> io::Result<()> {
        if let Err(e) = fs::rename(&self.tmp, &self.target) {
            self.discard();
            return Err(e);
        }
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    fn discard(&self) {
        let _ = fs::remove_file(&self.tmp);
    }
}

/// Writes `bytes` to `path` so that, whatever happens, `path` holds either its old content or
/// the new content in full, never a mix or a truncated file (see the module documentation for
/// modes, read-only files, links and temp files).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    Prepared::new(path, bytes, ModeRule::Keep)?.commit()
}

/// Writes several files so that either all get their new content or none changes: every file
/// is first written in full under a temp name; only then are they put in place. If putting
/// one in place fails, those already replaced get their old content back. On error, the path
/// that failed is returned with the OS error.
pub fn write_all_or_nothing(files: &[(&Path, &[u8])]) -> Result<(), (PathBuf, io::Error)> {
    let mut prepared = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        match Prepared::new(path, bytes, ModeRule::Keep) {
            Ok(p) => prepared.push(p),
            Err(e) => {
                prepared.iter().for_each(Prepared::discard);
                return Err((path.to_path_buf(), e));
            }
        }
    }
    // The old contents, to put back if a later rename fails.
    let olds: Vec<Option<Vec<u8>>> = prepared.iter().map(|p| fs::read(&p.target).ok()).collect();
    let mut done: Vec<(PathBuf, Option<Vec<u8>>)> = Vec::new();
    let mut rest = prepared.into_iter().zip(olds);
    while let Some((p, old)) = rest.next() {
        let target = p.target.clone();
        if let Err(e) = p.commit() {
            rest.for_each(|(p, _)| p.discard());
            for (t, old) in done {
                let _ = match old {
                    Some(bytes) => write_atomic(&t, &bytes),
                    None => fs::remove_file(&t),
                };
            }
            return Err((target, e));
        }
        done.push((target, old));
    }
    Ok(())
}

/// The backup kept next to `path`: the same name with `.bak` appended (`a.ron` → `a.ron.bak`).
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves `bytes` to `path` atomically, first keeping the file's current content (if any) as
/// [`backup_path`] of its real target, itself written atomically. Whenever the process stops,
/// the file holds the old or the new content in full, and the backup a complete earlier
/// version.
///
/// `keep_old` decides whether the current content may be kept as the backup (it is given the
/// old bytes); when it says no, an old backup is removed instead, so that e.g. a plaintext
/// version never stays next to an encrypted file.
pub fn write_with_backup(
    path: &Path,
    bytes: &[u8],
    keep_old: impl Fn(&[u8]) -> bool,
) -> io::Result<()> {
    let target = resolve_links(path)?;
    // Refuse a read-only or odd file before anything (the backup included) is written.
    let mode = mode_to_keep(&target)?;
    let bak = backup_path(&target);
    // Read in full (not limited): the backup must be the whole earlier version.
    match fs::read(&target) {
        Ok(old) if old == bytes => {}
        Ok(old) if keep_old(&old) => {
            Prepared::new(&bak, &old, ModeRule::Exactly(mode))?.commit()?;
        }
        Ok(_) => match fs::remove_file(&bak) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    write_atomic(&target, bytes)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn keeps_the_previous_version_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        write_with_backup(&p, b"one", |_| true).unwrap();
        assert!(!backup_path(&p).exists());
        write_with_backup(&p, b"two", |_| true).unwrap();
        assert_eq!(fs::read(backup_path(&p)).unwrap(), b"one");
        write_with_backup(&p, b"three", |_| true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        assert_eq!(fs::read(backup_path(&p)).unwrap(), b"two");
        assert_eq!(backup_path(&p).file_name().unwrap(), "a.ron.bak");
        // A refused old version is not kept, and the older backup goes too.
        write_with_backup(&p, b"four", |old| old != b"three").unwrap();
        assert!(!backup_path(&p).exists());
        assert_eq!(fs::read(&p).unwrap(), b"four");
    }

    #[test]
    fn unwritable_folder_fails_cleanly() {
        let p = Path::new("/nonexistent-mamori-dir/x.ron");
        assert!(write_atomic(p, b"x").is_err());
    }
}
