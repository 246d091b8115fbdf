//! Pop-ups drawn over a screen: help, "When to get help", one-line prompts,
//! the note editor, the day's aids, yes/no questions, the welcome, the
//! history's questions, the self-check and facts for attention. Each owns its state and answers a key with a `Reply`: the
//! pop-up that stays open (itself, another, or none) and messages for
//! `update`. None of them changes the journal or the app itself.

mod about;
mod aids;
mod confirm;
mod first_run;
mod get_help;
mod note;
mod prompt;
mod self_check;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use about::{AboutForm, AboutStep};
pub use aids::{AidList, aid_suggestions};
pub use confirm::{Confirm, Confirmed};
pub use first_run::{FirstRun, Step};
pub use get_help::GetHelp;
pub use note::{NoteEditor, NoteMode};
pub use prompt::{Prompt, Purpose, dose_prefill};
pub use self_check::SelfCheck;

use super::msg::Msg;
use crate::journal::{Journal, Stamp};

/// What is drawn over the screen, if anything.
pub enum Overlay {
    /// The keys of the screen and everywhere, scrolled to a line.
    Help(u16),
    GetHelp(GetHelp),
    Prompt(Prompt),
    Note(NoteEditor),
    Aids(AidList),
    Confirm(Confirm),
    FirstRun(FirstRun),
    /// The history's questions (after the welcome, or `b` on Summary).
    About(AboutForm),
    /// The self-check about the past 12 months (`c` on Summary).
    SelfCheck(SelfCheck),
    /// Facts for attention that a change just brought (safety spec): shown
    /// at once, over whatever was open, until dismissed.
    Attention(Attention),
    /// A message that would not fit the status line.
    Message(Message),
}

/// A message too long for the status line, in a box over what was open.
pub struct Message {
    pub text: String,
    pub warning: bool,
    pub under: Option<Box<Overlay>>,
}

/// New flags, over what was open when they came, which comes back after.
pub struct Attention {
    pub facts: Vec<String>,
    pub under: Option<Box<Overlay>>,
}

/// What a pop-up may read to answer a key.
pub struct Ctx<'a> {
    pub journal: &'a Journal,
    pub now: Stamp,
    /// The open pop-up that scrolls ("When to get help", the keys), in the
    /// window as last drawn: the lines Page Up and Page Down move, and how
    /// far it can scroll.
    pub page: u16,
    pub last: u16,
}

/// A pop-up's answer to a key.
pub struct Reply {
    /// What is open afterwards.
    pub next: Option<Overlay>,
    /// What `update` does next, in order.
    pub msgs: Vec<Msg>,
}

impl Reply {
    pub fn stay(overlay: Overlay) -> Self {
        Reply { next: Some(overlay), msgs: Vec::new() }
    }

    pub fn close() -> Self {
        Reply { next: None, msgs: Vec::new() }
    }

    pub fn close_with(msgs: Vec<Msg>) -> Self {
        Reply { next: None, msgs }
    }
}

/// Where a scrolling pop-up goes on a scroll key (`None` for any other key).
pub fn scrolled(key: &KeyEvent, at: u16, ctx: &Ctx) -> Option<u16> {
    let to = match key.code {
        _ if key.modifiers.contains(KeyModifiers::CONTROL) => return None,
        KeyCode::Up | KeyCode::Char('k') => at.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => at.saturating_add(1),
        KeyCode::PageUp => at.saturating_sub(ctx.page),
        KeyCode::PageDown => at.saturating_add(ctx.page),
        KeyCode::Home => 0,
        KeyCode::End => ctx.last,
        _ => return None,
    };
    Some(to.min(ctx.last))
}

pub fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

impl Overlay {
    pub fn first_run() -> Self {
        Overlay::FirstRun(FirstRun::start())
    }

    /// Takes pasted text: whole into a note or a prompt, ignored elsewhere.
    #[must_use]
    pub fn paste(self, text: &str) -> Overlay {
        match self {
            Overlay::Note(editor) => editor.paste(text),
            Overlay::Prompt(prompt) => Overlay::Prompt(prompt.paste(text)),
            Overlay::FirstRun(mut first) => {
                first.prompt = first.prompt.map(|p| p.paste(text));
                Overlay::FirstRun(first)
            }
            Overlay::About(mut form) => {
                form.prompt = form.prompt.map(|p| p.paste(text));
                Overlay::About(form)
            }
            other => other,
        }
    }

    /// Answers a key. `!` opens "When to get help" wherever it cannot be
    /// text being typed; Ctrl-C quits from every pop-up, each its own way (a
    /// note is saved first).
    pub fn key(self, key: KeyEvent, ctx: &Ctx) -> Reply {
        let bang = key.code == KeyCode::Char('!') && !key.modifiers.contains(KeyModifiers::CONTROL);
        let quit = is_ctrl(&key, 'c');
        match self {
            Overlay::GetHelp(view) => view.key(key, ctx),
            Overlay::Help(_) if bang => Reply::close_with(vec![Msg::OpenGetHelp]),
            Overlay::Help(_) if quit => Reply::close_with(vec![Msg::Quit]),
            // Scroll keys scroll when there is more; any other key closes.
            Overlay::Help(at) => match scrolled(&key, at, ctx) {
                Some(at) => Reply::stay(Overlay::Help(at)),
                None => Reply::close(),
            },
            Overlay::FirstRun(first) if bang && first.prompt.is_none() => {
                Reply { next: Some(Overlay::FirstRun(first)), msgs: vec![Msg::OpenGetHelp] }
            }
            Overlay::FirstRun(first) => first.key(key, ctx),
            Overlay::About(form) if bang && form.prompt.is_none() => {
                Reply { next: Some(Overlay::About(form)), msgs: vec![Msg::OpenGetHelp] }
            }
            Overlay::About(form) => form.key(key, ctx),
            Overlay::SelfCheck(check) if bang => {
                Reply { next: Some(Overlay::SelfCheck(check)), msgs: vec![Msg::OpenGetHelp] }
            }
            Overlay::SelfCheck(check) => check.key(key),
            Overlay::Confirm(confirm) => confirm.key(key),
            Overlay::Prompt(prompt) => prompt.key(key, ctx),
            Overlay::Note(editor) => editor.key(key),
            Overlay::Aids(list) => list.key(key, ctx),
            Overlay::Attention(attention) if bang => {
                Reply { next: Some(Overlay::Attention(attention)), msgs: vec![Msg::OpenGetHelp] }
            }
            Overlay::Attention(_) | Overlay::Message(_) if quit => Reply::close_with(vec![Msg::Quit]),
            Overlay::Message(message) => match key.code {
                KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' ') => {
                    Reply { next: message.under.map(|o| *o), msgs: Vec::new() }
                }
                _ => Reply::stay(Overlay::Message(message)),
            },
            // Read on purpose: only Enter, Esc or Space closes it.
            Overlay::Attention(attention) => match key.code {
                KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' ') => {
                    Reply { next: attention.under.map(|o| *o), msgs: Vec::new() }
                }
                _ => Reply::stay(Overlay::Attention(attention)),
            },
        }
    }
}
