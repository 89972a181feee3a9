//! Dates from the local time zone: a check started in Japan before 09:00 is dated that day
//! (in UTC it is still the day before), and the PDF's time stamps carry the local offset.

use jiff::tz::TimeZone;
use jiff::Timestamp;
use mamori::model::assessment::Assessment;
use mamori::model::clock::LocalTime;
use mamori::model::date::Date;

use crate::common::p;

/// 2026-11-30 23:30 UTC, which is 2026-12-01 08:30 in Japan.
fn half_past_eight_in_tokyo() -> Timestamp {
    "2026-11-30T23:30:00Z".parse().unwrap()
}

#[test]
fn at_0830_in_tokyo_the_date_is_that_days_japanese_date() {
    let tokyo = TimeZone::get("Asia/Tokyo").unwrap();
    let now = half_past_eight_in_tokyo();
    let today = Date::today_in(now, &tokyo);
    assert_eq!(today.to_string(), "2026-12-01");
    assert_eq!(
        today.display(mamori::model::text::Lang::Ja),
        "2026年12月1日"
    );
    assert_eq!(
        Date::today_in(now, &TimeZone::UTC).to_string(),
        "2026-11-30"
    );
}

#[test]
fn the_pdf_time_stamp_at_0830_in_tokyo_has_the_japanese_offset() {
    let tokyo = TimeZone::get("Asia/Tokyo").unwrap();
    let t = LocalTime::at_in(half_past_eight_in_tokyo(), &tokyo);
    assert_eq!(t.pdf(), "D:20261201083000+09'00'");
}

/// Runs `mamori new` with the system zone `tz` and returns the date it wrote.
fn new_check_dated_in(tz: &str, dir: &std::path::Path) -> Date {
    let path = dir.join("new.ron");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mamori"))
        .env("TZ", tz)
        .args(["new", "--force", "--out", p(&path)])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Assessment::load(&path).unwrap().date
}

#[test]
fn a_new_check_is_dated_in_the_local_zone_not_in_utc() {
    // UTC+14 (Kiritimati) and UTC−12 (Baker Island), as POSIX TZ strings so no zone files are
    // needed: 26 hours apart, their dates differ at any moment, so a program dating in UTC
    // would write the same date for both.
    let dir = tempfile::tempdir().unwrap();
    for tz in ["<+14>-14", "<-12>+12"] {
        let before = Date::today_in(Timestamp::now(), &TimeZone::posix(tz).unwrap());
        let written = new_check_dated_in(tz, dir.path());
        let after = Date::today_in(Timestamp::now(), &TimeZone::posix(tz).unwrap());
        assert!(written == before || written == after, "{tz}: {written}");
    }
    let east = new_check_dated_in("<+14>-14", dir.path());
    let west = new_check_dated_in("<-12>+12", dir.path());
    assert!(east > west, "east {east}, west {west}");
}
