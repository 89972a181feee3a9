//! Diagnostics: what is wrong, where (`file:line:col`) and what to do.

use std::fmt;

pub use super::fsutil::MAX_FILE_BYTES;

/// One problem found while loading a file, with its position and a hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the user named it (a path, or `questionnaires/…` for embedded data).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}. {}",
            self.file, self.line, self.col, self.message, self.hint
        )
    }
}

/// The 1-based line and character column of byte `offset` in `src`.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of the regular file `path`: enough for
/// [`decode_text`] to refuse a file that is too large, without ever holding more than that in
/// memory. A FIFO, device, socket or folder is refused at once (see
/// [`crate::model::fsutil::read_regular`]).
pub fn read_limited(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    super::fsutil::read_regular(path)
}

/// Checks size and UTF-8, strips a UTF-8 byte-order mark and returns the text; on failure,
/// a diagnostic for `file`.
pub fn decode_text(file: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic {
            file: file.to_string(),
            line: 1,
            col: 1,
            message: format!(
                "the file is larger than {} bytes (4 MiB), the limit for a mamori file",
                MAX_FILE_BYTES
            ),
            hint: "This is not a mamori file, or it is damaged: choose the right file".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let (line, col) = line_col(&good, good.len());
            Err(Diagnostic {
                file: file.to_string(),
                line,
                col,
                message: "the file is not UTF-8 text (an invalid byte sequence starts here)".into(),
                hint: "Save the file as UTF-8 (not Shift_JIS), or choose the right file".into(),
            })
        }
    }
}

/// Turns a RON error into a diagnostic. `base` is the byte offset of the parsed slice
/// inside the whole file `src` (0 when the whole file was parsed).
/// `doc` names the format document to point the user to.
pub fn from_ron_error(
    file: &str,
    src: &str,
    base: usize,
    err: &ron::error::SpannedError,
    doc: &str,
) -> Diagnostic {
    // ron counts lines and character columns inside the parsed slice; turn that into a byte
    // offset in the whole file, then step over white space to land on the token itself.
    let slice = &src[base.min(src.len())..];
    let p = &err.span.start;
    let mut offset = 0;
    for (i, line) in slice.split_inclusive('\n').enumerate() {
        if i + 1 == p.line {
            offset += line
                .char_indices()
                .nth(p.col.saturating_sub(1))
                .map(|(b, _)| b)
                .unwrap_or(line.len());
            break;
        }
        offset += line.len();
    }
    let rest = &slice[offset.min(slice.len())..];
    offset += rest.len() - rest.trim_start().len();
    let (line, col) = line_col(src, base + offset);
    if only_trivia(src) {
        return Diagnostic {
            file: file.to_string(),
            line,
            col,
            message: "the file is empty (it holds only white space or comments)".into(),
            hint: format!(
                "Choose the right file; if it was yours, restore it from its backup (NAME.ron.bak) (see {doc})"
            ),
        };
    }
    // Cut off: nothing but comments after the error, or the error is in the last few
    // characters of a last line that has no line end (every editor and mamori end a file
    // with one).
    let rest = &slice[offset.min(slice.len())..];
    use ron::error::Error as E;
    // A string still open where a file without its final line end stops is cut off too.
    let open_string = matches!(err.code, E::ExpectedStringEnd) && !src.ends_with('\n');
    let at_end = only_trivia(rest)
        || open_string
        || (!rest.contains('\n') && !src.ends_with('\n') && rest.chars().count() <= 40);
    let hint = match &err.code {
        E::NoSuchStructField { .. } => {
            format!("Remove this field or correct its spelling (see {doc})")
        }
        E::MissingStructField { .. } => format!("Add the missing field (see {doc})"),
        E::DuplicateStructField { .. } => "Keep only one of the two fields".to_string(),
        E::NoSuchEnumVariant { .. } => "Use one of the names listed".to_string(),
        E::Eof => {
            "The file ends too early: a closing bracket or parenthesis is missing".to_string()
        }
        E::ExceededRecursionLimit => "The data is nested too deeply; flatten it".to_string(),
        _ => format!("Fix the value at this position (see {doc} for the format)"),
    };
    if at_end {
        return Diagnostic {
            file: file.to_string(),
            line,
            col,
            message: format!("{} (the file ends here: it is cut off)", err.code),
            hint: format!(
                "The end of the file is missing; if it was yours, restore it from its backup (NAME.ron.bak) (see {doc})"
            ),
        };
    }
    Diagnostic {
        file: file.to_string(),
        line,
        col,
        message: err.code.to_string(),
        hint,
    }
}

/// True when `text` holds nothing but white space and RON comments.
fn only_trivia(mut text: &str) -> bool {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("//") {
            text = rest.split_once('\n').map(|x| x.1).unwrap_or("");
        } else if let Some(rest) = text.strip_prefix("/*") {
            match rest.split_once("*/") {
                Some((_, after)) => text = after,
                None => return false,
            }
        } else {
            return text.is_empty();
        }
    }
}
