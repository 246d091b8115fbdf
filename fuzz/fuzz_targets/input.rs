//! Everything a person types on the command line that easeoff parses: dates,
//! times, ratings, ITEM=RATING pairs, doses, sleep, aids and their amounts,
//! aid names to remove, plan amounts and steps. None may panic; whatever is
//! accepted must be in range, and an aid must write back as it reads.
#![no_main]

use easeoff::dates::{parse_bound, parse_day, parse_moment};
use easeoff::journal::amount::{self, parse_number};
use easeoff::journal::edit::{DayChange, aid, grams, pair, rating, sleep};
use easeoff::journal::plan::{cut_arg, days_arg, grams_arg};
use easeoff::journal::{Aid, AidUnit, Journal, Stamp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let now = Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").expect("fixed time");
    let mut journal = Journal::new();
    if let Ok(date) = parse_day(text, now) {
        assert!(date <= now.date_naive());
    }
    let _ = parse_bound(text, now);
    if let Ok(at) = parse_moment(text, now, "the time") {
        assert!(at <= now);
    }
    if let Ok(value) = rating("anxiety", text) {
        assert!(value <= 4);
    }
    if let Ok((_, value)) = pair(journal.catalog(), text) {
        assert!(value <= 4);
    }
    if let Ok(g) = grams(text) {
        assert!(g > 0.0 && g <= 100.0);
    }
    if let Ok(h) = sleep(text) {
        assert!((0.0..=24.0).contains(&h));
    }
    if let Some(n) = parse_number(text) {
        assert!(n.is_finite());
    }
    let _ = amount::split(text);
    match aid(text) {
        Ok(a) => {
            assert!(!a.name.is_empty() && a.amount > 0.0 && a.amount.is_finite());
            let most = match a.unit {
                AidUnit::Mg => 100_000.0,
                AidUnit::Count => 100.0,
                AidUnit::Ml => 5_000.0,
                AidUnit::Iu => 1_000_000.0,
                AidUnit::AsTyped(_) => panic!("{text}: new entries are in one of the four units"),
            };
            assert!(a.amount <= most, "{text}: {} {}", a.amount, a.unit.as_str());
            assert!(a.typed.as_deref().is_some_and(|t| !t.is_empty()));
            let _ = (a.entry_text(), a.saved_text(), a.conversion(), a.is_called(text));
            // What is written is read back the same.
            let json = serde_json::to_string(&a).expect("an aid serializes");
            assert_eq!(serde_json::from_str::<Aid>(&json).expect("and reads back"), a, "{text}");
            let change = DayChange { aids: vec![a], ..DayChange::default() };
            journal.log_day(now.date_naive(), &change, now).expect("an accepted aid is logged");
        }
        Err(e) => assert!(e.to_string().contains("mg, g, mcg")),
    }
    // Any text as a name to remove: found or refused, never a panic, and a
    // refusal changes nothing.
    let before = journal.clone();
    let change = DayChange { remove_aids: vec![text.to_owned()], ..DayChange::default() };
    if journal.log_day(now.date_naive(), &change, now).is_err() {
        assert_eq!(journal, before);
    }
    let _ = (grams_arg("--from", text), days_arg("--every", text), cut_arg(text));
});
