//! `mamori check` validates the patent-or-secret decision's texts
//! (`questionnaires/decision/open_close.ron`) like the situation checklists: a broken copy in
//! a trainer's folder gives each problem at its file:line:col, with a hint.

use std::path::Path;

use crate::common::{self, mamori, p, stdout};

const FILE: &str = "decision/open_close.ron";

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

/// A trainer's copy of the shipped questionnaires with `from` replaced by `to` (once) in the
/// decision file; what `mamori check` says about it (it must fail with `errors` errors), and
/// the line and column where `from` stood (1-based, columns in characters).
fn check_with(from: &str, to: &str, errors: usize) -> (String, (usize, usize)) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&common::root().join("questionnaires"), dir.path());
    let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
    let at = text.find(from).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    common::mutate(dir.path(), FILE, from, to);
    let o = mamori(&["check", p(dir.path())]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains(&format!(": {errors} error(s)")), "{out}");
    (out, (line, col))
}

/// The error line of `out` at `FILE:line:col`.
fn error_at(out: &str, (line, col): (usize, usize)) -> &str {
    let place = format!("{FILE}:{line}:{col}: ");
    out.lines()
        .find(|l| l.contains(&place))
        .unwrap_or_else(|| panic!("no error at {place}: {out}"))
}

#[test]
fn the_shipped_decision_passes_the_check_in_a_trainers_copy() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&common::root().join("questionnaires"), dir.path());
    let o = mamori(&["check", p(dir.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn an_unknown_desk_is_reported_at_its_id() {
    let (out, at) = check_with("\"kansai_senmon\"", "\"no_such_desk\"", 1);
    let line = error_at(&out, at);
    assert!(
        line.contains("'no_such_desk', which does not exist"),
        "{line}"
    );
    assert!(
        line.contains("Use an id defined in contacts.ron"),
        "hint: {line}"
    );
}

const CONFLICTING_JA: &str = "ja: \"答えの中に、特許に向く理由と秘密に向く理由の両方があります。どちらを取るかは経営の判断で、技術の性質や競合の動きを踏まえないと、守るべき技術を誤って流出させるおそれがあります。\",";

#[test]
fn an_empty_text_is_reported_at_its_language() {
    let (out, at) = check_with(CONFLICTING_JA, "ja: \" \",", 1);
    let line = error_at(&out, at);
    assert!(
        line.contains("reason Conflicting: the Japanese text (ja) is empty"),
        "{line}"
    );
    assert!(
        line.contains("every text needs both ja and en"),
        "hint: {line}"
    );
}

const CONFLICTING_SOURCE: &str = "source: (file: \"004_56c9afb971f0114f.txt\", heading: \"2. ③ 技術の特徴等に応じた適切な知的財産戦略\"),";

#[test]
fn a_citation_outside_the_seed_documents_or_without_heading_is_reported() {
    let to = "source: (file: \"999_unknown.txt\", heading: \"2. ③\"),";
    let (out, (line, col)) = check_with(CONFLICTING_SOURCE, to, 1);
    let error = error_at(&out, (line, col + "source: (".len()));
    assert!(error.contains("not one of the seed documents"), "{error}");
    assert!(error.contains("Use one of: 000_"), "hint: {error}");
    let to = "source: (file: \"004_56c9afb971f0114f.txt\", heading: \"\"),";
    let (out, (line, col)) = check_with(CONFLICTING_SOURCE, to, 1);
    let heading = col + "source: (file: \"004_56c9afb971f0114f.txt\", ".len();
    let error = error_at(&out, (line, heading));
    assert!(error.contains("the source heading is empty"), "{error}");
}

#[test]
fn a_missing_citation_is_reported_at_its_item() {
    let from = format!("\n            {CONFLICTING_SOURCE}");
    let (out, (line, _)) = check_with(&from, "", 1);
    // At the item's closing parenthesis, on the line after the text.
    let error = error_at(&out, (line + 1, 9));
    assert!(error.contains("missing field named `source`"), "{error}");
    assert!(error.contains("Add the missing field"), "hint: {error}");
}

#[test]
fn a_reason_worded_twice_and_one_not_worded_are_both_reported() {
    let (out, (line, _)) = check_with("reason: NotSure,", "reason: Conflicting,", 2);
    let twice = error_at(&out, (line - 1, 9));
    assert!(
        twice.contains("the reason Conflicting is worded twice"),
        "{twice}"
    );
    let missing = out
        .lines()
        .find(|l| l.contains("no text for the reason NotSure"))
        .unwrap_or_else(|| panic!("{out}"));
    let shipped =
        std::fs::read_to_string(common::root().join("questionnaires").join(FILE)).unwrap();
    let list = shipped[..shipped.find("    reasons:").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(missing.contains(&format!("{FILE}:{list}:5: ")), "{missing}");
    assert!(
        missing.contains("Add a reason entry for NotSure"),
        "hint: {missing}"
    );
}
