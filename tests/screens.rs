//! The Doses and Course screens as a person sees them, at 80×24 (where the
//! problems of issue 12 were seen) and 120×40: the plan's whole future and a
//! gram scale on Doses; Course charts that start where the journal does,
//! dose bars on their own labelled gram scale, bands told apart without
//! colour, and a legend that fits.

use easeoff::journal::{Dose, Journal, Stamp};
use easeoff::store::{Access, Store};
use easeoff::tui::{self, App, Clock, Screen, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NOW: &str = "2026-03-10T09:00:00+01:00";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn now() -> Stamp {
    Stamp::parse_from_rfc3339(NOW).unwrap()
}

/// The app on `journal` in its own folder, at `at`.
fn app_on(journal: &Journal, at: Stamp) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let (mut store, _) = Store::open(&path, Access::Write, at).unwrap();
    store.save(journal, at).unwrap();
    drop(store);
    let app = tui::open(&path, Clock::Fixed(at), Theme::new(false)).unwrap();
    (dir, app)
}

/// The app on a demo journal of `days` days.
fn demo_app(days: u32) -> (tempfile::TempDir, App) {
    app_on(&easeoff::demo::generate(days, 1, now()), now())
}

fn scenario_app(scenario: &easeoff::scenarios::Scenario) -> (tempfile::TempDir, App) {
    app_on(&scenario.journal, scenario.now)
}

/// What the person sees: the whole screen as text, one line a row.
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(&app.model, frame.area())).unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buffer.cell((x, y)).map_or(" ", |c| c.symbol()));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

fn on(app: &mut App, shown: Screen) {
    app.model.screen = shown;
}

#[test]
fn look() {
    for (name, mut app) in [
        ("short", demo_app(11).1),
        ("demo", demo_app(42).1),
        ("taper", scenario_app(&easeoff::scenarios::tapering()).1),
        ("lapse", scenario_app(&easeoff::scenarios::lapse()).1),
    ] {
        for s in [Screen::Course, Screen::Doses] {
            on(&mut app, s);
            for (w, h) in SIZES {
                println!("== {name} {s:?} {w}x{h}\n{}", screen(&app, w, h));
            }
        }
    }
    let _ = Dose { at: now(), grams: 1.0, form: None, note: None };
}
