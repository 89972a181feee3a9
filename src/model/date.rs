//! Calendar dates (no time zone) as stored in assessment files: `YYYY-MM-DD`, and today's date
//! in the local time zone. The calendar arithmetic and the time zones are [`jiff`]'s; the
//! project keeps its own small `Date` type because files, scoring and the UI all use it.

use std::fmt;

use jiff::tz::TimeZone;
use jiff::{civil, Timestamp};
use serde::{Deserialize, Serialize};

use super::text::Lang;

/// A calendar date, stored and parsed as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    /// Year, 1900–9999.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// Builds a date, checking that it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) || day > 31 {
            return None;
        }
        civil::Date::new(year as i16, month as i8, day as i8).ok()?;
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || format!("'{s}' is not a date of the form YYYY-MM-DD (e.g. 2026-11-22)");
        let parts: Vec<&str> = s.trim().split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let year = parts[0].parse().map_err(|_| bad())?;
        let month = parts[1].parse().map_err(|_| bad())?;
        let day = parts[2].parse().map_err(|_| bad())?;
        Date::new(year, month, day).ok_or_else(|| format!("'{s}' is not a day of the calendar"))
    }

    /// Today's date in the local time zone (see [`local_zone`]): a check started in Japan at
    /// 08:30 is dated that day, not the day before as in UTC.
    pub fn today() -> Date {
        Date::today_in(Timestamp::now(), &local_zone())
    }

    /// The calendar date of the moment `now` in the time zone `tz`.
    pub fn today_in(now: Timestamp, tz: &TimeZone) -> Date {
        Date::from_civil(tz.to_datetime(now).date())
    }

    /// The same day as a [`jiff`] date (whose years end at 9999, as ours do); a day before
    /// 1900 (a clock set far wrong) gives 1900-01-01.
    pub fn from_civil(d: civil::Date) -> Date {
        match u16::try_from(d.year()) {
            Ok(year) if year >= 1900 => Date {
                year,
                month: d.month().unsigned_abs(),
                day: d.day().unsigned_abs(),
            },
            _ => Date {
                year: 1900,
                month: 1,
                day: 1,
            },
        }
    }

    /// The date as the user reads it: `2026年11月22日` in Japanese, `2026-11-22` in English.
    pub fn display(self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!("{}年{}月{}日", self.year, self.month, self.day),
            Lang::En => self.to_string(),
        }
    }
}

/// The system's time zone: `TZ`, else `/etc/localtime` on Linux, else the zone Windows is set
/// to (mapped to its IANA name by jiff, which bundles the zone data on Windows). Where none can
/// be found, UTC, with a warning in the log saying how to set it.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or_else(|e| {
        log::warn!(
            "could not find the local time zone ({e}); dates and times are in UTC. \
             Set the TZ variable (e.g. TZ=Asia/Tokyo) to give it"
        );
        TimeZone::UTC
    })
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Date::parse(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::Offset;

    #[test]
    fn parses_and_prints() {
        let d = Date::parse("2026-11-22").unwrap();
        assert_eq!(d.to_string(), "2026-11-22");
        assert_eq!(d.display(Lang::Ja), "2026年11月22日");
        assert_eq!(d.display(Lang::En), "2026-11-22");
    }

    #[test]
    fn rejects_bad_dates() {
        for s in [
            "2026-02-30",
            "2026-13-01",
            "26-11-22",
            "2026/11/22",
            "",
            "2025-02-29",
        ] {
            assert!(Date::parse(s).is_err(), "{s}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    fn at(unix: i64) -> Timestamp {
        Timestamp::from_second(unix).unwrap()
    }

    #[test]
    fn today_is_the_local_date_at_0830_in_tokyo_which_is_2330_utc_the_day_before() {
        // 2026-11-30 23:30 UTC = 2026-12-01 08:30 in Japan.
        let now = at(1_796_081_400);
        let tokyo = TimeZone::fixed(Offset::constant(9));
        assert_eq!(Date::today_in(now, &tokyo).to_string(), "2026-12-01");
        assert_eq!(
            Date::today_in(now, &TimeZone::UTC).to_string(),
            "2026-11-30"
        );
        let jst = TimeZone::posix("JST-9").unwrap();
        assert_eq!(Date::today_in(now, &jst).display(Lang::Ja), "2026年12月1日");
        // One minute before midnight in Japan is still 1 December.
        assert_eq!(
            Date::today_in(at(1_796_137_140), &jst).to_string(),
            "2026-12-01"
        );
        assert_eq!(
            Date::today_in(at(1_796_137_200), &jst).to_string(),
            "2026-12-02"
        );
    }

    #[test]
    fn dates_from_the_clock_in_utc() {
        let utc = |days: i64| Date::today_in(at(days * 86_400), &TimeZone::UTC).to_string();
        assert_eq!(utc(0), "1970-01-01");
        assert_eq!(utc(20_414), "2025-11-22");
        assert_eq!(utc(11_016), "2000-02-29");
    }

    #[test]
    fn a_clock_far_out_of_range_gives_the_nearest_end() {
        assert_eq!(
            Date::from_civil(civil::date(1800, 3, 1)).to_string(),
            "1900-01-01"
        );
        assert_eq!(
            Date::from_civil(civil::date(-5, 3, 1)).to_string(),
            "1900-01-01"
        );
        assert_eq!(
            Date::from_civil(civil::date(9999, 6, 1)).to_string(),
            "9999-06-01"
        );
    }
}
