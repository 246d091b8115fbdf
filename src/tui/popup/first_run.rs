//! The welcome: only what is needed, every question skippable — tapering or
//! stopped, the last dose, the usual amount, and whose help numbers to give.
//! It hands over to the history's optional step (`popup/about.rs`).

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{AboutForm, Ctx, Overlay, Prompt, Purpose, Reply, is_ctrl};
use crate::journal::Mode;
use crate::tui::change::Edit;
use crate::tui::msg::Msg;

pub struct FirstRun {
    pub step: Step,
    pub prompt: Option<Prompt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Mode,
    LastUse,
    Amount,
    /// Whose numbers "When to get help" gives.
    Country,
}

impl FirstRun {
    pub fn start() -> Self {
        FirstRun { step: Step::Mode, prompt: None }
    }

    fn at(step: Step) -> Overlay {
        Overlay::FirstRun(FirstRun { step, prompt: None })
    }

    /// The question for the usual daily amount.
    fn ask_amount() -> Overlay {
        Overlay::FirstRun(FirstRun { step: Step::Amount, prompt: Some(Prompt::new(Purpose::UsualAmount, None)) })
    }

    /// The last dose's date and time, with the date already typed if chosen.
    fn ask_last_use(date: Option<&str>) -> Overlay {
        let prompt = match date {
            Some(date) => Prompt::typed(Purpose::LastUse, date),
            None => Prompt::new(Purpose::LastUse, None),
        };
        Overlay::FirstRun(FirstRun { step: Step::LastUse, prompt: Some(prompt) })
    }

    pub fn key(mut self, key: KeyEvent, ctx: &Ctx) -> Reply {
        if is_ctrl(&key, 'c') {
            return Reply::close_with(vec![Msg::Quit]);
        }
        if let Some(prompt) = self.prompt.take() {
            let purpose = prompt.purpose;
            let reply = prompt.key(key, ctx);
            if let Some(Overlay::Prompt(prompt)) = reply.next {
                self.prompt = Some(prompt);
                return Reply { next: Some(Overlay::FirstRun(self)), msgs: reply.msgs };
            }
            // Answered (Enter) or skipped (Esc): on to the next question.
            let next = match purpose {
                Purpose::LastUse => FirstRun::ask_amount(),
                _ => FirstRun::at(Step::Country),
            };
            return Reply { next: Some(next), msgs: reply.msgs };
        }
        let today = ctx.now.date_naive();
        match (self.step, key.code) {
            (Step::Mode, KeyCode::Char('t')) => {
                Reply { next: Some(FirstRun::ask_amount()), msgs: vec![Msg::Edit(Edit::Mode(Mode::Tapering))] }
            }
            (Step::Mode, KeyCode::Char('s')) => {
                Reply { next: Some(FirstRun::at(Step::LastUse)), msgs: vec![Msg::Edit(Edit::Mode(Mode::Stopped))] }
            }
            (Step::LastUse, KeyCode::Char('1')) => Reply::stay(FirstRun::ask_last_use(Some(&format!("{today} ")))),
            (Step::LastUse, KeyCode::Char('2')) => {
                let yesterday = today - chrono::Duration::days(1);
                Reply::stay(FirstRun::ask_last_use(Some(&format!("{yesterday} "))))
            }
            (Step::LastUse, KeyCode::Char('3')) => Reply::stay(FirstRun::ask_last_use(None)),
            // Typing a date straight away starts the date with it, rather
            // than losing the letters.
            (Step::LastUse, KeyCode::Char(c)) if !c.is_control() => {
                Reply::stay(FirstRun::ask_last_use(Some(&c.to_string())))
            }
            (Step::Mode | Step::LastUse, KeyCode::Enter | KeyCode::Esc) => Reply::stay(FirstRun::ask_amount()),
            (Step::Country, KeyCode::Char(digit @ '1'..='9')) => {
                let index = digit.to_digit(10).map_or(0, |d| d as usize - 1);
                match crate::get_help::countries().get(index) {
                    Some(country) => Reply {
                        next: Some(Overlay::About(AboutForm::intro(ctx.journal))),
                        msgs: vec![Msg::Edit(Edit::Country(country.code.clone()))],
                    },
                    None => Reply::stay(Overlay::FirstRun(self)),
                }
            }
            // Then the history, which can wait.
            (Step::Country, KeyCode::Enter | KeyCode::Esc) => {
                Reply::stay(Overlay::About(AboutForm::intro(ctx.journal)))
            }
            _ => Reply::stay(Overlay::FirstRun(self)),
        }
    }
}
