//! The Doses and Course screens as a person sees them, at 80×24 (where the
//! problems of issue 12 were seen) and 120×40: the plan's whole future and a
//! gram scale on Doses; Course charts that start where the journal does,
//! dose bars on their own labelled gram scale, bands told apart without
//! colour, and a legend that fits.

use easeoff::journal::plan::{Cut, PlanSpec};
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

/// The screen's cells, row by row.
fn cells(app: &App, width: u16, height: u16) -> Vec<Vec<String>> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(&app.model, frame.area())).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer.cell((x, y)).map_or(" ", |c| c.symbol()).to_owned()).collect())
        .collect()
}

/// What the person sees: the whole screen as text, one line a row.
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut text = String::new();
    for row in cells(app, width, height) {
        text.push_str(row.concat().trim_end());
        text.push('\n');
    }
    text
}

fn on(app: &mut App, shown: Screen) {
    app.model.screen = shown;
}

/// A journal of daily doses from 1 to 9 Mar, alternating 7.5 g and 7 g,
/// with a plan holding 7.25 g from 1 Mar; now 9 Mar 21:00.
fn around_the_target() -> (Journal, Stamp) {
    let at = |text: &str| Stamp::parse_from_rfc3339(text).unwrap();
    let mut journal = Journal::new();
    for day in 1..=9 {
        let grams = if day % 2 == 1 { 7.5 } else { 7.0 };
        let dose = Dose { at: at(&format!("2026-03-{day:02}T09:00:00+01:00")), grams, form: None, note: None };
        journal.add_dose(dose, at("2026-03-09T21:00:00+01:00")).unwrap();
    }
    let spec = PlanSpec {
        from_grams: 7.25,
        cut: Cut::Percent(10.0),
        every_days: 14,
        start: "2026-03-01".parse().unwrap(),
        floor_grams: 0.5,
        round_grams: 0.25,
    };
    journal.new_plan(spec, at("2026-03-01T08:00:00+01:00")).unwrap();
    (journal, at("2026-03-09T21:00:00+01:00"))
}

// ---------------------------------------------------------------- Doses

#[test]
fn doses_shows_the_plans_whole_future_and_a_gram_scale() {
    let scenario = easeoff::scenarios::tapering();
    for (w, h) in SIZES {
        let (_dir, mut app) = scenario_app(&scenario);
        on(&mut app, Screen::Doses);
        let shown = screen(&app, w, h);
        let plan = app.model.journal.plan().unwrap().clone();
        let today = scenario.now.date_naive();
        assert!(shown.contains("Plan ahead") && shown.contains("Now 4 g a day, since 5 Mar"), "{shown}");
        for step in plan.targets.iter().filter(|t| t.start > today && t.grams > 0.0) {
            let cell = format!("{} {} g", step.start.format("%-d %b"), easeoff::journal::format_number(step.grams));
            assert!(shown.contains(&cell), "every step to come, {cell}, at {w}×{h}: {shown}");
        }
        let end = plan.ends().unwrap();
        assert!(shown.contains(&format!("Ends {}: 0 g.", end.format("%a %-d %b %Y"))), "{shown}");
        assert!(shown.contains(" 4 g┤") && shown.contains(" 2 g┤") && shown.contains(" 0 g┤"), "a gram scale: {shown}");
        for word in ["▲ chosen day", "L last dose", "▼ step down", "─ target"] {
            assert!(shown.contains(word), "the legend whole at {w}×{h}: {word}: {shown}");
        }
        insta::assert_snapshot!(format!("doses_taper_{w}x{h}"), shown);
    }
}

#[test]
fn a_target_stands_beside_its_bar_and_never_makes_it_look_shorter() {
    let (journal, at) = around_the_target();
    let (_dir, mut app) = app_on(&journal, at);
    on(&mut app, Screen::Doses);
    for (w, h) in SIZES {
        let rows = cells(&app, w, h);
        let shown = screen(&app, w, h);
        assert!(shown.contains("Daily totals, 1 Mar to"), "the bars start with the journal: {shown}");
        // More steps than rows at 80×24: what is left out is said, whole,
        // and the end date is always there.
        assert!(shown.contains("Ends Sun 6 Dec 2026: 0 g."), "{shown}");
        if w == 80 {
            assert!(shown.contains("… 5 more, down to 0.5 g"), "{shown}");
        }
        // The bars' columns, left to right, are 1 Mar, 2 Mar, …: each holds
        // a bar whose top cell is a whole █, with the target one column right.
        let bar_columns: Vec<usize> =
            (0..usize::from(w)).filter(|x| rows.iter().take(12).any(|row| row[*x] == "█")).collect();
        assert_eq!(bar_columns.len(), 9, "nine days of doses: {shown}");
        for (day, x) in bar_columns.into_iter().enumerate() {
            let top = rows.iter().position(|row| row[x] == "█").unwrap();
            let target = rows.iter().position(|row| row[x + 1] == "─").unwrap();
            let grams = if day % 2 == 0 { 7.5 } else { 7.0 };
            // A 7.5 g bar ends on or above the 7.25 g target's row, a 7 g
            // bar on or below it: never the other way round.
            if grams > 7.25 {
                assert!(top <= target, "{grams} g on 1 Mar + {day}: bar top row {top}, target row {target}: {shown}");
            } else {
                assert!(top >= target, "{grams} g on 1 Mar + {day}: bar top row {top}, target row {target}: {shown}");
            }
        }
        insta::assert_snapshot!(format!("doses_target_beside_bar_{w}x{h}"), screen(&app, w, h));
    }
}

// ---------------------------------------------------------------- Course

/// Every entry of the Course legend, each to be seen whole.
const STOPPED_LEGEND: [&str; 6] =
    ["● physical", "◆ psychological", "░ usual physical", "· usual psychological", "▒ g/day (right scale)", "▼ step"];

/// The column of the panel's border on the chart's top row, and of `mark`
/// on the axis row (the row under `0 ┤`).
fn columns(shown: &str, mark: char) -> (usize, usize) {
    let lines: Vec<&str> = shown.lines().collect();
    let border = lines[3].chars().position(|c| c == '│').unwrap();
    let zero = lines.iter().position(|l| l.starts_with(" 0 ┤")).unwrap();
    let at = lines[zero + 1].chars().position(|c| c == mark).unwrap();
    (border, at)
}

#[test]
fn a_short_journal_fills_the_course_chart() {
    let (_dir, mut app) = demo_app(11);
    on(&mut app, Screen::Course);
    for (w, h) in SIZES {
        let shown = screen(&app, w, h);
        let (border, today) = columns(&shown, '▲');
        // Today is the last day of the journal: near the right of the chart,
        // not a third of the way across with a month of nothing before.
        assert!(today * 10 >= border * 7, "today at column {today} of {border} at {w}×{h}: {shown}");
        for word in STOPPED_LEGEND {
            assert!(shown.contains(word), "the legend whole at {w}×{h}: {word}: {shown}");
        }
        assert!(shown.contains("├6 g") && shown.contains("├3 g") && shown.contains("0 g"), "a gram scale: {shown}");
        insta::assert_snapshot!(format!("course_short_{w}x{h}"), shown);
    }
}

#[test]
fn after_a_stop_the_bands_read_apart_without_colour() {
    let (_dir, mut app) = scenario_app(&easeoff::scenarios::cold_stop());
    on(&mut app, Screen::Course);
    for (w, h) in SIZES {
        app.model.cursor = "2026-03-10".parse().unwrap();
        let shown = screen(&app, w, h);
        let chart: String = shown.lines().skip(3).map(|l| l.split('│').next().unwrap_or("")).collect();
        assert!(chart.contains('░') && chart.contains('·'), "both bands, each its own fill: {shown}");
        assert!(!chart.contains('▓'), "no merged fill: {shown}");
        for word in &STOPPED_LEGEND[..4] {
            assert!(shown.contains(word), "the legend whole at {w}×{h}: {word}: {shown}");
        }
        insta::assert_snapshot!(format!("course_stopped_{w}x{h}"), shown);
        // Back at the stop, the doses before it stand on their own scale.
        app.model.cursor = "2026-02-17".parse().unwrap();
        let shown = screen(&app, w, h);
        for word in STOPPED_LEGEND {
            assert!(shown.contains(word), "the legend whole at {w}×{h}: {word}: {shown}");
        }
        assert!(shown.contains("├6 g") && shown.contains("0 g"), "the dose bars' own scale: {shown}");
        insta::assert_snapshot!(format!("course_stopped_at_the_stop_{w}x{h}"), shown);
    }
}

#[test]
fn while_tapering_targets_and_bars_share_a_labelled_gram_scale() {
    let (_dir, mut app) = scenario_app(&easeoff::scenarios::tapering());
    on(&mut app, Screen::Course);
    for (w, h) in SIZES {
        let shown = screen(&app, w, h);
        for word in ["● physical", "◆ psychological", "▒ g/day (right scale)", "─ target", "▼ cut"] {
            assert!(shown.contains(word), "the legend whole at {w}×{h}: {word}: {shown}");
        }
        assert!(shown.contains("├4 g") && shown.contains("├2 g"), "the gram scale: {shown}");
        let (border, today) = columns(&shown, '▲');
        assert!(today * 10 >= border * 6, "the axis starts with the journal at {w}×{h}: {shown}");
        // 5–9 Mar: 3.5 g bars beside a 4 g target, which stands higher; the
        // target has its own column, never a bar's top cell.
        let rows = cells(&app, w, h);
        let (four, zero) = (
            rows.iter().position(|r| r.concat().starts_with(" 4 ┤")).unwrap(),
            rows.iter().position(|r| r.concat().starts_with(" 0 ┤")).unwrap(),
        );
        let mut beside = 0;
        for y in four..=zero {
            for x in 1..usize::from(w) / 2 {
                if rows[y][x] != "─" {
                    continue;
                }
                assert!(rows.iter().all(|r| r[x] != "▒"), "a target's column holds no bar: {shown}");
                if let Some(top) = rows.iter().position(|r| r[x - 1] == "▒") {
                    assert!(y < top, "the 4 g target stands above the 3.5 g bar beside it: {shown}");
                    beside += 1;
                }
            }
        }
        assert_eq!(beside, 5, "5–9 Mar, each bar with its target: {shown}");
        insta::assert_snapshot!(format!("course_taper_{w}x{h}"), shown);
    }
}

// ---------------------------------------------------------------- sizes

#[test]
fn no_journal_and_no_window_size_makes_these_screens_panic() {
    let mut apps: Vec<(tempfile::TempDir, App)> = easeoff::scenarios::all().iter().map(scenario_app).collect();
    apps.push(app_on(&Journal::new(), now()));
    apps.push(demo_app(1));
    apps.push(demo_app(11));
    apps.push(app_on(&around_the_target().0, around_the_target().1));
    let mut rng = fastrand::Rng::with_seed(12);
    let mut sizes: Vec<(u16, u16)> = vec![(0, 0), (1, 1), (10, 6), (20, 8), (40, 12), (79, 23), (80, 24), (300, 100)];
    sizes.extend((0..60).map(|_| (rng.u16(0..260), rng.u16(0..90))));
    for (_dir, app) in &mut apps {
        for shown in [Screen::Course, Screen::Doses] {
            on(app, shown);
            for (i, &(w, h)) in sizes.iter().enumerate() {
                // Each kind alone, too, and the chosen day far back.
                if i % 3 == 0 {
                    app.model.kinds = app.model.kinds.next();
                }
                if i % 17 == 0 {
                    app.model.cursor = app.model.day_bounds().0;
                }
                let _ = screen(app, w, h);
            }
        }
    }
}
