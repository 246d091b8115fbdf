//! Why a change to the journal was refused. Each message names what was
//! wrong and what is allowed, in words a person can act on. Messages never
//! repeat note text.

use chrono::NaiveDate;
use thiserror::Error;

use super::amount::Problem;
use super::plan::PlanProblem;

/// A change the journal refused; the journal is left exactly as it was.
/// The words are for a person in either front end: they name what was
/// wrong and what is allowed, never a flag, a key or a command (the CLI
/// adds its flags in `cli/input_words.rs`).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InputError {
    #[error("unknown symptom '{id}'{}: it is not in the symptom list", did_you_mean(.suggestion.as_deref()))]
    UnknownItem { id: String, suggestion: Option<String> },
    #[error(
        "'{given}' is not a rating{}: ratings are whole numbers 0 (none), 1 (mild), 2 (moderate), 3 (severe) or 4 (extreme)",
        for_item(.id.as_deref())
    )]
    BadRating { id: Option<String>, given: String },
    #[error(
        "a rating of {value} is not possible: ratings are whole numbers 0 (none), 1 (mild), 2 (moderate), 3 (severe) or 4 (extreme)"
    )]
    RatingOutOfRange { value: u8 },
    #[error("'{0}' is not of the form ITEM=RATING, for example anxiety=2")]
    BadPair(String),
    #[error("{date} is in the future: you can fill in today or earlier days")]
    FutureDate { date: NaiveDate },
    #[error("{what} is in the future: the latest allowed is now ({now})")]
    FutureTime { what: &'static str, now: String },
    #[error("'{given}' is not a date: use YYYY-MM-DD, today, yesterday or -N (N days ago)")]
    BadDate { given: String },
    #[error("'{given}' is not a time: write HH:MM, yesterday HH:MM or YYYY-MM-DD HH:MM, e.g. yesterday 21:30")]
    BadTime { given: String },
    #[error("'{given}' is not a dose: give the amount in grams, more than 0 and at most 100, e.g. 2.5")]
    BadDose { given: String },
    /// A dose typed in milligrams (`1500mg`): refused, with what it is in grams.
    #[error("'{given}' is in milligrams: doses are given in grams, and that is {grams} g")]
    DoseInMilligrams { given: String, grams: String },
    /// A whole number above the largest dose, which would be a dose in
    /// milligrams (`1500`): refused as any amount out of range, with what it
    /// would be in grams.
    #[error(
        "'{given}' is not a dose: give the amount in grams, more than 0 and at most 100, e.g. 2.5 ({given} mg would be {grams} g)"
    )]
    BadDoseLikeMilligrams { given: String, grams: String },
    #[error("'{given}' is not a daily target: a target is from 0 to 100 g")]
    BadTarget { given: String },
    #[error("'{given}' is not hours of sleep: give a number from 0 to 24, e.g. 6.5")]
    BadSleep { given: String },
    #[error("{}", bad_aid_words(.given, &.problem.words()))]
    BadAid { given: String, problem: Problem },
    #[error(
        "unknown symptom '{given}'{}: what can be cleared is a symptom from the list, sleep or the note",
        did_you_mean(.suggestion.as_deref())
    )]
    BadClear { given: String, suggestion: Option<String> },
    #[error("{}", no_such_aid(*.date, .given, .that_day))]
    NoSuchAid { date: NaiveDate, given: String, that_day: String },
    #[error("the {} cannot be given and cleared at once: give it, or clear it", .what.word())]
    Contradiction { what: Cleared },
    #[error("'{id}' is kept for clearing the day's {id}: choose another id for your item, e.g. {id}-quality")]
    ReservedId { id: String },
    #[error("the note is empty: write some text")]
    EmptyNote,
    #[error("the note is too long ({len} characters): the most is {max}")]
    LongNote { len: usize, max: usize },
    #[error("there is no note on {date} to mark for your provider: write one first")]
    NoNoteToMark { date: NaiveDate },
    #[error("'{id}' is not a usable id: use 1–32 lowercase letters, digits or hyphens, e.g. hot-cold-flashes")]
    BadId { id: String },
    #[error("'{id}' already exists in the catalog")]
    DuplicateItem { id: String },
    #[error("the label is empty or too long: use 1–60 characters")]
    BadLabel,
    #[error("the question is empty: write what you want to ask")]
    EmptyQuestion,
    #[error("there is no open question number {n}: there {}", open_count(*.open))]
    NoSuchQuestion { n: usize, open: usize },
    #[error(transparent)]
    Plan(#[from] PlanProblem),
    #[error("there is no taper plan: make one first")]
    NoPlan,
    #[error(
        "{date} already has {} logged: a day with doses cannot also be a day without; delete them first",
        crate::status::plural(*.count, "dose")
    )]
    DosesOnDay { date: NaiveDate, count: usize },
    #[error("your dose log has a later dose ({newest}): the last use is at or after your newest dose")]
    MarkBeforeDose { newest: String },
    #[error("{id} is rated twice: give each item once, e.g. {id}=2")]
    RatedTwice { id: String },
    #[error("there are no doses to undo")]
    NoDoses,
    #[error("the self-check has {questions} questions; {answers} answers were given")]
    WrongAnswerCount { questions: usize, answers: usize },
    #[error("nothing to log: give a rating, hours of sleep, a note, an aid, or something to clear")]
    NothingToLog,
    #[error("'{given}' is not a whole number of days: use 1 to {max}, e.g. 7")]
    BadDays { given: String, max: u32 },
    #[error("'{given}' is not a country easeoff has numbers for: use one of {known}")]
    UnknownCountry { given: String, known: String },
    #[error("the contact is empty: write a name and a phone number, e.g. \"Sam (sponsor) 555 0100\"")]
    EmptyContact,
    #[error("the contact is too long ({len} characters): the most is {max}")]
    LongContact { len: usize, max: usize },
    #[error(
        "the contact must be one line without tabs: write a name and a phone number, e.g. \"Sam (sponsor) 555 0100\""
    )]
    ContactNotOneLine,
    #[error("the contact has no phone number: write a name and a number, e.g. \"Sam (sponsor) 555 0100\"")]
    ContactWithoutNumber,
    #[error("'{given}' is not {what} easeoff lists: use one of {allowed}")]
    BadChoice { what: &'static str, given: String, allowed: String },
    #[error("'{given}' is not how long: write a whole number and weeks, months or years, e.g. 3 years or 18 months")]
    BadUseLength { given: String },
    #[error("'{given}' is not a number of doses a day: use a whole number from 1 to 30, e.g. 3")]
    BadDosesADay { given: String },
    #[error("'{given}' is not a medicine name: write one name of 1–60 characters on one line, without commas")]
    BadMedicine { given: String },
    #[error("nothing to record: give at least one answer, or something to clear")]
    NothingAbout,
    #[error("the {field} cannot be given and cleared at once: give it, or clear it")]
    AboutContradiction { field: String },
    #[error("'{id}' is one of the extra items: switch it on instead of adding it")]
    ExtraItem { id: String },
}

/// What a day's change both gives and clears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleared {
    Sleep,
    Note,
}

impl Cleared {
    pub fn word(self) -> &'static str {
        match self {
            Cleared::Sleep => "sleep",
            Cleared::Note => "note",
        }
    }
}

/// An aid that could not be read, with why (`problem`, in words) and how
/// to write one; the CLI words some reasons its own way.
pub fn bad_aid_words(given: &str, why: &str) -> String {
    format!(
        "'{given}' is not an aid with an amount: {why}. Write the name, then the amount in mg, g, mcg (µg, ug), ml or IU, or as a number of tablets (tablet, tab, caplet, capsule, cap, softgel, pill), e.g. \"loperamide 4 mg\", \"imodium 2 tablets\", \"ibuprofen 2 x 200 mg\" or \"clonidine 0,1 mg\""
    )
}

fn for_item(id: Option<&str>) -> String {
    id.map_or_else(String::new, |id| format!(" for {id}"))
}

fn open_count(open: usize) -> String {
    match open {
        0 => "are no open questions".to_owned(),
        1 => "is 1 open question (number 1)".to_owned(),
        n => format!("are {n} open questions, numbered 1 to {n}"),
    }
}

fn no_such_aid(date: NaiveDate, given: &str, that_day: &str) -> String {
    let which = if given.is_empty() { "that aid".to_owned() } else { format!("'{given}'") };
    if that_day.is_empty() {
        format!("there is no {which} on {date}: no aids are logged that day")
    } else {
        format!("there is no {which} on {date}: that day has {that_day}")
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (did you mean '{s}'?)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::plan::PlanProblem;

    #[test]
    fn messages_name_no_flag_and_no_command_so_the_app_can_show_them() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap_or_default();
        let id = || "anxiety".to_owned();
        let errors = [
            InputError::UnknownItem { id: id(), suggestion: None },
            InputError::BadClear { given: id(), suggestion: None },
            InputError::BadAid { given: "kratom 5 g".into(), problem: Problem::Kratom },
            InputError::Contradiction { what: Cleared::Sleep },
            InputError::Contradiction { what: Cleared::Note },
            InputError::ReservedId { id: "sleep".into() },
            InputError::EmptyNote,
            InputError::NoNoteToMark { date },
            InputError::NoPlan,
            InputError::DosesOnDay { date, count: 2 },
            InputError::MarkBeforeDose { newest: "2026-03-09 21:00".into() },
            InputError::NothingToLog,
            InputError::WrongAnswerCount { questions: 7, answers: 3 },
            InputError::BadDays { given: "0".into(), max: 365 },
            InputError::BadUseLength { given: "ages".into() },
            InputError::BadDosesADay { given: "0".into() },
            InputError::DoseInMilligrams { given: "1500mg".into(), grams: "1.5".into() },
            InputError::BadDoseLikeMilligrams { given: "1500".into(), grams: "1.5".into() },
            InputError::BadMedicine { given: String::new() },
            InputError::NothingAbout,
            InputError::AboutContradiction { field: "goal".into() },
            InputError::ExtraItem { id: "vomiting".into() },
            PlanProblem::FromOutOfRange { from: -2.0 }.into(),
            PlanProblem::PercentOutOfRange { percent: 150.0 }.into(),
            PlanProblem::GramsOutOfRange { grams: 7.0 }.into(),
            PlanProblem::FloorNegative { floor: -1.0 }.into(),
            PlanProblem::FloorNotBelowFrom { floor: 8.0, from: 6.0 }.into(),
            PlanProblem::RoundOutOfRange { round: 0.0 }.into(),
            PlanProblem::AtFloor.into(),
            PlanProblem::NoStartingAmount.into(),
        ];
        for e in errors {
            let text = e.to_string();
            assert!(!text.contains("--") && !text.contains("easeoff "), "{e:?} names the command line: {text}");
        }
    }

    #[test]
    fn errors_carry_their_numbers_into_the_words() {
        let e = InputError::from(PlanProblem::FloorNotBelowFrom { floor: 8.0, from: 6.5 });
        assert_eq!(
            e.to_string(),
            "the floor, 8 g, is not below the starting amount, 6.5 g: the floor is the last amount before stopping"
        );
        let e = InputError::WrongAnswerCount { questions: 7, answers: 3 };
        assert_eq!(e.to_string(), "the self-check has 7 questions; 3 answers were given");
    }
}
