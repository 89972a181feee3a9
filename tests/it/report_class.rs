//! The anonymous class report of a workshop (`mamori aggregate … --out class.pdf`), parsed
//! back.
use crate::common::pdf::{all_text, has};
use crate::common::{mamori, mini_dir, p};

fn fixture(name: &str) -> std::path::PathBuf {
    crate::common::root()
        .join("tests/fixtures/visits")
        .join(name)
}

#[test]
fn the_class_pdf_is_anonymous() {
    let q = mini_dir();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("class.pdf");
    let o = mamori(&[
        "--questionnaires",
        p(q.path()),
        "aggregate",
        p(&fixture("class")),
        "--out",
        p(&out),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = all_text(&std::fs::read(&out).unwrap());
    assert!(has(&text, "参加者数: 4"), "{text}");
    // Left-out files are counted by kind; their names (which can name a company) stay out.
    assert!(has(&text, "別の質問票に答えたファイル: 1"), "{text}");
    assert!(has(&text, "壊れているファイル: 1"), "{text}");
    assert!(!has(&text, "broken.ron"), "{text}");
    assert!(!has(&text, "foreign.ron"), "{text}");
    for secret in [
        "テスト精工",
        "ヨソモノ",
        "山田",
        "規程はまだない",
        "USBの持ち出し",
        "秘密の相談メモ",
        "焼き入れ",
        "佐藤",
    ] {
        assert!(!has(&text, secret), "{secret} in the class PDF");
    }
}
