//! Turning what a person typed into checked values. Shared by the CLI and the
//! app so both accept and refuse exactly the same things.

use super::limits::{MAX_CONTACT_CHARS, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_NOTE_CHARS};
use super::values::RatingValue;
use super::{Catalog, InputError};

/// `ITEM=RATING`, with the item checked against the catalog.
pub fn pair(catalog: Catalog<'_>, text: &str) -> Result<(String, RatingValue), InputError> {
    let (id, value) = text.split_once('=').ok_or_else(|| InputError::BadPair(text.to_owned()))?;
    let id = known_item(catalog, id.trim())?;
    let value = value.parse::<RatingValue>().map_err(|e| match e {
        InputError::BadRating { given, .. } => InputError::BadRating { id: Some(id.clone()), given },
        other => other,
    })?;
    Ok((id, value))
}

/// An item id that exists in the catalog, typed in any case (`Anxiety`):
/// ids are stored in lower case, so what was typed is lower-cased to match.
pub fn known_item(catalog: Catalog<'_>, id: &str) -> Result<String, InputError> {
    match catalog.get(&id.to_lowercase()) {
        Some(entry) => Ok(entry.id.to_owned()),
        None => Err(InputError::UnknownItem {
            id: id.to_owned(),
            suggestion: catalog.suggest(&id.to_lowercase()).map(str::to_owned),
        }),
    }
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
    let ok = (1..=MAX_ID_CHARS).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-');
    if ok { Ok(id.to_owned()) } else { Err(InputError::BadId { id: id.to_owned() }) }
}

/// A label for a new item: 1–60 characters.
pub fn label(text: &str) -> Result<String, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > MAX_LABEL_CHARS {
        return Err(InputError::BadLabel);
    }
    Ok(trimmed.to_owned())
}

impl super::Journal {
    /// Checks a journal read from a file for what its values cannot show
    /// alone: that rated items are in the catalog and that doses and plan
    /// targets are in time order. Each value (grams, hours, ratings, aids)
    /// was already checked by its type as it was read. A file that fails is
    /// treated as damaged.
    pub fn check_integrity(&self) -> Result<(), String> {
        if self.format != super::FORMAT {
            return Err(format!("its format is '{}', not '{}'", self.format, super::FORMAT));
        }
        for (id, symptom) in &self.symptoms.custom {
            new_id(id).map_err(|e| e.to_string())?;
            label(&symptom.label).map_err(|e| e.to_string())?;
        }
        let known: std::collections::BTreeSet<&str> = self.catalog().entries().map(|e| e.id).collect();
        // The catalog's own items always are in it: only the rest is looked up.
        for (date, day) in &self.days {
            if let Some(id) = day.ratings.own_ids().find(|id| !known.contains(id)) {
                return Err(format!("{date} rates '{id}', which is not in the catalog"));
            }
        }
        for version in &self.plans {
            if version.targets.windows(2).any(|w| w[0].start > w[1].start) {
                return Err(format!("its taper plan of {} has targets out of order", version.set));
            }
        }
        if self.doses.windows(2).any(|pair| pair[0].at > pair[1].at) {
            return Err("its doses are out of time order".to_owned());
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
    fn a_pair_names_the_item_its_rating_is_for() {
        let symptoms = super::super::Symptoms::default();
        let catalog = Catalog::new(&symptoms);
        assert_eq!(pair(catalog, "anxiety=4").map(|(id, v)| (id, v.get())), Ok(("anxiety".to_owned(), 4)));
        let e = pair(catalog, "anxiety=5").unwrap_err().to_string();
        assert!(e.starts_with("'5' is not a rating for anxiety: ratings are whole numbers 0 (none)"), "{e}");
        assert!(matches!(pair(catalog, "anxiety"), Err(InputError::BadPair(_))));
        assert!(matches!(pair(catalog, "anxeity=2"), Err(InputError::UnknownItem { .. })));
        assert_eq!(pair(catalog, " Anxiety =2").map(|(id, v)| (id, v.get())), Ok(("anxiety".to_owned(), 2)));
        assert_eq!(known_item(catalog, "MUSCLE-ACHES"), Ok("muscle-aches".to_owned()));
    }

    #[test]
    fn a_file_rating_an_item_in_no_catalog_is_refused_and_the_persons_own_and_extra_items_are_not() {
        let file = |ratings: &str| {
            let text = format!(
                r#"{{"format":"easeoff-journal","version":3,"symptoms":{{"custom":{{"jaw-clenching":{{"label":"Jaw clenching","kind":"physical"}}}}}},
                "days":{{"2026-03-09":{{"ratings":{{"anxiety":1}},"edited":"2026-03-09T21:00:00+01:00"}},
                "2026-03-10":{{"ratings":{ratings},"edited":"2026-03-10T21:00:00+01:00"}}}}}}"#
            );
            serde_json::from_str::<super::super::Journal>(&text).unwrap().check_integrity()
        };
        assert_eq!(
            file(r#"{"anxiety":1,"made-up":2}"#),
            Err("2026-03-10 rates 'made-up', which is not in the catalog".into())
        );
        assert_eq!(file(r#"{"anxiety":1,"jaw-clenching":2,"yawning":3}"#), Ok(()));
    }
}
