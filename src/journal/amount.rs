//! Reading the amount at the end of an aid as people write it: `4 mg`,
//! `4mg`, `0.004 g`, `400 mcg` (`µg`, `ug`), `2 tablets` (tablet, tab,
//! caplet, capsule, cap, softgel, pill), `2 x 2 mg`, `2mg x2`, `2 × 2 mg`,
//! `1,5 mg` (a decimal comma), `10 ml`, `1000 IU`. Everything before the
//! amount is the name. Pure text in, a checked amount out; the catalog turns
//! a count into mg afterwards (`journal/aid.rs`).

use super::limits::{MAX_AID_COUNT, MAX_AID_IU, MAX_AID_MG, MAX_AID_ML, MAX_AID_TEXT_CHARS, MAX_AID_TIMES};
use super::number;

/// What an amount measures, in the one unit it is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Mass, in mg (g and mcg are converted).
    Mg,
    /// Volume, in ml: kept as typed, never turned into mg.
    Ml,
    /// International units (vitamin D): kept as typed.
    Iu,
    /// Tablets, capsules and the like.
    Count,
}

/// Amounts are kept to a thousandth (1 mcg for mg).
const STEP: f64 = 0.001;

/// An amount as read: `value` in the unit of `measure`, multiplier applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub measure: Measure,
}

/// Why an amount could not be read; each says what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NoAmount,
    NameFirst,
    NoName,
    NoUnit {
        number: String,
    },
    UnknownUnit {
        unit: String,
    },
    NoNumber {
        unit: String,
    },
    BadNumber {
        number: String,
    },
    NotPositive,
    TooMuch {
        most: String,
    },
    BadTimes {
        times: String,
    },
    TwoMultipliers,
    TooLong,
    /// `200 mg x 2 tablets`, `2 tablets of 400 mg`: more than one amount.
    TwoAmounts,
    /// `1/2 tab`: a fraction.
    Fraction,
    /// A name a letter or two away from one the catalog knows.
    NearName {
        typed: String,
        suggestion: String,
    },
    /// Kratom itself: it goes in the dose log.
    Kratom,
    /// An aid without a name or without an amount more than 0.
    Incomplete,
}

impl Problem {
    /// The reason in words, to go before the list of what is allowed.
    pub fn words(&self) -> String {
        match self {
            Problem::NoAmount => "there is no amount".to_owned(),
            Problem::NameFirst => "the name goes first, then the amount".to_owned(),
            Problem::NoName => "there is no name before the amount".to_owned(),
            Problem::NoUnit { number } => format!("{number} has no unit (mg? tablets?)"),
            Problem::UnknownUnit { unit } => format!("'{unit}' is not a unit easeoff knows"),
            Problem::NoNumber { unit } => format!("there is no number before '{unit}'"),
            Problem::BadNumber { number } => format!("'{number}' is not a number"),
            Problem::NotPositive => "an amount must be more than 0".to_owned(),
            Problem::TooMuch { most } => format!("that is more than one entry can hold (at most {most})"),
            Problem::BadTimes { times } => {
                format!("'{times}' is not a number of times: use a whole number from 1 to 100, as in 2 x 2 mg")
            }
            Problem::TwoMultipliers => "give the number of times once, as in 2 x 2 mg or 2 mg x2".to_owned(),
            Problem::TooLong => format!("it is longer than {MAX_AID_TEXT_CHARS} characters"),
            Problem::TwoAmounts => "it holds more than one amount: write one, as in ibuprofen 2 x 200 mg".to_owned(),
            Problem::Fraction => "fractions are not read: write 0.5 tablet, or the mg".to_owned(),
            Problem::NearName { typed, suggestion } => format!(
                "'{typed}' is not in the catalog (did you mean {suggestion}?); a name the catalog knows is added up and checked against its label"
            ),
            Problem::Kratom => "kratom itself goes in the dose log, in grams".to_owned(),
            Problem::Incomplete => "an aid needs a name and an amount".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Num(&'a str),
    Word(String),
    Times,
}

/// Splits `text` into the name and the amount at its end.
pub fn split(text: &str) -> Result<(&str, Amount), Problem> {
    if text.chars().count() > MAX_AID_TEXT_CHARS {
        return Err(Problem::TooLong);
    }
    let toks = lex(text);
    let kind = |i: usize| toks.get(i).map(|(t, _)| t);
    let mut end = toks.len();
    // A multiplier after the amount: `2mg x2`, `2 mg x 2`.
    let mut times_after = None;
    if let (Some(Tok::Num(n)), Some(Tok::Times)) =
        (end.checked_sub(1).and_then(kind), end.checked_sub(2).and_then(kind))
    {
        times_after = Some(*n);
        end -= 2;
    }
    let unit_at = end.checked_sub(1).ok_or(Problem::NoAmount)?;
    let unit_word = match kind(unit_at) {
        Some(Tok::Word(w)) => w.clone(),
        Some(Tok::Num(n)) => return Err(Problem::NoUnit { number: (*n).to_owned() }),
        _ => return Err(Problem::NoAmount),
    };
    let Some((measure, factor)) = unit(&unit_word) else {
        let any_number = toks.iter().any(|(t, _)| matches!(t, Tok::Num(_)));
        let starts_with_number = matches!(kind(0), Some(Tok::Num(_)));
        return Err(if starts_with_number && times_after.is_none() {
            Problem::NameFirst
        } else if any_number {
            Problem::UnknownUnit { unit: unit_word }
        } else {
            Problem::NoAmount
        });
    };
    let number_at = unit_at.checked_sub(1).ok_or_else(|| Problem::NoNumber { unit: unit_word.clone() })?;
    let Some(Tok::Num(number)) = kind(number_at) else {
        return Err(Problem::NoNumber { unit: unit_word });
    };
    let mut start = number_at;
    // A multiplier before it: `2 x 2 mg`, `2×2mg`.
    let mut times_before = None;
    if let (Some(Tok::Times), Some(Tok::Num(n))) =
        (number_at.checked_sub(1).and_then(kind), number_at.checked_sub(2).and_then(kind))
    {
        times_before = Some(*n);
        start = number_at - 2;
    }
    let times = match (times_before, times_after) {
        (Some(_), Some(_)) => return Err(Problem::TwoMultipliers),
        (Some(t), None) | (None, Some(t)) => {
            let n = number::parse(t).ok_or_else(|| Problem::BadTimes { times: t.to_owned() })?;
            if n.fract() != 0.0 || !(1.0..=MAX_AID_TIMES).contains(&n) {
                return Err(Problem::BadTimes { times: t.to_owned() });
            }
            n
        }
        (None, None) => 1.0,
    };
    let each = number::parse(number).ok_or_else(|| Problem::BadNumber { number: (*number).to_owned() })?;
    // Rounded before the checks, so a tiny amount cannot round to 0 after them.
    let value = round(each * factor * times);
    if value.is_nan() || value <= 0.0 {
        return Err(Problem::NotPositive);
    }
    let most = match measure {
        Measure::Mg => (MAX_AID_MG, "100 g"),
        Measure::Count => (MAX_AID_COUNT, "100 tablets"),
        Measure::Ml => (MAX_AID_ML, "5,000 ml"),
        Measure::Iu => (MAX_AID_IU, "1,000,000 IU"),
    };
    if value > most.0 {
        return Err(Problem::TooMuch { most: most.1.to_owned() });
    }
    // What comes before the amount is the name: another number followed by
    // a unit, or a multiplier, there means a second amount.
    let before = toks.get(..start).unwrap_or_default();
    let second_amount = before.windows(2).any(|w| match (&w[0].0, &w[1].0) {
        (Tok::Num(_), Tok::Word(u)) => unit(u).is_some(),
        (Tok::Num(_), Tok::Times) => true,
        _ => false,
    });
    if second_amount {
        return Err(Problem::TwoAmounts);
    }
    let name_end = toks.get(start).map_or(text.len(), |(_, at)| *at);
    if text.get(..name_end).is_some_and(|n| n.trim_end().ends_with('/')) {
        return Err(Problem::Fraction);
    }
    let name = text.get(..name_end).unwrap_or_default();
    // Punctuation between the name and the amount is not part of the name.
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '-' | '(' | '='));
    let name = name.trim();
    if name.is_empty() {
        return Err(Problem::NoName);
    }
    Ok((name, Amount { value, measure }))
}

fn round(value: f64) -> f64 {
    (value / STEP).round() * STEP
}

/// A unit word and what it measures, with the factor to the kept unit.
fn unit(word: &str) -> Option<(Measure, f64)> {
    Some(match word {
        "mg" | "mgs" | "milligram" | "milligrams" | "milligramme" | "milligrammes" => (Measure::Mg, 1.0),
        "g" | "gram" | "grams" | "gramme" | "grammes" => (Measure::Mg, 1000.0),
        "mcg" | "µg" | "μg" | "ug" | "microgram" | "micrograms" | "microgramme" | "microgrammes" => {
            (Measure::Mg, 0.001)
        }
        "ml" | "mls" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => (Measure::Ml, 1.0),
        "iu" => (Measure::Iu, 1.0),
        w if count_word(w) => (Measure::Count, 1.0),
        _ => return None,
    })
}

/// Tablet, tab, caplet, capsule, cap, softgel, pill, gelcap, singular or plural.
pub fn count_word(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    matches!(singular, "tablet" | "tab" | "caplet" | "capsule" | "cap" | "softgel" | "pill" | "gelcap")
}

/// Numbers, words and multiplication signs, each with the byte offset it
/// starts at; everything else separates them. Letters and digits written
/// together are split (`2mg`, `x2`, `b12`).
fn lex(text: &str) -> Vec<(Tok<'_>, usize)> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_digit =
            || text.get(at + c.len_utf8()..).and_then(|r| r.chars().next()).is_some_and(|n| n.is_ascii_digit());
        // A minus sign only where a word could start, so `A-D` and `5-htp` stay words.
        let word_start = text.get(..at).and_then(|b| b.chars().next_back()).is_none_or(char::is_whitespace);
        if c.is_ascii_digit() || (matches!(c, '.' | '-') && next_is_digit() && (c == '.' || word_start)) {
            let mut end = at + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                let after = text.get(i + d.len_utf8()..).and_then(|r| r.chars().next());
                if d.is_ascii_digit() || (matches!(d, '.' | ',') && after.is_some_and(|a| a.is_ascii_digit())) {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            toks.push((Tok::Num(text.get(at..end).unwrap_or_default()), at));
        } else if c.is_alphabetic() {
            let mut word = c.to_lowercase().collect::<String>();
            while let Some(&(_, d)) = chars.peek() {
                if d.is_alphabetic() {
                    word.extend(d.to_lowercase());
                    chars.next();
                } else {
                    break;
                }
            }
            toks.push((if word == "x" { Tok::Times } else { Tok::Word(word) }, at));
        } else if matches!(c, '×' | '*') {
            toks.push((Tok::Times, at));
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (String, f64, Measure) {
        let (name, a) = split(text).unwrap_or_else(|p| panic!("{text}: {}", p.words()));
        (name.to_owned(), a.value, a.measure)
    }

    #[test]
    fn every_spelling_of_mg_g_and_mcg_is_kept_in_mg() {
        let mg = |text: &str| {
            let (name, value, measure) = read(text);
            assert_eq!(measure, Measure::Mg, "{text}");
            (name, value)
        };
        assert_eq!(mg("loperamide 4 mg"), ("loperamide".into(), 4.0));
        assert_eq!(mg("loperamide 4mg"), ("loperamide".into(), 4.0));
        assert_eq!(mg("Loperamide 4 MG"), ("Loperamide".into(), 4.0));
        assert_eq!(mg("loperamide 0.004 g"), ("loperamide".into(), 4.0));
        assert_eq!(mg("melatonin 400 mcg"), ("melatonin".into(), 0.4));
        assert_eq!(mg("melatonin 400 µg"), ("melatonin".into(), 0.4));
        assert_eq!(mg("melatonin 400 μg"), ("melatonin".into(), 0.4), "the Greek mu too");
        assert_eq!(mg("melatonin 400ug"), ("melatonin".into(), 0.4));
        assert_eq!(mg("clonidine 0.1 milligrams"), ("clonidine".into(), 0.1));
        assert_eq!(mg("vitamin c 1 gram"), ("vitamin c".into(), 1000.0));
    }

    #[test]
    fn multipliers_before_or_after_the_amount() {
        for text in [
            "loperamide 2 x 2 mg",
            "loperamide 2x2mg",
            "loperamide 2 × 2 mg",
            "loperamide 2mg x2",
            "loperamide 2 mg x 2",
            "loperamide 2 * 2 mg",
            "loperamide 2 X 2 mg",
        ] {
            assert_eq!(read(text), ("loperamide".into(), 4.0, Measure::Mg), "{text}");
        }
        assert_eq!(read("loperamide hcl 2mg x2"), ("loperamide hcl".into(), 4.0, Measure::Mg));
        assert_eq!(read("imodium 3 x 2 tablets"), ("imodium".into(), 6.0, Measure::Count));
    }

    #[test]
    fn decimal_commas_and_thousands() {
        assert_eq!(read("clonidine 1,5 mg").1, 1.5);
        assert_eq!(read("clonidine 0,15 mg").1, 0.15);
        assert_eq!(read("x 0,004 g").1, 4.0, "a leading 0 is never a thousands group");
        assert_eq!(read("acetaminophen 1,000 mg").1, 1000.0);
        assert_eq!(read("acetaminophen 1,000.5 mg").1, 1000.5);
    }

    #[test]
    fn counts_in_every_word_singular_or_plural() {
        for word in [
            "tablet", "tablets", "tab", "tabs", "caplet", "caplets", "capsule", "capsules", "cap", "caps", "softgel",
            "softgels", "pill", "pills", "Tablets",
        ] {
            let text = format!("magnesium 2 {word}");
            assert_eq!(read(&text), ("magnesium".into(), 2.0, Measure::Count), "{text}");
        }
        assert_eq!(read("melatonin 0.5 tablet").1, 0.5, "half a tablet");
    }

    #[test]
    fn ml_and_iu_are_kept_as_typed() {
        assert_eq!(read("imodium liquid 15 ml"), ("imodium liquid".into(), 15.0, Measure::Ml));
        assert_eq!(read("imodium 15mL"), ("imodium".into(), 15.0, Measure::Ml));
        assert_eq!(read("vitamin d3 1000 IU"), ("vitamin d3".into(), 1000.0, Measure::Iu));
    }

    #[test]
    fn names_may_hold_digits_and_punctuation() {
        assert_eq!(read("vitamin b6 2 tablets").0, "vitamin b6");
        assert_eq!(read("5-htp 100 mg").0, "5-htp");
        assert_eq!(read("Imodium A-D, 2 caplets").0, "Imodium A-D");
        assert_eq!(read("loperamide: 4 mg").0, "loperamide");
    }

    #[test]
    fn nonsense_is_refused_with_the_reason() {
        let why = |text: &str| split(text).map(|_| ()).unwrap_err();
        assert_eq!(why("loperamide"), Problem::NoAmount);
        assert_eq!(why(""), Problem::NoAmount);
        assert_eq!(why("loperamide 6"), Problem::NoUnit { number: "6".into() });
        assert_eq!(why("4 mg loperamide"), Problem::NameFirst);
        assert_eq!(why("4 mg"), Problem::NoName);
        assert_eq!(why("2 tablets"), Problem::NoName);
        assert_eq!(why("loperamide 0 mg"), Problem::NotPositive);
        assert_eq!(why("loperamide -4 mg"), Problem::NotPositive);
        assert_eq!(why("loperamide -2 x 2 mg"), Problem::BadTimes { times: "-2".into() });
        assert_eq!(read("loperamide - 4 mg").0, "loperamide", "a dash with space after it is punctuation");
        assert_eq!(why("x 0.0001 mg"), Problem::NotPositive, "found by fuzzing: rounds to 0");
        assert_eq!(why("loperamide 200 g"), Problem::TooMuch { most: "100 g".into() });
        assert_eq!(why("loperamide 500 tablets"), Problem::TooMuch { most: "100 tablets".into() });
        assert_eq!(why("kava 3 drops"), Problem::UnknownUnit { unit: "drops".into() });
        assert_eq!(why("loperamide mg"), Problem::NoNumber { unit: "mg".into() });
        assert_eq!(why("loperamide 2 x 2 mg x 2"), Problem::TwoMultipliers);
        assert_eq!(why("loperamide 0 x 2 mg"), Problem::BadTimes { times: "0".into() });
        assert_eq!(why("loperamide 1.5 x 2 mg"), Problem::BadTimes { times: "1.5".into() });
        assert_eq!(why("loperamide 1.2.3 mg"), Problem::BadNumber { number: "1.2.3".into() });
        assert_eq!(why(&format!("{} 4 mg", "a".repeat(130))), Problem::TooLong);
        assert_eq!(why("x2"), Problem::NoAmount);
    }
}
