//! Files through the command line: concurrent writers, outputs that would replace an input,
//! FIFOs, killed reports, terminal escapes, passphrase files.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{self, mamori, p, stderr, stdout};

use mamori::model::assessment::Assessment;
use mamori::model::schema::Answer;

/// The mini questionnaire with an extra checklist of 200 questions (`many.q000`–`many.q199`).
fn many_questions() -> tempfile::TempDir {
    let dir = common::mini_dir();
    let mut text = String::from(
        "Checklist(id: \"many\", order: 90, kind: Detailed, weight: 1.0,\n\
         title: (ja: \"多数\", en: \"Many\"), summary: (ja: \"多数。\", en: \"Many.\"),\n\
         applies_if: None, consult: None, questions: [\n",
    );
    for i in 0..200 {
        text.push_str(&format!(
            "Question(id: \"many.q{i:03}\", text: (ja: \"質問{i}ですか。\", en: \"Question {i}?\"),\n\
             help: (ja: \"説明。\", en: \"About it.\"), weight: 1, critical: false,\n\
             objectives: [Trust], legal: [], advice: [\"case01\"], contacts: [], applies_if: None,\n\
             source: (file: \"003_311f4a32c2067400.txt\", heading: \"5つの対策目的\")),\n"
        ));
    }
    text.push_str("])\n");
    fs::write(dir.path().join("checklists/90_many.ron"), text).unwrap();
    dir
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mamori"))
}

#[test]
fn two_processes_answering_at_once_keep_every_answer() {
    let q = many_questions();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f.ron");
    let o = mamori(&["--questionnaires", p(q.path()), "new", "--out", p(&f)]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Each writer is a shell loop of 100 `mamori answer` processes; both loops run at once.
    let writer = |from: usize, value: &str| {
        let mut script = String::new();
        for i in from..from + 100 {
            script.push_str(&format!(
                "\"$0\" --questionnaires \"$1\" answer \"$2\" many.q{i:03} {value} || exit 1\n"
            ));
        }
        Command::new("sh")
            .args([
                "-c",
                &script,
                env!("CARGO_BIN_EXE_mamori"),
                p(q.path()),
                p(&f),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (writer(0, "yes"), writer(100, "no"));
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let saved = Assessment::load(&f).unwrap();
    let answered = (0..200)
        .filter(|i| {
            let want = if *i < 100 { Answer::Yes } else { Answer::No };
            saved.answer(&format!("many.q{i:03}")) == Some(want)
        })
        .count();
    assert_eq!(answered, 200);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "only f.ron and f.ron.bak"
    );
}

fn new_file(dir: &Path, name: &str) -> PathBuf {
    let f = dir.join(name);
    let o = mamori(&["new", "--out", p(&f), "--company", "株式会社テスト"]);
    assert!(o.status.success(), "{}", stderr(&o));
    f
}

#[test]
fn an_output_that_is_an_input_or_another_kind_of_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = new_file(dir.path(), "a.ron");
    let c = new_file(dir.path(), "c.ron");
    let d = new_file(dir.path(), "d.ron");
    let before = fs::read(&a).unwrap();
    let o = mamori(&["report", p(&a), "--out", p(&a)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("a.ron") && err.contains("input"), "{err}");
    assert_eq!(fs::read(&a).unwrap(), before);
    // Through a link too.
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink(&a, &link).unwrap();
    let o = mamori(&["report", p(&a), "--out", p(&link)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(fs::read(&a).unwrap(), before);
    // A participant's file as the class report.
    let c_before = fs::read(&c).unwrap();
    let o = mamori(&["aggregate", p(&c), p(&d), "--out", p(&c)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("c.ron"), "{}", stderr(&o));
    assert_eq!(fs::read(&c).unwrap(), c_before);
    // A folder of the class holding the output name.
    let o = mamori(&["aggregate", p(dir.path()), "--out", p(&d)]);
    assert_eq!(o.status.code(), Some(1));
    // Another assessment as the report or the CSV.
    let o = mamori(&["report", p(&a), "--out", p(&d)]);
    assert!(stderr(&o).contains("assessment"), "{}", stderr(&o));
    let o = mamori(&["export", p(&a), "--csv", p(&d)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("assessment"), "{}", stderr(&o));
    // An existing PDF is replaced as before.
    let pdf = dir.path().join("r.pdf");
    assert!(mamori(&["report", p(&a), "--out", p(&pdf)])
        .status
        .success());
    let o = mamori(&["report", p(&a), "--out", p(&pdf), "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_fifo_never_blocks_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let q = common::mini_dir();
    let qfifo = q.path().join("checklists/50_pipe.ron");
    assert!(Command::new("mkfifo")
        .arg(&qfifo)
        .status()
        .unwrap()
        .success());
    let runs: [Vec<&str>; 5] = [
        vec!["score", p(&fifo)],
        vec!["answer", p(&fifo), "quick.rules", "yes"],
        vec!["aggregate", p(&fifo)],
        vec!["aggregate", p(dir.path())],
        vec!["check", p(q.path())],
    ];
    for args in runs {
        let t = Instant::now();
        let mut child = bin()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        while child.try_wait().unwrap().is_none() && t.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(20));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            panic!("{args:?} blocked on a FIFO");
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        // `check` lists problems on standard output, the others on standard error.
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.contains("named pipe"), "{args:?}: {said}");
        // Start-up of a debug binary on a busy machine aside, the refusal itself is at once.
        assert!(t.elapsed() < Duration::from_secs(10), "{args:?}");
    }
}

#[test]
fn a_report_killed_midway_leaves_no_temp_file_after_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let a = new_file(dir.path(), "a.ron");
    let out = dir.path().join("out.pdf");
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..12 {
        let mut child = bin()
            .args(["report", p(&a), "--out", p(&out)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(50 + seed % 1500));
        let _ = child.kill();
        child.wait().unwrap();
    }
    // A temp file as a killed run leaves it (the kills above may have missed the moment).
    fs::write(dir.path().join(".out.pdf.tmp-4194305-0"), "company data").unwrap();
    let o = mamori(&["report", p(&a), "--out", p(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.ron", "out.pdf"]);
}

#[test]
fn control_characters_are_escaped_in_terminal_output() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("e.ron");
    let o = mamori(&["new", "--out", p(&f), "--company", "悪\x1b[2J\x1b[31m社"]);
    assert!(o.status.success());
    let o = mamori(&[
        "answer",
        p(&f),
        "quick.rules",
        "no",
        "--note",
        "x\x1b]0;title\x07y\rz",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = mamori(&["score", p(&f)]);
    let text = stdout(&o);
    assert!(!text.contains('\x1b') && !text.contains('\x07') && !text.contains('\r'));
    assert!(text.contains("悪\\u{1b}[2J\\u{1b}[31m社"), "{text}");
    assert!(text.contains("x\\u{1b}]0;title\\u{7}y\\u{d}z"), "{text}");
    // The file keeps them as they were typed.
    let a = Assessment::load(&f).unwrap();
    assert_eq!(a.company.name, "悪\x1b[2J\x1b[31m社");
}

#[test]
fn a_too_long_note_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let f = new_file(dir.path(), "n.ron");
    let before = fs::read(&f).unwrap();
    let note = "あ".repeat(mamori::model::assessment::MAX_NOTE_CHARS + 1);
    let o = mamori(&["answer", p(&f), "quick.rules", "no", "--note", &note]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("10000"), "{}", stderr(&o));
    assert_eq!(fs::read(&f).unwrap(), before);
}

#[test]
fn passphrase_files_lose_bom_and_line_end_and_encrypted_visits_compare() {
    let dir = tempfile::tempdir().unwrap();
    let plain_new = new_file(dir.path(), "new.ron");
    let plain_old = new_file(dir.path(), "old.ron");
    let pass = dir.path().join("pass.txt");
    fs::write(&pass, "合言葉\n").unwrap();
    let (enc_new, enc_old) = (dir.path().join("new.age"), dir.path().join("old.age"));
    // Encrypted here with a low work factor, so the commands below decrypt quickly.
    let secret = mamori::model::crypt::SecretString::from("合言葉".to_string());
    for (from, to) in [(&plain_new, &enc_new), (&plain_old, &enc_old)] {
        let a = Assessment::load(from).unwrap();
        a.save_with_work(to, Some(&secret), mamori::model::crypt::WorkFactor::LogN(4))
            .unwrap();
    }
    // The same passphrase written by Notepad: a BOM and CRLF.
    let notepad = dir.path().join("notepad.txt");
    fs::write(&notepad, "\u{feff}合言葉\r\n").unwrap();
    let o = mamori(&["score", p(&enc_new), "--passphrase-file", p(&notepad)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    // Trailing spaces are kept, with a warning.
    let spaced = dir.path().join("spaced.txt");
    fs::write(&spaced, "合言葉  \n").unwrap();
    let o = mamori(&["score", p(&enc_new), "--passphrase-file", p(&spaced)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ends with a space"), "{}", stderr(&o));
    // compare, aggregate and report --compare take the passphrase.
    let o = mamori(&[
        "compare",
        p(&enc_new),
        p(&enc_old),
        "--passphrase-file",
        p(&pass),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = mamori(&[
        "aggregate",
        p(&enc_new),
        p(&enc_old),
        "--passphrase-file",
        p(&pass),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("skipped"), "{}", stderr(&o));
    let pdf = dir.path().join("cmp.pdf");
    let o = mamori(&[
        "report",
        p(&enc_new),
        "--compare",
        p(&enc_old),
        "--out",
        p(&pdf),
        "--passphrase-file",
        p(&pass),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}
