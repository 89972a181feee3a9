//! `mamori playbook` and `mamori ledger`: the one-page situation PDFs parsed back, the JSON, and
//! the ledger written and listed through the command line.

use crate::common::{mamori, p, stderr, stdout};

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::ledger::csv::parse_ledger_csv;
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;
use mamori::model::text::Lang;
use mamori::report::guide::render_playbook;
use printpdf::{Op, PdfDocument, PdfParseOptions, TextItem};

/// The text of each page, runs joined without white space (lines break at spaces).
fn pages(bytes: &[u8]) -> Vec<String> {
    let doc = PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut Vec::new()).unwrap();
    doc.pages
        .iter()
        .map(|page| {
            let mut text = String::new();
            for op in &page.ops {
                let Op::ShowText { items } = op else { continue };
                for item in items {
                    match item {
                        TextItem::Text(t) => text.push_str(t),
                        TextItem::GlyphIds(g) => {
                            for c in g {
                                text.push_str(c.cid.as_deref().unwrap_or("\u{fffd}"));
                            }
                        }
                        TextItem::Offset(_) => {}
                    }
                }
            }
            text.chars().filter(|c| !c.is_whitespace()).collect()
        })
        .collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_playbook_pdf_is_one_page_with_its_steps_and_the_desks_phone_numbers() {
    let b = load_embedded().bundle;
    let today = Date::parse("2026-12-01").unwrap();
    for s in &b.situations {
        for lang in Lang::ALL {
            let rendered = render_playbook(&b, s, None, lang, today).unwrap();
            assert_eq!(rendered.warning(), None, "{} {lang:?}", s.id);
            let pages = pages(&rendered.pdf);
            assert_eq!(pages.len(), 1, "{} {lang:?}", s.id);
            let text = &pages[0];
            assert!(
                text.contains(&squash(s.title.get(lang))),
                "{} {lang:?}",
                s.id
            );
            for st in &s.steps {
                let start: String = squash(st.text.get(lang)).chars().take(12).collect();
                assert!(text.contains(&start), "{}: {start}", st.id);
            }
            assert!(!text.contains(".txt"), "{}: a seed file name", s.id);
            let title = squash(&b.source_title(&s.source.file, lang));
            assert!(text.contains(&title), "{}: {title}", s.id);
            for c in s.contacts.iter().filter_map(|id| b.contact(id)) {
                let reach = c.phone.clone().or(c.url.clone()).unwrap();
                assert!(text.contains(&squash(&reach)), "{}: {reach}", s.id);
            }
        }
    }
}

#[test]
fn a_playbook_pdf_of_an_assessment_shows_ticks_and_answers() {
    let b = load_embedded().bundle;
    let today = Date::parse("2026-12-01").unwrap();
    let mut a = Assessment::new(&b, today);
    a.company.name = "株式会社こはぜ屋".into();
    a.set_answer("departing.pledge_hiring", Some(Answer::Partly));
    a.set_ticked("hiring.no_bring_pledge", Some(today));
    let s = b.situation("hiring").unwrap();
    let text = pages(
        &render_playbook(&b, s, Some(&a), Lang::Ja, today)
            .unwrap()
            .pdf,
    )
    .remove(0);
    assert!(text.contains("株式会社こはぜ屋"), "{text}");
    assert!(text.contains("■1.入社時に"), "{text}");
    assert!(text.contains("□2."), "{text}");
    assert!(text.contains("済:2026年12月1日"), "{text}");
    assert!(text.contains("自社の回答:誓約書のひな形:一部"), "{text}");
}

#[test]
fn playbook_commands_list_show_and_write_the_pdf() {
    let o = mamori(&["playbook", "list", "--json", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["format"], "mamori-playbooks/1");
    let list = v["situations"].as_array().unwrap();
    assert_eq!(list.len(), 7);
    assert_eq!(list[1]["id"], "samples_out");
    assert_eq!(list[1]["desks"][0]["phone"], "0570-082100");
    let o = mamori(&["playbook", "show", "leak", "--lang", "en"]);
    assert!(
        stdout(&o).contains("When you suspect a leak"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("03-3581-1101 (ext. 3844)"));
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("leak.pdf");
    let o = mamori(&["playbook", "pdf", "leak", "--out", p(&pdf)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pages(&std::fs::read(&pdf).unwrap()).remove(0);
    assert!(text.contains("03-3581-1101(内線3844)"), "{text}");
    let o = mamori(&[
        "playbook",
        "pdf",
        "party",
        "--out",
        p(&dir.path().join("x.pdf")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no situation 'party'"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("trade_show"));
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn ledger_add_and_list_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    assert!(mamori(&["new", "--out", p(&file)]).status.success());
    let o = mamori(&[
        "ledger",
        "add",
        p(&file),
        "--date",
        "2026-11-02",
        "--partner",
        "D社",
        "--what",
        "試作品A",
        "--form",
        "sample",
        "--return-by",
        "2000-01-31",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("NDA(秘密保持契約)なしで渡しています"),
        "{}",
        stdout(&o)
    );
    let o = mamori(&[
        "ledger",
        "add",
        p(&file),
        "--date",
        "2026-11-05",
        "--partner",
        "E社",
        "--what",
        "図面 第2版",
        "--form",
        "paper",
        "--marked",
        "--nda",
        "NDA-7",
        "--nda-date",
        "2026-10-01",
        "--purpose",
        "見積",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains("※"), "{}", stdout(&o));
    let o = mamori(&[
        "ledger",
        "add",
        p(&file),
        "--date",
        "2026-11-05",
        "--partner",
        "E社",
        "--what",
        "x",
        "--form",
        "fax",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));

    let csv = dir.path().join("ledger.csv");
    let o = mamori(&["ledger", "list", p(&file), "--json", "--csv", p(&csv)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["format"], "mamori-ledger/1");
    let codes: Vec<Vec<&str>> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w["code"].as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(
        codes,
        vec![vec!["no_nda", "unmarked", "return_overdue"], vec![]]
    );
    assert_eq!(v["entries"][1]["nda"]["reference"], "NDA-7");

    let b = load_embedded().bundle;
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let a = Assessment::load(&file).unwrap();
    assert_eq!(parse_ledger_csv(&b, &text).unwrap(), a.ledger);

    // An output that is the input is refused before anything is written.
    let before = std::fs::read(&file).unwrap();
    let o = mamori(&["ledger", "list", p(&file), "--csv", p(&file)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = mamori(&[
        "playbook",
        "pdf",
        "leak",
        "--assessment",
        p(&file),
        "--out",
        p(&file),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}
