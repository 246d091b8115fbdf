//! Where the person is, through the real binary: `status` and `report` for
//! the spec's scenarios 1 (tapering), 3 (a lapse) and 4 (use resumed), and
//! days without kratom (`dose none`) against days not logged in the CSV.

mod common;

use common::Env;
use easeoff::scenarios;

/// The text with line wraps undone and runs of spaces made one, so that
/// sentences and table rows can be looked for whatever the layout.
fn squash(text: &str) -> String {
    text.replace("\n    ", " ").replace("\n  ", " ").split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[test]
fn scenario_1_tapering_status_speaks_in_taper_terms() {
    let env = Env::scenario(&scenarios::tapering());
    let out = env.ok(&["status"]);
    for line in [
        // The plan started 5 Mar; 9 Mar is its fifth day; its first target (4 g) is step 1.
        "Taper day 5 · step 1 of 15 of your plan.",
        "Today's target 4 g · taken so far 3.5 g (1 dose).",
        // 4 g on 1–4 Mar, 3.5 g from 5 Mar: the cut the dose log shows, 4 days before 9 Mar.
        "Latest cut: Thu 5 Mar, 4 → 3.5 g/day, 4 days ago. Next step: Thu 12 Mar, to 3.5 g.",
        // Before: 2–4 Mar physical 1, 1, 1; after: 5–7 Mar 2, 2, 2. Psychological 1, 1, 1 → 1, 2, 2.
        "Around the cut of Thu 5 Mar: 4 → 3.5 g/day; physical 1.0 → 2.0, psychological 1.0 → 1.7.",
        // 2–8 Mar: 4 + 4 + 4 + 3.5 × 4 = 26 g over 7 logged days.
        "7-day average 3.71 g/day over 7 logged days.",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    for word in ["since your last dose", "usually", "peak", "band"] {
        assert!(!out.contains(word), "no withdrawal words while tapering ({word}):\n{out}");
    }
    assert_eq!(
        env.ok(&["status", "--short"]),
        "easeoff: taper day 5, step 1 of 15, target 4 g, taken 3.5 g · not rated today\n"
    );
}

#[test]
fn scenario_1_tapering_report_shows_the_taper_and_no_course_band() {
    let env = Env::scenario(&scenarios::tapering());
    let text = env.ok(&["report"]);
    let flat = squash(&text);
    for line in [
        "Taper day 5 · step 1 of 15 of your plan.",
        "1 Mar – 4 Mar 4 g/day 1 dose a day",
        "5 Mar – 9 Mar 3.5 g/day 1 dose a day",
        "- 5 Mar, 4 → 3.5 g/day: physical 1.0 → 2.0, psychological 1.0 → 1.7",
        // 5–8 Mar: 3.5 g against a target of 4 g (9 Mar is today, not counted).
        "Against it in the period: on target 0 days, over 0, under 4, not logged 0.",
    ] {
        assert!(flat.contains(line), "missing {line:?} in:\n{text}");
    }
    for words in [". usual band", "The band shows", "days since the last dose", "Physical peak", "Easing"] {
        assert!(!text.contains(words), "no withdrawal course while tapering ({words}):\n{text}");
    }
}

#[test]
fn scenario_3_a_lapse_keeps_the_stop_states_the_tolerance_fact_and_the_peak() {
    let env = Env::scenario(&scenarios::lapse());
    let out = env.ok(&["status"]);
    assert!(out.starts_with("For attention: Kratom again on Sun 8 Mar"), "first in status:\n{out}");
    for line in [
        "Day 21 since you stopped on Tue 17 Feb. One dose since: Sun 8 Mar, 3 g.",
        // First, before anything else: the safety fact.
        "For attention: Kratom again on Sun 8 Mar, day 19 since the stop on Tue 17 Feb: tolerance is lower after a week or more without, so an amount taken before can act more strongly now.",
        // Rated physical 3 on days 3 and 4 after the stop: the first of them is the peak.
        "Your physical peak was on day 3 (3.0)",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    for word in ["relapse", "failed", "reset"] {
        assert!(!out.to_lowercase().contains(word), "{word}:\n{out}");
    }
    assert_eq!(
        env.ok(&["status", "--short"]),
        "easeoff: day 21 since the stop, 1 lapse day since · phys 0.0 · psych 1.0\n"
    );

    // The default period starts 14 days before the stop, so its peak is in it.
    let text = env.ok(&["report"]);
    let flat = squash(&text);
    for line in [
        "Period: 3 Feb 2026 to 10 Mar 2026.",
        // The newest fact first.
        // Read later, at a visit: the summary says no "now".
        "FOR ATTENTION - Kratom again on Sun 8 Mar, day 19 since the stop on Tue 17 Feb: tolerance is lower after a week or more without, so an amount taken before can act more strongly.",
        "- Low or depressed mood rated severe or extreme on Fri 20 Feb – Sat 21 Feb.",
        "Stopped: last dose Tue 17 Feb 2026, 21:40 (dose log) — day 21 since.",
        "Doses since the stop (lapse): Sun 8 Mar, 3 g.",
        "Physical peak: day 3 (3.0 of 4) — inside the usual days 3–4.",
        "3 Feb – 17 Feb 6 g/day 2 doses a day",
        "18 Feb – 7 Mar none for 18 days",
        "8 Mar 3 g (lapse) 1 dose a day",
        "9 Mar – 10 Mar none for 2 days",
        "Lapse after the stop: Sun 8 Mar, 3 g.",
    ] {
        assert!(flat.contains(line), "missing {line:?} in:\n{text}");
    }
    assert!(text.contains("L lapse"), "the lapse is marked on the chart:\n{text}");
    let html = env.ok(&["report", "--format", "html"]);
    assert!(html.contains("lapse 3 g</text>"), "and on the HTML chart");
}

#[test]
fn scenario_4_use_resumed_lists_the_earlier_attempt_whatever_the_period() {
    let env = Env::scenario(&scenarios::use_resumed());
    let out = env.ok(&["status"]);
    for line in [
        "Use resumed on Sun 8 Mar, after 18 days without a dose from Tue 17 Feb (kept as an earlier attempt).",
        "Using: newest dose Tue 10 Mar, 08:00 (1 h ago).",
        "Earlier attempt: stopped Tue 17 Feb 2026, 18 days without a dose.",
        // Use again within the week after 18 days without: the same fact as after a lapse.
        "For attention: Kratom again on Sun 8 Mar after 18 days without a dose: tolerance is lower after a week or more without, so an amount taken before can act more strongly now.",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    assert!(!out.contains("peak") && !out.contains("since your last dose"), "no course while using:\n{out}");
    // A period after the attempt still lists it.
    let text = env.ok(&["report", "--from", "2026-03-08"]);
    assert!(text.contains("Earlier attempt: stopped Tue 17 Feb 2026, 18 days without a dose."), "{text}");
    assert!(text.contains("Use resumed on 8 Mar 2026 after 18 days without a dose (from 17 Feb)."), "{text}");
    assert!(!text.contains(". usual band"), "no band:\n{text}");
}

#[test]
fn dose_none_is_a_zero_and_a_day_not_logged_is_an_empty_cell() {
    let env = Env::scenario(&scenarios::not_logged());
    assert_eq!(env.ok(&["dose", "none", "--date", "2026-02-27"]), "Recorded no kratom on Fri 27 Feb 2026.\n");
    let csv = env.ok(&["export", "--format", "csv"]);
    let grams_of = |date: &str| -> String {
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let col = header.iter().position(|h| *h == "dose_grams").unwrap();
        let row = csv.lines().find(|l| l.starts_with(date)).unwrap_or_else(|| panic!("no row {date}:\n{csv}"));
        row.split(',').nth(col).unwrap().to_owned()
    };
    assert_eq!(grams_of("2026-02-27"), "0", "said none");
    assert_eq!(grams_of("2026-02-28"), "3");
    let status = env.ok(&["status"]);
    // 27 Feb (none) and 28 Feb – 2 Mar (3 g each): 9 g over 4 days, not over 7.
    assert!(status.contains("7-day average 2.25 g/day over 4 days (1 with none)."), "{status}");
    // Not logged, a dose on it, or the future: refused, and nothing changes.
    let before = env.bytes().unwrap();
    let err = env.fails(&["dose", "none", "--date", "2026-03-01"], 2);
    assert!(err.contains("2026-03-01 already has 1 dose logged"), "{err}");
    let err = env.fails(&["dose", "none", "--date", "2026-03-09"], 2);
    assert!(err.contains("is in the future"), "{err}");
    let err = env.fails(&["dose", "2", "--date", "2026-03-01"], 2);
    assert!(err.contains("--date goes with `easeoff dose none`"), "{err}");
    assert_eq!(env.bytes().unwrap(), before);
}

#[test]
fn a_plan_starts_from_the_usual_amount_when_no_from_is_given() {
    let env = Env::new();
    let err = env.fails(&["plan", "new", "--step", "10%", "--every", "7"], 2);
    assert!(err.contains("give the starting amount with --from GRAMS"), "{err}");
    let mut journal = easeoff::journal::Journal::new();
    let now = easeoff::journal::Stamp::parse_from_rfc3339(common::NOW).unwrap();
    journal.set_usual_daily_grams(Some(8.0), now).unwrap();
    std::fs::create_dir_all(env.path.parent().unwrap()).unwrap();
    std::fs::write(&env.path, easeoff::store::serialize(&journal)).unwrap();
    let out = env.ok(&["plan", "new", "--step", "10%", "--every", "7"]);
    assert!(out.contains("Tue 10 Mar 2026  8 g/day"), "{out}");
    // With no doses from before the period, the summary gives the stated amount.
    let text = squash(&env.ok(&["report"]));
    assert!(
        text.contains("Usual amount before cutting down or stopping, as stated on 10 Mar 2026: 8 g/day."),
        "{text}"
    );
}

#[test]
fn what_contradicts_the_dose_log_is_refused_and_changes_nothing() {
    let env = Env::scenario(&scenarios::tapering());
    let before = env.bytes().unwrap();
    let err = env.fails(&["last-use", "--at", "2026-03-01 10:00"], 2);
    assert!(err.contains("your dose log has a later dose (2026-03-09 09:00)"), "{err}");
    let err = env.fails(&["dose", "none", "--at", "08:00"], 2);
    assert!(err.contains("`easeoff dose none` takes only --date"), "{err}");
    let err = env.fails(&["report", "--to", "2026-03-20"], 2);
    assert!(err.contains("--to 2026-03-20 is in the future"), "{err}");
    let empty = env.dir.path().join("empty.json");
    std::fs::write(&empty, b"").unwrap();
    let err = env.fails(&["import", empty.to_str().unwrap()], 2);
    assert!(
        err.contains("cannot be imported: the file is empty") && err.contains("your own journal is unchanged"),
        "{err}"
    );
    assert_eq!(env.bytes().unwrap(), before);
}

#[test]
fn one_unlogged_day_in_a_taper_stays_not_logged() {
    // Scenario 1 without the 7 Mar dose: 48 h between doses, but only one day.
    let mut s = scenarios::tapering();
    let i = s.journal.doses().iter().position(|d| d.at.date_naive().to_string() == "2026-03-07").unwrap();
    s.journal.remove_dose(i).unwrap();
    let env = Env::scenario(&s);
    let out = env.ok(&["status"]);
    assert!(out.contains("Taper day 5"), "still tapering: {out}");
    // 2–8 Mar without 7 Mar: 4 + 4 + 4 + 3.5 × 3 = 22.5 g over 6 logged days.
    assert!(out.contains("7-day average 3.75 g/day over 6 logged days."), "{out}");
    let plan = env.ok(&["plan", "show"]);
    assert!(plan.contains("2026-03-07       4        –   not logged"), "{plan}");
}
