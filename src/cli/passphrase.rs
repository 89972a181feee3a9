//! The `--passphrase-file` option: the passphrase of an encrypted assessment file (see
//! docs/security.md).

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{bail, Context};

use crate::model::crypt::SecretString;

/// The longest passphrase file read (a passphrase is one line).
const MAX_PASSPHRASE_FILE: u64 = 4096;

/// Reads the passphrase: the first line of `path`, without a byte-order mark (Notepad may
/// write one; see [`decode_text`]) and without its line end (LF or CRLF). Spaces at its end are kept (they may be
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
    let text = decode_text(bytes).ok_or_else(|| {
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
    if line.ends_with([' ', '\t', '\u{3000}']) {
        writeln!(
            err,
            "mamori: warning: {}: the passphrase ends with a space, which is kept as part of it. If the space is not part of the passphrase, remove it from the file",
            path.display()
        )?;
    }
    Ok(SecretString::from(line.to_string()))
}

/// The text of a passphrase file: UTF-8, with or without the byte-order mark Notepad may
/// write, or UTF-16 with its mark (what `echo … > file` writes in Windows PowerShell 5).
fn decode_text(bytes: Vec<u8>) -> Option<String> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| unit([c[0], c.get(1).copied().unwrap_or(0)]))
            .collect();
        String::from_utf16(&units).ok()
    };
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).ok(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).ok(),
    }
}

/// Reads the passphrase when `--passphrase-file` was given.
pub(super) fn passphrase(
    path: Option<&Path>,
    err: &mut dyn Write,
) -> anyhow::Result<Option<SecretString>> {
    path.map(|p| read_passphrase(p, err)).transpose()
}

#[cfg(test)]
mod tests {
    use super::decode_text;

    #[test]
    fn passphrase_files_from_windows_editors_decode() {
        let plain = "合言葉 2026\r\n".as_bytes().to_vec();
        assert_eq!(decode_text(plain).as_deref(), Some("合言葉 2026\r\n"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("合言葉\r\n".as_bytes());
        assert_eq!(decode_text(bom).as_deref(), Some("合言葉\r\n"));
        let mut le = vec![0xFF, 0xFE];
        le.extend("合言葉\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(le).as_deref(), Some("合言葉\r\n"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("pass".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_text(be).as_deref(), Some("pass"));
        assert_eq!(decode_text(vec![0x82, 0xA0]), None);
        assert_eq!("合言葉\r\n".lines().next(), Some("合言葉"));
    }
}
