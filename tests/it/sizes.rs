//! Files and functions short enough to read: no file under `src/` over 600 lines and no
//! function over 120, unless the code says why in one line — `//! allow-long: REASON` in the
//! first lines of a file, `// allow-long: REASON` in the comments and attributes right above a
//! function. The test of the test runs the scanner on small fixtures.

use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 120;
const MARK: &str = "allow-long:";

/// A function found in the code: its name, first line (1-based) and length in lines.
#[derive(Debug, PartialEq)]
struct FnSpan {
    name: String,
    line: usize,
    lines: usize,
    excused: bool,
}

/// The code with comments, string and char literals blanked (newlines kept), so braces and
/// `fn` inside them are not counted.
fn blank_literals(code: &str) -> Vec<char> {
    let b: Vec<char> = code.chars().collect();
    let mut out = b.clone();
    let mut i = 0;
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for c in out.iter_mut().take(to).skip(from) {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    while i < b.len() {
        let end = literal_end(&b, i);
        if end > i {
            blank(&mut out, i, end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Where a comment or literal starting at `i` ends (exclusive); `i` when none starts there.
fn literal_end(b: &[char], i: usize) -> usize {
    let at = |k: usize| b.get(k).copied().unwrap_or('\0');
    match (at(i), at(i + 1)) {
        ('/', '/') => (i..b.len()).find(|&k| b[k] == '\n').unwrap_or(b.len()),
        ('/', '*') => {
            let mut depth = 0;
            let mut k = i;
            while k < b.len() {
                if at(k) == '/' && at(k + 1) == '*' {
                    depth += 1;
                    k += 2;
                } else if at(k) == '*' && at(k + 1) == '/' {
                    depth -= 1;
                    k += 2;
                    if depth == 0 {
                        return k;
                    }
                } else {
                    k += 1;
                }
            }
            b.len()
        }
        ('r', '#') | ('r', '"') if i == 0 || !is_ident(at(i - 1)) => raw_string_end(b, i),
        ('"', _) => {
            let mut k = i + 1;
            while k < b.len() && b[k] != '"' {
                k += if b[k] == '\\' { 2 } else { 1 };
            }
            k + 1
        }
        ('\'', _) if at(i + 2) == '\'' || (at(i + 1) == '\\' && !is_ident(at(i + 2))) => {
            // A char literal ('a', '\n', '\u{1F600}'); a lifetime has no closing quote.
            (i + 1..b.len())
                .find(|&k| b[k] == '\'' && k > i + 1)
                .map_or(i, |k| k + 1)
        }
        _ => i,
    }
}

fn raw_string_end(b: &[char], i: usize) -> usize {
    let mut k = i + 1;
    let mut hashes = 0;
    while b.get(k) == Some(&'#') {
        hashes += 1;
        k += 1;
    }
    if b.get(k) != Some(&'"') {
        return i;
    }
    k += 1;
    while k < b.len() {
        if b[k] == '"' && (1..=hashes).all(|h| b.get(k + h) == Some(&'#')) {
            return k + 1 + hashes;
        }
        k += 1;
    }
    b.len()
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every function with a body in `code`, with its length from the `fn` line to the line of
/// its closing brace.
fn functions(code: &str) -> Vec<FnSpan> {
    let b = blank_literals(code);
    let lines: Vec<&str> = code.lines().collect();
    let line_of = |pos: usize| b[..pos].iter().filter(|&&c| c == '\n').count();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 < b.len() {
        let word = b[i] == 'f' && b[i + 1] == 'n' && b[i + 2] == ' ';
        if !word || (i > 0 && is_ident(b[i - 1])) {
            i += 1;
            continue;
        }
        let name: String = b[i + 3..].iter().take_while(|c| is_ident(**c)).collect();
        let Some(open) = body_start(&b, i + 3) else {
            i += 3;
            continue;
        };
        let close = matching_brace(&b, open);
        let first = line_of(i);
        out.push(FnSpan {
            name,
            line: first + 1,
            lines: line_of(close) - first + 1,
            excused: excused_above(&lines, first),
        });
        i += 3;
    }
    out
}

/// The `{` opening a function's body, or `None` for a declaration ending in `;`.
fn body_start(b: &[char], from: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (k, &c) in b.iter().enumerate().skip(from) {
        match c {
            '(' | '[' | '<' => depth += 1,
            ')' | ']' => depth -= 1,
            '>' if k > 0 && b[k - 1] != '-' && b[k - 1] != '=' => depth -= 1,
            '{' if depth <= 0 => return Some(k),
            ';' if depth <= 0 => return None,
            _ => {}
        }
    }
    None
}

fn matching_brace(b: &[char], open: usize) -> usize {
    let mut depth = 0;
    for (k, &c) in b.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    b.len() - 1
}

/// Whether the comments and attributes right above line `first` (0-based) give a reason.
fn excused_above(lines: &[&str], first: usize) -> bool {
    lines[..first]
        .iter()
        .rev()
        .map(|l| l.trim())
        .take_while(|l| l.starts_with("//") || l.starts_with("#["))
        .any(|l| l.starts_with("//") && l.contains(MARK))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every file or function over its limit without a reason, one line each.
fn too_long(code: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let n = code.lines().count();
    let file_excused = code
        .lines()
        .take(30)
        .any(|l| l.starts_with("//!") && l.contains(MARK));
    if n > MAX_FILE_LINES && !file_excused {
        out.push(format!("{name}: {n} lines (max {MAX_FILE_LINES})"));
    }
    for f in functions(code) {
        if f.lines > MAX_FN_LINES && !f.excused {
            out.push(format!(
                "{name}:{}: fn {} is {} lines (max {MAX_FN_LINES})",
                f.line, f.name, f.lines
            ));
        }
    }
    out
}

#[test]
fn no_file_or_function_in_src_is_too_long_without_a_reason() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(
        files.len() >= 30,
        "too few files under src/: {}",
        files.len()
    );
    let mut found = Vec::new();
    let mut fns = 0;
    for path in &files {
        let code = std::fs::read_to_string(path).unwrap();
        fns += functions(&code).len();
        let name = path.strip_prefix(&src).unwrap().display().to_string();
        found.extend(too_long(&code, &name));
    }
    assert!(fns >= 500, "the scanner found only {fns} functions");
    assert!(found.is_empty(), "{found:#?}");
}

fn body(n: usize) -> String {
    (0..n).map(|i| format!("    let x{i} = {i};\n")).collect()
}

#[test]
fn the_scanner_measures_functions_and_skips_literals() {
    let code = format!(
        "impl A {{\n    pub fn short(&self) -> Vec<u8> {{\n        vec![]\n    }}\n}}\nfn long() {{\n{}    let s = \"}} fn fake() {{\";\n    let r = r#\"{{{{\"#;\n    let c = '{{';\n}}\nfn decl();\n",
        body(3)
    );
    let found = functions(&code);
    let names: Vec<(&str, usize)> = found.iter().map(|f| (f.name.as_str(), f.lines)).collect();
    assert_eq!(names, vec![("short", 3), ("long", 8)]);
}

#[test]
fn a_long_function_or_file_is_reported_unless_excused() {
    let long = format!("fn big() {{\n{}}}\n", body(MAX_FN_LINES));
    assert_eq!(too_long(&long, "x.rs").len(), 1, "{long}");
    let excused = format!("/// Docs.\n// allow-long: one table, read top to bottom\n{long}");
    assert!(too_long(&excused, "x.rs").is_empty());
    let fits = format!("fn ok() {{\n{}}}\n", body(MAX_FN_LINES - 2));
    assert!(too_long(&fits, "x.rs").is_empty());
    let file: String = (0..MAX_FILE_LINES + 1).map(|_| "// x\n").collect();
    assert_eq!(too_long(&file, "f.rs"), vec!["f.rs: 601 lines (max 600)"]);
    let file = format!("//! allow-long: generated table\n{file}");
    assert!(too_long(&file, "f.rs").is_empty());
}
