//! One aid taken on a day, as it is kept: the catalog id (or the name as
//! typed, for an aid the catalog does not know), the amount in one unit (mg,
//! a count, ml or IU) and the text as typed. Turning typed text into an aid,
//! and reading the entries of files from before the catalog.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::InputError;
use super::aid_catalog::{AidEntry, AidKind, aid_catalog};
/// Why typed text is not an aid with an amount.
pub use super::amount::Problem;
use super::amount::{self, Amount, Measure};
use super::format_number;

/// The one unit an aid's amount is kept in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AidUnit {
    Mg,
    Ml,
    Iu,
    /// Tablets, capsules and the like whose strength is not known.
    Count,
    /// An entry written before the catalog whose unit could not be read
    /// (empty when none was given): shown as it was, never added to mg.
    AsTyped(String),
}

impl AidUnit {
    /// How the unit is written in the file.
    pub fn as_str(&self) -> &str {
        match self {
            AidUnit::Mg => "mg",
            AidUnit::Ml => "ml",
            AidUnit::Iu => "IU",
            AidUnit::Count => "count",
            AidUnit::AsTyped(text) => text,
        }
    }

    fn from_file(text: &str) -> AidUnit {
        match text {
            "mg" => AidUnit::Mg,
            "ml" => AidUnit::Ml,
            "IU" => AidUnit::Iu,
            "count" => AidUnit::Count,
            other => AidUnit::AsTyped(other.to_owned()),
        }
    }

    /// `4 mg`, `2 pills`, `1 pill`, `10 ml`: an amount in this unit, for people.
    pub fn amount_text(&self, amount: f64) -> String {
        let number = format_amount(amount);
        match self {
            AidUnit::Count if (amount - 1.0).abs() < 1e-9 => format!("{number} pill"),
            AidUnit::Count => format!("{number} pills"),
            AidUnit::AsTyped(unit) if unit.is_empty() => number,
            other => format!("{number} {}", other.as_str()),
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, AidUnit::AsTyped(t) if t.is_empty())
    }
}

/// A treatment or aid taken that day, e.g. `loperamide 4 mg`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredAid")]
pub struct Aid {
    /// The catalog id (`loperamide`), or the name as typed, in lowercase,
    /// for an aid not in the catalog.
    pub name: String,
    /// The amount in `unit`.
    pub amount: f64,
    #[serde(default, skip_serializing_if = "AidUnit::is_empty", serialize_with = "unit_out")]
    pub unit: AidUnit,
    /// What the person typed, e.g. `Imodium 2 x 2mg`. Absent in entries
    /// written before the catalog that read the same either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<String>,
}

impl Default for AidUnit {
    fn default() -> Self {
        AidUnit::AsTyped(String::new())
    }
}

fn unit_out<S: serde::Serializer>(unit: &AidUnit, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(unit.as_str())
}

/// An aid as read from the file, of any version.
#[derive(Deserialize)]
struct StoredAid {
    name: String,
    amount: f64,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    typed: Option<String>,
}

impl TryFrom<StoredAid> for Aid {
    type Error = InputError;

    fn try_from(stored: StoredAid) -> Result<Self, InputError> {
        let unit = AidUnit::from_file(&stored.unit);
        let kept = Aid { name: stored.name, amount: stored.amount, unit, typed: stored.typed };
        kept.check_whole()?;
        if kept.typed.is_some() {
            return Ok(kept);
        }
        // Written before the catalog: name, amount and unit as typed. Read
        // them as if typed now, so `imodium 2 tablets` counts as loperamide
        // 4 mg; what cannot be read stays exactly as it was.
        let text = format!("{} {} {}", kept.name, format_amount(kept.amount), stored.unit);
        Ok(match Aid::parse(text.trim()) {
            // Read back exactly as written (the same bits): nothing to change.
            Ok(read)
                if read.name == kept.name
                    && read.amount.to_bits() == kept.amount.to_bits()
                    && read.unit == kept.unit =>
            {
                kept
            }
            Ok(read) => read,
            Err(_) => kept,
        })
    }
}

impl FromStr for Aid {
    type Err = InputError;

    /// An aid with an amount as typed: `loperamide 4 mg`, `imodium 2
    /// tablets`, `2 x 2 mg`, `400 mcg`, `1,5 mg` (see `journal/amount.rs`).
    fn from_str(text: &str) -> Result<Self, InputError> {
        Aid::parse(text).map_err(|problem| InputError::BadAid { given: text.trim().to_owned(), problem })
    }
}

impl Aid {
    /// Reads `NAME AMOUNT` as typed: the name matched to the catalog, the
    /// amount in mg (a count of tablets turned into mg where the catalog
    /// knows their strength), or a count, or ml / IU as typed.
    pub fn parse(text: &str) -> Result<Aid, Problem> {
        let text = text.trim();
        let (name, Amount { value, measure }) = amount::split(text)?;
        let entry = aid_catalog().find(name);
        if entry.is_none() {
            let key = super::aid_catalog::match_key(name);
            if key == "kratom" || key.starts_with("kratom") {
                return Err(Problem::Kratom);
            }
            if let Some(suggestion) = aid_catalog().near(name) {
                return Err(Problem::NearName { typed: collapse(name), suggestion });
            }
        }
        let strength = entry.and_then(|e| e.per_unit_mg.as_ref()).map(|s| s.mg);
        let (amount, unit) = match (measure, strength) {
            (Measure::Mg, _) => (value, AidUnit::Mg),
            (Measure::Count, Some(mg)) => (round(value * mg), AidUnit::Mg),
            (Measure::Count, None) => (value, AidUnit::Count),
            (Measure::Ml, _) => (value, AidUnit::Ml),
            (Measure::Iu, _) => (value, AidUnit::Iu),
        };
        let name = entry.map_or_else(|| collapse(name).to_lowercase(), |e| e.id.clone());
        Ok(Aid { name, amount, unit, typed: Some(collapse(text)) })
    }

    /// What every kept aid has, however it came: a name, and an amount
    /// more than 0.
    pub fn check_whole(&self) -> Result<(), InputError> {
        if !self.name.trim().is_empty() && self.amount.is_finite() && self.amount > 0.0 {
            Ok(())
        } else {
            Err(InputError::BadAid { given: self.name.clone(), problem: Problem::Incomplete })
        }
    }

    /// The catalog's entry for this aid, if it has one.
    pub fn entry(&self) -> Option<&'static AidEntry> {
        aid_catalog().get(&self.name)
    }

    pub fn kind(&self) -> AidKind {
        self.entry().map_or(AidKind::Other, |e| e.kind)
    }

    /// `loperamide 12 mg`: the aid and its amount in the unit it is kept in.
    pub fn canonical_text(&self) -> String {
        format!("{} {}", self.name, self.unit.amount_text(self.amount))
    }

    /// The entry as the person wrote it, with what it counts as when that
    /// differs: `Imodium 6 tablets (loperamide 12 mg)`, `magnesium 400 mg`.
    pub fn entry_text(&self) -> String {
        let canonical = self.canonical_text();
        match &self.typed {
            None => canonical,
            Some(typed) if squash(typed) == squash(&canonical) => typed.clone(),
            Some(typed) => format!("{typed} ({canonical})"),
        }
    }

    /// Whether a name typed to find this aid (`--remove-aid imodium`) stands
    /// for it: matched like the catalog matches names.
    pub fn is_called(&self, name: &str) -> bool {
        if let Some(entry) = aid_catalog().find(name) {
            return entry.id == self.name;
        }
        let key = super::aid_catalog::match_key(name);
        !key.is_empty() && super::aid_catalog::match_key(&self.name) == key
    }

    /// What was saved, in words: the aid in its kept unit, how a count was
    /// turned into mg, and whether the catalog knows it. `loperamide 12 mg
    /// (Imodium 6 tablets: 6 pills × 2 mg, the usual strength; if yours
    /// differ, log mg)`.
    pub fn saved_text(&self) -> String {
        let typed = self.typed.as_deref().unwrap_or_default();
        let mut text = self.canonical_text();
        match self.conversion() {
            Some(how) => text.push_str(&format!(" ({typed}: {how}, the usual strength; if yours differ, log mg)")),
            None if self.entry_text() != typed && !typed.is_empty() => text.push_str(&format!(" (as typed: {typed})")),
            None => {}
        }
        if self.kind() == AidKind::Other {
            text.push_str(", not in easeoff's list of aids, kept as typed");
        }
        text
    }

    /// When a count was turned into mg: `6 tablets × 2 mg`, to say how.
    pub fn conversion(&self) -> Option<String> {
        let typed = self.typed.as_deref()?;
        let (_, read) = amount::split(typed).ok()?;
        let strength = self.entry()?.per_unit_mg.as_ref()?.mg;
        (read.measure == Measure::Count && self.unit == AidUnit::Mg)
            .then(|| format!("{} × {} mg", AidUnit::Count.amount_text(read.value), format_amount(strength)))
    }
}

/// Up to three decimals, without trailing zeros: `4`, `0.4`, `0.025`.
pub fn format_amount(value: f64) -> String {
    if (value * 100.0 - (value * 100.0).round()).abs() < 1e-9 {
        return format_number(value);
    }
    let text = format!("{:.3}", value + 0.0);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// Runs of spaces as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase without spaces, to tell whether two spellings say the same.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aid(text: &str) -> Aid {
        Aid::parse(text).unwrap_or_else(|p| panic!("{text}: {}", p.words()))
    }

    #[test]
    fn a_count_turns_into_mg_where_the_catalog_knows_the_strength() {
        let a = aid("loperamide 6 tablets");
        assert_eq!((a.name.as_str(), a.amount, &a.unit), ("loperamide", 12.0, &AidUnit::Mg));
        assert_eq!(a.conversion().as_deref(), Some("6 pills × 2 mg"));
        assert_eq!(aid("Imodium 2 caplets").amount, 4.0);
        assert_eq!(aid("advil 2 tablets").amount, 400.0);
        assert_eq!(aid("aleve 1 tablet").amount, 220.0);
        assert_eq!(aid("benadryl 2 capsules").amount, 50.0);
    }

    #[test]
    fn a_count_stays_a_count_where_the_strength_is_not_known() {
        let a = aid("Tylenol 2 caplets");
        assert_eq!((a.name.as_str(), a.amount, &a.unit), ("acetaminophen", 2.0, &AidUnit::Count));
        assert_eq!(a.canonical_text(), "acetaminophen 2 pills");
        assert_eq!(a.conversion(), None);
        assert_eq!(aid("melatonin 1 tablet").canonical_text(), "melatonin 1 pill");
    }

    #[test]
    fn names_are_matched_to_the_catalog_and_unknown_ones_kept() {
        assert_eq!(aid("imodium 10 mg").canonical_text(), "loperamide 10 mg");
        assert_eq!(aid("loperamide hcl 2mg x2").canonical_text(), "loperamide 4 mg");
        assert_eq!(aid("Paracetamol 500 mg").name, "acetaminophen");
        let kava = aid("Kava  Root 2 capsules");
        assert_eq!((kava.name.as_str(), kava.kind()), ("kava root", AidKind::Other));
        assert_eq!(kava.typed.as_deref(), Some("Kava Root 2 capsules"));
    }

    #[test]
    fn the_typed_text_is_kept_and_shown_with_what_it_counts_as() {
        let a = aid("loperamide 0.004 g");
        assert_eq!(a.amount, 4.0);
        assert_eq!(a.entry_text(), "loperamide 0.004 g (loperamide 4 mg)", "never shown as 0 g");
        assert_eq!(aid("Loperamide 4mg").entry_text(), "Loperamide 4mg", "the same amount is not repeated");
        assert_eq!(aid("melatonin 300 mcg").canonical_text(), "melatonin 0.3 mg");
        assert_eq!(aid("clonidine 1,5 mg").canonical_text(), "clonidine 1.5 mg");
        assert_eq!(aid("melatonin 25 mcg").canonical_text(), "melatonin 0.025 mg");
        assert_eq!(aid("imodium 15 ml").canonical_text(), "loperamide 15 ml");
    }

    #[test]
    fn entries_from_before_the_catalog_load_as_if_typed_now() {
        let read = |json: &str| serde_json::from_str::<Aid>(json).unwrap();
        let plain = read(r#"{"name":"loperamide","amount":4.0,"unit":"mg"}"#);
        assert_eq!(plain, Aid { name: "loperamide".into(), amount: 4.0, unit: AidUnit::Mg, typed: None });
        let brand = read(r#"{"name":"imodium","amount":2.0,"unit":"tablets"}"#);
        assert_eq!(brand.canonical_text(), "loperamide 4 mg");
        assert_eq!(brand.typed.as_deref(), Some("imodium 2 tablets"));
        let no_unit = read(r#"{"name":"magnesium","amount":2.0}"#);
        assert_eq!(no_unit.unit, AidUnit::AsTyped(String::new()));
        assert_eq!(no_unit.entry_text(), "magnesium 2");
        let drops = read(r#"{"name":"kava","amount":3.0,"unit":"drops"}"#);
        assert_eq!(drops.entry_text(), "kava 3 drops");
        // Each writes back as it reads, so a second load changes nothing.
        for a in [plain, brand, no_unit, drops] {
            assert_eq!(read(&serde_json::to_string(&a).unwrap()), a);
        }
    }

    #[test]
    fn the_file_holds_the_id_the_kept_amount_and_the_typed_text() {
        let text = serde_json::to_string(&aid("Imodium 6 tablets")).unwrap();
        assert_eq!(text, r#"{"name":"loperamide","amount":12.0,"unit":"mg","typed":"Imodium 6 tablets"}"#);
        let count = serde_json::to_string(&aid("tylenol 2 caplets")).unwrap();
        assert_eq!(count, r#"{"name":"acetaminophen","amount":2.0,"unit":"count","typed":"tylenol 2 caplets"}"#);
    }

    #[test]
    fn remove_by_any_name_the_catalog_knows() {
        let a = aid("Imodium 2 tablets");
        assert!(a.is_called("loperamide") && a.is_called("IMODIUM") && a.is_called("loperamide HCl"));
        assert!(!a.is_called("ibuprofen") && !a.is_called(""));
        assert!(aid("kava root 2 caps").is_called("Kava Root"));
    }
}
