//! The journal: everything a person has recorded, and the only way to change it.
//!
//! This module owns the data model (days, ratings, doses, aids, notes,
//! self-checks, the person's history, settings, the symptom catalog) and its
//! validation. It is pure:
//! "now" is always passed in, nothing here reads the clock, the disk or the
//! terminal. The store saves and loads it; the CLI and the app change it only
//! through the validated methods in [`edit`].
//!
//! A rating that was never given is simply absent from a day's map: "not
//! recorded" is never stored as, or confused with, `0`.

pub mod about;
pub mod aid;
pub mod aid_catalog;
pub mod amount;
pub mod catalog;
pub mod criteria;
pub mod day_map;
pub mod edit;
mod error;
pub mod limits;
pub mod merge;
pub mod number;
pub mod plan;
pub(crate) mod quick_line;
pub(crate) mod quick_write;
mod ratings;
mod stamp;
mod stored_day;
mod validate;
pub mod values;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

pub use aid::{Aid, AidUnit};
pub use aid_catalog::{AidKind, aid_catalog};
pub use catalog::{Catalog, Kind, Symptom};
pub use day_map::DayMap;
pub use error::{Cleared, InputError, bad_aid_words};
pub use limits::MAX_RATING;
pub use ratings::Ratings;
pub(crate) use stored_day::{same_apart_from_days_and_doses, with_days_and_doses, without_days_and_doses};
pub use values::{Days, Grams, Hours, PlanGrams, RatingValue};

/// The value of the `format` field at the top of every journal file.
pub const FORMAT: &str = "easeoff-journal";
/// The file version this build writes. Older files are migrated by the store.
pub const VERSION: u32 = 3;
/// Words for each rating, indexed by the rating.
pub const RATING_WORDS: [&str; 5] = ["none", "mild", "moderate", "severe", "extreme"];

/// A moment as the person lived it: RFC 3339 with their local offset.
pub type Stamp = DateTime<FixedOffset>;
/// A symptom item's id, e.g. `muscle-aches`.
pub type ItemId = compact_str::CompactString;

/// The whole journal, exactly as it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    format: String,
    version: u32,
    #[serde(default)]
    settings: Settings,
    /// The moment the person marked as their last use, for people who do
    /// not log doses or who say a dose was their last (see the situation in
    /// `analysis/situation.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_use_mark: Option<Stamp>,
    #[serde(default)]
    symptoms: Symptoms,
    #[serde(default)]
    days: DayMap,
    /// Kept sorted by time, oldest first.
    #[serde(default)]
    doses: Vec<Dose>,
    /// Answers to the earlier seven-question self-check, oldest first: no
    /// longer asked, kept and read for what they were.
    #[serde(default)]
    signs: Vec<SignCheck>,
    /// Self-checks about the past 12 months (eleven questions), oldest
    /// first. Added in file version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    criteria: Vec<criteria::CriteriaCheck>,
    /// The person's history as they reported it, each answer dated. Added
    /// in file version 3.
    #[serde(default, skip_serializing_if = "about::About::is_empty")]
    about: about::About,
    /// Questions the person wants to ask at the next visit, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    questions: Vec<Question>,
    /// Every version of the taper plan, oldest first (see `journal/plan.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    plans: Vec<plan::PlanVersion>,
    /// Days on which the person said they took no kratom (`dose none`), so
    /// that a day without a logged dose is never silently read as 0 g.
    /// Added in file version 2.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    no_dose_days: BTreeSet<NaiveDate>,
}

/// What the person told the app about themselves.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// When the mode was last set: "stopped" counts only while no dose
    /// follows it, and "tapering" set after a stop says use resumed.
    /// Added in file version 2; unknown for modes set before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode_set: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usual_daily_grams: Option<f64>,
    /// When the usual amount was stated (file version 2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usual_set: Option<Stamp>,
    /// The country whose numbers "When to get help" shows, as an ISO code
    /// (`GB`); unset shows the US lines (file version 2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The person's own contact (a sponsor, a clinic), shown first in "When
    /// to get help" (file version 2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// Whether the person is cutting down or has stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Tapering,
    Stopped,
}

/// The person's own items and the defaults they chose to hide.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Symptoms {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom: BTreeMap<String, Symptom>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub hidden: BTreeSet<String>,
    /// Extra items (off by default) the person switched on. Added in file
    /// version 3.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub extra_on: BTreeSet<String>,
}

/// One calendar day of ratings and notes. Derived scores are never stored.
/// In the file, ratings are plain numbers with one edit time for the day
/// (see `journal/stored_day.rs`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(try_from = "stored_day::StoredDay")]
pub struct Day {
    /// By item id (see `journal/ratings.rs` for how they are kept small).
    pub ratings: Ratings,
    pub sleep: Option<Sleep>,
    /// Boxed: most days have none, and a day stays small.
    pub note: Option<Box<Note>>,
    pub aids: Vec<Aid>,
}

/// One item's rating, with when it was last changed (so imports can keep the
/// newer edit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rating {
    pub value: u8,
    pub edited: Stamp,
}

/// Hours slept the night before this day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Sleep {
    #[serde(deserialize_with = "values::checked::<_, Hours, f64>")]
    pub hours: f64,
    #[serde(serialize_with = "stamp::serialize", deserialize_with = "stamp::deserialize")]
    pub edited: Stamp,
}

/// The day's free-text note; `for_provider` puts it in the visit summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    #[serde(default)]
    pub for_provider: bool,
    pub edited: Stamp,
}

/// One dose of kratom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dose {
    #[serde(serialize_with = "stamp::serialize", deserialize_with = "stamp::deserialize")]
    pub at: Stamp,
    #[serde(deserialize_with = "values::checked::<_, Grams, f64>")]
    pub grams: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// Boxed as a `str`: rare, and a ten-year journal has 14,500 doses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// What form a dose was taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Leaf,
    Powder,
    Capsule,
    Extract,
    Other,
}

impl Form {
    pub const ALL: [Form; 5] = [Form::Leaf, Form::Powder, Form::Capsule, Form::Extract, Form::Other];

    /// The words a person reads, in the summary's dose history.
    pub fn words(self) -> &'static str {
        match self {
            Form::Leaf => "leaf",
            Form::Powder => "powder",
            Form::Capsule => "capsules",
            Form::Extract => "extract",
            Form::Other => "other form",
        }
    }
}

/// The forms doses were taken in (over a day or a stretch of days): a
/// small set, so a day's totals stay `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Forms(u8);

impl Forms {
    pub fn insert(&mut self, form: Form) {
        self.0 |= 1 << form as u8;
    }

    /// Both sets together.
    #[must_use]
    pub fn union(self, other: Forms) -> Forms {
        Forms(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The forms in the set, in [`Form::ALL`]'s order.
    pub fn iter(self) -> impl Iterator<Item = Form> {
        Form::ALL.into_iter().filter(move |f| self.0 & (1 << *f as u8) != 0)
    }

    /// "powder", "powder + capsules"; empty when no form was logged.
    pub fn words(self) -> String {
        self.iter().map(Form::words).collect::<Vec<_>>().join(" + ")
    }
}

/// One yes/no self-check of dependency signs, as the person answered it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignCheck {
    pub at: Stamp,
    pub answers: BTreeMap<String, bool>,
}

/// A question for the next visit (`easeoff question add`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    pub added: Stamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Stamp>,
}

/// Where a stop's moment comes from: the dose log or the person's mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastUseSource {
    DoseLog,
    Mark,
}

impl Default for Journal {
    fn default() -> Self {
        Self::new()
    }
}

impl Journal {
    /// An empty journal of the current version.
    pub fn new() -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            settings: Settings::default(),
            last_use_mark: None,
            symptoms: Symptoms::default(),
            days: DayMap::default(),
            doses: Vec::new(),
            signs: Vec::new(),
            criteria: Vec::new(),
            about: about::About::default(),
            questions: Vec::new(),
            plans: Vec::new(),
            no_dose_days: BTreeSet::new(),
        }
    }

    pub fn version(&self) -> u32 {
        self.version
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    pub fn last_use_mark(&self) -> Option<Stamp> {
        self.last_use_mark
    }
    pub fn days(&self) -> &DayMap {
        &self.days
    }
    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        self.days.get(date)
    }
    pub fn doses(&self) -> &[Dose] {
        &self.doses
    }
    pub fn signs(&self) -> &[SignCheck] {
        &self.signs
    }
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
    /// The questions not yet marked done, in the order they were added.
    pub fn open_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.done.is_none())
    }
    /// The days the person said they took no kratom.
    pub fn no_dose_days(&self) -> &BTreeSet<NaiveDate> {
        &self.no_dose_days
    }
    pub fn symptoms(&self) -> &Symptoms {
        &self.symptoms
    }

    /// The catalog: the defaults, the person's own items, and what is hidden.
    pub fn catalog(&self) -> Catalog<'_> {
        Catalog::new(&self.symptoms)
    }

    /// The first and last dates that hold anything (ratings, doses, or a
    /// day said to be without kratom).
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let firsts = [self.days.keys().next(), self.no_dose_days.first()];
        let lasts = [self.days.keys().next_back(), self.no_dose_days.last()];
        let first = firsts.into_iter().flatten().copied().chain(self.doses.first().map(|d| d.at.date_naive())).min()?;
        let last = lasts.into_iter().flatten().copied().chain(self.doses.last().map(|d| d.at.date_naive())).max()?;
        Some((first, last))
    }
}

impl Day {
    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty() && self.sleep.is_none() && self.note.is_none() && self.aids.is_empty()
    }
}

impl Day {
    /// The day's aids as entered, each with what it counts as when that
    /// differs: `Imodium 6 tablets (loperamide 12 mg), magnesium 400 mg`.
    pub fn aids_text(&self, separator: &str) -> String {
        self.aids.iter().map(Aid::entry_text).collect::<Vec<_>>().join(separator)
    }
}

/// A number without a trailing `.0`, to two decimals at most: `4`, `2.5`, `0.25`.
pub fn format_number(value: f64) -> String {
    // `+ 0.0` turns -0.0 (an empty float sum) into 0.0, so no "-0" is shown.
    let text = format!("{:.2}", value + 0.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The word for a rating, or "not rated".
pub fn rating_word(value: Option<u8>) -> &'static str {
    value.and_then(|v| RATING_WORDS.get(usize::from(v)).copied()).unwrap_or("not rated")
}
