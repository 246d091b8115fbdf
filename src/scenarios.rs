//! The seven journals of `shared/spec/situations.md`, exactly as the spec
//! states them, each with the "now" it is judged at. The core tests, the CLI
//! and app tests and the README's status examples all use these, so they
//! cannot drift from the spec or from one another.

use chrono::{Duration, NaiveDate};

use crate::journal::plan::{Cut, PlanSpec};
use crate::journal::{Dose, Journal, Kind, Stamp};

/// One scenario: its journal and the moment it is judged at.
pub struct Scenario {
    pub name: &'static str,
    pub journal: Journal,
    pub now: Stamp,
}

fn at(text: &str) -> Stamp {
    // The scenarios are fixed text: a typo here is a defect in this file.
    Stamp::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("scenario time {text}: {e}"))
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap_or_else(|e| panic!("scenario date {text}: {e}"))
}

fn dose(journal: &mut Journal, when: &str, grams: f64) {
    let now = at("2026-12-31T00:00:00+01:00");
    journal.add_dose(Dose { at: at(when), grams, form: None, note: None }, now).unwrap_or_else(|e| panic!("{e}"));
}

/// Rates every item of a kind at `value` on `day`.
pub fn rate_all(journal: &mut Journal, day: NaiveDate, physical: u8, psychological: u8) {
    let now = at("2026-12-31T00:00:00+01:00");
    let ids: Vec<(String, u8)> = Kind::BOTH
        .iter()
        .flat_map(|k| {
            let value = if *k == Kind::Physical { physical } else { psychological };
            journal.catalog().active(*k).map(move |e| (e.id.to_owned(), value)).collect::<Vec<_>>()
        })
        .collect();
    for (id, value) in ids {
        journal.rate(day, &id, value, now).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Daily doses at 09:00 from `first` to `last`.
fn daily(journal: &mut Journal, first: &str, last: &str, grams: f64) {
    for d in date(first).iter_days().take_while(|d| *d <= date(last)) {
        dose(journal, &format!("{d}T09:00:00+01:00"), grams);
    }
}

/// Scenario 1 — Tapering: 4 g daily 1–4 Mar, 3.5 g daily 5–9 Mar, a plan from 4 g,
/// 10 % every 7 days from 5 Mar; now 9 Mar 21:00.
pub fn tapering() -> Scenario {
    let mut journal = Journal::new();
    daily(&mut journal, "2026-03-01", "2026-03-04", 4.0);
    daily(&mut journal, "2026-03-05", "2026-03-09", 3.5);
    let spec = PlanSpec {
        from_grams: 4.0,
        cut: Cut::Percent(10.0),
        every_days: 7,
        start: date("2026-03-05"),
        floor_grams: 0.5,
        round_grams: 0.25,
    };
    journal.new_plan(spec, at("2026-03-05T08:00:00+01:00")).unwrap_or_else(|e| panic!("{e}"));
    for (day, p, q) in [("2026-03-02", 1, 1), ("2026-03-03", 1, 1), ("2026-03-04", 1, 1)] {
        rate_all(&mut journal, date(day), p, q);
    }
    for (day, p, q) in [("2026-03-05", 2, 1), ("2026-03-06", 2, 2), ("2026-03-07", 2, 2)] {
        rate_all(&mut journal, date(day), p, q);
    }
    Scenario { name: "tapering", journal, now: at("2026-03-09T21:00:00+01:00") }
}

/// Scenario 2 — Cold stop: daily doses to 17 Feb 21:40, none after, mode unset; now
/// 10 Mar 09:00. Ratings follow a course that peaks on days 3–4.
pub fn cold_stop() -> Scenario {
    let mut journal = Journal::new();
    for d in date("2026-02-03").iter_days().take_while(|d| *d <= date("2026-02-16")) {
        dose(&mut journal, &format!("{d}T09:00:00+01:00"), 3.0);
        dose(&mut journal, &format!("{d}T21:00:00+01:00"), 3.0);
    }
    dose(&mut journal, "2026-02-17T09:00:00+01:00", 3.0);
    dose(&mut journal, "2026-02-17T21:40:00+01:00", 3.0);
    // Days 1–21 after the stop (18 Feb is day 1): a peak on days 3–4.
    let course: [(u8, u8); 21] = [
        (1, 1),
        (2, 2),
        (3, 3),
        (3, 3),
        (2, 2),
        (2, 2),
        (1, 2),
        (1, 2),
        (1, 1),
        (1, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
        (0, 1),
    ];
    for (i, (p, q)) in course.iter().enumerate() {
        rate_all(&mut journal, date("2026-02-18") + Duration::days(i as i64), *p, *q);
    }
    Scenario { name: "cold stop", journal, now: at("2026-03-10T09:00:00+01:00") }
}

/// Scenario 3 — Lapse: the cold stop plus one 3 g dose on 8 Mar 20:00.
pub fn lapse() -> Scenario {
    let mut s = cold_stop();
    dose(&mut s.journal, "2026-03-08T20:00:00+01:00", 3.0);
    Scenario { name: "lapse", ..s }
}

/// Scenario 4 — Use resumed: the cold stop plus doses on 8, 9 and 10 Mar.
pub fn use_resumed() -> Scenario {
    let mut s = cold_stop();
    dose(&mut s.journal, "2026-03-08T20:00:00+01:00", 3.0);
    dose(&mut s.journal, "2026-03-09T20:00:00+01:00", 3.0);
    dose(&mut s.journal, "2026-03-10T08:00:00+01:00", 3.0);
    Scenario { name: "use resumed", ..s }
}

/// Scenario 5 — Between doses: daily doses to 9 Mar 20:00, mode unset, no plan; now
/// 10 Mar 09:00 (13 h later).
pub fn between_doses() -> Scenario {
    let mut journal = Journal::new();
    for d in date("2026-03-01").iter_days().take_while(|d| *d <= date("2026-03-09")) {
        dose(&mut journal, &format!("{d}T20:00:00+01:00"), 4.0);
    }
    Scenario { name: "between doses", journal, now: at("2026-03-10T09:00:00+01:00") }
}

/// Scenario 6 — Tapering then a gap: scenario 1 with no dose after 9 Mar 08:00; now
/// 11 Mar 10:00 (50 h).
pub fn taper_then_gap() -> Scenario {
    let mut s = tapering();
    // Scenario 1 doses at 09:00; move 9 Mar's to 08:00 as the spec has it.
    let last = s.journal.doses().len() - 1;
    let moved = Dose { at: at("2026-03-09T08:00:00+01:00"), grams: 3.5, form: None, note: None };
    s.journal.replace_dose(last, moved, at("2026-03-11T10:00:00+01:00")).unwrap_or_else(|e| panic!("{e}"));
    Scenario { name: "tapering then a gap", now: at("2026-03-11T10:00:00+01:00"), ..s }
}

/// Scenario 7 — Not logged: 3 g on 28 Feb, 1 Mar and 2 Mar, the journal begun 28 Feb;
/// now 3 Mar 09:00.
pub fn not_logged() -> Scenario {
    let mut journal = Journal::new();
    for d in ["2026-02-28", "2026-03-01", "2026-03-02"] {
        dose(&mut journal, &format!("{d}T20:00:00+01:00"), 3.0);
    }
    Scenario { name: "not logged", journal, now: at("2026-03-03T09:00:00+01:00") }
}

/// All seven, in the spec's order.
pub fn all() -> Vec<Scenario> {
    vec![tapering(), cold_stop(), lapse(), use_resumed(), between_doses(), taper_then_gap(), not_logged()]
}
