//! `mamori export`, `aggregate` and `compare`, run as a user would, on the fixture files of
//! the mini questionnaire (`tests/fixtures/visits/`).
use crate::common;

use crate::common::{mamori, p, stderr, stdout};

use std::path::PathBuf;

use mamori::model::export::parse_csv;

fn fixture(name: &str) -> PathBuf {
    common::root().join("tests/fixtures/visits").join(name)
}

#[test]
fn export_writes_both_csv_files_with_bom() {
    let q = common::mini_dir();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("計画.csv");
    let src = fixture("visit2.ron");
    let before = std::fs::read(&src).unwrap();
    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "export",
        p(&src),
        "--csv",
        p(&csv),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let inv = dir.path().join("計画-inventory.csv");
    assert_eq!(
        stdout(&o),
        format!("{}\n{}\n", csv.display(), inv.display())
    );
    let bytes = std::fs::read(&csv).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let rows = parse_csv(&String::from_utf8(bytes).unwrap());
    assert_eq!(rows[0].len(), 10);
    assert!(rows
        .iter()
        .any(|r| r[1] == "basic.c" && r[8] == "総務 佐藤"));
    let rows = parse_csv(&std::fs::read_to_string(&inv).unwrap());
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2][0], "顧客名簿");
    assert_eq!(
        std::fs::read(&src).unwrap(),
        before,
        "the input is untouched"
    );

    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "export",
        p(&src),
        "--csv",
        p(&src),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing was written"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&src).unwrap(), before);
}

#[test]
fn aggregate_lists_skipped_files_and_shows_no_names() {
    let q = common::mini_dir();
    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "aggregate",
        p(&fixture("class")),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "mamori-aggregate/1");
    assert_eq!(v["participants"], 4);
    // Kinds only in the output: a file name can name a company; the names go to stderr.
    assert_eq!(
        v["skipped"],
        serde_json::json!(["not_an_assessment", "other_questionnaire"])
    );
    assert!(!text.contains("broken.ron"), "{text}");
    assert_eq!(v["findings"][0]["question_id"], "basic.c");
    assert_eq!(v["findings"][0]["count"], 4);
    let rules = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question_id"] == "quick.rules")
        .unwrap();
    assert_eq!(rules["answers"]["no"], 2);
    assert!(stderr(&o).contains("skipped broken.ron"), "{}", stderr(&o));

    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "aggregate",
        p(&fixture("class/p1.ron")),
        p(&fixture("class/p2.ron")),
        p(&fixture("class/foreign.ron")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plain = stdout(&o);
    assert!(plain.contains("参加者数: 2"), "{plain}");
    assert!(plain.contains("別の質問票に答えたファイル: 1"), "{plain}");
    assert!(!plain.contains("foreign.ron"), "{plain}");
    assert!(stderr(&o).contains("skipped foreign.ron"), "{}", stderr(&o));
    for out in [&text, &plain] {
        for secret in [
            "テスト精工",
            "ヨソモノ",
            "山田",
            "規程はまだない",
            "秘密の相談メモ",
        ] {
            assert!(!out.contains(secret), "{secret} in {out}");
        }
    }
}

#[test]
fn aggregate_with_nothing_usable_fails() {
    let q = common::mini_dir();
    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "aggregate",
        p(&fixture("class/broken.ron")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("none of the 1 file(s)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn compare_prints_the_arithmetic_and_the_trend() {
    let q = common::mini_dir();
    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "compare",
        p(&fixture("visit3.ron")),
        p(&fixture("visit2.ron")),
        p(&fixture("visit1.ron")),
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Findings resolved (2)"), "{text}");
    assert!(text.contains("Findings still open (1)"), "{text}");
    assert!(text.contains("New findings (0)"), "{text}");
    assert!(text.contains("Trend (oldest first)"), "{text}");
    assert!(
        text.contains("2026-01-10 → 2026-05-10 → 2026-09-10"),
        "{text}"
    );

    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "compare",
        p(&fixture("visit1.ron")),
        p(&fixture("visit0_v2.ron")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("削除された質問 (1)"), "{text}");
    assert!(text.contains("basic.old"), "{text}");
    assert!(!text.contains("推移"), "{text}");

    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "compare",
        p(&fixture("visit1.ron")),
    ]);
    assert_eq!(o.status.code(), Some(2));
}
