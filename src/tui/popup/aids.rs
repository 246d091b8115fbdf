//! The aids of one day: choose one, add one, delete one (after asking).

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Confirm, Confirmed, Ctx, Overlay, Prompt, Purpose, Reply, is_ctrl};
use crate::journal::Journal;
use crate::tui::msg::Msg;

/// The aids of one day, one of them chosen.
pub struct AidList {
    pub date: NaiveDate,
    pub chosen: usize,
}

impl AidList {
    /// The day's aids; with none logged that day, the prompt to add one.
    pub fn open(journal: &Journal, date: NaiveDate) -> Overlay {
        if journal.day(date).is_some_and(|d| !d.aids.is_empty()) {
            Overlay::Aids(AidList { date, chosen: 0 })
        } else {
            Overlay::Prompt(Prompt::new(Purpose::Aid(date), None))
        }
    }

    /// ↑ ↓ choose, `a` adds, `x` deletes (after asking), Esc closes.
    pub fn key(mut self, key: KeyEvent, ctx: &Ctx) -> Reply {
        let aids = ctx.journal.day(self.date).map(|d| d.aids.as_slice()).unwrap_or_default();
        self.chosen = self.chosen.min(aids.len().saturating_sub(1));
        match key.code {
            _ if is_ctrl(&key, 'c') => Reply::close_with(vec![Msg::Quit]),
            KeyCode::Esc | KeyCode::Char('q') => Reply::close(),
            KeyCode::Up | KeyCode::Char('k') => {
                self.chosen = self.chosen.saturating_sub(1);
                Reply::stay(Overlay::Aids(self))
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.chosen = (self.chosen + 1).min(aids.len().saturating_sub(1));
                Reply::stay(Overlay::Aids(self))
            }
            KeyCode::Char('a') => Reply::stay(Overlay::Prompt(Prompt::new(Purpose::Aid(self.date), None))),
            // Typing a name straight away starts a new entry with it, so no
            // letter is taken for a key (the `l` of "loperamide" included).
            KeyCode::Char(c) if !matches!(c, 'x' | 'j' | 'k' | 'q') && !c.is_control() => {
                Reply::stay(Overlay::Prompt(Prompt::typed(Purpose::Aid(self.date), &c.to_string())))
            }
            KeyCode::Char('x') | KeyCode::Delete | KeyCode::Backspace => match aids.get(self.chosen) {
                Some(aid) => Reply::stay(Overlay::Confirm(Confirm {
                    question: format!("Delete the aid {} of {}?", aid.entry_text(), self.date.format("%a %-d %b")),
                    on_yes: Confirmed::DeleteAid { date: self.date, index: self.chosen },
                })),
                None => Reply::close(),
            },
            _ => Reply::stay(Overlay::Aids(self)),
        }
    }
}

/// Aid names the person has used, most used first, that start with `typed`.
pub fn aid_suggestions(journal: &Journal, typed: &str) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for day in journal.days().values() {
        for aid in &day.aids {
            *counts.entry(aid.name.as_str()).or_default() += 1;
        }
    }
    let typed = typed.trim().to_lowercase();
    let mut names: Vec<(&str, usize)> = counts.into_iter().filter(|(name, _)| name.starts_with(&typed)).collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    names.into_iter().map(|(name, _)| name.to_owned()).collect()
}
