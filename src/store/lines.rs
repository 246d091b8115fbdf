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

use crate::journal::{Day, DayMap, Dose, Journal, Stamp, quick_line};
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

/// How much of each section the second thread takes: half, which gives the
/// two threads the same work between the spawn and the join (callgrind on
/// the ten-year journal: 18.9 M and 19.1 M instructions; the rest of the
/// file, read by this thread, is small now that notes are read the quick
/// way). Cutting the file up before and the integrity check after are this
/// thread's alone either way.
const OTHER_SHARE: (usize, usize) = (1, 2);

/// Reads a file in the store's layout, or says it is not in it.
pub fn read(text: &str) -> Option<Journal> {
    let split = split(text)?;
    let (days_first, days_second) = halves(split.days);
    let (doses_first, doses_second) = halves(split.doses);
    // Each section goes into one vector, sized and filled with placeholders
    // up front, that the two threads fill in place, a part each. Joining
    // two vectors instead copied the second part into fresh memory, and in
    // a fresh process every fresh page costs a page fault (~200 of them on
    // the ten-year journal, see `store/pages.rs`).
    let (seam, doses_seam) = (line_count(days_first), line_count(doses_first));
    let mut days = vec![(NaiveDate::MIN, Day::default()); seam + line_count(days_second)];
    let mut doses = vec![placeholder_dose(); doses_seam + line_count(doses_second)];
    let (days_mine, days_other) = days.split_at_mut(seam);
    let (doses_mine, doses_other) = doses.split_at_mut(doses_seam);
    let (rest, other_read) = std::thread::scope(|scope| {
        let other =
            scope.spawn(|| read_days(days_second, true, days_other) && read_doses(doses_second, true, doses_other));
        let rest = serde_json::from_str::<Journal>(&split.rest).ok().filter(|_| {
            read_days(days_first, days_second.is_empty(), days_mine)
                && read_doses(doses_first, doses_second.is_empty(), doses_mine)
        });
        (rest, other.join().unwrap_or(false))
    });
    let rest = rest.filter(|_| other_read)?;
    // Each part is in strictly increasing order; so must the join be.
    if let (Some(before), Some((next, _))) = (seam.checked_sub(1), days.get(seam))
        && days.get(before).is_some_and(|(last, _)| last >= next)
    {
        return None;
    }
    crate::journal::with_days_and_doses(rest, DayMap::from_sorted(days)?, doses)
}

/// What a dose slot holds until its line is read: every slot is written
/// (the counts are the lines'), or the read fails as a whole.
fn placeholder_dose() -> Dose {
    Dose { at: chrono::DateTime::<chrono::Utc>::MIN_UTC.fixed_offset(), grams: 0.0, form: None, note: None }
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
    let mut before = None;
    let same = entries(part, ends_section).all(|line| {
        let read = line.and_then(|l| read_dose(l, &mut before));
        matches!((read, want.next()), (Some(dose), Some(w)) if dose == *w)
    });
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

/// Reads the day lines of `part` into `out`, one each; false if a line
/// breaks the layout or the count, or a date is repeated or out of order.
fn read_days(part: &str, ends_section: bool, out: &mut [(NaiveDate, Day)]) -> bool {
    let mut slots = out.iter_mut();
    let mut last: Option<NaiveDate> = None;
    let all = entries(part, ends_section).all(|line| {
        let (Some((date, day)), Some(slot)) = (line.and_then(day_line), slots.next()) else { return false };
        // A repeated or out-of-order date is left to the ordinary path,
        // which decides which one counts.
        if last.is_some_and(|last| last >= date) {
            return false;
        }
        last = Some(date);
        *slot = (date, day);
        true
    });
    all && slots.next().is_none()
}

/// `"2026-03-10": {…}`, the quick way or `serde_json`'s.
fn day_line(entry: &str) -> Option<(NaiveDate, Day)> {
    let entry = entry.strip_prefix('"')?;
    let (date, value) = (entry.get(..10)?, entry.get(10..)?.strip_prefix("\": ")?);
    let date = quick_line::date(date)
        .or_else(|| date.bytes().all(|b| b.is_ascii_digit() || b == b'-').then(|| date.parse().ok()).flatten())?;
    Some((date, quick_line::day(value).or_else(|| serde_json::from_str(value).ok())?))
}

/// Reads the dose lines of `part` into `out`, one each; false if a line
/// breaks the layout or the count.
fn read_doses(part: &str, ends_section: bool, out: &mut [Dose]) -> bool {
    let mut slots = out.iter_mut();
    let mut before = None;
    let all =
        entries(part, ends_section).all(|line| match (line.and_then(|l| read_dose(l, &mut before)), slots.next()) {
            (Some(dose), Some(slot)) => {
                *slot = dose;
                true
            }
            _ => false,
        });
    all && slots.next().is_none()
}

/// A dose line the quick way, or `serde_json`'s way if it is not the common shape.
/// `before` is the stamp of the line before, for the quick way.
fn read_dose<'a>(line: &'a str, before: &mut Option<(&'a str, Stamp)>) -> Option<Dose> {
    quick_line::dose(line, before).or_else(|| serde_json::from_str(line).ok())
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
    fn days_out_of_order_across_the_threads_seam_are_left_to_the_ordinary_path() {
        let journal = ten_years();
        let text = String::from_utf8(crate::store::serialize(&journal)).unwrap();
        let (first, second) = halves(split(&text).unwrap().days);
        let (last, next) = (first.lines().last().unwrap(), second.lines().next().unwrap());
        // Swapped, each line keeps its own comma: both parts stay sorted
        // within themselves, only the join is out of order.
        let swapped = text.replacen(&format!("{last}\n{next}"), &format!("{next}\n{last}"), 1);
        assert_ne!(swapped, text);
        assert_eq!(read(&swapped), None);
        assert_eq!(read(&text).as_ref(), Some(&journal));
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
