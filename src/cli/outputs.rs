//! Outputs checked before anything is written: a command never writes over one of its
//! inputs, nor over an existing file of another kind (`report a.ron --out a.ron` would
//! otherwise turn the assessment into a PDF).

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::model::crypt::is_encrypted;
use crate::model::fsutil::kind_of;

/// What an output file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A PDF report.
    Pdf,
    /// A CSV export.
    Csv,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Pdf => "PDF",
            Kind::Csv => "CSV file",
        }
    }
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// What an existing file holds, when it is not what `kind` may replace.
fn other_content(head: &[u8], kind: Kind) -> Option<&'static str> {
    let text = String::from_utf8_lossy(head);
    if is_encrypted(head) {
        Some("an encrypted mamori file")
    } else if text.contains("Assessment(") || text.contains("mamori assessment file") {
        Some("a mamori assessment file")
    } else if kind == Kind::Pdf && !head.starts_with(b"%PDF-") {
        Some("not a PDF")
    } else if kind == Kind::Csv && head.starts_with(b"%PDF-") {
        Some("a PDF")
    } else if kind == Kind::Csv && head.contains(&0) {
        Some("a binary file")
    } else {
        None
    }
}

/// Refuses `output` when it is one of `inputs` (also through a link), or when it exists and
/// is not a file of `kind`; nothing has been written then.
pub(super) fn check_output(output: &Path, kind: Kind, inputs: &[PathBuf]) -> anyhow::Result<()> {
    if let Some(input) = inputs.iter().find(|i| same_file(output, i)) {
        bail!(
            "{}: the output would replace the input file {}; nothing was written. Choose another name for the output",
            output.display(),
            input.display()
        );
    }
    let meta = match std::fs::metadata(output) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => bail!(
            "{}: the output cannot be checked ({e}); nothing was written. Check the path",
            output.display()
        ),
    };
    if !meta.is_file() {
        bail!(
            "{}: the output exists and is {}; nothing was written. Choose another name for the output",
            output.display(),
            kind_of(&meta)
        );
    }
    let mut head = Vec::new();
    std::fs::File::open(output)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .map_err(|e| {
            anyhow::anyhow!(
                "{}: the existing output cannot be read ({e}); nothing was written. Choose another name",
                output.display()
            )
        })?;
    if let Some(what) = other_content(&head, kind) {
        bail!(
            "{}: the file exists and is {what}, not a {}; nothing was written and it was left as it is. Choose another name for the output",
            output.display(),
            kind.name()
        );
    }
    Ok(())
}
