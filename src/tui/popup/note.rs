//! The day's note: several lines, wrapped in the box, "for my provider" or
//! not. A day that has a note opens it to read first, so nothing typed lands
//! in it by accident: `a` adds at the end on a new line, `e` edits, `x`
//! clears. Ctrl-S saves; Esc leaves, asking first if there are changes.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::{Overlay, Reply, is_ctrl};
use crate::journal::Journal;
use crate::tui::change::Edit;
use crate::tui::msg::Msg;

/// Where the editor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteMode {
    /// An existing note, shown to read: choose to add, edit or clear.
    Choose,
    Editing,
    /// Esc with changes: discard them?
    Discard,
}

pub struct NoteEditor {
    pub date: NaiveDate,
    pub text: TextArea<'static>,
    pub for_provider: bool,
    pub mode: NoteMode,
    /// The note as it was opened, to tell whether anything changed.
    saved: (String, bool),
}

impl NoteEditor {
    pub fn open(journal: &Journal, date: NaiveDate) -> Overlay {
        let note = journal.day(date).and_then(|d| d.note.as_ref());
        let text = note.map_or_else(String::new, |n| n.text.clone());
        let for_provider = note.is_some_and(|n| n.for_provider);
        let mode = if note.is_some() { NoteMode::Choose } else { NoteMode::Editing };
        Overlay::Note(NoteEditor { date, text: text_area(&text), for_provider, mode, saved: (text, for_provider) })
    }

    /// The text as written, lines joined.
    pub fn content(&self) -> String {
        self.text.lines().join("\n")
    }

    fn changed(&self) -> bool {
        self.content().trim() != self.saved.0.trim() || self.for_provider != self.saved.1
    }

    pub fn key(mut self, key: KeyEvent) -> Reply {
        if is_ctrl(&key, 'c') {
            // Quitting keeps what was written: saved first, then quit.
            return self.save(vec![Msg::Quit]);
        }
        if is_ctrl(&key, 's') {
            return self.save(Vec::new());
        }
        if is_ctrl(&key, 'l') && self.mode != NoteMode::Discard {
            self.text = text_area("");
            self.mode = NoteMode::Editing;
            return Reply::stay(Overlay::Note(self));
        }
        match (self.mode, key.code) {
            (NoteMode::Choose, KeyCode::Char('a')) => {
                self.text.move_cursor(CursorMove::Bottom);
                self.text.move_cursor(CursorMove::End);
                self.text.insert_newline();
                self.mode = NoteMode::Editing;
            }
            (NoteMode::Choose, KeyCode::Char('e') | KeyCode::Enter) => {
                self.text.move_cursor(CursorMove::Top);
                self.text.move_cursor(CursorMove::Head);
                self.mode = NoteMode::Editing;
            }
            // One key clears: x when reading, Ctrl-L when reading or writing.
            (NoteMode::Choose, KeyCode::Char('x')) => {
                self.text = text_area("");
                self.mode = NoteMode::Editing;
            }
            (NoteMode::Choose | NoteMode::Editing, KeyCode::Tab) => {
                self.for_provider = !self.for_provider;
            }
            (NoteMode::Choose, KeyCode::Esc | KeyCode::Char('q')) if !self.changed() => return Reply::close(),
            (NoteMode::Choose | NoteMode::Editing, KeyCode::Esc) => {
                if !self.changed() {
                    return Reply::close();
                }
                self.mode = NoteMode::Discard;
            }
            (NoteMode::Discard, KeyCode::Char('y' | 'Y')) => return Reply::close(),
            (NoteMode::Discard, KeyCode::Char('n' | 'N') | KeyCode::Esc) => self.mode = NoteMode::Editing,
            (NoteMode::Editing, _) => {
                self.text.input(key);
            }
            _ => {}
        }
        Reply::stay(Overlay::Note(self))
    }

    /// Pasted text goes in whole, at the cursor (never a key at a time, so
    /// a pasted line break is not taken for a key).
    pub fn paste(mut self, text: &str) -> Overlay {
        if self.mode != NoteMode::Discard {
            if self.mode == NoteMode::Choose {
                self.text.move_cursor(CursorMove::Bottom);
                self.text.move_cursor(CursorMove::End);
                self.text.insert_newline();
            }
            self.mode = NoteMode::Editing;
            self.text.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
        Overlay::Note(self)
    }

    /// Saves and closes with `then` after; a note the journal would refuse
    /// keeps the editor open with the reason, so nothing written is lost.
    fn save(self, then: Vec<Msg>) -> Reply {
        if !self.changed() {
            return Reply::close_with(then);
        }
        let text = self.content();
        // An empty note is removed, not refused.
        if !text.trim().is_empty()
            && let Err(e) = crate::journal::edit::note(&text)
        {
            return Reply { next: Some(Overlay::Note(self)), msgs: vec![Msg::Warn(e.to_string())] };
        }
        let mut msgs = vec![Msg::Edit(Edit::Note { date: self.date, text, for_provider: self.for_provider })];
        msgs.extend(then);
        Reply::close_with(msgs)
    }
}

/// A text area that wraps at words (and inside a word too long for a line).
fn text_area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> =
        if text.is_empty() { vec![String::new()] } else { text.lines().map(str::to_owned).collect() };
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area
}
