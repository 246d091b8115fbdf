//! A hand-written reader for the two lines that make up nearly all of a long
//! journal, exactly as the store writes them:
//!
//! - a day: `{"ratings":{"anxiety":1,…},"edited":"…","sleep":{"hours":7.0,"edited":"…"},`
//!   `"note":{"text":"…","for_provider":true,"edited":"…"}}` (each part optional);
//! - a dose: `{"at":"…","grams":1.5,"form":"powder"}` (the form optional).
//!
//! `serde_json` spends most of a ten-year load on these lines' generic
//! machinery; this reads them in a fraction of the time. It accepts only
//! that exact shape — compact, keys in that order, strings without escapes,
//! plain numbers of at most 15 digits, plain stamps — and every value goes
//! through the same checks as the ordinary reader ([`RatingValue`],
//! [`Grams`], [`Hours`]). Anything else (aids, an item's own edit time, a
//! note with an escape, a hand-edited line, any error) gives `None`, and the caller reads
//! that line with `serde_json`, so what is accepted, what is refused and every
//! message stay exactly as before. The tests check both readers agree.

use super::ratings::SortedBuilder;
use super::{Day, Dose, Form, Grams, Hours, Note, RatingValue, Sleep, Stamp, stamp};

/// A day line in the common shape, or `None` for `serde_json` to read.
pub(crate) fn day(line: &str) -> Option<Day> {
    let mut c = Cursor { line, at: 0 };
    c.eat(b"{")?;
    let mut ratings = SortedBuilder::default();
    let mut first = true;
    if c.eat(b"\"ratings\":{").is_some() {
        first = false;
        if c.eat(b"}").is_none() {
            loop {
                c.eat(b"\"")?;
                // Sorted and without repeats, as written; anything else is
                // left to the ordinary path, which decides which one counts.
                // A catalog item is found by its place, any other by its id.
                let place = ratings.next_in(c.bytes().get(c.at..).unwrap_or_default());
                let id = match place {
                    Some((_, len)) => {
                        c.at += len + 1;
                        None
                    }
                    None => Some(c.string_rest()?),
                };
                c.eat(b":")?;
                let value = RatingValue::try_from(c.small_int()?).ok()?.get();
                match (place, id) {
                    (Some((place, _)), _) => ratings.push_place(place, value)?,
                    (None, id) => ratings.push(id?, value)?,
                }
                if c.eat(b",").is_none() {
                    c.eat(b"}")?;
                    break;
                }
            }
        }
    }
    let edited = if c.key(&mut first, b"edited").is_some() {
        let text = c.string()?;
        Some((text, stamp::plain(text)?))
    } else {
        None
    };
    let sleep = if c.key(&mut first, b"sleep").is_some() {
        c.eat(b"{\"hours\":")?;
        let hours = Hours::try_from(c.number()?).ok()?.get();
        c.eat(b",\"edited\":")?;
        // Usually the day's own edit time, read once.
        let edited = c.stamp_like(edited)?;
        c.eat(b"}")?;
        Some(Sleep { hours, edited })
    } else {
        None
    };
    let note = if c.key(&mut first, b"note").is_some() {
        c.eat(b"{\"text\":")?;
        let text = c.string()?.to_owned();
        let for_provider = if c.eat(b",\"for_provider\":true").is_some() {
            true
        } else {
            c.eat(b",\"for_provider\":false")?;
            false
        };
        c.eat(b",\"edited\":")?;
        let edited = c.stamp_like(edited)?;
        c.eat(b"}")?;
        Some(Box::new(Note { text, for_provider, edited }))
    } else {
        None
    };
    c.end()?;
    let edited = edited.map(|(_, stamp)| stamp);
    // A rating with no edit time is refused by the ordinary reader, in words.
    if edited.is_none() && !ratings.is_empty() {
        return None;
    }
    Some(Day { ratings: ratings.finish(edited), sleep, note, aids: Vec::new() })
}

/// A dose line in the common shape, or `None` for `serde_json` to read.
/// `before` is the stamp of the dose line read before this one, as written
/// and as read; it becomes this one's.
pub(crate) fn dose<'a>(line: &'a str, before: &mut Option<(&'a str, Stamp)>) -> Option<Dose> {
    let mut c = Cursor { line, at: 0 };
    c.eat(b"{\"at\":")?;
    let text = c.string()?;
    let at = before.and_then(|(t, at)| stamp::plain_after(text, t, at)).or_else(|| stamp::plain(text))?;
    *before = Some((text, at));
    c.eat(b",\"grams\":")?;
    let grams = Grams::try_from(c.number()?).ok()?.get();
    let form = if c.eat(b",\"form\":").is_some() { Some(form(c.string()?)?) } else { None };
    c.end()?;
    Some(Dose { at, grams, form, note: None })
}

/// A form by the name the file gives it (as `serde` names it: the tests
/// check they agree), without `serde`'s machinery for each dose.
fn form(name: &str) -> Option<Form> {
    Some(match name {
        "leaf" => Form::Leaf,
        "powder" => Form::Powder,
        "capsule" => Form::Capsule,
        "extract" => Form::Extract,
        "other" => Form::Other,
        _ => return None,
    })
}

/// A day's date as the store writes it (`2026-03-10`), or `None` for
/// chrono to read (and refuse in its words).
pub(crate) fn date(text: &str) -> Option<chrono::NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b.get(range)?.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    chrono::NaiveDate::from_ymd_opt(i32::try_from(number(0..4)?).ok()?, number(5..7)?, number(8..10)?)
}

/// Whether a string is written in JSON as it is: no backslash or control
/// character to escape, and no quote unless `quotes_cut` says the text was
/// already cut at one (what both quick ways need of their strings). Checked
/// without stopping early, which the compiler does several bytes at a time:
/// on the ten-year journal 3 M instructions fewer than `any`.
#[allow(clippy::needless_bitwise_bool)]
#[inline]
pub(super) fn unescaped(text: &[u8], quotes_cut: bool) -> bool {
    !text.iter().fold(false, |bad, &b| bad | (!quotes_cut & (b == b'"')) | (b == b'\\') | (b < 0x20))
}

/// Where the reader is in a line.
struct Cursor<'a> {
    line: &'a str,
    at: usize,
}

/// Powers of ten up to 10^15, each exact as an `f64`.
const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

impl<'a> Cursor<'a> {
    #[inline]
    fn bytes(&self) -> &'a [u8] {
        self.line.as_bytes()
    }

    /// Steps over `expected` if it comes next.
    #[inline]
    fn eat(&mut self, expected: &[u8]) -> Option<()> {
        let end = self.at + expected.len();
        // Byte by byte: these are a few bytes long, and a call to `memcmp`
        // for each cost more than the comparing.
        let here = self.bytes().get(self.at..end)?;
        here.iter().zip(expected).all(|(a, b)| a == b).then(|| self.at = end)
    }

    /// Steps over `"name":`, after a comma unless it is the object's first key.
    #[inline]
    fn key(&mut self, first: &mut bool, name: &[u8]) -> Option<()> {
        let start = self.at;
        let found = (|| {
            if !*first {
                self.eat(b",")?;
            }
            self.eat(b"\"")?;
            self.eat(name)?;
            self.eat(b"\":")
        })();
        match found {
            Some(()) => *first = false,
            None => self.at = start,
        }
        found
    }

    /// A string with no escapes and no control characters (which JSON
    /// does not allow raw); the line is already UTF-8.
    #[inline]
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b"\"")?;
        self.string_rest()
    }

    /// The rest of a string whose opening quote was read.
    #[inline]
    fn string_rest(&mut self) -> Option<&'a str> {
        let rest = self.bytes().get(self.at..)?;
        let len = memchr::memchr(b'"', rest)?;
        if !unescaped(rest.get(..len)?, true) {
            return None;
        }
        // Cut at an ASCII quote, so on a character boundary.
        let text = self.line.get(self.at..self.at + len)?;
        self.at += len + 1;
        Some(text)
    }

    /// A stamp that is usually the same text as `known` (the day's own edit
    /// time, which sleep and note share when rated in one sitting): read once.
    #[inline]
    fn stamp_like(&mut self, known: Option<(&str, Stamp)>) -> Option<Stamp> {
        let text = self.string()?;
        match known {
            Some((known_text, known)) if known_text == text => Some(known),
            _ => stamp::plain(text),
        }
    }

    /// A rating: a whole number of up to three digits, no leading zero.
    #[inline]
    fn small_int(&mut self) -> Option<u8> {
        let digits = self.digits();
        if digits.is_empty() || digits.len() > 3 || (digits.len() > 1 && digits.first() == Some(&b'0')) {
            return None;
        }
        u8::try_from(digits.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))).ok()
    }

    /// A plain non-negative number (`7`, `0.75`) with at most 15 decimals
    /// whose digits, read as a whole number, are below 2^53. That number and
    /// the power of ten are then both exact, so the one division is correctly
    /// rounded: the same `f64` `serde_json` reads (with `float_roundtrip`).
    #[inline]
    fn number(&mut self) -> Option<f64> {
        let whole = self.digits();
        if whole.is_empty() || (whole.len() > 1 && whole.first() == Some(&b'0')) {
            return None;
        }
        let fraction = if self.eat(b".").is_some() {
            let fraction = self.digits();
            if fraction.is_empty() {
                return None;
            }
            fraction
        } else {
            &[]
        };
        if matches!(self.bytes().get(self.at), Some(b'e' | b'E')) || whole.len() + fraction.len() > 17 {
            return None;
        }
        // 17 digits fit a u64 with room to spare.
        let significand = whole.iter().chain(fraction).fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        if significand > 1 << 53 {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // below 2^53: exact
        let significand = significand as f64;
        Some(significand / POW10.get(fraction.len())?)
    }

    #[inline]
    fn digits(&mut self) -> &'a [u8] {
        let rest = self.bytes().get(self.at..).unwrap_or_default();
        let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        self.at += len;
        rest.get(..len).unwrap_or_default()
    }

    /// The object's closing brace, and nothing after it.
    #[inline]
    fn end(&mut self) -> Option<()> {
        self.eat(b"}")?;
        (self.at == self.line.len()).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_day(line: &str) -> Option<Day> {
        serde_json::from_str(line).ok()
    }

    fn serde_dose(line: &str) -> Option<Dose> {
        serde_json::from_str(line).ok()
    }

    #[test]
    fn every_day_and_dose_of_a_long_demo_reads_as_serde_json_reads_it() {
        let now = Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap();
        let journal = crate::demo::generate(400, 3, now);
        for day in journal.days().values() {
            let line = serde_json::to_string(day).unwrap();
            match super::day(&line) {
                Some(read) => assert_eq!(Some(read), serde_day(&line), "{line}"),
                // Only a day with aids or an item's own edit time is left to serde_json.
                None => assert!(!day.aids.is_empty() || line.contains("item_edits"), "{line}"),
            }
        }
        // In file order, each stamp read from the one before where it can be.
        let lines: Vec<String> = journal.doses().iter().map(|d| serde_json::to_string(d).unwrap()).collect();
        let mut before = None;
        for (dose, line) in journal.doses().iter().zip(&lines) {
            match super::dose(line, &mut before) {
                Some(read) => assert_eq!(Some(read), serde_dose(line), "{line}"),
                None => assert!(dose.note.is_some(), "{line}"),
            }
        }
    }

    #[test]
    fn what_the_quick_way_reads_it_reads_as_serde_json_and_the_rest_it_leaves() {
        let stamp = "\"2026-03-10T21:00:00+01:00\"";
        let days = [
            format!(r#"{{"ratings":{{"anxiety":2,"nausea":0}},"edited":{stamp}}}"#),
            format!(r#"{{"ratings":{{"anxiety":2}},"edited":{stamp},"sleep":{{"hours":7.5,"edited":{stamp}}}}}"#),
            format!(r#"{{"sleep":{{"hours":0,"edited":{stamp}}}}}"#),
            format!(r#"{{"sleep":{{"hours":24.0,"edited":{stamp}}}}}"#),
            "{}".to_string(),
            r#"{"ratings":{}}"#.to_string(),
            format!(
                r#"{{"ratings":{{"anxiety":2}},"edited":{stamp},"note":{{"text":"Slept — a little","for_provider":true,"edited":{stamp}}}}}"#
            ),
            r#"{"note":{"text":"","for_provider":false,"edited":"2026-03-11T08:00:00Z"}}"#.to_string(),
            // Each of these is refused or read differently by serde_json,
            // or is not the common shape: the quick way must give `None`.
            r#"{"ratings":{"anxiety":2}}"#.to_string(),
            format!(r#"{{"ratings":{{"anxiety":5}},"edited":{stamp}}}"#),
            format!(r#"{{"ratings":{{"anxiety":256}},"edited":{stamp}}}"#),
            format!(r#"{{"ratings":{{"anxiety":02}},"edited":{stamp}}}"#),
            format!(r#"{{"ratings":{{"nausea":1,"anxiety":2}},"edited":{stamp}}}"#),
            format!(r#"{{"ratings":{{"anxiety":1,"anxiety":2}},"edited":{stamp}}}"#),
            format!(r#"{{"ratings":{{"anx\u0069ety":1}},"edited":{stamp}}}"#),
            format!(r#"{{"ratings": {{"anxiety":1}},"edited":{stamp}}}"#),
            r#"{"ratings":{"anxiety":1},"edited":"2026-03-10 21:00"}"#.to_string(),
            format!(r#"{{"sleep":{{"hours":24.5,"edited":{stamp}}}}}"#),
            format!(r#"{{"sleep":{{"hours":-1,"edited":{stamp}}}}}"#),
            format!(r#"{{"sleep":{{"hours":7e0,"edited":{stamp}}}}}"#),
            format!(r#"{{"sleep":{{"hours":7.,"edited":{stamp}}}}}"#),
            format!(r#"{{"sleep":{{"hours":7.0,"edited":{stamp}}}}} "#),
            format!(r#"{{"note":{{"text":"x","edited":{stamp}}}}}"#),
            format!(r#"{{"note":{{"text":"a \"quote\"","for_provider":true,"edited":{stamp}}}}}"#),
            format!(r#"{{"note":{{"text":"x","for_provider":1,"edited":{stamp}}}}}"#),
            r#"{"note":{"text":"x","for_provider":true,"edited":"yesterday"}}"#.to_string(),
            format!(r#"{{"edited":{stamp},"ratings":{{"anxiety":1}}}}"#),
        ];
        for line in &days {
            if let Some(read) = super::day(line) {
                assert_eq!(Some(read), serde_day(line), "{line}");
            }
        }
        assert_eq!(days.iter().filter(|line| super::day(line).is_some()).count(), 8);
        let doses = [
            format!(r#"{{"at":{stamp},"grams":1.5,"form":"powder"}}"#),
            format!(r#"{{"at":{stamp},"grams":100}}"#),
            format!(r#"{{"at":{stamp},"grams":0.123456789012345,"form":"leaf"}}"#),
            format!(r#"{{"at":{stamp},"grams":0}}"#),
            format!(r#"{{"at":{stamp},"grams":100.01}}"#),
            format!(r#"{{"at":{stamp},"grams":1.5,"form":"gummies"}}"#),
            format!(r#"{{"at":{stamp},"grams":0.1234567890123456}}"#),
            format!(r#"{{"at":{stamp},"grams":9007199.254740993}}"#),
            format!(r#"{{"at":{stamp},"grams":1.5,"note":"after lunch"}}"#),
            format!(r#"{{"grams":1.5,"at":{stamp}}}"#),
        ];
        for line in &doses {
            if let Some(read) = super::dose(line, &mut None) {
                assert_eq!(Some(read), serde_dose(line), "{line}");
            }
        }
        assert_eq!(doses.iter().filter(|line| super::dose(line, &mut None).is_some()).count(), 3);
    }

    #[test]
    fn every_form_reads_by_the_name_serde_gives_it() {
        for form in Form::ALL {
            let name = serde_json::to_value(form).unwrap();
            assert_eq!(super::form(name.as_str().unwrap()), Some(form));
        }
        assert_eq!(super::form("Powder"), None);
    }

    #[test]
    fn a_date_reads_as_chrono_reads_it() {
        for text in [
            "2026-03-10",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
            "2026-02-29",
            "2026-13-01",
            "2026-3-10",
            "2026-03-1x",
            "+2026-03-10",
            "2026-03-10 ",
        ] {
            if let Some(date) = date(text) {
                assert_eq!(Ok(date), text.parse(), "{text}");
            }
        }
        assert_eq!(date("2026-03-10"), chrono::NaiveDate::from_ymd_opt(2026, 3, 10));
        assert_eq!(date("2026-02-29"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_dose_or_sleep_number_reads_as_serde_json_reads_it(
            grams in 0.0f64..=100.0,
            decimals in 0usize..=4,
            hours in 0.0f64..=24.0,
            secs in 0i64..4_000_000_000,
            nanos in 0u32..1_000_000_000,
            offset_minutes in -720i32..=840,
        ) {
            let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let at = chrono::DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
            // As typed (rounded to a few decimals) and as computed (any f64).
            for grams in [grams, (grams * 10f64.powi(decimals as i32)).round() / 10f64.powi(decimals as i32)] {
                let dose = Dose { at, grams, form: Some(Form::Powder), note: None };
                let line = serde_json::to_string(&dose).unwrap();
                if let Some(read) = super::dose(&line, &mut None) {
                    proptest::prop_assert_eq!(Some(read), serde_dose(&line), "{}", line);
                }
            }
            let day = Day { sleep: Some(Sleep { hours, edited: at }), ..Day::default() };
            let line = serde_json::to_string(&day).unwrap();
            if let Some(read) = super::day(&line) {
                proptest::prop_assert_eq!(Some(read), serde_day(&line), "{}", line);
            }
        }
    }
}
