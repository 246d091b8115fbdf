//! The history, asked once after the welcome and changed later with `b` on
//! the Summary screen: nine questions, every one optional, each shown with
//! what is already recorded. A choice is a digit; Enter saves the question's
//! answer (when it changed) and moves on; Esc closes, keeping what was
//! saved. Text answers use the one-line prompt.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Ctx, Overlay, Prompt, Purpose, Reply, is_ctrl};
use crate::journal::Journal;
use crate::journal::about::{Field, Goal, Product, Reason, Substance, When};
use crate::journal::edit::AboutChange;
use crate::journal::format_number;
use crate::tui::change::Edit;
use crate::tui::msg::Msg;

/// Where the form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AboutStep {
    /// After the welcome: start, or not now.
    Intro,
    Products,
    UsedFor,
    UsualAmount,
    DosesADay,
    Reasons,
    Substances,
    Medicines,
    Goal,
    Pregnant,
}

impl AboutStep {
    pub const QUESTIONS: [AboutStep; 9] = [
        AboutStep::Products,
        AboutStep::UsedFor,
        AboutStep::UsualAmount,
        AboutStep::DosesADay,
        AboutStep::Reasons,
        AboutStep::Substances,
        AboutStep::Medicines,
        AboutStep::Goal,
        AboutStep::Pregnant,
    ];

    /// Its place among the questions, from 1 (0 for the intro).
    pub fn number(self) -> usize {
        Self::QUESTIONS.iter().position(|s| *s == self).map_or(0, |i| i + 1)
    }

    fn next(self) -> Option<AboutStep> {
        Self::QUESTIONS.get(self.number()).copied()
    }
}

pub struct AboutForm {
    pub step: AboutStep,
    /// The choices on screen for the multiple-choice questions, starting
    /// from what is recorded.
    pub products: BTreeSet<Product>,
    pub reasons: BTreeSet<Reason>,
    /// `None` until answered; empty is "none".
    pub substances: Option<BTreeMap<Substance, When>>,
    pub prompt: Option<Prompt>,
}

impl AboutForm {
    /// The form after the welcome: a question whether to start now.
    pub fn intro(journal: &Journal) -> Self {
        Self::at(journal, AboutStep::Intro)
    }

    /// The form at its first question (from the Summary screen).
    pub fn open(journal: &Journal) -> Self {
        Self::at(journal, AboutStep::Products)
    }

    fn at(journal: &Journal, step: AboutStep) -> Self {
        let about = journal.about();
        let text = |field: Field| journal.history().into_iter().find(|l| l.field == field).map(|l| l.text);
        let prompt = match step {
            AboutStep::UsedFor => Some(Prompt::new(Purpose::UsedFor, text(Field::UsedFor).as_deref())),
            AboutStep::UsualAmount => Some(Prompt::new(
                Purpose::UsualAmount,
                journal.settings().usual_daily_grams.map(format_number).as_deref(),
            )),
            AboutStep::DosesADay => Some(Prompt::new(Purpose::DosesADay, text(Field::DosesADay).as_deref())),
            AboutStep::Medicines => Some(Prompt::new(Purpose::Medicines, text(Field::Medicines).as_deref())),
            _ => None,
        };
        AboutForm {
            step,
            products: about.products.as_ref().map(|a| a.value.clone()).unwrap_or_default(),
            reasons: about.reasons.as_ref().map(|a| a.value.clone()).unwrap_or_default(),
            substances: about.substances.as_ref().map(|a| a.value.clone()),
            prompt,
        }
    }

    /// On to the next question with `msgs`, or closed after the last.
    fn next(&self, ctx: &Ctx, mut msgs: Vec<Msg>) -> Reply {
        // The next question is read from the journal as it is before these
        // answers are applied: only a prompt's prefill depends on it, and no
        // question prefills from the one before.
        if let Some(step) = self.step.next() {
            return Reply { next: Some(Overlay::About(AboutForm::at(ctx.journal, step))), msgs };
        }
        // A fact said with the last answer (pregnancy) stays the last word.
        if !msgs.iter().any(|m| matches!(m, Msg::Say(_))) {
            msgs.push(Msg::Say(
                "Your history is saved: b on the Summary screen changes it; c there asks the self-check.".into(),
            ));
        }
        Reply::close_with(msgs)
    }

    /// The change Enter saves on a choice question: the choices on screen,
    /// when they differ from what is recorded (none chosen clears it).
    fn chosen(&self, journal: &Journal) -> Option<AboutChange> {
        let about = journal.about();
        let change = match self.step {
            AboutStep::Products => {
                let now = about.products.as_ref().map(|a| &a.value);
                if now.map_or(self.products.is_empty(), |v| *v == self.products) {
                    return None;
                }
                if self.products.is_empty() {
                    AboutChange { clear: vec![Field::Products], ..AboutChange::default() }
                } else {
                    AboutChange { products: Some(self.products.clone()), ..AboutChange::default() }
                }
            }
            AboutStep::Reasons => {
                let now = about.reasons.as_ref().map(|a| &a.value);
                if now.map_or(self.reasons.is_empty(), |v| *v == self.reasons) {
                    return None;
                }
                if self.reasons.is_empty() {
                    AboutChange { clear: vec![Field::Reasons], ..AboutChange::default() }
                } else {
                    AboutChange { reasons: Some(self.reasons.clone()), ..AboutChange::default() }
                }
            }
            AboutStep::Substances => {
                let now = about.substances.as_ref().map(|a| &a.value);
                if now == self.substances.as_ref() {
                    return None;
                }
                AboutChange { substances: self.substances.clone(), ..AboutChange::default() }
            }
            _ => return None,
        };
        Some(change)
    }

    pub fn key(mut self, key: KeyEvent, ctx: &Ctx) -> Reply {
        if is_ctrl(&key, 'c') {
            return Reply::close_with(vec![Msg::Quit]);
        }
        if key.code == KeyCode::Esc {
            let said = if self.step == AboutStep::Intro {
                "Your history can wait: b on the Summary screen asks it any time."
            } else {
                "What you answered is kept; b on the Summary screen goes on."
            };
            return Reply::close_with(vec![Msg::Say(said.into())]);
        }
        if let Some(prompt) = self.prompt.take() {
            let reply = prompt.key(key, ctx);
            if let Some(Overlay::Prompt(prompt)) = reply.next {
                self.prompt = Some(prompt);
                return Reply { next: Some(Overlay::About(self)), msgs: reply.msgs };
            }
            return self.next(ctx, reply.msgs);
        }
        let digit = match key.code {
            KeyCode::Char(c) => c.to_digit(10).and_then(|d| usize::try_from(d).ok()),
            _ => None,
        };
        match (self.step, key.code, digit) {
            (AboutStep::Intro, KeyCode::Enter, _) => Reply::stay(Overlay::About(AboutForm::open(ctx.journal))),
            (AboutStep::Products, _, Some(d)) => {
                if let Some(p) = d.checked_sub(1).and_then(|i| Product::ALL.get(i)) {
                    toggle(&mut self.products, *p);
                }
                Reply::stay(Overlay::About(self))
            }
            (AboutStep::Reasons, _, Some(d)) => {
                if let Some(r) = d.checked_sub(1).and_then(|i| Reason::ALL.get(i)) {
                    toggle(&mut self.reasons, *r);
                }
                Reply::stay(Overlay::About(self))
            }
            (AboutStep::Substances, _, Some(0)) => {
                self.substances = Some(BTreeMap::new());
                Reply::stay(Overlay::About(self))
            }
            (AboutStep::Substances, _, Some(d)) => {
                if let Some(s) = d.checked_sub(1).and_then(|i| Substance::ALL.get(i)) {
                    let map = self.substances.get_or_insert_with(BTreeMap::new);
                    // Not said → now → in the past → not said.
                    match map.get(s) {
                        None => map.insert(*s, When::Now),
                        Some(When::Now) => map.insert(*s, When::Past),
                        Some(When::Past) => map.remove(s),
                    };
                }
                Reply::stay(Overlay::About(self))
            }
            (AboutStep::Goal, _, Some(d)) => match d.checked_sub(1).and_then(|i| Goal::ALL.get(i)) {
                Some(goal) => {
                    let change = AboutChange { goal: Some(*goal), ..AboutChange::default() };
                    self.next(ctx, vec![Msg::Edit(Edit::About(change))])
                }
                None => Reply::stay(Overlay::About(self)),
            },
            (AboutStep::Pregnant, _, Some(d @ (1 | 2))) => {
                let change = AboutChange { pregnant: Some(d == 1), ..AboutChange::default() };
                let mut msgs = vec![Msg::Edit(Edit::About(change))];
                if d == 1 {
                    // The fact from "When to get help", said when it is recorded.
                    msgs.push(Msg::Say(crate::get_help::pregnancy_fact().to_owned()));
                }
                self.next(ctx, msgs)
            }
            (_, KeyCode::Enter, _) => {
                let msgs = self.chosen(ctx.journal).map(|c| Msg::Edit(Edit::About(c))).into_iter().collect();
                self.next(ctx, msgs)
            }
            _ => Reply::stay(Overlay::About(self)),
        }
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}
