//! The real binary in a real pseudo-terminal: the main path a person takes.
//! Rate two symptoms, write a note, quit, and find it all in the saved JSON;
//! and the terminal is given back (alternate screen left, cursor shown).

mod common;

use common::Env;
use common::session::Session;
use std::time::{Duration, Instant};

#[test]
fn rate_two_items_write_a_note_and_quit_in_a_real_terminal() {
    let env = Env::new();
    env.ok(&["last-use", "--at", "2026-03-07 22:00"]);
    let mut app = Session::start(&env, &[]);
    app.wait_for("Day 3 since your last dose");
    app.wait_for("muscle aches");

    app.keys("3");
    app.wait_for("3 severe");
    app.keys("j");
    app.keys("2");
    app.wait_for("2 moderate");
    app.keys("n");
    app.wait_for("Note for Tuesday 10 March");
    app.keys("Could not sleep.");
    app.keys("\t");
    app.wait_for("[x] for my provider");
    // Ctrl-S saves the note.
    app.keys("\x13");
    app.wait_for("Note saved.");
    app.keys("q");
    let status = app.child.wait().unwrap();
    assert!(status.success(), "the app exits cleanly");

    let journal = env.json();
    let day = &journal["days"]["2026-03-10"];
    assert_eq!(day["ratings"]["muscle-aches"], 3);
    assert_eq!(day["ratings"]["limb-movements"], 2);
    assert_eq!(day["note"]["text"], "Could not sleep.");
    assert_eq!(day["note"]["for_provider"], true);

    // The terminal is given back: the alternate screen is left and the
    // cursor shown again.
    // The reader thread may still be taking the last bytes the app wrote.
    let start = Instant::now();
    let raw = loop {
        let raw = String::from_utf8_lossy(&app.raw.lock().unwrap()).into_owned();
        if raw.contains("\x1b[?1049l") || start.elapsed() > Duration::from_secs(5) {
            break raw;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    let entered = raw.rfind("\x1b[?1049h").expect("entered the alternate screen");
    assert!(left > entered);
    assert!(raw[left..].contains("\x1b[?25h") || raw[..left].rfind("\x1b[?25h") > raw[..left].rfind("\x1b[?25l"));
}

#[test]
fn the_demo_opens_on_a_temporary_journal_and_never_touches_the_real_one() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let before = env.bytes().unwrap();
    let mut app = Session::start(&env, &["demo"]);
    app.wait_for("Day 21 since your last dose");
    app.keys("4");
    app.wait_for("4 extreme");
    app.keys("\t");
    app.wait_for("Usual band:");
    app.keys("q");
    assert!(app.child.wait().unwrap().success());
    assert_eq!(env.bytes().unwrap(), before);
}

#[test]
fn in_a_small_real_terminal_bang_still_shows_the_help_and_other_keys_do_nothing() {
    let env = Env::new();
    env.ok(&["settings", "country", "AU"]);
    let before = env.bytes().unwrap();
    let mut app = Session::start_sized(&env, &[], 12, 40);
    app.wait_for("! help · q quit");
    app.keys("3");
    app.keys("!");
    app.wait_for("When to get help");
    app.wait_for("call 000 now");
    app.keys("\x1b");
    app.wait_for("The window is 40×12");
    app.keys("q");
    assert!(app.child.wait().unwrap().success());
    assert_eq!(env.bytes().unwrap(), before, "the 3 pressed under the notice rated nothing");
}

#[test]
fn a_long_paste_into_the_note_is_taken_whole_and_saved_with_one_ctrl_s() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let mut app = Session::start(&env, &[]);
    app.wait_for("muscle aches");
    app.keys("n");
    app.wait_for("Note for Tuesday 10 March");
    // 3,000 characters over 60 lines, pasted as a terminal pastes them
    // (bracketed), line breaks as carriage returns.
    let lines: Vec<String> = (0..60).map(|i| format!("{i:02} {}", "restless legs, slept badly ".repeat(2))).collect();
    let text = lines.join("\n");
    assert!(text.chars().count() >= 3000, "{}", text.chars().count());
    app.keys(&format!("\x1b[200~{}\x1b[201~", lines.join("\r")));
    app.keys("\x13");
    app.wait_for("Note saved.");
    app.keys("q");
    assert!(app.child.wait().unwrap().success());
    assert_eq!(env.json()["days"]["2026-03-10"]["note"]["text"], text.trim());
}

#[test]
fn the_journal_folder_removed_while_the_app_runs_is_made_again_and_lost_changes_exit_non_zero() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let mut app = Session::start(&env, &[]);
    app.wait_for("muscle aches");
    // The folder disappears: the next save makes it again, 0700.
    std::fs::remove_dir_all(env.folder()).unwrap();
    app.keys("3");
    app.wait_for("3 severe");
    let start = Instant::now();
    while env.bytes().is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "the journal was not saved again");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::metadata(env.folder()).unwrap().permissions().mode() & 0o777, 0o700);
    assert_eq!(env.json()["days"]["2026-03-10"]["ratings"]["muscle-aches"], 3);
    // Now a file stands where the folder was: the save fails, quitting asks,
    // and choosing to lose the change exits non-zero, saying so.
    std::fs::remove_dir_all(env.folder()).unwrap();
    std::fs::write(env.folder(), b"not a folder").unwrap();
    app.keys("j2");
    app.wait_for("Not saved");
    app.keys("q");
    app.wait_for("1 change could not be saved. Quit anyway and lose it?");
    app.keys("y");
    let status = app.child.wait().unwrap();
    assert_eq!(status.exit_code(), 1, "changes were lost");
    std::fs::remove_file(env.folder()).unwrap();
}
