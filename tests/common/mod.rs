//! Shared helpers for the integration tests: a journal in its own temp
//! folder, the real `easeoff` binary with a fixed "now", and the journal's
//! bytes for "nothing changed" checks.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The fixed "now" of every test: a Tuesday morning in March.
pub const NOW: &str = "2026-03-10T09:00:00+01:00";

pub struct Env {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    /// The "now" the binary runs at: [`NOW`] unless a scenario sets its own.
    pub now: String,
}

impl Env {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data").join("journal.json");
        Self { dir, path, now: NOW.to_owned() }
    }

    /// A journal holding one of the spec's scenarios, run at its "now".
    pub fn scenario(scenario: &easeoff::scenarios::Scenario) -> Self {
        let mut env = Self::new();
        std::fs::create_dir_all(env.path.parent().unwrap()).unwrap();
        std::fs::write(&env.path, easeoff::store::serialize(&scenario.journal)).unwrap();
        env.now = scenario.now.to_rfc3339();
        env
    }

    /// A journal that already holds the 42-day demo.
    pub fn with_demo() -> Self {
        let env = Self::new();
        std::fs::create_dir_all(env.path.parent().unwrap()).unwrap();
        env.run(&["demo", "--write", env.path.to_str().unwrap(), "--days", "42"]).assert().success();
        env
    }

    /// A summary longer than a page: the 42-day demo with twenty-four notes
    /// for the provider, each two lines or so, one a day from 4 Feb. Gives
    /// the notes too, so a test can look for every one of them.
    pub fn with_demo_and_many_notes() -> (Self, Vec<String>) {
        let env = Self::with_demo();
        let notes: Vec<String> = (1..=24)
            .map(|n| {
                format!("Note number {n}: slept badly, legs restless after midnight, cravings back in the evening.")
            })
            .collect();
        for (n, note) in notes.iter().enumerate() {
            env.ok(&["log", "--date", &format!("2026-02-{:02}", n + 4), "--note", note, "--for-provider"]);
        }
        (env, notes)
    }

    /// The fullest summary the tests know, as a person might bring it after
    /// six weeks: the 42-day demo (a taper, a stop, every flag it raises,
    /// its earlier 7-question checks) with every history question
    /// answered, a third 11-question check today (so two to compare), four
    /// notes for the provider, three questions, and every symptom switched
    /// on, the seven extra items rated too.
    pub fn fullest() -> Self {
        Self::fullest_with(true)
    }

    /// The journal of issue 13's "every section full", which must be one
    /// page: [`Env::fullest`] with the 12 default symptoms only.
    pub fn fullest_default_items() -> Self {
        Self::fullest_with(false)
    }

    fn fullest_with(extra_items: bool) -> Self {
        let env = Self::with_demo();
        if extra_items {
            env.ok(&["symptoms", "show", "--extra"]);
            let extras =
                ["yawning=2", "gooseflesh=2", "shaking=1", "hot-cold-flushes=3", "vomiting=1", "stomach-cramps=2"];
            for date in ["2026-02-19", "2026-02-20", "2026-02-21", "2026-02-24", "2026-03-02", "2026-03-09"] {
                let mut args = vec!["log", "--date", date, "poor-appetite=2"];
                args.extend(extras);
                env.ok(&args);
            }
        }
        env.ok(&[
            "about",
            "--product",
            "powder",
            "--product",
            "capsules",
            "--used-for",
            "3 years",
            "--usual-grams",
            "8",
            "--doses-a-day",
            "4",
            "--reason",
            "pain",
            "--reason",
            "anxiety",
            "--reason",
            "low-mood",
            "--substance",
            "alcohol:now",
            "--substance",
            "nicotine:now",
            "--substance",
            "opioids:past",
            "--medicine",
            "clonidine",
            "--medicine",
            "sertraline 50 mg",
            "--goal",
            "stop",
            "--pregnant",
            "no",
        ]);
        env.ok(&["self-check", "--answers", "yyyyyynyyyy"]);
        for (date, note) in [
            ("2026-02-18", "First day without. Restless, cold sweats in the evening."),
            ("2026-02-20", "Legs restless all night; loperamide helped."),
            ("2026-02-24", "Could not eat much for three days; drinking water and broth."),
            ("2026-03-03", "Sleeping about five hours now. Cravings worst in the late afternoon."),
        ] {
            env.ok(&["log", "--date", date, "--note", note, "--for-provider"]);
        }
        for question in [
            "Is it safe to keep taking loperamide?",
            "Could something help me sleep?",
            "How long do cravings usually last?",
        ] {
            env.ok(&["question", "add", question]);
        }
        env
    }

    /// What the fullest summary must show on page 1 whatever else moves on:
    /// the facts for attention, where the person is, the history, the
    /// course, the key points and the self-check.
    pub const FULLEST_PAGE_ONE: &[&str] = &[
        "FOR ATTENTION",
        "Loperamide 12 mg on Fri 20 Feb",
        "Stopped: last dose Tue 17 Feb 2026, 21:40 (dose log) — day 21 since.",
        "Prescribed medicines: clonidine, sertraline 50 mg.",
        "Goal: to stop. Pregnant: no.",
        "Physical peak: day 5 (2.9 of 4)",
        "Latest: 10 of 11, reported on 10 Mar 2026.",
        "7-question check (earlier version)",
        "As reported by the person; not a diagnosis.",
    ];

    /// What the one page of [`Env::fullest_default_items`] must hold, besides
    /// [`Env::FULLEST_PAGE_ONE`]: the history, the self-check, the questions,
    /// every note, every symptom, and the footnote.
    pub const ONE_PAGE_SHOWS: &[&str] = &[
        "Product and form: powder, capsules.",
        "Reasons for use: pain, anxiety, low mood.",
        // Today's answers yyyyyynyyyy: only the 7th (activities) is no, 10 of 11 yes,
        // so the one no answer is named instead of ten yes answers.
        "Latest: 10 of 11, reported on 10 Mar 2026. Yes to all but: gave up or cut back activities because of use.",
        "Previous: 6 of 11, reported on 8 Mar 2026.",
        "Is it safe to keep taking loperamide?",
        "Could something help me sleep?",
        "How long do cravings usually last?",
        "First day without. Restless, cold sweats in the evening.",
        "Legs restless all night; loperamide helped.",
        "Could not eat much for three days; drinking water and broth.",
        "Sleeping about five hours now. Cravings worst in the late afternoon.",
        "muscle aches",
        "involuntary limb movements",
        "trouble sleeping",
        "nausea",
        "diarrhea",
        "sweating",
        "runny nose / watery eyes",
        "cravings",
        "anxiety",
        "agitation / restlessness",
        "irritability",
        "low or depressed mood",
        "Sleep: mean 6.1 h over 33 nights",
        "Patient-reported. This is a record of what the person noted, not a diagnosis or medical advice.",
    ];

    /// What the fullest summary shows somewhere, on page 1 or the marked
    /// page 2: nothing is cut.
    pub const FULLEST_SHOWS: &[&str] = &[
        "involuntary limb movements",
        "low or depressed mood",
        "hot and cold flushes",
        "stomach cramps",
        "poor appetite",
        "powder + capsules",
        "First day without. Restless, cold sweats in the evening.",
        "Could not eat much for three days; drinking water and broth.",
        "Cravings worst in the late afternoon.",
        "How long do cravings usually last?",
        "Sleep: mean 6.1 h over 33 nights",
        "Patient-reported. This is a record of what the person noted, not a diagnosis or medical advice.",
    ];

    /// Adds answers to the earlier seven-question check at `at`, as a
    /// journal from before `self-check` holds them: the command line no
    /// longer records that check.
    pub fn earlier_signs(&self, answers: &[bool], at: &str) {
        let mut journal = match std::fs::read(&self.path) {
            Ok(bytes) => easeoff::store::parse_bytes(&bytes).expect("the journal parses"),
            Err(_) => easeoff::journal::Journal::new(),
        };
        let at = easeoff::journal::Stamp::parse_from_rfc3339(at).expect("a time");
        journal.record_signs(answers, at).expect("seven answers");
        std::fs::create_dir_all(self.folder()).unwrap();
        std::fs::write(&self.path, easeoff::store::serialize(&journal)).unwrap();
    }

    /// The binary, pointed at this journal, at the fixed "now".
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("easeoff").expect("binary");
        cmd.env("EASEOFF_DATA_FILE", &self.path).env("EASEOFF_NOW", &self.now).env_remove("NO_COLOR");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Command {
        let mut cmd = self.cmd();
        cmd.args(args);
        cmd
    }

    /// Runs and returns standard output, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args).output().expect("run");
        assert!(out.status.success(), "easeoff {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs, expects exit `code`, and returns standard error.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args).output().expect("run");
        assert_eq!(out.status.code(), Some(code), "easeoff {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stderr).expect("utf-8")
    }

    pub fn bytes(&self) -> Option<Vec<u8>> {
        std::fs::read(&self.path).ok()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.bytes().expect("journal exists")).expect("journal parses")
    }

    pub fn folder(&self) -> &Path {
        self.path.parent().unwrap()
    }
}
/// Checks a printed summary, given each page's text (white space runs as
/// one space): a single page says nothing of another; a longer one ends
/// page 1 with "continued on page 2" and heads page 2 as its continuation,
/// with the period. `first` must be on page 1, `somewhere` on some page.
pub fn check_pages(pages: &[String], period: &str, first: &[&str], somewhere: &[&str], what: &str) {
    let header = format!("Withdrawal symptom summary — page 2 (continued) · Period: {period}");
    match pages {
        [one] => assert!(!one.contains("continued"), "{what}: one page says nothing of another:\n{one}"),
        [one, two] => {
            assert!(one.contains("continued on page 2"), "{what}: page 1 says a page follows:\n{one}");
            assert!(!one.contains("(continued)"), "{what}: page 1 is not marked as a continuation");
            assert!(two.contains(&header), "{what}: page 2 says what it belongs to:\n{two}");
            assert!(!two.contains("continued on page"), "{what}: no page follows the last");
        }
        _ => panic!("{what}: {} pages", pages.len()),
    }
    let page_one = pages.first().map_or("", String::as_str);
    for s in first {
        assert!(page_one.contains(s), "{what}: {s:?} missing from page 1:\n{page_one}");
    }
    let all = pages.join(" ");
    for s in somewhere {
        assert!(all.contains(s), "{what}: {s:?} is on no page:\n{all}");
    }
}

pub mod session;
