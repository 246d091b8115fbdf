//! The full-screen app on a `TestBackend`: snapshots of every screen and
//! overlay at 80×24 and 120×40 on the demo journal with a fixed now, what
//! each key does, and that no window size makes it panic.

#![allow(clippy::float_cmp)] // the values compared were typed in exactly

use easeoff::journal::Stamp;
use easeoff::store::{Access, Store};
use easeoff::tui::{self, App, Clock, Screen, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

const NOW: &str = "2026-03-10T09:00:00+01:00";

fn now() -> Stamp {
    Stamp::parse_from_rfc3339(NOW).unwrap()
}

/// The app on a fresh 42-day demo journal in its own folder.
fn demo_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let (mut store, _) = Store::open(&path, Access::Write, now()).unwrap();
    store.save(&easeoff::demo::generate(42, 1, now()), now()).unwrap();
    drop(store);
    let app = tui::open(&path, Clock::Fixed(now()), Theme::new(false)).unwrap();
    (dir, app)
}

fn empty_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = tui::open(&dir.path().join("journal.json"), Clock::Fixed(now()), Theme::new(false)).unwrap();
    (dir, app)
}

/// What the person sees: the whole screen as text.
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

fn press(app: &mut App, code: KeyCode) {
    app.press(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn rating(app: &App, date: &str, id: &str) -> Option<u8> {
    app.model.journal.day(date.parse().unwrap()).and_then(|d| d.ratings.get(id)).map(|r| r.value)
}

/// The app opened again after `change` was made to its journal on disk, as
/// `easeoff settings` would make it.
fn changed_on_disk(app: App, change: impl FnOnce(&mut easeoff::journal::Journal)) -> App {
    let path = app.journal_path().to_path_buf();
    drop(app);
    let (mut store, mut journal) = Store::open(&path, Access::Write, now()).unwrap();
    change(&mut journal);
    store.save(&journal, now()).unwrap();
    drop(store);
    tui::open(&path, Clock::Fixed(now()), Theme::new(false)).unwrap()
}

/// The journal as saved on disk, read back by a separate store.
fn saved(app: &App) -> easeoff::journal::Journal {
    Store::open(app.journal_path(), Access::Read, now()).unwrap().1
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshots_of_every_screen_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app();
        for shown in Screen::ALL {
            app.model.screen = shown;
            insta::assert_snapshot!(format!("{}_{w}x{h}", shown.title().to_lowercase()), screen(&app, w, h));
        }
    }
}

#[test]
fn snapshots_of_every_overlay_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app();
        press(&mut app, KeyCode::Char('?'));
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('!'));
        insta::assert_snapshot!(format!("get_help_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('n'));
        type_text(&mut app, "Legs restless all night.");
        press(&mut app, KeyCode::Tab);
        insta::assert_snapshot!(format!("note_editor_{w}x{h}"), screen(&app, w, h));
        // Esc with changes asks; y leaves them unsaved.
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('y'));
        press(&mut app, KeyCode::Char('d'));
        insta::assert_snapshot!(format!("dose_prompt_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Esc);
        // Yesterday has no aids: `a` asks for one; with aids, `a` lists them.
        press(&mut app, KeyCode::Char('['));
        press(&mut app, KeyCode::Char('a'));
        type_text(&mut app, "Imodium 2 x 2mg");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Char('a'));
        type_text(&mut app, "tylenol 2 caplets");
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Down);
        insta::assert_snapshot!(format!("aids_list_{w}x{h}"), screen(&app, w, h));

        let (_dir, app) = empty_app();
        insta::assert_snapshot!(format!("first_run_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn a_window_below_40_by_15_says_how_big_it_must_be() {
    let (_dir, app) = demo_app();
    let text = screen(&app, 39, 14);
    assert!(
        joined(&text).contains("The window is 39×14: easeoff needs at least 40×15 (Today) or 80×24 (every screen)."),
        "{text}"
    );
}

#[test]
fn the_tiny_notice_always_fits_and_always_offers_help_and_quit() {
    let (_dir, app) = demo_app();
    for (w, h) in [(39, 14), (30, 10), (20, 5), (15, 3), (12, 2), (5, 2), (3, 1)] {
        let text = screen(&app, w, h);
        let first = text.lines().next().unwrap_or_default().to_owned();
        assert!(first.starts_with('!') && first.contains('q'), "{w}×{h}: {text}");
        // Whatever explanation is shown is shown whole: no line runs past the edge.
        for line in text.lines() {
            assert!(line.chars().count() <= usize::from(w), "{w}×{h}: {line:?}");
        }
        if h >= 2 {
            assert!(text.to_lowercase().contains("small"), "{w}×{h} says why: {text}");
        }
    }
}

#[test]
fn at_40_by_15_today_works_compact_and_other_screens_say_they_need_room() {
    let (_dir, mut app) = demo_app();
    sized(&mut app, 40, 15);
    insta::assert_snapshot!("today_40x15", screen(&app, 40, 15));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(rating(&app, "2026-03-10", "limb-movements"), Some(3), "rating works compact");
    assert_eq!(saved(&app).day("2026-03-10".parse().unwrap()).unwrap().ratings.len(), 1);
    let shown = screen(&app, 40, 15);
    assert!(joined(&shown).contains("involuntary limb movements: 3 (severe)."), "the status is whole:\n{shown}");
    // A dose, in its prompt, whole at this width.
    press(&mut app, KeyCode::Char('d'));
    let shown = screen(&app, 40, 15);
    assert!(
        joined(&shown).contains(
            "Grams, and the time if it was not just now: 1.5 or 1.5 08:30 (on an earlier day, no time means noon)"
        ),
        "{shown}"
    );
    type_text(&mut app, "1,5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(saved(&app).doses().last().map(|d| d.grams), Some(1.5), "a decimal comma is read");
    // After 20 days without, the dose brings a fact for attention, whole at this width.
    let shown = screen(&app, 40, 15);
    assert!(joined(&shown).contains("an amount taken before can act more strongly now."), "{shown}");
    press(&mut app, KeyCode::Enter);
    // Another screen says what it needs; only Tab, ?, ! and q work there.
    press(&mut app, KeyCode::Tab);
    let shown = screen(&app, 40, 15);
    assert!(joined(&shown).contains("Course needs a window of at least 80×24; this one is 40×15. Tab goes on to the next screen; Today and Summary work at this size."), "{shown}");
    assert!(joined(&shown).contains("Tab next screen"), "{shown}");
    let cursor = app.model.cursor;
    press(&mut app, KeyCode::Left);
    assert_eq!(app.model.cursor, cursor, "keys for a screen not shown do nothing");
    press(&mut app, KeyCode::Char('!'));
    assert!(screen(&app, 40, 15).contains("If you are in danger"));
}

/// The app told the window is `w`×`h` (the loop does this before each key).
fn sized(app: &mut App, w: u16, h: u16) {
    app.model.window = ratatui::layout::Size { width: w, height: h };
}

#[test]
fn a_small_window_still_offers_help_and_bang_shows_it_in_the_space_there_is() {
    for (w, h) in [(39, 14), (20, 5)] {
        let (_dir, mut app) = demo_app();
        sized(&mut app, w, h);
        let notice = screen(&app, w, h);
        assert!(notice.starts_with("! help · q quit"), "{w}×{h}: {notice}");
        // Keys that would act unseen do nothing while only the notice shows.
        press(&mut app, KeyCode::Char('3'));
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), None);
        assert!(app.model.overlay.is_none());
        press(&mut app, KeyCode::Char('!'));
        let help = screen(&app, w, h);
        assert!(help.contains("If you are in danger"), "{w}×{h}: {help}");
        // Scrolling reaches the last line, the support lines.
        for _ in 0..200 {
            press(&mut app, KeyCode::Down);
        }
        let end = screen(&app, w, h);
        assert!(end.contains("XX`."), "{w}×{h}: the end of the text is reachable: {end}");
        press(&mut app, KeyCode::Home);
        assert_eq!(screen(&app, w, h), help, "Home goes back to the top");
        press(&mut app, KeyCode::Esc);
        assert!(app.model.overlay.is_none() && screen(&app, w, h).starts_with("! help"));
        press(&mut app, KeyCode::Char('q'));
        assert!(app.model.quit, "q quits from the notice");
    }
}

#[test]
fn at_40_by_15_the_help_keeps_its_box_and_at_20_by_5_it_is_plain_text() {
    let (_dir, mut app) = demo_app();
    sized(&mut app, 40, 15);
    press(&mut app, KeyCode::Char('!'));
    insta::assert_snapshot!("get_help_40x15", screen(&app, 40, 15));
    sized(&mut app, 20, 5);
    insta::assert_snapshot!("get_help_20x5", screen(&app, 20, 5));
}

#[test]
fn a_welcome_hidden_by_a_small_window_is_not_answered_by_stray_keys() {
    let (_dir, mut app) = empty_app();
    sized(&mut app, 30, 10);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('!'));
    assert!(screen(&app, 30, 10).contains("If you are in danger"));
    press(&mut app, KeyCode::Esc);
    sized(&mut app, 80, 24);
    assert!(screen(&app, 80, 24).contains("Are you tapering, or have you stopped?"), "still the first question");
    assert!(!app.journal_path().exists());
}

#[test]
fn bang_works_from_the_key_help_and_ctrl_c_over_a_hidden_note_saves_it() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('!'));
    assert!(screen(&app, 80, 24).contains("When to get help"));
    press(&mut app, KeyCode::PageDown);
    assert!(screen(&app, 80, 24).contains("No country is chosen yet"), "a page down shows the end");
    press(&mut app, KeyCode::Esc);
    assert!(app.model.overlay.is_none(), "the key help is not brought back");

    // A note being written when the window shrinks: ! shows the help over
    // it, and Ctrl-C saves the note before quitting.
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Shaky tonight.");
    sized(&mut app, 50, 12);
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('!'));
    assert!(screen(&app, 50, 12).contains("When to get help"));
    ctrl(&mut app, 'c');
    assert!(app.model.quit);
    let saved = saved(&app);
    assert_eq!(saved.day("2026-03-10".parse().unwrap()).unwrap().note.as_ref().unwrap().text, "Shaky tonight.");
}

/// The lines inside the "When to get help" box, without its border.
fn panel_lines(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(&app.model, frame.area())).unwrap();
    let buffer = terminal.backend().buffer();
    let cell = |x: u16, y: u16| buffer.cell((x, y)).map_or(" ", |c| c.symbol()).to_owned();
    let row = |y: u16, from: u16, to: u16| (from..to).map(|x| cell(x, y)).collect::<String>();
    let (left, top) = (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .find(|&(x, y)| cell(x, y) == "┌" && row(y, x, width).contains("When to get help"))
        .expect("the panel is drawn");
    let right = (left + 1..width).find(|&x| cell(x, top) == "┐").unwrap();
    let bottom = (top + 1..height).find(|&y| cell(left, y) == "└").unwrap();
    (top + 1..bottom).map(|y| row(y, left + 2, right - 1).trim_end().to_owned()).collect()
}

#[test]
fn the_bang_panel_shows_exactly_what_easeoff_get_help_prints() {
    let (_dir, mut app) = demo_app();
    let check = |app: &App| {
        let out = assert_cmd::Command::cargo_bin("easeoff")
            .unwrap()
            .env("EASEOFF_DATA_FILE", app.journal_path())
            .env("EASEOFF_NOW", NOW)
            .arg("get-help")
            .output()
            .unwrap();
        assert!(out.status.success());
        let printed: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect();
        assert_eq!(panel_lines(app, 120, 60), printed);
        printed
    };
    press(&mut app, KeyCode::Char('!'));
    let default = check(&app);
    assert!(default[0].contains("your local emergency number"));
    press(&mut app, KeyCode::Esc);
    let mut app = changed_on_disk(app, |j| {
        j.set_country(Some("NZ")).unwrap();
        j.set_contact(Some("Aroha (sponsor) 021 555 0100")).unwrap();
    });
    press(&mut app, KeyCode::Char('!'));
    let chosen = check(&app);
    assert_eq!(chosen[0], "Your own contact: Aroha (sponsor) 021 555 0100");
    assert!(chosen.iter().any(|l| l.contains("1737")));
}

// ---------------------------------------------------------------- Today

#[test]
fn digits_arrows_and_x_rate_the_chosen_symptom_and_save_at_once() {
    let (_dir, mut app) = demo_app();
    // The first item is muscle aches; today has no entry in the demo.
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), Some(3));
    assert_eq!(saved(&app).day("2026-03-10".parse().unwrap()).unwrap().ratings.get("muscle-aches").unwrap().value, 3);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), Some(4), "never above 4");
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), Some(3));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), None, "x makes it not rated, not 0");
    press(&mut app, KeyCode::Left);
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), None, "lower from not rated does nothing");
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), Some(0), "higher from not rated starts at 0");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), None);
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('0'));
        press(&mut app, KeyCode::Left);
    }
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), Some(0), "never below 0");
}

#[test]
fn up_and_down_choose_symptoms_within_the_list() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Up);
    assert_eq!(app.model.item, 0);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(rating(&app, "2026-03-10", "insomnia"), Some(2));
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(rating(&app, "2026-03-10", "depressed-mood"), Some(4), "the cursor stops at the last item");
    assert!(matches!(app.model.overlay, Some(tui::Overlay::Attention(_))), "low mood at 4 is a fact for attention");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(rating(&app, "2026-03-10", "irritability"), Some(1));
}

#[test]
fn low_mood_rated_4_shows_one_calm_line_pointing_to_get_help() {
    let (_dir, mut app) = demo_app();
    assert!(!screen(&app, 80, 24).contains("press ! for people"));
    for _ in 0..11 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('4'));
    assert!(screen(&app, 80, 24).contains("press ! for people you can reach"));
}

#[test]
fn brackets_move_between_days_but_never_past_today() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.model.date.to_string(), "2026-03-10");
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.model.date.to_string(), "2026-03-08");
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(rating(&app, "2026-03-08", "muscle-aches"), Some(2), "a past day can be filled in");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.model.date.to_string(), "2026-03-09");
}

#[test]
fn sleep_note_and_aid_are_entered_and_saved() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('s'));
    type_text(&mut app, "25");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("from 0 to 24"), "a bad value keeps the prompt open and says why:\n{shown}");
    for _ in 0..2 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "5.5");
    press(&mut app, KeyCode::Enter);
    assert!(app.model.overlay.is_none());

    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Bad night.");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Ask about sleep.");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 's');

    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "ibu");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "200 mg");
    press(&mut app, KeyCode::Enter);

    let journal = saved(&app);
    let day = journal.day("2026-03-10".parse().unwrap()).unwrap();
    assert_eq!(day.sleep.unwrap().hours, 5.5);
    let note = day.note.as_ref().unwrap();
    assert_eq!(note.text, "Bad night.\nAsk about sleep.");
    assert!(note.for_provider);
    assert_eq!(day.aids.last().unwrap().name, "ibuprofen", "Tab completed the name from history");
    assert_eq!(day.aids.last().unwrap().amount, 200.0);
}

#[test]
fn the_aids_list_adds_and_deletes_an_entry_and_leaves_the_rest_of_the_day() {
    let (_dir, mut app) = demo_app();
    let date: chrono::NaiveDate = "2026-03-09".parse().unwrap();
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "magnesium 400 mg");
    press(&mut app, KeyCode::Enter);
    let before = saved(&app).day(date).cloned().unwrap();
    press(&mut app, KeyCode::Char('a'));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Aids on Monday 9 March") && shown.contains("magnesium 400 mg"), "{shown}");
    assert!(shown.contains("a add · ↑↓ choose · x delete · Esc close"), "{shown}");

    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Imodium 6 tablets");
    press(&mut app, KeyCode::Enter);
    // 12 mg of loperamide: the fact is said at once, in a box over the list.
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Loperamide 12 mg on Mon 9 Mar — above the 8 mg a day"), "{shown}");
    press(&mut app, KeyCode::Enter);
    let status = app.model.status.clone().unwrap().text;
    assert!(status.contains("loperamide 12 mg (Imodium 6 tablets: 6 pills × 2 mg"), "{status}");
    let day = saved(&app).day(date).cloned().unwrap();
    let added = day.aids.last().unwrap();
    assert_eq!(
        (added.name.as_str(), added.amount, added.typed.as_deref()),
        ("loperamide", 12.0, Some("Imodium 6 tablets"))
    );
    let today = screen(&app, 120, 40);
    assert!(
        today.contains("Imodium 6 tablets (loperamide 12 mg)"),
        "the details line shows the entry as typed:\n{today}"
    );

    // Delete it again: choose the last entry, x, and say yes.
    press(&mut app, KeyCode::Char('a'));
    for _ in 0..day.aids.len() {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('x'));
    let asked = screen(&app, 80, 24);
    assert!(asked.contains("Delete the aid Imodium 6 tablets (loperamide 12 mg) of Mon 9 Mar?"), "{asked}");
    press(&mut app, KeyCode::Char('y'));
    assert!(matches!(app.model.overlay, Some(easeoff::tui::Overlay::Aids(_))), "back to the list while aids are left");
    press(&mut app, KeyCode::Esc);
    assert_eq!(saved(&app).day(date), Some(&before), "the rest of the day is untouched");
}

#[test]
fn deleting_the_last_aid_of_a_day_and_saying_no_keep_things_as_they_should() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('a'));
    assert!(
        matches!(app.model.overlay, Some(easeoff::tui::Overlay::Prompt(_))),
        "no aids today: straight to adding one"
    );
    type_text(&mut app, "melatonin 300 mcg");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(app.model.overlay, Some(easeoff::tui::Overlay::Aids(_))), "n keeps it and goes back to the list");
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.model.overlay.is_none(), "nothing left to list");
    assert!(saved(&app).day("2026-03-10".parse().unwrap()).is_none_or(|d| d.aids.is_empty()));
}

#[test]
fn an_empty_sleep_prompt_clears_sleep_and_ctrl_l_empties_the_note() {
    let (_dir, mut app) = demo_app();
    let date: chrono::NaiveDate = "2026-03-09".parse().unwrap();
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "A note to remove.");
    ctrl(&mut app, 's');
    let before = saved(&app).day(date).cloned().unwrap();
    assert!(before.sleep.is_some() && before.note.is_some());

    press(&mut app, KeyCode::Char('s'));
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.model.overlay.is_none());
    let day = saved(&app).day(date).cloned().unwrap();
    assert_eq!(day.sleep, None, "an empty sleep prompt clears the night's sleep");
    assert_eq!((&day.ratings, &day.note, &day.aids), (&before.ratings, &before.note, &before.aids));
    assert!(screen(&app, 120, 40).contains("Sleep not recorded"));

    press(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 'l');
    assert!(
        matches!(&app.model.overlay, Some(easeoff::tui::Overlay::Note(editor)) if editor.text.is_empty()),
        "Ctrl-L empties the editor"
    );
    ctrl(&mut app, 's');
    let day = saved(&app).day(date).cloned().unwrap();
    assert_eq!(day.note, None, "the emptied note is removed");
    assert_eq!((&day.ratings, &day.aids), (&before.ratings, &before.aids));
}

#[test]
fn a_dose_from_today_defaults_to_now() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "1.25");
    press(&mut app, KeyCode::Enter);
    let last = saved(&app).doses().last().unwrap().clone();
    assert_eq!((last.grams, last.at), (1.25, now()));
    // A dose 21 days after the stop is a lapse: the course keeps its stop,
    // and the tolerance fact is stated.
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Day 21 since you stopped on Tue 17 Feb."), "{shown}");
    assert!(shown.contains("One dose since: Tue 10 Mar, 1.25 g."), "{shown}");
    assert!(shown.contains("For attention"), "{shown}");
}

// ---------------------------------------------------------------- other screens

#[test]
fn tab_and_shift_tab_cycle_the_screens() {
    let (_dir, mut app) = demo_app();
    let mut seen = vec![app.model.screen];
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.model.screen);
    }
    assert_eq!(seen, [Screen::Today, Screen::Course, Screen::History, Screen::Doses, Screen::Summary, Screen::Today]);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.model.screen, Screen::Summary);
}

#[test]
fn course_cursor_moves_within_the_journal_and_p_cycles_kinds() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.model.cursor.to_string(), "2026-03-10", "never past today");
    press(&mut app, KeyCode::Left);
    assert!(screen(&app, 80, 24).contains("Day 20 · Mon 9 Mar"));
    for _ in 0..100 {
        press(&mut app, KeyCode::Left);
    }
    assert_eq!(app.model.cursor, app.model.journal.span().unwrap().0, "never before the first entry");
    press(&mut app, KeyCode::Char('p'));
    assert!(screen(&app, 80, 24).contains("Showing physical only"));
    press(&mut app, KeyCode::Char('p'));
    assert!(screen(&app, 80, 24).contains("Showing psychological only"));
    press(&mut app, KeyCode::Char('p'));
    assert!(!screen(&app, 80, 24).contains("only (p)"));
}

#[test]
fn history_pages_and_enter_opens_the_day_in_today() {
    let (_dir, mut app) = demo_app();
    app.model.screen = Screen::History;
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.model.cursor.to_string(), "2026-02-24");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.model.cursor.to_string(), "2026-03-10");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.model.screen, app.model.date.to_string()), (Screen::Today, "2026-03-09".to_owned()));
}

#[test]
fn doses_are_added_changed_and_deleted_after_asking() {
    let (_dir, mut app) = demo_app();
    app.model.screen = Screen::Doses;
    for _ in 0..22 {
        press(&mut app, KeyCode::Left);
    }
    assert_eq!(app.model.cursor.to_string(), "2026-02-16");
    let before = app.model.doses_on(app.model.cursor).len();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "0.5 06:15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.model.doses_on(app.model.cursor).len(), before + 1);
    // The new 06:15 dose is the first of the day; change it.
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..12 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "0.75 06:20");
    press(&mut app, KeyCode::Enter);
    let first = app.model.doses_on(app.model.cursor)[0].1.clone();
    assert_eq!((first.grams, first.at.format("%H:%M").to_string()), (0.75, "06:20".to_owned()));
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.model.doses_on(app.model.cursor).len(), before + 1, "n keeps it");
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.model.doses_on(app.model.cursor).len(), before);
    assert_eq!(saved(&app).doses().len(), app.model.journal.doses().len());
}

#[test]
fn summary_scrolls_writes_every_format_and_prints() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, mut app) = demo_app();
    app.model.screen = Screen::Summary;
    assert!(screen(&app, 80, 24).contains("Withdrawal symptom summary — patient-reported"));
    // A page is the preview's height less one line kept for context.
    let page = app.model.body().height - 1;
    assert!(page >= 18, "80×24 leaves the preview most of the window: {page}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.model.summary_scroll, 1 + page);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.model.summary_scroll, page);
    // End shows the last line at the bottom; Page Down never scrolls past it
    // to a blank screen; Home goes back to the top.
    press(&mut app, KeyCode::End);
    let end = app.model.summary_scroll;
    assert!(end > 20, "the summary is longer than a page or two: {end}");
    let last_line = easeoff::report::text::render(&app.model.summary())
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap()
        .trim()
        .to_owned();
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(&last_line), "{last_line:?} not at the end:\n{shown}");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.model.summary_scroll, end);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.model.summary_scroll, 0);
    press(&mut app, KeyCode::Char('d'));
    let pdf = dir.path().join("easeoff-summary-2026-03-10.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert_eq!(std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777, 0o600);
    for (key, extension, expected) in [('t', "txt", "KEY POINTS"), ('m', "md", "## Key points"), ('w', "html", "<svg")]
    {
        press(&mut app, KeyCode::Char(key));
        let file = dir.path().join(format!("easeoff-summary-2026-03-10.{extension}"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(expected), "{extension}");
        assert!(text.contains("last dose Tue 17 Feb 2026, 21:40"), "{extension}");
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let printed = dir.path().join("printed.txt");
    app.model.print_cmd = Some(format!("cat > '{}'", printed.display()));
    press(&mut app, KeyCode::Char('p'));
    // Nothing leaves for a (maybe shared) printer before the person says yes.
    let asked = screen(&app, 80, 24);
    assert!(asked.contains("Print the summary, with your name, notes and ratings, on"), "{asked}");
    assert!(!printed.exists(), "not printed before the answer");
    press(&mut app, KeyCode::Char('n'));
    assert!(!printed.exists(), "no means no");
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('y'));
    assert!(screen(&app, 80, 24).contains("Sent the summary to the printer"));
    assert!(std::fs::read(&printed).unwrap().starts_with(b"%PDF-"), "the PDF is printed");
}

#[test]
fn only_key_presses_count() {
    let (_dir, mut app) = demo_app();
    let mut release = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.press(release);
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), None);
}

#[test]
fn q_and_ctrl_c_quit_and_the_help_keys_open_overlays() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('?'));
    assert!(screen(&app, 80, 24).contains("Everywhere:"));
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.model.quit, "q closes the overlay first");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.model.quit);
    let (_dir, mut app) = demo_app();
    ctrl(&mut app, 'c');
    assert!(app.model.quit);
}

#[test]
fn the_taper_plan_is_made_held_restepped_and_cleared_from_the_doses_screen() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app();
        app.model.screen = Screen::Doses;
        press(&mut app, KeyCode::Char('o'));
        assert!(screen(&app, w, h).contains("There is no taper plan yet: p makes one."));
        press(&mut app, KeyCode::Char('p'));
        // The usual amount given at the welcome (6 g) is the default start.
        assert!(screen(&app, w, h).contains("6 10% 7"), "the prompt starts from the usual amount");
        for _ in 0.."6 10% 7".len() {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "4 10");
        press(&mut app, KeyCode::Enter);
        assert!(screen(&app, w, h).contains("give FROM STEP EVERY"), "an incomplete plan keeps the prompt open");
        type_text(&mut app, "% 7 1");
        press(&mut app, KeyCode::Enter);
        assert!(app.model.overlay.is_none());
        let plan = app.model.journal.plan().unwrap().clone();
        assert_eq!(plan.target_on("2026-03-10".parse().unwrap()), Some(4.0));
        assert_eq!(plan.target_on("2026-03-17".parse().unwrap()), Some(3.5), "4 − 10 % = 3.6, to the nearest 0.25 g");
        insta::assert_snapshot!(format!("doses_with_plan_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Char('o'));
        type_text(&mut app, "3");
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.model.journal.plan().unwrap().target_on("2026-03-19".parse().unwrap()),
            Some(4.0),
            "held 3 days"
        );
        press(&mut app, KeyCode::Char('s'));
        type_text(&mut app, "40%");
        press(&mut app, KeyCode::Enter);
        let shown = screen(&app, w, h);
        assert!(shown.contains("Worth a second look"), "a big step is saved with a note");
        assert!(shown.contains("worth a look with your provider."), "the note is shown whole:\n{shown}");
        if matches!(app.model.overlay, Some(easeoff::tui::Overlay::Message(_))) {
            // Too long for the status line at this size: a box, closed with Enter.
            press(&mut app, KeyCode::Enter);
        }
        press(&mut app, KeyCode::Char('c'));
        press(&mut app, KeyCode::Char('y'));
        assert!(app.model.journal.plan().is_none());
        assert_eq!(saved(&app).plan_history().len(), 4);
    }
}

#[test]
fn the_course_marks_the_taper_steps_before_the_last_dose() {
    let (_dir, mut app) = demo_app();
    app.model.screen = Screen::Course;
    let text = screen(&app, 120, 40);
    assert_eq!(text.matches('▼').count(), 2 + 1, "two steps in the demo taper, plus the legend: {text}");
}

// ---------------------------------------------------------------- first run, read-only, saving

#[test]
fn the_first_run_asks_four_skippable_questions_the_last_for_the_help_numbers() {
    let (_dir, mut app) = empty_app();
    assert!(screen(&app, 80, 24).contains("Are you tapering, or have you stopped?"));
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('2'));
    type_text(&mut app, "22:30");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Which country's numbers should When to get help (!) give?"), "{shown}");
    assert!(shown.contains("3  United Kingdom"), "{shown}");
    press(&mut app, KeyCode::Char('3'));
    assert!(screen(&app, 80, 24).contains("Enter  answer them now"), "then the history is offered");
    press(&mut app, KeyCode::Esc);
    assert!(app.model.overlay.is_none());
    let journal = saved(&app);
    assert_eq!(journal.settings().mode, Some(easeoff::journal::Mode::Stopped));
    assert_eq!(journal.last_use_mark().unwrap().to_rfc3339(), "2026-03-09T22:30:00+01:00");
    assert_eq!(journal.settings().usual_daily_grams, Some(6.0));
    assert_eq!(journal.settings().country.as_deref(), Some("GB"));
    assert!(screen(&app, 80, 24).contains("Day 1 since your last dose"));
    press(&mut app, KeyCode::Char('!'));
    assert!(screen(&app, 80, 24).contains("call 999 now"), "the chosen country's numbers");

    let (_dir, mut app) = empty_app();
    for _ in 0..5 {
        press(&mut app, KeyCode::Esc);
    }
    assert!(app.model.overlay.is_none(), "every question can be skipped, and the history put off");
    assert!(!app.journal_path().exists(), "skipping writes nothing");
}

#[test]
fn the_welcome_country_question_at_both_sizes_and_bang_shows_help_then_comes_back() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = empty_app();
        press(&mut app, KeyCode::Char('t'));
        press(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(format!("first_run_country_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Char('!'));
        assert!(screen(&app, w, h).contains("call your local emergency number now"));
        press(&mut app, KeyCode::Esc);
        assert!(screen(&app, w, h).contains("Which country's numbers"), "the welcome comes back");
        press(&mut app, KeyCode::Enter);
        if w == 80 {
            insta::assert_snapshot!("history_intro_80x24", screen(&app, w, h));
        }
        press(&mut app, KeyCode::Esc);
        assert!(app.model.overlay.is_none());
        assert_eq!(saved(&app).settings().country, None, "skipped: nothing chosen");
    }
}

#[test]
fn a_second_instance_is_read_only_with_a_banner_and_saves_nothing() {
    let (_dir, first) = demo_app();
    let path = first.journal_path().to_path_buf();
    let before = std::fs::read(&path).unwrap();
    let mut second = tui::open(&path, Clock::Fixed(now()), Theme::new(false)).unwrap();
    let shown = screen(&second, 80, 24);
    assert!(shown.contains("Read-only:"), "{shown}");
    assert!(shown.contains(&format!("process {}", std::process::id())), "{shown}");
    press(&mut second, KeyCode::Char('3'));
    assert!(screen(&second, 80, 24).contains("this change was not made"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(first);
}

#[test]
fn a_failed_save_keeps_the_change_and_warns() {
    let (dir, mut app) = demo_app();
    // Something that is not a folder stands where the journal's folder was
    // (a folder that merely disappears is made again by the save).
    std::fs::remove_dir_all(dir.path()).unwrap();
    std::fs::write(dir.path(), b"not a folder").unwrap();
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), Some(2), "the change stays in memory");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.model.unsaved, 2);
    let shown = screen(&app, 80, 24);
    assert!(joined(&shown).contains("Not saved: could not"), "{shown}");
    assert!(
        joined(&shown).contains("Your 2 changes are kept here and saved with your next change; quitting asks first."),
        "{shown}"
    );
    assert!(!shown.contains("os error"), "plain words, no error codes:\n{shown}");
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.model.quit, "quitting asks before losing the changes");
    assert!(screen(&app, 80, 24).contains("2 changes could not be saved. Quit anyway and lose them?"));
    press(&mut app, KeyCode::Char('n'));
    assert!(!app.model.quit);
    // The folder comes back: the next change saves all three.
    std::fs::remove_file(dir.path()).unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.model.unsaved, 0);
    assert_eq!(saved(&app).day("2026-03-10".parse().unwrap()).unwrap().ratings.len(), 3);
}

#[test]
fn a_journal_folder_removed_while_the_app_runs_is_made_again_and_the_change_saved() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, mut app) = demo_app();
    std::fs::remove_dir_all(dir.path()).unwrap();
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.model.unsaved, 0, "saved");
    let shown = screen(&app, 80, 24);
    assert!(joined(&shown).contains("The journal's folder was gone, so easeoff made it again"), "it says so:\n{shown}");
    assert_eq!(std::fs::metadata(dir.path()).unwrap().permissions().mode() & 0o777, 0o700);
    assert_eq!(std::fs::metadata(app.journal_path()).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), Some(2));
    assert_eq!(saved(&app).day("2026-03-10".parse().unwrap()).unwrap().ratings.len(), 1);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.model.quit, "nothing unsaved: quits at once");
}

#[test]
fn quitting_after_a_failed_save_and_choosing_to_lose_the_changes_says_how_many() {
    let (dir, mut app) = demo_app();
    std::fs::remove_dir_all(dir.path()).unwrap();
    std::fs::write(dir.path(), b"not a folder").unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('q'));
    assert!(screen(&app, 80, 24).contains("1 change could not be saved. Quit anyway and lose it?"));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.model.quit);
    assert_eq!(app.model.lost, 1, "the app exits non-zero when changes are lost");
    std::fs::remove_file(dir.path()).unwrap();
}

// ---------------------------------------------------------------- resizing

#[test]
fn no_window_size_makes_it_panic() {
    let (_dir, mut app) = demo_app();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut sizes: Vec<(u16, u16)> =
        vec![(0, 0), (0, 1), (1, 0), (1, 1), (0, 24), (80, 0), (80, 1), (1, 24), (79, 23), (80, 24)];
    sizes.extend((0..300).map(|_| (rng.u16(0..260), rng.u16(0..90))));
    for (i, &(w, h)) in sizes.iter().enumerate() {
        app.model.screen = Screen::ALL[i % Screen::ALL.len()];
        let _ = screen(&app, w, h);
    }
    // And with every overlay open.
    for key in ['?', '!', 'n'] {
        press(&mut app, KeyCode::Esc);
        app.model.screen = Screen::Today;
        press(&mut app, KeyCode::Char(key));
        for (w, h) in [(0, 0), (1, 1), (5, 3), (80, 24), (200, 60)] {
            let _ = screen(&app, w, h);
        }
    }
    // "When to get help" opened in a small window, scrolled, at every size:
    // it draws in whatever space there is, and never panics.
    press(&mut app, KeyCode::Esc);
    app.model.journal.set_contact(Some(&format!("{} 555 0100", "a long name ".repeat(7)))).unwrap();
    for (i, (w, h)) in sizes.iter().enumerate() {
        app.model.window = ratatui::layout::Size { width: *w, height: *h };
        if app.model.overlay.is_none() {
            press(&mut app, KeyCode::Char('!'));
        }
        for _ in 0..i % 40 {
            press(&mut app, KeyCode::Down);
        }
        let text = screen(&app, *w, *h);
        if *w >= 10 && *h >= 3 && i % 40 == 0 {
            assert!(text.contains("When to") || text.contains("Your own"), "{w}×{h}: {text}");
        }
        if i % 7 == 0 {
            press(&mut app, KeyCode::Esc);
        }
    }
}

#[test]
fn no_color_means_no_colour_at_all_and_colour_uses_the_grey_ramp() {
    use ratatui::style::Color;
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('4'));
    app.model.screen = Screen::History;
    let colours = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|frame| frame.render_widget(&app.model, frame.area())).unwrap();
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .flat_map(|c| [c.fg, c.bg])
            .filter(|c| *c != Color::Reset)
            .collect::<Vec<Color>>()
    };
    assert!(colours(&app).is_empty(), "NO_COLOR: only bold, dim and reverse");
    app.model.theme = Theme::new(true);
    let used = colours(&app);
    assert!(used.contains(&Color::Indexed(255)), "a rating of 4 is the brightest grey");
    assert!(used.iter().any(|c| matches!(c, Color::Indexed(238))), "0 is the darkest");
}

// ---------------------------------------------------------------- situations

/// The app on one of the spec's scenario journals, at that scenario's "now".
fn scenario_app(scenario: &easeoff::scenarios::Scenario) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let (mut store, _) = Store::open(&path, Access::Write, scenario.now).unwrap();
    store.save(&scenario.journal, scenario.now).unwrap();
    drop(store);
    let app = tui::open(&path, Clock::Fixed(scenario.now), Theme::new(false)).unwrap();
    (dir, app)
}

#[test]
fn a_taper_speaks_in_taper_terms_on_today_and_course() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = scenario_app(&easeoff::scenarios::tapering());
        let today = screen(&app, w, h);
        assert!(today.contains("Taper day 5 · step 1 of"), "{today}");
        assert!(today.contains("Latest cut: Thu 5 Mar, 4 → 3.5 g/day, 4 days ago."), "{today}");
        assert!(!today.contains("since your last dose") && !today.contains("usually"), "no withdrawal words: {today}");
        insta::assert_snapshot!(format!("taper_today_{w}x{h}"), today);
        app.model.screen = Screen::Course;
        let course = screen(&app, w, h);
        assert!(course.contains("─ target") && course.contains("▼"), "targets and the cut: {course}");
        assert!(course.contains("1 Mar"), "dates on the axis: {course}");
        assert!(!course.contains("░") && !course.contains("3–4"), "no band, no peak window: {course}");
        insta::assert_snapshot!(format!("taper_course_{w}x{h}"), course);
    }
}

#[test]
fn a_lapse_keeps_the_stop_on_today_and_course() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = scenario_app(&easeoff::scenarios::lapse());
        let today = screen(&app, w, h);
        assert!(today.contains("Day 21 since you stopped on Tue 17 Feb."), "{today}");
        assert!(today.contains("One dose since: Sun 8 Mar, 3 g."), "{today}");
        assert!(today.contains("For attention"), "{today}");
        assert!(!today.to_lowercase().contains("relapse") && !today.contains("reset"), "{today}");
        insta::assert_snapshot!(format!("lapse_today_{w}x{h}"), today);
        app.model.screen = Screen::Course;
        let course = screen(&app, w, h);
        assert!(course.contains('L'), "the lapse is marked on the axis: {course}");
        assert!(course.contains("░"), "the band stays: {course}");
        insta::assert_snapshot!(format!("lapse_course_{w}x{h}"), course);
    }
}

#[test]
fn between_doses_the_today_header_asks_and_s_marks_the_last_dose() {
    let (_dir, mut app) = scenario_app(&easeoff::scenarios::between_doses());
    let today = screen(&app, 80, 24);
    assert!(today.contains("Last dose 13 h ago. If that was your last, press S"), "{today}");
    press(&mut app, KeyCode::Char('S'));
    let journal = saved(&app);
    assert_eq!(journal.last_use_mark().unwrap().to_rfc3339(), "2026-03-09T20:00:00+01:00");
    let today = screen(&app, 80, 24);
    assert!(today.contains("Day 1 since your last dose (Mon 9 Mar 2026, 20:00, as you marked it)."), "{today}");
    assert!(!today.contains("press S"), "asked once, answered: {today}");
}

#[test]
fn n_on_the_doses_screen_records_a_day_without_kratom_and_takes_it_back() {
    let (_dir, mut app) = scenario_app(&easeoff::scenarios::not_logged());
    app.model.screen = Screen::Doses;
    press(&mut app, KeyCode::Char('n'));
    assert!(saved(&app).no_dose_days().contains(&"2026-03-03".parse().unwrap()));
    assert!(screen(&app, 80, 24).contains("Tue 3 Mar: no kratom that day."));
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Char('n'));
    assert!(screen(&app, 80, 24).contains("already has 1 dose logged"), "a day with doses is not a day without");
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char('n'));
    assert!(saved(&app).no_dose_days().is_empty(), "pressed again, taken back");
}

// ---------------------------------------------------------------- safety

#[test]
fn a_fact_for_attention_opens_a_box_when_logged_and_stays_until_dismissed() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = empty_app();
        press(&mut app, KeyCode::Esc); // past the welcome
        app.model.overlay = None;
        // Low or depressed mood is the last physical-then-psychological item.
        let last = app.model.today_items().iter().position(|id| id == "depressed-mood").unwrap();
        for _ in 0..last {
            press(&mut app, KeyCode::Down);
        }
        press(&mut app, KeyCode::Char('3'));
        let shown = screen(&app, w, h);
        assert!(shown.contains("For attention"), "{shown}");
        assert!(shown.contains("Low or depressed mood rated severe or extreme on Tue 10 Mar"), "{shown}");
        insta::assert_snapshot!(format!("attention_{w}x{h}"), shown);
        press(&mut app, KeyCode::Char('x'));
        assert!(matches!(app.model.overlay, Some(tui::Overlay::Attention(_))), "other keys do not dismiss it unread");
        press(&mut app, KeyCode::Enter);
        assert!(app.model.overlay.is_none());
        // The Today screen keeps one line for it; rating again does not reopen the box.
        assert!(screen(&app, w, h).contains("For attention: low mood rated severe (Tue 10 Mar) · ! help"));
        press(&mut app, KeyCode::Char('4'));
        assert!(app.model.overlay.is_none(), "the same fact is not said twice");
    }
}

#[test]
fn each_flag_has_its_line_on_today() {
    use easeoff::journal::edit::DayChange;
    let day = |d: &str| -> chrono::NaiveDate { d.parse().unwrap() };
    let aid = |text: &str| text.parse::<easeoff::journal::Aid>().unwrap();
    let cases: Vec<(&str, Vec<(&str, DayChange)>)> = vec![
        (
            "loperamide above the label's daily maximum (Mon 9 Mar)",
            vec![("2026-03-09", DayChange { aids: vec![aid("loperamide 12 mg")], ..DayChange::default() })],
        ),
        (
            "loperamide 3 days running (Sat 7 Mar – Mon 9 Mar)",
            ["2026-03-07", "2026-03-08", "2026-03-09"]
                .into_iter()
                .map(|d| (d, DayChange { aids: vec![aid("imodium 2 tablets")], ..DayChange::default() }))
                .collect(),
        ),
        (
            "low mood rated severe (Mon 9 Mar)",
            vec![("2026-03-09", DayChange { ratings: vec![("depressed-mood".into(), 3)], ..DayChange::default() })],
        ),
        (
            "severe diarrhea, nausea or vomiting two days running (Sun 8 Mar – Mon 9 Mar)",
            vec![
                ("2026-03-08", DayChange { ratings: vec![("diarrhea".into(), 4)], ..DayChange::default() }),
                ("2026-03-09", DayChange { ratings: vec![("nausea".into(), 3)], ..DayChange::default() }),
            ],
        ),
    ];
    for (line, changes) in cases {
        let mut journal = easeoff::journal::Journal::new();
        for (date, change) in &changes {
            journal.log_day(day(date), change, now()).unwrap();
        }
        let scenario = easeoff::scenarios::Scenario { name: "flag", journal, now: now() };
        let (_dir, app) = scenario_app(&scenario);
        let shown = screen(&app, 120, 40);
        assert!(shown.contains(&format!("For attention: {line} · ! help")), "{line}:\n{shown}");
    }
    // The tolerance fact of a lapse (scenario 3) has its line too.
    let (_dir, app) = scenario_app(&easeoff::scenarios::lapse());
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("For attention: kratom again after a week or more without (Sun 8 Mar): tolerance is lower"),
        "{shown}"
    );
}

/// The screen's text with its lines joined, box sides dropped and spaces
/// collapsed, to find a message that was wrapped.
fn joined(text: &str) -> String {
    text.split_whitespace().filter(|w| !w.contains('│')).collect::<Vec<_>>().join(" ")
}

#[test]
fn a_message_wraps_whole_into_the_status_area_and_a_longer_one_opens_as_a_box() {
    let (_dir, mut app) = demo_app();
    let words = "Wrote the summary to /home/someone/.local/share/easeoff/easeoff-summary-2026-03-10.html (readable only by you), and this sentence is here to make it wrap.";
    easeoff::tui::update(&mut app.model, easeoff::tui::Msg::Warn(words.to_owned()));
    let shown = screen(&app, 80, 24);
    assert!(joined(&shown).contains(words), "wrapped whole:\n{shown}");
    assert!(app.model.overlay.is_none(), "three lines are enough: no box");
    // Four lines' worth at 80 columns: a box, whole, until Enter.
    let long = format!("{words} {words}");
    easeoff::tui::update(&mut app.model, easeoff::tui::Msg::Warn(long.clone()));
    assert!(matches!(app.model.overlay, Some(easeoff::tui::Overlay::Message(_))));
    let shown = screen(&app, 80, 24);
    assert!(joined(&shown).contains(&long), "whole in its box:\n{shown}");
    press(&mut app, KeyCode::Enter);
    assert!(app.model.overlay.is_none());
}

#[test]
fn at_40_by_15_a_helpline_number_is_never_broken_across_lines() {
    let (_dir, mut app) = demo_app();
    sized(&mut app, 40, 15);
    press(&mut app, KeyCode::Char('!'));
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&app, 40, 15));
        press(&mut app, KeyCode::Down);
    }
    assert!(seen.lines().any(|l| l.contains("1-800-662-4357")), "the number whole on one line:\n{seen}");
}

#[test]
fn history_at_80_by_24_shows_a_busy_day_and_its_legend_whole() {
    let (_dir, mut app) = demo_app();
    app.model.screen = Screen::History;
    app.model.cursor = "2026-02-22".parse().unwrap();
    let shown = screen(&app, 80, 24);
    assert!(
        joined(&shown).contains(
            "Sun 22 Feb 2026 · day 5 · physical 2.9 · involuntary limb movements 3 · psychological 2.6 · cravings 3"
        ),
        "{shown}"
    );
    assert!(joined(&shown).contains("scores rounded · Enter opens the day"), "{shown}");
}

#[test]
fn in_a_compact_window_the_day_stays_on_screen_when_the_list_scrolls() {
    let (_dir, mut app) = demo_app();
    sized(&mut app, 40, 15);
    press(&mut app, KeyCode::Char('['));
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    let shown = screen(&app, 40, 15);
    assert!(shown.lines().nth(1).is_some_and(|l| l.contains("Mon 9 Mar · yesterday")), "{shown}");
    assert!(shown.contains("› irritability"), "{shown}");
}

#[test]
fn the_keys_help_scrolls_when_it_is_taller_than_the_window_and_says_so() {
    let (_dir, mut app) = demo_app();
    sized(&mut app, 40, 15);
    press(&mut app, KeyCode::Char('?'));
    let top = screen(&app, 40, 15);
    assert!(top.contains("↓ more"), "{top}");
    assert!(!top.contains("Ctrl-C"), "{top}");
    let mut seen = top;
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
        seen.push_str(&screen(&app, 40, 15));
    }
    assert!(matches!(app.model.overlay, Some(easeoff::tui::Overlay::Help(_))), "↓ scrolls, it does not close");
    assert!(seen.contains("Ctrl-C") && seen.contains("not medical advice"), "every line is reachable:\n{seen}");
    press(&mut app, KeyCode::Char('x'));
    assert!(app.model.overlay.is_none(), "another key closes it");
    assert_eq!(rating(&app, "2026-03-10", "muscle-aches"), None, "and does nothing else");
}

#[test]
fn at_60_by_20_the_summary_wraps_to_the_window_and_scrolls() {
    let (_dir, mut app) = demo_app();
    sized(&mut app, 60, 20);
    app.model.screen = Screen::Summary;
    let shown = screen(&app, 60, 20);
    assert!(shown.contains("Withdrawal symptom summary — patient-reported"), "{shown}");
    assert!(!shown.contains("needs a window"), "{shown}");
    assert!(shown.lines().all(|l| l.chars().count() <= 60));
    press(&mut app, KeyCode::End);
    assert!(app.model.summary_scroll > 0, "it scrolls in the compact window");
}

// ---------------------------------------------------------------- the history and the self-check

#[test]
fn the_history_from_the_summary_at_both_sizes_with_choices_marked() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app();
        app.model.screen = Screen::Summary;
        press(&mut app, KeyCode::Char('b'));
        type_text(&mut app, "25");
        insta::assert_snapshot!(format!("history_products_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "3 years");
        insta::assert_snapshot!(format!("history_used_for_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Enter);
        for _ in 0..3 {
            press(&mut app, KeyCode::Enter);
        }
        type_text(&mut app, "122");
        insta::assert_snapshot!(format!("history_substances_{w}x{h}"), screen(&app, w, h));
        press(&mut app, KeyCode::Esc);
        let journal = saved(&app);
        let texts: Vec<String> = journal.history().into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["powder, 7-OH products", "3 years", "6 g a day"], "Esc leaves the unsaved choice out");
    }
}

#[test]
fn the_self_check_asks_one_question_at_a_time_and_is_saved_whole() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_dir, mut app) = demo_app();
        app.model.screen = Screen::Summary;
        press(&mut app, KeyCode::Char('c'));
        type_text(&mut app, "yyn");
        insta::assert_snapshot!(format!("self_check_{w}x{h}"), screen(&app, w, h));
        type_text(&mut app, "yynnnnyy");
        let shown = screen(&app, w, h);
        assert!(shown.contains("Self-check saved: 6 of 11 answered yes"), "{shown}");
        let journal = saved(&app);
        let (latest, previous) = journal.criteria_latest("2026-03-10".parse().unwrap());
        assert_eq!(latest.map(|c| c.yes.len()), Some(6));
        assert!(previous.is_some(), "the demo's own check is the previous one");
    }
}

#[test]
fn the_history_and_the_self_check_draw_at_every_size_without_panicking() {
    let (_dir, mut app) = demo_app();
    app.model.screen = Screen::Summary;
    press(&mut app, KeyCode::Char('b'));
    for step in 0..9 {
        for (w, h) in [(40, 15), (60, 20), (200, 60), (39, 14), (10, 3), (0, 0)] {
            screen(&app, w, h);
        }
        if step == 0 {
            let shown = screen(&app, 40, 15);
            assert!(shown.contains("Question 1 of 9"), "{shown}");
        }
        press(&mut app, KeyCode::Enter);
    }
    assert!(app.model.overlay.is_none());
    press(&mut app, KeyCode::Char('c'));
    for (w, h) in [(40, 15), (39, 14), (10, 3), (0, 0)] {
        screen(&app, w, h);
    }
    assert!(screen(&app, 40, 15).contains("Question 1 of 11"));
}
