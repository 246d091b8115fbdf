//! The full-screen app: rate the day, see the course against the expected
//! band, the history, the doses and the summary. Only this module touches the
//! terminal; it changes the journal only through the journal's own methods.
//!
//! One way in, one way out: a key becomes a `Msg` (`msg`), which `update`
//! handles by changing the `Model` (`model`) — through a screen's key table
//! (`keys`, `action`) or the open pop-up (`popup`), journal changes as
//! `Edit`s (`change`) — and returns `Effect`s; `app` runs the loop, draws
//! with `view` (styled by `theme`), and then carries out the effects.

mod action;
mod app;
mod change;
mod failure;
mod keys;
mod model;
mod msg;
mod popup;
mod theme;
mod update;
mod view;

use std::io;
use std::path::Path;

pub use action::{Action, SummaryFormat};
pub use app::{App, Clock, Frontend};
pub use change::Edit;
pub use model::{Kinds, MIN_HEIGHT, MIN_WIDTH, Model, Screen, Status};
pub use msg::{Effect, Msg, SaveNotes};
pub use popup::{AboutStep, GetHelp, Overlay};
pub use theme::Theme;
pub use update::update;

use crate::store::{Access, Store, StoreError};

/// Opens the journal for the app. If another easeoff holds it, opens it
/// read-only with a banner saying so. A first run (no journal file yet)
/// starts with the welcome questions.
pub fn open(path: &Path, clock: Clock, theme: Theme) -> Result<App, StoreError> {
    let now = clock.now();
    let first_run = !path.exists();
    match Store::open(path, Access::Write, now) {
        Ok((store, journal)) => Ok(App::new(journal, store, clock, first_run, None, theme)),
        Err(StoreError::Locked { pid, .. }) => {
            let (store, journal) = Store::open(path, Access::Read, now)?;
            let who = pid.map_or_else(|| "another easeoff".to_owned(), |p| format!("another easeoff (process {p})"));
            let banner = format!("{who} has this journal open");
            Ok(App::new(journal, store, clock, false, Some(banner), theme))
        }
        Err(e) => Err(e),
    }
}

/// Runs the app in the terminal, restoring the terminal on every exit,
/// error and panic. Returns how many changes the person chose to lose.
pub fn run(app: &mut App) -> io::Result<usize> {
    let mut terminal = ratatui::try_init()?;
    // A paste arrives whole (not as keys, so a line break in it is not Enter).
    let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::event::EnableBracketedPaste);
    let result = app.run(&mut terminal);
    let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    result.map(|()| app.model.lost)
}
