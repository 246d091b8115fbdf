//! Every command of the real binary, as a person uses it from the shell, and
//! every kind of bad input: a clear message, exit code 2, and the journal's
//! bytes exactly as they were.

mod common;

use common::Env;

#[test]
fn log_rates_a_day_and_says_what_it_saved() {
    let env = Env::new();
    let out = env.ok(&["log", "anxiety=2", "nausea=1", "--sleep", "5.5"]);
    assert!(out.contains("Saved 2026-03-10: anxiety 2 (moderate), nausea 1 (mild), sleep 5.5 h."), "{out}");
    let day = &env.json()["days"]["2026-03-10"];
    assert_eq!(day["ratings"]["anxiety"], 2);
    assert_eq!(day["ratings"]["nausea"], 1);
    assert_eq!(day["sleep"]["hours"], 5.5);
    assert!(day["ratings"].get("cravings").is_none(), "unrated items are not stored as 0");
}

#[test]
fn logging_again_changes_only_what_is_given() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2", "nausea=1", "--note", "rough night"]);
    env.ok(&["log", "anxiety=3"]);
    let day = &env.json()["days"]["2026-03-10"];
    assert_eq!(day["ratings"]["anxiety"], 3);
    assert_eq!(day["ratings"]["nausea"], 1);
    assert_eq!(day["note"]["text"], "rough night");
}

#[test]
fn clear_makes_an_item_not_recorded_again() {
    let env = Env::new();
    env.ok(&["log", "anxiety=0", "nausea=2"]);
    env.ok(&["log", "--clear", "anxiety"]);
    let day = &env.json()["days"]["2026-03-10"];
    assert!(day["ratings"].get("anxiety").is_none());
    assert_eq!(day["ratings"]["nausea"], 2);
}

#[test]
fn log_accepts_every_date_form() {
    let env = Env::new();
    env.ok(&["log", "--date", "yesterday", "anxiety=1"]);
    env.ok(&["log", "--date", "-3", "anxiety=2"]);
    env.ok(&["log", "--date", "2026-03-01", "anxiety=3"]);
    let days = &env.json()["days"];
    assert_eq!(days["2026-03-09"]["ratings"]["anxiety"], 1);
    assert_eq!(days["2026-03-07"]["ratings"]["anxiety"], 2);
    assert_eq!(days["2026-03-01"]["ratings"]["anxiety"], 3);
}

#[test]
fn notes_for_the_provider_and_aids_are_kept() {
    let env = Env::new();
    env.ok(&[
        "log",
        "--note",
        "Ask about sleep",
        "--for-provider",
        "--aid",
        "loperamide 4 mg",
        "--aid",
        "ibuprofen 400mg",
    ]);
    let day = &env.json()["days"]["2026-03-10"];
    assert_eq!(day["note"]["for_provider"], true);
    assert_eq!(day["aids"][0]["name"], "loperamide");
    assert_eq!(day["aids"][0]["amount"], 4.0);
    assert_eq!(day["aids"][1]["unit"], "mg");
}

/// Each bad input: exit 2, a message naming what was wrong and what is
/// allowed, and not one byte of the journal changed.
#[test]
fn bad_input_is_refused_and_leaves_the_journal_byte_for_byte() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2", "--note", "private words"]);
    env.ok(&["dose", "2", "--at", "08:00"]);
    let before = env.bytes().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["log", "anxeity=2"], "did you mean 'anxiety'"),
        (&["log", "anxiety=5"], "ratings are whole numbers 0 (none)"),
        (&["log", "anxiety=-1"], "ratings are whole numbers"),
        (&["log", "anxiety"], "not of the form ITEM=RATING"),
        (&["log", "--date", "2026-03-11", "anxiety=1"], "in the future"),
        (&["log", "--date", "2026-02-30", "anxiety=1"], "use YYYY-MM-DD, today, yesterday or -N"),
        (&["log", "--date", "tomorrow", "anxiety=1"], "not a date"),
        (&["log", "--sleep", "30"], "from 0 to 24"),
        (&["log", "--aid", "loperamide"], "there is no amount. Write the name, then the amount"),
        (&["log", "--date", "yesterday", "--for-provider"], "no note on 2026-03-09"),
        (&["log"], "nothing to log"),
        (&["log", "--clear", "nope"], "unknown symptom 'nope'"),
        (&["dose", "150"], "at most 100"),
        (&["dose", "-1"], "more than 0"),
        (&["dose", "0"], "more than 0"),
        (&["dose", "1e1"], "is not a dose"),
        (&["dose", "inf"], "is not a dose"),
        (&["log", "anxiety=2", "anxiety=3"], "anxiety is rated twice"),
        (&["dose", "abc"], "not a dose"),
        (&["dose", "2", "--at", "2026-03-10 10:00"], "in the future"),
        (&["dose", "2", "--at", "25:99"], "not a time"),
        (&["dose", "--list", "--days", "0"], "number of days"),
        (&["last-use", "--at", "2026-03-11 08:00"], "in the future"),
        (&["symptoms", "add", "Bad Id", "--label", "x", "--kind", "physical"], "lowercase letters"),
        (&["symptoms", "add", "anxiety", "--label", "x", "--kind", "physical"], "already exists"),
        (&["symptoms", "hide", "sweatting"], "did you mean 'sweating'"),
        (&["signs", "--answers", "yyn"], "no longer records answers"),
        (&["show", "--from", "2026-03-09", "--to", "2026-03-01"], "earlier day first"),
        (&["demo", "--write", env.path.to_str().unwrap()], "never overwrites"),
    ];
    for (args, expected) in cases {
        let err = env.fails(args, 2);
        assert!(err.contains(expected), "easeoff {args:?}: expected '{expected}' in: {err}");
        assert!(!err.contains("private words"), "no note text in error messages");
        assert_eq!(env.bytes().unwrap(), before, "easeoff {args:?} changed the journal");
    }
}

#[test]
fn dose_logs_lists_and_undoes() {
    let env = Env::new();
    let out = env.ok(&["dose", "2.5", "--at", "08:30", "--form", "powder"]);
    assert_eq!(out, "Logged 2.5 g at 2026-03-10 08:30. That day: 1 dose, 2.5 g.\n");
    // 23:10 is still ahead today, so it means last night.
    env.ok(&["dose", "1.75", "--at", "23:10"]);
    env.ok(&["dose", "1"]);
    let list = env.ok(&["dose", "--list", "--days", "3"]);
    assert!(list.contains("2026-03-09  total 1.75 g in 1 dose"), "{list}");
    assert!(list.contains("2026-03-10  total 3.5 g in 2 doses"), "{list}");
    let undo = env.ok(&["dose", "--undo"]);
    assert_eq!(undo, "Removed the dose of 1 g at 2026-03-10 09:00.\n");
    assert_eq!(env.json()["doses"].as_array().unwrap().len(), 2);
}

#[test]
fn undo_with_no_doses_says_so() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let err = env.fails(&["dose", "--undo"], 2);
    assert!(err.contains("no doses to undo"), "{err}");
}

#[test]
fn last_use_is_marked_and_reported_with_its_source() {
    let env = Env::new();
    assert!(env.ok(&["last-use"]).contains("No last use yet"));
    env.ok(&["last-use", "--at", "2026-03-06 22:00"]);
    assert_eq!(env.ok(&["last-use"]), "Last use: 2026-03-06 22:00 (the moment you marked).\n");
    // A dose 9 h after the mark: the mark was not a stop of 2 days, and the
    // dose 74 h before now is the last one.
    env.ok(&["dose", "1", "--at", "2026-03-07 07:00"]);
    assert_eq!(env.ok(&["last-use"]), "Last use: 2026-03-07 07:00 (the last dose in your dose log before the stop).\n");
    // A dose this morning, 3 days later: a lapse, which keeps the stop.
    env.ok(&["dose", "1", "--at", "07:00"]);
    assert_eq!(
        env.ok(&["last-use"]),
        "Last use: 2026-03-07 07:00 (the last dose in your dose log before the stop). Since then (a lapse): Tue 10 Mar, 1 g.\n"
    );
    // Doses logged for 8 and 9 Mar too: daily use with no break, no last use.
    env.ok(&["dose", "1", "--at", "2026-03-08 07:00"]);
    env.ok(&["dose", "1", "--at", "2026-03-09 07:00"]);
    assert_eq!(
        env.ok(&["last-use"]),
        "No last use yet: you are using (newest dose 2026-03-10 07:00). If that dose was your last: easeoff last-use --at \"2026-03-10 07:00\"\n"
    );
}

#[test]
fn status_tells_the_day_the_phase_and_the_peak_timing() {
    let env = Env::new();
    env.ok(&["last-use", "--at", "2026-03-06 22:00"]);
    env.ok(&["log", "--date", "2026-03-07", "muscle-aches=1", "anxiety=1"]);
    env.ok(&["log", "--date", "2026-03-08", "muscle-aches=2", "anxiety=2"]);
    env.ok(&["log", "--date", "2026-03-09", "muscle-aches=3", "anxiety=2"]);
    let out = env.ok(&["status"]);
    // 2026-03-06 22:00 to 2026-03-10 09:00 is 83 hours: day 4.
    assert!(out.contains("Day 4 since your last dose"), "{out}");
    assert!(out.contains("Days 3–4 are usually the hardest."), "{out}");
    assert!(out.contains("Today: not rated yet today."), "{out}");
    // 2026-03-09 noon is 62 h after last use: day 3, the highest physical day.
    // One item of seven rated that day: the peak says it rests on a partial day.
    assert!(
        out.contains(
            "Your physical peak so far was on day 3 (3.0; partial: 1 of 7 items rated) — inside the usual days 3–4."
        ),
        "{out}"
    );
    assert!(out.contains("Physical symptoms have not yet stayed at mild (1) or below"), "{out}");
    // 1, 2, 3 over days 1–3: rising into the peak days, not "inside a band".
    assert!(out.contains("Physical scores are rising (days 1–3), as they usually do toward days 3–4."), "{out}");
    assert!(!out.contains("band"), "{out}");
    assert!(out.contains("Psychological trend: not enough ratings yet (3 of 4 rated days)."), "{out}");
    // Marked stopped on 6 Mar: no 7-day average of zeros, just the fact.
    assert!(out.contains("Doses: none since the stop (4 days)."), "{out}");
    assert_eq!(env.ok(&["status", "--short"]), "easeoff: day 4 · not rated today\n");
}

#[test]
fn status_without_any_last_use_explains_what_to_do() {
    let env = Env::new();
    let out = env.ok(&["status"]);
    assert!(out.contains("No dose and no stop recorded yet."), "{out}");
    assert!(out.contains("Today: not rated yet today."), "{out}");
}

#[test]
fn status_on_the_demo_reports_doses_and_partial_scores() {
    let env = Env::new();
    env.ok(&["dose", "1.5", "--at", "07:00"]);
    env.ok(&["log", "anxiety=3"]);
    let out = env.ok(&["status"]);
    assert!(out.contains("Doses: 1 dose today (1.5 g)"), "{out}");
    assert!(out.contains("psychological 3.0 (partial: 1 of 5 rated)"), "{out}");
    assert_eq!(env.ok(&["status", "--short"]), "easeoff: using, newest dose 2 h ago · phys – · psych 3.0\n");
}

#[test]
fn show_marks_missing_days_and_unrated_items() {
    let env = Env::new();
    env.ok(&["log", "--date", "2026-03-08", "anxiety=0", "nausea=2", "--note", "x", "--for-provider"]);
    env.ok(&["log", "--date", "2026-03-10", "anxiety=1"]);
    let out = env.ok(&["show", "--from", "2026-03-08", "--to", "2026-03-10"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("date"), "{out}");
    assert!(lines[1].starts_with("2026-03-08"), "{out}");
    assert!(lines[1].contains(" P"), "provider note mark: {out}");
    assert_eq!(lines[2].trim_end(), "2026-03-09      — no entry —");
    // anxiety is the 9th item column; 0 is shown as 0, unrated as ·.
    assert!(lines[1].contains("| ·   0   ·"), "{}", lines[1]);
    assert!(out.replace('\u{a0}', " ").contains("· not rated"), "the legend explains the marks");
}

#[test]
fn symptoms_can_be_listed_added_hidden_and_shown() {
    let env = Env::new();
    let list = env.ok(&["symptoms"]);
    assert!(list.contains("muscle-aches     muscle aches"), "{list}");
    assert!(list.contains("Psychological:"), "{list}");
    env.ok(&["symptoms", "add", "hot-cold-flashes", "--label", "hot and cold flashes", "--kind", "physical"]);
    env.ok(&["symptoms", "hide", "sweating"]);
    let list = env.ok(&["symptoms"]);
    assert!(list.contains("hot-cold-flashes hot and cold flashes  (your own)"), "{list}");
    assert!(list.contains("sweating         sweating  (hidden)"), "{list}");
    env.ok(&["log", "hot-cold-flashes=3"]);
    env.ok(&["symptoms", "show", "sweating"]);
    assert!(!env.ok(&["symptoms"]).contains("(hidden)"));
}

#[test]
fn signs_no_longer_records_new_answers_and_points_to_the_self_check() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let before = env.bytes();
    let err = env.fails(&["signs", "--answers", "yynnyny"], 2);
    assert!(err.contains("the earlier seven-question check no longer records answers"), "{err}");
    assert!(err.contains("`easeoff self-check` asks the eleven questions"), "{err}");
    assert!(err.contains("Nothing was saved."), "{err}");
    assert_eq!(env.bytes(), before, "nothing was written");
    // Asked without answers (no terminal needed): what there is, and where the check is now.
    assert_eq!(
        env.ok(&["signs"]),
        "No answers to the earlier seven-question check.\n\
         This check no longer records answers: `easeoff self-check` asks the eleven questions about the past 12 months.\n"
    );
    assert_eq!(env.bytes(), before, "reading writes nothing");
}

#[test]
fn earlier_seven_question_answers_stay_readable_in_signs_and_the_self_check_list() {
    let env = Env::new();
    // yynnyny on 1 Mar, as a journal from before `self-check` holds it.
    env.earlier_signs(&[true, true, false, false, true, false, true], "2026-03-01T20:00:00+01:00");
    let before = env.bytes();
    let earlier = "2026-03-01 20:00 (earlier 7-question check of signs, asked about the present): 4 of 7 answered yes.\n  \
         Yes: much of the day spent thinking about, getting or using kratom; tried to cut back and couldn't; \
         aches or nausea when cutting down; dropped activities once enjoyed.\n";
    let out = env.ok(&["signs"]);
    assert!(out.starts_with(earlier), "{out}");
    assert!(out.contains("As reported by you; not a diagnosis.\n"), "{out}");
    assert!(out.ends_with("`easeoff self-check` asks the eleven questions about the past 12 months.\n"), "{out}");
    assert!(env.ok(&["self-check", "--list"]).starts_with(earlier));
    assert_eq!(env.bytes(), before, "reading writes nothing");
}

#[test]
fn export_json_is_the_journal_and_csv_has_a_row_per_day() {
    let env = Env::new();
    env.ok(&["log", "--date", "2026-03-08", "anxiety=0", "nausea=2", "--sleep", "6", "--note", "a, \"quoted\" note"]);
    env.ok(&["log", "--date", "2026-03-10", "anxiety=1"]);
    env.ok(&["dose", "2", "--at", "2026-03-08 08:00"]);
    assert_eq!(env.ok(&["export"]).into_bytes(), env.bytes().unwrap());
    let csv = env.ok(&["export", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "header and three days, the missing one included: {csv}");
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(&header[..3], ["date", "day", "muscle-aches"]);
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let first: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(first[col("anxiety")], "0", "a recorded 0");
    assert_eq!(first[col("cravings")], "", "not recorded is an empty cell");
    assert_eq!(first[col("nausea")], "2");
    assert_eq!(first[col("sleep_hours")], "6");
    assert_eq!(first[col("dose_grams")], "2");
    assert!(lines[1].ends_with("\"a, \"\"quoted\"\" note\",no"), "{}", lines[1]);
    assert!(lines[2].starts_with("2026-03-09,2,,,,"), "the missing day is a row of empty cells: {}", lines[2]);
}

#[test]
fn export_to_a_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let out = env.dir.path().join("export.csv");
    env.ok(&["export", "--format", "csv", "--out", out.to_str().unwrap()]);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("date,day,"));
}

#[test]
fn import_merges_and_a_second_import_changes_nothing() {
    let env = Env::new();
    env.ok(&["log", "--date", "2026-03-09", "anxiety=1"]);
    env.ok(&["dose", "2", "--at", "2026-03-09 08:00"]);
    let other = Env::new();
    other.ok(&["log", "--date", "2026-03-08", "nausea=3"]);
    other.ok(&["dose", "2", "--at", "2026-03-09 08:00"]);
    other.ok(&["dose", "1", "--at", "2026-03-08 20:00"]);
    let file = other.path.to_str().unwrap();
    let out = env.ok(&["import", file]);
    assert!(out.contains("1 new days"), "{out}");
    assert!(out.contains("1 doses added"), "the same dose is not added twice: {out}");
    let after_first = env.bytes().unwrap();
    let again = env.ok(&["import", file]);
    assert!(again.contains("Nothing new"), "{again}");
    assert_eq!(env.bytes().unwrap(), after_first);
    assert_eq!(env.json()["days"]["2026-03-08"]["ratings"]["nausea"], 3);
}

#[test]
fn import_brings_the_help_settings_this_journal_lacks_and_keeps_its_own() {
    let env = Env::new();
    env.ok(&["settings", "country", "IE"]);
    let other = Env::new();
    other.ok(&["settings", "country", "GB"]);
    other.ok(&["settings", "contact", "Sam 555 0100"]);
    env.ok(&["import", other.path.to_str().unwrap()]);
    assert_eq!(env.json()["settings"]["country"], "IE", "the country chosen here stays");
    assert_eq!(env.json()["settings"]["contact"], "Sam 555 0100", "the contact it lacked is added");
}

#[test]
fn import_of_a_file_that_is_not_a_journal_changes_nothing() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let before = env.bytes().unwrap();
    let bad = env.dir.path().join("bad.json");
    std::fs::write(&bad, "{\"hello\": 1}").unwrap();
    // A bad file to import is bad input (exit 2), and never reads as damage to the person's own journal.
    let err = env.fails(&["import", bad.to_str().unwrap()], 2);
    assert!(err.contains("cannot be imported: it is not an easeoff journal"), "{err}");
    assert!(err.contains("your own journal is unchanged"), "{err}");
    assert_eq!(env.bytes().unwrap(), before);
}

#[test]
fn demo_writes_a_realistic_journal() {
    let env = Env::new();
    let file = env.dir.path().join("demo.json");
    let out = env.ok(&["demo", "--write", file.to_str().unwrap(), "--days", "42", "--seed", "3"]);
    assert!(out.starts_with("Wrote a demo journal of 42 days"), "{out}");
    let demo = Env { dir: tempfile::tempdir().unwrap(), path: file, now: common::NOW.to_owned() };
    let status = demo.ok(&["status"]);
    assert!(status.contains("Day 21 since your last dose"), "{status}");
    assert!(status.contains("Your physical peak was on day"), "{status}");
}

#[test]
fn check_lists_backups_and_restore_brings_one_back() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    env.ok(&["log", "anxiety=4"]);
    let check = env.ok(&["check"]);
    assert!(check.contains("reads fine: file version 3"), "{check}");
    assert!(check.contains("private to you"), "{check}");
    // Both saves were on one day: one backup, of the new journal's first save.
    assert!(check.contains("Backups (1), newest first:"), "{check}");
    assert!(check.contains("000001-2026-03-10.json"), "{check}");
    let out = env.ok(&["restore", "000001-2026-03-10.json"]);
    assert!(out.contains("The file it replaced is kept at"), "{out}");
    assert_eq!(env.json()["days"]["2026-03-10"]["ratings"]["anxiety"], 1);
    let kept: Vec<_> = std::fs::read_dir(env.folder())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "the replaced journal is kept aside");
    let err = env.fails(&["restore", "nope.json"], 2);
    assert!(err.contains("there is no backup 'nope.json'"), "{err}");
}

#[test]
fn path_completions_and_help() {
    let env = Env::new();
    assert_eq!(env.ok(&["path"]), format!("{}\n", env.path.display()));
    assert!(env.ok(&["completions", "bash"]).contains("_easeoff()"));
    for cmd in [
        "log",
        "dose",
        "last-use",
        "status",
        "show",
        "symptoms",
        "signs",
        "export",
        "import",
        "demo",
        "check",
        "restore",
        "path",
        "completions",
        "get-help",
        "settings",
    ] {
        let help = env.ok(&[cmd, "--help"]);
        assert!(help.contains("Example"), "easeoff {cmd} --help has an example: {help}");
    }
    assert!(env.ok(&["--help"]).contains("not medical advice"));
}

#[test]
fn a_bad_easeoff_now_is_named() {
    let env = Env::new();
    let out = env.cmd().env("EASEOFF_NOW", "next tuesday").arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("EASEOFF_NOW is 'next tuesday'"));
}

#[test]
fn the_bare_command_without_a_terminal_prints_the_status() {
    let env = Env::new();
    let out = env.ok(&[]);
    assert!(out.contains("No dose and no stop recorded yet."), "{out}");
}

// ---------------------------------------------------------------- getting help

#[test]
fn get_help_without_a_country_says_local_emergency_number_and_gives_the_us_lines() {
    let env = Env::new();
    let out = env.ok(&["get-help"]);
    assert!(out.starts_with("If you are in danger or very unwell, call your local emergency number now.\n"), "{out}");
    for expected in [
        "  • chest pain",
        "  • fainting or a seizure",
        "  • confusion",
        "keep fluids down for a day",
        "especially after loperamide",
        "yellow skin or eyes, or dark urine",
        "thoughts of harming yourself",
        "cannot be woken or is breathing very slowly",
        "give naloxone if there is some",
        "withdrawal in pregnancy needs medical care",
        "Support lines in the United States (emergency number 911):",
        "988 Suicide & Crisis Lifeline: call or text 988, any time",
        "1-800-662-4357",
        "No country is chosen yet",
    ] {
        assert!(out.contains(expected), "missing '{expected}' in:\n{out}");
    }
    assert!(env.bytes().is_none(), "reading the help writes nothing");
}

#[test]
fn the_readme_holds_the_help_text_exactly_as_get_help_prints_it() {
    let env = Env::new();
    let text = env.ok(&["get-help"]);
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&format!("```text\n{text}```")),
        "README.md's \"When to get help\" must hold `easeoff get-help`'s default text verbatim:\n{text}"
    );
}

#[test]
fn the_readme_table_of_numbers_matches_the_asset() {
    let readme = include_str!("../README.md");
    for country in easeoff::get_help::countries() {
        let start = format!("| {} (`{}`", country.name, country.code);
        let row = readme.lines().find(|l| l.starts_with(&start)).unwrap_or_else(|| panic!("no README row {start}"));
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(cells.get(1).copied(), Some(country.emergency.number.as_str()), "{row}");
        for line in &country.lines {
            assert!(cells.get(2).is_some_and(|c| c.contains(&line.number)), "{row} lacks {}", line.number);
        }
    }
}

#[test]
fn get_help_gives_the_chosen_countrys_numbers_and_the_persons_contact_first() {
    let env = Env::new();
    let cases: &[(&str, &str, &[&str])] = &[
        ("GB", "call 999 now", &["NHS 111", "Samaritans: 116 123"]),
        ("ie", "call 112 or 999 now", &["Samaritans: 116 123"]),
        ("AU", "call 000 now", &["Lifeline: 13 11 14"]),
        ("NZ", "call 111 now", &["1737: call or text 1737"]),
        ("DE", "call 112 now", &["TelefonSeelsorge: 0800 111 0 111"]),
        ("CA", "call 911 now", &["9-8-8 Suicide Crisis Helpline: call or text 988"]),
        ("US", "call 911 now", &["988 Suicide & Crisis Lifeline", "1-800-662-4357"]),
    ];
    for (code, emergency, lines) in cases {
        let said = env.ok(&["settings", "country", code]);
        assert!(said.starts_with("Country: "), "{said}");
        let out = env.ok(&["get-help"]);
        assert!(out.starts_with(&format!("If you are in danger or very unwell, {emergency}.\n")), "{code}: {out}");
        for line in *lines {
            assert!(out.contains(line), "{code}: missing '{line}' in:\n{out}");
        }
        assert!(!out.contains("No country is chosen"), "{code}");
    }
    assert_eq!(env.json()["settings"]["country"], "US");

    env.ok(&["settings", "contact", "Sam (sponsor) 0151 2345678"]);
    let out = env.ok(&["get-help"]);
    assert!(out.starts_with("Your own contact: Sam (sponsor) 0151 2345678\n\nIf you are in danger"), "{out}");
    assert_eq!(env.json()["settings"]["contact"], "Sam (sponsor) 0151 2345678");

    env.ok(&["settings", "contact", "--clear"]);
    env.ok(&["settings", "country", "--clear"]);
    assert_eq!(env.ok(&["get-help"]), Env::new().ok(&["get-help"]), "cleared: the default text again");
    assert!(env.json()["settings"].as_object().unwrap().is_empty(), "nothing left in the file");
}

#[test]
fn settings_shows_every_setting_and_how_to_change_them() {
    let env = Env::new();
    let out = env.ok(&["settings"]);
    assert!(out.contains("country  not chosen"), "{out}");
    assert!(out.contains("contact  none"), "{out}");
    assert!(out.contains("(US, CA, GB, IE, AU, NZ, DE)"), "{out}");
    env.ok(&["settings", "country", "UK"]);
    env.ok(&["settings", "contact", "Clinic front desk 020 7946 0000"]);
    let out = env.ok(&["settings"]);
    assert!(out.contains("country  United Kingdom (GB)"), "{out}");
    assert!(out.contains("contact  Clinic front desk 020 7946 0000"), "{out}");
    assert_eq!(env.ok(&["settings", "contact"]), "contact  Clinic front desk 020 7946 0000\n");
}

#[test]
fn settings_refusals_name_what_is_allowed_and_leave_the_journal_byte_for_byte() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2", "--note", "private words"]);
    env.ok(&["settings", "country", "GB"]);
    env.ok(&["settings", "contact", "Sam 555 0100"]);
    let before = env.bytes().unwrap();
    let long = format!("{} 555 0100", "x".repeat(100));
    let cases: &[(&[&str], &str)] = &[
        (
            &["settings", "country", "XX"],
            "'XX' is not a country easeoff has numbers for: use one of US (United States), CA (Canada), GB (United Kingdom), IE (Ireland), AU (Australia), NZ (New Zealand), DE (Germany)",
        ),
        (&["settings", "country", "France"], "use one of US (United States)"),
        (&["settings", "country", ""], "is not a country"),
        (&["settings", "country", "GB", "--clear"], "cannot be used with"),
        (&["settings", "contact", ""], "the contact is empty"),
        (&["settings", "contact", "my sponsor"], "no phone number"),
        (&["settings", "contact", "Sam\n555 0100"], "one line"),
        (&["settings", "contact", &long], "the most is 100"),
        (&["settings", "contact", "Sam 555", "--clear"], "cannot be used with"),
        (&["settings", "colour", "blue"], "unrecognized subcommand"),
    ];
    for (args, expected) in cases {
        let err = env.fails(args, 2);
        assert!(err.contains(expected), "easeoff {args:?}: expected '{expected}' in: {err}");
        assert!(!err.contains("private words") && !err.contains("my sponsor"), "nothing typed is repeated");
        assert_eq!(env.bytes().unwrap(), before, "easeoff {args:?} changed the journal");
    }
}

#[test]
fn get_help_answers_even_when_the_journal_cannot_be_read() {
    let env = Env::new();
    std::fs::create_dir_all(env.folder()).unwrap();
    std::fs::write(&env.path, b"{ this is not a journal").unwrap();
    let out = env.run(&["get-help"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, Env::new().ok(&["get-help"]), "the default text");
    assert!(String::from_utf8_lossy(&out.stderr).contains("your settings could not be read"));
    assert_eq!(env.bytes().unwrap(), b"{ this is not a journal", "and the file is left alone");
    let bad_clock = env.cmd().env("EASEOFF_NOW", "soon").arg("get-help").output().unwrap();
    assert!(bad_clock.status.success() && bad_clock.stdout == text.as_bytes());
}

// ---------------------------------------------------------------- output closed early

#[test]
fn output_into_a_closed_pipe_ends_quietly_with_success() {
    let env = Env::with_demo();
    for args in [&["show", "--from", "-41"][..], &["export"], &["status"]] {
        // The reading end is closed before easeoff starts, so its first write
        // always meets a closed pipe (as `easeoff show | head -1` does once
        // head has its line), whatever the size of the output.
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("easeoff"))
            .args(args)
            .env("EASEOFF_DATA_FILE", &env.path)
            .env("EASEOFF_NOW", &env.now)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "easeoff {args:?} into a closed pipe: {stderr}");
        assert_eq!(stderr, "", "easeoff {args:?} into a closed pipe says nothing");
    }
}

// ---------------------------------------------------------------- typed values

#[test]
fn each_typed_value_refuses_bad_input_naming_the_flag_and_what_is_allowed() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2", "--sleep", "6"]);
    env.ok(&["plan", "new", "--from", "6", "--step", "10%", "--every", "7"]);
    let before = env.bytes().unwrap();
    let cases: &[(&[&str], &[&str])] = &[
        (&["dose", "2,5kg"], &["'2,5kg' is not a dose", "more than 0 and at most 100"]),
        (&["dose", "1500mg"], &["'1500mg' is in milligrams: doses are given in grams, and that is 1.5 g"]),
        (&["dose", "1500"], &["more than 0 and at most 100", "(1500 mg would be 1.5 g)"]),
        (&["log", "--sleep", "25"], &["'--sleep <HOURS>'", "'25' is not hours of sleep", "from 0 to 24"]),
        (&["log", "--sleep", "5.5.5"], &["'--sleep <HOURS>'", "is not hours of sleep"]),
        (&["log", "anxiety=2,5"], &["'2,5' is not a rating for anxiety", "whole numbers 0 (none)"]),
        (
            &["plan", "adjust", "--hold", "366"],
            &["'--hold <HOLD>'", "'366' is not a whole number of days: use 1 to 365"],
        ),
        (&["plan", "adjust", "--step", "0%"], &["'--step <STEP>'", "more than 0 % and less than 100 %"]),
        (&["plan", "adjust", "--step", "7g"], &["--step 7 g", "less than the starting amount"]),
        (&["plan", "adjust", "--step", "7"], &["--step 7 would be 7 g a step from 6 g/day", "did you mean 7%?"]),
        (&["plan", "new", "--from", "6", "--step", "10%", "--every", "7", "--floor", "-1"], &["--floor -1 g"]),
        (&["plan", "new", "--from", "6", "--step", "10%", "--every", "7", "--round", "0"], &["--round 0 g"]),
        (
            &["plan", "new", "--from", "six", "--step", "10%", "--every", "7"],
            &["'--from <FROM>'", "'six' is not an amount in grams"],
        ),
        (
            &["dose", "--list", "--days", "3661"],
            &["'--days <N>'", "'3661' is not a whole number of days: use 1 to 3660"],
        ),
        (&["log", "--aid", "kratom 5 g"], &["kratom itself goes in the dose log, in grams: easeoff dose 5"]),
    ];
    for (args, expected) in cases {
        let err = env.fails(args, 2);
        for part in *expected {
            assert!(err.contains(part), "easeoff {args:?}: expected '{part}' in: {err}");
        }
        assert_eq!(env.bytes().unwrap(), before, "easeoff {args:?} changed the journal");
    }
}

#[test]
fn a_decimal_comma_is_read_wherever_a_number_is_typed() {
    let env = Env::new();
    assert!(env.ok(&["dose", "2,5", "--at", "08:00"]).starts_with("Logged 2.5 g at"));
    assert!(env.ok(&["log", "--sleep", "5,5"]).contains("sleep 5.5 h"));
    env.ok(&["plan", "new", "--from", "6,5", "--step", "2,5%", "--every", "7", "--floor", "0,5", "--round", "0,25"]);
    let spec = &env.json()["plans"][0]["spec"];
    assert_eq!(
        (spec["from_grams"].as_f64(), spec["floor_grams"].as_f64(), spec["round_grams"].as_f64()),
        (Some(6.5), Some(0.5), Some(0.25))
    );
    assert_eq!(spec["cut"]["percent"].as_f64(), Some(2.5));
    assert!(env.ok(&["plan", "adjust", "--step", "0,5"]).starts_with("Changed the step to 0.5 from today."));
}
