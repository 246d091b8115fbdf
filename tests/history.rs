//! The history a person reports (`easeoff about`), the self-check about the
//! past 12 months (`easeoff self-check`), the extra symptom items, and a
//! journal of file version 2 holding seven-question checks, all through the
//! real binary: what is said, what is stored, and refusals that leave the
//! journal byte for byte as it was.

mod common;

use std::fs;
use std::path::Path;

use common::{Env, NOW};

#[test]
fn about_with_no_answers_says_how_to_give_them_and_writes_nothing() {
    let env = Env::new();
    let out = env.ok(&["about"]);
    assert!(out.contains("No history recorded yet. Every answer is optional"), "{out}");
    assert!(out.contains("press b on the app's Summary screen"), "{out}");
    assert_eq!(env.bytes(), None);
}

#[test]
fn about_keeps_each_answer_typed_and_dated_and_shows_them_back() {
    let env = Env::new();
    let out = env.ok(&[
        "about",
        "--product",
        "powder",
        "--product",
        "7-OH",
        "--used-for",
        "3 years",
        "--usual-grams",
        "8,5",
        "--doses-a-day",
        "3",
        "--reason",
        "pain",
        "--reason",
        "low-mood",
        "--substance",
        "alcohol:now",
        "--substance",
        "opioids:past",
        "--medicine",
        "Catapres",
        "--medicine",
        "sertraline 50 mg",
        "--goal",
        "cut-down",
    ]);
    for line in [
        "Product and form                  powder, 7-OH products  (given 2026-03-10)",
        "Used for                          3 years  (given 2026-03-10)",
        "Usual amount before cutting down  8.5 g a day  (given 2026-03-10)",
        "Doses a day before cutting down   3  (given 2026-03-10)",
        "Reasons for use                   pain, low mood  (given 2026-03-10)",
        "Other substances                  alcohol (now), opioids (in the past)  (given 2026-03-10)",
        "Prescribed medicines              clonidine, sertraline 50 mg  (given 2026-03-10)",
        "Goal                              to cut down  (given 2026-03-10)",
        "Not answered: pregnant (all optional).",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    assert_eq!(env.ok(&["about"]), out.replacen("Saved.\n", "", 1), "`about` alone shows the same");
    let about = &env.json()["about"];
    assert_eq!(about["products"]["value"], serde_json::json!(["powder", "7-oh"]));
    assert_eq!(about["products"]["set"], NOW);
    assert_eq!(about["used_for"]["value"], "3 years");
    assert_eq!(about["substances"]["value"], serde_json::json!({"alcohol": "now", "opioids": "past"}));
    assert_eq!(about["medicines"]["value"], serde_json::json!(["clonidine", "sertraline 50 mg"]));
    assert_eq!(env.json()["settings"]["usual_daily_grams"], 8.5, "the welcome's usual amount, one place");
    assert_eq!(env.json()["version"], 3);

    let out = env.ok(&["about", "--substance", "none", "--medicine", "none", "--clear", "goal"]);
    assert!(out.contains("Other substances                  none"), "{out}");
    assert!(out.contains("Prescribed medicines              none"), "{out}");
    assert!(out.contains("Not answered: goal, pregnant"), "{out}");
}

#[test]
fn about_pregnant_yes_states_the_fact_from_get_help() {
    let env = Env::new();
    let out = env.ok(&["about", "--pregnant", "yes"]);
    assert!(out.contains("  Pregnant  yes  (given 2026-03-10)"), "{out}");
    assert!(out.contains("withdrawal in pregnancy needs medical care"), "{out}");
}

#[test]
fn about_refuses_bad_answers_naming_what_is_allowed_and_changes_nothing() {
    let env = Env::new();
    env.ok(&["about", "--goal", "stop"]);
    let before = env.bytes();
    for (args, says) in [
        (
            &["about", "--product", "tea"][..],
            "'tea' is not a product easeoff lists: use one of leaf, powder, capsules, extract, 7-oh, other",
        ),
        (
            &["about", "--used-for", "ages"],
            "'ages' is not how long: write a whole number and weeks, months or years, e.g. 3 years",
        ),
        (&["about", "--doses-a-day", "40"], "'40' is not a number of doses a day: use a whole number from 1 to 30"),
        (&["about", "--reason", "fun"], "use one of pain, anxiety, low-mood, energy, opioid-withdrawal, other"),
        (&["about", "--substance", "alcohol:tomorrow"], "'tomorrow' is not a time easeoff lists: use one of now, past"),
        (
            &["about", "--substance", "none", "--substance", "alcohol"],
            "--substance none cannot be given with other substances",
        ),
        (&["about", "--medicine", "a, b"], "'a, b' is not a medicine name"),
        (&["about", "--goal", "stop", "--clear", "goal"], "the goal cannot be given and cleared at once"),
        (&["about", "--clear", "mood"], "'mood' is not an answer to clear easeoff lists: use one of product, used-for"),
        (&["about", "--usual-grams", "0"], "'0' is not a dose"),
    ] {
        let err = env.fails(args, 2);
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(env.bytes(), before, "{args:?} left the journal as it was");
    }
}

#[test]
fn the_self_check_asks_eleven_questions_about_the_past_year_and_keeps_each_check() {
    let env = Env::new();
    let help = env.ok(&["self-check", "--help"]);
    assert!(help.contains("The questions are about the past 12 months, in the order of the answers:"), "{help}");
    assert!(help.contains("  1. Did you often take more kratom, or take it for longer, than you meant to?"), "{help}");
    assert!(help.contains("  4. Did you have strong urges or cravings to use kratom?"), "{help}");
    assert!(help.contains("  11. When you cut down or went without"), "{help}");

    let err = env.fails(&["self-check", "--answers", "yynnyny"], 2);
    assert!(err.contains("'yynnyny' is 7 answers, not 11: give one y or n per question"), "{err}");
    let err = env.fails(&["self-check", "--answers", "yynnyynnnnx"], 2);
    assert!(err.contains("'x' (answer 11 of 'yynnyynnnnx') is not y or n: give one y or n"), "{err}");
    assert!(err.contains("  8. Did you use kratom more than once when it could be physically risky"), "{err}");
    assert_eq!(env.bytes(), None, "a refused check writes nothing");
    let err = env.fails(&["self-check"], 2);
    assert!(err.contains("standard input is not a terminal: give the 11 answers with --answers"), "{err}");

    let out = env.ok(&["self-check", "--answers", "YYNYNNNNNYY"]);
    assert!(
        out.contains("Saved your self-check about the past 12 months of 2026-03-10: 5 of 11 answered yes."),
        "{out}"
    );
    assert!(out.contains("it is not a diagnosis"), "{out}");
    let check = &env.json()["criteria"][0];
    assert_eq!(check["at"], NOW);
    assert_eq!(check["answers"]["craving"], true);
    assert_eq!(check["answers"]["hazardous"], false);
    assert_eq!(check["answers"].as_object().unwrap().len(), 11);

    let list = env.ok(&["self-check", "--list"]);
    assert!(
        list.contains("2026-03-10 09:00 (11-question check about the past 12 months): 5 of 11 answered yes."),
        "{list}"
    );
    assert!(
        list.contains("Yes: took more, or for longer, than meant to; wanted or tried to cut down and could not; strong urges or cravings; needed more for the same effect; withdrawal symptoms, or used to ease or avoid them."),
        "{list}"
    );
    assert!(list.contains("As reported by you; not a diagnosis."), "{list}");
}

#[test]
fn a_version_2_journal_with_seven_question_checks_keeps_them_readable_and_migrates_on_save() {
    let env = Env::new();
    let v2 = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal-v2-signs.json")).unwrap();
    fs::create_dir_all(env.folder()).unwrap();
    fs::write(&env.path, &v2).unwrap();
    let list = env.ok(&["self-check", "--list"]);
    assert!(
        list.contains(
            "2026-02-01 20:00 (earlier 7-question check of signs, asked about the present): 5 of 7 answered yes."
        ),
        "{list}"
    );
    assert!(
        list.contains(
            "2026-03-08 20:00 (earlier 7-question check of signs, asked about the present): 3 of 7 answered yes."
        ),
        "{list}"
    );
    assert!(list.contains("Yes: tried to cut back and couldn't; aches or nausea when cutting down; irritable, anxious or low when unable to use."), "{list}");
    assert_eq!(env.bytes().unwrap(), v2, "reading does not rewrite the file");

    env.ok(&["self-check", "--answers", "yyyyyyyyyyy"]);
    let json = env.json();
    assert_eq!(json["version"], 3);
    let before: serde_json::Value = serde_json::from_slice(&v2).unwrap();
    assert_eq!(json["signs"], before["signs"], "the seven-question checks are kept exactly");
    assert_eq!(json["criteria"].as_array().unwrap().len(), 1);
    let kept = env.path.with_file_name("journal.json.version-2");
    assert_eq!(fs::read(kept).unwrap(), v2, "the version-2 file is kept before the migrated one is saved");
    let list = env.ok(&["self-check", "--list"]);
    let order: Vec<&str> = list.lines().filter(|l| l.starts_with("2026")).map(|l| &l[..16]).collect();
    assert_eq!(order, ["2026-02-01 20:00", "2026-03-08 20:00", "2026-03-10 09:00"], "oldest first, both kinds");
}

#[test]
fn extra_items_are_off_until_switched_on_together_or_one_by_one() {
    let env = Env::new();
    let list = env.ok(&["symptoms"]);
    assert!(list.contains("vomiting         vomiting  (extra, off)"), "{list}");
    assert!(list.contains("hot-cold-flushes hot and cold flushes  (extra, off)"), "{list}");
    let err = env.fails(&["symptoms", "add", "yawning", "--label", "yawning", "--kind", "physical"], 2);
    assert!(
        err.contains("'yawning' is one of the extra items: switch it on with `easeoff symptoms show yawning`"),
        "{err}"
    );

    assert_eq!(env.ok(&["symptoms", "show", "vomiting"]), "Switched vomiting on.\n");
    let out = env.ok(&["log", "vomiting=2"]);
    assert!(out.contains("physical 2.0 (partial: 1 of 8 rated)"), "one more physical item: {out}");
    let out = env.ok(&["symptoms", "show", "--extra"]);
    assert!(out.starts_with("Switched the extra items on: yawning, gooseflesh, shaking, hot-cold-flushes, vomiting, stomach-cramps, poor-appetite."), "{out}");
    assert!(!env.ok(&["symptoms"]).contains("(extra, off)"));
    env.ok(&["symptoms", "hide", "--extra"]);
    assert!(!env.ok(&["symptoms"]).contains("(extra, on)"));
    let day = &env.json()["days"]["2026-03-10"];
    assert_eq!(day["ratings"]["vomiting"], 2, "switching off keeps past ratings");
    let csv = env.ok(&["export", "--format", "csv"]);
    assert!(csv.lines().next().unwrap().contains(",vomiting,"), "{csv}");
}
