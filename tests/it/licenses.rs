//! Dependency licences, checked offline from `cargo tree` and the crates' own sources.
//!
//! Every crate compiled into the `mamori` binary must carry a licence on the allow-list below,
//! and `assets/THIRD-PARTY-LICENSES.md` (shipped with the font's licence) must list exactly
//! those crates with their licence texts. When dependencies change, regenerate the file with
//! `MAMORI_UPDATE_LICENSES=1 cargo test --test it licenses` and review the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Licences that allow shipping mamori (MIT OR Apache-2.0) as a binary.
const ALLOWED: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "Apache-2.0 WITH LLVM-exception",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "0BSD",
    "Unlicense",
    "BSL-1.0",
    "CC0-1.0",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "OFL-1.1",
    "Ubuntu-font-1.0",
    "MPL-2.0",
];

const FILE: &str = "assets/THIRD-PARTY-LICENSES.md";

/// One crate of the shipped dependency tree.
struct Krate {
    name: String,
    version: String,
    license: String,
    repository: String,
    dir: PathBuf,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn registry_src() -> Vec<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(home.join("registry/src"))
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs
}

/// The targets of the shipped programs (scripts/package.sh): the Linux and Windows ones link
/// partly different crates (e.g. `windows-sys` only on Windows).
const TARGETS: &[&str] = &["x86_64-unknown-linux-gnu", "x86_64-pc-windows-gnu"];

/// The crates the programs are built from: `cargo tree` over normal dependencies for
/// [`TARGETS`].
fn shipped() -> Vec<Krate> {
    let mut args = vec!["tree", "--locked", "-e", "normal"];
    for t in TARGETS {
        args.extend(["--target", t]);
    }
    let out = Command::new(env!("CARGO"))
        .current_dir(root())
        .args(args)
        .args(["--prefix", "none", "-f", "{p}|{l}|{r}"])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let sources = registry_src();
    let mut seen = BTreeSet::new();
    let mut krates = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches(" (*)").trim();
        let mut parts = line.splitn(3, '|');
        let (Some(p), Some(license), Some(repository)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let mut words = p.split_whitespace();
        let (Some(name), Some(version)) = (words.next(), words.next()) else {
            continue;
        };
        // The root package is a path (not registry) crate: its tree line names its folder.
        if name == env!("CARGO_PKG_NAME") || !seen.insert(p.to_string()) {
            continue;
        }
        let version = version.trim_start_matches('v').to_string();
        let folder = format!("{name}-{version}");
        let dir = sources
            .iter()
            .map(|s| s.join(&folder))
            .find(|d| d.is_dir())
            .unwrap_or_else(|| {
                panic!("no source folder for {folder} under CARGO_HOME/registry/src")
            });
        krates.push(Krate {
            name: name.to_string(),
            version,
            license: license.to_string(),
            repository: repository.to_string(),
            dir,
        });
    }
    krates.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    krates
}

/// Whether an SPDX expression (with the old `/` for OR) can be satisfied by the allow-list.
fn satisfiable(expr: &str) -> bool {
    let normalised = expr.replace('/', " OR ");
    let tokens: Vec<String> = normalised
        .replace('(', " ( ")
        .replace(')', " ) ")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut pos = 0;
    let ok = or_expr(&tokens, &mut pos);
    ok.unwrap_or(false) && pos == tokens.len()
}

fn or_expr(t: &[String], pos: &mut usize) -> Option<bool> {
    let mut value = and_expr(t, pos)?;
    while t.get(*pos).map(String::as_str) == Some("OR") {
        *pos += 1;
        let rhs = and_expr(t, pos)?;
        value = value || rhs;
    }
    Some(value)
}

fn and_expr(t: &[String], pos: &mut usize) -> Option<bool> {
    let mut value = atom(t, pos)?;
    while t.get(*pos).map(String::as_str) == Some("AND") {
        *pos += 1;
        let rhs = atom(t, pos)?;
        value = value && rhs;
    }
    Some(value)
}

fn atom(t: &[String], pos: &mut usize) -> Option<bool> {
    let tok = t.get(*pos)?.clone();
    *pos += 1;
    if tok == "(" {
        let v = or_expr(t, pos)?;
        if t.get(*pos).map(String::as_str) != Some(")") {
            return None;
        }
        *pos += 1;
        return Some(v);
    }
    let mut id = tok;
    if t.get(*pos).map(String::as_str) == Some("WITH") {
        id = format!("{id} WITH {}", t.get(*pos + 1)?);
        *pos += 2;
    }
    Some(ALLOWED.contains(&id.as_str()))
}

/// Licence files shipped inside a crate's source, by file name.
fn licence_texts(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let upper = name.to_uppercase();
        let is_licence = ["LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT"]
            .iter()
            .any(|p| upper.starts_with(p));
        if is_licence && e.path().is_file() {
            if let Ok(bytes) = std::fs::read(e.path()) {
                let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
                out.push((name, text.trim_end().to_string()));
            }
        }
    }
    out.sort();
    out
}

/// The content of assets/THIRD-PARTY-LICENSES.md for these crates.
fn render(krates: &[Krate]) -> String {
    let mut s = String::new();
    s.push_str("# Third-party licences\n\n");
    s.push_str(
        "Generated by `MAMORI_UPDATE_LICENSES=1 cargo test --test it licenses` from `cargo tree`;\n\
         `tests/it/licenses.rs` fails when it is out of date or when a crate's licence is not on its\n\
         allow-list.\n\n",
    );
    s.push_str("## Font\n\n");
    s.push_str(
        "BIZ UDPGothic (`assets/fonts/BIZUDPGothic-Regular.ttf`), Copyright 2022 The BIZ UDGothic\n\
         Project Authors, under the SIL Open Font License 1.1: full text in `assets/fonts/OFL.txt`.\n\
         It is embedded in the program and, subset, in every PDF report.\n\n\
         Noto Sans CJK JP (`assets/fonts/NotoSansCJKjp-Fallback.ttf`, the report's fallback font for\n\
         characters BIZ UDPGothic lacks; a subset made by `scripts/make-fallback-font.py`), Copyright\n\
         2014-2021 Adobe, under the SIL Open Font License 1.1: full text in\n\
         `assets/fonts/OFL-NotoSansCJK.txt`. It is embedded in the program and, subset to the\n\
         characters used, in a PDF report that needs it.\n\n",
    );
    s.push_str(&format!(
        "## Rust crates compiled into the `mamori` programs for Linux and Windows ({})\n\n",
        krates.len()
    ));
    s.push_str("| crate | version | licence | source |\n|---|---|---|---|\n");
    for k in krates {
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            k.name,
            k.version,
            k.license.replace('|', "\\|"),
            k.repository
        ));
    }
    // Licence texts, each distinct text once, with the crates that ship it.
    let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut without = Vec::new();
    for k in krates {
        let found = licence_texts(&k.dir);
        if found.is_empty() {
            without.push(format!("{} {} ({})", k.name, k.version, k.license));
        }
        for (file, text) in found {
            texts
                .entry(text)
                .or_default()
                .push(format!("{} {} ({file})", k.name, k.version));
        }
    }
    s.push_str("\n## Licence texts shipped by the crates\n");
    for (text, users) in &texts {
        s.push_str(&format!(
            "\n### {}\n\n```text\n{text}\n```\n",
            users.join(", ")
        ));
    }
    if !without.is_empty() {
        s.push_str(
            "\n## Crates without a licence file in their source\n\n\
             Their licence is the standard text of the SPDX identifier named in the table above.\n\n",
        );
        for w in without {
            s.push_str(&format!("- {w}\n"));
        }
    }
    s
}

#[test]
fn every_shipped_crate_has_an_allowed_licence() {
    let krates = shipped();
    assert!(
        krates.len() > 50,
        "the dependency walk found too few crates"
    );
    let bad: Vec<String> = krates
        .iter()
        .filter(|k| !satisfiable(&k.license))
        .map(|k| format!("{} {}: {:?}", k.name, k.version, k.license))
        .collect();
    assert!(
        bad.is_empty(),
        "these crates' licences are not on the allow-list in tests/it/licenses.rs (review them \
         before adding a licence there, or drop the dependency):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_licence_checker_reads_spdx_expressions() {
    assert!(satisfiable("MIT OR Apache-2.0"));
    assert!(satisfiable("MIT/Apache-2.0"));
    assert!(satisfiable("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(satisfiable(
        "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT"
    ));
    assert!(satisfiable("Apache-2.0 OR GPL-2.0-only"));
    assert!(!satisfiable("GPL-3.0-only"));
    assert!(!satisfiable("MIT AND GPL-2.0-only"));
    assert!(!satisfiable(""));
    assert!(!satisfiable("(MIT OR Apache-2.0"));
}

#[test]
fn the_third_party_licence_file_is_up_to_date() {
    let expected = render(&shipped());
    let path = root().join(FILE);
    if std::env::var_os("MAMORI_UPDATE_LICENSES").is_some() {
        mamori::model::fsutil::write_atomic(&path, expected.as_bytes()).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{FILE} does not match the dependencies: regenerate it with \
         `MAMORI_UPDATE_LICENSES=1 cargo test --test it licenses` and review the diff"
    );
    let ofl = std::fs::read_to_string(root().join("assets/fonts/OFL.txt")).unwrap();
    assert!(ofl.contains("SIL OPEN FONT LICENSE Version 1.1"));
    let ofl = std::fs::read_to_string(root().join("assets/fonts/OFL-NotoSansCJK.txt")).unwrap();
    assert!(ofl.contains("SIL OPEN FONT LICENSE Version 1.1") && ofl.contains("Adobe"));
}
