//! The bad-input corpus (`tests/corpus/`, table in `tests/corpus/expect.tsv`, written by
//! `tests/corpus/generate.py`), plus a 50 MB file and a million-deep nesting made at run time.
//! Every bad file gets a clear error — what, where (`file:line:col`), what to do — from the
//! library, the CLI and the app, with zero panics; the user's file is never changed. Files that
//! are only unusual (UTF-8 BOM, CRLF line ends, an older format version) load.
use crate::common;

use crate::common::mamori;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{MamoriApp, Prefs};
use mamori::model::assessment::{Assessment, AssessmentError};
use mamori::model::diag::Diagnostic;
use mamori::model::load::{load_embedded, load_embedded_with};

#[derive(Clone, Debug)]
struct Case {
    kind: String,
    file: String,
    /// For questionnaire files: the file of the built-in folder it replaces.
    target: String,
    /// Lower-case text the message must contain; empty = any clear error; `OK` = must load.
    expect: String,
    bytes: Vec<u8>,
}

impl Case {
    fn ok(&self) -> bool {
        self.expect == "OK"
    }
}

fn corpus(kind: &str) -> Vec<Case> {
    let root = common::root().join("tests/corpus");
    let table = std::fs::read_to_string(root.join("expect.tsv")).unwrap();
    let cases: Vec<Case> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "bad table line: {l}");
            Case {
                kind: f[0].into(),
                file: f[1].into(),
                target: f[2].into(),
                expect: f[3].into(),
                bytes: std::fs::read(root.join(f[0]).join(f[1])).unwrap(),
            }
        })
        .filter(|c| c.kind == kind)
        .collect();
    // Every file on disk is in the table.
    let on_disk = std::fs::read_dir(root.join(kind)).unwrap().count();
    assert_eq!(on_disk, cases.len(), "{kind}: files not in expect.tsv");
    cases
}

/// 50 MB: a valid start, then padding; made at run time, never committed.
fn fifty_mb(start: &[u8]) -> Vec<u8> {
    let mut v = start.to_vec();
    let pad = b"// padding padding padding padding padding padding padding padding padding\n";
    while v.len() < 50 * 1024 * 1024 {
        v.extend_from_slice(pad);
    }
    v
}

/// `valid` with a million nested brackets put in after `marker`: must fail by the depth limit
/// (or an earlier error), not by overflowing the stack.
fn million_deep(valid: &[u8], marker: &str, prefix: &str) -> Vec<u8> {
    let text = String::from_utf8(valid.to_vec()).unwrap();
    let at = text.find(marker).unwrap() + marker.len();
    let mut v = text.as_bytes()[..at].to_vec();
    v.extend_from_slice(prefix.as_bytes());
    v.extend(std::iter::repeat_n(b'[', 1_000_000));
    v.extend(std::iter::repeat_n(b']', 1_000_000));
    v.extend_from_slice(b",\n");
    v.extend_from_slice(&text.as_bytes()[at..]);
    v
}

fn with_generated(
    mut cases: Vec<Case>,
    kind: &str,
    valid: &[u8],
    target: &str,
    (marker, prefix, deep_expect): (&str, &str, &str),
) -> Vec<Case> {
    for (file, bytes, expect) in [
        ("generated-50mb.ron", fifty_mb(valid), "limit"),
        (
            "generated-million-deep.ron",
            million_deep(valid, marker, prefix),
            deep_expect,
        ),
    ] {
        cases.push(Case {
            kind: kind.into(),
            file: file.into(),
            target: target.into(),
            expect: expect.into(),
            bytes,
        });
    }
    cases
}

fn questionnaire_cases() -> Vec<Case> {
    let rules = common::root().join("questionnaires/checklists/10_rules.ron");
    let cases = corpus("questionnaire");
    with_generated(
        cases,
        "questionnaire",
        &std::fs::read(rules).unwrap(),
        "checklists/10_rules.ron",
        ("    questions: [\n", "", "recursion"),
    )
}

fn assessment_cases() -> Vec<Case> {
    let example = std::fs::read(common::root().join("examples/assessment.ron")).unwrap();
    with_generated(
        corpus("assessment"),
        "assessment",
        &example,
        "-",
        ("Assessment(\n", "    deep: ", "deep"),
    )
}

/// A diagnostic says where (`file:line:col: `), what, and what to do.
fn check_clear(case: &Case, d: &Diagnostic) {
    let text = d.to_string();
    assert!(
        text.starts_with(&format!("{}:{}:{}: ", d.file, d.line, d.col)),
        "{}: {text}",
        case.file
    );
    assert!(d.line >= 1 && d.col >= 1, "{}: {text}", case.file);
    assert!(!d.message.trim().is_empty(), "{}: no message", case.file);
    assert!(d.hint.trim().len() > 10, "{}: no hint in {text}", case.file);
}

fn contains(case: &Case, text: &str) -> bool {
    text.to_lowercase().contains(&case.expect)
}

/// Runs `check` on every case and reports every case that failed (not only the first).
fn each(cases: &[Case], mut check: impl FnMut(&Case)) {
    let mut failed = Vec::new();
    for case in cases {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(case)));
        if r.is_err() {
            failed.push(case.file.clone());
        }
    }
    assert!(failed.is_empty(), "{} failed: {failed:?}", failed.len());
}

/// Runs `f` on a thread with a 2 MiB stack, like a small secondary thread would have.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn the_corpus_is_large_enough() {
    let q = corpus("questionnaire");
    let a = corpus("assessment");
    let bad_q = q.iter().filter(|c| !c.ok()).count();
    let bad_a = a.iter().filter(|c| !c.ok()).count();
    println!(
        "corpus: {bad_q} bad questionnaire files, {bad_a} bad assessment files (+2 generated each), {} + {} that must load",
        q.len() - bad_q,
        a.len() - bad_a
    );
    assert!(bad_q >= 40 && bad_a >= 40, "{bad_q} / {bad_a}");
}

#[test]
fn library_questionnaire_loader_gives_a_clear_error_for_every_bad_file() {
    let cases = questionnaire_cases();
    on_small_stack(move || {
        each(&cases, |case| {
            let out = load_embedded_with(&case.target, &case.bytes);
            if case.ok() {
                assert!(out.is_clean(), "{}: {:#?}", case.file, out.diagnostics);
                return;
            }
            assert!(!out.diagnostics.is_empty(), "{}: no error", case.file);
            for d in &out.diagnostics {
                check_clear(case, d);
            }
            let shown = format!("questionnaires/{}", case.target);
            assert!(
                out.diagnostics.iter().any(|d| d.file == shown),
                "{}: no error names {shown}: {:#?}",
                case.file,
                out.diagnostics
            );
            assert!(
                out.diagnostics
                    .iter()
                    .any(|d| contains(case, &format!("{} {}", d.message, d.hint))),
                "{}: no error says '{}': {:#?}",
                case.file,
                case.expect,
                out.diagnostics
            );
        });
    });
}

#[test]
fn library_assessment_loader_gives_a_clear_error_for_every_bad_file() {
    let cases = assessment_cases();
    on_small_stack(move || {
        each(&cases, |case| {
            let result = Assessment::from_bytes(&case.file, &case.bytes);
            if case.ok() {
                let a = result.unwrap_or_else(|e| panic!("{}: {e}", case.file));
                assert_eq!(a.company.name, "株式会社サンプル精工", "{}", case.file);
                return;
            }
            let err = result
                .err()
                .unwrap_or_else(|| panic!("{}: loaded", case.file));
            match &err {
                AssessmentError::Invalid(d) => check_clear(case, d),
                AssessmentError::TooNew { .. } => {}
                other => panic!("{}: {other}", case.file),
            }
            let text = err.to_string();
            assert!(text.starts_with(&case.file), "{}: {text}", case.file);
            assert!(
                contains(case, &text),
                "{}: not '{}': {text}",
                case.file,
                case.expect
            );
        });
    });
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn cli_check_fails_clearly_on_every_bad_questionnaire_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("q");
    copy_tree(&common::root().join("questionnaires"), &dir);
    each(&questionnaire_cases(), |case| {
        let original = std::fs::read(dir.join(&case.target)).unwrap();
        let file = dir.join(&case.target);
        std::fs::write(&file, &case.bytes).unwrap();
        let o = mamori(&["check", dir.to_str().unwrap()]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        if case.ok() {
            assert!(o.status.success(), "{}: {text}", case.file);
        } else {
            assert_eq!(o.status.code(), Some(1), "{}: {text}", case.file);
            let shown = format!("{}:", file.display());
            assert!(text.contains(&shown), "{}: {text}", case.file);
            assert!(contains(case, &text), "{}: {text}", case.file);
        }
        // `check` only reads.
        assert_eq!(std::fs::read(&file).unwrap(), case.bytes, "{}", case.file);
        std::fs::write(&file, original).unwrap();
    });
}

fn write_cases(dir: &Path, cases: &[Case]) {
    for c in cases {
        std::fs::write(dir.join(&c.file), &c.bytes).unwrap();
    }
}

#[test]
fn cli_score_and_answer_fail_clearly_on_every_bad_assessment_file() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = assessment_cases();
    write_cases(tmp.path(), &cases);
    each(&cases, |case| {
        let path = &tmp.path().join(&case.file);
        let f = path.to_str().unwrap();
        let o = mamori(&["score", f]);
        let err = String::from_utf8_lossy(&o.stderr);
        if case.ok() {
            assert!(o.status.success(), "{}: {err}", case.file);
            return;
        }
        assert_eq!(o.status.code(), Some(1), "{}: {err}", case.file);
        assert!(err.contains(f), "{}: {err}", case.file);
        assert!(contains(case, &err), "{}: {err}", case.file);
        // Answering into a broken file refuses and leaves it as it was.
        let o = mamori(&["answer", f, "quick.rules", "yes"]);
        assert_eq!(o.status.code(), Some(1), "{}", case.file);
        assert_eq!(std::fs::read(path).unwrap(), case.bytes, "{}", case.file);
        assert!(!mamori::model::fsutil::backup_path(path).exists());
    });
}

#[test]
fn app_open_shows_every_error_in_the_window_and_keeps_the_open_check() {
    let tmp = tempfile::tempdir().unwrap();
    let files = tmp.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let cases = assessment_cases();
    write_cases(&files, &cases);
    let app = MamoriApp::new(load_embedded().bundle, Prefs::default(), tmp.path().into());
    let mut h = Harness::builder()
        .with_size([1100.0, 3000.0])
        .build_ui_state(|ui, app: &mut MamoriApp| app.ui(ui), app);
    h.state_mut().form.company = "株式会社いま開いている".into();
    h.state_mut().send(mamori::app::FileCommand::New);
    h.run();
    let current = h.state().doc.as_ref().unwrap().path.clone();
    let kept = h.state().t("ui.error_kept").to_string();
    each(&cases, |case| {
        let path = &files.join(&case.file);
        h.state_mut()
            .send(mamori::app::FileCommand::Open(path.clone()));
        h.run();
        let doc = h.state().doc.as_ref().unwrap();
        if case.ok() {
            assert_eq!(doc.path, *path, "{}", case.file);
            // Back to the check that was open.
            h.state_mut()
                .send(mamori::app::FileCommand::Open(current.clone()));
            h.run();
            return;
        }
        assert_eq!(doc.path, current, "{}", case.file);
        assert_eq!(doc.assessment.company.name, "株式会社いま開いている");
        // The technical detail (behind 「詳細」) names the problem.
        let message = h.state().error_detail.clone().unwrap_or_default();
        assert!(contains(case, &message), "{}: {message}", case.file);
        // Shown in the window: the file's name and the reassurance.
        assert!(
            h.query_all_by_label_contains(&case.file).next().is_some(),
            "{}: not in the window",
            case.file
        );
        assert!(h.query_all_by_label_contains(&kept).next().is_some());
        h.state_mut().send(mamori::app::DialogCommand::DismissError);
        h.run();
        assert_eq!(std::fs::read(path).unwrap(), case.bytes, "{}", case.file);
    });
    h.state_mut().flush();
    // Nothing was written next to the bad files: only the `ok-` files were saved over.
    let mut names: Vec<String> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !cases.iter().any(|c| c.file == *n))
        .collect();
    names.sort();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("ok-") && n.ends_with(".bak")),
        "{names:?}"
    );
}

#[test]
fn a_device_or_a_huge_file_is_refused_without_reading_it_all() {
    // /dev/zero never ends: it is not a regular file, so it is refused before it is read.
    let zero = Path::new("/dev/zero");
    if zero.exists() {
        let err = Assessment::load(zero).unwrap_err().to_string();
        assert!(err.contains("device"), "{err}");
        let o = mamori(&["score", "/dev/zero"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("device"));
    }
    // A (sparse) file of 1 GiB: the reader stops at the size limit.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let err = Assessment::load(&big).unwrap_err().to_string();
    assert!(err.contains("limit"), "{err}");
}

#[test]
fn a_folder_with_too_many_files_is_refused_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("q");
    copy_tree(&common::root().join("questionnaires"), &dir);
    for i in 0..mamori::model::load::MAX_FOLDER_FILES {
        std::fs::write(dir.join(format!("advice/x{i:04}.ron")), "[]").unwrap();
    }
    let out = mamori::model::load::load_dir(&dir);
    assert!(
        out.diagnostics
            .iter()
            .any(|d| d.message.contains("more than the limit of 1000")),
        "{:?}",
        out.diagnostics.first()
    );
}

#[test]
fn app_shows_every_questionnaire_problem_in_the_window() {
    // What `mamori --questionnaires DIR` does with a bad folder: the window opens with what
    // loaded and shows each problem (file:line:col and what to do); nothing panics.
    let tmp = tempfile::tempdir().unwrap();
    let cases = questionnaire_cases();
    let heading = {
        let app = MamoriApp::new(load_embedded().bundle, Prefs::default(), tmp.path().into());
        app.t("ui.questionnaire_problems").to_string()
    };
    each(&cases, |case| {
        let out = on_small_stack({
            let (target, bytes) = (case.target.clone(), case.bytes.clone());
            move || load_embedded_with(&target, &bytes)
        });
        let mut app = MamoriApp::new(out.bundle, Prefs::default(), tmp.path().into());
        app.report_load_problems(&out.diagnostics);
        if case.ok() {
            assert!(app.error.is_none(), "{}: {:?}", case.file, app.error);
            return;
        }
        let message = app.error.clone().unwrap_or_default();
        assert!(contains(case, &message), "{}: {message}", case.file);
        let mut h = Harness::builder()
            .with_size([1100.0, 3000.0])
            .build_ui_state(|ui, app: &mut MamoriApp| app.ui(ui), app);
        h.run();
        assert!(
            h.query_all_by_label_contains(&heading).next().is_some(),
            "{}: the problems are not in the window",
            case.file
        );
        let first = &out.diagnostics[0];
        let place = format!("{}:{}:{}", first.file, first.line, first.col);
        assert!(
            h.query_all_by_label_contains(&place).next().is_some(),
            "{}: {place} is not in the window",
            case.file
        );
    });
}
