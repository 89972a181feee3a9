//! The local date and time with its offset from UTC, for time stamps such as a PDF's
//! creation date.
//!
//! The time zone is the system's ([`local_zone`]: `TZ`, `/etc/localtime`, or Windows' own
//! setting), read by [`jiff`]; where none can be found the time is given in UTC, and says so
//! (`+00'00'`), never wrongly.

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::date::{local_zone, Date};

/// A moment in local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// The calendar date.
    pub date: Date,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
    /// Second 0–59.
    pub second: u8,
    /// Offset from UTC in seconds (east positive; Japan +32400).
    pub offset: i32,
}

impl LocalTime {
    /// Now, in the local time zone.
    pub fn now() -> LocalTime {
        LocalTime::at_in(Timestamp::now(), &local_zone())
    }

    /// The moment `t` in the time zone `tz`.
    pub fn at_in(t: Timestamp, tz: &TimeZone) -> LocalTime {
        let offset = tz.to_offset(t);
        let dt = offset.to_datetime(t);
        LocalTime {
            date: Date::from_civil(dt.date()),
            hour: dt.hour().unsigned_abs(),
            minute: dt.minute().unsigned_abs(),
            second: dt.second().unsigned_abs(),
            offset: offset.seconds(),
        }
    }

    /// As a PDF date string: `D:20261201093000+09'00'`.
    pub fn pdf(&self) -> String {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let off = self.offset.unsigned_abs();
        format!(
            "D:{:04}{:02}{:02}{:02}{:02}{:02}{sign}{:02}'{:02}'",
            self.date.year,
            self.date.month,
            self.date.day,
            self.hour,
            self.minute,
            self.second,
            off / 3600,
            off / 60 % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::Offset;

    fn at(unix: i64) -> Timestamp {
        Timestamp::from_second(unix).unwrap()
    }

    #[test]
    fn pdf_dates_carry_the_offset() {
        // 2026-12-01 00:30 UTC is 09:30 in Japan.
        let unix = at(1_796_085_000);
        let t = LocalTime::at_in(unix, &TimeZone::fixed(Offset::constant(9)));
        assert_eq!(t.pdf(), "D:20261201093000+09'00'");
        let india_west = TimeZone::fixed(Offset::from_seconds(-(5 * 3600 + 30 * 60)).unwrap());
        let t = LocalTime::at_in(unix, &india_west);
        assert_eq!(t.pdf(), "D:20261130190000-05'30'");
        let t = LocalTime::at_in(unix, &TimeZone::UTC);
        assert_eq!(t.pdf(), "D:20261201003000+00'00'");
    }

    #[test]
    fn zones_with_summer_time_give_the_offset_of_that_day() {
        let berlin = TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 1 December: winter time, +01:00; 1 July 2026: summer time, +02:00.
        assert_eq!(LocalTime::at_in(at(1_796_085_000), &berlin).offset, 3600);
        assert_eq!(LocalTime::at_in(at(1_782_864_000), &berlin).offset, 7200);
        let jst = TimeZone::posix("JST-9").unwrap();
        let t = LocalTime::at_in(at(1_796_081_400), &jst);
        assert_eq!(
            (t.date.to_string(), t.hour, t.minute),
            ("2026-12-01".into(), 8, 30)
        );
    }
}
