//! Output that cannot steer the terminal: every control character other than a line end or a
//! tab (ESC, carriage return, backspace, C1 controls, bidirectional overrides) is written as
//! an escape such as `\u{1b}`, and bytes that are not UTF-8 as `\xNN`. Company names, notes
//! and question ids come from files anyone can edit; printed raw, `\x1b[2J` would clear the
//! screen and `\x1b]…` could retitle or worse.

use std::io::{self, Write};

/// A writer that escapes control characters (see the module documentation).
pub struct TerminalSafe<'a> {
    inner: &'a mut dyn Write,
    /// The start of a UTF-8 character cut between two writes.
    pending: Vec<u8>,
}

impl<'a> TerminalSafe<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a mut dyn Write) -> TerminalSafe<'a> {
        TerminalSafe {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes what is pending; with `all`, also an unfinished character (escaped).
    fn drain(&mut self, all: bool) -> io::Result<()> {
        let mut text = String::new();
        let bytes = std::mem::take(&mut self.pending);
        let mut rest: &[u8] = &bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    escape_into(s, &mut text);
                    rest = &[];
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    escape_into(&String::from_utf8_lossy(good), &mut text);
                    let n = match e.error_len() {
                        Some(n) => n,
                        None if all => bad.len(),
                        None => {
                            self.pending = bad.to_vec();
                            break;
                        }
                    };
                    for b in &bad[..n] {
                        text.push_str(&format!("\\x{b:02x}"));
                    }
                    rest = &bad[n..];
                }
            }
        }
        self.inner.write_all(text.as_bytes())
    }
}

/// Whether `c` is written as an escape.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
}

impl Write for TerminalSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.drain(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_text_kept_even_when_cut() {
        let mut sink = Vec::new();
        {
            let mut w = TerminalSafe::new(&mut sink);
            let text = "株式会社\x1b[31m赤\x1b[2J\r\n\tok\u{202e}";
            let bytes = text.as_bytes();
            // Cut inside the first character.
            w.write_all(&bytes[..2]).unwrap();
            w.write_all(&bytes[2..]).unwrap();
            w.write_all(b"\xff").unwrap();
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(sink).unwrap(),
            "株式会社\\u{1b}[31m赤\\u{1b}[2J\\u{d}\n\tok\\u{202e}\\xff"
        );
    }
}
