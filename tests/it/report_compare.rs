//! The comparison report of visits to one company (`mamori report NEW --compare OLD …`),
//! parsed back.
use crate::common::pdf::{all_text, has};
use crate::common::{mamori, mini_dir, p};

fn fixture(name: &str) -> std::path::PathBuf {
    crate::common::root()
        .join("tests/fixtures/visits")
        .join(name)
}

#[test]
fn the_comparison_report_has_the_arithmetic_and_the_trend() {
    let q = mini_dir();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cmp.pdf");
    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "report",
        p(&fixture("visit3.ron")),
        "--compare",
        p(&fixture("visit2.ron")),
        p(&fixture("visit1.ron")),
        "--out",
        p(&out),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = all_text(&std::fs::read(&out).unwrap());
    for needle in [
        "訪問ごとの比較レポート",
        "解消した弱いところ (2)",
        "新しい弱いところ (0)",
        "残っている弱いところ (1)",
        "推移(古い順)",
        "2026年1月10日",
        "2026年9月10日",
    ] {
        assert!(has(&text, needle), "{needle} missing in {text}");
    }
    // Two visits: no trend.
    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "report",
        p(&fixture("visit2.ron")),
        "--compare",
        p(&fixture("visit1.ron")),
        "--out",
        p(&out),
    ]);
    assert!(o.status.success());
    let text = all_text(&std::fs::read(&out).unwrap());
    assert!(!has(&text, "推移(古い順)"));
    assert!(has(&text, "確認できた項目"));
}
