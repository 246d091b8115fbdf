//! Everything a person types on the command line that easeoff parses: dates,
//! times, ratings, ITEM=RATING pairs, doses, sleep, aids, plan amounts and
//! steps. None may panic; whatever is accepted must be in range.
#![no_main]

use easeoff::dates::{parse_bound, parse_day, parse_moment};
use easeoff::journal::edit::{aid, grams, pair, rating, sleep};
use easeoff::journal::plan::{cut_arg, days_arg, grams_arg};
use easeoff::journal::{Journal, Stamp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let now = Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").expect("fixed time");
    let journal = Journal::new();
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
    if let Ok(a) = aid(text) {
        assert!(!a.name.is_empty() && a.amount > 0.0 && a.amount.is_finite());
    }
    let _ = (grams_arg("--from", text), days_arg("--every", text), cut_arg(text));
});
