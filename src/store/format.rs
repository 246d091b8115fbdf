//! How the journal is laid out on disk: pretty at the top, then one line per
//! day, per dose and per self-check. A change to one day is a one-line diff,
//! and the file is a third of the size of fully pretty JSON, which keeps a
//! ten-year journal quick to load and save.

use std::io::{self, Write};

use chrono::Datelike;
use serde::Serialize;
use serde_json::ser::Formatter;

use super::pages::Bytes;
use crate::journal::Journal;

/// Containers nested deeper than this are written on one line.
const PRETTY_DEPTH: usize = 2;

/// Pretty-prints the outer two levels and writes everything deeper compactly.
#[derive(Default)]
struct LineFormatter {
    depth: usize,
    has_value: bool,
}

impl LineFormatter {
    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn pretty(&self) -> bool {
        self.depth <= PRETTY_DEPTH
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let was_pretty = self.pretty();
        self.depth -= 1;
        if was_pretty && self.has_value {
            self.newline(w)?;
        }
        self.has_value = true;
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.pretty() { self.newline(w) } else { Ok(()) }
    }
}

impl Formatter for LineFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.pretty() { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The journal's bytes as stored, in a buffer of about `expected` bytes (the
/// last size: growing a large buffer by doubling would briefly hold it twice).
pub fn to_bytes<T: Serialize>(value: &T, expected: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(expected + expected / 16 + 4096);
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, LineFormatter::default());
    // Serializing our own model into memory cannot fail: every map key is a
    // string and every number is finite (the journal's validation sees to it).
    let _ = value.serialize(&mut serializer);
    bytes.push(b'\n');
    bytes
}

/// The journal's bytes as stored, in a new vector: [`write_journal`]'s.
pub fn journal_bytes(journal: &Journal) -> Vec<u8> {
    let mut bytes = Bytes::default();
    write_journal(journal, &mut bytes);
    bytes.to_vec()
}

/// Writes the journal's bytes as stored into `out`, replacing what it held:
/// the same bytes as [`to_bytes`] gives, with the day and dose lines —
/// nearly all of a long journal — written the quick way where they have the
/// common shape (`journal/quick_write.rs`) into the space the rest leaves
/// for them. `out` is reused, save after save (see `store/pages.rs`).
pub fn write_journal(journal: &Journal, out: &mut Bytes) {
    out.clear();
    let shell = to_bytes(&crate::journal::without_days_and_doses(journal), 0);
    // A raw newline is never inside a JSON string, so each section's empty
    // form is found only where the layout put it, once.
    let (Some(days_at), Some(doses_at)) = (find(&shell, EMPTY_DAYS), find(&shell, EMPTY_DOSES)) else {
        return out.extend_from_slice(&to_bytes(journal, 0));
    };
    if days_at > doses_at {
        return out.extend_from_slice(&to_bytes(journal, 0));
    }
    let (head, after_days) = shell.split_at(days_at);
    let (middle, after_doses) = after_days.split_at(doses_at - days_at);
    out.extend_from_slice(head);
    section(out, EMPTY_DAYS, b'}', journal.days(), |line, (date, day)| {
        line.push(b'"');
        if (0..=9999).contains(&date.year()) {
            crate::journal::quick_write::date(*date, line);
        } else {
            let _ = write!(line, "{date}");
        }
        line.extend_from_slice(b"\": ");
        if !crate::journal::quick_write::day(day, line) {
            let _ = serde_json::to_writer(&mut *line, day);
        }
    });
    out.extend_from_slice(middle.get(EMPTY_DAYS.len()..).unwrap_or_default());
    section(out, EMPTY_DOSES, b']', journal.doses(), |line, dose| {
        if !crate::journal::quick_write::dose(dose, line) {
            let _ = serde_json::to_writer(&mut *line, dose);
        }
    });
    out.extend_from_slice(after_doses.get(EMPTY_DOSES.len()..).unwrap_or_default());
}

/// `"days": {}` and `"doses": []` as [`LineFormatter`] writes them at the
/// journal's top level.
const EMPTY_DAYS: &[u8] = b"\n  \"days\": {}";
const EMPTY_DOSES: &[u8] = b"\n  \"doses\": []";

/// A section as [`LineFormatter`] writes it: empty as it is, or one entry
/// per line, four spaces in, and the bracket closing on its own line. Each
/// entry is written into a small line buffer, then copied into `out`.
fn section<T>(
    out: &mut Bytes,
    empty: &[u8],
    close: u8,
    entries: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut Vec<u8>, T),
) {
    let Some(open) = empty.get(..empty.len() - 1) else { return };
    let mut line = Vec::with_capacity(512);
    let mut any = false;
    for entry in entries {
        line.clear();
        if !any {
            line.extend_from_slice(open);
        }
        line.extend_from_slice(if any { b",\n    " } else { b"\n    " });
        write(&mut line, entry);
        out.extend_from_slice(&line);
        any = true;
    }
    if any {
        out.extend_from_slice(b"\n  ");
        out.extend_from_slice(&[close]);
    } else {
        out.extend_from_slice(empty);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let at = memchr::memmem::find(haystack, needle)?;
    // Exactly once.
    memchr::memmem::find(haystack.get(at + 1..)?, needle).is_none().then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_layout_is_byte_for_byte_the_serde_layout() {
        let now = crate::journal::Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap();
        for journal in [
            Journal::new(),
            crate::demo::generate(400, 3, now),
            crate::demo::generate(42, 1, now),
            crate::demo::generate(3650, 1, now),
        ] {
            assert_eq!(String::from_utf8(journal_bytes(&journal)), String::from_utf8(to_bytes(&journal, 0)));
        }
        let mut doses_only = Journal::new();
        let at = crate::journal::Stamp::parse_from_rfc3339("2026-03-09T08:00:00+01:00").unwrap();
        doses_only.add_dose(crate::journal::Dose { at, grams: 1.5, form: None, note: None }, at).unwrap();
        assert_eq!(String::from_utf8(journal_bytes(&doses_only)), String::from_utf8(to_bytes(&doses_only, 0)));
    }

    #[test]
    fn outer_levels_are_pretty_and_entries_are_one_line_each() {
        let value = serde_json::json!({
            "version": 1,
            "days": { "2026-03-01": { "ratings": { "anxiety": { "value": 2 } } }, "2026-03-02": {} },
            "doses": [ { "at": "x", "grams": 1.5 } ],
            "signs": []
        });
        let text = String::from_utf8(to_bytes(&value, 0)).unwrap();
        let expected = "{\n  \"days\": {\n    \"2026-03-01\": {\"ratings\":{\"anxiety\":{\"value\":2}}},\n    \"2026-03-02\": {}\n  },\n  \"doses\": [\n    {\"at\":\"x\",\"grams\":1.5}\n  ],\n  \"signs\": [],\n  \"version\": 1\n}\n";
        assert_eq!(text, expected);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
