//! Tapering through the real binary: making, showing, holding, re-stepping
//! and clearing a plan; refusing nonsense; the steps found in the dose log
//! with the scores before and after each, worked out by hand; earlier
//! attempts; and where it shows (status, the summary).

mod common;

use common::Env;

/// Doses: 6 g/day 1–5 Feb, 5 g/day 6–10 Feb, a one-day dip to 4 g on 11 Feb,
/// 5 g on 12 Feb, nothing on 13–14 Feb, 5 g again on 15–16 Feb.
/// Ratings around the 6 Feb step: 3–5 Feb before, 6–7 Feb after (8 Feb missing).
fn dose_log() -> Env {
    let env = Env::new();
    let day = |d: u32| format!("2026-02-{d:02}");
    for d in 1..=5 {
        env.ok(&["dose", "3", "--at", &format!("{} 08:00", day(d))]);
        env.ok(&["dose", "3", "--at", &format!("{} 20:00", day(d))]);
    }
    for d in [6, 7, 8, 9, 10, 12, 15, 16] {
        env.ok(&["dose", "2.5", "--at", &format!("{} 08:00", day(d))]);
        env.ok(&["dose", "2.5", "--at", &format!("{} 20:00", day(d))]);
    }
    env.ok(&["dose", "4", "--at", "2026-02-11 08:00"]);
    for (d, m, a) in [(3, 1, 1), (4, 1, 2), (5, 2, 2), (6, 2, 3), (7, 3, 3)] {
        env.ok(&["log", "--date", &day(d), &format!("muscle-aches={m}"), &format!("anxiety={a}")]);
    }
    env
}

#[test]
fn steps_in_the_dose_log_with_scores_before_and_after() {
    let env = dose_log();
    let out = env.ok(&["plan", "show"]);
    // Before 6 Feb (3–5 Feb): physical (1 + 1 + 2) / 3 = 1.33, psychological (1 + 2 + 2) / 3 = 1.67.
    // From 6 Feb (6–8 Feb, 8 Feb unrated): physical (2 + 3) / 2 = 2.5, psychological (3 + 3) / 2 = 3.0.
    assert!(out.contains("Fri 6 Feb: 6 → 5 g/day; physical 1.3 → 2.5, psychological 1.7 → 3.0"), "{out}");
    // The one-day dip on 11 Feb is not a step; there is only one.
    assert_eq!(out.matches(" g/day; physical").count(), 1, "{out}");
    // 13–14 Feb without a dose (60 h) is a stop; doses on two days after it
    // are a lapse, not resumed use, so there is no earlier attempt.
    assert!(!out.contains("Earlier attempt"), "{out}");
    assert!(out.contains("No taper plan."), "{out}");
}

#[test]
fn a_step_without_two_rated_days_on_each_side_says_so() {
    let env = Env::new();
    for d in 1..=4 {
        env.ok(&["dose", "4", "--at", &format!("2026-03-0{d} 08:00")]);
    }
    for d in 5..=8 {
        env.ok(&["dose", "3", "--at", &format!("2026-03-0{d} 08:00")]);
    }
    env.ok(&["log", "--date", "2026-03-04", "anxiety=2"]);
    env.ok(&["log", "--date", "2026-03-05", "anxiety=3", "muscle-aches=1"]);
    env.ok(&["log", "--date", "2026-03-06", "anxiety=3", "muscle-aches=1"]);
    let out = env.ok(&["plan", "show"]);
    assert!(
        out.contains("Thu 5 Mar: 4 → 3 g/day; physical: not enough ratings, psychological: not enough ratings"),
        "one rated day before the step is not enough: {out}"
    );
}

#[test]
fn a_plan_is_made_shown_held_restepped_and_cleared_with_its_history() {
    // A hold, then a new step size: the hold is kept (review item 1).
    let env = Env::new();
    env.ok(&["dose", "2", "--at", "2026-03-09 08:00"]);
    env.ok(&["dose", "2", "--at", "2026-03-09 20:00"]);
    let out =
        env.ok(&["plan", "new", "--from", "4", "--step", "1", "--every", "7", "--start", "2026-03-02", "--floor", "1"]);
    assert!(out.starts_with("Made a plan of 5 steps, reaching 0 on Mon 30 Mar 2026."), "{out}");
    for row in
        ["Mon 2 Mar 2026   4 g/day      done", "Mon 9 Mar 2026   3 g/day      current", "Mon 30 Mar 2026  0 (stop)"]
    {
        assert!(out.contains(row), "{row}: {out}");
    }
    // 9 Mar: target 3 g, took 2 + 2 = 4 g: over by 1.
    assert!(out.contains("2026-03-09       3        4   +1.00 g     2"), "{out}");
    // 2–8 Mar: nothing logged against 4 g — not logged, never "under"; 9 Mar over.
    assert!(out.contains("2026-03-02       4        –   not logged  0"), "{out}");
    assert!(out.contains("Before today: on target 0 days, over 1, under 0, not logged 7"), "{out}");
    // A day said to be without kratom is 0 g: under the target.
    env.ok(&["dose", "none", "--date", "2026-03-05"]);
    let out = env.ok(&["plan", "show"]);
    assert!(out.contains("2026-03-05       4        0   -4.00 g     0"), "{out}");
    assert!(out.contains("Before today: on target 0 days, over 1, under 1, not logged 6"), "{out}");

    let status = env.ok(&["status"]);
    // A plan is active and the newest dose is 13 h old: tapering, day 9 since the plan's start.
    for line in [
        "Taper day 9 · step 2 of 5 of your plan.",
        "Today's target 3 g · no dose logged yet today.",
        "No cut in the dose log yet. Next step: Mon 16 Mar, to 2 g.",
        // 9 Mar (4 g) and 5 Mar (none): the other five days are not logged.
        "7-day average 2 g/day over 2 days (1 with none).",
    ] {
        assert!(status.contains(line), "{line}: {status}");
    }
    assert!(!status.contains("since your last dose"), "no withdrawal words while tapering: {status}");

    let held = env.ok(&["plan", "adjust", "--hold", "3"]);
    assert!(held.contains("Thu 19 Mar 2026  2 g/day"), "{held}");
    let restepped = env.ok(&["plan", "adjust", "--step", "25%"]);
    assert!(
        restepped.starts_with(
            "Changed the step to 25% from today. The current step keeps its end; the next step is on Thu 19 Mar."
        ),
        "{restepped}"
    );
    assert!(
        restepped.contains(
            "Changes: 10 Mar new plan; 10 Mar held 3 days from 2026-03-10; 10 Mar step changed to 25 % from 2026-03-10 (next step still on 2026-03-19)."
        ),
        "{restepped}"
    );
    // The hold stays: 3 g to 18 Mar, then from 3 g at 25 %: 2.25 → 1.75 → 1.25 → 1 (floor) → 0, every 7 days.
    for row in ["Mon 9 Mar 2026   3 g/day      current", "Thu 19 Mar 2026  2.25 g/day", "Thu 26 Mar 2026  1.75 g/day"] {
        assert!(restepped.contains(row), "{row}: {restepped}");
    }
    assert!(!restepped.contains("Tue 17 Mar") && !restepped.contains("Tue 10 Mar 2026"), "{restepped}");
    let cleared = env.ok(&["plan", "clear"]);
    assert!(cleared.contains("Cleared the plan; its history is kept."), "{cleared}");
    let status = env.ok(&["status"]);
    assert!(
        !status.contains("Taper day") && status.contains("Using: newest dose Mon 9 Mar, 20:00 (13 h ago)."),
        "{status}"
    );
    assert_eq!(env.json()["plans"].as_array().unwrap().len(), 4, "every version is kept");
}

#[test]
fn concerns_are_warned_but_saved() {
    let env = Env::new();
    let out =
        env.run(&["plan", "new", "--from", "6", "--step", "40%", "--every", "2", "--round", "0.01"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // 40 % every 2 days is 140 % a week: faster than the 10 % a week of the HHS guide.
    assert!(err.contains("cutting 40 % every 2 days is about 140 % a week, faster than the 10 % a week"), "{err}");
    assert!(err.contains("finer than 0.05 g"), "{err}");
    assert!(env.json()["plans"][0]["targets"].as_array().is_some());
}

#[test]
fn nonsense_plans_are_refused_and_change_nothing() {
    let env = Env::new();
    env.ok(&["plan", "new", "--from", "6", "--step", "10%", "--every", "7"]);
    let before = env.bytes().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["plan", "new", "--from", "-2", "--step", "10%", "--every", "7"], "more than 0 and at most 100 g"),
        (
            &["plan", "new", "--from", "6", "--step", "10%", "--every", "0"],
            "'--every <EVERY>': '0' is not a whole number of days: use 1 to 365",
        ),
        (&["plan", "new", "--from", "6", "--step", "10%", "--every", "7", "--floor", "8"], "is not below --from 6 g"),
        (&["plan", "new", "--from", "6", "--step", "-1", "--every", "7"], "a step must be more than 0 g"),
        (&["plan", "new", "--from", "6", "--step", "ten", "--every", "7"], "not an amount in grams"),
        (
            &["plan", "new", "--from", "6", "--step", "150%", "--every", "7"],
            "'--step <STEP>': a step of 150 % is not possible: a step must be more than 0 % and less than 100 %",
        ),
        (&["plan", "new", "--from", "6", "--step", "10%", "--every", "seven"], "not a whole number of days"),
        (&["plan", "adjust", "--hold", "0"], "'--hold <HOLD>': '0' is not a whole number of days: use 1 to 365"),
        (&["plan", "adjust"], "give either --hold DAYS or --step"),
    ];
    for (args, expected) in cases {
        let err = env.fails(args, 2);
        assert!(err.contains(expected), "easeoff {args:?}: expected {expected:?} in {err}");
        assert_eq!(env.bytes().unwrap(), before, "easeoff {args:?} changed the journal");
    }
    let empty = Env::new();
    let err = empty.fails(&["plan", "adjust", "--hold", "2"], 2);
    assert!(err.contains("there is no taper plan"), "{err}");
}

#[test]
fn the_summary_shows_the_plan_and_the_steps() {
    let env = dose_log();
    env.ok(&["plan", "new", "--from", "6", "--step", "1", "--every", "5", "--start", "2026-02-01", "--floor", "1"]);
    // The plan was set on 10 Mar, so a summary ending earlier does not show it.
    let before = env.ok(&["report", "--from", "2026-02-01", "--to", "2026-02-20"]);
    assert!(!before.contains("Taper plan"), "{before}");
    let text = env.ok(&["report", "--from", "2026-02-01"]);
    let flat = text.replace("\n    ", " ").replace("\n  ", " ");
    assert!(flat.contains("- 6 Feb, 6 → 5 g/day: physical 1.3 → 2.5, psychological 1.7 → 3.0"), "{text}");
    assert!(flat.contains("Taper plan (as set 10 Mar): from 6 g/day, 1 g every 5 days to 1 g, then stop."), "{text}");
    // The plan covers 13–14 Feb (4 g a day): days left unlogged in a taper,
    // not a stop, so 15–16 Feb are the taper going on, not a lapse.
    assert!(text.contains("13 Feb – 14 Feb  not logged for 2 days"), "{text}");
    assert!(!flat.contains("Lapse after the stop"), "{text}");
    assert!(flat.contains("Stopped: last dose Mon 16 Feb 2026, 20:00 (dose log) — day 22 since."), "{text}");
}
