//! Every change the app can ask of the journal, as data: pop-ups and screen
//! keys return an `Edit`, and `update` applies it through the journal's own
//! methods (the one way to change the journal), then schedules a save.

use chrono::NaiveDate;

use crate::journal::edit::{AboutChange, DayChange};
use crate::journal::plan::{Cut, PlanSpec};
use crate::journal::{Aid, Days, Dose, InputError, Journal, Mode, Stamp, format_number, rating_word};

/// One change to the journal.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Rate an item on a day; `label` is how the screen names it.
    Rate {
        date: NaiveDate,
        id: String,
        label: String,
        value: u8,
    },
    /// Make an item "not rated" on a day.
    Unrate {
        date: NaiveDate,
        id: String,
        label: String,
    },
    /// Hours of sleep the night before a day; `None` removes them.
    Sleep {
        date: NaiveDate,
        hours: Option<f64>,
    },
    AddAid {
        date: NaiveDate,
        aid: Aid,
    },
    DeleteAid {
        date: NaiveDate,
        index: usize,
    },
    /// The day's note as written (empty removes it).
    Note {
        date: NaiveDate,
        text: String,
        for_provider: bool,
    },
    AddDose(Dose),
    ReplaceDose {
        index: usize,
        dose: Dose,
    },
    DeleteDose(usize),
    MarkLastUse(Stamp),
    /// Mark a day as without kratom (`true`) or take that back.
    NoDose {
        date: NaiveDate,
        none: bool,
    },
    NewPlan(PlanSpec),
    HoldPlan(Days),
    /// A new step size from today; `typed` is how the person wrote it.
    RestepPlan {
        cut: Cut,
        typed: String,
    },
    ClearPlan,
    Mode(Mode),
    UsualAmount(f64),
    Country(String),
    /// Answers of the history (`journal/about.rs`).
    About(AboutChange),
    /// A self-check about the past 12 months: one answer per question.
    Criteria(Vec<bool>),
}

/// What a change has to say: done, and anything worth a second look.
#[derive(Debug, Default)]
pub struct Said {
    pub text: String,
    pub warnings: Vec<String>,
}

impl From<String> for Said {
    fn from(text: String) -> Self {
        Said { text, warnings: Vec::new() }
    }
}

fn day(date: NaiveDate) -> impl std::fmt::Display {
    date.format("%a %-d %b")
}

impl Edit {
    /// Applies the change, all of it or none of it, and says what was done.
    pub fn apply(self, j: &mut Journal, now: Stamp) -> Result<Said, InputError> {
        let text = match self {
            Edit::Rate { date, id, label, value } => {
                j.rate(date, &id, value, now)?;
                // Another day than today is named, in case it is off screen.
                let on = if date == now.date_naive() { String::new() } else { format!(" on {}", day(date)) };
                format!("{label}: {value} ({}){on}.", rating_word(Some(value)))
            }
            Edit::Unrate { date, id, label } => {
                j.clear(date, &id, now)?;
                format!("{label}: not rated on {}.", day(date))
            }
            Edit::Sleep { date, hours: None } => {
                let change = DayChange { clear_sleep: true, ..DayChange::default() };
                j.log_day(date, &change, now)?;
                "Sleep: not recorded.".to_owned()
            }
            Edit::Sleep { date, hours: Some(hours) } => {
                let change = DayChange { sleep: Some(hours), ..DayChange::default() };
                j.log_day(date, &change, now)?;
                format!("Sleep: {} h.", format_number(hours))
            }
            Edit::AddAid { date, aid } => {
                let said = format!("Aid: {}.", aid.saved_text());
                let change = DayChange { aids: vec![aid], ..DayChange::default() };
                j.log_day(date, &change, now)?;
                said
            }
            Edit::DeleteAid { date, index } => {
                let aid = j.remove_aid_entry(date, index)?;
                format!("Deleted the aid {}.", aid.entry_text())
            }
            Edit::Note { date, text, for_provider } => {
                j.set_note(date, &text, for_provider, now)?;
                if text.trim().is_empty() { "Note removed." } else { "Note saved." }.to_owned()
            }
            Edit::AddDose(dose) => {
                let said = dose_said(&dose);
                j.add_dose(dose, now)?;
                said
            }
            Edit::ReplaceDose { index, dose } => {
                let said = dose_said(&dose);
                j.replace_dose(index, dose, now)?;
                said
            }
            Edit::DeleteDose(index) => {
                let d = j.remove_dose(index)?;
                format!("Deleted the dose of {} g at {}.", format_number(d.grams), d.at.format("%H:%M"))
            }
            Edit::MarkLastUse(at) => {
                j.mark_last_use(at, now)?;
                format!("Marked {} as your last dose: the course counts from it.", at.format("%a %-d %b, %H:%M"))
            }
            Edit::NoDose { date, none: true } => {
                j.mark_no_dose(date, now)?;
                format!("{}: no kratom that day.", day(date))
            }
            Edit::NoDose { date, none: false } => {
                j.unmark_no_dose(date);
                format!("{}: no longer marked as a day without kratom.", day(date))
            }
            Edit::NewPlan(spec) => {
                let warnings = j.new_plan(spec, now)?;
                return Ok(Said { text: "Made a new taper plan.".to_owned(), warnings });
            }
            Edit::HoldPlan(days) => {
                j.hold_plan(days, now)?;
                format!("Held the current step {} longer.", crate::status::plural(days.get() as usize, "day"))
            }
            Edit::RestepPlan { cut, typed } => {
                let warnings = j.restep_plan(cut, now)?;
                // The current step keeps its end (and any hold): say when the next one is.
                let next = j.plan().and_then(|p| p.next_after(now.date_naive()));
                let when = next.map_or_else(String::new, |t| {
                    format!(" The current step keeps its end; the next step is on {}.", day(t.start))
                });
                return Ok(Said { text: format!("Changed the step to {typed}.{when}"), warnings });
            }
            Edit::ClearPlan => {
                j.clear_plan(now)?;
                "Cleared the plan; its history is kept.".to_owned()
            }
            Edit::Mode(mode) => {
                j.set_mode(Some(mode), now);
                match mode {
                    Mode::Tapering => "You are tapering.",
                    Mode::Stopped => "You have stopped.",
                }
                .to_owned()
            }
            Edit::UsualAmount(grams) => {
                j.set_usual_daily_grams(Some(grams), now)?;
                format!("Usual amount: {} g a day.", format_number(grams))
            }
            edit @ (Edit::About(_) | Edit::Criteria(_)) => answer(edit, j, now)?,
            Edit::Country(code) => {
                let country = j.set_country(Some(&code))?;
                let name = country.map_or(code.as_str(), |c| c.in_name.as_str());
                format!("Help numbers for {name}: press ! to see them.")
            }
        };
        Ok(text.into())
    }
}

/// The person's answers about themselves: the history and the self-check.
fn answer(edit: Edit, j: &mut Journal, now: Stamp) -> Result<String, InputError> {
    Ok(match edit {
        Edit::About(change) => {
            j.answer_about(&change, now)?;
            let fields: Vec<String> = change.fields().iter().map(|f| f.label().to_lowercase()).collect();
            // Only answers removed (a text answer emptied): said as such.
            let done =
                if change.fields().iter().all(|f| change.clear.contains(f)) { "Removed from" } else { "Saved to" };
            format!("{done} your history: {}.", fields.join(", "))
        }
        Edit::Criteria(answers) => {
            j.record_criteria(&answers, now)?;
            let yes = answers.iter().filter(|a| **a).count();
            format!("Self-check saved: {yes} of {} answered yes (as you reported it; not a diagnosis).", answers.len())
        }
        _ => String::new(),
    })
}

fn dose_said(dose: &Dose) -> String {
    format!("Dose: {} g at {}.", format_number(dose.grams), dose.at.format("%Y-%m-%d %H:%M"))
}
