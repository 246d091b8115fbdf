//! A day's ratings, kept as small in memory as the file keeps them: a ten-year
//! journal holds about 40,000 ratings, and as a map of item ids to a value
//! and a time stamp each they were two thirds of its memory, so that a
//! fresh process spent much of its load on page faults.
//!
//! Here the catalog's own items (defaults and extras) have a fixed place in
//! every day, one byte each, and only the person's own items keep their id.
//! Like the file (see `stored_day.rs`), the day has one edit time, its
//! newest, and only items edited at another time keep their own. The form
//! is canonical — each set of ratings has one representation — so what
//! reads back from the file is exactly what was written.

use std::fmt;
use std::sync::OnceLock;

use super::{ItemId, Rating, Stamp, catalog};

/// Places for the catalog's items; the asset has 19 today. Any beyond it
/// would be kept like the person's own items, by id.
const PLACES: usize = 24;

/// The catalog's item ids, sorted: a day keeps their ratings by place here.
fn place_ids() -> &'static [&'static str] {
    static IDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    IDS.get_or_init(|| {
        let mut ids: Vec<&'static str> = catalog::asset_ids().collect();
        ids.sort_unstable();
        ids.dedup();
        ids.truncate(PLACES);
        ids
    })
}

fn place_of(id: &str) -> Option<usize> {
    place_ids().binary_search(&id).ok()
}

/// One day's ratings by item, each with when it was last edited.
#[derive(Clone, Default)]
pub struct Ratings {
    /// The catalog's items by place in [`place_ids`], each rating plus one;
    /// 0 where the item is not rated.
    places: [u8; PLACES],
    /// The newest edit, every item's time but those in `Rare::edits`;
    /// `None` exactly when there are no ratings.
    edited: Option<Stamp>,
    /// What most days do not have, kept aside so that a day stays small.
    rare: Option<Box<Rare>>,
}

#[derive(Clone, Default)]
struct Rare {
    /// Items without a place (the person's own), sorted by id.
    own: Vec<(ItemId, u8)>,
    /// Items edited at another time, or in another offset, than `edited`,
    /// sorted by id.
    edits: Vec<(ItemId, Stamp)>,
}

impl Ratings {
    fn own(&self) -> &[(ItemId, u8)] {
        self.rare.as_ref().map_or(&[], |rare| &rare.own)
    }

    fn edits(&self) -> &[(ItemId, Stamp)] {
        self.rare.as_ref().map_or(&[], |rare| &rare.edits)
    }

    pub fn len(&self) -> usize {
        self.places.iter().filter(|&&v| v != 0).count() + self.own().len()
    }

    pub fn is_empty(&self) -> bool {
        self.edited.is_none()
    }

    pub fn get(&self, id: &str) -> Option<Rating> {
        // A value too large for a place (never a rating) is kept by id.
        let placed = place_of(id).and_then(|place| self.places.get(place)?.checked_sub(1));
        let value = match placed {
            Some(value) => value,
            None => {
                self.own().binary_search_by(|(own, _)| own.as_str().cmp(id)).ok().and_then(|i| self.own().get(i))?.1
            }
        };
        Some(Rating { value, edited: self.edited_of(id)? })
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// Every rating, by item id in sorted order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { values: self.values_by_id() }
    }

    /// Every rating's value, by item id in sorted order.
    pub fn values_by_id(&self) -> Values<'_> {
        Values { ratings: self, place: 0, own: 0 }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> + Clone {
        self.values_by_id().map(|(id, _)| id)
    }

    /// Sets one item's rating; edits are rare, so the whole day is rebuilt.
    pub fn insert(&mut self, id: &str, rating: Rating) {
        let mut all: Vec<(&str, Rating)> = self.iter().filter(|(other, _)| *other != id).collect();
        let at = all.partition_point(|(other, _)| *other < id);
        all.insert(at, (id, rating));
        *self = Self::from_sorted(&all);
    }

    /// Removes one item's rating, giving it back if there was one.
    pub fn remove(&mut self, id: &str) -> Option<Rating> {
        let removed = self.get(id)?;
        let rest: Vec<_> = self.iter().filter(|(other, _)| *other != id).collect();
        *self = Self::from_sorted(&rest);
        Some(removed)
    }

    /// The day's newest edit, shared by every item not in [`Self::own_edits`].
    pub fn edited(&self) -> Option<Stamp> {
        self.edited
    }

    /// The items edited at another time than the day's newest edit.
    pub fn own_edits(&self) -> impl Iterator<Item = (&str, Stamp)> {
        self.edits().iter().map(|(id, at)| (id.as_str(), *at))
    }

    /// The rated items that have no place of their own: the person's own
    /// items, or ids that are in no catalog. Every item with a place is one
    /// of the asset's, which every journal's catalog holds.
    pub(crate) fn own_ids(&self) -> impl Iterator<Item = &str> {
        self.own().iter().map(|(id, _)| id.as_str())
    }

    fn edited_of(&self, id: &str) -> Option<Stamp> {
        match self.edits().binary_search_by(|(own, _)| own.as_str().cmp(id)) {
            Ok(i) => self.edits().get(i).map(|(_, at)| *at),
            Err(_) => self.edited,
        }
    }

    /// The canonical form of ratings sorted by id, without repeats: the day's
    /// edit time is the newest (the last of equal instants, as `max` picks),
    /// and every item with another time or offset keeps its own.
    fn from_sorted(all: &[(&str, Rating)]) -> Self {
        let edited = all.iter().map(|(_, r)| r.edited).max();
        let mut builder = SortedBuilder::default();
        for (id, rating) in all {
            // Sorted by construction, so this cannot refuse.
            let _ = builder.push(id, rating.value);
        }
        let mut ratings = builder.finish(edited);
        let edits: Vec<(ItemId, Stamp)> = all
            .iter()
            .filter(|(_, r)| edited.is_some_and(|e| r.edited != e || r.edited.offset() != e.offset()))
            .map(|(id, r)| (ItemId::from(*id), r.edited))
            .collect();
        if !edits.is_empty() {
            ratings.rare.get_or_insert_default().edits = edits;
        }
        ratings
    }

    /// Ratings read from a file: each item's time is its own edit if it has
    /// one, or the day's; an item with neither is named.
    pub(crate) fn from_stored<'a>(
        pairs: impl IntoIterator<Item = (&'a str, u8)>,
        edited: Option<Stamp>,
        own_edit: impl Fn(&str) -> Option<Stamp>,
    ) -> Result<Self, String> {
        let mut all: Vec<(&str, Rating)> = Vec::new();
        for (id, value) in pairs {
            let edited = own_edit(id).or(edited).ok_or_else(|| format!("the rating of '{id}' has no edit time"))?;
            all.push((id, Rating { value, edited }));
        }
        // A repeated item keeps its last rating, as a map read from the file would.
        all.reverse();
        all.sort_by(|a, b| a.0.cmp(b.0));
        all.dedup_by(|later, earlier| later.0 == earlier.0);
        Ok(Self::from_sorted(&all))
    }
}

/// Builds a day's ratings from items pushed in sorted order, all edited at
/// one time: the way the quick reader reads a day.
#[derive(Default)]
pub(crate) struct SortedBuilder<'a> {
    ratings: Ratings,
    /// The next place that can still be filled: every id pushed so far
    /// sorts before its id. And the last id pushed.
    next_place: usize,
    last: Option<&'a str>,
}

impl<'a> SortedBuilder<'a> {
    /// One of the next catalog items read straight from a file's text:
    /// if `rest` starts with its id and the quote that closes it, its place
    /// and the id's length. Most ratings are read this way, without looking
    /// for the string's end or comparing it with the ids one by one.
    pub(crate) fn next_in(&self, rest: &[u8]) -> Option<(usize, usize)> {
        let ids = place_ids().get(self.next_place..)?;
        ids.iter().enumerate().find_map(|(ahead, known)| {
            let known = known.as_bytes();
            let found = rest.first() == known.first()
                && rest.get(..known.len()) == Some(known)
                && rest.get(known.len()) == Some(&b'"');
            found.then_some((self.next_place + ahead, known.len()))
        })
    }

    /// Rates the catalog item at `place`, found by [`Self::next_in`] (so
    /// after every item pushed so far); `None` if the value does not fit.
    pub(crate) fn push_place(&mut self, place: usize, value: u8) -> Option<()> {
        let id = place_ids().get(place)?;
        if place < self.next_place {
            return None;
        }
        *self.ratings.places.get_mut(place)? = value.checked_add(1)?;
        self.next_place = place + 1;
        self.last = Some(id);
        Some(())
    }

    /// Adds an item after the last; `None` if it does not sort after it.
    pub(crate) fn push(&mut self, id: &'a str, value: u8) -> Option<()> {
        let ids = place_ids();
        // Most items are one of the next catalog items: everything pushed so
        // far sorts before those, so finding it among them is enough (an
        // equal length is rare, so most of these are one comparison).
        let ahead = ids.get(self.next_place..).and_then(|rest| rest.iter().position(|known| *known == id));
        if let Some(ahead) = ahead
            && value.checked_add(1).is_some()
        {
            return self.push_place(self.next_place + ahead, value);
        }
        if self.last.is_some_and(|last| last >= id) {
            return None;
        }
        // The person's own item (or a value too large for a place): kept by
        // id, and the places up to it are passed.
        self.last = Some(id);
        while ids.get(self.next_place).is_some_and(|known| *known <= id) {
            self.next_place += 1;
        }
        self.ratings.rare.get_or_insert_default().own.push((ItemId::from(id), value));
        Some(())
    }

    /// The ratings, every one edited at `edited` (needed when there are any).
    pub(crate) fn finish(mut self, edited: Option<Stamp>) -> Ratings {
        if self.last.is_some() {
            self.ratings.edited = edited;
        }
        self.ratings
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.last.is_none()
    }
}

/// The ratings' values by item id in sorted order, without their edit
/// times: the places and the person's own items merged.
#[derive(Clone)]
pub struct Values<'a> {
    ratings: &'a Ratings,
    place: usize,
    own: usize,
}

impl<'a> Iterator for Values<'a> {
    type Item = (&'a str, u8);

    fn next(&mut self) -> Option<Self::Item> {
        let r = self.ratings;
        while r.places.get(self.place).is_some_and(|&v| v == 0) {
            self.place += 1;
        }
        let placed = place_ids().get(self.place).zip(r.places.get(self.place));
        let own = r.own().get(self.own);
        match (placed, own) {
            (Some((id, stored)), Some((own_id, _))) if *id < own_id.as_str() => {
                self.place += 1;
                Some((id, stored.saturating_sub(1)))
            }
            (_, Some((own_id, value))) => {
                self.own += 1;
                Some((own_id.as_str(), *value))
            }
            (Some((id, stored)), None) => {
                self.place += 1;
                Some((id, stored.saturating_sub(1)))
            }
            (None, None) => None,
        }
    }
}

/// The ratings by item id in sorted order, with their edit times.
#[derive(Clone)]
pub struct Iter<'a> {
    values: Values<'a>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, Rating);

    fn next(&mut self) -> Option<Self::Item> {
        let (id, value) = self.values.next()?;
        // Most days have no item with a time of its own.
        let edited = if self.values.ratings.rare.is_none() {
            self.values.ratings.edited?
        } else {
            self.values.ratings.edited_of(id)?
        };
        Some((id, Rating { value, edited }))
    }
}

impl<'a> IntoIterator for &'a Ratings {
    type Item = (&'a str, Rating);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Equal when the same items have the same values and edit times, as two
/// maps of ratings would be.
impl PartialEq for Ratings {
    fn eq(&self, other: &Self) -> bool {
        // Kept the same way, they are equal; kept differently, they still
        // may be (the same instant in two offsets), so then item by item.
        let kept_alike = self.places == other.places
            && self.edited == other.edited
            && self.own() == other.own()
            && self.edits() == other.edits();
        kept_alike || self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Ratings {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Stamp {
        Stamp::parse_from_rfc3339(s).unwrap()
    }

    fn rating(value: u8, edited: &str) -> Rating {
        Rating { value, edited: at(edited) }
    }

    #[test]
    fn every_catalog_item_has_a_place() {
        assert_eq!(place_ids().len(), catalog::asset_ids().count(), "raise PLACES");
    }

    #[test]
    fn catalog_and_own_items_read_back_in_id_order_with_their_times() {
        let mut r = Ratings::default();
        r.insert("nausea", rating(1, "2026-03-10T21:00:00+01:00"));
        r.insert("zz-mine", rating(3, "2026-03-10T21:00:00+01:00"));
        r.insert("anxiety", rating(0, "2026-03-10T08:00:00+01:00"));
        r.insert("jaw-clenching", rating(2, "2026-03-10T21:00:00+01:00"));
        let ids: Vec<&str> = r.keys().collect();
        assert_eq!(ids, ["anxiety", "jaw-clenching", "nausea", "zz-mine"]);
        assert_eq!(r.get("anxiety"), Some(rating(0, "2026-03-10T08:00:00+01:00")));
        assert_eq!(r.get("jaw-clenching").map(|x| x.value), Some(2));
        assert_eq!(r.get("sweating"), None);
        assert_eq!(r.len(), 4);
        assert_eq!(r.edited(), Some(at("2026-03-10T21:00:00+01:00")));
        assert_eq!(r.own_edits().map(|(id, _)| id).collect::<Vec<_>>(), ["anxiety"]);
    }

    #[test]
    fn a_rating_given_again_replaces_the_old_and_a_removed_one_is_gone() {
        let mut r = Ratings::default();
        r.insert("anxiety", rating(1, "2026-03-10T08:00:00+01:00"));
        r.insert("nausea", rating(2, "2026-03-10T08:00:00+01:00"));
        r.insert("anxiety", rating(3, "2026-03-10T21:00:00+01:00"));
        assert_eq!(r.get("anxiety"), Some(rating(3, "2026-03-10T21:00:00+01:00")));
        assert_eq!(r.get("nausea"), Some(rating(2, "2026-03-10T08:00:00+01:00")));
        assert_eq!(r.remove("anxiety"), Some(rating(3, "2026-03-10T21:00:00+01:00")));
        // The day's edit time is now the newest that is left.
        assert_eq!(r.edited(), Some(at("2026-03-10T08:00:00+01:00")));
        assert_eq!(r.own_edits().count(), 0);
        assert_eq!(r.remove("nausea").map(|x| x.value), Some(2));
        assert!(r.is_empty());
        assert_eq!(r, Ratings::default());
    }

    #[test]
    fn the_same_ratings_are_equal_however_they_were_made() {
        let mut one = Ratings::default();
        one.insert("nausea", rating(1, "2026-03-10T08:00:00+01:00"));
        one.insert("anxiety", rating(2, "2026-03-10T21:00:00+01:00"));
        let mut other = Ratings::default();
        other.insert("anxiety", rating(2, "2026-03-10T21:00:00+01:00"));
        other.insert("nausea", rating(1, "2026-03-10T08:00:00+01:00"));
        assert_eq!(one, other);
        other.insert("nausea", rating(2, "2026-03-10T08:00:00+01:00"));
        assert_ne!(one, other);
        // The same instants, one written in another offset: kept apart, equal.
        let mut utc = Ratings::default();
        utc.insert("anxiety", rating(2, "2026-03-10T20:00:00Z"));
        utc.insert("nausea", rating(1, "2026-03-10T07:00:00Z"));
        assert_eq!(utc, one);
        assert_eq!(utc.get("anxiety").unwrap().edited.offset().local_minus_utc(), 0);
    }

    #[test]
    fn the_same_instant_in_another_offset_keeps_its_offset() {
        let mut r = Ratings::default();
        r.insert("anxiety", rating(1, "2026-03-10T20:00:00Z"));
        r.insert("nausea", rating(1, "2026-03-10T21:00:00+01:00"));
        assert_eq!(r.get("anxiety").unwrap().edited.offset().local_minus_utc(), 0);
        assert_eq!(r.get("nausea").unwrap().edited.offset().local_minus_utc(), 3600);
    }

    #[test]
    fn a_stored_day_keeps_the_last_of_a_repeated_item_and_names_one_without_a_time() {
        let t = at("2026-03-10T21:00:00+01:00");
        let r = Ratings::from_stored([("nausea", 1), ("anxiety", 2), ("nausea", 3)], Some(t), |_| None).unwrap();
        assert_eq!(r.iter().map(|(id, x)| (id, x.value)).collect::<Vec<_>>(), [("anxiety", 2), ("nausea", 3)]);
        let e = Ratings::from_stored([("anxiety", 2)], None, |_| None).unwrap_err();
        assert_eq!(e, "the rating of 'anxiety' has no edit time");
    }

    #[test]
    fn any_value_reads_back_as_it_was_given() {
        let mut r = Ratings::default();
        for value in [0, 4, 254, 255] {
            r.insert("anxiety", rating(value, "2026-03-10T21:00:00+01:00"));
            assert_eq!(r.get("anxiety").map(|x| x.value), Some(value));
            assert_eq!(r.values_by_id().collect::<Vec<_>>(), [("anxiety", value)]);
        }
    }

    #[test]
    fn a_catalog_item_read_from_the_text_is_the_item_its_id_names() {
        let mut b = SortedBuilder::default();
        // "anxiety" is not "anxiety-other", and one not closed is not read.
        assert_eq!(b.next_in(b"anxiety-other\":1"), None);
        assert_eq!(b.next_in(b"anxiety"), None);
        let (place, len) = b.next_in(b"anxiety\":1,").unwrap();
        assert_eq!(len, "anxiety".len());
        b.push_place(place, 1).unwrap();
        // Only items after it are read from here on.
        assert_eq!(b.next_in(b"agitation\":1"), None);
        let (place, _) = b.next_in(b"nausea\":2}").unwrap();
        b.push_place(place, 2).unwrap();
        let r = b.finish(Some(at("2026-03-10T21:00:00+01:00")));
        assert_eq!(r.values_by_id().collect::<Vec<_>>(), [("anxiety", 1), ("nausea", 2)]);
    }

    #[test]
    fn the_builder_refuses_items_out_of_order() {
        let mut b = SortedBuilder::default();
        assert!(b.push("anxiety", 1).is_some());
        assert!(b.push("anxiety", 1).is_none());
        assert!(b.push("agitation", 1).is_none());
        assert!(b.push("jaw-clenching", 1).is_some());
        assert!(b.push("jaw-clenching", 1).is_none());
        assert!(b.push("nausea", 1).is_some());
        assert!(b.push("nausea", 1).is_none());
        assert!(b.push("muscle-aches", 1).is_none());
    }
}
