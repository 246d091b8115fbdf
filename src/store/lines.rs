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

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::journal::{Day, Dose, Journal};

const DAYS_OPEN: &str = "\n  \"days\": {\n";
const DAYS_CLOSE: &str = "\n  }";
const DOSES_OPEN: &str = "\n  \"doses\": [\n";
const DOSES_CLOSE: &str = "\n  ]";
/// How every day and dose line starts: at the third level, four spaces in.
const INDENT: &str = "    ";

/// A file cut into its day lines, its dose lines and the rest.
struct Split<'a> {
    /// The file with both sections emptied (`"days": {\n  }`).
    rest: String,
    days: Vec<(&'a str, &'a str)>,
    doses: Vec<&'a str>,
}

/// Reads a file in the store's layout, or says it is not in it.
pub fn read(text: &str) -> Option<Journal> {
    let split = split(text)?;
    // The other thread takes two thirds of each section: this one has also
    // cut the file up, and goes on to the integrity check, which together
    // cost about a third of the reading (measured with callgrind on the
    // ten-year journal).
    let (half_days, half_doses) = (split.days.len() * 2 / 3, split.doses.len() * 2 / 3);
    let (first, second) = std::thread::scope(|scope| {
        let first = scope.spawn(|| {
            let days = read_days(split.days.get(..half_days)?)?;
            let doses = read_all::<Dose>(split.doses.get(..half_doses)?)?;
            Some((days, doses))
        });
        let second = (|| {
            let days = read_days(split.days.get(half_days..)?)?;
            let doses = read_all::<Dose>(split.doses.get(half_doses..)?)?;
            let rest = serde_json::from_str::<Journal>(&split.rest).ok()?;
            Some((days, doses, rest))
        })();
        (first.join().ok().flatten(), second)
    });
    let ((mut days, mut doses), (more_days, more_doses, rest)) = (first?, second?);
    // Each half is in strictly increasing order; so must the join be.
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
    let (half_days, half_doses) = (split.days.len() / 2, split.doses.len() / 2);
    let days: Vec<(&NaiveDate, &Day)> = journal.days().iter().collect();
    if days.len() != split.days.len() || journal.doses().len() != split.doses.len() {
        return Some(false);
    }
    let same = |lines: &[(&str, &str)], days: &[(&NaiveDate, &Day)], doses_lines: &[&str], doses: &[Dose]| {
        lines.iter().zip(days).all(|(&(date, line), &(want_date, want))| {
            date.parse::<NaiveDate>().is_ok_and(|d| d == *want_date)
                && serde_json::from_str::<Day>(line).is_ok_and(|day| day == *want)
        }) && doses_lines
            .iter()
            .zip(doses)
            .all(|(line, want)| serde_json::from_str::<Dose>(line).is_ok_and(|dose| dose == *want))
    };
    let (day_halves, dose_halves) = (days.split_at(half_days), journal.doses().split_at(half_doses));
    let (line_halves, dose_line_halves) = (split.days.split_at(half_days), split.doses.split_at(half_doses));
    let (first, second) = std::thread::scope(|scope| {
        // The integrity check the loader would run on what it read runs here
        // on the journal itself, which the comparisons show it equals.
        let first = scope.spawn(|| {
            same(line_halves.0, day_halves.0, dose_line_halves.0, dose_halves.0) && journal.check_integrity().is_ok()
        });
        let second = same(line_halves.1, day_halves.1, dose_line_halves.1, dose_halves.1)
            && serde_json::from_str::<Journal>(&split.rest).is_ok_and(|rest| {
                rest.days().is_empty()
                    && rest.doses().is_empty()
                    && crate::journal::same_apart_from_days_and_doses(&rest, journal)
            });
        (first.join().unwrap_or(false), second)
    });
    Some(first && second)
}

fn read_days<'a>(lines: &[(&'a str, &'a str)]) -> Option<Vec<(NaiveDate, Day)>> {
    let mut days: Vec<(NaiveDate, Day)> = Vec::with_capacity(lines.len());
    for &(date, line) in lines {
        let date: NaiveDate = date.parse().ok()?;
        // A repeated or out-of-order date is left to the ordinary path,
        // which decides which one counts.
        if days.last().is_some_and(|(last, _)| *last >= date) {
            return None;
        }
        days.push((date, serde_json::from_str(line).ok()?));
    }
    Some(days)
}

fn read_all<T: DeserializeOwned>(lines: &[&str]) -> Option<Vec<T>> {
    // Sized up front: collecting through `Option` has no size hint, and
    // doubling a vector of 10,000 doses reallocates it a dozen times.
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        out.push(serde_json::from_str(line).ok()?);
    }
    Some(out)
}

/// Finds the day and dose sections and cuts them into lines, checking that
/// they are the top-level `days` and `doses` and that every line is one
/// entry in the written layout. A section written empty (`"doses": []`)
/// stays in the rest; if both are, there is nothing to gain.
fn split(text: &str) -> Option<Split<'_>> {
    let days_section = section(text, DAYS_OPEN, DAYS_CLOSE, 0);
    let doses_section = section(text, DOSES_OPEN, DOSES_CLOSE, days_section.as_ref().map_or(0, |s| s.2));
    if days_section.is_none() && doses_section.is_none() {
        return None;
    }
    let days = match &days_section {
        Some((_, entries, _)) => entries
            .iter()
            .map(|line| {
                let entry = line.strip_prefix('"')?;
                let (date, value) = (entry.get(..10)?, entry.get(10..)?.strip_prefix("\": ")?);
                date.bytes().all(|b| b.is_ascii_digit() || b == b'-').then_some((date, value))
            })
            .collect::<Option<Vec<_>>>()?,
        None => Vec::new(),
    };
    // Only at depth 1 is `"days"` a key of the journal itself, not of
    // something inside it (a hand-edited file could nest one); the rest is
    // copied without the sections' lines.
    let mut rest = String::with_capacity(text.len() / 16);
    let (mut from, mut depth) = (0, 0);
    let bounds = |found: &Option<(usize, Vec<&str>, usize)>| found.as_ref().map(|(at, _, end)| (*at, *end));
    let (days_bounds, doses_bounds) = (bounds(&days_section), bounds(&doses_section));
    let doses = doses_section.map(|(_, entries, _)| entries).unwrap_or_default();
    for (open, found) in [(DAYS_OPEN, days_bounds), (DOSES_OPEN, doses_bounds)] {
        let Some((at, end)) = found else { continue };
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
    Some(Split { rest, days, doses })
}

/// Where a section opens, its entries (one per line: each starts at the
/// indentation, and all but the last end with a comma) and where its closing
/// line ends, searching from `from`. One pass, a line at a time.
fn section<'a>(text: &'a str, open: &str, close: &str, from: usize) -> Option<(usize, Vec<&'a str>, usize)> {
    let at = from + text.get(from..)?.find(open)?;
    let mut pos = at + open.len();
    let mut entries = Vec::new();
    loop {
        let line_end = pos + text.get(pos..)?.find('\n').unwrap_or(text.len() - pos);
        let line = text.get(pos..line_end)?;
        if let Some(entry) = line.strip_prefix(INDENT) {
            entries.push(entry);
            pos = line_end + 1;
            continue;
        }
        // Every line inside starts with four spaces, so the first with two
        // and the bracket closes it (a raw newline is never inside a string).
        if !line.starts_with(close.get(1..)?) {
            return None;
        }
        let (last, others) = entries.split_last_mut()?;
        for entry in others {
            *entry = entry.strip_suffix(',')?;
        }
        if last.ends_with(',') {
            return None;
        }
        return Some((at, entries, pos + close.len() - 1));
    }
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
