//! The Doses and Course screens as a person sees them, at 80×24 (where the
//! problems of issue 12 were seen) and 120×40: the plan's whole future and a
//! gram scale on Doses; Course charts that start where the journal does,
//! dose bars on their own labelled gram scale, bands told apart without
//! colour, and a legend that fits.

use easeoff::journal::plan::{Cut, PlanSpec};
use easeoff::journal::{Dose, Journal, Kind, Stamp};
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
        for word in ["▲ chosen day", "▼ step down", "─ target", "0 none taken", "? not logged"] {
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
const STOPPED_LEGEND: [&str; 7] = [
    "● physical",
    "◆ psychological",
    "░ usual physical",
    "· usual psychological",
    "▲ chosen day",
    "▒ g/day (right scale)",
    "▼ step down",
];

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
        for word in &STOPPED_LEGEND[..5] {
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
        for word in
            ["● physical", "◆ psychological", "▒ g/day (right scale)", "─ target", "▼ step down", "▲ chosen day"]
        {
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

// ------------------------------------------------- one mark, one meaning

/// The legend's row(s) on a screen: every mark a legend names, with its words.
fn legend_marks(shown: &str) -> Vec<(char, String)> {
    let mut marks = Vec::new();
    // The bottom row lists keys (`? all keys`), not marks.
    let rows: Vec<&str> = shown.lines().collect();
    for line in &rows[..rows.len().saturating_sub(1)] {
        for part in line.split('│').flat_map(|p| p.split("  ")) {
            let part = part.trim();
            let mut chars = part.chars();
            let words = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || " ()/".contains(c));
            if let (Some(mark), Some(' '), true) = (chars.next(), chars.next(), words(chars.clone().as_str())) {
                marks.push((mark, chars.as_str().to_owned()));
            }
        }
    }
    marks
}

#[test]
fn one_mark_means_one_thing_on_doses_and_course() {
    // Every legend of both screens, for each journal there is: a mark the
    // legends name is named the same way everywhere.
    let mut meaning: std::collections::BTreeMap<char, String> = std::collections::BTreeMap::new();
    let known = ["▲", "▼", "─", "L", "×", "0", "?", "▒", "●", "◆", "░", "·"];
    for scenario in easeoff::scenarios::all() {
        let (_dir, mut app) = scenario_app(&scenario);
        for shown in [Screen::Course, Screen::Doses] {
            on(&mut app, shown);
            for (w, h) in SIZES {
                for (mark, words) in legend_marks(&screen(&app, w, h)) {
                    if !known.contains(&mark.to_string().as_str()) {
                        continue;
                    }
                    let first = meaning.entry(mark).or_insert_with(|| words.clone());
                    assert_eq!(*first, words, "{mark} means one thing on every screen");
                }
            }
        }
    }
    assert_eq!(meaning.get(&'L').map(String::as_str), Some("lapse"), "{meaning:?}");
    assert_eq!(meaning.get(&'×').map(String::as_str), Some("last dose"), "{meaning:?}");
    // The lapse journal draws both on the Doses chart, each with its legend.
    let (_dir, mut app) = scenario_app(&easeoff::scenarios::lapse());
    on(&mut app, Screen::Doses);
    app.model.cursor = app.model.now.date_naive() - chrono::Duration::days(1);
    for (w, h) in SIZES {
        let shown = screen(&app, w, h);
        for word in ["× last dose", "L lapse"] {
            assert!(shown.contains(word), "{word} at {w}×{h}: {shown}");
        }
        let axis = shown.lines().find(|l| l.starts_with(" 0 g┤")).unwrap();
        assert!(axis.contains('×') && axis.contains('L'), "both marked on the axis: {shown}");
    }
}

#[test]
fn the_course_days_stay_when_only_the_kinds_shown_change() {
    for scenario in [easeoff::scenarios::cold_stop(), easeoff::scenarios::lapse()] {
        let (_dir, mut app) = scenario_app(&scenario);
        on(&mut app, Screen::Course);
        for (w, h) in SIZES {
            let axis = |app: &App| {
                let shown = screen(app, w, h);
                let labels = shown.lines().skip_while(|l| !l.starts_with(" 0 ┤")).nth(2).unwrap().to_owned();
                (columns(&shown, '▲').1, labels.split('│').next().unwrap().to_owned())
            };
            let both = axis(&app);
            for _ in 0..2 {
                app.model.kinds = app.model.kinds.next();
                assert_eq!(axis(&app), both, "p keeps the days at {w}×{h}: {}", screen(&app, w, h));
                // A kind not shown has no mark on the chart, nor in its legend.
                let shown = screen(&app, w, h);
                let chart: String = shown.lines().skip(1).map(|l| l.split('│').next().unwrap_or("")).collect();
                for (kind, mark) in [(Kind::Physical, '●'), (Kind::Psychological, '◆')] {
                    assert_eq!(chart.contains(mark), app.model.kinds.shows(kind), "{mark} at {w}×{h}: {shown}");
                }
            }
            app.model.kinds = app.model.kinds.next();
        }
    }
}

// ----------------------------------------------------- dates and gaps

#[test]
fn the_doses_chart_has_dates_and_tells_none_from_not_logged() {
    // 1–9 Mar: doses; 4 Mar marked "none"; 6 Mar nothing logged.
    let at = |text: &str| Stamp::parse_from_rfc3339(text).unwrap();
    let now = at("2026-03-09T21:00:00+01:00");
    let mut journal = Journal::new();
    for day in [1, 2, 3, 5, 7, 8, 9] {
        let dose = Dose { at: at(&format!("2026-03-{day:02}T09:00:00+01:00")), grams: 3.0, form: None, note: None };
        journal.add_dose(dose, now).unwrap();
    }
    journal.mark_no_dose("2026-03-04".parse().unwrap(), now).unwrap();
    let at = now;
    let (_dir, mut app) = app_on(&journal, at);
    on(&mut app, Screen::Doses);
    for (w, h) in SIZES {
        let shown = screen(&app, w, h);
        let lines: Vec<&str> = shown.lines().collect();
        let axis = lines.iter().position(|l| l.starts_with(" 0 g┤") || l.contains("0 g┤")).unwrap();
        let dates = lines[axis + 1];
        // The first day's date stands under its column, then a week apart.
        let title = shown.split("Daily totals, ").nth(1).unwrap().split(" to ").next().unwrap().to_owned();
        let first = chrono::NaiveDate::parse_from_str(&format!("{title} 2026"), "%d %b %Y").unwrap();
        let x0 = dates.chars().position(|c| c != ' ').unwrap();
        assert!(dates.trim_start().starts_with(&title), "the first day's date under it at {w}×{h}: {shown}");
        let week = (first + chrono::Duration::days(7)).format("%-d %b").to_string();
        assert!(dates.contains(&week), "a week on, {week}, at {w}×{h}: {shown}");
        let column =
            |d: &str| x0 + 2 * usize::try_from((d.parse::<chrono::NaiveDate>().unwrap() - first).num_days()).unwrap();
        let above: Vec<char> = lines[axis - 1].chars().collect();
        assert_eq!(above[column("2026-03-04")], '0', "4 Mar, none taken, a 0: {shown}");
        assert_eq!(above[column("2026-03-06")], '?', "6 Mar, not logged, a ?: {shown}");
        for word in ["0 none taken", "? not logged"] {
            assert!(shown.contains(word), "the legend says it at {w}×{h}: {shown}");
        }
        insta::assert_snapshot!(format!("doses_none_and_not_logged_{w}x{h}"), shown);
    }
}

// ------------------------------------------------------- whole sentences

/// The side panel's text (right of the chart's border), rows joined.
fn panel_text(shown: &str) -> Vec<String> {
    shown.lines().skip(1).filter_map(|l| l.split_once('│').map(|(_, p)| p.trim_end().to_owned())).collect()
}

#[test]
fn the_course_panel_ends_on_a_whole_sentence_or_says_more_is_left_out() {
    let mut scenarios = easeoff::scenarios::all();
    scenarios.push(easeoff::scenarios::Scenario {
        name: "demo",
        journal: easeoff::demo::generate(42, 1, now()),
        now: now(),
    });
    for scenario in &scenarios {
        let (_dir, mut app) = scenario_app(scenario);
        for shown_screen in [Screen::Course, Screen::Doses] {
            on(&mut app, shown_screen);
            for (w, h) in SIZES {
                let shown = screen(&app, w, h);
                let panel: Vec<String> = panel_text(&shown).into_iter().filter(|l| !l.is_empty()).collect();
                let last = panel.last().map_or("", String::as_str);
                // A step line ends on its last score: whole, as an item.
                let whole = last.contains('→') && last.ends_with(|c: char| c.is_ascii_digit())
                    || last.ends_with('.')
                    || last.ends_with(')')
                    || last.ends_with("Summary")
                    || last.ends_with(" g")
                    || last.ends_with(':');
                assert!(whole, "{} at {w}×{h}: the panel ends mid-sentence on {last:?}: {shown}", scenario.name);
            }
        }
    }
    // The stop at 80×24: the reviewer's cut sentence is whole or gone.
    let (_dir, mut app) = scenario_app(&easeoff::scenarios::cold_stop());
    on(&mut app, Screen::Course);
    app.model.cursor = "2026-03-10".parse().unwrap();
    let shown = screen(&app, 80, 24);
    let panel = panel_text(&shown).join(" ");
    assert!(!panel.contains("no item at 3 ") || panel.contains("that is common."), "{shown}");
    assert!(panel.contains("… more: taller window or Summary"), "{shown}");
    assert!(panel.contains("Day 21 · Tue 10 Mar") && panel.contains("No kratom this day."), "{shown}");
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

#[test]
fn a_plan_beside_the_bars_says_it_is_not_in_use_once_the_person_has_stopped() {
    let now = easeoff::journal::Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap();
    let mut journal = easeoff::demo::generate(42, 1, now);
    let request = easeoff::journal::plan::PlanRequest {
        from: Some("4".parse().unwrap()),
        cut: "10%".parse().unwrap(),
        every: "7".parse().unwrap(),
        start: now.date_naive(),
        floor: None,
        round: None,
    };
    let spec = journal.plan_spec(request).unwrap();
    journal.new_plan(spec, now).unwrap();
    let mut model =
        easeoff::tui::Model::new(journal, "/nowhere/journal.json".into(), now, easeoff::tui::Theme::new(false));
    model.window = ratatui::layout::Size { width: 80, height: 24 };
    model.screen = easeoff::tui::Screen::Doses;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(&model, f.area())).unwrap();
    let shown: String = terminal.backend().buffer().content().iter().map(ratatui::buffer::Cell::symbol).collect();
    assert!(shown.contains("Plan (not in use now)") && shown.contains("No target applies now."), "{shown}");
    assert!(!shown.contains("Now 4 g a day"), "no target reads as applying while stopped");
}
