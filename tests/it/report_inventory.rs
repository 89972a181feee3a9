//! The information inventory as the report's appendix, parsed back.
use crate::common;
use crate::common::pdf::{all_text, has};

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::text::Lang;
use mamori::report::ReportOptions;

fn fixture(name: &str) -> std::path::PathBuf {
    crate::common::root()
        .join("tests/fixtures/teams")
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
