//! Atomic file writing: a temp file in the same folder, fsync, rename, fsync of the folder;
//! and saving with a backup of the previous version next to the file (`name.ron.bak`).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that, whatever happens, `path` holds either its old content or
/// the new content in full, never a mix or a truncated file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::env::current_dir()?,
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
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
/// [`backup_path`], itself written atomically. Whenever the process stops, `path` holds the old
/// or the new content in full, and the backup holds a complete earlier version.
///
/// `keep_old` decides whether the current content may be kept as the backup (it is given the
/// old bytes); when it says no, an old backup is removed instead, so that e.g. a plaintext
/// version never stays next to an encrypted file.
pub fn write_with_backup(
    path: &Path,
    bytes: &[u8],
    keep_old: impl Fn(&[u8]) -> bool,
) -> io::Result<()> {
    let bak = backup_path(path);
    match fs::read(path) {
        Ok(old) if old == bytes => {}
        Ok(old) if keep_old(&old) => write_atomic(&bak, &old)?,
        Ok(_) => match fs::remove_file(&bak) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    write_atomic(path, bytes)
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
