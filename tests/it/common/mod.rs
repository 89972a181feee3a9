//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pdf;
pub mod ui;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::load::{load_dir, LoadOutcome};
use mamori::model::schema::{Answer, Bundle};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A temp copy of the small test questionnaire `tests/fixtures/mini`, with the shipped
/// strings (`strings.ron` and `strings/`).
pub fn mini_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("tests/fixtures/mini"), dir.path());
    let strings = root().join("questionnaires/strings");
    if strings.is_dir() {
        copy_tree(&strings, &dir.path().join("strings"));
    }
    fs::copy(
        root().join("questionnaires/strings.ron"),
        dir.path().join("strings.ron"),
    )
    .unwrap();
    dir
}

/// The mini questionnaire, loaded and checked clean.
pub fn mini() -> Bundle {
    let dir = mini_dir();
    let out = load_dir(dir.path());
    assert!(out.is_clean(), "{:#?}", out.diagnostics);
    out.bundle
}

/// Replaces the single occurrence of `from` in `dir/file` by `to`.
pub fn mutate(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let text = fs::read_to_string(&p).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "'{from}' must occur once in {file}"
    );
    fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

/// Loads a mutated copy of the mini questionnaire.
pub fn load_mutated(changes: &[(&str, &str, &str)]) -> (tempfile::TempDir, LoadOutcome) {
    let dir = mini_dir();
    for (file, from, to) in changes {
        mutate(dir.path(), file, from, to);
    }
    let out = load_dir(dir.path());
    (dir, out)
}

/// An assessment of `bundle` with the given answers.
pub fn answered(bundle: &Bundle, answers: &[(&str, Answer)]) -> Assessment {
    let mut a = Assessment::new(bundle, Date::parse("2026-11-22").unwrap());
    for (id, v) in answers {
        a.set_answer(id, Some(*v));
    }
    a
}

/// Every question of `bundle` answered `v`.
pub fn all(bundle: &Bundle, v: Answer) -> Assessment {
    let mut a = Assessment::new(bundle, Date::parse("2026-11-22").unwrap());
    for (c, q) in bundle.questions() {
        let value = if c.kind == mamori::model::schema::ChecklistKind::Screening {
            Answer::Yes
        } else {
            v
        };
        a.set_answer(&q.id, Some(value));
    }
    a
}

/// Runs the command line in-process (`mamori::cli::run`) with `args`, as the binary would:
/// the exit code and what it wrote to standard output and error.
pub fn mamori(args: &[&str]) -> Output {
    use std::os::unix::process::ExitStatusExt;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = std::iter::once("mamori").chain(args.iter().copied());
    let code = mamori::cli::run(argv, &mut out, &mut err);
    Output {
        status: std::process::ExitStatus::from_raw(code << 8),
        stdout: out,
        stderr: err,
    }
}

/// Runs the `mamori` binary itself with `args`; fails the test if it panicked.
pub fn mamori_bin(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_mamori"))
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    out
}

/// Its standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Its standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A path as a command-line argument.
pub fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}
