//! What a reviewer found using easeoff as a new user, each through the real
//! binary at a fixed "now": a partial rating that drove the summary's key
//! points, unlogged days read as days without kratom, the taper lines that
//! disagreed with the steps listed, and counts of days that disagreed after
//! a dose following a stop.

mod common;

use common::Env;

/// The 42-day demo (stopped on Tue 17 Feb 21:40), now Tue 10 Mar 09:00.
fn demo() -> Env {
    Env::with_demo()
}

#[test]
fn a_partial_rating_today_does_not_say_scores_rose_again() {
    let env = demo();
    // Three of the seven physical items, all at 3: a partial day.
    env.ok(&["log", "muscle-aches=3", "insomnia=3", "sweating=3"]);
    // The summary wraps its lines: read it as one line of words.
    let report = env.ok(&["report"]).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!report.contains("rose again"), "{report}");
    assert!(report.contains("Day 21 is left out of this: a partial rating (3 of 7 physical items)."), "{report}");
    // Easing counts from the fully rated peak (day 5), not from today's partial day.
    assert!(report.contains("eased to mild (1) or below, with no item at 3 or more, on day 11"), "{report}");
    let status = env.ok(&["status"]);
    assert!(!status.contains("rose again"), "{status}");
}
