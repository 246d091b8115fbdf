//! The loop: read keys, let `update` change the model, draw the frame, then
//! carry out the effects (a save, a file, the printer) and feed their results
//! back as messages. The frame is drawn before the save runs, so a key press
//! never waits for the disk; keys that arrive during a save are handled
//! together, and their changes saved together, next.

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent};
use ratatui::layout::Size;

use super::model::Model;
use super::msg::{Effect, Msg, SaveNotes};
use super::popup::Overlay;
use super::theme::Theme;
use super::update::update;
use crate::journal::{Journal, Stamp};
use crate::store::Store;

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

/// What the loop needs of a terminal: a frame drawn, and the next event.
pub trait Frontend {
    /// Draws the model and says how big the window is.
    fn draw(&mut self, model: &Model) -> io::Result<Size>;
    /// The next event: waiting for one if `wait`, else only one already
    /// there. `None` when there are none (and, waiting, when they ended).
    fn event(&mut self, wait: bool) -> io::Result<Option<Event>>;
}

/// The real terminal, and the keys typed into it.
impl Frontend for DefaultTerminal {
    fn draw(&mut self, model: &Model) -> io::Result<Size> {
        DefaultTerminal::draw(self, |frame| frame.render_widget(model, frame.area()))?;
        self.size()
    }

    fn event(&mut self, wait: bool) -> io::Result<Option<Event>> {
        if wait || event::poll(Duration::ZERO)? { event::read().map(Some) } else { Ok(None) }
    }
}

/// The running app: its model, and what only the loop may touch.
pub struct App {
    pub model: Model,
    store: Store,
    clock: Clock,
    /// Effects `update` asked for, carried out after the next frame.
    effects: Vec<Effect>,
    /// Saves carried out so far.
    saves: usize,
    /// Test-only: a key that makes the app panic, to prove the terminal is
    /// restored and saved changes kept (set only in debug builds).
    pub panic_on: Option<char>,
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
        let mut model = Model::new(journal, store.path().to_path_buf(), clock.now(), theme);
        model.read_only = locked_by
            .or_else(|| store.read_only().map(str::to_owned))
            .map(|why| format!("Read-only: {why}. Nothing you change here is saved."));
        model.overlay = (first_run && model.read_only.is_none()).then(Overlay::first_run);
        Self { model, store, clock, effects: Vec::new(), saves: 0, panic_on: None }
    }

    /// Runs until the person quits (or the events end); the terminal is set
    /// up and restored by the caller.
    pub fn run(&mut self, front: &mut impl Frontend) -> io::Result<()> {
        while !self.model.quit {
            self.model.now = self.clock.now();
            self.model.window = front.draw(&self.model)?;
            if !self.effects.is_empty() {
                // Their results change the model: draw again before waiting.
                self.perform();
                continue;
            }
            // Wait for a key, then take every key already waiting, so that
            // keys typed during a save are saved together next.
            let Some(mut event) = front.event(true)? else { break };
            loop {
                match event {
                    Event::Key(key) => self.on_key(key),
                    Event::Paste(text) => self.effects.extend(update(&mut self.model, Msg::Paste(text))),
                    _ => {}
                }
                match front.event(false)? {
                    Some(next) if !self.model.quit => event = next,
                    _ => break,
                }
            }
        }
        // A quit never leaves effects undone: it waits for its save.
        Ok(())
    }

    /// One key press, through `update`; its effects wait for the next frame.
    pub fn on_key(&mut self, key: KeyEvent) {
        if let Some(c) = self.panic_on
            && key.code == KeyCode::Char(c)
        {
            panic!("the test-only panic key was pressed");
        }
        self.model.now = self.clock.now();
        let effects = update(&mut self.model, Msg::Key(key));
        self.effects.extend(effects);
    }

    /// Carries out the waiting effects in order, several saves as one, and
    /// hands their results to `update` (which may ask for more).
    pub fn perform(&mut self) {
        let effects = std::mem::take(&mut self.effects);
        let mut results = Vec::new();
        let mut save = false;
        for effect in effects {
            match effect {
                Effect::Save => save = true,
                Effect::Write { path, bytes } => results.push(Msg::Wrote(
                    crate::store::write_private_file(&path, &bytes)
                        .map(|()| path)
                        .map_err(|e| super::failure::words(&e)),
                )),
                Effect::FindPrinter { command } => {
                    results.push(Msg::PrinterIs(crate::print::destination(command.as_deref())));
                }
                Effect::Print { bytes, command } => results
                    .push(Msg::Printed(crate::print::send(&bytes, command.as_deref()).map_err(|e| e.to_string()))),
            }
        }
        if save {
            self.saves += 1;
            let saved = self.store.save(&self.model.journal, self.model.now);
            results.push(Msg::Saved(
                saved
                    .map(|s| SaveNotes { backup_warning: s.backup_warning, remade_folder: s.remade_folder })
                    .map_err(|e| super::failure::words(&e)),
            ));
        }
        for msg in results {
            let more = update(&mut self.model, msg);
            self.effects.extend(more);
        }
    }

    /// Handles a key and carries out its effects at once, as the loop does
    /// after drawing: what tests and benchmarks drive.
    pub fn press(&mut self, key: KeyEvent) {
        self.on_key(key);
        while !self.effects.is_empty() {
            self.perform();
        }
    }

    /// How many saves the app has carried out.
    pub fn saves(&self) -> usize {
        self.saves
    }

    /// The effects waiting for the next frame.
    pub fn pending(&self) -> &[Effect] {
        &self.effects
    }

    pub fn journal_path(&self) -> &std::path::Path {
        self.store.path()
    }
}
