//! The local date and time with its offset from UTC, for time stamps such as a PDF's
//! creation date.
//!
//! The offset comes from the time-zone database without any C call: the `TZ` variable when
//! it names a zone (`Asia/Tokyo`) or gives a fixed offset (`JST-9`, `UTC0`), else
//! `/etc/localtime`. A zone file is read in the TZif format (RFC 8536): the last transition
//! before now gives the offset; after the last one, the footer's standard offset. Where no
//! zone can be read the time is given in UTC, and says so (`+00'00'`), never wrongly.

use std::time::{SystemTime, UNIX_EPOCH};

use super::date::Date;

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
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        LocalTime::at(secs, local_offset(secs).unwrap_or(0))
    }

    /// The local time of `unix` seconds at `offset` seconds from UTC.
    pub fn at(unix: i64, offset: i32) -> LocalTime {
        let t = unix + i64::from(offset);
        let day = t.div_euclid(86_400);
        let s = t.rem_euclid(86_400);
        LocalTime {
            date: Date::from_days_since_epoch(day),
            hour: (s / 3600) as u8,
            minute: (s / 60 % 60) as u8,
            second: (s % 60) as u8,
            offset,
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

/// The local offset from UTC at `unix` seconds, if the time zone can be found.
fn local_offset(unix: i64) -> Option<i32> {
    match std::env::var("TZ") {
        Ok(tz) if !tz.trim().is_empty() => {
            let name = tz.trim().trim_start_matches(':');
            if let Some(off) = posix_std_offset(name) {
                return Some(off);
            }
            let path = if name.starts_with('/') {
                std::path::PathBuf::from(name)
            } else {
                std::path::Path::new("/usr/share/zoneinfo").join(name)
            };
            tzif_offset(&std::fs::read(path).ok()?, unix)
        }
        _ => tzif_offset(&std::fs::read("/etc/localtime").ok()?, unix),
    }
}

/// The standard offset of a POSIX TZ string without daylight-saving rules (`JST-9`,
/// `UTC0`, `<+09>-9`); `None` for anything else.
pub fn posix_std_offset(tz: &str) -> Option<i32> {
    let rest = if let Some(r) = tz.strip_prefix('<') {
        &r[r.find('>')? + 1..]
    } else {
        let name_len = tz.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        if name_len < 3 {
            return None;
        }
        &tz[name_len..]
    };
    let (sign, digits) = match rest.as_bytes().first()? {
        b'-' => (1, &rest[1..]),
        b'+' => (-1, &rest[1..]),
        _ => (-1, rest),
    };
    let mut parts = digits.split(':');
    let h: i32 = parts.next()?.parse().ok()?;
    let m: i32 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    let s: i32 = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    if parts.next().is_some() || h > 24 {
        return None;
    }
    // POSIX counts west positive; a PDF offset is east positive.
    Some(sign * (h * 3600 + m * 60 + s))
}

fn be32(b: &[u8], at: usize) -> Option<i64> {
    Some(i64::from(i32::from_be_bytes(
        b.get(at..at + 4)?.try_into().ok()?,
    )))
}

/// The offset at `unix` from a TZif file (RFC 8536), version 1 or later.
pub fn tzif_offset(b: &[u8], unix: i64) -> Option<i32> {
    if b.get(..4)? != b"TZif" {
        return None;
    }
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, x) in c.iter_mut().enumerate() {
            *x = usize::try_from(be32(b, at + 20 + 4 * i)?).ok()?;
        }
        Some(c)
    };
    let [isut, isstd, leap, time, typ, chars] = counts(0)?;
    let v1_len = time * 5 + typ * 6 + chars + leap * 8 + isstd + isut;
    let (at, size, c) = if b[4] >= b'2' {
        let at = 44 + v1_len;
        (at, 8, counts(at)?)
    } else {
        (0, 4, [isut, isstd, leap, time, typ, chars])
    };
    let [isut, isstd, leap, time, typ, chars] = c;
    let data = at + 44;
    let read_time = |i: usize| -> Option<i64> {
        let p = data + i * size;
        if size == 8 {
            Some(i64::from_be_bytes(b.get(p..p + 8)?.try_into().ok()?))
        } else {
            be32(b, p)
        }
    };
    let idx_at = data + time * size;
    let types_at = idx_at + time;
    let ttinfo = |t: usize| -> Option<i32> { be32(b, types_at + 6 * t).map(|v| v as i32) };
    let last = (0..time)
        .take_while(|&i| read_time(i).is_some_and(|t| t <= unix))
        .last();
    let footer_at = types_at + typ * 6 + chars + leap * (size + 4) + isstd + isut;
    if last.is_none_or(|i| i + 1 == time) && size == 8 {
        let footer = b.get(footer_at..)?;
        let text = std::str::from_utf8(footer).ok()?.trim_matches('\n');
        let rule = text.split('\n').next().unwrap_or("");
        if let Some(off) = posix_std_offset(rule) {
            if last.is_some() || time == 0 {
                return Some(off);
            }
        }
    }
    match last {
        Some(i) => ttinfo(usize::from(*b.get(idx_at + i)?)),
        None => ttinfo(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_carry_the_offset() {
        // 2026-12-01 00:30 UTC is 09:30 in Japan.
        let unix = 1_796_085_000;
        let t = LocalTime::at(unix, 9 * 3600);
        assert_eq!(t.pdf(), "D:20261201093000+09'00'");
        let t = LocalTime::at(unix, -(5 * 3600 + 30 * 60));
        assert_eq!(t.pdf(), "D:20261130190000-05'30'");
    }

    #[test]
    fn posix_offsets() {
        assert_eq!(posix_std_offset("JST-9"), Some(32_400));
        assert_eq!(posix_std_offset("UTC0"), Some(0));
        assert_eq!(posix_std_offset("<+0530>-5:30"), Some(19_800));
        assert_eq!(posix_std_offset("EST5EDT,M3.2.0,M11.1.0"), None);
        assert_eq!(posix_std_offset("Asia/Tokyo"), None);
    }

    #[test]
    fn reads_the_system_zone_files() {
        let unix = 1_796_085_000;
        if let Ok(b) = std::fs::read("/usr/share/zoneinfo/Asia/Tokyo") {
            assert_eq!(tzif_offset(&b, unix), Some(32_400));
        }
        if let Ok(b) = std::fs::read("/usr/share/zoneinfo/Europe/Berlin") {
            // 1 December: winter time, +01:00; 1 July 2026: summer time, +02:00.
            assert_eq!(tzif_offset(&b, unix), Some(3600));
            assert_eq!(tzif_offset(&b, 1_782_864_000), Some(7200));
        }
        assert_eq!(tzif_offset(b"not a zone", 0), None);
    }
}
