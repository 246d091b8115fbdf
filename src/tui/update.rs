//! The one place the app's model changes: `update` takes a message and
//! returns the effects for the loop to carry out. It reads no clock, touches
//! no disk and runs no process, so its tests need no folder.

mod screens;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::change::Edit;
use super::keys;
use super::model::{Fit, Model};
use super::msg::{Effect, Msg, SaveNotes};
use super::popup::{AidList, Attention, Confirm, Confirmed, Ctx, GetHelp, Message, Overlay};

/// Handles one message and everything it leads to.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let mut effects = Vec::new();
    handle(model, msg, &mut effects);
    box_long_status(model);
    effects
}

/// A status message is never cut: one longer than the status area opens in
/// a box over whatever is open, until Enter, Esc or Space.
fn box_long_status(model: &mut Model) {
    let lines = super::view::status_lines(model, model.window.width).len();
    if lines <= super::view::MAX_STATUS_LINES {
        return;
    }
    if let Some(status) = model.status.take() {
        let under = model.overlay.take().map(Box::new);
        model.overlay = Some(Overlay::Message(Message { text: status.text, warning: status.warning, under }));
    }
}

fn handle(model: &mut Model, msg: Msg, effects: &mut Vec<Effect>) {
    match msg {
        Msg::Key(key) => {
            // A message stays until the next key on a screen (a key in a
            // pop-up, closing the box that covered it say, keeps it).
            if key.kind == KeyEventKind::Press && model.overlay.is_none() {
                model.status = None;
            }
            on_key(model, key, effects);
            show_attention(model);
        }
        Msg::Paste(text) => model.overlay = model.overlay.take().map(|o| o.paste(&text)),
        Msg::Do(action) => on_action(model, action, effects),
        Msg::Edit(edit) => on_edit(model, edit, effects),
        Msg::Warn(text) => model.warn(&text),
        Msg::Say(text) => model.say(&text),
        Msg::OpenGetHelp => model.overlay = Some(GetHelp::over(model.overlay.take())),
        Msg::Quit => request_quit(model, effects),
        Msg::QuitUnsaved => {
            model.lost = model.unsaved;
            model.quit = true;
        }
        // A shared printer is seen by others: ask first, naming where it goes.
        Msg::PrinterIs(to) => {
            model.overlay = Some(Overlay::Confirm(Confirm {
                question: format!("Print the summary, with your name, notes and ratings, on {to}?"),
                on_yes: Confirmed::Print,
            }));
        }
        // The PDF: a page with the chart, on the locale's paper.
        Msg::Print => match crate::report::pdf::render(&model.summary(), model.paper()) {
            Ok(bytes) => effects.push(Effect::Print { bytes, command: model.print_cmd.clone() }),
            Err(e) => model.warn(&format!("Nothing was printed: {e}.")),
        },
        Msg::ShowAids { date, chosen } => {
            let count = model.journal.day(date).map_or(0, |d| d.aids.len());
            if count > 0 {
                model.overlay = Some(Overlay::Aids(AidList { date, chosen: chosen.min(count - 1) }));
            }
        }
        Msg::Saved(result) => on_saved(model, result),
        Msg::Wrote(Ok(path)) => {
            model.say(&format!("Wrote the summary to {} (readable only by you).", path.display()));
        }
        Msg::Wrote(Err(e)) => model.warn(&format!("Could not write the summary: {e}")),
        Msg::Printed(Ok(used)) => model.say(&format!("Sent the summary to the printer ({used}).")),
        Msg::Printed(Err(e)) => model.warn(&e),
    }
}

/// One key press; only presses count, so no action happens twice.
fn on_key(model: &mut Model, key: KeyEvent, effects: &mut Vec<Effect>) {
    if key.kind != KeyEventKind::Press {
        return;
    }
    if model.fit() == Fit::Tiny && !matches!(model.overlay, Some(Overlay::GetHelp(_))) {
        on_key_too_small(model, key, effects);
    } else if model.overlay.is_none() && model.only_notice() {
        // A screen that needs more room shows a notice: only the keys that
        // work everywhere (Tab, help, quit) do anything.
        if let Some(action) = keys::lookup_global(&key) {
            on_action(model, action, effects);
        }
    } else if let Some(overlay) = model.overlay.take() {
        // Only the two pop-ups that scroll need their layout worked out;
        // a key typed into a note or a prompt does not pay for it.
        let (page, last) = match &overlay {
            Overlay::Help(_) => super::view::keys_help_scroll(model),
            Overlay::GetHelp(_) => super::view::get_help_scroll(model),
            _ => (1, 0),
        };
        let ctx = Ctx { journal: &model.journal, now: model.now, page, last };
        let reply = overlay.key(key, &ctx);
        model.overlay = reply.next;
        for msg in reply.msgs {
            handle(model, msg, effects);
        }
    } else if let Some(action) = keys::lookup(model.screen, &key) {
        on_action(model, action, effects);
    }
}

/// Below the smallest size only the notice shows, so only what it offers
/// works: `!` opens "When to get help", `q` and Ctrl-C quit. Any other key
/// would rate or type where the person cannot see it.
fn on_key_too_small(model: &mut Model, key: KeyEvent, effects: &mut Vec<Effect>) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let quit = (key.code == KeyCode::Char('q') && !ctrl) || (key.code == KeyCode::Char('c') && ctrl);
    if key.code == KeyCode::Char('!') && !ctrl {
        handle(model, Msg::OpenGetHelp, effects);
    } else if quit && let Some(overlay) = model.overlay.take() {
        // Each pop-up quits its own way (a note is saved first).
        let ctx = Ctx { journal: &model.journal, now: model.now, page: 1, last: 0 };
        let reply = overlay.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), &ctx);
        model.overlay = reply.next;
        for msg in reply.msgs {
            handle(model, msg, effects);
        }
    } else if quit {
        request_quit(model, effects);
    }
}

fn on_action(model: &mut Model, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::NextScreen => model.screen = model.screen.next(),
        Action::PrevScreen => model.screen = model.screen.prev(),
        Action::OpenHelp => model.overlay = Some(Overlay::Help(0)),
        Action::OpenGetHelp => handle(model, Msg::OpenGetHelp, effects),
        Action::Quit => request_quit(model, effects),
        _ => {
            let (msgs, more) = screens::on_action(model, action);
            effects.extend(more);
            for msg in msgs {
                handle(model, msg, effects);
            }
        }
    }
}

/// Applies a change to the journal and schedules a save. A refused change
/// says why and leaves the journal as it was. A fact that matters for safety
/// is said the moment it is logged.
fn on_edit(model: &mut Model, edit: Edit, effects: &mut Vec<Effect>) {
    if model.read_only.is_some() {
        model.warn("Read-only: this change was not made, because another easeoff has the journal open.");
        return;
    }
    let deletes_dose = matches!(edit, Edit::DeleteDose(_));
    let flags_before = crate::analysis::flags::recent(&model.journal, &model.situation());
    match edit.apply(&mut model.journal, model.now) {
        Err(e) => model.warn(&e.to_string()),
        Ok(said) => {
            let after = crate::analysis::flags::recent(&model.journal, &model.situation());
            model.attention.extend(after.into_iter().filter(|f| !flags_before.contains(f)).map(|f| f.text));
            model.unsaved += 1;
            effects.push(Effect::Save);
            if said.warnings.is_empty() {
                model.say(&said.text);
            } else {
                model.warn(&format!("Saved. Worth a second look: {}.", said.warnings.join("; ")));
            }
            if deletes_dose {
                model.dose = model.dose.saturating_sub(1);
            }
        }
    }
}

/// A finished save: on success nothing is left unsaved; on failure the
/// changes stay in memory, are tried again with the next one, and quitting
/// asks before losing them.
fn on_saved(model: &mut Model, result: Result<SaveNotes, String>) {
    match result {
        Ok(notes) => {
            model.unsaved = 0;
            model.save_failed = None;
            if notes.remade_folder {
                model.warn(&format!(
                    "The journal's folder was gone, so easeoff made it again and saved your journal there ({}); \
                     the backups that were in it went with it.",
                    super::failure::shorten(&model.journal_path, 44)
                ));
            }
            if let Some(w) = notes.backup_warning {
                model.warn(&format!("Saved, but the backup could not be written: {w}"));
            }
            if model.quitting {
                model.quit = true;
            }
        }
        Err(e) => {
            let kept = match model.unsaved {
                1 => "Your change is".to_owned(),
                n => format!("Your {n} changes are"),
            };
            model.warn(&format!(
                "Not saved: {e}. {kept} kept here and saved with your next change; quitting asks first."
            ));
            model.save_failed = Some(e);
            if std::mem::take(&mut model.quitting) {
                let question = match model.unsaved {
                    1 => "1 change could not be saved. Quit anyway and lose it?".to_owned(),
                    n => format!("{n} changes could not be saved. Quit anyway and lose them?"),
                };
                model.overlay = Some(Overlay::Confirm(Confirm { question, on_yes: Confirmed::QuitUnsaved }));
            }
        }
    }
}

/// Quits once everything is saved; with changes still in memory, saves
/// them first (and asks if that fails).
fn request_quit(model: &mut Model, effects: &mut Vec<Effect>) {
    if model.unsaved == 0 {
        model.quit = true;
    } else {
        model.quitting = true;
        effects.push(Effect::Save);
    }
}

/// Shows the facts a change brought, over whatever is open.
fn show_attention(model: &mut Model) {
    if model.attention.is_empty() {
        return;
    }
    let facts = std::mem::take(&mut model.attention);
    let under = model.overlay.take().map(Box::new);
    model.overlay = Some(Overlay::Attention(Attention { facts, under }));
}
