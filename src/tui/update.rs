//! Carrying out an action: moving, switching screens, and asking the journal
//! for changes (always through `App::change`).

use chrono::{Duration, NaiveDate};

use super::action::{Action, SummaryFormat};
use super::app::{App, Screen};
use super::editor::{Confirm, Confirmed, Overlay, Prompt, Purpose};
use crate::journal::{Dose, Kind, format_number, rating_word};

/// How far Page Up and Page Down move on History and Summary.
const PAGE_DAYS: i64 = 14;
const PAGE_LINES: u16 = 10;

impl App {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::NextScreen => self.screen = self.screen.next(),
            Action::PrevScreen => self.screen = self.screen.prev(),
            Action::OpenHelp => self.overlay = Some(Overlay::Help),
            Action::OpenGetHelp => self.open_get_help(),
            Action::Quit => self.request_quit(),
            _ => match self.screen {
                Screen::Today => self.apply_today(action),
                Screen::Course | Screen::History => self.apply_days(action),
                Screen::Doses => self.apply_doses(action),
                Screen::Summary => self.apply_summary(action),
            },
        }
    }

    /// Quits after a last save; if that fails, asks before losing anything.
    pub fn request_quit(&mut self) {
        if self.save() {
            self.quit = true;
        } else {
            self.overlay = Some(Overlay::Confirm(Confirm {
                question: "Your last change could not be saved. Quit anyway and lose it?".into(),
                on_yes: Confirmed::QuitUnsaved,
            }));
        }
    }

    /// The ids of the items shown on Today, physical first.
    pub fn today_items(&self) -> Vec<String> {
        let catalog = self.journal.catalog();
        Kind::BOTH.iter().flat_map(|k| catalog.active(*k)).map(|e| e.id.to_owned()).collect()
    }

    fn apply_today(&mut self, action: Action) {
        let items = self.today_items();
        let count = items.len();
        self.item = self.item.min(count.saturating_sub(1));
        let Some(id) = items.get(self.item).cloned() else { return };
        let date = self.date;
        let current = self.journal.day(date).and_then(|d| d.ratings.get(id.as_str())).map(|r| r.value);
        match action {
            Action::Up => self.item = self.item.saturating_sub(1),
            Action::Down => self.item = (self.item + 1).min(count.saturating_sub(1)),
            Action::Rate(value) => self.rate(date, &id, value),
            Action::Higher => self.rate(date, &id, current.map_or(0, |v| (v + 1).min(4))),
            Action::Lower => match current {
                Some(v) if v > 0 => self.rate(date, &id, v - 1),
                Some(_) => self.say("0 (none) is the lowest rating; x makes it not rated."),
                None => self.say("Not rated yet: press 0–4 or → to rate it."),
            },
            Action::Clear if current.is_some() => {
                self.change(|j, now| j.clear(date, &id, now).map(|()| format!("{id}: not rated on {date}.")));
            }
            Action::PrevDay => self.date -= Duration::days(1),
            Action::NextDay => self.date = (self.date + Duration::days(1)).min(self.now.date_naive()),
            Action::EditSleep => {
                let hours = self.journal.day(date).and_then(|d| d.sleep).map(|s| format_number(s.hours));
                self.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::Sleep(date), hours.as_deref())));
            }
            Action::EditNote => self.overlay = Some(Overlay::note(&self.journal, date)),
            Action::Aids => self.overlay = Some(Overlay::aids(&self.journal, date)),
            Action::AddDose => self.open_dose_prompt(date, None),
            Action::MarkLastDose => {
                let situation = self.situation();
                match situation.newest_dose.filter(|_| situation.ask_if_last) {
                    Some(at) => {
                        self.change(|j, now| {
                            j.mark_last_use(at, now).map(|()| {
                                format!(
                                    "Marked {} as your last dose: the course counts from it.",
                                    at.format("%a %-d %b, %H:%M")
                                )
                            })
                        });
                    }
                    None => self.warn(
                        "S marks the newest dose as your last when it is 12–48 hours old, and nothing says so yet.",
                    ),
                }
            }
            _ => {}
        }
    }

    fn rate(&mut self, date: NaiveDate, id: &str, value: u8) {
        self.change(|j, now| {
            j.rate(date, id, value, now).map(|()| format!("{id}: {value} ({}).", rating_word(Some(value))))
        });
    }

    /// The first and last day the day cursor may reach.
    pub fn day_bounds(&self) -> (NaiveDate, NaiveDate) {
        let today = self.now.date_naive();
        let first = self.journal.span().map_or(today, |(first, _)| first.min(today));
        (first, today)
    }

    fn move_cursor(&mut self, days: i64) {
        let (first, last) = self.day_bounds();
        self.cursor = (self.cursor + Duration::days(days)).clamp(first, last);
        self.dose = 0;
    }

    fn apply_days(&mut self, action: Action) {
        match action {
            Action::Left => self.move_cursor(-1),
            Action::Right => self.move_cursor(1),
            Action::PageLeft => self.move_cursor(-PAGE_DAYS),
            Action::PageRight => self.move_cursor(PAGE_DAYS),
            Action::ToggleKinds => self.kinds = self.kinds.next(),
            Action::OpenDay => {
                self.date = self.cursor;
                self.screen = Screen::Today;
            }
            _ => {}
        }
    }

    /// The doses of a day, with their indexes in the journal.
    pub fn doses_on(&self, date: NaiveDate) -> Vec<(usize, &Dose)> {
        self.journal.doses().iter().enumerate().filter(|(_, d)| d.at.date_naive() == date).collect()
    }

    fn apply_doses(&mut self, action: Action) {
        let count = self.doses_on(self.cursor).len();
        let chosen = self.doses_on(self.cursor).get(self.dose).map(|(i, d)| (*i, (*d).clone()));
        match action {
            Action::Left => self.move_cursor(-1),
            Action::Right => self.move_cursor(1),
            Action::Up => self.dose = self.dose.saturating_sub(1),
            Action::Down => self.dose = (self.dose + 1).min(count.saturating_sub(1)),
            Action::AddDose => self.open_dose_prompt(self.cursor, None),
            Action::EditDose => match chosen {
                Some((index, dose)) => self.open_dose_prompt(self.cursor, Some((index, &dose))),
                None => self.say("No dose on this day to change: a adds one."),
            },
            Action::NewPlan => {
                // The usual amount the person gave is the default start.
                let prefill = self.journal.settings().usual_daily_grams.map(|g| format!("{} 10% 7", format_number(g)));
                self.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::NewPlan, prefill.as_deref())));
            }
            Action::NoDoseDay => {
                let date = self.cursor;
                if self.journal.no_dose_days().contains(&date) {
                    self.change(|j, _| {
                        j.unmark_no_dose(date);
                        Ok(format!("{}: no longer marked as a day without kratom.", date.format("%a %-d %b")))
                    });
                } else {
                    self.change(|j, now| {
                        j.mark_no_dose(date, now).map(|()| format!("{}: no kratom that day.", date.format("%a %-d %b")))
                    });
                }
            }
            Action::HoldPlan | Action::RestepPlan | Action::ClearPlan if self.journal.plan().is_none() => {
                self.say("There is no taper plan yet: p makes one.");
            }
            Action::HoldPlan => self.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::HoldPlan, None))),
            Action::RestepPlan => self.overlay = Some(Overlay::Prompt(Prompt::new(Purpose::RestepPlan, None))),
            Action::ClearPlan => {
                self.overlay = Some(Overlay::Confirm(Confirm {
                    question: "Clear the taper plan? Its history is kept.".into(),
                    on_yes: Confirmed::ClearPlan,
                }));
            }
            Action::DeleteDose => match chosen {
                Some((index, dose)) => {
                    self.overlay = Some(Overlay::Confirm(Confirm {
                        question: format!(
                            "Delete the dose of {} g at {}?",
                            format_number(dose.grams),
                            dose.at.format("%Y-%m-%d %H:%M")
                        ),
                        on_yes: Confirmed::DeleteDose(index),
                    }));
                }
                None => self.say("No dose on this day to delete."),
            },
            _ => {}
        }
    }

    fn open_dose_prompt(&mut self, date: NaiveDate, existing: Option<(usize, &Dose)>) {
        let prefill = existing.map(|(_, dose)| format!("{} {}", format_number(dose.grams), dose.at.format("%H:%M")));
        let purpose = Purpose::Dose { date, replace: existing.map(|(i, _)| i) };
        self.overlay = Some(Overlay::Prompt(Prompt::new(purpose, prefill.as_deref())));
    }

    fn apply_summary(&mut self, action: Action) {
        match action {
            Action::Up => self.summary_scroll = self.summary_scroll.saturating_sub(1),
            Action::Down => self.summary_scroll = self.summary_scroll.saturating_add(1),
            Action::PageLeft => self.summary_scroll = self.summary_scroll.saturating_sub(PAGE_LINES),
            Action::PageRight => self.summary_scroll = self.summary_scroll.saturating_add(PAGE_LINES),
            Action::WriteSummary(format) => self.write_summary(format),
            // A shared printer is seen by others: ask first, naming where it goes.
            Action::PrintSummary => {
                let to = crate::print::destination(self.print_cmd.as_deref());
                self.overlay = Some(Overlay::Confirm(Confirm {
                    question: format!("Print the summary, with your name, notes and ratings, on {to}?"),
                    on_yes: Confirmed::Print,
                }));
            }
            _ => {}
        }
    }

    /// The visit summary of the default period (14 days before the last
    /// dose to today), as the Summary screen shows it.
    pub fn summary(&self) -> crate::report::Summary {
        let (from, to) = crate::report::default_period(&self.journal, self.now);
        crate::report::build(&self.journal, self.now, from, to, None)
    }

    fn write_summary(&mut self, format: SummaryFormat) {
        let summary = self.summary();
        let (text, extension) = match format {
            SummaryFormat::Text => (crate::report::text::render(&summary), "txt"),
            SummaryFormat::Markdown => (crate::report::markdown::render(&summary), "md"),
            SummaryFormat::Html => (crate::report::html::render(&summary), "html"),
        };
        let folder = self.journal_path().parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let path = folder.join(format!("easeoff-summary-{}.{extension}", self.now.format("%Y-%m-%d")));
        match crate::store::write_private_file(&path, text.as_bytes()) {
            Ok(()) => self.say(&format!("Wrote the summary to {} (readable only by you).", path.display())),
            Err(e) => self.warn(&format!("Could not write the summary: {e}")),
        }
    }

    pub(super) fn print_summary(&mut self) {
        let text = crate::report::text::render(&self.summary());
        match crate::print::send(text.as_bytes(), self.print_cmd.as_deref()) {
            Ok(used) => self.say(&format!("Sent the summary to the printer ({used}).")),
            Err(e) => self.warn(&e.to_string()),
        }
    }
}
