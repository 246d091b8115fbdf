//! Turning what a person typed into checked values. Shared by the CLI and the
//! app so both accept and refuse exactly the same things.

use super::{Aid, Catalog, InputError, MAX_RATING};

/// The most a single dose may be, in grams; more is almost surely a typo.
pub const MAX_DOSE_GRAMS: f64 = 100.0;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The longest contact, in characters: a name and a number fit easily, and
/// it stays one or two lines in the help panel.
pub const MAX_CONTACT_CHARS: usize = 100;

/// A rating typed as text: a whole number 0–4.
pub fn rating(id: &str, text: &str) -> Result<u8, InputError> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|v| *v <= MAX_RATING)
        .ok_or_else(|| InputError::BadRating { id: id.to_owned(), given: text.to_owned() })
}

/// `ITEM=RATING`, with the item checked against the catalog.
pub fn pair(catalog: Catalog<'_>, text: &str) -> Result<(String, u8), InputError> {
    let (id, value) = text.split_once('=').ok_or_else(|| InputError::BadPair(text.to_owned()))?;
    let id = known_item(catalog, id.trim())?;
    Ok((id.clone(), rating(&id, value)?))
}

/// An item id that exists in the catalog.
pub fn known_item(catalog: Catalog<'_>, id: &str) -> Result<String, InputError> {
    match catalog.get(id) {
        Some(entry) => Ok(entry.id.to_owned()),
        None => Err(InputError::UnknownItem { id: id.to_owned(), suggestion: catalog.suggest(id).map(str::to_owned) }),
    }
}

/// A dose in grams: more than 0, at most 100, kept to 0.01 g.
pub fn grams(text: &str) -> Result<f64, InputError> {
    let trimmed = text.trim().trim_end_matches('g').trim();
    // Plain decimals only: `1e1` or `inf` would parse, but nobody weighs that.
    let plain = !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit() || c == '.');
    Some(trimmed)
        .filter(|_| plain)
        .and_then(|t| t.parse::<f64>().ok())
        .filter(|g| g.is_finite() && *g > 0.0 && *g <= MAX_DOSE_GRAMS)
        .map(|g| round_to(g, 0.01))
        .filter(|g| *g > 0.0)
        .ok_or_else(|| InputError::BadDose { given: text.to_owned() })
}

/// Hours of sleep: 0 to 24, kept to 0.1 h.
pub fn sleep(text: &str) -> Result<f64, InputError> {
    text.trim()
        .trim_end_matches('h')
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|h| h.is_finite() && (0.0..=24.0).contains(h))
        .map(|h| round_to(h, 0.1))
        .ok_or_else(|| InputError::BadSleep { given: text.to_owned() })
}

/// An aid with an amount as typed: `loperamide 4 mg`, `imodium 2 tablets`,
/// `2 x 2 mg`, `400 mcg`, `1,5 mg` (see `journal/amount.rs`), matched to
/// the aids catalog and kept in one unit.
pub fn aid(text: &str) -> Result<Aid, InputError> {
    Aid::parse(text).map_err(|problem| InputError::BadAid { given: text.trim().to_owned(), why: problem.words() })
}

/// A note's text: not blank, not huge.
pub fn note(text: &str) -> Result<String, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(InputError::EmptyNote);
    }
    let len = trimmed.chars().count();
    if len > MAX_NOTE_CHARS {
        return Err(InputError::LongNote { len, max: MAX_NOTE_CHARS });
    }
    Ok(trimmed.to_owned())
}

/// An id for a new item: 1–32 of `a-z`, `0-9`, `-`.
pub fn new_id(id: &str) -> Result<String, InputError> {
    let ok = (1..=32).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-');
    if ok { Ok(id.to_owned()) } else { Err(InputError::BadId { id: id.to_owned() }) }
}

/// A label for a new item: 1–60 characters.
pub fn label(text: &str) -> Result<String, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 60 {
        return Err(InputError::BadLabel);
    }
    Ok(trimmed.to_owned())
}

/// What every kept aid has: a name, and an amount more than 0.
pub fn aid_is_whole(aid: &Aid) -> bool {
    !aid.name.trim().is_empty() && aid.amount.is_finite() && aid.amount > 0.0
}

pub fn round_to(value: f64, step: f64) -> f64 {
    (value / step).round() * step
}

impl super::Journal {
    /// Checks a journal read from a file: everything a valid edit could have
    /// produced, and nothing else. A file that fails is treated as damaged.
    pub fn check_integrity(&self) -> Result<(), String> {
        if self.format != super::FORMAT {
            return Err(format!("its format is '{}', not '{}'", self.format, super::FORMAT));
        }
        let known: std::collections::BTreeSet<&str> = self.catalog().entries().map(|e| e.id).collect();
        for (id, symptom) in &self.symptoms.custom {
            new_id(id).map_err(|e| e.to_string())?;
            label(&symptom.label).map_err(|e| e.to_string())?;
        }
        for (date, day) in &self.days {
            for (id, r) in &day.ratings {
                if !known.contains(id.as_str()) {
                    return Err(format!("{date} rates '{id}', which is not in the catalog"));
                }
                if r.value > MAX_RATING {
                    return Err(format!("{date} has a rating of {} for '{id}'", r.value));
                }
            }
            if let Some(s) = day.sleep
                && !(0.0..=24.0).contains(&s.hours)
            {
                return Err(format!("{date} has {} hours of sleep", s.hours));
            }
            if day.aids.iter().any(|a| !aid_is_whole(a)) {
                return Err(format!("{date} has an aid without a name or amount"));
            }
        }
        for version in &self.plans {
            if version.targets.windows(2).any(|w| w[0].start > w[1].start)
                || version.targets.iter().any(|t| !(0.0..=MAX_DOSE_GRAMS).contains(&t.grams))
            {
                return Err(format!("its taper plan of {} has targets out of order or out of range", version.set));
            }
        }
        for pair in self.doses.windows(2) {
            if pair[0].at > pair[1].at {
                return Err("its doses are out of time order".to_owned());
            }
        }
        if let Some(d) = self.doses.iter().find(|d| !(d.grams > 0.0 && d.grams <= MAX_DOSE_GRAMS)) {
            return Err(format!("a dose of {} g at {}", d.grams, d.at));
        }
        Ok(())
    }
}

/// A country easeoff has numbers for, from a code in any case (`gb`, `UK`);
/// the journal stores its ISO code.
pub fn country(code: &str) -> Result<&'static crate::get_help::Country, InputError> {
    crate::get_help::find(code).ok_or_else(|| InputError::UnknownCountry {
        given: code.trim().to_owned(),
        known: crate::get_help::known_list(),
    })
}

/// The person's own contact: one line, at most [`MAX_CONTACT_CHARS`], with a
/// phone number in it (a help line without a number to call helps no one).
/// Errors never repeat what was typed.
pub fn contact(text: &str) -> Result<String, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::EmptyContact);
    }
    if text.chars().any(char::is_control) {
        return Err(InputError::ContactNotOneLine);
    }
    let len = text.chars().count();
    if len > MAX_CONTACT_CHARS {
        return Err(InputError::LongContact { len, max: MAX_CONTACT_CHARS });
    }
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return Err(InputError::ContactWithoutNumber);
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_outside_zero_to_four_are_refused() {
        assert_eq!(rating("anxiety", "4"), Ok(4));
        assert_eq!(rating("anxiety", "0"), Ok(0));
        for bad in ["5", "-1", "2.5", "", "two"] {
            assert!(rating("anxiety", bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn doses_must_be_positive_and_at_most_100_grams() {
        assert_eq!(grams("2.5"), Ok(2.5));
        assert_eq!(grams("3g"), Ok(3.0));
        for bad in ["0", "-1", "100.5", "1e9", "NaN", "inf", "abc", "0.001"] {
            assert!(grams(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn aids_are_read_into_the_catalog_id_one_unit_and_the_text_as_typed() {
        let a = aid("loperamide 4 mg").unwrap();
        assert_eq!((a.name.as_str(), a.amount, a.unit.as_str()), ("loperamide", 4.0, "mg"));
        let b = aid("Ibuprofen 400mg").unwrap();
        assert_eq!((b.name.as_str(), b.amount, b.typed.as_deref()), ("ibuprofen", 400.0, Some("Ibuprofen 400mg")));
        let c = aid("vitamin b6 2 tablets").unwrap();
        assert_eq!((c.name.as_str(), c.amount, c.unit.as_str()), ("vitamin-b", 2.0, "count"));
        // Found by fuzzing: an amount that rounds to 0 was accepted as 0.
        for bad in ["loperamide", "x 0.0001 mg", "4 mg", "magnesium 2", "loperamide -2 mg"] {
            let err = aid(bad).unwrap_err().to_string();
            assert!(err.contains("mg, g, mcg"), "{bad}: the message lists what is allowed: {err}");
        }
    }

    #[test]
    fn sleep_is_zero_to_twenty_four_hours() {
        assert_eq!(sleep("6.5"), Ok(6.5));
        assert!(sleep("25").is_err());
        assert!(sleep("-1").is_err());
    }
}
