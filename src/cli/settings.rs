//! `easeoff get-help` (the "When to get help" text, the same as `!` in the
//! app) and `easeoff settings` (show the settings; choose the country whose
//! numbers that text gives; add or remove the person's own contact).

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, Ctx, SettingsAction, write_out};
use crate::get_help;
use crate::journal::edit;
use crate::journal::{Journal, Mode, Settings, format_number};

/// Prints the help text for the person's settings. It never fails for want of
/// settings: if the journal (or `EASEOFF_NOW`) cannot be read, it says so on
/// standard error and prints the default text, because this is the one
/// command that must always answer.
pub fn get_help(data_file: Option<PathBuf>, out: &mut dyn Write) -> Result<(), CliError> {
    let settings = match Ctx::from_env(data_file).and_then(|ctx| ctx.read()) {
        Ok(journal) => journal.settings().clone(),
        Err(e) => {
            eprintln!("easeoff: your settings could not be read ({e}); these are the default lines.");
            Settings::default()
        }
    };
    write_out(out, &get_help::text(&settings))
}

pub fn run(ctx: &Ctx, action: Option<&SettingsAction>, out: &mut dyn Write) -> Result<(), CliError> {
    let said = match action {
        None | Some(SettingsAction::Country { code: None, clear: false }) => {
            return write_out(out, &show(ctx.read()?));
        }
        Some(SettingsAction::Contact { text: None, clear: false }) => {
            let journal = ctx.read()?;
            return write_out(out, &format!("{}\n", contact_line(journal.settings())));
        }
        Some(SettingsAction::Country { code, clear: _ }) => {
            // Checked before the journal is opened for writing, so a refusal
            // touches nothing at all (not even a migration of an old file).
            code.as_deref().map(edit::country).transpose()?;
            let (mut store, journal) = ctx.open_write()?;
            let chosen = journal.set_country(code.as_deref())?;
            ctx.save(&mut store, journal)?;
            match chosen {
                Some(c) => {
                    format!("Country: {} ({}). `easeoff get-help` and ! in the app give its numbers.\n", c.name, c.code)
                }
                None => "No country chosen: `easeoff get-help` says \"call your local emergency number\" \
                         and gives the US lines.\n"
                    .to_owned(),
            }
        }
        Some(SettingsAction::Contact { text, clear: _ }) => {
            text.as_deref().map(edit::contact).transpose()?;
            let (mut store, journal) = ctx.open_write()?;
            journal.set_contact(text.as_deref())?;
            ctx.save(&mut store, journal)?;
            if text.is_some() {
                "Saved your contact; it comes first in `easeoff get-help` and behind ! in the app.\n".to_owned()
            } else {
                "Removed your contact.\n".to_owned()
            }
        }
    };
    write_out(out, &said)
}

/// Every setting, one a line, then how to change the ones set here.
fn show(journal: &Journal) -> String {
    let settings = journal.settings();
    let country = match (settings.country.as_deref(), get_help::chosen(settings)) {
        (_, Some(c)) => format!("country  {} ({}): its numbers are in `easeoff get-help`", c.name, c.code),
        (Some(code), None) => {
            format!("country  {code}: not one this easeoff has numbers for, so the US lines are shown")
        }
        (None, None) => "country  not chosen: \"call your local emergency number\" and the US lines".to_owned(),
    };
    let mode = match (settings.mode, settings.mode_set) {
        (None, _) => "not said".to_owned(),
        (Some(m), at) => {
            let word = if m == Mode::Tapering { "tapering" } else { "stopped" };
            at.map_or_else(|| word.to_owned(), |at| format!("{word} (said {})", at.format("%a %-d %b %Y, %H:%M")))
        }
    };
    let usual =
        settings.usual_daily_grams.map_or_else(|| "not given".to_owned(), |g| format!("{} g a day", format_number(g)));
    format!(
        "{country}\n{}\nmode     {mode}\nusual    {usual}\n\n\
         `easeoff settings country XX` chooses the country ({}),\n\
         `easeoff settings contact \"NAME PHONE\"` adds your own contact; --clear removes either.\n",
        contact_line(settings),
        get_help::countries().iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", ")
    )
}

fn contact_line(settings: &Settings) -> String {
    match &settings.contact {
        Some(contact) => format!("contact  {contact}"),
        None => "contact  none".to_owned(),
    }
}
