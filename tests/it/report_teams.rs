//! PDFs for advisers and trainers, parsed back: the inventory appendix of the report, the
//! comparison report (`mamori report NEW --compare OLD …`) and the anonymous class report
//! (`mamori aggregate … --out class.pdf`).
use crate::common;

use crate::common::{mamori, p};

use std::path::PathBuf;

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::text::Lang;
use mamori::report::ReportOptions;
use printpdf::{Op, PdfDocument, PdfParseOptions, TextItem};

fn fixture(name: &str) -> PathBuf {
    common::root().join("tests/fixtures/teams").join(name)
}

/// Every text run of the PDF, without white space (lines wrap at spaces).
fn pdf_text(bytes: &[u8]) -> String {
    let doc = PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut Vec::new()).unwrap();
    let mut out = String::new();
    for page in &doc.pages {
        for op in &page.ops {
            if let Op::ShowText { items } = op {
                for item in items {
                    match item {
                        TextItem::Text(t) => out.push_str(t),
                        TextItem::GlyphIds(g) => {
                            for c in g {
                                out.push_str(c.cid.as_deref().unwrap_or("\u{fffd}"));
                            }
                        }
                        TextItem::Offset(_) => {}
                    }
                }
            }
        }
    }
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

fn has(text: &str, needle: &str) -> bool {
    let n: String = needle.chars().filter(|c| !c.is_whitespace()).collect();
    text.contains(&n)
}

#[test]
fn the_inventory_appears_in_the_report_appendix() {
    let b = common::mini();
    let a = Assessment::load(&fixture("visit2.ron")).unwrap();
    let options = ReportOptions {
        lang: Lang::Ja,
        adviser_copy: false,
        today: Date::parse("2026-11-29").unwrap(),
    };
    let text = pdf_text(&mamori::report::render(&b, &a, &options).unwrap());
    assert!(has(&text, b.s("report.inv_heading", Lang::Ja)), "{text}");
    for cell in [
        "焼き入れの温度条件",
        "製造部長のみ",
        "顧客名簿",
        "極秘",
        "社外秘",
    ] {
        assert!(has(&text, cell), "{cell} missing");
    }
    // Without rows, no appendix.
    let plain = Assessment::load(&fixture("visit1.ron")).unwrap();
    let text = pdf_text(&mamori::report::render(&b, &plain, &options).unwrap());
    assert!(!has(&text, b.s("report.inv_heading", Lang::Ja)));
}

#[test]
fn the_comparison_report_has_the_arithmetic_and_the_trend() {
    let q = common::mini_dir();
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
    let text = pdf_text(&std::fs::read(&out).unwrap());
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
    let text = pdf_text(&std::fs::read(&out).unwrap());
    assert!(!has(&text, "推移(古い順)"));
    assert!(has(&text, "確認できた項目"));
}

#[test]
fn the_class_pdf_is_anonymous() {
    let q = common::mini_dir();
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
    let text = pdf_text(&std::fs::read(&out).unwrap());
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
