//! How a day is written in the journal file. Ratings are plain numbers
//! (`"anxiety": 2`), the day has one `edited` time (its newest edit), and only
//! items edited at another time carry their own in `item_edits`. People
//! usually rate a day in one sitting, so most days have no `item_edits`; the
//! file stays readable and small, while imports can still keep the newer
//! edit of every single item.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::ratings::SortedBuilder;
use super::{Aid, Day, DayMap, Dose, ItemId, Journal, Note, RatingValue, Ratings, Sleep, Stamp, stamp};

/// A day as read from the file.
#[derive(Deserialize)]
pub(super) struct StoredDay {
    #[serde(default, deserialize_with = "pairs")]
    ratings: Vec<(ItemId, RatingValue)>,
    #[serde(default, deserialize_with = "optional_stamp")]
    edited: Option<Stamp>,
    #[serde(default)]
    item_edits: BTreeMap<ItemId, Stamp>,
    #[serde(default)]
    sleep: Option<Sleep>,
    #[serde(default)]
    note: Option<Box<Note>>,
    #[serde(default)]
    aids: Vec<Aid>,
}

/// A day as written to the file, borrowing from the model.
#[derive(Serialize)]
struct DayOut<'a> {
    #[serde(skip_serializing_if = "Values::is_empty")]
    ratings: Values<'a>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "stamp::serialize_option")]
    edited: Option<Stamp>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    item_edits: BTreeMap<&'a str, Stamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sleep: &'a Option<Sleep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: &'a Option<Box<Note>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aids: &'a Vec<Aid>,
}

impl TryFrom<StoredDay> for Day {
    type Error = String;

    fn try_from(stored: StoredDay) -> Result<Self, String> {
        let pairs = stored.ratings.iter().map(|(id, value)| (id.as_str(), value.get()));
        let ratings = if stored.item_edits.is_empty() && stored.edited.is_some() {
            // The common shape: sorted (as it is written from a sorted map),
            // one time for the day. A hand-edited file that is not sorted
            // goes through the path that sorts, where a repeated item keeps
            // its last rating as before.
            let mut builder = SortedBuilder::default();
            match pairs.clone().try_for_each(|(id, value)| builder.push(id, value)) {
                Some(()) => Some(builder.finish(stored.edited)),
                None => None,
            }
        } else {
            None
        };
        let ratings = match ratings {
            Some(ratings) => ratings,
            None => Ratings::from_stored(pairs, stored.edited, |id| stored.item_edits.get(id).copied())?,
        };
        Ok(Day { ratings, sleep: stored.sleep, note: stored.note, aids: stored.aids })
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let out = DayOut {
            ratings: Values(&self.ratings),
            edited: self.ratings.edited(),
            item_edits: self.ratings.own_edits().collect(),
            sleep: &self.sleep,
            note: &self.note,
            aids: &self.aids,
        };
        out.serialize(serializer)
    }
}

/// A journal whose days and doses were read apart from the rest (the store
/// reads the one-line-per-entry sections of a file on two cores, see
/// `store/lines.rs`), put together again. `None` if the rest held days or
/// doses of its own, which a file in the store's layout never does.
pub(crate) fn with_days_and_doses(mut rest: Journal, days: DayMap, doses: Vec<Dose>) -> Option<Journal> {
    if !(rest.days.is_empty() && rest.doses.is_empty()) {
        return None;
    }
    rest.days = days;
    rest.doses = doses;
    Some(rest)
}

/// The journal with no days and no doses, for the store to write those
/// itself (see `store/format.rs`). Every field is named, so that a new one
/// cannot be forgotten here.
pub(crate) fn without_days_and_doses(journal: &Journal) -> Journal {
    let Journal {
        format,
        version,
        settings,
        last_use_mark,
        symptoms,
        days: _,
        doses: _,
        signs,
        questions,
        plans,
        no_dose_days,
        criteria,
        about,
    } = journal;
    Journal {
        format: format.clone(),
        version: *version,
        settings: settings.clone(),
        last_use_mark: *last_use_mark,
        symptoms: symptoms.clone(),
        days: DayMap::default(),
        doses: Vec::new(),
        signs: signs.clone(),
        questions: questions.clone(),
        plans: plans.clone(),
        no_dose_days: no_dose_days.clone(),
        criteria: criteria.clone(),
        about: about.clone(),
    }
}

/// Whether two journals are equal in everything but their days and doses
/// (which the store's save check compares one at a time, so as not to hold
/// a second copy of them). Every field is named, so that a new one cannot be
/// forgotten here.
pub(crate) fn same_apart_from_days_and_doses(a: &Journal, b: &Journal) -> bool {
    let Journal {
        format,
        version,
        settings,
        last_use_mark,
        symptoms,
        days: _,
        doses: _,
        signs,
        criteria,
        about,
        questions,
        plans,
        no_dose_days,
    } = a;
    *format == b.format
        && *version == b.version
        && *settings == b.settings
        && *last_use_mark == b.last_use_mark
        && *symptoms == b.symptoms
        && *signs == b.signs
        && *criteria == b.criteria
        && *about == b.about
        && *questions == b.questions
        && *plans == b.plans
        && *no_dose_days == b.no_dose_days
}

/// A day's ratings as `"item": value`, written straight from the model's
/// map: it is sorted by item id as a `BTreeMap<&str, u8>` would be, so the
/// bytes are the same without building one per day.
struct Values<'a>(&'a Ratings);

impl Values<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Values<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.values_by_id())
    }
}

/// A JSON object read as a list of pairs, in file order: cheaper than a map
/// that is only turned into another map.
/// Each rating is read through [`RatingValue`], so one out of range is refused.
fn pairs<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<(ItemId, RatingValue)>, D::Error> {
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Vec<(ItemId, RatingValue)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of item ratings")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(map.size_hint().unwrap_or(12));
            while let Some(pair) = map.next_entry()? {
                out.push(pair);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Pairs)
}

fn optional_stamp<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Stamp>, D::Error> {
    stamp::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Rating;

    fn at(s: &str) -> Stamp {
        Stamp::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn ratings_are_plain_numbers_with_one_edit_time_for_the_day() {
        let mut day = Day::default();
        day.ratings.insert("anxiety", Rating { value: 2, edited: at("2026-03-10T21:00:00+01:00") });
        day.ratings.insert("nausea", Rating { value: 0, edited: at("2026-03-10T21:00:00+01:00") });
        let text = serde_json::to_string(&day).unwrap();
        assert_eq!(text, r#"{"ratings":{"anxiety":2,"nausea":0},"edited":"2026-03-10T21:00:00+01:00"}"#);
        assert_eq!(serde_json::from_str::<Day>(&text).unwrap(), day);
    }

    #[test]
    fn an_item_edited_at_another_time_keeps_its_own_time() {
        let mut day = Day::default();
        day.ratings.insert("anxiety", Rating { value: 2, edited: at("2026-03-10T21:00:00+01:00") });
        day.ratings.insert("nausea", Rating { value: 1, edited: at("2026-03-10T08:00:00+01:00") });
        let text = serde_json::to_string(&day).unwrap();
        assert!(text.contains(r#""item_edits":{"nausea":"2026-03-10T08:00:00+01:00"}"#), "{text}");
        assert_eq!(serde_json::from_str::<Day>(&text).unwrap(), day);
    }

    #[test]
    fn a_rating_without_any_edit_time_is_refused() {
        assert!(serde_json::from_str::<Day>(r#"{"ratings":{"anxiety":2}}"#).is_err());
    }
}
