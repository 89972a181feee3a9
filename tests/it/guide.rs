//! Guidance for the moment it is needed: the situation checklists (loaded, validated with
//! file:line:col), ticked steps, the disclosure ledger and the patent-or-secret answers in the
//! assessment file.

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::diag::Diagnostic;
use mamori::model::inventory::InventoryItem;
use mamori::model::ledger::csv::{ledger_csv, parse_ledger_csv};
use mamori::model::ledger::{DisclosureForm, LedgerEntry, LedgerStatus, NdaRef};
use mamori::model::load::{load_embedded, load_embedded_with};
use mamori::model::open_close::Choice;
use mamori::model::schema::{Answer, SEED_FILES};
use mamori::model::text::Lang;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn the_shipped_situations_cover_the_moments_of_the_issue_and_cite_every_step() {
    let out = load_embedded();
    assert!(out.is_clean(), "{:#?}", out.diagnostics);
    let b = out.bundle;
    let titles: Vec<&str> = b.situations.iter().map(|s| s.title.ja.as_str()).collect();
    for wanted in [
        "展示会・商談会の前",
        "図面・サンプルを社外に渡すとき",
        "社員が辞めるとき",
        "中途採用するとき",
        "共同開発の契約の前",
        "ライセンス契約の前",
        "情報漏えいが疑われるとき",
    ] {
        assert!(titles.contains(&wanted), "{wanted} missing from {titles:?}");
    }
    let orders: Vec<u32> = b.situations.iter().map(|s| s.order).collect();
    assert!(orders.windows(2).all(|w| w[0] <= w[1]), "{orders:?}");
    for s in &b.situations {
        assert!(s.steps.len() >= 4, "{}", s.id);
        assert!(s.contacts.iter().all(|c| b.contact(c).is_some()));
        for st in &s.steps {
            assert!(SEED_FILES.contains(&st.source.file.as_str()), "{}", st.id);
            assert!(!st.advice.is_empty(), "{}", st.id);
        }
    }
    let guide = mamori::model::open_close::guide().unwrap();
    assert!(guide.contacts.iter().all(|c| b.contact(c).is_some()));
    // The samples situation is reachable from the ledger question's finding.
    let related: Vec<&str> = b
        .situations_for_question("nda.ledger")
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(related, vec!["samples_out"]);
}

const FILE: &str = "situations/99_test.ron";

/// A one-situation file; `step` is the body of its only step.
fn situation(step: &str) -> String {
    format!(
        r#"Situation(
    id: "test",
    order: 99,
    title: (ja: "テスト", en: "Test"),
    summary: (ja: "概要", en: "Summary"),
    contacts: ["chizai_sogo"],
    source: (file: "000_2e82ae27a30af10f.txt", heading: "本書のねらい"),
    steps: [
        Step(
{step}
        ),
    ],
)
"#
    )
}

const GOOD_STEP: &str = r#"            id: "test.one",
            text: (ja: "やること", en: "What to do"),
            why: (ja: "理由", en: "Why"),
            advice: ["case02"],
            answer: Some((question: "nda.ledger", label: (ja: "台帳", en: "Ledger"))),
            source: (file: "000_2e82ae27a30af10f.txt", heading: "本書のねらい"),"#;

fn only(text: &str) -> Diagnostic {
    let out = load_embedded_with(FILE, text.as_bytes());
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    let d = out.diagnostics[0].clone();
    assert_eq!(d.file, format!("questionnaires/{FILE}"));
    d
}

#[test]
fn a_good_situation_file_loads_clean() {
    let out = load_embedded_with(FILE, situation(GOOD_STEP).as_bytes());
    assert!(out.is_clean(), "{:#?}", out.diagnostics);
    assert!(out.bundle.situation("test").is_some());
}

#[test]
fn a_step_without_a_citation_is_reported_at_the_step() {
    let text = situation(&GOOD_STEP.replace(
        "\n            source: (file: \"000_2e82ae27a30af10f.txt\", heading: \"本書のねらい\"),",
        "",
    ));
    let d = only(&text);
    assert_eq!((d.line, d.col), (15, 9), "{d}");
    assert!(d.message.contains("source"), "{d}");
}

#[test]
fn an_empty_heading_and_a_foreign_source_file_are_reported() {
    let d = only(&situation(
        &GOOD_STEP.replace("heading: \"本書のねらい\"", "heading: \" \""),
    ));
    assert_eq!((d.line, d.col), (15, 56), "{d}");
    assert!(d.message.contains("heading is empty"), "{d}");
    let d = only(&situation(&GOOD_STEP.replace(
        "000_2e82ae27a30af10f.txt\", heading: \"本書",
        "blog.txt\", heading: \"本書",
    )));
    assert_eq!((d.line, d.col), (15, 22), "{d}");
    assert!(d.message.contains("not one of the seed documents"), "{d}");
}

#[test]
fn unknown_links_are_reported_where_they_stand() {
    let d = only(&situation(
        &GOOD_STEP.replace("[\"case02\"]", "[\"case09\"]"),
    ));
    assert_eq!((d.line, d.col), (13, 22), "{d}");
    assert!(d.message.contains("advice 'case09'"), "{d}");
    let d = only(&situation(
        &GOOD_STEP.replace("\"nda.ledger\"", "\"nda.nothing\""),
    ));
    assert_eq!((d.line, d.col), (14, 37), "{d}");
    assert!(d.message.contains("question 'nda.nothing'"), "{d}");
    let d = only(&situation(GOOD_STEP).replace("[\"chizai_sogo\"]", "[\"nobody\"]"));
    assert_eq!((d.line, d.col), (6, 16), "{d}");
    assert!(d.message.contains("contact 'nobody'"), "{d}");
}

#[test]
fn an_empty_step_is_reported() {
    let d = only(&situation(
        &GOOD_STEP.replace("ja: \"やること\"", "ja: \"\""),
    ));
    assert_eq!((d.line, d.col), (11, 20), "{d}");
    assert!(d.message.contains("Japanese text (ja) is empty"), "{d}");
    let d = only(&situation(&GOOD_STEP.replace("[\"case02\"]", "[]")));
    assert_eq!((d.line, d.col), (13, 13), "{d}");
    assert!(d.message.contains("links to no case or topic"), "{d}");
    let no_steps =
        situation(GOOD_STEP).replace(&format!("        Step(\n{GOOD_STEP}\n        ),\n"), "");
    let d = only(&no_steps);
    assert_eq!((d.line, d.col), (8, 5), "{d}");
    assert!(d.message.contains("has no steps"), "{d}");
}

#[test]
fn step_ids_must_start_with_the_situation_and_be_unique() {
    let d = only(&situation(
        &GOOD_STEP.replace("\"test.one\"", "\"other.one\""),
    ));
    assert_eq!((d.line, d.col), (10, 13), "{d}");
    let twice = situation(&format!(
        "{GOOD_STEP}\n        ),\n        Step(\n{GOOD_STEP}"
    ));
    let d = only(&twice);
    assert_eq!((d.line, d.col), (18, 17), "{d}");
    assert!(d.message.contains("used twice"), "{d}");
}

#[test]
fn a_ticked_step_is_saved_and_loaded_with_its_date() {
    let b = load_embedded().bundle;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ron");
    let mut a = Assessment::new(&b, d("2026-12-01"));
    a.set_answer("departing.pledge_hiring", Some(Answer::Yes));
    assert!(a.set_ticked("hiring.own_pledge", Some(d("2026-12-01"))));
    assert!(!a.set_ticked("hiring.own_pledge", Some(d("2026-12-01"))));
    a.save(&path).unwrap();
    let back = Assessment::load(&path).unwrap();
    assert_eq!(back.ticked.get("hiring.own_pledge"), Some(&d("2026-12-01")));
    let hiring = b.situation("hiring").unwrap();
    assert_eq!(back.ticked_count(hiring), 1);
    let step = hiring
        .steps
        .iter()
        .find(|s| s.id == "hiring.own_pledge")
        .unwrap();
    let (link, ans) = back.step_answer(step).unwrap();
    assert_eq!(
        (link.label.ja.as_str(), ans),
        ("誓約書のひな形", Answer::Yes)
    );
    let mut again = back.clone();
    assert!(again.set_ticked("hiring.own_pledge", None));
    assert!(!again.to_ron_string().unwrap().contains("ticked"));
}

fn sample_ledger() -> Vec<LedgerEntry> {
    let mut a = LedgerEntry::new(
        d("2026-11-02"),
        "D社 技術部, 〇藤様",
        "試験データ \"図番 2018-fx123\"",
        DisclosureForm::Data,
    );
    a.marked = true;
    a.item = Some("焼き入れの温度条件".into());
    a.nda = Some(NdaRef {
        reference: "NDA-2026-07".into(),
        date: Some(d("2026-10-20")),
        purpose: "見積のため\n2行目".into(),
    });
    a.return_by = Some(d("2026-11-30"));
    let mut b = LedgerEntry::new(
        d("2026-11-10"),
        "E社",
        "=製法の説明",
        DisclosureForm::Verbal,
    );
    b.confirmed_in_writing = true;
    b.note = "-議事録あり".into();
    let mut c = LedgerEntry::new(d("2026-09-01"), "F社", "試作品", DisclosureForm::Sample);
    c.status = LedgerStatus::Returned;
    c.return_by = Some(d("2026-10-01"));
    vec![a, b, c]
}

#[test]
fn the_ledger_csv_has_a_bom_and_reads_back_in_both_languages() {
    let b = load_embedded().bundle;
    let ledger = sample_ledger();
    for lang in Lang::ALL {
        let csv = ledger_csv(&b, &ledger, lang, d("2026-12-01"));
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("'=製法の説明"), "formula guard");
        assert_eq!(parse_ledger_csv(&b, &csv).unwrap(), ledger, "{lang:?}");
    }
    let ja = ledger_csv(&b, &ledger, Lang::Ja, d("2026-12-01"));
    assert!(
        ja.contains(b.s("ledger.warning.return_overdue", Lang::Ja)),
        "{ja}"
    );
    assert!(ja.contains(b.s("ledger.warning.no_nda", Lang::Ja)), "{ja}");
    let broken = ja.replace("2026-11-10", "2026-11-31");
    let e = parse_ledger_csv(&b, &broken).unwrap_err();
    assert_eq!((e.row, e.col), (3, 1), "{e}");
}

#[test]
fn ledger_and_open_close_answers_survive_a_save_and_old_files_still_load() {
    let b = load_embedded().bundle;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ron");
    let mut a = Assessment::new(&b, d("2026-12-01"));
    assert!(
        !a.to_ron_string().unwrap().contains("ledger"),
        "left out when empty"
    );
    a.ledger = sample_ledger();
    let mut item = InventoryItem {
        name: "焼き入れの温度条件".into(),
        ..InventoryItem::default()
    };
    assert!(!format!("{:?}", a.to_ron_string().unwrap()).contains("open_close"));
    item.open_close.learnable = Some(Choice::No);
    item.open_close.detectable = Some(Choice::NotSure);
    a.inventory.push(item);
    a.save(&path).unwrap();
    assert_eq!(Assessment::load(&path).unwrap(), a);
    let old = std::fs::read_to_string(mamori_root().join("examples/assessment.ron")).unwrap();
    let old = Assessment::from_ron_str("examples/assessment.ron", &old).unwrap();
    assert!(old.ledger.is_empty() && old.ticked.is_empty());
}

fn mamori_root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
