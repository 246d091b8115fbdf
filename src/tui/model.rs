//! What the app holds between key presses: the journal, which screen and
//! day are chosen, the open pop-up, the status line and the changes not yet
//! on disk. Plain data; `update` changes it, `view` draws it, and nothing here
//! touches the disk, the clock or the terminal.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::layout::Size;

use super::popup::Overlay;
use super::theme::Theme;
use crate::journal::{Dose, Journal, Kind, Stamp};

/// The smallest window every screen is designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// The smallest window Today, "When to get help" and the status line work in
/// (a phone, a split pane); below it only a notice shows.
pub const COMPACT_WIDTH: u16 = 40;
pub const COMPACT_HEIGHT: u16 = 15;

/// How the window fits the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Every screen as designed.
    Full,
    /// Today in a compact layout; the other screens say they need more room.
    Compact,
    /// Only a notice offering `!` and `q`.
    Tiny,
}

impl Fit {
    pub fn of(width: u16, height: u16) -> Fit {
        if width >= MIN_WIDTH && height >= MIN_HEIGHT {
            Fit::Full
        } else if width >= COMPACT_WIDTH && height >= COMPACT_HEIGHT {
            Fit::Compact
        } else {
            Fit::Tiny
        }
    }
}

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

    /// Whether the screen has a layout for a compact window (Today, and the
    /// Summary's text, which wraps); the others need the full size.
    pub fn works_compact(self) -> bool {
        matches!(self, Screen::Today | Screen::Summary)
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
pub struct Model {
    pub journal: Journal,
    /// Where the journal lives: summaries are written beside it.
    pub journal_path: PathBuf,
    /// Why nothing will be saved (another easeoff has the journal), shown as a banner.
    pub read_only: Option<String>,
    /// "Now", set by the loop before each message, so that `update` never
    /// reads the clock.
    pub now: Stamp,
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
    /// Changes made in memory since the journal was last saved.
    pub unsaved: usize,
    /// Why the last save failed, while changes are still unsaved.
    pub save_failed: Option<String>,
    /// Quit once the changes in memory are saved.
    pub quitting: bool,
    pub quit: bool,
    /// Changes the person chose to lose when quitting after a failed save;
    /// the app then exits non-zero.
    pub lost: usize,
    pub theme: Theme,
    /// What printing runs instead of `lp` (`EASEOFF_PRINT_CMD`).
    pub print_cmd: Option<String>,
    /// The paper of the locale or the system, if they say; else the
    /// journal's country decides (see [`Model::paper`]).
    pub system_paper: Option<crate::report::Paper>,
    /// Facts for attention a change brought, shown after the key is handled.
    pub attention: Vec<String>,
}

impl Model {
    /// The state on an opened journal, on Today, at `now`.
    pub fn new(journal: Journal, journal_path: PathBuf, now: Stamp, theme: Theme) -> Self {
        let today = now.date_naive();
        Self {
            journal,
            journal_path,
            read_only: None,
            now,
            screen: Screen::Today,
            date: today,
            item: 0,
            cursor: today,
            dose: 0,
            kinds: Kinds::Both,
            summary_scroll: 0,
            overlay: None,
            window: Size { width: MIN_WIDTH, height: MIN_HEIGHT },
            status: None,
            unsaved: 0,
            save_failed: None,
            quitting: false,
            quit: false,
            lost: 0,
            theme,
            print_cmd: None,
            system_paper: None,
            attention: Vec::new(),
        }
    }

    /// Where the person is now: computed from the journal each time it is
    /// asked for (once a frame), never kept, so it cannot go stale.
    pub fn situation(&self) -> crate::analysis::situation::Situation {
        crate::analysis::situation::situation(&self.journal, self.now)
    }

    /// How the window, as last drawn, fits the app.
    pub fn fit(&self) -> Fit {
        Fit::of(self.window.width, self.window.height)
    }

    /// Whether what is on screen is only a notice: the window is too small
    /// for anything, or for this screen.
    pub fn only_notice(&self) -> bool {
        match self.fit() {
            Fit::Full => false,
            Fit::Compact => !self.screen.works_compact() && self.overlay.is_none(),
            Fit::Tiny => true,
        }
    }

    /// The ids of the items shown on Today, physical first.
    pub fn today_items(&self) -> Vec<String> {
        let catalog = self.journal.catalog();
        Kind::BOTH.iter().flat_map(|k| catalog.active(*k)).map(|e| e.id.to_owned()).collect()
    }

    /// The first and last day the day cursor may reach.
    pub fn day_bounds(&self) -> (NaiveDate, NaiveDate) {
        let today = self.now.date_naive();
        let first = self.journal.span().map_or(today, |(first, _)| first.min(today));
        (first, today)
    }

    /// The doses of a day, with their indexes in the journal.
    pub fn doses_on(&self, date: NaiveDate) -> Vec<(usize, &Dose)> {
        self.journal.doses().iter().enumerate().filter(|(_, d)| d.at.date_naive() == date).collect()
    }

    /// The visit summary of the default period (14 days before the last
    /// dose to today), as the Summary screen shows it.
    /// The paper for the PDF: the locale's or the system's, else that of
    /// the country in the settings.
    pub fn paper(&self) -> crate::report::Paper {
        self.system_paper.unwrap_or_else(|| crate::report::Paper::of_journal(&self.journal))
    }

    pub fn summary(&self) -> crate::report::Summary {
        let (from, to) = crate::report::default_period(&self.journal, self.now);
        crate::report::build(&self.journal, self.now, from, to, None)
    }

    pub fn warn(&mut self, text: &str) {
        self.status = Some(Status { text: text.to_owned(), warning: true });
    }

    pub fn say(&mut self, text: &str) {
        self.status = Some(Status { text: text.to_owned(), warning: false });
    }
}
