//! The visit summary through the real binary: golden text and Markdown for a
//! small journal whose every number is also worked out by hand here; the
//! HTML's structure; printing; and, in real headless Chromium, one page on
//! Letter and on A4 and a chart that actually shows.

mod common;

use std::path::Path;
use std::process::Command;

use common::Env;

/// A small journal with a taper, a last dose, withdrawal ratings, sleep,
/// aids, notes, a question and a self-check, all at fixed times.
fn fixture() -> Env {
    let env = Env::new();
    // Taper: 6 g/day (3 × 2 g) for 3 days, 5 g/day (2 × 2.5 g) for 3, 4 g/day (2 × 2 g) for 2.
    // Forms: powder, then powder mornings and capsules evenings, then none given.
    for day in 22..=24 {
        for time in ["08:00", "14:00", "20:00"] {
            env.ok(&["dose", "2", "--at", &format!("2026-02-{day} {time}"), "--form", "powder"]);
        }
    }
    for day in ["2026-02-25", "2026-02-26", "2026-02-27"] {
        for (time, form) in [("08:00", "powder"), ("20:00", "capsule")] {
            env.ok(&["dose", "2.5", "--at", &format!("{day} {time}"), "--form", form]);
        }
    }
    for (day, last) in [("2026-02-28", "20:00"), ("2026-03-01", "21:00")] {
        env.ok(&["dose", "2", "--at", &format!("{day} 08:00")]);
        env.ok(&["dose", "2", "--at", &format!("{day} {last}")]);
    }
    // Ratings: muscle-aches, nausea | anxiety, cravings.
    let days: [(&str, &[&str]); 8] = [
        ("2026-02-26", &["muscle-aches=1", "anxiety=1"]),
        ("2026-03-02", &["muscle-aches=1", "nausea=1", "anxiety=2", "cravings=2"]),
        ("2026-03-03", &["muscle-aches=2", "nausea=2", "anxiety=2", "cravings=3", "--sleep", "5"]),
        ("2026-03-04", &["muscle-aches=3", "nausea=3", "anxiety=3", "cravings=4", "--sleep", "3.5"]),
        ("2026-03-05", &["muscle-aches=4", "nausea=3", "anxiety=3", "cravings=3", "--sleep", "3"]),
        ("2026-03-06", &["muscle-aches=2", "nausea=1", "anxiety=2", "cravings=3", "--sleep", "6"]),
        ("2026-03-08", &["muscle-aches=1", "nausea=1", "anxiety=2", "cravings=2", "--note", "Walked outside"]),
        ("2026-03-09", &["muscle-aches=1", "nausea=0", "anxiety=1", "cravings=2"]),
    ];
    for (date, args) in days {
        let mut all = vec!["log", "--date", date];
        all.extend_from_slice(args);
        env.ok(&all);
    }
    env.ok(&[
        "log",
        "--date",
        "2026-03-04",
        "--aid",
        "loperamide 4 mg",
        "--aid",
        "loperamide 6 mg",
        "--aid",
        "ibuprofen 400 mg",
    ]);
    env.ok(&["log", "--date", "2026-03-04", "--note", "Worst night so far", "--for-provider"]);
    env.ok(&["log", "--date", "2026-03-05", "--aid", "loperamide 4 mg"]);
    env.ok(&["question", "add", "Is clonidine an option for me?"]);
    // An earlier 7-question check, yynnyny, as journals from before `self-check` hold them.
    env.earlier_signs(&[true, true, false, false, true, false, true], common::NOW);
    env.ok(&[
        "about",
        "--product",
        "powder",
        "--used-for",
        "3 years",
        "--doses-a-day",
        "3",
        "--reason",
        "pain",
        "--reason",
        "low-mood",
        "--substance",
        "alcohol:now",
        "--medicine",
        "sertraline 50 mg",
        "--goal",
        "stop",
    ]);
    // Two checks about the past 12 months: one on 22 Feb, one now.
    let early =
        env.run(&["self-check", "--answers", "YYNYNNNNNYY"]).env("EASEOFF_NOW", "2026-02-22T20:00:00+01:00").output();
    assert!(early.unwrap().status.success());
    env.ok(&["self-check", "--answers", "YYYYNNNNNNY"]);
    env
}

#[test]
fn the_text_summary_says_what_was_worked_out_by_hand() {
    let env = fixture();
    let text = env.ok(&["report", "--name", "Sam R."]);
    // Sentences wrapped at 80 columns, read as one line each.
    let flat = text.replace("\n    ", " ").replace("\n  ", " ");
    let expect = |s: &str| assert!(text.contains(s) || flat.contains(s), "missing {s:?} in:\n{text}");
    // The name as given; the date of birth, never asked, a blank for the clinic.
    expect("Withdrawal symptom summary — patient-reported\nName: Sam R.   Date of birth: ________________\n");
    // Default period: 14 days before the last dose (15 Feb), but the first entry is 22 Feb.
    expect("Period: 22 Feb 2026 to 10 Mar 2026.");
    // 1 Mar 21:00 to 10 Mar 09:00 is 8 days 12 hours: day 9.
    expect("Stopped: last dose Sun 1 Mar 2026, 21:00 (dose log) — day 9 since.");
    // 6 → 5 → 4 g/day: two reduction steps; stopped for more than a day: none now.
    expect("Daily amount at the start of the period: 6 g/day; now: none; reduction steps: 2.");
    // Rated: 26 Feb and 2, 3, 4, 5, 6, 8, 9 Mar = 8 of the 17 days 22 Feb – 10 Mar.
    expect("Days rated: 8 of 17 in the period (9 without ratings).");
    // Physical means since the last dose: d1 1.0, d2 2.0, d3 3.0, d4 3.5, d5 1.5, d7 1.0, d8 0.5.
    // 2 of the 7 physical items rated that day: a partial day, and said so.
    expect("Physical peak: day 4 (3.5 of 4; partial: 2 of 7 items rated) — inside the usual days 3–4.");
    // Psychological: d1 2.0, d2 2.5, d3 3.5, d4 3.0, d5 2.5, d7 2.0, d8 1.5 — its day and value only.
    expect(
        "Psychological peak: day 3 (3.5 of 4; partial: 2 of 5 items rated). Psychological symptoms can begin with the physical ones and last for weeks.",
    );
    assert!(!flat.contains("day 3 (3.5 of 4), inside"), "no days 3–4 verdict on the psychological peak");
    // The last three rated physical days, d5 1.5, d7 1.0, d8 0.5, fall by 1.0 after the peak days.
    expect("Physical scores are easing, as is usual after days 3–4.");
    // After the day-4 peak: d5 1.5, then d7 1.0 and d8 0.5 are two rated days at ≤ 1, no item above 1.
    expect("Physical symptoms eased to mild (1) or below, with no item at 3 or more, on day 7;");
    // Mean of the 7 psychological scores = 17 / 7 = 2.43; first three 2.67, last three 2.0: down by 0.67.
    expect("Psychological scores over the last 7 rated days: mean 2.4, falling.");
    // 4–10 Mar: 5 rated days; physical (3 + 3.5 + 1.5 + 1 + 0.5) / 5 = 1.9, psychological 12.5 / 5 = 2.5.
    expect("Last 7 days (5 of 7 rated): physical mean 1.9, psychological mean 2.5.");
    // Items, physical then psychological, each the highest peak first. Day 1 = 2 Mar.
    // muscle aches 1,1,2,3,4,2,1,1: peak 4 on 5 Mar (day 4); 4–10 Mar 3+4+2+1+1 = 11/5 = 2.2; latest 1.
    // nausea 1,2,3,3,1,1,0: peak 3 first on 4 Mar (day 3); 3+3+1+1+0 = 8/5 = 1.6; latest 0.
    // cravings 2,3,4,3,3,2,2: peak 4 on 4 Mar (day 3); 4+3+3+2+2 = 14/5 = 2.8; latest 2.
    // anxiety 1,2,2,3,3,2,2,1: peak 3 first on 4 Mar (day 3); 3+3+2+2+1 = 11/5 = 2.2; latest 1.
    let rows: Vec<&str> = text.lines().skip_while(|l| !l.starts_with("  item")).skip(1).take(4).collect();
    let summary: Vec<Vec<&str>> = rows.iter().map(|r| r.split_whitespace().collect()).collect();
    assert_eq!(summary[0], ["muscle", "aches", "phys", "4", "day", "4", "2.2", "1"]);
    assert_eq!(summary[1], ["nausea", "phys", "3", "day", "3", "1.6", "0"]);
    assert_eq!(summary[2], ["cravings", "psych", "4", "day", "3", "2.8", "2"]);
    assert_eq!(summary[3], ["anxiety", "psych", "3", "day", "3", "2.2", "1"]);
    assert!(!flat.contains("whole-period") && !text.contains(" mean highest "), "no whole-period means");
    expect("Not rated in this period: 8 other items.");
    // Sleep: 5, 3.5, 3, 6 → 17.5 / 4 = 4.375; 3.5 and 3 are under 4 hours.
    expect("Sleep: mean 4.4 h over 4 nights; 2 nights under 4 hours.");
    // Loperamide: 4 + 6 = 10 mg on 4 Mar, 4 mg on 5 Mar.
    expect("loperamide: 2 days — 14 mg, up to 10 mg/day");
    expect("ibuprofen: 1 day — 400 mg, up to 400 mg/day");
    // 10 mg on 4 Mar is above the 8 mg label maximum: said once, in the box at the top,
    // not again under the aids.
    let (attention, rest) = flat.split_once("STATUS").unwrap();
    assert!(
        attention.contains("- Loperamide 10 mg on Wed 4 Mar — above the 8 mg a day on the over-the-counter label.")
    );
    assert!(!rest.contains("above the 8 mg") && !rest.contains("label maximum"), "{text}");
    expect("22 Feb – 24 Feb  6 g/day                  3 doses a day\n");
    expect("25 Feb – 27 Feb  5 g/day                  2 doses a day\n");
    expect("28 Feb – 1 Mar   4 g/day                  2 doses a day\n");
    // The form under the rows, by stretch: the last two days' doses were logged without one.
    expect("Form as logged: powder, 22 Feb – 24 Feb; powder + capsules, 25 Feb – 27 Feb; not given, 28 Feb – 1 Mar.");
    // The chart's axis: day 1 is 2 Mar (the last dose 1 Mar 21:00, a day at noon), and dates a
    // week apart from it both ways: 23 Feb, 2 Mar, 9 Mar, each under its own day's column.
    let day_line = text.lines().find(|l| l.ends_with("(days since the last dose)")).unwrap();
    let date_line = text.lines().find(|l| l.trim_start().starts_with("23 Feb")).unwrap();
    assert_eq!(date_line, "    23 Feb 2 Mar  9 Mar");
    assert_eq!(day_line.find('1'), date_line.find("2 Mar"), "2 Mar under day 1:\n{text}");
    // After the stop, the days without a dose are a row of their own, not 0 g averaged in.
    expect("2 Mar – 10 Mar   none for 9 days");
    // History as answered; no usual amount was given, so none is shown.
    expect(
        "HISTORY (as reported)\n  Product and form: powder\n  Used for: 3 years\n  Doses a day before cutting down: 3\n  Reasons for use: pain, low mood\n  Other substances: alcohol (now)\n  Prescribed medicines: sertraline 50 mg\n  Goal: to stop\n",
    );
    // Now YYYYNNNNNNY: questions 1, 2, 3, 4 and 11 = 5 of 11.
    expect(
        "Latest: 5 of 11, reported on 10 Mar 2026. Yes: took more, or for longer, than meant to; wanted or tried to cut down and could not; much time spent getting, using or recovering; strong urges or cravings; withdrawal symptoms, or used to ease or avoid them.",
    );
    // 22 Feb YYNYNNNNNYY: 1, 2, 4, 10, 11 = 5 of 11; 10 yes only then, 3 yes only now.
    expect(
        "Previous: 5 of 11, reported on 22 Feb 2026. Yes then, no now: needed more for the same effect. Yes now, no then: much time spent getting, using or recovering.",
    );
    // The 7-question check yynnyny: questions 1, 2, 5 and 7 = 4 of 7; beside a current
    // 11-question check it is shown for what it was, with its count.
    // The caveat closes the block rather than taking a line of its own.
    expect(
        "  7-question check (earlier version): 4 of 7, reported on 10 Mar 2026. As\n    reported by the person; not a diagnosis.",
    );
    let checks: String =
        text.lines().skip_while(|l| !l.starts_with("SELF-CHECK")).take_while(|l| !l.is_empty()).collect();
    for word in ["mild", "moderate", "severe", "disorder", "addict"] {
        assert!(!checks.contains(word), "no severity word or diagnosis in the self-check: {word}");
    }
    expect("  - 4 Mar: Worst night so far");
    assert!(!text.contains("Walked outside"), "only notes marked for the provider");
    expect("   1. Is clonidine an option for me?");
    expect("Patient-reported. This is a record of what the person noted, not a diagnosis");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "fits 80 columns");
    insta::assert_snapshot!("report_text", text);
}

#[test]
fn the_markdown_summary_carries_the_same_content() {
    let env = fixture();
    let md = env.ok(&["report", "--format", "markdown"]);
    for s in [
        "# Withdrawal symptom summary — patient-reported",
        // No name given: both lines blank, for the clinic to fill by hand.
        "**Name:** \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ · **Date of birth:**",
        "- Stopped: last dose Sun 1 Mar 2026, 21:00 (dose log) — day 9 since.",
        "```text\n4 |",
        "- Physical peak: day 4 (3.5 of 4; partial: 2 of 7 items rated) — inside the usual days 3–4.",
        "| item | kind | peak | on | last 7 days | latest |",
        "| muscle aches | physical | 4 | day 4 | 2.2 | 1 |",
        "| cravings | psychological | 4 | day 3 | 2.8 | 2 |",
        "Sleep: mean 4.4 h over 4 nights; 2 nights under 4 hours.",
        "| loperamide | 2 | 14 mg, up to 10 mg/day |",
        "| dates | taken | doses |",
        "| 25 Feb – 27 Feb | 5 g/day | 2 doses a day |",
        "\n\nForm as logged: powder, 22 Feb – 24 Feb; powder + capsules, 25 Feb – 27 Feb; not given, 28 Feb – 1 Mar.\n",
        "| 2 Mar – 10 Mar | none for 9 days |  |",
        "1. Is clonidine an option for me?",
        "## History (as reported)\n\n- **Product and form:** powder\n- **Used for:** 3 years\n",
        "- **Goal:** to stop\n",
        "## Self-check about the past 12 months\n\n- Latest: 5 of 11, reported on 10 Mar 2026. Yes: took more,",
        "- Previous: 5 of 11, reported on 22 Feb 2026. Yes then, no now: needed more for the same effect.",
        // The caveat closes the block, on its last line.
        "- 7-question check (earlier version): 4 of 7, reported on 10 Mar 2026. As reported by the person; not a diagnosis.",
    ] {
        assert!(md.contains(s), "missing {s:?} in:\n{md}");
    }
    insta::assert_snapshot!("report_markdown", md);
}

#[test]
fn the_html_summary_parses_holds_the_svg_chart_and_fetches_nothing() {
    let env = fixture();
    let html = env.ok(&["report", "--format", "html", "--name", "<Sam & co>"]);
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let title: String = doc.select(&select("title")).next().unwrap().text().collect();
    assert_eq!(title, "Withdrawal symptom summary, 22 Feb 2026 to 10 Mar 2026");
    let svg = doc.select(&select("section.chart svg")).next().expect("an inline SVG chart");
    assert!(svg.select(&select("polyline.physical")).count() >= 2, "the physical line, broken at the missing day");
    assert!(svg.select(&select("polygon.band")).count() == 2, "both bands");
    assert!(svg.select(&select("rect.peak")).count() == 1, "days 3–4 marked");
    assert!(svg.select(&select("rect.dose")).count() == 8, "the 8 taper days' dose bars");
    // Dates along the axis, a week apart from day 1 (2 Mar), as in the text chart.
    let dates: Vec<String> = svg.select(&select("text.date")).map(|t| t.text().collect()).collect();
    assert_eq!(dates, ["23 Feb", "2 Mar", "9 Mar"]);
    let forms: String = doc.select(&select("section.side p.forms")).flat_map(|p| p.text()).collect();
    assert_eq!(
        forms,
        "Form as logged: powder, 22 Feb – 24 Feb; powder + capsules, 25 Feb – 27 Feb; not given, 28 Feb – 1 Mar."
    );
    assert_eq!(doc.select(&select("section.items tbody tr")).count(), 4);
    // Self-contained: no scripts, links, images or remote URLs of any kind.
    for tag in ["script", "link", "img", "iframe", "object", "embed"] {
        assert_eq!(doc.select(&select(tag)).count(), 0, "<{tag}>");
    }
    for bad in ["http:", "https:", "//", "@import", "src="] {
        assert!(!html.replace("\"//", "").contains(bad), "found {bad}");
    }
    assert!(html.contains("&lt;Sam &amp; co&gt;"), "the person's words are escaped");
}

#[test]
fn print_sends_the_text_to_the_print_command() {
    let env = fixture();
    let captured = env.dir.path().join("printed.txt");
    let out = env
        .run(&["report", "--print", "--format", "text"])
        .env("EASEOFF_PRINT_CMD", format!("cat > '{}'", captured.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "printing does not also print to the terminal");
    let printed = std::fs::read_to_string(&captured).unwrap();
    assert_eq!(printed, env.ok(&["report"]));
}

#[test]
fn without_a_print_system_it_says_so_and_writes_nothing() {
    let env = fixture();
    let out_file = env.dir.path().join("never.txt");
    let out =
        env.run(&["report", "--print"]).env("PATH", env.dir.path()).env_remove("EASEOFF_PRINT_CMD").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no print system was found"), "{err}");
    assert!(out.stdout.is_empty());
    assert!(!out_file.exists());
}

#[test]
fn bad_report_input_is_refused() {
    let env = fixture();
    let before = env.bytes().unwrap();
    let err = env.fails(&["report", "--from", "2026-03-09", "--to", "2026-03-01"], 2);
    assert!(err.contains("earlier day first"), "{err}");
    let err = env.fails(&["report", "--from", "March"], 2);
    assert!(err.contains("not a date"), "{err}");
    let err = env.fails(&["question", "done", "7"], 2);
    assert!(err.contains("there is 1 open question (number 1)"), "{err}");
    assert_eq!(env.bytes().unwrap(), before);
}

#[test]
fn questions_are_added_listed_and_marked_done() {
    let env = fixture();
    env.ok(&["question", "add", "Can I drive?"]);
    assert_eq!(env.ok(&["question", "list"]), "  1. Is clonidine an option for me?\n  2. Can I drive?\n");
    assert_eq!(env.ok(&["question", "done", "1"]), "Marked as asked: Is clonidine an option for me?\n");
    let report = env.ok(&["report"]);
    assert!(report.contains("   1. Can I drive?") && !report.contains("clonidine"), "{report}");
}

/// A short taper and a stop (the last dose 27 Feb 08:00), anxiety at its
/// worst before the stop and nausea after it; no self-check.
fn peak_before_the_stop() -> Env {
    let env = Env::new();
    for day in 24..=27 {
        env.ok(&["dose", "3", "--at", &format!("2026-02-{day} 08:00")]);
    }
    for (date, anxiety, nausea) in [
        ("2026-02-26", "anxiety=3", "nausea=1"),
        ("2026-03-03", "anxiety=2", "nausea=3"),
        ("2026-03-09", "anxiety=1", "nausea=0"),
    ] {
        env.ok(&["log", "--date", date, anxiety, nausea]);
    }
    env
}

#[test]
fn the_form_is_said_by_stretch_and_days_without_doses_part_the_stretches() {
    let env = Env::new();
    for day in 20..=22 {
        env.ok(&["dose", "3", "--at", &format!("2026-02-{day} 08:00"), "--form", "powder"]);
    }
    // Stopped on 22 Feb; one dose of capsules on 5 Mar, a lapse; then powder again on 7 Mar.
    env.ok(&["dose", "2", "--at", "2026-03-05 20:00", "--form", "capsule"]);
    env.ok(&["dose", "1", "--at", "2026-03-07 20:00", "--form", "powder"]);
    let text = env.ok(&["report"]).replace("\n  ", " ");
    // Powder after the days without doses is a stretch of its own, not "20 Feb – 7 Mar".
    assert!(text.contains("Form as logged: powder, 20 Feb – 22 Feb; capsules, 5 Mar; powder, 7 Mar."), "{text}");
}

/// The text summary's self-check block, one line each.
fn check_block(text: &str) -> Vec<&str> {
    text.lines().skip_while(|l| !l.starts_with("SELF-CHECK")).take_while(|l| !l.is_empty()).collect()
}

#[test]
fn a_peak_before_the_stop_is_shown_by_its_date_not_a_day_number() {
    let env = peak_before_the_stop();
    let text = env.ok(&["report"]);
    // 3 Mar at noon is 4 days 4 hours after the last dose: day 5.
    // nausea 1, 3, 0: peak 3 on day 5; the last 7 days (4–10 Mar) hold only the 0; latest 0.
    // anxiety 3, 2, 1: its 3 came on 26 Feb, before the stop, so it is shown by its date.
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip_while(|l| !l.starts_with("  item"))
        .skip(1)
        .take(2)
        .map(|r| r.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["nausea", "phys", "3", "day", "5", "0.0", "0"]);
    assert_eq!(rows[1], ["anxiety", "psych", "3", "26", "Feb", "1.0", "1"]);
    // Before the stop the peak is given by its date, and the key says so.
    assert!(text.contains("(on: day N since the last dose, or a date)"), "{text}");
    let md = env.ok(&["report", "--format", "markdown"]);
    assert!(md.contains("| anxiety | psychological | 3 | 26 Feb | 1.0 | 1 |"), "{md}");
}

#[test]
fn with_no_self_check_the_summary_says_plainly_that_none_was_recorded() {
    let env = peak_before_the_stop();
    let text = env.ok(&["report"]);
    // Said rather than left out, so a reader knows it was not done; no caveat on nothing.
    assert_eq!(
        check_block(&text),
        ["SELF-CHECK about the past 12 months", "  No self-check recorded: the person has not answered one."]
    );
    let md = env.ok(&["report", "--format", "markdown"]);
    assert!(
        md.contains(
            "## Self-check about the past 12 months\n\n- No self-check recorded: the person has not answered one.\n\n"
        ),
        "{md}"
    );
}

#[test]
fn with_only_the_earlier_seven_question_check_its_answers_are_shown_for_what_they_were() {
    let env = peak_before_the_stop();
    // yynnyny on 8 Mar: questions 1, 2, 5 and 7.
    env.earlier_signs(&[true, true, false, false, true, false, true], "2026-03-08T20:00:00+01:00");
    let text = env.ok(&["report"]);
    let block = check_block(&text).join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        block,
        "SELF-CHECK about the past 12 months No 11-question check recorded. \
         7-question check (earlier version): 4 of 7, reported on 8 Mar 2026. Yes: much of the day spent thinking \
         about, getting or using kratom; tried to cut back and couldn't; aches or nausea when cutting down; \
         dropped activities once enjoyed. As reported by the person; not a diagnosis."
    );
}

// ---------------------------------------------------------------- a real browser

/// Headless Chromium with the flags that keep it off the network.
fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium").arg("--version").output().is_ok_and(|o| o.status.success())
        && Command::new("pdfinfo").arg("-v").output().is_ok();
    assert!(found || std::env::var("CI").is_err(), "CI must have chromium and pdfinfo (.ci/run installs them)");
    found.then_some("chromium")
}

fn skipped(test: &str) {
    eprintln!("SKIPPED {test}: chromium or pdfinfo is not installed (apt-get install chromium poppler-utils)");
}

fn pages(pdf: &Path) -> u32 {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).unwrap_or(0)
}

/// The HTML summary printed by Chromium on `paper`, as `easeoff report
/// --format html --print` makes it; the PDF's path.
fn print_html(env: &Env, paper: &str) -> std::path::PathBuf {
    let pdf = env.dir.path().join(format!("{paper}.pdf"));
    let out = env
        .run(&["report", "--format", "html", "--print", "--paper", paper, "--name", "Sam R."])
        .env("EASEOFF_PRINT_CMD", format!("cat > '{}'", pdf.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let info = String::from_utf8_lossy(&Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).into_owned();
    let size = if paper == "letter" { "pts (letter)" } else { "pts (A4)" };
    assert!(info.contains(size), "{paper}: {info}");
    pdf
}

/// One page's text as pdftotext reads it, every run of white space one space.
fn page_text(pdf: &Path, page: u32) -> String {
    let n = page.to_string();
    let out = Command::new("pdftotext").args(["-f", &n, "-l", &n, "-enc", "UTF-8"]).arg(pdf).arg("-").output().unwrap();
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_demo_summary_prints_on_exactly_one_page_of_letter_and_of_a4() {
    if chromium().is_none() {
        return skipped("the_demo_summary_prints_on_exactly_one_page_of_letter_and_of_a4");
    }
    let env = Env::with_demo();
    // As a person would bring it: a note for the provider, two questions, a name.
    env.ok(&["log", "--date", "2026-02-20", "--note", "Legs restless all night; loperamide helped.", "--for-provider"]);
    env.ok(&["question", "add", "Is it safe to keep taking loperamide?"]);
    env.ok(&["question", "add", "Could something help me sleep?"]);
    for paper in ["letter", "a4"] {
        let pdf = print_html(&env, paper);
        assert_eq!(pages(&pdf), 1, "{paper}: the demo summary is one page");
        assert!(!page_text(&pdf, 1).contains("continued"), "{paper}: one page says nothing of another");
    }
}

#[test]
fn the_fullest_summary_prints_on_one_page_or_a_marked_second_page_cutting_nothing() {
    if chromium().is_none() {
        return skipped("the_fullest_summary_prints_on_one_page_or_a_marked_second_page_cutting_nothing");
    }
    // Six weeks with every section full and all 19 symptoms rated (tests/common); as
    // in tests/pdf.rs, what does not fit goes on to a marked page 2, nothing cut.
    let env = Env::fullest();
    for paper in ["letter", "a4"] {
        let pdf = print_html(&env, paper);
        let pages: Vec<String> = (1..=pages(&pdf)).map(|p| page_text(&pdf, p)).collect();
        common::check_pages(&pages, "3 Feb 2026 to 10 Mar 2026", Env::FULLEST_PAGE_ONE, Env::FULLEST_SHOWS, paper);
    }
}

#[test]
fn six_weeks_with_every_section_full_prints_on_one_page_with_the_questions_notes_and_every_symptom() {
    if chromium().is_none() {
        return skipped(
            "six_weeks_with_every_section_full_prints_on_one_page_with_the_questions_notes_and_every_symptom",
        );
    }
    // Issue 13's journal (tests/common): the 12 default symptoms, every other section full.
    let env = Env::fullest_default_items();
    for paper in ["letter", "a4"] {
        let pdf = print_html(&env, paper);
        assert_eq!(pages(&pdf), 1, "{paper}: one page");
        let page = page_text(&pdf, 1);
        assert!(!page.contains("continued"), "{paper}: one page says nothing of another");
        for s in Env::FULLEST_PAGE_ONE.iter().chain(Env::ONE_PAGE_SHOWS) {
            assert!(page.contains(s), "{paper}: {s:?} missing from the page:\n{page}");
        }
    }
}

#[test]
fn a_summary_longer_than_a_page_goes_on_to_a_marked_second_page_and_nothing_is_cut() {
    if chromium().is_none() {
        return skipped("a_summary_longer_than_a_page_goes_on_to_a_marked_second_page_and_nothing_is_cut");
    }
    // More than a page holds: every note must still be on some page.
    let (env, notes) = Env::with_demo_and_many_notes();
    let notes: Vec<&str> = notes.iter().map(String::as_str).chain(["Patient-reported. This is a record"]).collect();
    for paper in ["letter", "a4"] {
        let pdf = print_html(&env, paper);
        let pages: Vec<String> = (1..=pages(&pdf)).map(|p| page_text(&pdf, p)).collect();
        assert_eq!(pages.len(), 2, "{paper}");
        common::check_pages(&pages, "3 Feb 2026 to 10 Mar 2026", &["FOR ATTENTION", "KEY POINTS"], &notes, paper);
    }
}

#[test]
fn a_screenshot_of_the_summary_is_not_blank_and_shows_the_chart() {
    let Some(chromium) = chromium() else {
        return skipped("a_screenshot_of_the_summary_is_not_blank_and_shows_the_chart");
    };
    let env = Env::with_demo();
    let html = env.dir.path().join("summary.html");
    env.ok(&["report", "--format", "html", "--out", html.to_str().unwrap()]);
    let png = env.dir.path().join("summary.png");
    let status = Command::new(chromium)
        .args(easeoff::print::CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", env.dir.path().join("profile").display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=900,1300")
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(png.exists(), "{}", String::from_utf8_lossy(&status.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    let channels = frame.color_type.samples();
    let rgb: Vec<&[u8]> = pixels[..frame.buffer_size()].chunks(channels).collect();
    let not_white = rgb.iter().filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count();
    assert!(not_white > 20_000, "the page has content: {not_white} dark pixels");
    // The physical line is drawn in #1f4e9a; count pixels close to it.
    let blue =
        rgb.iter().filter(|p| p[0].abs_diff(0x1f) < 40 && p[1].abs_diff(0x4e) < 40 && p[2].abs_diff(0x9a) < 40).count();
    assert!(blue > 300, "the chart's physical line shows: {blue} pixels");
}
