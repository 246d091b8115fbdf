//! The self-check about the past 12 months, one question at a time: `y` or
//! `n` answers and moves on, ← goes back to change an answer, Esc stops
//! without saving. The last answer saves the whole check at once, so a
//! check is never kept half answered.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Overlay, Reply, is_ctrl};
use crate::journal::criteria;
use crate::tui::change::Edit;
use crate::tui::msg::Msg;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SelfCheck {
    /// The answers so far, in order; the question shown is the next one.
    pub answers: Vec<bool>,
}

impl SelfCheck {
    /// The question being asked (0-based) and how many there are.
    pub fn at(&self) -> (usize, usize) {
        (self.answers.len(), criteria::questions().len())
    }

    pub fn key(mut self, key: KeyEvent) -> Reply {
        if is_ctrl(&key, 'c') {
            return Reply::close_with(vec![Msg::Quit]);
        }
        let answer = match key.code {
            KeyCode::Char('y' | 'Y') => true,
            KeyCode::Char('n' | 'N') => false,
            KeyCode::Left | KeyCode::Backspace => {
                self.answers.pop();
                return Reply::stay(Overlay::SelfCheck(self));
            }
            KeyCode::Esc => return Reply::close_with(vec![Msg::Say("Self-check stopped; nothing was saved.".into())]),
            _ => return Reply::stay(Overlay::SelfCheck(self)),
        };
        self.answers.push(answer);
        if self.answers.len() < criteria::questions().len() {
            Reply::stay(Overlay::SelfCheck(self))
        } else {
            Reply::close_with(vec![Msg::Edit(Edit::Criteria(self.answers))])
        }
    }
}
