//! The `mamori` binary, run as a user would: every subcommand, and the error exits.
use crate::common;

use crate::common::{mamori, p, stderr, stdout};

#[test]
fn check_passes_on_the_shipped_questionnaires() {
    let o = mamori(&["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(stdout(&o).starts_with("ok:"));
    let o = mamori(&["check", p(&common::root().join("questionnaires"))]);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn check_lists_every_error_and_fails() {
    let dir = common::mini_dir();
    common::mutate(
        dir.path(),
        "checklists/10_basic.ron",
        "advice: [\"case01\", \"case02\"]",
        "advice: [\"case01\", \"case09\"]",
    );
    common::mutate(
        dir.path(),
        "contacts.ron",
        "source_date: \"2020\"",
        "source_date: \"\"",
    );
    let o = mamori(&["check", p(dir.path())]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("10_basic.ron:45:32:"), "{text}");
    assert!(text.contains("contacts.ron:13:9:"), "{text}");
    assert!(text.contains("2 error(s)"), "{text}");
    let o = mamori(&["check", "/nonexistent/folder"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn list_shows_ids_texts_and_links() {
    let o = mamori(&["list"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("quick.rules"), "{text}");
    assert!(text.contains("case01"), "{text}");
    let o = mamori(&["list", "--json", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["questionnaire"]["id"], "mamori");
    let first = &v["checklists"][0];
    assert_eq!(first["id"], "quick");
    assert_eq!(first["questions"][0]["id"], "quick.rules");
    assert!(first["questions"][0]["text"].as_str().unwrap().is_ascii());
}

#[test]
fn new_answer_score_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    let f = p(&file);
    let o = mamori(&[
        "new",
        "--out",
        f,
        "--company",
        "株式会社テスト",
        "--date",
        "2026-11-22",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));

    for (q, v) in [
        ("quick.rules", "no"),
        ("quick.pc", "yes"),
        ("quick.departing", "unknown"),
        ("screen.licensing", "no"),
    ] {
        let o = mamori(&["answer", f, q, v]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o).trim(), format!("{q} = {v}"));
    }
    let o = mamori(&[
        "answer",
        f,
        "quick.marking",
        "partly",
        "--note",
        "図面だけ",
        "--review-later",
    ]);
    assert!(o.status.success());

    let o = mamori(&["score", f]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("株式会社テスト"), "{text}");
    assert!(text.contains("2026年11月22日"), "{text}");
    assert!(
        text.contains("case01") || text.contains("consult_desk") || text.contains("営業秘密"),
        "{text}"
    );
    assert!(text.contains("03-3581-1101"), "{text}");
    assert!(text.contains("図面だけ"), "{text}");

    let o = mamori(&["score", f, "--json", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["format"], "mamori-score/2");
    assert_eq!(v["date"], "2026-11-22");
    assert_eq!(v["consult"]["recommended"], true);
    let weak: Vec<&str> = v["consult"]["weak_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(weak, ["quick.rules", "quick.departing", "quick.marking"]);
    let to_confirm = v["to_confirm"].as_array().unwrap();
    assert_eq!(to_confirm.len(), 1);
    assert_eq!(to_confirm[0]["question_id"], "quick.departing");
    let findings = v["findings"].as_array().unwrap();
    let sev: Vec<&str> = findings
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_eq!(sev, ["high", "high", "medium"], "{findings:?}");
    assert_eq!(findings[0]["question_id"], "quick.rules");
    let license = v["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "license")
        .unwrap();
    assert_eq!(license["status"], "not_applicable");
    assert_eq!(v["review_later"][0]["question_id"], "quick.marking");
    assert!(v["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["phone"] == "03-3581-1101"));
    assert!(v["overall"]["band"].is_string());
}

#[test]
fn english_score_text_is_english() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    let f = p(&file);
    assert!(mamori(&["new", "--out", f, "--date", "2026-11-22"])
        .status
        .success());
    assert!(mamori(&["answer", f, "quick.rules", "no"]).status.success());
    let o = mamori(&["score", f, "--lang", "en"]);
    let text = stdout(&o);
    assert!(text.contains("2026-11-22"), "{text}");
    assert!(text.contains("Overall score"), "{text}");
    let japanese = text
        .chars()
        .filter(|c| ('\u{3040}'..='\u{30ff}').contains(c) || ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    assert_eq!(japanese, 0, "{text}");
}

#[test]
fn errors_exit_non_zero_and_leave_the_file_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    let f = p(&file);
    assert!(mamori(&["new", "--out", f, "--company", "A"])
        .status
        .success());
    let before = std::fs::read(&file).unwrap();

    // Refuses to overwrite.
    let o = mamori(&["new", "--out", f, "--company", "B"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));

    // Unknown question id: suggestions, no change.
    let o = mamori(&["answer", f, "quick.rulez", "yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("quick.rules"), "{}", stderr(&o));

    // Bad answer value: usage error.
    let o = mamori(&["answer", f, "quick.rules", "maybe"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("yes, partly, no, unknown or na"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // Missing file.
    let o = mamori(&["score", p(&dir.path().join("missing.ron"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.ron"), "{}", stderr(&o));

    // Broken file: position given, file untouched by answer.
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Assessment(\n    format_version: 1,\n    questionnaire: (id: \"mamori\", version: 1),\n    date: \"2026-11-22\",\n    mode: Boss,\n)\n").unwrap();
    let before = std::fs::read(&broken).unwrap();
    let o = mamori(&["answer", p(&broken), "quick.rules", "yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("broken.ron:5:11"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&broken).unwrap(), before);

    // A PDF renamed to .ron, and a folder path.
    let junk = dir.path().join("junk.ron");
    std::fs::write(&junk, b"%PDF-1.7\n\xff\xfe\x00binary").unwrap();
    let o = mamori(&["score", p(&junk)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
    let o = mamori(&["score", p(dir.path())]);
    assert_eq!(o.status.code(), Some(1));

    // Unknown subcommand and unknown flag.
    assert_eq!(mamori(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(mamori(&["score", f, "--lang", "fr"]).status.code(), Some(2));
}

#[test]
fn questionnaires_folder_option_is_used() {
    let dir = common::mini_dir();
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("a.ron");
    let q = p(dir.path());
    assert!(mamori(&["--questionnaires", q, "new", "--out", p(&file)])
        .status
        .success());
    assert!(
        mamori(&["--questionnaires", q, "answer", p(&file), "basic.a", "yes"])
            .status
            .success()
    );
    // The built-in questionnaire does not accept a file of another questionnaire.
    let o = mamori(&["score", p(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("'mini'"), "{}", stderr(&o));
    let o = mamori(&["--questionnaires", q, "score", p(&file), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["overall"]["score"], 100.0);
    // A broken folder stops with the list of problems.
    common::mutate(
        dir.path(),
        "checklists/10_basic.ron",
        "order: 10,",
        "order: 10",
    );
    let o = mamori(&["--questionnaires", q, "score", p(&file)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("10_basic.ron:"), "{}", stderr(&o));
}

#[test]
fn the_binary_parses_the_command_line_and_the_app_flags() {
    let o = common::mamori_bin(&["--help"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for word in [
        "score",
        "report",
        "--screenshot",
        "--screen",
        "--text-size",
        "--questionnaires",
    ] {
        assert!(text.contains(word), "{word}: {text}");
    }
    // A page that does not exist is refused before any window opens, naming the pages.
    let o = common::mamori_bin(&["--screen", "nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("results"), "{}", stderr(&o));
    let o = common::mamori_bin(&["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("ok:"));
}
