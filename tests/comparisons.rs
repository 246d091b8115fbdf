//! The comparisons with the usual course as a person reads them in `status`:
//! direction and timing, never a verdict of "inside the band" (the band is
//! scaled to the person's own peak, so a severe course would always sit
//! inside it); a single severe item shown beside a mild-looking mean and
//! blocking "eased"; trend words that are true of the numbers.

mod common;

use common::Env;

const ALL_PHYSICAL: [&str; 7] =
    ["muscle-aches", "limb-movements", "insomnia", "nausea", "diarrhea", "sweating", "runny-nose"];

fn physical(value: u8) -> Vec<String> {
    ALL_PHYSICAL.iter().map(|id| format!("{id}={value}")).collect()
}

#[test]
fn a_severe_course_is_described_by_its_direction_not_as_inside_the_band() {
    let env = Env::new();
    env.ok(&["last-use", "--at", "2026-03-06 22:00"]);
    for (date, value) in [("2026-03-07", 2), ("2026-03-08", 3), ("2026-03-09", 4)] {
        let mut args = vec!["log".to_owned(), "--date".to_owned(), date.to_owned(), "anxiety=4".to_owned()];
        args.extend(physical(value));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
    }
    let out = env.ok(&["status"]);
    assert!(!out.contains("inside the usual band") && !out.contains("sit inside"), "no reassurance:\n{out}");
    assert!(out.contains("Physical scores are rising (days 1–3), as they usually do toward days 3–4."), "{out}");
    assert!(out.contains("Your physical peak so far was on day 3 (4.0)"), "{out}");
}

#[test]
fn one_item_at_4_is_shown_beside_a_mild_mean_and_blocks_eased() {
    let mut days: Vec<(String, Vec<String>)> = Vec::new();
    for (date, value) in [("2026-03-07", 2), ("2026-03-08", 3), ("2026-03-09", 1)] {
        days.push((date.to_owned(), physical(value)));
    }
    let env = Env::new();
    env.ok(&["last-use", "--at", "2026-03-05 22:00"]);
    for (date, ratings) in &days {
        let mut args = vec!["log", "--date", date.as_str()];
        args.extend(ratings.iter().map(String::as_str));
        env.ok(&args);
    }
    // Today: six items at 0 and trouble sleeping at 4 — a mean of 0.6.
    let mut today: Vec<String> = physical(0);
    today[2] = "insomnia=4".to_owned();
    let mut args = vec!["log"];
    args.extend(today.iter().map(String::as_str));
    let logged = env.ok(&args);
    assert!(logged.contains("physical 0.6 · trouble sleeping 4"), "{logged}");
    let out = env.ok(&["status"]);
    assert!(out.contains("physical 0.6 · trouble sleeping 4"), "{out}");
    // 9 Mar (all at 1) and today (0.6, but one item at 4): not two eased days.
    assert!(out.contains("have not yet stayed at mild (1) or below, with no item at 3 or more"), "{out}");
}

#[test]
fn a_rise_and_fall_is_varied_not_steady() {
    let values = [1, 1, 2, 4, 2, 1, 1];
    let dates = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"];
    let env = Env::new();
    env.ok(&["last-use", "--at", "2026-03-01 08:00"]);
    for (date, v) in dates.iter().zip(values) {
        env.ok(&["log", "--date", date, &format!("anxiety={v}"), "muscle-aches=1"]);
    }
    let out = env.ok(&["status"]);
    // First three 1.33, last three 1.33: no rise or fall; the range 1–4 is not "steady".
    assert!(
        out.contains("Psychological symptoms over the last 7 rated days: mean 1.7, varied (from 1.0 to 4.0)."),
        "{out}"
    );
}
