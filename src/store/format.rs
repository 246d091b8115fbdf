//! How the journal is laid out on disk: pretty at the top, then one line per
//! day, per dose and per self-check. A change to one day is a one-line diff,
//! and the file is a third of the size of fully pretty JSON, which keeps a
//! ten-year journal quick to load and save.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

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

#[cfg(test)]
mod tests {
    use super::*;

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
