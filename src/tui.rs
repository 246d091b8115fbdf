//! The full-screen app: rate the day, see the course against the expected
//! band, the history, the doses and the summary. Only this module touches the
//! terminal; it changes the journal only through the journal's own methods.
//!
//! `app` holds the state and the loop, `keys` the key tables, `action` what
//! keys ask for, `update` how actions change the state, `editor` the input
//! overlays, `view` the drawing and `theme` the styles.

mod action;
mod app;
mod editor;
mod keys;
mod theme;
mod update;
mod view;

use std::io;
use std::path::Path;

pub use action::{Action, SummaryFormat};
pub use app::{App, Clock, Kinds, Screen, Status};
pub use editor::{GetHelp, Overlay};
pub use theme::Theme;
pub use view::{MIN_HEIGHT, MIN_WIDTH};

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
/// error and panic.
pub fn run(app: &mut App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = app.run(&mut terminal);
    ratatui::restore();
    result
}
