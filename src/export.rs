//! `easeoff export`: the journal for other programs. JSON is the journal
//! file itself (documented in the README); CSV is one row per calendar day
//! from the first entry to the last, with an empty cell for anything not
//! recorded — a missing day is a row of empty cells, never zeros.

use chrono::{Duration, NaiveDate};

use crate::analysis::{self, situation};
use crate::course::day_number;
use crate::journal::{Journal, Stamp, format_number};

/// The JSON export: byte-for-byte what the journal file holds.
pub fn json(journal: &Journal) -> Vec<u8> {
    crate::store::serialize(journal)
}

/// The CSV export. Columns: date, day, one per item (by id, hidden ones
/// too), `physical`, `psychological`, `total`, `sleep_hours`, `dose_grams`,
/// `doses`, `aids`, `note`, `note_for_provider`.
/// `day` is the day since the stop, and `dose_grams` is empty when nothing
/// was logged and 0 on a day without kratom, as the situation at `now` says.
pub fn csv(journal: &Journal, now: Stamp) -> Result<Vec<u8>, csv::Error> {
    let catalog = journal.catalog();
    let ids: Vec<&str> = catalog.entries().map(|e| e.id).collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["date", "day"];
    header.extend(ids.iter().copied());
    header.extend([
        "physical",
        "psychological",
        "total",
        "sleep_hours",
        "dose_grams",
        "doses",
        "aids",
        "note",
        "note_for_provider",
    ]);
    writer.write_record(&header)?;

    let doses = analysis::dose_days(journal);
    let situation = situation::situation(journal, now);
    let last_use = situation.anchor();
    if let Some((first, last)) = journal.span() {
        let mut date: NaiveDate = first;
        while date <= last {
            let mut row: Vec<String> = vec![date.to_string()];
            row.push(
                last_use
                    .and_then(|at| day_number(analysis::hours_since(at, date)))
                    .map_or_else(String::new, |n| n.to_string()),
            );
            let day = journal.day(date);
            for id in &ids {
                row.push(day.and_then(|d| d.ratings.get(id)).map_or_else(String::new, |r| r.value.to_string()));
            }
            let scores = day.map(|d| analysis::day_scores(journal, d)).unwrap_or_default();
            row.push(scores.physical.map_or_else(String::new, |s| format!("{:.2}", s.mean)));
            row.push(scores.psychological.map_or_else(String::new, |s| format!("{:.2}", s.mean)));
            row.push(scores.total.map_or_else(String::new, |t| t.to_string()));
            row.push(day.and_then(|d| d.sleep).map_or_else(String::new, |s| format_number(s.hours)));
            let dose = doses.get(&date);
            // Not logged is an empty cell, a day without kratom is 0.
            let record = situation::dose_record(journal, &situation, date, dose.copied());
            row.push(record.grams().map_or_else(String::new, format_number));
            row.push(dose.map_or_else(String::new, |d| d.count.to_string()));
            // The entries as typed, each with what it counts as when that differs.
            row.push(day.map(|d| d.aids_text("; ")).unwrap_or_default());
            let note = day.and_then(|d| d.note.as_ref());
            row.push(note.map_or_else(String::new, |n| n.text.clone()));
            row.push(note.map_or_else(String::new, |n| if n.for_provider { "yes".into() } else { "no".into() }));
            writer.write_record(&row)?;
            date += Duration::days(1);
        }
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
