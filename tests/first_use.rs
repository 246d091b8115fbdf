//! What a new person tripped over on the command line (issue 12): help
//! that names every argument, the self-check's questions, `--step 10`
//! meant as 10 %, a plan remade several times in a day, item ids typed in
//! capitals, and a dose dated after now.

mod common;

use common::Env;

/// The arguments and options of one help page that have no description:
/// a line of the "Arguments:" or "Options:" section with only the name,
/// or the name followed straight by `[possible values …]` or `[default …]`.
fn undescribed(help: &str) -> Vec<String> {
    let mut missing = Vec::new();
    let mut in_section = false;
    for line in help.lines() {
        if line == "Arguments:" || line == "Options:" {
            in_section = true;
            continue;
        }
        if !line.starts_with(' ') {
            in_section = false;
            continue;
        }
        let trimmed = line.trim_start();
        // A line that starts an argument: "-h, --help", "--form <FORM>", "<FILE>", "[SHELL]".
        let starts_arg = trimmed.starts_with('-') || trimmed.starts_with('<') || trimmed.starts_with('[');
        // Continuation lines of a long description are indented past the names.
        if !in_section || !starts_arg || line.len() - trimmed.len() > 10 {
            continue;
        }
        let description = trimmed.split_once("  ").map_or("", |(_, rest)| rest.trim_start());
        if description.is_empty() || description.starts_with('[') {
            missing.push(line.to_owned());
        }
    }
    missing
}

/// Every command path: `["dose"]`, `["plan", "new"]`, …
fn command_paths(cmd: &clap::Command, path: &[String], found: &mut Vec<Vec<String>>) {
    for sub in cmd.get_subcommands() {
        let mut p = path.to_vec();
        p.push(sub.get_name().to_owned());
        found.push(p.clone());
        command_paths(sub, &p, found);
    }
}

#[test]
fn the_undescribed_check_catches_an_argument_without_words() {
    let help = "Usage: x\n\nArguments:\n  <FILE>  \n\nOptions:\n      --form <FORM>  [possible values: leaf]\n      --note <TEXT>  A note\n  -h, --help  Print help\n";
    assert_eq!(
        undescribed(help),
        vec!["  <FILE>  ".to_owned(), "      --form <FORM>  [possible values: leaf]".to_owned()]
    );
}

#[test]
fn every_subcommand_help_describes_every_argument() {
    let env = Env::new();
    let mut paths = Vec::new();
    command_paths(&easeoff::cli::command(), &[], &mut paths);
    assert!(paths.iter().any(|p| p == &["plan".to_owned(), "new".to_owned()]), "{paths:?}");
    for path in paths.iter().filter(|p| p.last().map(String::as_str) != Some("help")) {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = env.ok(&args);
        let missing = undescribed(&help);
        assert!(missing.is_empty(), "easeoff {args:?} has arguments without a description: {missing:?}\n{help}");
    }
    // The ones a new person found bare.
    let dose = env.ok(&["dose", "--help"]);
    assert!(dose.contains("What form the kratom was in"), "{dose}");
    assert!(dose.contains("A note kept with this dose"), "{dose}");
    let demo = env.ok(&["demo", "--help"]);
    assert!(demo.contains("How many days the demo journal covers"), "{demo}");
    assert!(env.ok(&["import", "--help"]).contains("An easeoff JSON export"));
}

#[test]
fn signs_help_says_it_only_shows_earlier_answers_and_lists_its_questions_in_order() {
    let env = Env::new();
    let questions = [
        "1. Is much of your day spent thinking about, getting or using kratom?",
        "2. Have you tried to cut back and not been able to?",
        "7. Have you dropped activities you used to enjoy?",
    ];
    let help = env.ok(&["signs", "--help"]);
    assert!(help.contains("read-only; it no longer records new ones"), "{help}");
    assert!(help.contains("`easeoff self-check` asks the eleven questions"), "{help}");
    assert!(!help.contains("--answers"), "no way to answer is offered:\n{help}");
    for help in [&help, &env.ok(&["self-check", "--help"]), &env.ok(&["--help"])] {
        assert!(!help.contains("[`command`]"), "no note for programmers in the help:\n{help}");
    }
    let places: Vec<usize> =
        questions.iter().map(|q| help.find(q).unwrap_or_else(|| panic!("'{q}' missing from:\n{help}"))).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "questions out of order:\n{help}");
    let err = env.fails(&["signs", "--answers", "yyn"], 2);
    assert!(err.contains("no longer records answers"), "{err}");
    assert_eq!(env.bytes(), None, "a refused check writes nothing");
}

#[test]
fn a_bare_step_of_half_the_amount_or_more_asks_whether_percent_was_meant() {
    let env = Env::new();
    for (from, step) in [("20", "10"), ("6", "10"), ("6,5", "3,5")] {
        let err = env.fails(&["plan", "new", "--from", from, "--step", step, "--every", "7"], 2);
        let n = step.replace(',', ".");
        assert!(err.contains(&format!("--step {n} would be {n} g a step")), "{err}");
        assert!(err.contains(&format!("did you mean {n}%?")), "{err}");
        assert!(err.contains(&format!("--step {n}g if you do mean grams")), "{err}");
        assert_eq!(env.bytes(), None, "nothing saved for --from {from} --step {step}");
    }
    // A small bare step, a step in percent and grams said with g are taken as they are.
    assert!(env.ok(&["plan", "new", "--from", "20", "--step", "2", "--every", "7"]).contains("2 g every 7 days"));
    assert!(env.ok(&["plan", "new", "--from", "20", "--step", "10%", "--every", "7"]).contains("10 % every 7 days"));
    assert!(env.ok(&["plan", "new", "--from", "20", "--step", "10g", "--every", "7"]).contains("10 g every 7 days"));
    // plan adjust checks against the amount it cuts from today (20 g).
    let before = env.bytes().unwrap();
    let err = env.fails(&["plan", "adjust", "--step", "10"], 2);
    assert!(err.contains("--step 10 would be 10 g a step from 20 g/day"), "{err}");
    assert_eq!(env.bytes().unwrap(), before);
    assert!(env.ok(&["plan", "adjust", "--step", "5%"]).starts_with("Changed the step to 5% from today."));
}

#[test]
fn plan_show_says_a_plan_remade_on_one_day_once_with_how_many_times() {
    let env = Env::new();
    for _ in 0..3 {
        env.ok(&["plan", "new", "--from", "6", "--step", "10%", "--every", "1"]);
    }
    assert!(env.ok(&["plan", "adjust", "--hold", "1"]).starts_with("Held the current step 1 day longer;"));
    let show = env.ok(&["plan", "show"]);
    assert!(show.contains("Changes: 10 Mar new plan (3 times); 10 Mar held 1 day from 2026-03-10"), "{show}");
    assert!(show.contains("10 % every 1 day,"), "{show}");
    assert!(!show.contains(" 1 days"), "{show}");
}

#[test]
fn item_ids_are_read_in_any_case_and_stored_in_lower_case() {
    let env = Env::new();
    let out = env.ok(&["log", "Anxiety=2", "MUSCLE-ACHES=1"]);
    assert!(out.contains("anxiety 2 (moderate), muscle-aches 1 (mild)"), "{out}");
    env.ok(&["log", "--clear", "Anxiety", "--sleep", "6"]);
    env.ok(&["log", "--clear", "SLEEP"]);
    let day = &env.json()["days"]["2026-03-10"];
    assert!(day["ratings"].get("anxiety").is_none() && day["ratings"].get("Anxiety").is_none(), "{day}");
    assert_eq!(day["ratings"]["muscle-aches"], 1);
    assert!(day.get("sleep").is_none(), "{day}");
    assert!(env.ok(&["symptoms", "hide", "Nausea"]).starts_with("Hid nausea;"));
    assert_eq!(env.json()["symptoms"]["hidden"], serde_json::json!(["nausea"]));
    assert!(env.ok(&["symptoms", "show", "NAUSEA"]).starts_with("nausea is shown again."));
    env.ok(&["symptoms", "add", "Hot-Flashes", "--label", "hot flashes", "--kind", "physical"]);
    assert!(env.json()["symptoms"]["custom"].get("hot-flashes").is_some());
    assert!(env.ok(&["log", "HOT-flashes=3"]).contains("hot-flashes 3 (severe)"));
    // An unknown id is still refused, naming what was typed.
    let before = env.bytes().unwrap();
    let err = env.fails(&["log", "Anxeity=2"], 2);
    assert!(err.contains("Anxeity"), "{err}");
    assert_eq!(env.bytes().unwrap(), before);
}

#[test]
fn a_dose_dated_after_now_is_listed_but_is_not_the_last_dose_until_its_time() {
    let env = Env::new();
    env.ok(&["dose", "3", "--at", "2026-03-09 08:00"]);
    // Logged while the computer's clock said it was a day later.
    env.cmd()
        .env("EASEOFF_NOW", "2026-03-11T10:00:00+01:00")
        .args(["dose", "2", "--at", "2026-03-11 08:00"])
        .assert()
        .success();
    let later = "1 dose is dated after now (2 g, Wed 11 Mar 2026 08:00): it does not count as your last dose";

    let status = env.ok(&["status"]);
    assert!(status.contains("since your last dose (Mon 9 Mar 2026, 08:00"), "{status}");
    assert!(status.contains(later), "{status}");
    let last = env.ok(&["last-use"]);
    assert!(last.starts_with("Last use: 2026-03-09 08:00"), "{last}");
    assert!(last.contains(later), "{last}");
    assert!(env.ok(&["show"]).contains(later));
    let report = env.ok(&["report"]);
    assert!(report.contains("Last dose before the stop: Mon 9 Mar 2026, 08:00"), "{report}");
    assert!(!report.contains("11 Mar 2026, 08:00"), "{report}");
    let listed = env.ok(&["dose", "--list"]);
    assert!(listed.contains("08:00       2 g  (dated after now: not counted as the last dose yet)"), "{listed}");

    let out = env.run(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let check = String::from_utf8(out.stdout).unwrap();
    assert!(check.contains(&format!("PROBLEM: {later}")), "{check}");
    assert!(check.contains("`easeoff dose --undo` removes the newest dose"), "{check}");

    // Once its time has come, it is the last dose, and nothing more is said.
    let then = env.cmd().env("EASEOFF_NOW", "2026-03-11T09:00:00+01:00").arg("last-use").output().unwrap();
    let then = String::from_utf8(then.stdout).unwrap();
    assert!(!then.contains("dated after now") && then.contains("2026-03-11 08:00"), "{then}");

    // The way out it names works: the future dose goes, the check passes.
    assert!(env.ok(&["dose", "--undo"]).starts_with("Removed the dose of 2 g at 2026-03-11 08:00."));
    env.ok(&["check"]);
    assert!(!env.ok(&["status"]).contains("dated after now"));
}

#[test]
fn a_decimal_comma_is_read_in_the_other_places_a_number_is_typed() {
    let env = Env::new();
    assert!(env.ok(&["dose", "1,5g", "--at", "07:00"]).starts_with("Logged 1.5 g at"));
    assert!(env.ok(&["log", "--sleep", "6,5 h"]).contains("sleep 6.5 h"));
    assert!(env.ok(&["log", "--aid", "loperamide 1,5 mg"]).contains("loperamide 1.5 mg"));
    env.ok(&["plan", "new", "--from", "6,5g", "--step", "0,25", "--every", "7", "--floor", "1,5"]);
    let spec = &env.json()["plans"][0]["spec"];
    assert_eq!((spec["from_grams"].as_f64(), spec["floor_grams"].as_f64()), (Some(6.5), Some(1.5)));
    assert_eq!(spec["cut"]["grams"].as_f64(), Some(0.25));
    assert!(env.ok(&["plan", "adjust", "--step", "7,5%"]).starts_with("Changed the step to 7.5% from today."));
}

#[test]
fn one_night_is_one_night_and_diarrhea_has_one_spelling_everywhere() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1", "--sleep", "5"]);
    let report = env.ok(&["report"]);
    assert!(report.contains("over 1 night;"), "{report}");
    assert!(!report.contains("1 nights"), "{report}");
    // The symptom list, the aids catalog's label facts and the help texts
    // spell it one way.
    let symptoms = env.ok(&["symptoms"]);
    assert!(symptoms.contains("diarrhea"), "{symptoms}");
    let help = env.ok(&["get-help"]);
    for text in
        [symptoms, help, include_str!("../assets/aids.json").to_owned(), include_str!("../README.md").to_owned()]
    {
        assert!(
            !text.contains("diarrhoea"),
            "a second spelling: {}",
            text.lines().find(|l| l.contains("diarrhoea")).unwrap_or_default()
        );
    }
}
