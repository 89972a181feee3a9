//! The information inventory as the report's appendix, parsed back.
use crate::common;
use crate::common::pdf::{all_text, has};

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::text::Lang;
use mamori::report::ReportOptions;

fn fixture(name: &str) -> std::path::PathBuf {
    crate::common::root()
        .join("tests/fixtures/visits")
        .join(name)
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
    let text = all_text(&mamori::report::render(&b, &a, &options).unwrap());
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
    let text = all_text(&mamori::report::render(&b, &plain, &options).unwrap());
    assert!(!has(&text, b.s("report.inv_heading", Lang::Ja)));
}

#[test]
fn an_item_with_a_patent_or_secret_decision_shows_the_suggestion_reasons_and_desk() {
    use mamori::model::inventory::{InfoCategory, InventoryItem};
    use mamori::model::open_close::{guide, Choice, Reason, Suggestion};
    let out = mamori::model::load::load_embedded();
    let b = out.bundle;
    let g = guide().unwrap();
    let mut a = common::all(&b, mamori::model::schema::Answer::Yes);
    let mut secret = InventoryItem {
        name: "焼き入れの温度条件".into(),
        category: Some(InfoCategory::TechManufacturing),
        ..InventoryItem::default()
    };
    secret.open_close.learnable = Some(Choice::No);
    secret.open_close.detectable = Some(Choice::No);
    let undecided = InventoryItem {
        name: "顧客名簿".into(),
        ..InventoryItem::default()
    };
    a.inventory = vec![secret, undecided];
    for lang in [Lang::Ja, Lang::En] {
        let options = ReportOptions {
            lang,
            adviser_copy: false,
            today: Date::parse("2026-11-29").unwrap(),
        };
        let text = all_text(&mamori::report::render(&b, &a, &options).unwrap());
        assert!(has(&text, b.s("report.oc.heading", lang)), "{lang:?}");
        let title = g
            .suggestion(Suggestion::KeepSecret)
            .unwrap()
            .title
            .get(lang);
        assert!(
            has(&text, &format!("焼き入れの温度条件: {title}")),
            "{lang:?}"
        );
        for r in [
            Reason::HiddenInProcess,
            Reason::InfringementHidden,
            Reason::PriorUseEvidence,
        ] {
            let reason: String = g
                .reason(r)
                .unwrap()
                .text
                .get(lang)
                .chars()
                .take(12)
                .collect();
            assert!(has(&text, &reason), "{lang:?} {r:?}");
        }
        let desk = b.contact(&g.contacts[0]).unwrap();
        assert!(has(&text, desk.name.get(lang)), "{lang:?}");
        assert!(!has(&text, "顧客名簿: "), "undecided item");
    }
    // Nothing decided: no section.
    a.inventory[0].open_close = Default::default();
    let options = ReportOptions {
        lang: Lang::Ja,
        adviser_copy: false,
        today: Date::parse("2026-11-29").unwrap(),
    };
    let text = all_text(&mamori::report::render(&b, &a, &options).unwrap());
    assert!(!has(&text, b.s("report.oc.heading", Lang::Ja)));
}
