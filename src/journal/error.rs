//! Why a change to the journal was refused. Each message names what was
//! wrong and what is allowed, in words a person can act on. Messages never
//! repeat note text.

use chrono::NaiveDate;
use thiserror::Error;

/// A change the journal refused; the journal is left exactly as it was.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InputError {
    #[error("unknown symptom '{id}'{}: see the list with `easeoff symptoms`", did_you_mean(.suggestion.as_deref()))]
    UnknownItem { id: String, suggestion: Option<String> },
    #[error(
        "'{given}' is not a rating for {id}: ratings are whole numbers 0 (none), 1 (mild), 2 (moderate), 3 (severe) or 4 (extreme)"
    )]
    BadRating { id: String, given: String },
    #[error("'{0}' is not of the form ITEM=RATING, for example anxiety=2")]
    BadPair(String),
    #[error("{date} is in the future: you can fill in today or earlier days")]
    FutureDate { date: NaiveDate },
    #[error("{what} is in the future: the latest allowed is now ({now})")]
    FutureTime { what: &'static str, now: String },
    #[error("'{given}' is not a date: use YYYY-MM-DD, today, yesterday or -N (N days ago)")]
    BadDate { given: String },
    #[error("'{given}' is not a time: use HH:MM, \"YYYY-MM-DD HH:MM\" or an RFC 3339 time")]
    BadTime { given: String },
    #[error("'{given}' is not a dose: give the amount in grams, more than 0 and at most 100, e.g. 2.5")]
    BadDose { given: String },
    #[error("'{given}' is not hours of sleep: give a number from 0 to 24, e.g. 6.5")]
    BadSleep { given: String },
    #[error(
        "'{given}' is not an aid with an amount: {why}. Write the name, then the amount in mg, g, mcg (µg, ug), ml or IU, or as a number of tablets (tablet, tab, caplet, capsule, cap, softgel, pill), e.g. \"loperamide 4 mg\", \"imodium 2 tablets\", \"ibuprofen 2 x 200 mg\" or \"clonidine 0,1 mg\""
    )]
    BadAid { given: String, why: String },
    #[error(
        "unknown symptom '{given}'{}: --clear takes an item id (see `easeoff symptoms`), sleep or note",
        did_you_mean(.suggestion.as_deref())
    )]
    BadClear { given: String, suggestion: Option<String> },
    #[error("{}", no_such_aid(*.date, .given, .that_day))]
    NoSuchAid { date: NaiveDate, given: String, that_day: String },
    #[error("the {what} cannot be given and cleared at once: give {give}, or --clear {what}")]
    Contradiction { what: &'static str, give: &'static str },
    #[error("'{id}' is kept for `easeoff log --clear {id}`: choose another id for your item, e.g. {id}-quality")]
    ReservedId { id: String },
    #[error("the note is empty: write some text, or leave --note out")]
    EmptyNote,
    #[error("the note is too long ({len} characters): the most is {max}")]
    LongNote { len: usize, max: usize },
    #[error("there is no note on {date} to mark for your provider: add one with --note")]
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
    #[error("{0}")]
    BadPlan(String),
    #[error("there is no taper plan: make one with `easeoff plan new --from GRAMS --step PERCENT% --every DAYS`")]
    NoPlan,
    #[error(
        "{date} already has {} logged: a day with doses cannot also be a day without; delete them first (`easeoff dose --undo`, or x on the Doses screen)",
        crate::status::plural(*.count, "dose")
    )]
    DosesOnDay { date: NaiveDate, count: usize },
    #[error(
        "--date goes with `easeoff dose none` (a day without kratom); for a dose, give its time with --at, e.g. --at \"2026-03-09 21:30\""
    )]
    DateWithDose,
    #[error("`easeoff dose none` takes only --date (the day without kratom); --at, --form and --note go with a dose")]
    NoneWithDoseOptions,
    #[error(
        "your dose log has a later dose ({newest}): the last use is at or after your newest dose, e.g. easeoff last-use --at \"{newest}\""
    )]
    MarkBeforeDose { newest: String },
    #[error("{id} is rated twice: give each item once, e.g. {id}=2")]
    RatedTwice { id: String },
    #[error("there are no doses to undo")]
    NoDoses,
    #[error("{0}")]
    Signs(String),
    #[error("nothing to log: give ITEM=RATING pairs, --sleep, --note, --for-provider, --aid, --remove-aid or --clear")]
    NothingToLog,
    #[error("'{given}' is not a number of days: use a whole number from 1 to {max}")]
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
