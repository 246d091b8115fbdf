//! "When to get help" as a pop-up: it scrolls, opens over whatever was open
//! (the welcome, a note being written), and brings that back when it closes.

use ratatui::crossterm::event::KeyEvent;

use super::{Ctx, Overlay, Reply, is_ctrl, scrolled};
use crate::tui::msg::Msg;

/// "When to get help", scrolled to a line, over what was open when `!` was
/// pressed.
pub struct GetHelp {
    pub scroll: u16,
    pub under: Option<Box<Overlay>>,
}

impl GetHelp {
    /// Opens over `open`; a second `!` keeps the one already open.
    pub fn over(open: Option<Overlay>) -> Overlay {
        match open {
            Some(Overlay::GetHelp(view)) => Overlay::GetHelp(view),
            // Help closes on any key anyway; there is nothing to go back to.
            Some(Overlay::Help(_)) | None => Overlay::GetHelp(GetHelp { scroll: 0, under: None }),
            Some(other) => Overlay::GetHelp(GetHelp { scroll: 0, under: Some(Box::new(other)) }),
        }
    }

    /// Arrows, j/k and the page keys scroll; any other key closes and brings
    /// back what was open underneath. Ctrl-C goes on to that pop-up, so a
    /// note being written is saved before quitting.
    pub fn key(mut self, key: KeyEvent, ctx: &Ctx) -> Reply {
        if let Some(scroll) = scrolled(&key, self.scroll, ctx) {
            self.scroll = scroll;
            return Reply::stay(Overlay::GetHelp(self));
        }
        match self.under.map(|under| *under) {
            Some(under) if is_ctrl(&key, 'c') => under.key(key, ctx),
            None if is_ctrl(&key, 'c') => Reply::close_with(vec![Msg::Quit]),
            under => Reply { next: under, msgs: Vec::new() },
        }
    }
}
