//! The day's note: several lines, "for my provider" or not.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::{Ctx, Overlay, Reply, is_ctrl};
use crate::journal::Journal;
use crate::tui::change::Edit;
use crate::tui::msg::Msg;

pub struct NoteEditor {
    pub date: NaiveDate,
    pub text: TextArea<'static>,
    pub for_provider: bool,
}

impl NoteEditor {
    pub fn open(journal: &Journal, date: NaiveDate) -> Overlay {
        let note = journal.day(date).and_then(|d| d.note.as_ref());
        let lines = note.map_or_else(|| vec![String::new()], |n| n.text.lines().map(str::to_owned).collect());
        let mut text = TextArea::new(lines);
        text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        Overlay::Note(NoteEditor { date, text, for_provider: note.is_some_and(|n| n.for_provider) })
    }

    /// Esc or Ctrl-S saves and closes, Tab toggles "for my provider",
    /// Ctrl-L empties it (saved empty, the note is removed; Ctrl-U undoes),
    /// Ctrl-C saves and quits. A note the journal would refuse keeps the
    /// editor open with the reason, so nothing written is lost.
    pub fn key(mut self, key: KeyEvent, ctx: &Ctx) -> Reply {
        let quit = is_ctrl(&key, 'c');
        if key.code == KeyCode::Esc || is_ctrl(&key, 's') || quit {
            let text = self.text.lines().join("\n");
            let unchanged = ctx
                .journal
                .day(self.date)
                .and_then(|d| d.note.as_ref())
                .map_or(text.trim().is_empty(), |n| n.text == text.trim() && n.for_provider == self.for_provider);
            let mut msgs = Vec::new();
            if !unchanged {
                // An empty note is removed, not refused.
                if let Err(e) = Some(&text)
                    .filter(|t| !t.trim().is_empty())
                    .map_or(Ok(()), |t| crate::journal::edit::note(t).map(drop))
                {
                    return Reply { next: Some(Overlay::Note(self)), msgs: vec![Msg::Warn(e.to_string())] };
                }
                msgs.push(Msg::Edit(Edit::Note { date: self.date, text, for_provider: self.for_provider }));
            }
            if quit {
                msgs.push(Msg::Quit);
            }
            return Reply::close_with(msgs);
        }
        if key.code == KeyCode::Tab {
            self.for_provider = !self.for_provider;
        } else if is_ctrl(&key, 'l') {
            self.text.clear();
        } else {
            self.text.input(key);
        }
        Reply::stay(Overlay::Note(self))
    }
}
