//! The quick way through a file in the layout `format.rs` writes: one line
//! per day and one per dose. Those lines are nine tenths of a long journal,
//! and each one is a whole JSON value, so they are read on two cores — a
//! part of each section per thread, with the real `Day` and `Dose` readers —
//! while the rest of the file (everything but those lines) is read as a
//! journal by the ordinary path.
//!
//! Anything that is not exactly that layout gives `None`, and the caller
//! reads the file the ordinary way, so a hand-edited file, and every error
//! message, are as before. The same split serves the save's check that the
//! bytes it is about to write read back as the journal: compared one day and
//! one dose at a time, the check never holds a second copy of the journal.

use std::collections::BTreeMap;

use crate::journal::{Day, Dose, Journal, quick_line};
use chrono::NaiveDate;

const DAYS_OPEN: &str = "\n  \"days\": {\n";
const DAYS_CLOSE: &str = "\n  }";
const DOSES_OPEN: &str = "\n  \"doses\": [\n";
const DOSES_CLOSE: &str = "\n  ]";
/// How every day and dose line starts: at the third level, four spaces in.
const INDENT: &str = "    ";

/// A file cut into its day section, its dose section and the rest. The
/// sections are cut into lines by the threads that read them, so that
/// cutting is shared between the cores too.
struct Split<'a> {
    /// The file with both sections emptied (`"days": {\n  }`).
    rest: String,
    /// The lines between `"days": {` and its closing line, newlines and all.
    days: &'a str,
    doses: &'a str,
}

/// How much of each section the second thread takes: this one has also cut
/// the file up and reads the rest, and the join and the integrity check
/// follow (balanced with callgrind on the ten-year journal).
const OTHER_SHARE: (usize, usize) = (5, 8);

/// Reads a file in the store's layout, or says it is not in it.
pub fn read(text: &str) -> Option<Journal> {
    let split = split(text)?;
    let (days_first, days_second) = halves(split.days);
    let (doses_first, doses_second) = halves(split.doses);
    let (first, second) = std::thread::scope(|scope| {
        let other = scope.spawn(|| Some((read_days(days_second, true)?, read_doses(doses_second, true)?)));
        let here = (|| {
            let rest = serde_json::from_str::<Journal>(&split.rest).ok()?;
            Some((
                read_days(days_first, days_second.is_empty())?,
                read_doses(doses_first, doses_second.is_empty())?,
                rest,
            ))
        })();
        (here, other.join().ok().flatten())
    });
    let ((mut days, mut doses, rest), (more_days, more_doses)) = (first?, second?);
    // Each part is in strictly increasing order; so must the join be.
    if let (Some((last, _)), Some((next, _))) = (days.last(), more_days.first())
        && last >= next
    {
        return None;
    }
    days.reserve_exact(more_days.len());
    days.extend(more_days);
    doses.reserve_exact(more_doses.len());
    doses.extend(more_doses);
    // Sorted input: the map is built in one pass.
    let days: BTreeMap<NaiveDate, Day> = days.into_iter().collect();
    crate::journal::with_days_and_doses(rest, days, doses)
}

/// Whether `text`, in the store's layout, reads back as `journal` and would
/// pass the loader's integrity check; `None` if it is not in that layout
/// (the caller then parses it whole).
pub fn reads_back_as(text: &str, journal: &Journal) -> Option<bool> {
    let split = split(text)?;
    let (days_first, days_second) = halves(split.days);
    let (doses_first, doses_second) = halves(split.doses);
    let days: Vec<(&NaiveDate, &Day)> = journal.days().iter().collect();
    let (day_count, dose_count) = (line_count(days_first), line_count(doses_first));
    if day_count > days.len() || dose_count > journal.doses().len() {
        return Some(false);
    }
    let (day_halves, dose_halves) = (days.split_at(day_count), journal.doses().split_at(dose_count));
    let (first, second) = std::thread::scope(|scope| {
        // The integrity check the loader would run on what it read runs here
        // on the journal itself, which the comparisons show it equals.
        let other = scope.spawn(|| {
            same_days(days_second, true, day_halves.1)
                && same_doses(doses_second, true, dose_halves.1)
                && journal.check_integrity().is_ok()
        });
        let here = same_days(days_first, days_second.is_empty(), day_halves.0)
            && same_doses(doses_first, doses_second.is_empty(), dose_halves.0)
            && serde_json::from_str::<Journal>(&split.rest).is_ok_and(|rest| {
                rest.days().is_empty()
                    && rest.doses().is_empty()
                    && crate::journal::same_apart_from_days_and_doses(&rest, journal)
            });
        (here, other.join().unwrap_or(false))
    });
    Some(first && second)
}

/// Whether the lines of `part` are exactly `want`, one day each.
fn same_days(part: &str, ends_section: bool, want: &[(&NaiveDate, &Day)]) -> bool {
    let mut want = want.iter();
    let same = entries(part, ends_section).all(|line| {
        let read = line.and_then(day_line);
        matches!((read, want.next()), (Some((date, day)), Some(&(want_date, want_day))) if date == *want_date && day == *want_day)
    });
    same && want.next().is_none()
}

/// Whether the lines of `part` are exactly `want`, one dose each.
fn same_doses(part: &str, ends_section: bool, want: &[Dose]) -> bool {
    let mut want = want.iter();
    let same = entries(part, ends_section)
        .all(|line| matches!((line.and_then(read_dose), want.next()), (Some(dose), Some(w)) if dose == *w));
    same && want.next().is_none()
}

/// A section cut in two at a line's end, the second part about
/// [`OTHER_SHARE`] of it; either may be empty.
fn halves(section: &str) -> (&str, &str) {
    let at = section.len() / OTHER_SHARE.1 * (OTHER_SHARE.1 - OTHER_SHARE.0);
    match section.get(at..).and_then(|tail| tail.find('\n')) {
        Some(newline) => {
            (section.get(..at + newline).unwrap_or(section), section.get(at + newline + 1..).unwrap_or(""))
        }
        None => (section, ""),
    }
}

fn line_count(part: &str) -> usize {
    if part.is_empty() { 0 } else { memchr::memchr_iter(b'\n', part.as_bytes()).count() + 1 }
}

/// The entries of part of a section, one per line: each line starts at the
/// indentation, and every one but the section's last ends with a comma.
/// `None` for a line that breaks the layout.
fn entries(part: &str, ends_section: bool) -> impl Iterator<Item = Option<&str>> {
    let mut ends = memchr::memchr_iter(b'\n', part.as_bytes()).chain((!part.is_empty()).then_some(part.len()));
    let mut from = 0;
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let line = part.get(from..end);
        from = end + 1;
        let last = ends_section && end == part.len();
        let entry = line.and_then(|line| line.strip_prefix(INDENT));
        Some(match (entry.and_then(|e| e.strip_suffix(',')), last) {
            (Some(entry), false) => Some(entry),
            (None, true) => entry,
            _ => None,
        })
    })
}

fn read_days(part: &str, ends_section: bool) -> Option<Vec<(NaiveDate, Day)>> {
    let mut days: Vec<(NaiveDate, Day)> = Vec::with_capacity(line_count(part));
    for line in entries(part, ends_section) {
        let (date, day) = day_line(line?)?;
        // A repeated or out-of-order date is left to the ordinary path,
        // which decides which one counts.
        if days.last().is_some_and(|(last, _)| *last >= date) {
            return None;
        }
        days.push((date, day));
    }
    Some(days)
}

/// `"2026-03-10": {…}`, the quick way or `serde_json`'s.
fn day_line(entry: &str) -> Option<(NaiveDate, Day)> {
    let entry = entry.strip_prefix('"')?;
    let (date, value) = (entry.get(..10)?, entry.get(10..)?.strip_prefix("\": ")?);
    let date = quick_line::date(date)
        .or_else(|| date.bytes().all(|b| b.is_ascii_digit() || b == b'-').then(|| date.parse().ok()).flatten())?;
    Some((date, quick_line::day(value).or_else(|| serde_json::from_str(value).ok())?))
}

fn read_doses(part: &str, ends_section: bool) -> Option<Vec<Dose>> {
    // Sized up front: collecting through `Option` has no size hint, and
    // doubling a vector of 10,000 doses reallocates it a dozen times.
    let mut out = Vec::with_capacity(line_count(part));
    for line in entries(part, ends_section) {
        out.push(read_dose(line?)?);
    }
    Some(out)
}

/// A dose line the quick way, or `serde_json`'s way if it is not the common shape.
fn read_dose(line: &str) -> Option<Dose> {
    quick_line::dose(line).or_else(|| serde_json::from_str(line).ok())
}

/// Finds the day and dose sections, checking that they are the top-level
/// `days` and `doses`. A section written empty (`"doses": []`) stays in the
/// rest; if both are, there is nothing to gain.
fn split(text: &str) -> Option<Split<'_>> {
    let days_section = section(text, DAYS_OPEN, DAYS_CLOSE, 0);
    let doses_section = section(text, DOSES_OPEN, DOSES_CLOSE, days_section.map_or(0, |s| s.2));
    if days_section.is_none() && doses_section.is_none() {
        return None;
    }
    // Only at depth 1 is `"days"` a key of the journal itself, not of
    // something inside it (a hand-edited file could nest one); the rest is
    // copied without the sections' lines.
    let mut rest = String::with_capacity(4096);
    let (mut from, mut depth) = (0, 0);
    for (open, found) in [(DAYS_OPEN, days_section), (DOSES_OPEN, doses_section)] {
        let Some((at, _, end)) = found else { continue };
        depth = depth_after(text.get(from..at)?, depth)?;
        if depth != 1 {
            return None;
        }
        // Keep the opening bracket and the closing line: `"days": {\n  }`.
        rest.push_str(text.get(from..at + open.len() - 1)?);
        from = end - DAYS_CLOSE.len();
        // Resuming at the closing line, inside the section's bracket.
        depth += 1;
    }
    rest.push_str(text.get(from..)?);
    Some(Split { rest, days: days_section.map_or("", |s| s.1), doses: doses_section.map_or("", |s| s.1) })
}

/// Where a section opens, its lines (everything up to the first line that
/// starts with the closing bracket: a raw newline is never inside a string,
/// so every line inside starts deeper) and where its closing line ends,
/// searching from `from`. A section with no lines is not one.
fn section<'a>(text: &'a str, open: &str, close: &str, from: usize) -> Option<(usize, &'a str, usize)> {
    let at = from + memchr::memmem::find(text.get(from..)?.as_bytes(), open.as_bytes())?;
    let start = at + open.len();
    // The body ends at the newline of `close`; `close` starts with it.
    let body_end = start.checked_sub(1)? + memchr::memmem::find(text.get(start - 1..)?.as_bytes(), close.as_bytes())?;
    let body = text.get(start..body_end).filter(|body| !body.is_empty())?;
    Some((at, body, body_end + close.len()))
}

/// The nesting depth at the end of `text`, starting from `depth`, counting
/// brackets outside strings; `None` if it ends inside a string or goes below 0.
fn depth_after(text: &str, mut depth: usize) -> Option<usize> {
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.checked_sub(1)?,
                _ => {}
            }
        }
    }
    (!in_string).then_some(depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ten_years() -> Journal {
        let now = crate::journal::Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap();
        crate::demo::generate(400, 3, now)
    }

    #[test]
    fn a_written_journal_reads_the_same_both_ways() {
        let journal = ten_years();
        let bytes = crate::store::serialize(&journal);
        let text = std::str::from_utf8(&bytes).unwrap();
        assert_eq!(read(text).as_ref(), Some(&journal));
        assert_eq!(serde_json::from_str::<Journal>(text).unwrap(), journal);
        assert_eq!(reads_back_as(text, &journal), Some(true));
    }

    #[test]
    fn an_empty_journal_is_left_to_the_ordinary_path() {
        let bytes = crate::store::serialize(&Journal::new());
        assert_eq!(read(std::str::from_utf8(&bytes).unwrap()), None);
    }

    #[test]
    fn a_changed_day_or_dose_does_not_read_back_as_the_journal() {
        let journal = ten_years();
        let text = String::from_utf8(crate::store::serialize(&journal)).unwrap();
        let day = text.replacen("\"anxiety\":1", "\"anxiety\":2", 1);
        let dose = text.replacen("\"grams\":1.5", "\"grams\":1.25", 1);
        let settings = text.replacen("\"usual_daily_grams\": 6.0", "\"usual_daily_grams\": 7.0", 1);
        for changed in [day, dose, settings] {
            assert_ne!(changed, text);
            assert_eq!(reads_back_as(&changed, &journal), Some(false));
        }
    }

    #[test]
    fn other_layouts_and_nested_lookalikes_are_left_to_the_ordinary_path() {
        let journal = ten_years();
        let text = String::from_utf8(crate::store::serialize(&journal)).unwrap();
        // Fully pretty JSON, as a person's tools might write it.
        let pretty = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&text).unwrap()).unwrap();
        assert_eq!(read(&pretty), None);
        // Days out of order, or a date twice.
        let mut lines: Vec<&str> = text.lines().collect();
        let first_day = lines.iter().position(|l| l.starts_with("    \"20")).unwrap();
        lines.swap(first_day, first_day + 1);
        assert_eq!(read(&lines.join("\n")), None);
        // A `days` that is not the journal's own.
        assert_eq!(depth_after("{\n  \"settings\": {", 0), Some(2));
        assert_eq!(depth_after("{\"a\": \"{[\\\"\"", 0), Some(1));
        assert_eq!(depth_after("}", 0), None);
    }
}
