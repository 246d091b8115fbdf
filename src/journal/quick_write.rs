//! A hand-written writer for the same two common lines `quick_line.rs`
//! reads — a day of ratings, sleep and note, a dose with its form — giving exactly
//! the bytes `serde_json` gives (the tests compare them), in a fraction of the
//! time: `serde_json` spent a third of a save of the ten-year journal writing
//! these lines, most of it formatting and escaping time stamps.
//!
//! Anything else (aids, a note that needs escaping, an item edited at another
//! time than the rest of its day, a stamp chrono would write another way) returns `false`
//! having written nothing, and the caller writes that line with `serde_json`.

use std::io::Write;

use chrono::{Datelike, Timelike};
use serde_json::ser::{CompactFormatter, Formatter};

use super::quick_line::unescaped;
use super::{Day, Dose, Stamp};

/// Appends a day line in the common shape; `false` (nothing written) if it
/// is not one.
pub(crate) fn day(day: &Day, out: &mut Vec<u8>) -> bool {
    if !day.aids.is_empty()
        || !day.note.as_ref().is_none_or(|n| unescaped(n.text.as_bytes(), false) && writable(n.edited))
    {
        return false;
    }
    // One edit time for the whole day, as the stored form keeps it: any item
    // with its own time (or the same instant in another offset) goes to serde.
    let mut ratings = day.ratings.values_by_id();
    let edited = day.ratings.edited();
    if day.ratings.own_edits().next().is_some() || !day.ratings.keys().all(|id| unescaped(id.as_bytes(), false)) {
        return false;
    }
    if !edited.is_none_or(writable) || !day.sleep.is_none_or(|s| writable(s.edited)) {
        return false;
    }
    let start = out.len();
    out.push(b'{');
    let mut first = true;
    // Where the day's edit time was written: sleep and note usually share
    // it, and copying its bytes is cheaper than writing it again.
    let mut written: Option<(Stamp, std::ops::Range<usize>)> = None;
    if let Some(edited) = edited {
        out.extend_from_slice(b"\"ratings\":{");
        for (i, (id, value)) in ratings.by_ref().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'"');
            out.extend_from_slice(id.as_bytes());
            out.extend_from_slice(b"\":");
            if CompactFormatter.write_u8(out, value).is_err() {
                out.truncate(start);
                return false;
            }
        }
        out.extend_from_slice(b"},\"edited\":");
        let at = out.len();
        stamp(edited, out);
        written = Some((edited, at..out.len()));
        first = false;
    }
    if let Some(sleep) = day.sleep {
        out.extend_from_slice(if first { b"\"sleep\":{\"hours\":" } else { b",\"sleep\":{\"hours\":" });
        if CompactFormatter.write_f64(out, sleep.hours).is_err() {
            out.truncate(start);
            return false;
        }
        out.extend_from_slice(b",\"edited\":");
        stamp_again(sleep.edited, written.as_ref(), out);
        out.push(b'}');
        first = false;
    }
    if let Some(note) = &day.note {
        out.extend_from_slice(if first { b"\"note\":{\"text\":\"" } else { b",\"note\":{\"text\":\"" });
        out.extend_from_slice(note.text.as_bytes());
        out.extend_from_slice(if note.for_provider {
            b"\",\"for_provider\":true,\"edited\":"
        } else {
            b"\",\"for_provider\":false,\"edited\":"
        });
        stamp_again(note.edited, written.as_ref(), out);
        out.push(b'}');
    }
    out.push(b'}');
    true
}

/// Writes `at`, copying the bytes already written for the same stamp.
fn stamp_again(at: Stamp, written: Option<&(Stamp, std::ops::Range<usize>)>, out: &mut Vec<u8>) {
    match written {
        Some((stamp, range)) if same_stamp(*stamp, at) => out.extend_from_within(range.clone()),
        _ => stamp(at, out),
    }
}

/// Appends a dose line in the common shape; `false` (nothing written) if it
/// is not one.
pub(crate) fn dose(dose: &Dose, out: &mut Vec<u8>) -> bool {
    if dose.note.is_some() || !writable(dose.at) {
        return false;
    }
    let start = out.len();
    out.extend_from_slice(b"{\"at\":");
    stamp(dose.at, out);
    out.extend_from_slice(b",\"grams\":");
    if CompactFormatter.write_f64(out, dose.grams).is_err() {
        out.truncate(start);
        return false;
    }
    if let Some(form) = dose.form {
        out.extend_from_slice(b",\"form\":");
        if serde_json::to_writer(&mut *out, &form).is_err() {
            out.truncate(start);
            return false;
        }
    }
    out.push(b'}');
    true
}

/// The same instant in the same offset: what lets two ratings share one time.
fn same_stamp(a: Stamp, b: Stamp) -> bool {
    a == b && a.offset() == b.offset()
}

/// A stamp chrono writes as `YYYY-MM-DDTHH:MM:SS[.f]±HH:MM` (or `Z`): a
/// four-digit year, a whole-minute offset and no leap second.
fn writable(at: Stamp) -> bool {
    (0..=9999).contains(&at.year()) && at.offset().local_minus_utc() % 60 == 0 && at.nanosecond() < 1_000_000_000
}

/// Writes a stamp as `stamp::serialize` does (RFC 3339, `AutoSi`
/// fractions, `Z` for UTC), quoted.
fn stamp(at: Stamp, out: &mut Vec<u8>) {
    // The local time worked out once: each of `DateTime`'s own getters
    // works it out again.
    let local = at.naive_local();
    out.push(b'"');
    date(local.date(), out);
    out.push(b'T');
    two_digits(local.hour(), out);
    out.push(b':');
    two_digits(local.minute(), out);
    out.push(b':');
    two_digits(local.second(), out);
    // chrono's `AutoSi`: milli-, micro- or nanoseconds, whichever is exact.
    let _ = match local.nanosecond() {
        0 => Ok(()),
        n if n % 1_000_000 == 0 => write!(out, ".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => write!(out, ".{:06}", n / 1_000),
        n => write!(out, ".{n:09}"),
    };
    let offset = at.offset().local_minus_utc();
    if offset == 0 {
        out.push(b'Z');
    } else {
        out.push(if offset < 0 { b'-' } else { b'+' });
        let minutes = offset.unsigned_abs() / 60;
        two_digits(minutes / 60, out);
        out.push(b':');
        two_digits(minutes % 60, out);
    }
    out.push(b'"');
}

/// A date as `YYYY-MM-DD`, for a year from 0 to 9999 (as `Display` writes it).
pub(crate) fn date(date: chrono::NaiveDate, out: &mut Vec<u8>) {
    let year = date.year().unsigned_abs();
    two_digits(year / 100, out);
    two_digits(year % 100, out);
    out.push(b'-');
    two_digits(date.month(), out);
    out.push(b'-');
    two_digits(date.day(), out);
}

/// The last two digits of `n`.
fn two_digits(n: u32, out: &mut Vec<u8>) {
    let (tens, ones) = (n / 10 % 10, n % 10);
    out.extend_from_slice(&[b'0' + u8::try_from(tens).unwrap_or(0), b'0' + u8::try_from(ones).unwrap_or(0)]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Form, Note, Rating, Sleep};

    fn at(text: &str) -> Stamp {
        Stamp::parse_from_rfc3339(text).unwrap()
    }

    fn quick_day(day: &Day) -> Option<String> {
        let mut out = Vec::new();
        super::day(day, &mut out).then(|| String::from_utf8(out).unwrap())
    }

    fn quick_dose(dose: &Dose) -> Option<String> {
        let mut out = Vec::new();
        super::dose(dose, &mut out).then(|| String::from_utf8(out).unwrap())
    }

    #[test]
    fn every_day_and_dose_of_a_long_demo_is_written_as_serde_json_writes_it() {
        let journal = crate::demo::generate(400, 3, at("2026-03-10T09:00:00+01:00"));
        for day in journal.days().values() {
            match quick_day(day) {
                Some(line) => assert_eq!(line, serde_json::to_string(day).unwrap()),
                None => assert!(!day.aids.is_empty(), "{day:?}"),
            }
        }
        for dose in journal.doses() {
            match quick_dose(dose) {
                Some(line) => assert_eq!(line, serde_json::to_string(dose).unwrap()),
                None => assert!(dose.note.is_some(), "{dose:?}"),
            }
        }
    }

    #[test]
    fn stamps_offsets_and_fractions_are_written_as_chrono_writes_them() {
        for &text in crate::journal::stamp::WRITTEN_FORMS {
            let dose = Dose { at: at(text), grams: 1.25, form: Some(Form::Leaf), note: None };
            assert_eq!(quick_dose(&dose), Some(serde_json::to_string(&dose).unwrap()), "{text}");
        }
    }

    #[test]
    fn the_uncommon_shapes_are_left_to_serde_json() {
        let t = at("2026-03-10T21:00:00+01:00");
        let mut day = Day::default();
        day.ratings.insert("anxiety", Rating { value: 2, edited: t });
        day.ratings.insert("nausea", Rating { value: 1, edited: t });
        day.sleep = Some(Sleep { hours: 6.5, edited: t });
        assert_eq!(quick_day(&day), Some(serde_json::to_string(&day).unwrap()));
        assert_eq!(quick_day(&Day::default()), Some("{}".to_owned()));
        let sleep_only = Day { sleep: Some(Sleep { hours: 0.0, edited: t }), ..Day::default() };
        assert_eq!(quick_day(&sleep_only), Some(serde_json::to_string(&sleep_only).unwrap()));
        let mut own_time = day.clone();
        own_time.ratings.insert("nausea", Rating { value: 1, edited: at("2026-03-10T08:00:00+01:00") });
        let mut other_offset = day.clone();
        other_offset.ratings.insert("nausea", Rating { value: 1, edited: at("2026-03-10T20:00:00Z") });
        let mut quoted = day.clone();
        quoted.ratings.insert("a\"b", Rating { value: 1, edited: t });
        for (text, for_provider, edited) in [("Slept — a little", true, t), ("", false, at("2026-03-11T08:00:00Z"))] {
            let noted = Day { note: Some(Box::new(Note { text: text.into(), for_provider, edited })), ..day.clone() };
            assert_eq!(quick_day(&noted), Some(serde_json::to_string(&noted).unwrap()));
            let note_only = Day { note: noted.note.clone(), ..Day::default() };
            assert_eq!(quick_day(&note_only), Some(serde_json::to_string(&note_only).unwrap()));
        }
        let escaped = Day {
            note: Some(Box::new(Note { text: "a \"b\"\n".into(), for_provider: true, edited: t })),
            ..day.clone()
        };
        for uncommon in [own_time, other_offset, quoted, escaped] {
            let mut out = b"kept".to_vec();
            assert!(!super::day(&uncommon, &mut out), "{uncommon:?}");
            assert_eq!(out, b"kept", "nothing written");
        }
        let noted = Dose { at: t, grams: 1.0, form: None, note: Some("after lunch".into()) };
        assert_eq!(quick_dose(&noted), None);
        let year_10000 = chrono::NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
        let odd_year = Dose { at: year_10000.fixed_offset(), grams: 1.0, form: None, note: None };
        assert_eq!(quick_dose(&odd_year), None);
    }

    proptest::proptest! {
        #[test]
        fn any_dose_or_sleep_is_written_as_serde_json_writes_it(
            grams in 0.0f64..=100.0,
            hours in 0.0f64..=24.0,
            secs in -60_000_000_000i64..250_000_000_000,
            nanos in 0u32..1_000_000_000,
            round_nanos in 0u32..4,
            offset_minutes in -720i32..=840,
        ) {
            let nanos = [nanos, nanos / 1_000 * 1_000, nanos / 1_000_000 * 1_000_000, 0][round_nanos as usize];
            let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let at = chrono::DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
            let dose = Dose { at, grams, form: None, note: None };
            if let Some(line) = quick_dose(&dose) {
                proptest::prop_assert_eq!(line, serde_json::to_string(&dose).unwrap());
            }
            let day = Day { sleep: Some(Sleep { hours, edited: at }), ..Day::default() };
            if let Some(line) = quick_day(&day) {
                proptest::prop_assert_eq!(line, serde_json::to_string(&day).unwrap());
            }
        }
    }
}
