//! `mamori encrypt IN OUT` and `mamori decrypt IN OUT`: encryption at rest with a passphrase
//! (age, scrypt; see docs/security.md). IN is never changed and OUT must not exist.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::passphrase::read_passphrase;
use crate::model::assessment::Assessment;
use crate::model::crypt::{self, WorkFactor};
use crate::model::fsutil::write_atomic;

/// Arguments of `mamori encrypt`.
#[derive(Debug, clap::Args)]
pub struct EncryptArgs {
    /// The plaintext assessment file.
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// The encrypted file to write (must not exist).
    #[arg(value_name = "OUT")]
    pub output: PathBuf,
    /// The passphrase: the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: PathBuf,
}

/// Arguments of `mamori decrypt`.
#[derive(Debug, clap::Args)]
pub struct DecryptArgs {
    /// The encrypted assessment file.
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// The plaintext file to write (must not exist).
    #[arg(value_name = "OUT")]
    pub output: PathBuf,
    /// The passphrase: the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: PathBuf,
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
pub(super) fn encrypt(
    args: EncryptArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let pass = read_passphrase(&args.passphrase_file, err)?;
    refuse_existing(&args.output, &args.input)?;
    // Only a valid, plaintext assessment is encrypted.
    let a = Assessment::load(&args.input)?;
    let cipher = crypt::encrypt(a.to_ron_string()?.as_bytes(), &pass, WorkFactor::Standard)
        .with_context(|| format!("{}", args.input.display()))?;
    write_atomic(&args.output, &cipher)
        .with_context(|| format!("{}: writing failed", args.output.display()))?;
    writeln!(out, "{}", args.output.display())?;
    Ok(0)
}

/// `mamori decrypt IN OUT --passphrase-file P`.
pub(super) fn decrypt(
    args: DecryptArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let pass = read_passphrase(&args.passphrase_file, err)?;
    refuse_existing(&args.output, &args.input)?;
    let a = Assessment::load_with(&args.input, Some(&pass))?;
    write_atomic(&args.output, a.to_ron_string()?.as_bytes())
        .with_context(|| format!("{}: writing failed", args.output.display()))?;
    writeln!(out, "{}", args.output.display())?;
    Ok(0)
}
