//! The `show` table: one line per calendar day, every item's rating, the two
//! scores, sleep, aids and a note mark. Missing days are shown as missing,
//! and an item not rated shows as `·`, never as 0.

use std::fmt::Write;

use chrono::{Duration, NaiveDate};

use crate::analysis;
use crate::course::day_number;
use crate::journal::{Journal, Kind, format_number};

/// The table for `from..=to`, with a legend of the item columns.
pub fn render(journal: &Journal, now: crate::journal::Stamp, from: NaiveDate, to: NaiveDate) -> String {
    let catalog = journal.catalog();
    let items: Vec<_> = Kind::BOTH.iter().flat_map(|k| catalog.active(*k)).collect();
    let last_use = crate::analysis::situation::situation(journal, now).anchor();
    let mut out = String::new();

    let mut header = format!("{:<10} {:>4} ", "date", "day");
    for (i, item) in items.iter().enumerate() {
        if i > 0 && item.kind != items[i - 1].kind {
            header.push_str("| ");
        }
        let _ = write!(header, "{:<4}", abbreviation(item.id));
    }
    let _ = write!(header, "| {:>5} {:>5} {:>5} note aids", "phys", "psych", "sleep");
    let _ = writeln!(out, "{}", header.trim_end());

    let mut date = from;
    while date <= to {
        let day_text = last_use
            .and_then(|at| day_number(analysis::hours_since(at, date)))
            .map_or_else(String::new, |n| n.to_string());
        let mut line = format!("{date} {day_text:>4} ");
        match journal.day(date) {
            None => line.push_str("— no entry —"),
            Some(day) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 && item.kind != items[i - 1].kind {
                        line.push_str("| ");
                    }
                    let cell = day.ratings.get(item.id).map_or_else(|| "·".to_owned(), |r| r.value.to_string());
                    let _ = write!(line, "{cell:<4}");
                }
                let scores = analysis::day_scores(journal, day);
                let score = |k: Kind| {
                    scores.of(k).map_or_else(
                        || "·".to_owned(),
                        |s| format!("{:.1}{}", s.mean, if s.partial() { "*" } else { "" }),
                    )
                };
                let sleep = day.sleep.map_or_else(|| "·".to_owned(), |s| format!("{}h", format_number(s.hours)));
                let note = match &day.note {
                    Some(n) if n.for_provider => "P",
                    Some(_) => "N",
                    None => "",
                };
                let _ = write!(
                    line,
                    "| {:>5} {:>5} {:>5} {note:<4} {}",
                    score(Kind::Physical),
                    score(Kind::Psychological),
                    sleep,
                    day.aids_text(", ")
                );
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
        date += Duration::days(1);
    }

    let _ = writeln!(out);
    // No-break spaces keep each mark with its meaning when the legend wraps.
    let legend: Vec<String> = items.iter().map(|i| format!("{}\u{a0}{}", abbreviation(i.id), i.label)).collect();
    let legend = format!(
        "Items: {}.\nRatings 0\u{a0}none, 1\u{a0}mild, 2\u{a0}moderate, 3\u{a0}severe, 4\u{a0}extreme; \
         ·\u{a0}not\u{a0}rated; *\u{a0}partial score (fewer than half the items rated); \
         note: N\u{a0}a\u{a0}note, P\u{a0}a\u{a0}note\u{a0}for\u{a0}your\u{a0}provider.",
        legend.join("; ")
    );
    for line in textwrap::wrap(&legend, 80) {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// The first three letters of an id's first word: `muscle-aches` → `mus`.
fn abbreviation(id: &str) -> String {
    id.chars().filter(|c| *c != '-').take(3).collect()
}
