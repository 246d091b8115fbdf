//! Nothing the app says is cut: over every screen and pop-up, at window
//! sizes from 40×15 to 200×60, a status message or warning up to 360
//! characters (more than anything the app says)
//! appears whole in the drawn window (its wrapped lines joined), in the
//! status area or in its own box; so do the legend of History, a prompt's
//! hint and the note editor's keys.

use std::sync::OnceLock;

use easeoff::journal::{Journal, Stamp};
use easeoff::tui::{Model, Msg, Overlay, Screen, Theme, update};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Size;

fn now() -> Stamp {
    Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap()
}

fn demo() -> Journal {
    static DEMO: OnceLock<Journal> = OnceLock::new();
    DEMO.get_or_init(|| easeoff::demo::generate(42, 1, now())).clone()
}

/// The window's rows of text.
fn rows(model: &Model) -> Vec<Vec<String>> {
    let mut terminal = Terminal::new(TestBackend::new(model.window.width, model.window.height)).unwrap();
    terminal.draw(|frame| frame.render_widget(model, frame.area())).unwrap();
    let buffer = terminal.backend().buffer();
    (0..model.window.height)
        .map(|y| (0..model.window.width).map(|x| buffer.cell((x, y)).map_or(" ", |c| c.symbol()).to_owned()).collect())
        .collect()
}

/// The window as text, its lines joined and whitespace dropped, so a
/// wrapped message reads as it was written; or, with a box titled `title` open, the
/// text inside that box.
fn drawn(model: &Model, title: Option<&str>) -> String {
    let rows = rows(model);
    let line = |row: &[String], from: usize, to: usize| row[from..to].concat();
    let mut text = String::new();
    let boxed = title.and_then(|title| {
        rows.iter().enumerate().find_map(|(y, row)| {
            let left = row.iter().position(|c| c == "┌")?;
            line(row, left, row.len()).contains(title).then_some((y, left))
        })
    });
    match boxed {
        Some((top, left)) => {
            let right = (left + 1..rows[top].len()).find(|x| rows[top][*x] == "┐").unwrap_or(rows[top].len() - 1);
            for row in rows.iter().skip(top + 1).take_while(|row| row[left] != "└") {
                text.push_str(&line(row, left + 1, right));
                text.push('\n');
            }
        }
        None => {
            for row in &rows {
                text.push_str(&row.concat());
                text.push('\n');
            }
        }
    }
    collapse(&text)
}

/// Text without its whitespace: a line may break between words, or inside
/// a word longer than the line, and the text is still whole.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect()
}

fn key(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::from(code)));
}

/// The pop-ups a person can have open over a screen (key presses that open
/// them on Today; "When to get help" takes the whole window, so it is not
/// one of them).
const POPUPS: [&[KeyCode]; 6] = [
    &[],
    &[KeyCode::Char('?')],
    &[KeyCode::Char('n')],
    &[KeyCode::Char('d')],
    &[KeyCode::Char('s')],
    &[KeyCode::Char('a')],
];

/// Words messages are made of, a long path among them.
const WORDS: [&str; 12] = [
    "Saved.",
    "Worth",
    "a",
    "second",
    "look:",
    "cutting",
    "40 %",
    "every",
    "7 days",
    "/home/someone/.local/share/easeoff/easeoff-summary-2026-03-10.html",
    "withdrawal",
    "provider.",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_message_is_drawn_whole_on_every_screen_and_popup_at_every_size(
        width in 40u16..=200,
        height in 15u16..=60,
        screen in 0usize..5,
        popup in 0usize..POPUPS.len(),
        words in proptest::collection::vec(0usize..WORDS.len(), 1..80),
        warning in any::<bool>(),
    ) {
        let mut model = Model::new(demo(), "/nowhere/journal.json".into(), now(), Theme::new(false));
        model.window = Size { width, height };
        model.screen = Screen::ALL[screen];
        // Pop-ups open from Today; the screen is chosen after.
        let chosen = model.screen;
        model.screen = Screen::Today;
        for code in POPUPS[popup] {
            key(&mut model, *code);
        }
        model.screen = chosen;
        // As long as anything the app says (the longest, a plan's note, is
        // under 300 characters), and then some.
        let mut text = String::new();
        for word in words.iter().map(|i| WORDS[*i]) {
            if text.chars().count() + word.chars().count() > 360 {
                break;
            }
            text.push_str(word);
            text.push(' ');
        }
        let text = text.trim_end().to_owned();
        update(&mut model, if warning { Msg::Warn(text.clone()) } else { Msg::Say(text.clone()) });
        // A message too long for the status area is read inside its box.
        let title = matches!(model.overlay, Some(Overlay::Message(_))).then_some("Message");
        let shown = drawn(&model, title);
        prop_assert!(shown.contains(&collapse(&text)), "{width}×{height} {chosen:?} popup {popup}: {text:?} not whole in:\n{shown}");
        let shown = drawn(&model, None);
        if chosen == Screen::History && width >= 80 && height >= 24 && model.overlay.is_none() {
            prop_assert!(shown.contains(&collapse("scores rounded · Enter opens the day")), "{width}×{height}: legend cut:\n{shown}");
        }
        match &model.overlay {
            Some(Overlay::Prompt(prompt)) => {
                let inside = drawn(&model, Some(&prompt.purpose.title()));
                prop_assert!(inside.contains(&collapse(prompt.purpose.hint())), "{width}×{height}: hint cut:\n{inside}");
            }
            Some(Overlay::Note(_)) => {
                let inside = drawn(&model, Some("Note for"));
                prop_assert!(inside.contains(&collapse("Ctrl-S save · Esc leave · Enter new line · Ctrl-L clear")), "{width}×{height}: keys cut:\n{inside}");
            }
            _ => {}
        }
    }
}
