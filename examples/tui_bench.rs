//! Speed of the full-screen app, each figure beside a floor measured in the
//! same run (the machine's speed drifts).
//!
//! `cargo build --release --examples && cargo run --release --example tui_bench`
//! prints:
//! - launch to the first complete frame of the release binary in a 120×40
//!   pseudo-terminal, with an empty, a one-year and the ten-year journal
//!   (median of 15 launches each, interleaved with the floor: `examples/floor`
//!   printing the word the harness waits for), as a ratio to the floor, and
//!   beside it the floor reading the journal before it prints (`floor
//!   --read`): the least any launch must do, and the least full-screen
//!   ratatui app (set the terminal up, draw one frame, restore
//!   it, `examples/floor_tui`), what any ratatui app pays before its own
//!   work;
//! - a rating key press on the ten-year journal, through `update` and the
//!   frame it draws on a 120×40 `TestBackend` (median of 200) — the save it
//!   schedules runs after the frame, and is timed on its own.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use easeoff::journal::Stamp;
use easeoff::store::{Access, Store};
use easeoff::tui::{self, Clock, Theme};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const NOW: &str = "2026-03-10T09:00:00+01:00";

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// What is launched: the floor, the floor reading the journal first (the
/// least any launch must do before its first frame), or the app.
#[derive(Clone, Copy, PartialEq)]
enum Who {
    Floor,
    FloorReading,
    FloorTui,
    App,
}

/// Milliseconds from spawning the binary until the footer of the first frame
/// (the last line drawn) is on the pseudo-terminal.
fn first_frame_ms(journal: &std::path::Path, who: Who) -> f64 {
    let exe = std::env::current_exe().expect("path");
    let binary = match who {
        Who::App => exe.with_file_name("../easeoff"),
        Who::FloorTui => exe.with_file_name("floor_tui"),
        Who::Floor | Who::FloorReading => exe.with_file_name("floor"),
    };
    let pty =
        native_pty_system().openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 }).expect("pty");
    let mut cmd = CommandBuilder::new(binary);
    match who {
        Who::Floor | Who::FloorTui => cmd.arg("quit"),
        Who::FloorReading => cmd.args(["--read".as_ref(), journal.as_os_str(), "quit".as_ref()]),
        Who::App => {}
    }
    cmd.env("EASEOFF_DATA_FILE", journal);
    cmd.env("EASEOFF_NOW", NOW);
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut seen = Vec::new();
    let mut chunk = [0u8; 16384];
    let elapsed = loop {
        let n = reader.read(&mut chunk).expect("read");
        seen.extend_from_slice(&chunk[..n]);
        if String::from_utf8_lossy(&seen).contains("quit") {
            break start.elapsed();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no frame");
    };
    let mut writer = pty.master.take_writer().expect("writer");
    let _ = writer.write_all(b"q");
    let _ = child.wait();
    elapsed.as_secs_f64() * 1000.0
}

fn main() {
    let now = Stamp::parse_from_rfc3339(NOW).expect("fixed time");
    let dir = tempfile::tempdir().expect("temp dir");
    let ten = dir.path().join("ten-years.json");
    let (mut store, _) = Store::open(&ten, Access::Write, now).expect("open");
    store.save(&easeoff::demo::generate(3650, 1, now), now).expect("save");
    drop(store);
    let empty = dir.path().join("empty.json");
    let (mut store, _) = Store::open(&empty, Access::Write, now).expect("open");
    store.start_empty(now).expect("empty");
    drop(store);

    let year = dir.path().join("one-year.json");
    let (mut store, _) = Store::open(&year, Access::Write, now).expect("open");
    store.save(&easeoff::demo::generate(365, 1, now), now).expect("save");
    drop(store);

    for (name, path) in [("empty journal", &empty), ("one-year journal", &year), ("ten-year journal", &ten)] {
        let (mut app, mut floor, mut reading, mut tui) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..15 {
            floor.push(first_frame_ms(path, Who::Floor));
            reading.push(first_frame_ms(path, Who::FloorReading));
            tui.push(first_frame_ms(path, Who::FloorTui));
            app.push(first_frame_ms(path, Who::App));
        }
        let (app, floor, reading, tui) = (median(app), median(floor), median(reading), median(tui));
        println!(
            "launch to first frame, 120x40 pty, {name}: median {app:.1} ms = {:.1}x floor ({floor:.1} ms); \
             the floor reading the journal first: {reading:.1} ms = {:.1}x floor; \
             the least ratatui app: {tui:.1} ms = {:.1}x floor",
            app / floor,
            reading / floor,
            tui / floor
        );
    }

    // A rating key press on the ten-year journal: update and the frame it
    // draws (the save it schedules runs after the frame), then the save.
    let mut app = tui::open(&ten, Clock::Fixed(now), Theme::new(true)).expect("app");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let (mut to_frame, mut saves) = (Vec::new(), Vec::new());
    for i in 0..200 {
        let key = KeyEvent::new(KeyCode::Char(if i % 2 == 0 { '3' } else { '2' }), KeyModifiers::NONE);
        let start = Instant::now();
        app.on_key(key);
        terminal.draw(|f| f.render_widget(&app.model, f.area())).expect("draw");
        to_frame.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        app.perform();
        saves.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!("rating key press to its frame, ten-year journal: median {:.2} ms", median(to_frame));
    println!("the save it schedules, after the frame: median {:.2} ms", median(saves));
}
