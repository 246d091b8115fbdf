//! Reading RFC 3339 timestamps straight with `parse_from_rfc3339`, from the
//! borrowed text where possible: chrono's own `Deserialize` accepts more
//! forms and is several times slower, which shows on a ten-year journal with
//! a timestamp on every rating.

use std::fmt;

use chrono::Timelike;
use serde::de::{Error, Visitor};
use serde::{Deserializer, Serializer};

use super::Stamp;

/// Writes a stamp exactly as chrono's own `Serialize` does (the same
/// `to_rfc3339` writer: `Z` for UTC, a fraction only when there is one), but
/// formatted once into a string: chrono's impl feeds `serde_json`'s escaping
/// writer a character at a time, which was half the cost of saving a
/// ten-year journal.
pub fn serialize<S: Serializer>(stamp: &Stamp, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&stamp.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
}

#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<T>`
pub fn serialize_option<S: Serializer>(stamp: &Option<Stamp>, serializer: S) -> Result<S::Ok, S::Error> {
    match stamp {
        Some(stamp) => serialize(stamp, serializer),
        None => serializer.serialize_none(),
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
    deserializer.deserialize_str(StampVisitor)
}

struct StampVisitor;

impl Visitor<'_> for StampVisitor {
    type Value = Stamp;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 time such as 2026-03-10T09:00:00+01:00")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Stamp, E> {
        if let Some(stamp) = plain(text) {
            return Ok(stamp);
        }
        Stamp::parse_from_rfc3339(text).map_err(|e| E::custom(format!("'{text}' is not an RFC 3339 time: {e}")))
    }
}

/// The one form easeoff writes, `2026-03-10T21:00:00+01:00` (or `…Z`, or
/// with a fraction of a second), read directly: a ten-year journal has
/// ~20,000 of them and chrono's general parser was a twelfth of its load
/// time. Anything else, including every invalid time, is left to chrono,
/// which gives the same value for this form and says what is wrong.
pub(super) fn plain(text: &str) -> Option<Stamp> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(10) != Some(&b'T') {
        return None;
    }
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(digits(0..4)?).ok()?, digits(5..7)?, digits(8..10)?)?;
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    // A fraction of up to nine digits, in nanoseconds.
    let mut at = 19;
    let mut nanos = 0;
    if b.get(at) == Some(&b'.') {
        let count = b.get(at + 1..)?.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&count) {
            return None;
        }
        nanos = digits(at + 1..at + 1 + count)? * 10u32.pow(9 - count as u32);
        at += 1 + count;
    }
    let offset = match (b.get(at..)?, b.get(at)) {
        (b"Z", _) => 0,
        (rest, Some(&sign)) if rest.len() == 6 && (sign == b'+' || sign == b'-') && rest.get(3) == Some(&b':') => {
            let seconds = i32::try_from(digits(at + 1..at + 3)? * 3600 + digits(at + 4..at + 6)? * 60).ok()?;
            if sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    // A leap second (`:60`) goes to chrono.
    if second > 59 || minute > 59 || hour > 23 {
        return None;
    }
    let time = chrono::NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let offset = chrono::FixedOffset::east_opt(offset)?;
    chrono::TimeZone::from_local_datetime(&offset, &date.and_time(time)).single()
}

/// The stamp written `text`, from the one before it (`before`, written
/// `before_text`) when both are whole seconds of the same date in the same
/// offset, so only the time of day differs: doses come in time order, a few
/// a day, and this is a fraction of reading the date and offset again.
/// `None` for [`plain`] to read.
pub(super) fn plain_after(text: &str, before_text: &str, before: Stamp) -> Option<Stamp> {
    // As arrays, the comparisons are a few instructions rather than calls.
    let (Ok(t), Ok(b)) = (<&[u8; 25]>::try_from(text.as_bytes()), <&[u8; 25]>::try_from(before_text.as_bytes())) else {
        return None;
    };
    if t[..11] != b[..11] || t[19..] != b[19..] {
        return None;
    }
    let seconds = |x: &[u8]| -> Option<i64> {
        let two = |at: usize| -> Option<i64> {
            let (tens, ones) = (*x.get(at)?, *x.get(at + 1)?);
            (tens.is_ascii_digit() && ones.is_ascii_digit()).then(|| i64::from((tens - b'0') * 10 + (ones - b'0')))
        };
        let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
        // A leap second (`:60`) goes to chrono, as in `plain`.
        (x.get(13) == Some(&b':') && x.get(16) == Some(&b':') && hour < 24 && minute < 60 && second < 60)
            .then_some(hour * 3600 + minute * 60 + second)
    };
    let delta = seconds(t)? - seconds(b)?;
    // Usually the same day in UTC too: only the time is made anew, without
    // chrono's general arithmetic (a fifth of reading a dose).
    let utc = before.naive_utc();
    let moved = i64::from(utc.time().num_seconds_from_midnight()) + delta;
    match u32::try_from(moved).ok().and_then(|s| chrono::NaiveTime::from_num_seconds_from_midnight_opt(s, 0)) {
        Some(time) if utc.time().nanosecond() == 0 => {
            Some(chrono::DateTime::from_naive_utc_and_offset(utc.date().and_time(time), *before.offset()))
        }
        _ => before.checked_add_signed(chrono::TimeDelta::seconds(delta)),
    }
}

/// Stamps in each form chrono writes (offsets, `Z`, `-00:00`, each
/// fraction length, the ends of the four-digit years), for the tests of
/// every writer of stamps.
#[cfg(test)]
pub(super) const WRITTEN_FORMS: &[&str] = &[
    "2026-03-10T21:00:00+01:00",
    "2026-03-10T21:00:00Z",
    "2026-03-10T21:00:00-00:00",
    "2026-11-27T01:14:55.067667619Z",
    "2026-11-27T01:14:55.067Z",
    "2026-11-27T01:14:55.067100+05:45",
    "2026-03-10T00:00:00.5-09:30",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.000000001+14:00",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_written_as_chrono_writes_them() {
        for &text in WRITTEN_FORMS {
            let stamp = Stamp::parse_from_rfc3339(text).unwrap();
            let mut ours = Vec::new();
            serialize(&stamp, &mut serde_json::Serializer::new(&mut ours)).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&stamp).unwrap(), "{text}");
        }
    }

    #[test]
    fn the_written_form_reads_as_chrono_reads_it() {
        for text in [
            "2026-03-10T21:00:00+01:00",
            "2026-03-10T21:00:00Z",
            "2026-11-27T01:14:55.067667619Z",
            "2026-03-10T00:00:00.5-09:30",
            "2016-02-29T23:59:59-00:00",
            "2026-03-10T21:00:00+14:00",
        ] {
            let want = Stamp::parse_from_rfc3339(text).unwrap();
            let got = plain(text).unwrap();
            assert_eq!(got, want, "{text}");
            assert_eq!(got.offset(), want.offset(), "{text}");
            assert_eq!(got.to_rfc3339(), want.to_rfc3339(), "{text}");
        }
    }

    #[test]
    fn a_stamp_read_from_the_one_before_is_the_stamp_chrono_reads() {
        // The same day in UTC, and the day before or after it in UTC.
        for (before, text) in [
            ("2026-03-10T08:14:00+01:00", "2026-03-10T21:05:59+01:00"),
            ("2026-03-10T08:14:00+01:00", "2026-03-10T00:00:00+01:00"),
            ("2026-03-10T08:14:00+01:00", "2026-03-10T08:14:00+01:00"),
            ("2026-03-10T08:00:00-05:00", "2026-03-10T22:00:00-05:00"),
            ("2026-03-10T22:00:00-05:00", "2026-03-10T08:00:00-05:00"),
            ("2026-12-31T08:00:00-05:00", "2026-12-31T23:59:59-05:00"),
        ] {
            let got = plain_after(text, before, plain(before).unwrap()).unwrap();
            let want = Stamp::parse_from_rfc3339(text).unwrap();
            assert_eq!((got, got.offset()), (want, want.offset()), "{text}");
        }
        let before = "2026-03-10T08:14:00+01:00";
        // Another date or offset, a fraction, a bad time: read in full.
        for text in [
            "2026-03-11T08:14:00+01:00",
            "2026-03-10T08:14:00+02:00",
            "2026-03-10T08:14:00.5+01:00",
            "2026-03-10T24:00:00+01:00",
            "2026-03-10T23:59:60+01:00",
            "2026-03-10T23:5x:00+01:00",
            "2026-03-10T23-59:00+01:00",
        ] {
            assert_eq!(plain_after(text, before, plain(before).unwrap()), None, "{text}");
        }
    }

    #[test]
    fn anything_else_is_left_to_chrono() {
        for text in [
            "2026-02-30T21:00:00Z",
            "2026-03-10t21:00:00Z",
            "2026-03-10 21:00:00Z",
            "2026-03-10T24:00:00Z",
            "2026-03-10T23:59:60Z",
            "2026-03-10T21:00:00",
            "2026-03-10T21:00:00.Z",
            "2026-03-10T21:00:00.1234567890Z",
            "2026-03-10T21:00:00+0100",
            "2026-03-10T21:00:00+24:00",
            "+2026-03-10T21:00:00Z",
            "",
        ] {
            assert_eq!(plain(text), None, "{text}");
        }
    }
}
