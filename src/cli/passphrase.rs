//! The `--passphrase-file` option: the passphrase of an encrypted assessment file (see
//! docs/security.md).

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{bail, Context};

use crate::model::crypt::SecretString;

/// The longest passphrase file read (a passphrase is one line).
const MAX_PASSPHRASE_FILE: u64 = 4096;

/// Reads the passphrase: the first line of `path`, without a UTF-8 byte-order mark (Notepad
/// writes one) and without its line end (LF or CRLF). Spaces at its end are kept (they may be
/// part of the passphrase) but a warning on `err` says so, since an editor may have added them.
pub(super) fn read_passphrase(path: &Path, err: &mut dyn Write) -> anyhow::Result<SecretString> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PASSPHRASE_FILE).read_to_end(&mut bytes))
        .with_context(|| {
            format!(
                "{}: the passphrase file cannot be read. Check the path given to --passphrase-file",
                path.display()
            )
        })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{}: the passphrase file is not UTF-8 text. Save it as UTF-8",
            path.display()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        bail!(
            "{}: the passphrase file is empty. Put the passphrase on its first line",
            path.display()
        );
    }
    if line.ends_with([' ', '\t', '\u{3000}']) {
        writeln!(
            err,
            "mamori: warning: {}: the passphrase ends with a space, which is kept as part of it. If the space is not part of the passphrase, remove it from the file",
            path.display()
        )?;
    }
    Ok(SecretString::from(line.to_string()))
}

/// Reads the passphrase when `--passphrase-file` was given.
pub(super) fn passphrase(
    path: Option<&Path>,
    err: &mut dyn Write,
) -> anyhow::Result<Option<SecretString>> {
    path.map(|p| read_passphrase(p, err)).transpose()
}
