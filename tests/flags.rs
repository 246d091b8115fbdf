//! The safety flags of `shared/spec/safety.md`, each on a crafted journal:
//! first in `status`, and in the "For attention" box at the top of the
//! summary in text, Markdown and HTML ("none" said when there is none).

mod common;

use common::Env;

/// Status and the three summary formats of a journal, for one check each.
fn everywhere(env: &Env) -> [String; 4] {
    [
        env.ok(&["status"]),
        env.ok(&["report"]),
        env.ok(&["report", "--format", "markdown"]),
        env.ok(&["report", "--format", "html"]),
    ]
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_everywhere(env: &Env, fact: &str) {
    assert_for_person_and_provider(env, fact, fact);
}

/// The fact as status says it to the person, and as the summary's box says
/// it to the provider: the box never points to the app's screens or commands.
fn assert_for_person_and_provider(env: &Env, for_person: &str, for_provider: &str) {
    let [status, text, md, html] = everywhere(env);
    assert!(squash(&status).starts_with(&format!("For attention: {for_person}")), "first in status:\n{status}");
    let text_box = squash(text.split("STATUS").next().unwrap_or_default());
    assert!(text_box.contains(for_provider), "in the text box above STATUS:\n{text}");
    let md_box = squash(&md.split("## Status").next().unwrap_or_default().replace('\\', ""));
    assert!(md_box.contains(for_provider), "in the Markdown box:\n{md}");
    let html_box = html.split("<section class=\"status\">").next().unwrap_or_default();
    let html_text = squash(&html_box.replace("&amp;", "&"));
    assert!(html_box.contains("<section class=\"attention\">") && html_text.contains(for_provider), "{html}");
    for summary_box in [text_box, md_box, html_text] {
        for app in ["easeoff ", "! in the app", "get-help"] {
            assert!(!summary_box.contains(app), "the provider's box says nothing of the app ({app:?}):\n{summary_box}");
        }
    }
}

#[test]
fn loperamide_above_the_label_maximum() {
    let env = Env::new();
    let out = env.run(&["log", "--date", "2026-03-09", "--aid", "loperamide 12 mg"]).output().unwrap();
    assert!(out.status.success(), "the entry is kept: it is a record of what happened");
    assert_everywhere(
        &env,
        "Loperamide 12 mg on Mon 9 Mar — above the 8 mg a day on the over-the-counter label. High doses can cause serious heart problems (FDA, 2016 and 2018).",
    );
}

#[test]
fn loperamide_on_more_than_two_days_running() {
    let env = Env::new();
    for date in ["2026-03-07", "2026-03-08", "2026-03-09"] {
        env.ok(&["log", "--date", date, "--aid", "loperamide 4 mg"]);
    }
    assert_everywhere(
        &env,
        "Loperamide on 3 days in a row (Sat 7 Mar – Mon 9 Mar): the label says to ask a doctor if diarrhea lasts more than 2 days.",
    );
}

#[test]
fn low_mood_rated_severe() {
    let env = Env::new();
    env.ok(&["log", "--date", "2026-03-09", "depressed-mood=3"]);
    // The crisis line of the person's country (the US lines until one is
    // chosen): the person is told where to find more; the provider reads the
    // line with its country.
    assert_for_person_and_provider(
        &env,
        "Low or depressed mood rated severe or extreme on Mon 9 Mar. 988 Suicide & Crisis Lifeline: call or text 988, any time (in the US; `easeoff settings country XX` gives yours); more people to reach, day or night, under `easeoff get-help` (! in the app).",
        "Low or depressed mood rated severe or extreme on Mon 9 Mar. 988 Suicide & Crisis Lifeline (US): call or text 988, any time.",
    );
    env.ok(&["settings", "country", "GB"]);
    assert_for_person_and_provider(
        &env,
        "Low or depressed mood rated severe or extreme on Mon 9 Mar. Samaritans: 116 123, free, any time; more people to reach, day or night, under `easeoff get-help` (! in the app).",
        "Low or depressed mood rated severe or extreme on Mon 9 Mar. Samaritans (GB): 116 123, free, any time.",
    );
}

#[test]
fn fluids_two_days_running() {
    let env = Env::new();
    env.ok(&["log", "--date", "2026-03-08", "diarrhea=3"]);
    env.ok(&["log", "--date", "2026-03-09", "nausea=4"]);
    assert_everywhere(
        &env,
        "Diarrhea, nausea or vomiting rated severe or extreme on two days running (Sun 8 Mar – Mon 9 Mar): signs of dehydration (dizziness, very dark urine, little urine) need medical help.",
    );
}

#[test]
fn one_severe_day_of_diarrhea_and_moderate_mood_are_not_flagged_and_none_is_said() {
    let env = Env::new();
    env.ok(&["log", "--date", "2026-03-09", "diarrhea=3", "depressed-mood=2"]);
    env.ok(&["log", "--date", "2026-03-08", "--aid", "loperamide 8 mg"]);
    let [status, text, md, html] = everywhere(&env);
    assert!(!status.contains("For attention"), "{status}");
    assert!(text.contains("FOR ATTENTION: none in this period."), "{text}");
    assert!(md.contains("> **For attention:** none in this period."), "{md}");
    assert!(html.contains("<strong>For attention:</strong> none in this period."), "{html}");
}

#[test]
fn flags_older_than_a_week_leave_status_but_stay_in_the_summary_period() {
    let env = Env::new();
    env.ok(&["log", "--date", "2026-03-01", "depressed-mood=4"]);
    assert!(!env.ok(&["status"]).contains("For attention"));
    let text = env.ok(&["report"]);
    assert!(squash(&text).contains("Low or depressed mood rated severe or extreme on Sun 1 Mar."), "{text}");
}

#[test]
fn a_flag_is_said_on_stderr_the_moment_it_is_logged_and_the_entry_is_kept() {
    let env = Env::new();
    let out = env.run(&["log", "--aid", "loperamide 24 mg"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("easeoff: for attention: Loperamide 24 mg on Tue 10 Mar — above the 8 mg a day"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Saved"), "still saved");
    // Logging something else that day says nothing new.
    let out = env.run(&["log", "anxiety=1"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("for attention"), "said once, when it came");
    // A dose after 18 days without brings the tolerance fact.
    let lapse = Env::scenario(&easeoff::scenarios::cold_stop());
    let out = lapse.run(&["dose", "3", "--at", "08:00"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("for attention: Kratom again on Tue 10 Mar, day 21 since the stop on Tue 17 Feb"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn vomiting_joins_the_fluids_flag_once_switched_on() {
    let env = Env::new();
    env.ok(&["symptoms", "show", "vomiting"]);
    env.ok(&["log", "--date", "2026-03-08", "vomiting=3"]);
    env.ok(&["log", "--date", "2026-03-09", "vomiting=4"]);
    assert_everywhere(
        &env,
        "Diarrhea, nausea or vomiting rated severe or extreme on two days running (Sun 8 Mar – Mon 9 Mar): signs of dehydration (dizziness, very dark urine, little urine) need medical help.",
    );
}
