//! The app's state and its event loop. State is plain data; `update.rs`
//! changes it in answer to actions, `view/` draws it, and the journal is only
//! ever changed through `App::change`, which saves at once.

use std::io;

use chrono::NaiveDate;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Size;

use super::editor::Overlay;
use super::theme::Theme;
use crate::journal::{InputError, Journal, Kind, Stamp};
use crate::store::Store;

/// The screens, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Today,
    Course,
    History,
    Doses,
    Summary,
}

impl Screen {
    pub const ALL: [Screen; 5] = [Screen::Today, Screen::Course, Screen::History, Screen::Doses, Screen::Summary];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Today => "Today",
            Screen::Course => "Course",
            Screen::History => "History",
            Screen::Doses => "Doses",
            Screen::Summary => "Summary",
        }
    }

    fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    #[must_use]
    pub fn next(self) -> Screen {
        Screen::ALL[(self.index() + 1) % Screen::ALL.len()]
    }

    #[must_use]
    pub fn prev(self) -> Screen {
        Screen::ALL[(self.index() + Screen::ALL.len() - 1) % Screen::ALL.len()]
    }
}

/// Where "now" comes from: fixed (`EASEOFF_NOW`, tests) or the system clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Fixed(Stamp),
    System,
}

impl Clock {
    pub fn now(self) -> Stamp {
        match self {
            Clock::Fixed(at) => at,
            Clock::System => chrono::Local::now().fixed_offset(),
        }
    }
}

/// Which kinds the Course screen draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kinds {
    Both,
    Only(Kind),
}

impl Kinds {
    pub fn shows(self, kind: Kind) -> bool {
        match self {
            Kinds::Both => true,
            Kinds::Only(k) => k == kind,
        }
    }

    #[must_use]
    pub fn next(self) -> Kinds {
        match self {
            Kinds::Both => Kinds::Only(Kind::Physical),
            Kinds::Only(Kind::Physical) => Kinds::Only(Kind::Psychological),
            Kinds::Only(Kind::Psychological) => Kinds::Both,
        }
    }
}

/// A line for the person at the bottom: what just happened, or a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub warning: bool,
}

/// The whole state of the app.
pub struct App {
    pub journal: Journal,
    pub(super) store: Store,
    /// Why nothing will be saved (another easeoff has the journal), shown as a banner.
    pub read_only: Option<String>,
    pub now: Stamp,
    clock: Clock,
    pub screen: Screen,
    /// The day shown on Today (never after today).
    pub date: NaiveDate,
    /// The chosen symptom on Today, an index into the active items.
    pub item: usize,
    /// The chosen day on Course, History and Doses.
    pub cursor: NaiveDate,
    /// The chosen dose of the chosen day on Doses.
    pub dose: usize,
    pub kinds: Kinds,
    pub summary_scroll: u16,
    pub overlay: Option<Overlay>,
    /// The window's size at the last frame. Below the smallest size only a
    /// notice is drawn, so keys that would act unseen are ignored then.
    pub window: Size,
    pub status: Option<Status>,
    /// A change is in memory that could not be saved yet.
    pub unsaved: bool,
    pub quit: bool,
    pub theme: Theme,
    /// What printing runs instead of `lp` (`EASEOFF_PRINT_CMD`).
    pub print_cmd: Option<String>,
    /// Test-only: a key that makes the app panic, to prove the terminal is
    /// restored and saved changes kept (set only in debug builds).
    pub panic_on: Option<char>,
    /// Facts for attention a change brought, shown after the key is handled.
    pub attention: Vec<String>,
}

impl App {
    /// An app on an opened journal. `first_run` opens the welcome questions;
    /// `locked_by` is why the journal could only be opened for reading.
    pub fn new(
        journal: Journal,
        store: Store,
        clock: Clock,
        first_run: bool,
        locked_by: Option<String>,
        theme: Theme,
    ) -> Self {
        let now = clock.now();
        let today = now.date_naive();
        let read_only = locked_by
            .or_else(|| store.read_only().map(str::to_owned))
            .map(|why| format!("Read-only: {why}. Nothing you change here is saved."));
        let overlay = (first_run && read_only.is_none()).then(Overlay::first_run);
        Self {
            journal,
            store,
            read_only,
            now,
            clock,
            screen: Screen::Today,
            date: today,
            item: 0,
            cursor: today,
            dose: 0,
            kinds: Kinds::Both,
            summary_scroll: 0,
            overlay,
            window: Size { width: super::MIN_WIDTH, height: super::MIN_HEIGHT },
            status: None,
            unsaved: false,
            quit: false,
            theme,
            print_cmd: None,
            panic_on: None,
            attention: Vec::new(),
        }
    }

    /// Runs until the person quits; the terminal is set up and restored by
    /// the caller.
    pub fn run(&mut self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        while !self.quit {
            self.now = self.clock.now();
            terminal.draw(|frame| frame.render_widget(&*self, frame.area()))?;
            self.window = terminal.size()?;
            if let Event::Key(key) = event::read()? {
                self.on_key(key);
            }
        }
        Ok(())
    }

    /// One key event; only presses count, so no action happens twice.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        if let Some(c) = self.panic_on
            && key.code == ratatui::crossterm::event::KeyCode::Char(c)
        {
            panic!("the test-only panic key was pressed");
        }
        if self.too_small() && !matches!(self.overlay, Some(Overlay::GetHelp(_))) {
            self.on_key_too_small(key);
        } else if self.overlay.is_some() {
            self.on_overlay_key(key);
        } else if let Some(action) = super::keys::lookup(self.screen, &key) {
            self.apply(action);
        }
        self.show_attention();
    }

    /// Whether the window is below the size the screens are made for.
    pub fn too_small(&self) -> bool {
        self.window.width < super::MIN_WIDTH || self.window.height < super::MIN_HEIGHT
    }

    /// Below the smallest size only the notice shows, so only what it offers
    /// works: `!` opens "When to get help", `q` and Ctrl-C quit. Any other key
    /// would rate or type where the person cannot see it.
    fn on_key_too_small(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let quit = (key.code == KeyCode::Char('q') && !ctrl) || (key.code == KeyCode::Char('c') && ctrl);
        if key.code == KeyCode::Char('!') && !ctrl {
            self.open_get_help();
        } else if quit && self.overlay.is_some() {
            // Each overlay quits its own way (a note is saved first).
            self.on_overlay_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        } else if quit {
            self.request_quit();
        }
    }

    /// The path of the journal file.
    /// Where the person is now: computed from the journal each time it is
    /// asked for (once a frame), never kept, so it cannot go stale.
    pub fn situation(&self) -> crate::analysis::situation::Situation {
        crate::analysis::situation::situation(&self.journal, self.now)
    }

    pub fn journal_path(&self) -> &std::path::Path {
        self.store.path()
    }

    /// Changes the journal through `edit` and saves at once. A refused change
    /// says why; a failed save keeps the change in memory and says so.
    pub fn change(&mut self, edit: impl FnOnce(&mut Journal, Stamp) -> Result<String, InputError>) -> bool {
        if self.read_only.is_some() {
            self.warn("Read-only: this change was not made, because another easeoff has the journal open.");
            return false;
        }
        let flags_before = crate::analysis::flags::recent(&self.journal, &self.situation());
        match edit(&mut self.journal, self.now) {
            Err(e) => {
                self.warn(&e.to_string());
                false
            }
            Ok(said) => {
                // A fact that matters for safety is said the moment it is logged.
                let after = crate::analysis::flags::recent(&self.journal, &self.situation());
                self.attention.extend(after.into_iter().filter(|f| !flags_before.contains(f)).map(|f| f.text));
                self.unsaved = true;
                if self.save() {
                    self.status = Some(Status { text: said, warning: false });
                }
                true
            }
        }
    }

    /// Saves if there is anything unsaved; false (with a warning) on failure.
    pub fn save(&mut self) -> bool {
        if !self.unsaved {
            return true;
        }
        match self.store.save(&self.journal, self.now) {
            Ok(saved) => {
                self.unsaved = false;
                if let Some(w) = saved.backup_warning {
                    self.warn(&format!("Saved, but the backup could not be written: {w}"));
                }
                true
            }
            Err(e) => {
                self.warn(&format!("Not saved: {e}. Your change is kept here and will be saved with the next one."));
                false
            }
        }
    }

    pub fn warn(&mut self, text: &str) {
        self.status = Some(Status { text: text.to_owned(), warning: true });
    }

    pub fn say(&mut self, text: &str) {
        self.status = Some(Status { text: text.to_owned(), warning: false });
    }
}
