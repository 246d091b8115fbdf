//! The symptom catalog: the default items from `assets/symptoms.json`, the
//! extra items there (off until switched on), the person's own items, and
//! which are hidden. Also the questions of the earlier seven-question
//! self-check, which come from the same asset.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Symptoms;

/// Physical or psychological: the two scores a day has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Physical,
    Psychological,
}

impl Kind {
    pub const BOTH: [Kind; 2] = [Kind::Physical, Kind::Psychological];

    pub fn word(self) -> &'static str {
        match self {
            Kind::Physical => "physical",
            Kind::Psychological => "psychological",
        }
    }
}

/// One symptom item a person can rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Symptom {
    pub label: String,
    pub kind: Kind,
}

/// One self-check question.
#[derive(Debug, Clone, Deserialize)]
pub struct Sign {
    pub id: String,
    pub question: String,
    /// The sign in a few words, for the visit summary.
    pub summary: String,
}

#[derive(Deserialize)]
struct DefaultItem {
    id: String,
    label: String,
    kind: Kind,
}

#[derive(Deserialize)]
struct Asset {
    items: Vec<DefaultItem>,
    /// Off by default; each names its sources (`sources` of the asset).
    extra: Vec<DefaultItem>,
    signs: Vec<Sign>,
}

fn asset() -> &'static Asset {
    static ASSET: OnceLock<Asset> = OnceLock::new();
    ASSET.get_or_init(|| {
        // The asset is compiled in and checked by the tests, so a failure here
        // is a build defect, not something a person's input can cause.
        serde_json::from_str(include_str!("../../assets/symptoms.json")).expect("assets/symptoms.json is valid")
    })
}

/// The extra items' ids, in the asset's order.
pub fn extra_ids() -> impl Iterator<Item = &'static str> {
    asset().extra.iter().map(|item| item.id.as_str())
}

/// Every item id of the asset, defaults and extras.
pub(super) fn asset_ids() -> impl Iterator<Item = &'static str> {
    asset().items.iter().chain(&asset().extra).map(|item| item.id.as_str())
}

/// The questions of the earlier seven-question self-check, in order.
pub fn signs() -> &'static [Sign] {
    &asset().signs
}

/// An entry of the catalog as a person sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub kind: Kind,
    pub custom: bool,
    /// One of the extra items, off until switched on.
    pub extra: bool,
    /// Not offered for rating: a hidden item, or an extra item not switched on.
    pub hidden: bool,
}

/// A read-only view of the catalog of one journal.
#[derive(Debug, Clone, Copy)]
pub struct Catalog<'a> {
    symptoms: &'a Symptoms,
}

impl<'a> Catalog<'a> {
    pub(super) fn new(symptoms: &'a Symptoms) -> Self {
        Self { symptoms }
    }

    /// Every item: defaults first in the guide's order, then the extra
    /// items, then the person's own. An extra item whose id the person had
    /// already taken for an item of their own is left out: theirs keeps its
    /// label and ratings.
    pub fn entries(self) -> impl Iterator<Item = Entry<'a>> {
        let Symptoms { custom, hidden, extra_on } = self.symptoms;
        let item = move |item: &'a DefaultItem, extra: bool| Entry {
            id: &item.id,
            label: &item.label,
            kind: item.kind,
            custom: false,
            extra,
            hidden: if extra { !extra_on.contains(&item.id) } else { hidden.contains(&item.id) },
        };
        let defaults = asset().items.iter().map(move |i| item(i, false));
        let extras = asset().extra.iter().filter(move |i| !custom.contains_key(&i.id)).map(move |i| item(i, true));
        let custom = custom.iter().map(move |(id, s)| Entry {
            id,
            label: &s.label,
            kind: s.kind,
            custom: true,
            extra: false,
            hidden: hidden.contains(id),
        });
        defaults.chain(extras).chain(custom)
    }

    /// The items shown for rating, of one kind, in order.
    pub fn active(self, kind: Kind) -> impl Iterator<Item = Entry<'a>> {
        self.entries().filter(move |e| e.kind == kind && !e.hidden)
    }

    pub fn active_count(self, kind: Kind) -> usize {
        self.active(kind).count()
    }

    pub fn get(self, id: &str) -> Option<Entry<'a>> {
        self.entries().find(|e| e.id == id)
    }

    /// The kind of the item `id`, as [`Self::get`] would give it, without
    /// making entries on the way: every day's score asks it of every rating
    /// (a tenth of a ten-year summary when it went through `get`).
    pub fn kind_of(self, id: &str) -> Option<Kind> {
        // In `entries`' order: defaults, then the person's own (which take
        // an extra item's place when they share its id), then the extras.
        let asset = asset();
        asset
            .items
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.kind)
            .or_else(|| self.symptoms.custom.get(id).map(|s| s.kind))
            .or_else(|| asset.extra.iter().find(|i| i.id == id).map(|i| i.kind))
    }

    pub fn is_default(id: &str) -> bool {
        asset().items.iter().any(|item| item.id == id)
    }

    /// The closest known id to a mistyped one, if any is close enough.
    pub fn suggest(self, typed: &str) -> Option<&'a str> {
        self.entries()
            .map(|e| (strsim::jaro_winkler(typed, e.id).max(strsim::jaro_winkler(typed, e.label)), e.id))
            .filter(|(score, _)| *score > 0.75)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_of_an_item_is_the_kind_its_entry_has() {
        let mut symptoms = Symptoms::default();
        // The person's own item, and one that took an extra item's id with
        // the other kind: theirs is the one that counts.
        let extra = asset().extra.first().unwrap();
        let other = if extra.kind == Kind::Physical { Kind::Psychological } else { Kind::Physical };
        symptoms.custom.insert("jaw-clenching".into(), Symptom { label: "Jaw clenching".into(), kind: Kind::Physical });
        symptoms.custom.insert(extra.id.clone(), Symptom { label: "Mine".into(), kind: other });
        symptoms.hidden.insert("anxiety".into());
        let catalog = Catalog::new(&symptoms);
        for entry in catalog.entries() {
            assert_eq!(catalog.kind_of(entry.id), Some(entry.kind), "{}", entry.id);
        }
        assert_eq!(catalog.kind_of(&extra.id), Some(other));
        assert_eq!(catalog.kind_of("jaw-clenching"), Some(Kind::Physical));
        assert_eq!(catalog.kind_of("not-an-item"), None);
    }
}
