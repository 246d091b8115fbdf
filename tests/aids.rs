//! Aids through the real binary: every way of writing an amount, what is
//! stored (the catalog id, the amount in one unit, the text as typed), the
//! day's sum and the summary's label check, removing entries and clearing
//! sleep and notes without touching the rest of the day, and refusals that
//! leave the journal byte for byte as it was.

mod common;

use common::Env;
use serde_json::{Value, json};

/// The summary's text with its line breaks undone, to find a sentence.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Logs one aid today on a fresh journal and returns the stored entry.
fn stored(typed: &str) -> Value {
    let env = Env::new();
    env.ok(&["log", "--aid", typed]);
    env.json()["days"]["2026-03-10"]["aids"][0].clone()
}

#[test]
fn every_spelling_is_stored_as_the_catalog_id_in_one_unit_with_the_text_as_typed() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("loperamide 4 mg", "loperamide", 4.0, "mg"),
        ("loperamide 4mg", "loperamide", 4.0, "mg"),
        ("loperamide 0.004 g", "loperamide", 4.0, "mg"),
        ("loperamide 6 tablets", "loperamide", 12.0, "mg"),
        ("imodium 10 mg", "loperamide", 10.0, "mg"),
        ("Imodium A-D 2 caplets", "loperamide", 4.0, "mg"),
        ("Diamode 1 tab", "loperamide", 2.0, "mg"),
        ("loperamide hcl 2mg x2", "loperamide", 4.0, "mg"),
        ("loperamide 2 x 2 mg", "loperamide", 4.0, "mg"),
        ("loperamide 2 × 2 mg", "loperamide", 4.0, "mg"),
        ("loperamide 2mg x2", "loperamide", 4.0, "mg"),
        ("clonidine 1,5 mg", "clonidine", 1.5, "mg"),
        ("clonidine 0.1 mg", "clonidine", 0.1, "mg"),
        ("melatonin 400 mcg", "melatonin", 0.4, "mg"),
        ("melatonin 400 µg", "melatonin", 0.4, "mg"),
        ("melatonin 400 ug", "melatonin", 0.4, "mg"),
        ("Advil 2 tablets", "ibuprofen", 400.0, "mg"),
        ("aleve 1 caplet", "naproxen", 220.0, "mg"),
        ("Benadryl 2 softgels", "diphenhydramine", 50.0, "mg"),
        ("paracetamol 2 caplets", "acetaminophen", 2.0, "count"),
        ("magnesium 2 capsules", "magnesium", 2.0, "count"),
        ("imodium 15 ml", "loperamide", 15.0, "ml"),
        ("vitamin d3 1000 IU", "vitamin-d", 1000.0, "IU"),
        ("Kava Root 2 caps", "kava root", 2.0, "count"),
    ];
    for (typed, name, amount, unit) in cases {
        let aid = stored(typed);
        assert_eq!(aid, json!({"name": name, "amount": amount, "unit": unit, "typed": typed}), "{typed}");
    }
}

#[test]
fn every_word_for_a_tablet_counts_singular_or_plural() {
    let env = Env::new();
    let words = ["tablet", "tablets", "tab", "tabs", "caplet", "caplets", "capsule", "capsules", "cap", "caps"];
    let more = ["softgel", "softgels", "pill", "pills"];
    for word in words.iter().chain(&more) {
        env.ok(&["log", "--aid", &format!("loperamide 1 {word}")]);
    }
    let aids = env.json()["days"]["2026-03-10"]["aids"].as_array().unwrap().clone();
    assert_eq!(aids.len(), 14);
    assert!(aids.iter().all(|a| a["amount"] == 2.0 && a["unit"] == "mg"), "{aids:?}");
}

#[test]
fn saving_says_what_it_counts_as_and_how() {
    let env = Env::new();
    let out = env.ok(&["log", "--aid", "Imodium 6 tablets", "--aid", "loperamide 0.004 g", "--aid", "kava 2 caps"]);
    assert!(
        out.contains(
            "Saved 2026-03-10: loperamide 12 mg (Imodium 6 tablets: 6 pills × 2 mg, the usual strength; if yours differ, log mg), \
             loperamide 4 mg (as typed: loperamide 0.004 g), kava 2 pills (as typed: kava 2 caps), \
             not in easeoff's list of aids, kept as typed."
        ),
        "{out}"
    );
    assert!(!out.contains("0 g"), "a small amount in g is never shown as 0 g: {out}");
}

#[test]
fn the_day_sums_each_aid_in_mg_and_the_summary_checks_it_against_the_label() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    for typed in ["Imodium 2 tablets", "loperamide 0.004 g", "loperamide hcl 2mg x2"] {
        env.ok(&["log", "--aid", typed]);
    }
    env.ok(&["log", "--date", "yesterday", "--aid", "loperamide 6 tablets"]);
    env.ok(&["log", "--date", "-2", "--aid", "imodium 2 mg", "--aid", "tylenol 2 caplets", "--aid", "tylenol 500 mg"]);
    let report = flat(&env.ok(&["report", "--from", "2026-03-08"]));
    assert!(report.contains("loperamide: 3 days — 26 mg, up to 12 mg/day"), "{report}");
    for day in ["Mon 9 Mar", "Tue 10 Mar"] {
        assert!(
            report
                .contains(&format!("Loperamide 12 mg on {day} — above the 8 mg a day on the over-the-counter label.")),
            "6 tablets count as 12 mg, 0.004 g as 4 mg, in the box at the top:\n{report}"
        );
    }
    assert!(
        report.contains(
            "acetaminophen: 1 day — 500 mg, up to 500 mg/day; 2 pills, up to 2 pills/day; \
             not in mg on 1 day, so those could not be checked against the label"
        ),
        "a count never goes into mg:\n{report}"
    );
}

#[test]
fn the_raw_entries_stay_visible_in_show_and_the_csv() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1", "--aid", "Imodium 2 x 2mg", "--aid", "magnesium 400 mg"]);
    let table = env.ok(&["show", "--from", "2026-03-10"]);
    assert!(table.contains("Imodium 2 x 2mg (loperamide 4 mg), magnesium 400 mg"), "{table}");
    let csv = env.ok(&["export", "--format", "csv"]);
    assert!(csv.contains("Imodium 2 x 2mg (loperamide 4 mg); magnesium 400 mg"), "{csv}");
}

#[test]
fn aids_written_before_the_catalog_load_display_and_count() {
    let env = Env::new();
    std::fs::create_dir_all(env.folder()).unwrap();
    // Entries as the release before this one wrote them: name, amount, unit.
    let old = r#"{
  "format": "easeoff-journal",
  "version": 2,
  "days": {
    "2026-03-09": {"aids":[{"name":"imodium","amount":6.0,"unit":"tablets"},{"name":"loperamide","amount":4.0,"unit":"mg"},{"name":"magnesium","amount":2.0}]}
  }
}
"#;
    std::fs::write(&env.path, old).unwrap();
    let table = env.ok(&["show", "--from", "2026-03-09", "--to", "2026-03-09"]);
    assert!(table.contains("imodium 6 tablets (loperamide 12 mg), loperamide 4 mg, magnesium 2"), "{table}");
    let report = flat(&env.ok(&["report", "--from", "2026-03-09"]));
    assert!(report.contains("Loperamide 16 mg on Mon 9 Mar — above the 8 mg a day"), "{report}");
    assert_eq!(env.bytes().unwrap(), old.as_bytes(), "reading does not rewrite the file");
}

/// A day with everything, for "the rest of the day is untouched".
fn full_day(env: &Env) {
    env.ok(&[
        "log",
        "--date",
        "yesterday",
        "anxiety=2",
        "nausea=1",
        "--sleep",
        "5",
        "--note",
        "Rough night",
        "--for-provider",
        "--aid",
        "Imodium 2 tablets",
        "--aid",
        "magnesium 400 mg",
        "--aid",
        "loperamide 2 mg",
    ]);
}

fn yesterday(env: &Env) -> Value {
    env.json()["days"]["2026-03-09"].clone()
}

fn without(mut day: Value, key: &str) -> Value {
    day.as_object_mut().unwrap().remove(key);
    day
}

#[test]
fn remove_aid_takes_every_entry_of_that_aid_and_nothing_else() {
    let env = Env::new();
    full_day(&env);
    let before = yesterday(&env);
    let out = env.ok(&["log", "--date", "yesterday", "--remove-aid", "imodium"]);
    assert!(
        out.contains(
            "Saved 2026-03-09: removed 2 entries of imodium (Imodium 2 tablets (loperamide 4 mg), loperamide 2 mg)."
        ),
        "{out}"
    );
    let after = yesterday(&env);
    assert_eq!(
        after["aids"],
        json!([{"name": "magnesium", "amount": 400.0, "unit": "mg", "typed": "magnesium 400 mg"}])
    );
    assert_eq!(without(after, "aids"), without(before, "aids"), "ratings, sleep and note untouched");

    let out = env.ok(&["log", "--date", "yesterday", "--remove-aid", "Magnesium"]);
    assert!(out.contains("removed 1 entry of Magnesium (magnesium 400 mg)"), "{out}");
    assert!(yesterday(&env).get("aids").is_none());
}

#[test]
fn remove_then_add_in_one_command_replaces_an_entry() {
    let env = Env::new();
    full_day(&env);
    env.ok(&["log", "--date", "yesterday", "--remove-aid", "magnesium", "--aid", "magnesium 200 mg"]);
    let aids = yesterday(&env)["aids"].clone();
    let magnesium: Vec<&Value> = aids.as_array().unwrap().iter().filter(|a| a["name"] == "magnesium").collect();
    assert_eq!(magnesium.len(), 1);
    assert_eq!(magnesium[0]["amount"], 200.0);
}

#[test]
fn clear_sleep_and_clear_note_leave_the_rest_of_the_day() {
    let env = Env::new();
    full_day(&env);
    let before = yesterday(&env);
    let out = env.ok(&["log", "--date", "yesterday", "--clear", "sleep"]);
    assert!(out.contains("Saved 2026-03-09: sleep not recorded."), "{out}");
    let after = yesterday(&env);
    assert!(after.get("sleep").is_none());
    assert_eq!(after, without(before.clone(), "sleep"));

    let out = env.ok(&["log", "--date", "yesterday", "--clear", "note", "--clear", "anxiety"]);
    assert!(out.contains("anxiety not recorded, note removed"), "{out}");
    let after = yesterday(&env);
    assert!(after.get("note").is_none());
    assert!(after["ratings"].get("anxiety").is_none());
    assert_eq!(after["ratings"]["nausea"], 1);
    assert_eq!(after["aids"], before["aids"]);
}

#[test]
fn an_item_of_your_own_called_sleep_keeps_its_meaning_and_new_ones_may_not_take_it() {
    let env = Env::new();
    let err = env.fails(&["symptoms", "add", "sleep", "--label", "sleep quality", "--kind", "physical"], 2);
    assert!(err.contains("'sleep' is kept for `easeoff log --clear sleep`"), "{err}");
    let err = env.fails(&["symptoms", "add", "note", "--label", "x", "--kind", "physical"], 2);
    assert!(err.contains("kept for"), "{err}");
}

#[test]
fn refusals_say_why_and_what_is_allowed_and_change_nothing() {
    let env = Env::new();
    full_day(&env);
    let before = env.bytes().unwrap();
    let allowed = "Write the name, then the amount in mg, g, mcg (µg, ug), ml or IU, or as a number of tablets";
    let cases: &[(&[&str], &str)] = &[
        (&["log", "--aid", "loperamide"], "there is no amount"),
        (&["log", "--aid", "loperamide 6"], "6 has no unit (mg? tablets?)"),
        (&["log", "--aid", "4 mg"], "there is no name before the amount"),
        (&["log", "--aid", "4 mg loperamide"], "the name goes first"),
        (&["log", "--aid", "loperamide 0 mg"], "an amount must be more than 0"),
        (&["log", "--aid", "loperamide -4 mg"], "an amount must be more than 0"),
        (&["log", "--aid", "loperamide 0.0001 mg"], "an amount must be more than 0"),
        (&["log", "--aid", "loperamide 200 g"], "at most 100 g"),
        (&["log", "--aid", "loperamide 500 tablets"], "at most 100 tablets"),
        (&["log", "--aid", "kava 3 drops"], "'drops' is not a unit easeoff knows"),
        (&["log", "--aid", "loperamide 2 x 2 mg x 2"], "give the number of times once"),
        (&["log", "--aid", "loperamide 1.5 x 2 mg"], "a whole number from 1 to 100"),
        (&["log", "--aid", "loperamide 1.2.3 mg"], "'1.2.3' is not a number"),
    ];
    for (args, why) in cases {
        let err = env.fails(args, 2);
        assert!(err.contains(why) && err.contains(allowed), "easeoff {args:?}: {err}");
        assert_eq!(env.bytes().unwrap(), before, "easeoff {args:?} changed the journal");
    }
    let other: &[(&[&str], &str)] = &[
        (&["log", "--remove-aid", "ibuprofen"], "there is no 'ibuprofen' on 2026-03-10: no aids are logged that day"),
        (
            &["log", "--date", "yesterday", "--remove-aid", "ibuprofen"],
            "there is no 'ibuprofen' on 2026-03-09: that day has loperamide, magnesium",
        ),
        (&["log", "--date", "yesterday", "--remove-aid", "magnesium", "--remove-aid", "kava"], "no 'kava'"),
        (&["log", "--date", "yesterday", "--sleep", "5", "--clear", "sleep"], "cannot be given and cleared at once"),
        (&["log", "--date", "yesterday", "--note", "x", "--clear", "note"], "cannot be given and cleared at once"),
        (&["log", "--clear", "sleepy"], "unknown symptom 'sleepy' (did you mean 'sleep'?): --clear takes an item id"),
    ];
    for (args, why) in other {
        let err = env.fails(args, 2);
        assert!(err.contains(why), "easeoff {args:?}: {err}");
        assert_eq!(env.bytes().unwrap(), before, "easeoff {args:?} changed the journal");
    }
}

#[test]
fn a_slip_that_would_escape_the_label_check_is_refused_with_what_to_write() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let before = env.bytes().unwrap();
    for (aid, said) in [
        ("lopramide 4 mg", "'lopramide' is not in the catalog (did you mean loperamide?)"),
        ("imodim 2 mg", "(did you mean loperamide?)"),
        ("loperamide 1/2 tab", "fractions are not read: write 0.5 tablet"),
        ("ibuprofen 200 mg x 2 tablets", "it holds more than one amount"),
        ("ibuprofen 2 tablets of 400 mg", "it holds more than one amount"),
        ("loperamide 2 mg 2 mg", "it holds more than one amount"),
        ("kratom 5 g", "kratom itself goes in the dose log, in grams: easeoff dose 5"),
    ] {
        let err = env.fails(&["log", "--aid", aid], 2);
        assert!(err.contains(said), "{aid}: {err}");
        assert_eq!(env.bytes().unwrap(), before, "{aid} changed the journal");
    }
    // Names the catalog does not know and that are not a slip stay as typed.
    for aid in ["zinc 50 mg", "5-htp 100 mg", "omega-3 1000 mg"] {
        env.ok(&["log", "--aid", aid]);
    }
}
