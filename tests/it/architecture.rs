//! The layers, checked from the `use` statements and paths of every file under `src/`:
//!
//! - `model` (the pure layer) imports neither egui, eframe, printpdf nor rfd, and none of
//!   `app`, `cli` or `report`;
//! - `report` imports only `model` (and `assets`, the embedded font, which imports nothing);
//! - `app` does not import `cli`, and `cli` does not import `app` (`main.rs` joins them);
//! - no file-level import cycle: no file reaches itself through the files it imports.
//!
//! A module using its own submodules (a `mod.rs` or `lib.rs` calling into its children) is how
//! Rust modules are put together, so those edges do not count toward cycles; every other
//! edge does, a child's use of its parent included. `#[cfg(test)]` modules are left out.
//! The test of the test builds small trees with a cycle and with forbidden edges.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Crates the pure layer must not use.
const GUI_AND_PDF: &[&str] = &["egui", "eframe", "printpdf", "rfd"];

/// A module path under the crate root, e.g. `["model", "load"]`.
type ModPath = Vec<String>;

/// One source file: its module path and its code without comments, strings and tests.
struct SrcFile {
    module: ModPath,
    is_mod_file: bool,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("the source folder is readable") {
        let p = e.expect("a directory entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/model/load/mod.rs` → `["model", "load"]`; `src/lib.rs` → `[]`; `main.rs` → `None`.
fn module_of(src: &Path, file: &Path) -> Option<(ModPath, bool)> {
    let rel = file.strip_prefix(src).ok()?;
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?.to_string();
    match (parts.is_empty(), stem.as_str()) {
        (true, "lib") => Some((parts, true)),
        (true, "main") => None,
        (_, "mod") => Some((parts, true)),
        _ => {
            parts.push(stem);
            Some((parts, false))
        }
    }
}

/// The character at `i`, or NUL past the end.
fn peek(b: &[char], i: usize) -> char {
    b.get(i).copied().unwrap_or('\0')
}

/// The code with comments, string and char literals blanked out.
fn strip(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == '/' && peek(&b, i + 1) == '/' {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if b[i] == '/' && peek(&b, i + 1) == '*' {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && peek(&b, i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && peek(&b, i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if b[i] == 'r'
            && (peek(&b, i + 1) == '"'
                || (peek(&b, i + 1) == '#' && (peek(&b, i + 2) == '"' || peek(&b, i + 2) == '#')))
        {
            let mut hashes = 0;
            i += 1;
            while i < b.len() && b[i] == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            while i < b.len() {
                if b[i] == '"' && (1..=hashes).all(|k| b.get(i + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            out.push_str("\"\"");
        } else if b[i] == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == '\'' && (peek(&b, i + 2) == '\'' || peek(&b, i + 1) == '\\') {
            // A char literal ('a', '\n', '\u{1F600}'); a lifetime has no closing quote.
            i += 1;
            while i < b.len() && b[i] != '\'' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// The code without `#[cfg(test)]` items (their braces skipped whole).
fn without_tests(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find(['{', ';']) else {
            return out;
        };
        if after.as_bytes()[open] == b';' {
            rest = &after[open + 1..];
            continue;
        }
        let mut depth = 0;
        let mut end = after.len();
        for (k, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Expands a `use` tree (`super::{a, b::{c, d}}`) into its paths.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap_or(&tree).to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.len().saturating_sub(1)];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (k, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand_use(p).into_iter().map(|x| format!("{prefix}{x}")))
        .collect()
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path named in the code: the paths of `use` trees, and inline paths starting with
/// `crate::`, `super::` or `self::` (or one of `extern_roots`).
fn paths_in(code: &str, extern_roots: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident_char(c));
        let after = &rest[at + 4..];
        match after.find(';') {
            Some(end) if before_ok => {
                out.extend(expand_use(&after[..end]));
                rest = &after[end..];
            }
            _ => rest = after,
        }
    }
    let roots: Vec<&str> = ["crate", "super", "self"]
        .into_iter()
        .chain(extern_roots.iter().copied())
        .collect();
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    for (n, &(i, _)) in chars.iter().enumerate() {
        let prev_ok = n == 0 || !(is_ident_char(chars[n - 1].1) || chars[n - 1].1 == ':');
        if !prev_ok {
            continue;
        }
        for root in &roots {
            if code[i..].starts_with(&format!("{root}::")) {
                let len = code[i..]
                    .find(|c: char| !(is_ident_char(c) || c == ':'))
                    .unwrap_or(code.len() - i);
                // `crate::{a, b}` is a use tree, expanded above.
                if !code[i + len..].starts_with('{') {
                    out.push(code[i..i + len].trim_end_matches(':').to_string());
                }
            }
        }
    }
    out
}

/// The module path a path starts from, resolved against the file's module; `None` for a path
/// into another crate.
fn resolve(path: &str, file: &SrcFile) -> Option<ModPath> {
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: ModPath = match *segs.first()? {
        "crate" => Vec::new(),
        "self" => file.module.clone(),
        "super" => {
            let mut m = file.module.clone();
            m.pop();
            m
        }
        _ => return None,
    };
    let mut k = 1;
    while segs.get(k) == Some(&"super") {
        base.pop();
        k += 1;
    }
    base.extend(segs[k..].iter().map(|s| s.to_string()));
    Some(base)
}

/// The file a module path lands in: the longest prefix that is a module of the crate.
fn file_of(path: &ModPath, modules: &BTreeSet<ModPath>) -> ModPath {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
        .unwrap_or_default()
}

fn name(m: &ModPath) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Every file of `src` (except `main.rs`, which may know both app and cli).
fn read_tree(src: &Path) -> Vec<SrcFile> {
    let mut paths = Vec::new();
    rust_files(src, &mut paths);
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let (module, is_mod_file) = module_of(src, p)?;
            let text = std::fs::read_to_string(p).expect("a readable source file");
            Some(SrcFile {
                module,
                is_mod_file,
                code: without_tests(&strip(&text)),
            })
        })
        .collect()
}

/// The file-to-file edges of the crate, without a module's edges into its own submodules.
fn edges(files: &[SrcFile]) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let modules: BTreeSet<ModPath> = files.iter().map(|f| f.module.clone()).collect();
    let mut graph: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for f in files {
        let targets = graph.entry(f.module.clone()).or_default();
        for p in paths_in(&f.code, &[]) {
            let Some(m) = resolve(&p, f) else { continue };
            let target = file_of(&m, &modules);
            let into_child = f.is_mod_file && target.starts_with(&f.module);
            if target != f.module && !into_child {
                targets.insert(target);
            }
        }
    }
    graph
}

/// One cycle per strongly connected group of files (Tarjan's algorithm, iterative enough for
/// a crate of this size).
fn cycles(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct State<'a> {
        graph: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        found: Vec<Vec<ModPath>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a ModPath) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                if let Some((key, _)) = s.graph.get_key_value(w) {
                    visit(s, key);
                    let lw = s.low[key];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                }
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.clone());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}

/// The layers a layer may import (besides itself); `None`: any.
fn allowed(layer: &str) -> Option<&'static [&'static str]> {
    match layer {
        "model" | "assets" => Some(&[]),
        "report" => Some(&["model", "assets"]),
        "app" => Some(&["model", "report", "assets"]),
        "cli" => Some(&["model", "report", "assets"]),
        _ => None,
    }
}

/// Every broken rule in the tree under `src`, one line each.
fn violations(src: &Path) -> Vec<String> {
    let files = read_tree(src);
    let mut out = Vec::new();
    for f in &files {
        let layer = f.module.first().map(String::as_str).unwrap_or("crate");
        if layer == "model" || layer == "assets" {
            for p in paths_in(&f.code, GUI_AND_PDF) {
                let root = p.split("::").next().unwrap_or("");
                if GUI_AND_PDF.contains(&root) {
                    out.push(format!(
                        "{} uses {p} (the pure layer draws nothing)",
                        name(&f.module)
                    ));
                }
            }
        }
    }
    let graph = edges(&files);
    for (from, targets) in &graph {
        let layer = from.first().map(String::as_str).unwrap_or("crate");
        let Some(ok) = allowed(layer) else { continue };
        for to in targets {
            let other = to.first().map(String::as_str).unwrap_or("crate");
            if other != layer && !ok.contains(&other) {
                out.push(format!(
                    "{} imports {} ({layer} may not use {other})",
                    name(from),
                    name(to)
                ));
            }
        }
    }
    for group in cycles(&graph) {
        let names: Vec<String> = group.iter().map(name).collect();
        out.push(format!("import cycle among: {}", names.join(", ")));
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn the_layers_hold_and_no_file_imports_itself_round_about() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_tree(&src);
    assert!(
        files.len() >= 30,
        "too few files found under src/: {}",
        files.len()
    );
    let found = violations(&src);
    assert!(found.is_empty(), "{found:#?}");
}

/// The app scores the open check one way, `View::score` (the disclosure ledger included), so
/// a disclosure without an NDA weighs the same on every page: no other file of `src/app`
/// names `scoring::score` or `scoring::score_on`.
#[test]
fn the_app_scores_the_open_check_only_through_the_view() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_tree(&src);
    let app: Vec<&SrcFile> = files
        .iter()
        .filter(|f| f.module.first().is_some_and(|m| m == "app"))
        .collect();
    assert!(app.len() >= 20, "too few app files: {}", app.len());
    let scores = |f: &&&SrcFile| {
        paths_in(&f.code, &[])
            .iter()
            .any(|p| p.ends_with("scoring::score") || p.ends_with("scoring::score_on"))
    };
    let found: Vec<String> = app.iter().filter(scores).map(|f| name(&f.module)).collect();
    assert_eq!(found, vec!["app::view".to_string()]);
}

/// Writes `files` (path, text) under a temp `src/`.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join("src").join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

const CLEAN: &[(&str, &str)] = &[
    ("lib.rs", "pub mod app;\npub mod cli;\npub mod model;\npub mod report;\n"),
    ("main.rs", "use crate::app::App;\nuse crate::cli::Cli;\n"),
    ("model/mod.rs", "pub mod a;\npub mod b;\npub use a::A;\n"),
    ("model/a.rs", "use super::b::B;\n// use crate::app::App;\nconst S: &str = \"egui::Ui\";\n#[cfg(test)]\nmod tests { use crate::app::App; }\n"),
    ("model/b.rs", "pub struct B;\nfn f() -> super::A { todo!() }\n"),
    ("report/mod.rs", "use crate::model::{a::A, b::B};\nfn f(_: printpdf::Op) {}\n"),
    ("app/mod.rs", "pub mod page;\nuse crate::model::A;\nuse crate::report;\nfn f(_: &egui::Ui) { page::draw(); }\n"),
    ("app/page.rs", "use super::App;\npub fn draw() {}\n"),
    ("cli/mod.rs", "use crate::{model::b::B, report};\n"),
];

#[test]
fn a_clean_fixture_passes() {
    let dir = tree(CLEAN);
    assert_eq!(violations(&dir.path().join("src")), Vec::<String>::new());
}

#[test]
fn a_cycle_between_files_is_reported() {
    let mut files = CLEAN.to_vec();
    files.push(("model/c.rs", "use super::d::D;\n"));
    files.push(("model/d.rs", "pub fn f() { crate::model::c::g() }\n"));
    let dir = tree(&files);
    let found = violations(&dir.path().join("src"));
    assert_eq!(
        found,
        vec!["import cycle among: model::c, model::d".to_string()]
    );
}

#[test]
fn forbidden_edges_are_reported() {
    let mut files = CLEAN.to_vec();
    files.push((
        "model/gui.rs",
        "use egui::Ui;\nfn f() -> crate::report::R { todo!() }\n",
    ));
    files.push(("report/app.rs", "use crate::app::{self, App};\n"));
    files.push(("app/cli.rs", "fn f() { crate::cli::run(); }\n"));
    files.push(("cli/app.rs", "use crate::app::page::draw;\n"));
    let dir = tree(&files);
    let found = violations(&dir.path().join("src"));
    let expected = [
        "app::cli imports cli (app may not use cli)",
        "cli::app imports app::page (cli may not use app)",
        "model::gui imports report (model may not use report)",
        "model::gui uses egui::Ui (the pure layer draws nothing)",
        "report::app imports app (report may not use app)",
    ];
    assert_eq!(found, expected.map(String::from).to_vec());
}
