//! `mamori encrypt` / `mamori decrypt` and the `--passphrase-file` option: encryption at rest
//! (see docs/security.md).

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{bail, Context};

use crate::model::assessment::Assessment;
use crate::model::crypt::{self, SecretString};
use crate::model::fsutil::write_atomic;

/// The longest passphrase file read (a passphrase is one line).
const MAX_PASSPHRASE_FILE: u64 = 4096;

/// Reads the passphrase: the first line of `path`, without its line end.
pub(super) fn read_passphrase(path: &Path) -> anyhow::Result<SecretString> {
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
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        bail!(
            "{}: the passphrase file is empty. Put the passphrase on its first line",
            path.display()
        );
    }
    Ok(SecretString::from(line.to_string()))
}

/// Reads the passphrase when `--passphrase-file` was given.
pub(super) fn passphrase(path: Option<&Path>) -> anyhow::Result<Option<SecretString>> {
    path.map(read_passphrase).transpose()
}

fn refuse_existing(output: &Path, input: &Path) -> anyhow::Result<()> {
    if output == input {
        bail!(
            "{}: OUT is the same file as IN; nothing was written. Choose another name for OUT",
            output.display()
        );
    }
    if output.exists() {
        bail!(
            "{} already exists; nothing was written. Choose another name, or delete it first",
            output.display()
        );
    }
    Ok(())
}

/// `mamori encrypt IN OUT --passphrase-file P`.
pub(super) fn encrypt_cmd(
    input: &Path,
    output: &Path,
    passphrase_file: &Path,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let pass = read_passphrase(passphrase_file)?;
    refuse_existing(output, input)?;
    // Only a valid, plaintext assessment is encrypted.
    let a = Assessment::load(input)?;
    let cipher = crypt::encrypt(a.to_ron_string().as_bytes(), &pass)
        .with_context(|| format!("{}", input.display()))?;
    write_atomic(output, &cipher)
        .with_context(|| format!("{}: writing failed", output.display()))?;
    writeln!(out, "{}", output.display())?;
    Ok(0)
}

/// `mamori decrypt IN OUT --passphrase-file P`.
pub(super) fn decrypt_cmd(
    input: &Path,
    output: &Path,
    passphrase_file: &Path,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let pass = read_passphrase(passphrase_file)?;
    refuse_existing(output, input)?;
    let a = Assessment::load_with(input, Some(&pass))?;
    write_atomic(output, a.to_ron_string().as_bytes())
        .with_context(|| format!("{}: writing failed", output.display()))?;
    writeln!(out, "{}", output.display())?;
    Ok(0)
}
