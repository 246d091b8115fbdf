//! The journal's days by date, in a sorted vector rather than a tree: the
//! store reads a file's days straight into this vector (on two cores, see
//! `store/lines.rs`), where building a tree from them copied every day into
//! new memory — on a ten-year journal, 170 page faults of a fresh process.
//! Days are looked up by binary search; a new day is nearly always the
//! last, so inserting stays cheap.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Bound, RangeBounds};

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Day;

/// Days by date, each date once, in date order.
#[derive(Clone, Default, PartialEq)]
pub struct DayMap(Vec<(NaiveDate, Day)>);

/// The days of a [`DayMap`] in date order, as `(date, day)` pairs.
pub type Iter<'a> =
    std::iter::Map<std::slice::Iter<'a, (NaiveDate, Day)>, fn(&'a (NaiveDate, Day)) -> (&'a NaiveDate, &'a Day)>;

impl DayMap {
    /// The map of days already sorted by date without repeats; `None` if
    /// they are not.
    pub(crate) fn from_sorted(days: Vec<(NaiveDate, Day)>) -> Option<Self> {
        days.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)).then_some(Self(days))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, date: NaiveDate) -> Option<&Day> {
        self.find(date).ok().and_then(|i| self.0.get(i)).map(|(_, day)| day)
    }

    pub fn contains_key(&self, date: NaiveDate) -> bool {
        self.find(date).is_ok()
    }

    pub(crate) fn get_mut(&mut self, date: NaiveDate) -> Option<&mut Day> {
        let i = self.find(date).ok()?;
        self.0.get_mut(i).map(|(_, day)| day)
    }

    /// The day of `date`, made empty if there is none yet.
    pub(crate) fn entry_or_default(&mut self, date: NaiveDate) -> &mut Day {
        let i = match self.find(date) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (date, Day::default()));
                i
            }
        };
        // `i` is in the vector: found there, or just inserted at it.
        &mut self.0[i].1
    }

    pub(crate) fn remove(&mut self, date: NaiveDate) -> Option<Day> {
        let i = self.find(date).ok()?;
        Some(self.0.remove(i).1)
    }

    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(|(date, day)| (date, day))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &NaiveDate> + Clone {
        self.0.iter().map(|(date, _)| date)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Day> + Clone {
        self.0.iter().map(|(_, day)| day)
    }

    /// The days whose dates are in `range`, in date order.
    pub fn range(&self, range: impl RangeBounds<NaiveDate>) -> Iter<'_> {
        let start = match range.start_bound() {
            Bound::Included(d) => self.0.partition_point(|(date, _)| date < d),
            Bound::Excluded(d) => self.0.partition_point(|(date, _)| date <= d),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(d) => self.0.partition_point(|(date, _)| date <= d),
            Bound::Excluded(d) => self.0.partition_point(|(date, _)| date < d),
            Bound::Unbounded => self.0.len(),
        };
        self.0.get(start..end.max(start)).unwrap_or_default().iter().map(|(date, day)| (date, day))
    }

    fn find(&self, date: NaiveDate) -> Result<usize, usize> {
        self.0.binary_search_by(|(d, _)| d.cmp(&date))
    }
}

impl<'a> IntoIterator for &'a DayMap {
    type Item = (&'a NaiveDate, &'a Day);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// In any order; a date given twice keeps its last day, as a map would.
impl FromIterator<(NaiveDate, Day)> for DayMap {
    fn from_iter<I: IntoIterator<Item = (NaiveDate, Day)>>(days: I) -> Self {
        Self(days.into_iter().collect::<BTreeMap<_, _>>().into_iter().collect())
    }
}

impl fmt::Debug for DayMap {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for DayMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for DayMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<NaiveDate, Day>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn noted(text: &str) -> Day {
        let edited = chrono::DateTime::UNIX_EPOCH.fixed_offset();
        Day {
            note: Some(Box::new(super::super::Note { text: text.into(), for_provider: false, edited })),
            ..Day::default()
        }
    }

    #[test]
    fn days_stay_in_date_order_and_are_found_by_date_and_by_range() {
        let mut days = DayMap::default();
        for d in ["2026-03-10", "2026-03-01", "2026-03-05"] {
            *days.entry_or_default(date(d)) = noted(d);
        }
        assert_eq!(
            days.keys().map(ToString::to_string).collect::<Vec<_>>(),
            ["2026-03-01", "2026-03-05", "2026-03-10"]
        );
        assert_eq!(days.get(date("2026-03-05")), Some(&noted("2026-03-05")));
        assert!(days.get(date("2026-03-06")).is_none());
        let dates = |r: Iter| r.map(|(d, _)| d.to_string()).collect::<Vec<_>>();
        assert_eq!(dates(days.range(date("2026-03-02")..=date("2026-03-10"))), ["2026-03-05", "2026-03-10"]);
        assert_eq!(dates(days.range(..date("2026-03-05"))), ["2026-03-01"]);
        assert_eq!(dates(days.range(date("2026-03-06")..)), ["2026-03-10"]);
        assert_eq!(dates(days.range(date("2026-03-11")..date("2026-03-02"))), Vec::<String>::new());
        assert_eq!(days.remove(date("2026-03-01")), Some(noted("2026-03-01")));
        assert_eq!(days.len(), 2);
    }

    #[test]
    fn a_date_given_twice_keeps_its_last_day_and_only_sorted_days_are_taken_as_they_are() {
        let days: DayMap =
            [(date("2026-03-02"), noted("a")), (date("2026-03-01"), noted("b")), (date("2026-03-02"), noted("c"))]
                .into_iter()
                .collect();
        assert_eq!(
            days.iter().map(|(d, day)| (d.to_string(), day.clone())).collect::<Vec<_>>(),
            [("2026-03-01".to_string(), noted("b")), ("2026-03-02".to_string(), noted("c"))]
        );
        assert!(
            DayMap::from_sorted(vec![(date("2026-03-02"), noted("a")), (date("2026-03-01"), noted("b"))]).is_none()
        );
        assert!(
            DayMap::from_sorted(vec![(date("2026-03-01"), noted("a")), (date("2026-03-01"), noted("b"))]).is_none()
        );
    }
}
