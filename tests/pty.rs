//! The real binary in a real pseudo-terminal: the main path a person takes.
//! Rate two symptoms, write a note, quit, and find it all in the saved JSON;
//! and the terminal is given back (alternate screen left, cursor shown).

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Env;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running easeoff in a pseudo-terminal (120×40 unless said), with its
/// screen parsed.
struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(env: &Env, args: &[&str]) -> Self {
        Self::start_sized(env, args, 40, 120)
    }

    fn start_sized(env: &Env, args: &[&str], rows: u16, cols: u16) -> Self {
        let pty = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("easeoff"));
        cmd.args(args);
        cmd.env("EASEOFF_DATA_FILE", &env.path);
        cmd.env("EASEOFF_NOW", common::NOW);
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (screen_in, raw_in) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&chunk[..n]);
                raw_in.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // Keep the master open for the life of the session.
        std::mem::forget(pty.master);
        Self { screen, raw, writer, child }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text` (the app answers in milliseconds;
    /// the generous limit only keeps a broken build from hanging the suite).
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(start.elapsed() < Duration::from_secs(20), "never saw {text:?} on screen:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

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
    app.keys("\x1b");
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
    let raw = String::from_utf8_lossy(&app.raw.lock().unwrap()).into_owned();
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
    app.wait_for("this one is 40×12");
    app.keys("q");
    assert!(app.child.wait().unwrap().success());
    assert_eq!(env.bytes().unwrap(), before, "the 3 pressed under the notice rated nothing");
}
