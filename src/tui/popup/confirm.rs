//! A yes/no question before something that cannot be taken back.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Overlay, Reply};
use crate::tui::change::Edit;
use crate::tui::msg::Msg;

pub struct Confirm {
    pub question: String,
    pub on_yes: Confirmed,
}

/// What a yes does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    DeleteDose(usize),
    DeleteAid { date: NaiveDate, index: usize },
    ClearPlan,
    QuitUnsaved,
    Print,
}

impl Confirm {
    pub fn key(self, key: KeyEvent) -> Reply {
        match key.code {
            KeyCode::Char('y' | 'Y') => Reply::close_with(match self.on_yes {
                Confirmed::QuitUnsaved => vec![Msg::QuitUnsaved],
                Confirmed::Print => vec![Msg::Print],
                Confirmed::ClearPlan => vec![Msg::Edit(Edit::ClearPlan)],
                // Back to the list while the day has aids left.
                Confirmed::DeleteAid { date, index } => {
                    vec![Msg::Edit(Edit::DeleteAid { date, index }), Msg::ShowAids { date, chosen: index }]
                }
                Confirmed::DeleteDose(index) => vec![Msg::Edit(Edit::DeleteDose(index))],
            }),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => match self.on_yes {
                // Not deleted after all: back to the list it was asked from.
                Confirmed::DeleteAid { date, index } => Reply::close_with(vec![Msg::ShowAids { date, chosen: index }]),
                _ => Reply::close(),
            },
            _ => Reply::stay(Overlay::Confirm(self)),
        }
    }
}
