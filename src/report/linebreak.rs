//! Line breaking for mixed Japanese and Latin text.
//!
//! Rules, in order:
//! - a newline in the text always ends a line;
//! - Latin words (runs of non-space, non-CJK characters) stay whole: lines break at spaces,
//!   and the spaces at a break are dropped;
//! - between Japanese characters a line may break anywhere, except that no line starts with
//!   a closing bracket, a small kana, a prolonged-sound mark or punctuation such as 、。！？
//!   (kinsoku shori, 行頭禁則), and no line ends with an opening bracket (行末禁則);
//! - phone numbers with their extension (`03-3581-1101(内線3844)`, `03-3581-1101 (ext. 3844)`),
//!   e-mail addresses and dates (`2026年12月1日`, `12月1日`) are never broken, not even at
//!   the spaces inside them ([`glue`]);
//! - as a last resort, a unit wider than the line (a very long word, a URL) is split
//!   between characters, so nothing ever runs past the margin.
//!
//! Why not `unicode-linebreak` (UAX #14): it gives break opportunities but not this
//! project's rules on top — the kinsoku sets above, and the glue that keeps phone numbers
//! with their extension, e-mail addresses and dates whole across spaces — so the code here
//! would stay as long with it as without it.

/// Characters that must not start a line.
const NO_START: &str = "、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～？！?!‼⁇⁈⁉・:;：；/／…‥";

/// Characters that must not end a line.
const NO_END: &str = "（([［{｛〔〈《「『【〘〖〝‘“｟«";

/// Whether `c` must not begin a line.
pub fn is_no_start(c: char) -> bool {
    NO_START.contains(c)
}

/// Whether `c` must not end a line.
pub fn is_no_end(c: char) -> bool {
    NO_END.contains(c)
}

/// Whether `c` is written without spaces between words (Japanese, Chinese, full-width forms),
/// so a line may break next to it.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF   // radicals
        | 0x3000..=0x303F // CJK symbols and punctuation
        | 0x3040..=0x30FF // hiragana, katakana
        | 0x3100..=0x31FF
        | 0x3200..=0x33FF // enclosed, compatibility
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF // half- and full-width forms
        | 0x20000..=0x3FFFF)
}

/// Whether a line may break between `a` and `b` (neither a space).
fn may_break_between(a: char, b: char) -> bool {
    if is_no_start(b) || is_no_end(a) {
        return false;
    }
    // Inside a Latin word: never.
    is_cjk(a) || is_cjk(b)
}

/// For each character of `chars`, whether the line must not break right before it, because
/// it is inside a phone number with its extension, an e-mail address or a date.
pub fn glue(chars: &[char]) -> Vec<bool> {
    let mut glued = vec![false; chars.len()];
    let mut mark = |from: usize, to: usize| {
        for g in glued.iter_mut().take(to).skip(from + 1) {
            *g = true;
        }
    };
    let digits = |at: usize| {
        chars[at.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let starts = |at: usize, s: &str| {
        let want: Vec<char> = s.chars().collect();
        chars.get(at..at + want.len()) == Some(&want[..])
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_word = i > 0 && (chars[i - 1].is_ascii_alphanumeric());
        // A phone number: a run of digits, '+', '-', '(' and ')' with at least 7 digits.
        if (c.is_ascii_digit() || c == '+') && !after_word {
            let mut run = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')'))
                .count();
            while run > 0 && !chars[i + run - 1].is_ascii_digit() {
                run -= 1;
            }
            let n = chars[i..i + run]
                .iter()
                .filter(|c| c.is_ascii_digit())
                .count();
            if n >= 7 && chars[i..i + run].contains(&'-') {
                let mut end = i + run;
                for (open, close) in [
                    ("(内線", ')'),
                    ("（内線", '）'),
                    (" (ext. ", ')'),
                    ("(ext. ", ')'),
                ] {
                    let at = end + open.chars().count();
                    if starts(end, open)
                        && digits(at) > 0
                        && chars.get(at + digits(at)) == Some(&close)
                    {
                        end = at + digits(at) + 1;
                        break;
                    }
                }
                mark(i, end);
                i = end;
                continue;
            }
        }
        // A date: 2026年12月1日, 2026年12月, 12月1日.
        if c.is_ascii_digit() && !after_word {
            let mut at = i;
            let mut parts = 0;
            for unit in ['年', '月', '日'] {
                let d = digits(at);
                if d > 0 && chars.get(at + d) == Some(&unit) {
                    at += d + 1;
                    parts += 1;
                } else if parts > 0 {
                    break;
                }
            }
            if parts >= 2 {
                mark(i, at);
                i = at;
                continue;
            }
        }
        // An e-mail address: the non-space, non-Japanese characters around an '@'.
        if c == '@' {
            let word = |c: &char| !c.is_whitespace() && !is_cjk(*c);
            let from = i - chars[..i].iter().rev().take_while(|c| word(c)).count();
            let to = i + chars[i..].iter().take_while(|c| word(c)).count();
            mark(from, to);
            i = to;
            continue;
        }
        i += 1;
    }
    glued
}

/// An unbreakable unit of text and whether a space came before it.
struct Unit {
    text: String,
    space_before: bool,
}

/// Splits one paragraph (no newlines) into unbreakable units.
fn units(paragraph: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut cur = String::new();
    let mut space_pending = false;
    let mut prev: Option<char> = None;
    let chars: Vec<char> = paragraph.chars().collect();
    let glued = glue(&chars);
    for (&c, &glued) in chars.iter().zip(&glued) {
        if glued {
            // Inside a phone number, address or date (a space in it does not break).
            cur.push(c);
            prev = Some(c);
            continue;
        }
        if c.is_whitespace() && c != '\u{3000}' {
            if !cur.is_empty() {
                out.push(Unit {
                    text: std::mem::take(&mut cur),
                    space_before: space_pending,
                });
            }
            space_pending = !out.is_empty();
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            if may_break_between(p, c) {
                out.push(Unit {
                    text: std::mem::take(&mut cur),
                    space_before: space_pending,
                });
                space_pending = false;
            }
        }
        cur.push(c);
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push(Unit {
            text: cur,
            space_before: space_pending,
        });
    }
    out
}

/// Breaks `text` into lines no wider than `max_width`, as measured by `width` (the width of
/// a string, in the same unit as `max_width`). Returns at least one line (possibly empty).
pub fn break_lines(text: &str, max_width: f32, width: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = width(" ");
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0_f32;
        for unit in units(paragraph.trim_end_matches('\r')) {
            let w = width(&unit.text);
            let gap = if unit.space_before && !line.is_empty() {
                space
            } else {
                0.0
            };
            if line_w + gap + w <= max_width {
                if gap > 0.0 {
                    line.push(' ');
                }
                line.push_str(&unit.text);
                line_w += gap + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            if w <= max_width {
                line.push_str(&unit.text);
                line_w = w;
                continue;
            }
            // Last resort: split the unit between characters.
            for c in unit.text.chars() {
                let cw = width(c.encode_utf8(&mut [0; 4]));
                if line_w + cw > max_width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is 1 wide, full-width characters 2: easy to reason about.
    fn w(s: &str) -> f32 {
        s.chars().map(|c| if is_cjk(c) { 2.0 } else { 1.0 }).sum()
    }

    #[test]
    fn latin_words_stay_whole() {
        let lines = break_lines("a mixed bag of words", 8.0, &w);
        assert_eq!(lines, ["a mixed", "bag of", "words"]);
        for l in &lines {
            assert!(!l.starts_with(' ') && !l.ends_with(' '), "{l:?}");
        }
        // "mixed" never becomes "m ixed".
        let lines = break_lines("xx mixed", 6.0, &w);
        assert_eq!(lines, ["xx", "mixed"]);
    }

    #[test]
    fn overlong_word_is_split_as_a_last_resort() {
        let lines = break_lines("see https://example.com/very/long", 10.0, &w);
        assert_eq!(lines[0], "see");
        assert!(lines.iter().all(|l| w(l) <= 10.0), "{lines:?}");
        assert_eq!(lines[1..].concat(), "https://example.com/very/long");
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // Width 10 = 5 kana; the sixth character is 。 which must not start line 2.
        let lines = break_lines("あいうえおか。きくけこ", 10.0, &w);
        for l in &lines[1..] {
            let first = l.chars().next().unwrap();
            assert!(!is_no_start(first), "{lines:?}");
        }
        assert_eq!(lines.concat(), "あいうえおか。きくけこ");
        // Small kana and the long-vowel mark stay with the character before them.
        let lines = break_lines("ああああチェック", 10.0, &w);
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.starts_with('ェ') && !l.starts_with('ッ')),
            "{lines:?}"
        );
        let lines = break_lines("ああああデータ", 8.0, &w);
        assert!(
            lines.iter().skip(1).all(|l| !l.starts_with('ー')),
            "{lines:?}"
        );
        let lines = break_lines("あああ、いい", 6.0, &w);
        assert_eq!(lines, ["ああ", "あ、い", "い"]);
    }

    #[test]
    fn no_line_ends_with_opening_bracket() {
        let lines = break_lines("ああああ「秘密」です", 10.0, &w);
        for l in &lines {
            assert!(!l.ends_with('「'), "{lines:?}");
        }
        assert_eq!(lines[0], "ああああ");
        assert!(lines[1].starts_with("「秘"), "{lines:?}");
    }

    #[test]
    fn mixed_japanese_and_latin() {
        let lines = break_lines("秘密保持契約(NDA)を結ぶ", 12.0, &w);
        assert!(lines.iter().all(|l| w(l) <= 12.0), "{lines:?}");
        assert_eq!(lines.concat(), "秘密保持契約(NDA)を結ぶ");
        // A Latin word between kanji is not split.
        let lines = break_lines("漢字mixed漢字", 9.0, &w);
        assert!(lines.iter().any(|l| l.contains("mixed")), "{lines:?}");
    }

    #[test]
    fn newlines_and_empty_text() {
        assert_eq!(break_lines("", 10.0, &w), [""]);
        assert_eq!(break_lines("a\nb", 10.0, &w), ["a", "b"]);
    }

    #[test]
    fn phone_numbers_extensions_addresses_and_dates_stay_whole() {
        let cases = [
            "お電話は 03-3581-1101(内線3844)へ。平日のみ受け付けています。",
            "Call 03-3581-1101 (ext. 3844) on weekdays between 9:00 and 17:30.",
            "+81-(0)3-3582-5198 (ext. 12) or write to trade-secret@inpit.go.jp today",
            "作成日は2026年12月1日、実施日は11月22日、提出は2026年12月です。",
        ];
        let whole = [
            "03-3581-1101(内線3844)",
            "03-3581-1101 (ext. 3844)",
            "+81-(0)3-3582-5198 (ext. 12)",
            "trade-secret@inpit.go.jp",
            "2026年12月1日",
            "11月22日",
            "2026年12月",
        ];
        for text in cases {
            // Every width from very narrow to wide: a protected piece is on one line
            // whenever it fits on a line at all.
            for max in 14..80 {
                let lines = break_lines(text, max as f32, &w);
                assert_eq!(squash(&lines.concat()), squash(text), "{max}: {lines:?}");
                for piece in whole.iter().filter(|p| text.contains(**p)) {
                    if w(piece) <= max as f32 {
                        assert!(
                            lines.iter().any(|l| l.contains(piece)),
                            "{max}: {piece} broken: {lines:?}"
                        );
                    }
                }
            }
        }
        // Not a phone number: short digit runs and ranges still break normally.
        let g = glue(&"12-34 56".chars().collect::<Vec<_>>());
        assert!(g.iter().all(|x| !x));
    }

    fn squash(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn a_run_of_prolonged_marks_is_still_split() {
        let text = "ー".repeat(30);
        let lines = break_lines(&text, 10.0, &w);
        assert!(lines.len() >= 6);
        assert!(lines.iter().all(|l| w(l) <= 10.0), "{lines:?}");
    }
}
