//! The person's history, as they report it: asked once (after the welcome,
//! with `easeoff about`, or from the Summary screen), every answer optional
//! and kept with the time it was given. Each answer is a typed value, read
//! once from what was typed; the words for each live here too, so the
//! command line, the app and the visit summary say the same thing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{InputError, Stamp, format_number};

/// One answer and when it was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer<T> {
    pub value: T,
    #[serde(serialize_with = "super::stamp::serialize", deserialize_with = "super::stamp::deserialize")]
    pub set: Stamp,
}

/// Every answer of the history; absent means not answered (which is never
/// the same as "none").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct About {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Answer<BTreeSet<Product>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_for: Option<Answer<UseLength>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doses_a_day: Option<Answer<DosesADay>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Answer<BTreeSet<Reason>>>,
    /// Other substances; an empty map is the answer "none".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substances: Option<Answer<BTreeMap<Substance, When>>>,
    /// Prescribed medicines: an aids catalog id, or the name as typed; an
    /// empty list is the answer "none".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medicines: Option<Answer<Vec<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Answer<Goal>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pregnant: Option<Answer<bool>>,
}

impl About {
    pub fn is_empty(&self) -> bool {
        *self == About::default()
    }
}

/// Declares a closed list of choices: its stored name (also what is typed),
/// its words, `FromStr` with a refusal that lists what is allowed, and the
/// whole list in order.
macro_rules! choices {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($variant:ident = $id:literal : $words:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name as stored and typed.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The words a person reads.
            pub fn words(self) -> &'static str {
                match self { $($name::$variant => $words),+ }
            }
        }

        impl FromStr for $name {
            type Err = InputError;

            fn from_str(text: &str) -> Result<Self, InputError> {
                let typed = text.trim().to_lowercase();
                $name::ALL.iter().copied().find(|c| c.id() == typed).ok_or_else(|| InputError::BadChoice {
                    what: $what,
                    given: text.trim().to_owned(),
                    allowed: $name::ALL.iter().map(|c| c.id()).collect::<Vec<_>>().join(", "),
                })
            }
        }
    };
}

choices!(
    /// What the person used: the product and its form.
    Product, "a product", {
        Leaf = "leaf": "leaf",
        Powder = "powder": "powder",
        Capsules = "capsules": "capsules",
        Extract = "extract": "extract",
        SevenOh = "7-oh": "7-OH products",
        Other = "other": "other",
    }
);

choices!(
    /// Why the person used it.
    Reason, "a reason", {
        Pain = "pain": "pain",
        Anxiety = "anxiety": "anxiety",
        LowMood = "low-mood": "low mood",
        Energy = "energy": "energy or work",
        OpioidWithdrawal = "opioid-withdrawal": "opioid withdrawal",
        Other = "other": "other",
    }
);

choices!(
    /// Another substance the person uses or used.
    Substance, "a substance", {
        Alcohol = "alcohol": "alcohol",
        Opioids = "opioids": "opioids",
        Benzodiazepines = "benzodiazepines": "benzodiazepines",
        Stimulants = "stimulants": "stimulants",
        Cannabis = "cannabis": "cannabis",
        Nicotine = "nicotine": "nicotine",
        Other = "other": "other",
    }
);

choices!(
    /// Whether another substance is used now or was in the past.
    When, "a time", {
        Now = "now": "now",
        Past = "past": "in the past",
    }
);

choices!(
    /// What the person wants.
    Goal, "a goal", {
        Stop = "stop": "to stop",
        CutDown = "cut-down": "to cut down",
        NotSure = "not-sure": "not sure yet",
    }
);

/// A substance and when, as typed: `alcohol:now`, `opioids:past`.
pub fn substance_when(text: &str) -> Result<(Substance, When), InputError> {
    let (name, when) = text.split_once(':').unwrap_or((text, "now"));
    Ok((name.parse()?, when.parse()?))
}

/// How long the person used, as they said it: a whole number of weeks,
/// months or years. Stored as its words (`"3 years"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UseLength {
    pub count: u16,
    pub unit: LengthUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthUnit {
    Weeks,
    Months,
    Years,
}

impl LengthUnit {
    fn word(self, count: u16) -> &'static str {
        match (self, count) {
            (LengthUnit::Weeks, 1) => "week",
            (LengthUnit::Weeks, _) => "weeks",
            (LengthUnit::Months, 1) => "month",
            (LengthUnit::Months, _) => "months",
            (LengthUnit::Years, 1) => "year",
            (LengthUnit::Years, _) => "years",
        }
    }

    /// The most of each that is believable for one person's use (80 years).
    fn most(self) -> u16 {
        match self {
            LengthUnit::Weeks => 80 * 52,
            LengthUnit::Months => 80 * 12,
            LengthUnit::Years => 80,
        }
    }
}

impl FromStr for UseLength {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        let bad = || InputError::BadUseLength { given: text.trim().to_owned() };
        let typed = text.trim().to_lowercase();
        let digits = typed.find(|c: char| !c.is_ascii_digit()).unwrap_or(typed.len());
        let (number, unit) = typed.split_at(digits);
        let count: u16 = number.parse().map_err(|_| bad())?;
        let unit = match unit.trim() {
            "w" | "wk" | "wks" | "week" | "weeks" => LengthUnit::Weeks,
            "m" | "mo" | "month" | "months" => LengthUnit::Months,
            "y" | "yr" | "yrs" | "year" | "years" => LengthUnit::Years,
            _ => return Err(bad()),
        };
        if count == 0 || count > unit.most() {
            return Err(bad());
        }
        Ok(UseLength { count, unit })
    }
}

impl fmt::Display for UseLength {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} {}", self.count, self.unit.word(self.count))
    }
}

impl TryFrom<String> for UseLength {
    type Error = InputError;
    fn try_from(text: String) -> Result<Self, InputError> {
        text.parse()
    }
}

impl From<UseLength> for String {
    fn from(length: UseLength) -> String {
        length.to_string()
    }
}

/// Doses a day before cutting down: a whole number from 1 to 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct DosesADay(u8);

impl DosesADay {
    pub const MOST: u8 = 30;
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for DosesADay {
    type Error = InputError;
    fn try_from(n: u8) -> Result<Self, InputError> {
        if (1..=Self::MOST).contains(&n) {
            Ok(DosesADay(n))
        } else {
            Err(InputError::BadDosesADay { given: n.to_string() })
        }
    }
}

impl From<DosesADay> for u8 {
    fn from(n: DosesADay) -> u8 {
        n.0
    }
}

impl FromStr for DosesADay {
    type Err = InputError;
    fn from_str(text: &str) -> Result<Self, InputError> {
        let bad = || InputError::BadDosesADay { given: text.trim().to_owned() };
        text.trim().parse::<u8>().map_err(|_| bad())?.try_into().map_err(|_| bad())
    }
}

/// A prescribed medicine as kept: the aids catalog's id when the catalog
/// knows the name (`Catapres` is `clonidine`), else the name as typed.
pub fn medicine(text: &str) -> Result<String, InputError> {
    let name = text.trim();
    if name.is_empty() || name.chars().count() > 60 || name.contains(['\n', '\r', ',']) {
        return Err(InputError::BadMedicine { given: name.to_owned() });
    }
    Ok(super::aid_catalog().find(name).map_or_else(|| name.to_owned(), |entry| entry.id.clone()))
}

/// The catalog's prescription medicines, by id, in its order: what the app
/// offers by number.
pub fn prescription_ids() -> Vec<&'static str> {
    super::aid_catalog().aids.iter().filter(|a| a.kind == super::AidKind::Prescription).map(|a| a.id.as_str()).collect()
}

/// One question of the history, to clear it or to name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Products,
    UsedFor,
    UsualAmount,
    DosesADay,
    Reasons,
    Substances,
    Medicines,
    Goal,
    Pregnant,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Products,
        Field::UsedFor,
        Field::UsualAmount,
        Field::DosesADay,
        Field::Reasons,
        Field::Substances,
        Field::Medicines,
        Field::Goal,
        Field::Pregnant,
    ];

    /// The name typed to clear it (the flag's name on the command line).
    pub fn id(self) -> &'static str {
        match self {
            Field::Products => "product",
            Field::UsedFor => "used-for",
            Field::UsualAmount => "usual-grams",
            Field::DosesADay => "doses-a-day",
            Field::Reasons => "reason",
            Field::Substances => "substance",
            Field::Medicines => "medicine",
            Field::Goal => "goal",
            Field::Pregnant => "pregnant",
        }
    }

    /// Its heading, for a list and the summary.
    /// The question in a few words, for a list of what was not answered.
    pub fn short(self) -> &'static str {
        match self {
            Field::Products => "product and form",
            Field::UsedFor => "how long used",
            Field::UsualAmount => "usual amount",
            Field::DosesADay => "doses a day",
            Field::Reasons => "reasons for use",
            Field::Substances => "other substances",
            Field::Medicines => "prescribed medicines",
            Field::Goal => "goal",
            Field::Pregnant => "pregnancy",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Products => "Product and form",
            Field::UsedFor => "Used for",
            Field::UsualAmount => "Usual amount before cutting down",
            Field::DosesADay => "Doses a day before cutting down",
            Field::Reasons => "Reasons for use",
            Field::Substances => "Other substances",
            Field::Medicines => "Prescribed medicines",
            Field::Goal => "Goal",
            Field::Pregnant => "Pregnant",
        }
    }
}

impl FromStr for Field {
    type Err = InputError;
    fn from_str(text: &str) -> Result<Self, InputError> {
        let typed = text.trim().to_lowercase();
        Field::ALL.into_iter().find(|f| f.id() == typed).ok_or_else(|| InputError::BadChoice {
            what: "an answer to clear",
            given: text.trim().to_owned(),
            allowed: Field::ALL.map(Field::id).join(", "),
        })
    }
}

/// One answered question as a person reads it: its heading, the answer in
/// words and when it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub field: Field,
    pub text: String,
    pub set: Option<Stamp>,
}

fn list<T: Copy>(values: impl IntoIterator<Item = T>, words: fn(T) -> &'static str) -> String {
    values.into_iter().map(words).collect::<Vec<_>>().join(", ")
}

impl super::Journal {
    /// The history as reported, one line per answered question, in the
    /// order asked; the usual amount comes from the welcome's answer
    /// (`usual_daily_grams`), the one place it is kept.
    pub fn history(&self) -> Vec<Line> {
        let a = &self.about;
        let line = |field, text: String, set| Line { field, text, set: Some(set) };
        let mut lines = Vec::new();
        if let Some(p) = &a.products {
            lines.push(line(Field::Products, list(p.value.iter().copied(), Product::words), p.set));
        }
        if let Some(u) = &a.used_for {
            lines.push(line(Field::UsedFor, u.value.to_string(), u.set));
        }
        if let Some(grams) = self.settings.usual_daily_grams {
            lines.push(Line {
                field: Field::UsualAmount,
                text: format!("{} g a day", format_number(grams)),
                set: self.settings.usual_set,
            });
        }
        if let Some(d) = &a.doses_a_day {
            lines.push(line(Field::DosesADay, d.value.get().to_string(), d.set));
        }
        if let Some(r) = &a.reasons {
            lines.push(line(Field::Reasons, list(r.value.iter().copied(), Reason::words), r.set));
        }
        if let Some(s) = &a.substances {
            let text = if s.value.is_empty() {
                "none".to_owned()
            } else {
                s.value.iter().map(|(s, w)| format!("{} ({})", s.words(), w.words())).collect::<Vec<_>>().join(", ")
            };
            lines.push(line(Field::Substances, text, s.set));
        }
        if let Some(m) = &a.medicines {
            let text = if m.value.is_empty() { "none".to_owned() } else { m.value.join(", ") };
            lines.push(line(Field::Medicines, text, m.set));
        }
        if let Some(g) = &a.goal {
            lines.push(line(Field::Goal, g.value.words().to_owned(), g.set));
        }
        if let Some(p) = &a.pregnant {
            lines.push(line(Field::Pregnant, if p.value { "yes" } else { "no" }.to_owned(), p.set));
        }
        lines
    }

    /// The answers as stored.
    pub fn about(&self) -> &About {
        &self.about
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn how_long_is_read_in_weeks_months_or_years() {
        let read = |s: &str| s.parse::<UseLength>().map(|l| l.to_string());
        assert_eq!(read("3 years").unwrap(), "3 years");
        assert_eq!(read("3y").unwrap(), "3 years");
        assert_eq!(read("1 Year").unwrap(), "1 year");
        assert_eq!(read("18 months").unwrap(), "18 months");
        assert_eq!(read(" 6wk ").unwrap(), "6 weeks");
        for bad in ["", "years", "3", "0 years", "81 years", "3 decades", "-2 years", "2.5 years", "99999999 years"] {
            let err = read(bad).unwrap_err().to_string();
            assert!(err.contains("weeks, months or years, e.g. 3 years"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn a_choice_not_in_the_list_names_what_is_allowed() {
        assert_eq!("7-OH".parse::<Product>().unwrap(), Product::SevenOh);
        assert_eq!(" Low-Mood ".parse::<Reason>().unwrap(), Reason::LowMood);
        let err = "heroin".parse::<Substance>().unwrap_err().to_string();
        assert_eq!(
            err,
            "'heroin' is not a substance easeoff lists: use one of alcohol, opioids, benzodiazepines, stimulants, cannabis, nicotine, other"
        );
        assert_eq!(substance_when("alcohol").unwrap(), (Substance::Alcohol, When::Now));
        assert_eq!(substance_when("opioids:past").unwrap(), (Substance::Opioids, When::Past));
        assert!(substance_when("opioids:later").unwrap_err().to_string().contains("use one of now, past"));
    }

    #[test]
    fn a_medicine_the_catalog_knows_is_kept_by_its_id() {
        assert_eq!(medicine("Catapres").unwrap(), "clonidine");
        assert_eq!(medicine(" sertraline 50 mg ").unwrap(), "sertraline 50 mg");
        assert!(medicine("").is_err());
        assert!(medicine("a, b").is_err());
        assert!(prescription_ids().contains(&"buprenorphine"));
        assert!(!prescription_ids().contains(&"ibuprofen"));
    }
}
