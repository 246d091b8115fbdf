//! The aids catalog from `assets/aids.json`: each aid's id, the names it is
//! recognised by, its kind, its strength per tablet and its label maxima,
//! each fact with its source. Also how a typed name is matched to an entry.
//! Pure: the asset is compiled in.

use std::sync::OnceLock;

use serde::Deserialize;

/// What sort of aid it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AidKind {
    OverTheCounter,
    Prescription,
    Supplement,
    /// Not in the catalog: kept as typed.
    Other,
}

impl AidKind {
    pub fn word(self) -> &'static str {
        match self {
            AidKind::OverTheCounter => "over the counter",
            AidKind::Prescription => "prescription",
            AidKind::Supplement => "supplement",
            AidKind::Other => "other",
        }
    }
}

/// A cited source: the same shape as in `assets/expected-course.json`.
pub use crate::course::Source;

/// How much of the active ingredient one tablet or capsule holds.
#[derive(Debug, Deserialize)]
pub struct Strength {
    pub mg: f64,
    pub sources: Vec<String>,
}

/// A daily maximum, and which label states it.
#[derive(Debug, Deserialize)]
pub struct DailyMax {
    pub mg: f64,
    /// `over-the-counter`, `prescription`, `antihistamine` …: whose label.
    pub label: String,
    pub sources: Vec<String>,
}

/// Another fact from the label, in words.
#[derive(Debug, Deserialize)]
pub struct Fact {
    pub says: String,
    pub sources: Vec<String>,
}

/// One aid of the catalog.
#[derive(Debug, Deserialize)]
pub struct AidEntry {
    pub id: String,
    pub names: Vec<String>,
    pub kind: AidKind,
    #[serde(default)]
    pub per_unit_mg: Option<Strength>,
    #[serde(default)]
    pub daily_max: Vec<DailyMax>,
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl AidEntry {
    /// The over-the-counter maximum if there is one, else the first the
    /// catalog gives: the one a daily sum is first compared with.
    pub fn first_max(&self) -> Option<&DailyMax> {
        self.daily_max.iter().find(|m| m.label == "over-the-counter").or_else(|| self.daily_max.first())
    }
}

#[derive(Debug, Deserialize)]
pub struct AidCatalog {
    pub sources: Vec<Source>,
    pub aids: Vec<AidEntry>,
    /// Every id and name's match key with its entry's place, built once so
    /// reading an old journal's aids does not rebuild them for each entry.
    #[serde(skip)]
    keys: Vec<(String, usize)>,
}

impl AidCatalog {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&AidEntry> {
        self.aids.iter().find(|a| a.id == id)
    }

    /// The entry a typed name stands for, if the catalog knows it: matched
    /// on letters and digits only, without regard to case, and with a
    /// trailing `HCl` or `hydrochloride` ignored (`Loperamide HCl`,
    /// `imodium A-D`, `Imodium AD`).
    pub fn find(&self, name: &str) -> Option<&AidEntry> {
        let key = match_key(name);
        if key.is_empty() {
            return None;
        }
        self.keys.iter().find(|(k, _)| *k == key).and_then(|(_, i)| self.aids.get(*i))
    }
}

impl AidCatalog {
    /// A name the catalog knows that a typed name is a slip away from (one
    /// letter for short names, two for names of six letters or more): a
    /// misspelt `lopramide` must not escape the label check unseen.
    pub fn near(&self, name: &str) -> Option<String> {
        let key = match_key(name);
        let most = if key.chars().count() >= 6 { 2 } else { 1 };
        if key.chars().count() < 4 {
            return None;
        }
        self.keys
            .iter()
            .map(|(k, i)| (strsim::levenshtein(&key, k), k, i))
            .filter(|(d, _, _)| *d > 0 && *d <= most)
            .min_by_key(|(d, _, _)| *d)
            .and_then(|(_, _, i)| self.aids.get(*i))
            .map(|entry| entry.id.clone())
    }
}

/// The catalog compiled into this build.
pub fn aid_catalog() -> &'static AidCatalog {
    static CATALOG: OnceLock<AidCatalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        // Compiled in and checked by the tests below, so a failure here is a
        // build defect, never something a person typed.
        let mut catalog: AidCatalog =
            serde_json::from_str(include_str!("../../assets/aids.json")).expect("assets/aids.json is valid");
        catalog.keys = catalog
            .aids
            .iter()
            .enumerate()
            .flat_map(|(i, a)| std::iter::once(&a.id).chain(&a.names).map(move |n| (match_key(n), i)))
            .collect();
        catalog
    })
}

/// What a name is compared by: lowercase letters and digits, with the words
/// "hcl" and "hydrochloride" dropped.
pub fn match_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "hcl" | "hydrochloride"))
        .flat_map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<Vec<_>>())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_loads_and_every_fact_names_a_source_it_holds() {
        let c = aid_catalog();
        assert!(c.aids.len() >= 20);
        for aid in &c.aids {
            let cited = aid
                .per_unit_mg
                .iter()
                .flat_map(|s| &s.sources)
                .chain(aid.daily_max.iter().flat_map(|m| &m.sources))
                .chain(aid.facts.iter().flat_map(|f| &f.sources));
            for id in cited {
                assert!(c.source(id).is_some(), "{}: source '{id}' is not in the catalog's sources", aid.id);
            }
            for m in &aid.daily_max {
                assert!(!m.sources.is_empty(), "{}: a maximum without a source", aid.id);
            }
            assert_ne!(aid.kind, AidKind::Other, "{}: 'other' is for aids not in the catalog", aid.id);
        }
    }

    #[test]
    fn no_name_stands_for_two_aids() {
        let c = aid_catalog();
        let mut seen = std::collections::BTreeMap::new();
        for aid in &c.aids {
            for name in aid.names.iter().chain(std::iter::once(&aid.id)) {
                if let Some(other) = seen.insert(match_key(name), &aid.id) {
                    assert_eq!(other, &aid.id, "'{name}' is a name of both {other} and {}", aid.id);
                }
            }
        }
    }

    #[test]
    fn names_match_without_regard_to_case_spaces_or_hcl() {
        let c = aid_catalog();
        for name in ["Imodium", "IMODIUM A-D", "imodium ad", "Loperamide HCl", "loperamide hydrochloride", "Diamode"] {
            assert_eq!(c.find(name).map(|a| a.id.as_str()), Some("loperamide"), "{name}");
        }
        assert_eq!(c.find("Paracetamol").map(|a| a.id.as_str()), Some("acetaminophen"));
        assert_eq!(c.find("naproxen sodium").map(|a| a.id.as_str()), Some("naproxen"));
        assert_eq!(c.find("Vitamin D3").map(|a| a.id.as_str()), Some("vitamin-d"));
        assert!(c.find("kava").is_none());
        assert!(c.find("").is_none());
        assert!(c.find("hcl").is_none(), "HCl alone is no name");
    }

    #[test]
    fn the_label_numbers_are_the_ones_the_sources_give() {
        let c = aid_catalog();
        let lop = c.get("loperamide").unwrap();
        assert_eq!(lop.per_unit_mg.as_ref().unwrap().mg, 2.0);
        let maxima: Vec<(f64, &str)> = lop.daily_max.iter().map(|m| (m.mg, m.label.as_str())).collect();
        assert_eq!(maxima, [(8.0, "over-the-counter"), (16.0, "prescription")]);
        assert_eq!(lop.first_max().unwrap().mg, 8.0);
        assert_eq!(c.get("ibuprofen").unwrap().first_max().unwrap().mg, 1200.0);
        assert_eq!(c.get("acetaminophen").unwrap().per_unit_mg.as_ref().map(|s| s.mg), None, "strengths vary");
        assert_eq!(c.get("clonidine").unwrap().kind, AidKind::Prescription);
        assert_eq!(c.get("magnesium").unwrap().kind, AidKind::Supplement);
    }
}
