//! The app's one way in and one way out. Everything that happens — a key, a
//! pop-up's answer, the result of a save — is a `Msg` handled by `update`;
//! everything `update` wants done outside the state — save, write a file,
//! print — is an `Effect` the loop carries out after drawing the frame,
//! whose result comes back as a `Msg`.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::change::Edit;

/// Something that happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key press, as the terminal gave it.
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste), for the open pop-up.
    Paste(String),
    /// What a key asks for on a screen (from the screen's key table).
    Do(Action),
    /// A change to the journal, from a screen key or a pop-up.
    Edit(Edit),
    /// Something to tell the person: a warning, or news.
    Warn(String),
    Say(String),
    /// Open "When to get help" over whatever is open.
    OpenGetHelp,
    /// Quit once everything is saved (asks if a save fails).
    Quit,
    /// Quit and lose the changes that could not be saved.
    QuitUnsaved,
    /// Where printing would go, in words: ask before printing there.
    PrinterIs(String),
    /// Print the summary (the person said yes).
    Print,
    /// Back to a day's aids after one was deleted, if any are left.
    ShowAids {
        date: chrono::NaiveDate,
        chosen: usize,
    },
    /// A save finished, with what it has to say, or why it failed.
    Saved(Result<SaveNotes, String>),
    /// A summary file was written, or why not.
    Wrote(Result<PathBuf, String>),
    /// The summary went to the printer (the command used), or why not.
    Printed(Result<String, String>),
}

/// What a successful save has to say besides "saved".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveNotes {
    /// A backup could not be written; the journal itself is saved.
    pub backup_warning: Option<String>,
    /// The journal's folder had been removed and was made again.
    pub remade_folder: bool,
}

/// Something for the loop to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the journal. Several in one batch are one save.
    Save,
    /// Write a file only the person can read.
    Write { path: PathBuf, bytes: Vec<u8> },
    /// Find out where printing would go (the command, or the default printer).
    FindPrinter { command: Option<String> },
    /// Send a document (the PDF) to the printer (`lp`, or the command set for it).
    Print { bytes: Vec<u8>, command: Option<String> },
}
