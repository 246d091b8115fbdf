//! One key table per screen. Each table drives three things at once — what a
//! key does, the footer hints and the help overlay — so they cannot drift
//! apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, SummaryFormat};
use super::model::Screen;

/// A key as written in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

/// One row of a key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the footer and help, e.g. `0–4`.
    pub label: &'static str,
    /// What it does, in a few words.
    pub does: &'static str,
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
    pub action: Action,
}

const fn bind(keys: &'static [Key], label: &'static str, does: &'static str, footer: bool, action: Action) -> Binding {
    Binding { keys, label, does, footer, action }
}

use Key::{Char, Code, Ctrl};

/// Keys that work on every screen.
pub const GLOBAL: &[Binding] = &[
    bind(&[Code(KeyCode::Tab)], "Tab", "next screen", false, Action::NextScreen),
    bind(&[Code(KeyCode::BackTab)], "Shift-Tab", "previous screen", false, Action::PrevScreen),
    bind(&[Char('?')], "?", "all keys", true, Action::OpenHelp),
    bind(&[Char('!')], "!", "get help", true, Action::OpenGetHelp),
    bind(&[Char('q'), Ctrl('c')], "q", "quit", true, Action::Quit),
];

pub const TODAY: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], "↑↓ j k", "choose a symptom", false, Action::Up),
    bind(&[Code(KeyCode::Down), Char('j')], "↑↓ j k", "choose a symptom", false, Action::Down),
    bind(&[Char('0')], "0–4", "rate", true, Action::Rate(0)),
    bind(&[Char('1')], "0–4", "rate", false, Action::Rate(1)),
    bind(&[Char('2')], "0–4", "rate", false, Action::Rate(2)),
    bind(&[Char('3')], "0–4", "rate", false, Action::Rate(3)),
    bind(&[Char('4')], "0–4", "rate", false, Action::Rate(4)),
    bind(&[Code(KeyCode::Left), Char('h')], "← → h l", "rate lower / higher", false, Action::Lower),
    bind(&[Code(KeyCode::Right), Char('l')], "← → h l", "rate lower / higher", false, Action::Higher),
    bind(&[Code(KeyCode::Backspace), Char('x')], "x", "clear", true, Action::Clear),
    bind(&[Char('[')], "[ ]", "day", true, Action::PrevDay),
    bind(&[Char(']')], "[ ]", "day", false, Action::NextDay),
    bind(&[Char('s')], "s", "sleep", false, Action::EditSleep),
    bind(&[Char('n')], "n", "note", true, Action::EditNote),
    bind(&[Char('a')], "a", "aids of the day: add, delete", false, Action::Aids),
    bind(&[Char('d')], "d", "dose", true, Action::AddDose),
    bind(&[Char('S')], "S", "mark the newest dose as the last (when asked)", false, Action::MarkLastDose),
];

pub const COURSE: &[Binding] = &[
    bind(&[Code(KeyCode::Left), Char('h')], "← →", "choose a day", true, Action::Left),
    bind(&[Code(KeyCode::Right), Char('l')], "← →", "choose a day", false, Action::Right),
    bind(&[Char('p')], "p", "physical / psychological / both", false, Action::ToggleKinds),
];

pub const HISTORY: &[Binding] = &[
    bind(&[Code(KeyCode::Left), Char('h')], "← →", "choose a day", true, Action::Left),
    bind(&[Code(KeyCode::Right), Char('l')], "← →", "choose a day", false, Action::Right),
    bind(&[Code(KeyCode::PageUp)], "PgUp PgDn", "a page earlier / later", false, Action::PageLeft),
    bind(&[Code(KeyCode::PageDown)], "PgUp PgDn", "a page earlier / later", false, Action::PageRight),
    bind(&[Code(KeyCode::Enter)], "Enter", "open in Today", true, Action::OpenDay),
];

pub const DOSES: &[Binding] = &[
    bind(&[Code(KeyCode::Left), Char('h')], "← →", "day", true, Action::Left),
    bind(&[Code(KeyCode::Right), Char('l')], "← →", "day", false, Action::Right),
    bind(&[Code(KeyCode::Up), Char('k')], "↑↓", "choose a dose", false, Action::Up),
    bind(&[Code(KeyCode::Down), Char('j')], "↑↓", "choose a dose", false, Action::Down),
    bind(&[Char('a'), Char('d')], "a", "add", true, Action::AddDose),
    bind(&[Char('e'), Code(KeyCode::Enter)], "e", "edit", true, Action::EditDose),
    bind(&[Char('x'), Code(KeyCode::Delete)], "x", "delete", true, Action::DeleteDose),
    bind(&[Char('n')], "n", "no kratom that day (again: take it back)", false, Action::NoDoseDay),
    bind(&[Char('p')], "p", "new plan", true, Action::NewPlan),
    bind(&[Char('o')], "o", "hold the current step longer", false, Action::HoldPlan),
    bind(&[Char('s')], "s", "change the step size from today", false, Action::RestepPlan),
    bind(&[Char('c')], "c", "clear the plan", false, Action::ClearPlan),
];

pub const SUMMARY: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], "↑↓", "scroll", true, Action::Up),
    bind(&[Code(KeyCode::Down), Char('j')], "↑↓", "scroll", false, Action::Down),
    bind(&[Code(KeyCode::PageUp)], "PgUp PgDn", "a page up / down", false, Action::PageLeft),
    bind(&[Code(KeyCode::PageDown)], "PgUp PgDn", "a page up / down", false, Action::PageRight),
    bind(&[Code(KeyCode::Home)], "Home End", "the top / the end", false, Action::Top),
    bind(&[Code(KeyCode::End)], "Home End", "the top / the end", false, Action::Bottom),
    // `w` for the web page: `h` means "left" on the other screens.
    bind(
        &[Char('t')],
        "t m w d",
        "write text / Markdown / web page / PDF",
        true,
        Action::WriteSummary(SummaryFormat::Text),
    ),
    bind(
        &[Char('m')],
        "t m w d",
        "write text / Markdown / web page / PDF",
        false,
        Action::WriteSummary(SummaryFormat::Markdown),
    ),
    bind(
        &[Char('w')],
        "t m w d",
        "write text / Markdown / web page / PDF",
        false,
        Action::WriteSummary(SummaryFormat::Html),
    ),
    // `d` for the document to bring (`p` prints it).
    bind(
        &[Char('d')],
        "t m w d",
        "write text / Markdown / web page / PDF",
        false,
        Action::WriteSummary(SummaryFormat::Pdf),
    ),
    bind(&[Char('p')], "p", "print (asks first)", true, Action::PrintSummary),
    bind(&[Char('b')], "b", "your history", true, Action::EditHistory),
    bind(&[Char('c')], "c", "self-check about the past 12 months", false, Action::SelfCheck),
];

/// The table of a screen.
pub fn table(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Today => TODAY,
        Screen::Course => COURSE,
        Screen::History => HISTORY,
        Screen::Doses => DOSES,
        Screen::Summary => SUMMARY,
    }
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Char(c) => !ctrl && event.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
            Key::Code(code) => event.code == code,
        }
    }
}

/// What a key press means on a screen (screen keys first, then global ones).
pub fn lookup(screen: Screen, event: &KeyEvent) -> Option<Action> {
    table(screen).iter().chain(GLOBAL).find(|b| b.keys.iter().any(|k| k.matches(event))).map(|b| b.action)
}

/// What a key press means wherever the window is too small for a screen.
pub fn lookup_global(event: &KeyEvent) -> Option<Action> {
    GLOBAL.iter().find(|b| b.keys.iter().any(|k| k.matches(event))).map(|b| b.action)
}

/// The footer's hints: each label once, screen keys then global ones.
pub fn footer(screen: Screen) -> Vec<(&'static str, &'static str)> {
    table(screen).iter().chain(GLOBAL).filter(|b| b.footer).map(|b| (b.label, b.does)).collect()
}

/// The footer's hints where a screen needs more room: moving on, help, quit.
pub fn footer_global() -> Vec<(&'static str, &'static str)> {
    GLOBAL.iter().filter(|b| b.footer || b.action == Action::NextScreen).map(|b| (b.label, b.does)).collect()
}

/// The help overlay's rows for a table: each label once, in order.
pub fn help_rows(table: &'static [Binding]) -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for b in table {
        if !rows.iter().any(|(label, _)| *label == b.label) {
            rows.push((b.label, b.does));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_screen_uses_the_rating_digits_for_anything_else() {
        for screen in Screen::ALL {
            for digit in '0'..='9' {
                let event = KeyEvent::from(KeyCode::Char(digit));
                let action = lookup(screen, &event);
                if screen == Screen::Today && digit <= '4' {
                    assert!(matches!(action, Some(Action::Rate(_))));
                } else {
                    assert_eq!(action, None, "{screen:?} uses {digit}");
                }
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_on_a_screen() {
        for screen in Screen::ALL {
            let keys: Vec<Key> = table(screen).iter().chain(GLOBAL).flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{screen:?}: {k:?} is bound twice");
            }
        }
    }
}
