//! Daily sums of each aid in one unit: every entry in mg (counts of a known
//! strength already turned into mg) added up, and what could not be turned
//! into mg (counts of unknown strength, ml, IU, units of old entries) kept
//! apart per unit and never added to mg. The sums a label maximum is checked
//! against. Pure.

use chrono::NaiveDate;

use crate::journal::aid_catalog::{AidEntry, DailyMax};
use crate::journal::{Aid, AidUnit, Day, Journal, aid_catalog};

/// One aid on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct AidDay {
    /// The catalog id, or the name as typed for an aid not in the catalog.
    pub name: String,
    /// How many entries it was logged in.
    pub entries: usize,
    /// The sum of the entries in mg; `None` when no entry was in mg.
    pub mg: Option<f64>,
    /// Sums that could not be turned into mg, per unit, in the order first seen.
    pub not_mg: Vec<(AidUnit, f64)>,
}

impl AidDay {
    /// Some of the day's amount is not in mg, so the day cannot be checked
    /// against a label maximum in full.
    pub fn unchecked(&self) -> bool {
        !self.not_mg.is_empty()
    }

    pub fn entry(&self) -> Option<&'static AidEntry> {
        aid_catalog().get(&self.name)
    }

    /// The label maximum the mg sum is above, if any (the over-the-counter
    /// one first, as the catalog orders them).
    pub fn above_max(&self) -> Option<&'static DailyMax> {
        let mg = self.mg?;
        self.entry()?.first_max().filter(|max| mg > max.mg + 1e-9)
    }

    /// `12 mg`, `12 mg + 2 pills`: the day's sum in words.
    pub fn amount_text(&self) -> String {
        self.mg
            .map(|mg| AidUnit::Mg.amount_text(mg))
            .into_iter()
            .chain(self.not_mg.iter().map(|(unit, amount)| unit.amount_text(*amount)))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// Each aid of a day with its sums, in the order first logged.
pub fn aid_days(day: &Day) -> Vec<AidDay> {
    let mut out: Vec<AidDay> = Vec::new();
    for aid in &day.aids {
        if !out.iter().any(|a| a.name == aid.name) {
            out.push(AidDay { name: aid.name.clone(), entries: 0, mg: None, not_mg: Vec::new() });
        }
        if let Some(row) = out.iter_mut().find(|a| a.name == aid.name) {
            add(row, aid);
        }
    }
    out
}

fn add(row: &mut AidDay, aid: &Aid) {
    row.entries += 1;
    if aid.unit == AidUnit::Mg {
        row.mg = Some(row.mg.unwrap_or(0.0) + aid.amount);
        return;
    }
    match row.not_mg.iter_mut().find(|(unit, _)| *unit == aid.unit) {
        Some((_, sum)) => *sum += aid.amount,
        None => row.not_mg.push((aid.unit.clone(), aid.amount)),
    }
}

/// One aid's sums on one day, if it was logged that day.
pub fn aid_on(journal: &Journal, date: NaiveDate, name: &str) -> Option<AidDay> {
    journal.day(date).and_then(|d| aid_days(d).into_iter().find(|a| a.name == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(texts: &[&str]) -> Day {
        Day { aids: texts.iter().map(|t| Aid::parse(t).unwrap()).collect(), ..Day::default() }
    }

    #[test]
    fn every_spelling_adds_up_in_mg() {
        let sums =
            aid_days(&day(&["Imodium 2 tablets", "loperamide 0.004 g", "loperamide hcl 2mg x2", "imodium 2 mg"]));
        assert_eq!(sums.len(), 1);
        assert_eq!(sums[0].name, "loperamide");
        assert_eq!(sums[0].entries, 4);
        assert_eq!(sums[0].mg, Some(14.0));
        assert!(!sums[0].unchecked());
        assert_eq!(sums[0].above_max().map(|m| m.mg), Some(8.0));
        assert_eq!(sums[0].amount_text(), "14 mg");
    }

    #[test]
    fn counts_of_unknown_strength_are_never_added_to_mg() {
        let sums = aid_days(&day(&["tylenol 500 mg", "paracetamol 2 caplets", "magnesium 400 mg"]));
        let acetaminophen = &sums[0];
        assert_eq!(acetaminophen.mg, Some(500.0));
        assert_eq!(acetaminophen.not_mg, [(AidUnit::Count, 2.0)]);
        assert!(acetaminophen.unchecked());
        assert_eq!(acetaminophen.amount_text(), "500 mg + 2 pills");
        assert!(acetaminophen.above_max().is_none(), "500 mg is under the 4,000 mg of the label");
        assert_eq!(sums[1].name, "magnesium");
        assert!(sums[1].above_max().is_none(), "no label maximum in the catalog");
    }

    #[test]
    fn ml_is_kept_apart() {
        let sums = aid_days(&day(&["imodium 15 ml", "imodium 2 caplets"]));
        assert_eq!(sums[0].mg, Some(4.0));
        assert_eq!(sums[0].not_mg, [(AidUnit::Ml, 15.0)]);
    }
}
