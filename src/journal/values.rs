//! Typed values: each number a person types — a dose, hours of sleep, a
//! rating, a number of days, a plan's step or amount — is read and checked
//! once, here. `FromStr` reads what is typed (the CLI's clap `value_parser`
//! and the app both use it); `TryFrom` checks a number that is already one
//! (the journal's edit methods and the loader). Messages say what was wrong
//! and what is allowed, never which flag or key it came from.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

use super::limits::{
    DOSE_STEP_GRAMS, MAX_DOSE_GRAMS, MAX_LIST_DAYS, MAX_PLAN_DAYS, MAX_RATING, MAX_SLEEP_HOURS, SLEEP_STEP_HOURS,
};
use super::number::{self, round_to};
use super::plan::{Cut, PlanProblem};
use super::{InputError, format_number};

/// A dose of kratom in grams: more than 0, at most [`MAX_DOSE_GRAMS`]; as
/// typed, kept to 0.01 g.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Grams(f64);

/// Hours slept in a night: 0 to [`MAX_SLEEP_HOURS`]; as typed, kept to 0.1 h.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Hours(f64);

/// A symptom rating: a whole number 0 (none) to [`MAX_RATING`] (extreme).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct RatingValue(u8);

/// Days between a plan's steps, or to hold a step: 1 to [`MAX_PLAN_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Days(u32);

/// An amount of a taper plan in grams (where it starts, its floor, its
/// rounding): any number of grams; whether it fits the rest of the plan is
/// for the plan's check, which sees all of it.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct PlanGrams(pub f64);

/// A plan's daily target as stored: 0 (the jump-off) to [`MAX_DOSE_GRAMS`].
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct TargetGrams(f64);

impl TryFrom<f64> for TargetGrams {
    type Error = InputError;

    fn try_from(grams: f64) -> Result<Self, InputError> {
        if grams.is_finite() && (0.0..=MAX_DOSE_GRAMS).contains(&grams) {
            Ok(TargetGrams(grams))
        } else {
            Err(InputError::BadTarget { given: format_number(grams) })
        }
    }
}

impl Grams {
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Hours {
    pub fn get(self) -> f64 {
        self.0
    }
}

impl RatingValue {
    pub fn get(self) -> u8 {
        self.0
    }
}

impl Days {
    pub fn get(self) -> u32 {
        self.0
    }
}

impl FromStr for Grams {
    type Err = InputError;

    /// `2.5`, `2,5`, `3g`, `3 g`. An amount in milligrams (`1500mg`, or a
    /// whole `1500`) is refused with what it is in grams: never taken as
    /// grams, nor converted without the person seeing it.
    fn from_str(text: &str) -> Result<Self, InputError> {
        let trimmed = text.trim();
        let given = trimmed.to_owned();
        let in_grams = |milligrams: f64| {
            Grams::try_from(round_to(milligrams / 1000.0, DOSE_STEP_GRAMS)).ok().map(|g| format_number(g.0))
        };
        if let Some(number) = trimmed.strip_suffix("mg").or_else(|| trimmed.strip_suffix("MG")) {
            return Err(match number::parse(number.trim_end()).and_then(in_grams) {
                Some(grams) => InputError::DoseInMilligrams { given, grams },
                None => InputError::BadDose { given },
            });
        }
        let Some(grams) = number::with_unit(text, "g") else { return Err(InputError::BadDose { given }) };
        if grams > MAX_DOSE_GRAMS
            && grams.fract() == 0.0
            && let Some(in_grams) = in_grams(grams)
        {
            return Err(InputError::BadDoseLikeMilligrams { given, grams: in_grams });
        }
        // Checked before and after rounding, so 0.001 cannot round to 0.
        Grams::try_from(grams)
            .and_then(|g| Grams::try_from(round_to(g.0, DOSE_STEP_GRAMS)))
            .map_err(|_| InputError::BadDose { given })
    }
}

impl TryFrom<f64> for Grams {
    type Error = InputError;

    fn try_from(grams: f64) -> Result<Self, InputError> {
        if grams.is_finite() && grams > 0.0 && grams <= MAX_DOSE_GRAMS {
            Ok(Grams(grams))
        } else {
            Err(InputError::BadDose { given: format_number(grams) })
        }
    }
}

impl FromStr for Hours {
    type Err = InputError;

    /// `6.5`, `6,5`, `7h`.
    fn from_str(text: &str) -> Result<Self, InputError> {
        let bad = || InputError::BadSleep { given: text.trim().to_owned() };
        let hours = number::with_unit(text, "h").ok_or_else(bad)?;
        Hours::try_from(hours).map(|h| Hours(round_to(h.0, SLEEP_STEP_HOURS))).map_err(|_| bad())
    }
}

impl TryFrom<f64> for Hours {
    type Error = InputError;

    fn try_from(hours: f64) -> Result<Self, InputError> {
        if hours.is_finite() && (0.0..=MAX_SLEEP_HOURS).contains(&hours) {
            Ok(Hours(hours))
        } else {
            Err(InputError::BadSleep { given: format_number(hours) })
        }
    }
}

impl FromStr for RatingValue {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        let bad = || InputError::BadRating { id: None, given: text.trim().to_owned() };
        text.trim().parse::<u8>().ok().and_then(|v| RatingValue::try_from(v).ok()).ok_or_else(bad)
    }
}

impl TryFrom<u8> for RatingValue {
    type Error = InputError;

    fn try_from(value: u8) -> Result<Self, InputError> {
        if value <= MAX_RATING { Ok(RatingValue(value)) } else { Err(InputError::RatingOutOfRange { value }) }
    }
}

impl FromStr for Days {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        whole_days(text, MAX_PLAN_DAYS).map(Days)
    }
}

impl TryFrom<u32> for Days {
    type Error = InputError;

    fn try_from(days: u32) -> Result<Self, InputError> {
        whole_days(&days.to_string(), MAX_PLAN_DAYS).map(Days)
    }
}

/// A whole number of days from 1 to `max`.
pub fn whole_days(text: &str, max: u32) -> Result<u32, InputError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| InputError::BadDays { given: text.trim().to_owned(), max })
}

/// How many days back a list looks: 1 to [`MAX_LIST_DAYS`].
pub fn list_days(text: &str) -> Result<u32, InputError> {
    whole_days(text, MAX_LIST_DAYS)
}

impl FromStr for PlanGrams {
    type Err = InputError;

    /// `6`, `0.25`, `0,25`, `0.25g`.
    fn from_str(text: &str) -> Result<Self, InputError> {
        number::with_unit(text, "g")
            .map(PlanGrams)
            .ok_or_else(|| PlanProblem::NotGrams { given: text.trim().to_owned() }.into())
    }
}

impl FromStr for Cut {
    type Err = InputError;

    /// `10%` (or `10 %`, `2,5%`) is a share of the current amount; `0.25`
    /// (or `0.25g`) is grams.
    fn from_str(text: &str) -> Result<Self, InputError> {
        let cut = match text.trim().strip_suffix('%') {
            Some(p) => number::parse(p.trim())
                .map(Cut::Percent)
                .ok_or_else(|| InputError::from(PlanProblem::NotPercent { given: text.trim().to_owned() }))?,
            None => Cut::Grams(text.parse::<PlanGrams>()?.0),
        };
        cut.check()?;
        Ok(cut)
    }
}

impl From<Grams> for f64 {
    fn from(g: Grams) -> f64 {
        g.0
    }
}
impl From<Hours> for f64 {
    fn from(h: Hours) -> f64 {
        h.0
    }
}
impl From<RatingValue> for u8 {
    fn from(r: RatingValue) -> u8 {
        r.0
    }
}
impl From<Days> for u32 {
    fn from(d: Days) -> u32 {
        d.0
    }
}

impl fmt::Display for Grams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_number(self.0))
    }
}
impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_number(self.0))
    }
}
impl fmt::Display for RatingValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// For a stored field kept as a plain number: reads it through its type
/// `T`, so the loader refuses what the type refuses and keeps the number's
/// bits exactly as they were written.
pub fn checked<'de, D, T, N>(deserializer: D) -> Result<N, D::Error>
where
    D: Deserializer<'de>,
    N: Deserialize<'de> + Copy + TryInto<T, Error = InputError>,
{
    let value = N::deserialize(deserializer)?;
    value.try_into().map_err(serde::de::Error::custom)?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err<T: FromStr<Err = InputError> + fmt::Debug>(text: &str) -> String {
        text.parse::<T>().unwrap_err().to_string()
    }

    #[test]
    fn grams_are_more_than_0_and_at_most_100_kept_to_a_hundredth() {
        assert_eq!("2.5".parse::<Grams>().map(Grams::get), Ok(2.5));
        assert_eq!("2,5".parse::<Grams>().map(Grams::get), Ok(2.5), "a decimal comma");
        assert_eq!("3g".parse::<Grams>().map(Grams::get), Ok(3.0));
        assert_eq!(" 3 g ".parse::<Grams>().map(Grams::get), Ok(3.0));
        assert_eq!("1.234".parse::<Grams>().map(Grams::get), Ok(1.23));
        assert_eq!("100".parse::<Grams>().map(Grams::get), Ok(100.0));
        for bad in ["0", "-1", "100.5", "1e9", "1e1", "NaN", "inf", "abc", "0.001", "", "2 kg"] {
            let e = err::<Grams>(bad);
            assert!(e.contains(&format!("'{}' is not a dose", bad.trim())), "{bad}: {e}");
            assert!(e.contains("more than 0 and at most 100"), "{bad}: says what is allowed: {e}");
        }
        assert!(Grams::try_from(0.001).is_ok(), "a stored amount is kept as it was, unrounded");
        // Milligrams are refused, saying what they are in grams.
        assert_eq!(err::<Grams>("1500mg"), "'1500mg' is in milligrams: doses are given in grams, and that is 1.5 g");
        assert_eq!(err::<Grams>(" 750 mg "), "'750 mg' is in milligrams: doses are given in grams, and that is 0.75 g");
        assert!(err::<Grams>("1500").ends_with("more than 0 and at most 100, e.g. 2.5 (1500 mg would be 1.5 g)"));
        assert!(err::<Grams>("0mg").starts_with("'0mg' is not a dose: give the amount in grams"));
        assert!(!err::<Grams>("100.5").contains(" mg "), "not a whole number: no milligrams");
        assert!(Grams::try_from(f64::NAN).is_err());
    }

    #[test]
    fn hours_of_sleep_are_0_to_24_kept_to_a_tenth() {
        assert_eq!("6.5".parse::<Hours>().map(Hours::get), Ok(6.5));
        assert_eq!("5,5".parse::<Hours>().map(Hours::get), Ok(5.5), "a decimal comma");
        assert_eq!("7h".parse::<Hours>().map(Hours::get), Ok(7.0));
        assert_eq!("0".parse::<Hours>().map(Hours::get), Ok(0.0));
        assert_eq!("24".parse::<Hours>().map(Hours::get), Ok(24.0));
        for bad in ["25", "-1", "x", "", "1e1"] {
            let e = err::<Hours>(bad);
            assert!(e.contains(&format!("'{bad}' is not hours of sleep")) && e.contains("from 0 to 24"), "{e}");
        }
    }

    #[test]
    fn ratings_are_whole_numbers_0_to_4() {
        assert_eq!("4".parse::<RatingValue>().map(RatingValue::get), Ok(4));
        assert_eq!(" 0 ".parse::<RatingValue>().map(RatingValue::get), Ok(0));
        for bad in ["5", "-1", "2.5", "2,5", "", "two"] {
            let e = err::<RatingValue>(bad);
            assert!(e.contains(&format!("'{bad}' is not a rating")) && e.contains("0 (none)"), "{e}");
        }
        let e = RatingValue::try_from(7).unwrap_err().to_string();
        assert!(e.contains("a rating of 7 is not possible") && e.contains("4 (extreme)"), "{e}");
    }

    #[test]
    fn days_are_whole_numbers_1_to_365() {
        assert_eq!("7".parse::<Days>().map(Days::get), Ok(7));
        assert_eq!("365".parse::<Days>().map(Days::get), Ok(365));
        for bad in ["0", "366", "-1", "7.5", "seven", ""] {
            let e = err::<Days>(bad);
            assert!(e.contains(&format!("'{bad}' is not a whole number of days")) && e.contains("1 to 365"), "{e}");
        }
        assert_eq!(list_days("3660"), Ok(3660));
        assert!(list_days("3661").unwrap_err().to_string().contains("1 to 3660"));
    }

    #[test]
    fn a_cut_is_a_percent_or_grams() {
        assert_eq!("10%".parse::<Cut>(), Ok(Cut::Percent(10.0)));
        assert_eq!("2,5 %".parse::<Cut>(), Ok(Cut::Percent(2.5)), "a decimal comma");
        assert_eq!("0.25".parse::<Cut>(), Ok(Cut::Grams(0.25)));
        assert_eq!("0,25g".parse::<Cut>(), Ok(Cut::Grams(0.25)));
        let e = err::<Cut>("ten%");
        assert!(e.contains("'ten%' is not a percentage, e.g. 10%"), "{e}");
        let e = err::<Cut>("ten");
        assert!(e.contains("'ten' is not an amount in grams, e.g. 6 or 0.25"), "{e}");
        let e = err::<Cut>("150%");
        assert!(e.contains("150 %") && e.contains("more than 0 % and less than 100 %"), "{e}");
        let e = err::<Cut>("-1");
        assert!(e.contains("-1 g") && e.contains("more than 0 g"), "{e}");
    }

    #[test]
    fn plan_amounts_are_any_number_of_grams() {
        assert_eq!("6".parse::<PlanGrams>(), Ok(PlanGrams(6.0)));
        assert_eq!("0,25g".parse::<PlanGrams>(), Ok(PlanGrams(0.25)), "a decimal comma");
        assert_eq!("0".parse::<PlanGrams>(), Ok(PlanGrams(0.0)), "a floor may be 0");
        assert!(err::<PlanGrams>("six").contains("'six' is not an amount in grams"));
    }

    #[test]
    fn the_loader_reads_a_stored_number_through_its_type_and_keeps_its_bits() {
        #[derive(Deserialize)]
        struct Stored {
            #[serde(deserialize_with = "checked::<_, Grams, f64>")]
            grams: f64,
        }
        let read = |json: &str| serde_json::from_str::<Stored>(json).map(|s| s.grams);
        assert_eq!(read(r#"{"grams":0.001}"#).ok().map(f64::to_bits), Some(0.001_f64.to_bits()));
        let e = read(r#"{"grams":150.0}"#).unwrap_err().to_string();
        assert!(e.contains("'150' is not a dose"), "{e}");
        assert_eq!(serde_json::to_string(&Grams(2.5)).ok().as_deref(), Some("2.5"));
        assert!(serde_json::from_str::<Hours>("25.0").is_err());
    }
}
