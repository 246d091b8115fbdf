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

#[test]
fn one_item_rated_extreme_today_does_not_take_the_peak() {
    let env = demo();
    // The demo's physical peak is day 5 (2.9, every item rated); today, day
    // 21, only nausea is rated, at 4: one of seven items.
    let before = env.ok(&["report"]).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(before.contains("Physical peak: day 5 (2.9 of 4)"), "{before}");
    env.ok(&["log", "nausea=4"]);
    let report = env.ok(&["report"]).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(report.contains("Physical peak: day 5 (2.9 of 4)"), "{report}");
    assert!(!report.contains("day 21 (4.0 of 4"), "{report}");
    // The rating itself is still there for the provider: today's nausea at 4.
    assert!(report.contains("nausea"), "{report}");
    let status = env.ok(&["status"]);
    assert!(!status.contains("day 21 (4.0"), "{status}");
}

/// A taper: a plan from 4 g from 1 Mar, doses on 1–4 Mar and 8–10 Mar, and
/// nothing logged on 5–7 Mar (not "none": simply not logged).
fn taper_with_unlogged_days() -> Env {
    let env = Env::new();
    env.ok(&["plan", "new", "--from", "4", "--step", "10%", "--every", "7", "--start", "2026-03-01"]);
    for day in [1, 2, 3, 4, 8, 9, 10] {
        env.ok(&["dose", "4", "--at", &format!("2026-03-{day:02} 08:00")]);
    }
    env
}

#[test]
fn days_left_unlogged_in_a_taper_are_not_days_without_a_dose() {
    let env = taper_with_unlogged_days();
    let status = env.ok(&["status"]);
    assert!(!status.contains("without a dose") && !status.contains("earlier attempt"), "{status}");
    assert!(!status.contains("with none"), "no day was said to be without kratom: {status}");
    // 3, 4, 8 and 9 Mar are logged (4 g each); 5–7 Mar are left out, not counted as 0.
    assert!(status.contains("7-day average 4 g/day over 4 logged days."), "{status}");
    assert!(status.contains("Taper day 10"), "{status}");
}

#[test]
fn days_said_to_be_none_in_a_taper_are_an_earlier_attempt_in_the_spec_words() {
    let env = taper_with_unlogged_days();
    for day in [5, 6, 7] {
        env.ok(&["dose", "none", "--date", &format!("2026-03-{day:02}")]);
    }
    let status = env.ok(&["status"]);
    assert!(
        status.contains(
            "Use resumed on Sun 8 Mar, after 3 days without a dose from Wed 4 Mar (kept as an earlier attempt)."
        ),
        "{status}"
    );
    assert!(status.contains("(3 with none)"), "{status}");
}

#[test]
fn no_cut_since_use_resumed_agrees_with_the_steps_listed_before_it() {
    let env = Env::new();
    env.ok(&["plan", "new", "--from", "6", "--step", "10%", "--every", "7", "--start", "2026-03-01"]);
    env.ok(&["dose", "6", "--at", "2026-03-01 08:00"]);
    for day in [2, 3, 4, 8, 9, 10] {
        env.ok(&["dose", "5.5", "--at", &format!("2026-03-{day:02} 08:00")]);
    }
    for day in [5, 6, 7] {
        env.ok(&["dose", "none", "--date", &format!("2026-03-{day:02}")]);
    }
    let shown = env.ok(&["plan", "show"]);
    assert!(shown.contains("Mon 2 Mar: 6 → 5.5 g/day"), "the step before the break is listed: {shown}");
    let status = env.ok(&["status"]);
    assert!(!status.contains("No cut in the dose log yet"), "{status}");
    assert!(status.contains("No cut in the dose log since use resumed on Sun 8 Mar."), "{status}");
}

#[test]
fn a_dose_after_the_demos_stop_is_one_lapse_counted_one_way() {
    let env = demo();
    env.ok(&["dose", "2"]);
    let status = env.ok(&["status"]);
    assert!(status.contains("Day 21 since you stopped on Tue 17 Feb. One dose since: Tue 10 Mar, 2 g."), "{status}");
    assert!(
        status.contains("For attention: Kratom again on Tue 10 Mar, day 21 since the stop on Tue 17 Feb: tolerance"),
        "the flag counts as the headline does: {status}"
    );
    assert!(!status.contains("20 days"), "{status}");
}

#[test]
fn a_plan_made_after_saying_stopped_then_a_dose_is_use_resumed_not_a_new_stop() {
    // The demo says "stopped" at 09:00; a plan made then, and a dose: tapering
    // again, with the stop of 17 Feb kept as an earlier attempt.
    let env = demo();
    env.ok(&["plan", "new", "--from", "6", "--step", "10%", "--every", "7", "--start", "2026-03-03"]);
    env.ok(&["dose", "2"]);
    let status = env.ok(&["status"]);
    assert!(!status.contains("Day 1 since your last dose"), "{status}");
    assert!(
        status.contains(
            "Use resumed on Tue 10 Mar, after 20 days without a dose from Tue 17 Feb (kept as an earlier attempt)."
        ),
        "{status}"
    );
    assert!(status.contains("Kratom again on Tue 10 Mar after 20 days without a dose: tolerance"), "{status}");
    assert!(status.contains("Today's target 5.5 g · taken so far 2 g (1 dose)."), "{status}");
}
