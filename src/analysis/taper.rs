//! The taper as the dose log shows it: stretches of days at a steady daily
//! amount, and the reduction steps between them. A step is a drop of at
//! least 5 % below the current stretch's typical amount that holds for at
//! least two days with doses; day-to-day noise and a one-day dip are not
//! steps. Days without any dose are left out (they are not 0 g days of a
//! taper, and the last dose ends the taper).

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use super::DoseDay;
use crate::journal::plan::PlanVersion;
use crate::journal::{Journal, Kind};

/// How far below the current level a day must be to count toward a step.
pub const STEP_DROP: f64 = 0.05;
/// How many dosing days in a row must stay down for a step.
pub const STEP_HOLD: usize = 2;

/// A stretch of dosing days at about the same daily amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The median daily total, in grams.
    pub grams: f64,
    /// The median number of doses a day.
    pub doses_per_day: usize,
    pub days: usize,
}

/// Splits the dosing days into stretches; a new stretch starts where the
/// amount moves by at least 5 % for at least two dosing days.
pub fn stretches(days: &BTreeMap<NaiveDate, DoseDay>) -> Vec<Stretch> {
    let series: Vec<(NaiveDate, DoseDay)> = days.iter().filter(|(_, d)| d.grams > 0.0).map(|(k, v)| (*k, *v)).collect();
    let mut starts = vec![0];
    let mut i = 1;
    while i < series.len() {
        let start = starts.last().copied().unwrap_or(0);
        let level = median(series.get(start..i).unwrap_or_default().iter().map(|(_, d)| d.grams).collect());
        let held = series.get(i..i + STEP_HOLD).filter(|w| w.len() == STEP_HOLD);
        let moved = held.is_some_and(|w| {
            w.iter().all(|(_, d)| d.grams <= level * (1.0 - STEP_DROP))
                || w.iter().all(|(_, d)| d.grams >= level * (1.0 + STEP_DROP))
        });
        if moved {
            starts.push(i);
        }
        i += 1;
    }
    starts
        .iter()
        .enumerate()
        .filter_map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(series.len());
            let part = series.get(start..end)?;
            let (first, last) = (part.first()?.0, part.last()?.0);
            Some(Stretch {
                first,
                last,
                grams: median(part.iter().map(|(_, d)| d.grams).collect()),
                doses_per_day: median(part.iter().map(|(_, d)| d.count as f64).collect()).round() as usize,
                days: part.len(),
            })
        })
        .collect()
}

/// How many stretches began with a reduction (a lower amount than before).
pub fn reduction_steps(stretches: &[Stretch]) -> usize {
    stretches.windows(2).filter(|w| w[1].grams < w[0].grams).count()
}

/// Days on each side of a step whose scores are compared.
pub const EFFECT_DAYS: i64 = 3;
/// Rated days needed on each side for a comparison.
pub const EFFECT_MIN_RATED: usize = 2;

/// How the scores moved around one reduction step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepEffect {
    pub date: NaiveDate,
    pub from_grams: f64,
    pub to_grams: f64,
    /// Mean (physical, psychological) over the 3 days before and the 3 days
    /// from the step on; `None` with fewer than 2 rated days on that side.
    pub before: [Option<f64>; 2],
    pub after: [Option<f64>; 2],
}

/// Each reduction step with the mean scores before and after it.
pub fn step_effects(journal: &Journal, stretches: &[Stretch]) -> Vec<StepEffect> {
    let mean = |first: NaiveDate, kind: Kind| {
        let values: Vec<f64> = (0..EFFECT_DAYS)
            .filter_map(|i| super::scores_on(journal, first + Duration::days(i)))
            .filter_map(|s| s.of(kind))
            .map(|s| s.mean)
            .collect();
        (values.len() >= EFFECT_MIN_RATED).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    stretches
        .windows(2)
        .filter(|w| w[1].grams < w[0].grams)
        .map(|w| {
            let date = w[1].first;
            let before = date - Duration::days(EFFECT_DAYS);
            StepEffect {
                date,
                from_grams: w[0].grams,
                to_grams: w[1].grams,
                before: Kind::BOTH.map(|k| mean(before, k)),
                after: Kind::BOTH.map(|k| mean(date, k)),
            }
        })
        .collect()
}

/// An earlier attempt: at least two days without a dose, then doses again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub start: NaiveDate,
    pub days: i64,
}

/// The earlier attempts in a dose log (the current stretch without doses,
/// which has not ended, is not one).
pub fn attempts(days: &BTreeMap<NaiveDate, DoseDay>) -> Vec<Attempt> {
    let dosing: Vec<NaiveDate> = days.iter().filter(|(_, d)| d.count > 0).map(|(date, _)| *date).collect();
    dosing
        .windows(2)
        .filter_map(|w| {
            let gap = (w[1] - w[0]).num_days() - 1;
            (gap >= 2).then(|| Attempt { start: w[0] + Duration::days(1), days: gap })
        })
        .collect()
}

/// One day of a plan: the target and what was taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanDay {
    pub date: NaiveDate,
    pub target: f64,
    pub actual: f64,
    pub doses: usize,
}

impl PlanDay {
    /// Within 0.05 g of the target counts as on target.
    pub fn difference(&self) -> f64 {
        let d = self.actual - self.target;
        if d.abs() < 0.05 { 0.0 } else { d }
    }
}

/// Target against actual for each day of `first..=last` that the plan covers.
pub fn plan_days(journal: &Journal, plan: &PlanVersion, first: NaiveDate, last: NaiveDate) -> Vec<PlanDay> {
    let doses = super::dose_days_in(journal, first, last);
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter_map(|date| {
            let target = plan.target_on(date)?;
            let day = doses.get(&date).copied().unwrap_or_default();
            Some(PlanDay { date, target, actual: day.grams, doses: day.count })
        })
        .collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 { values[mid] } else { f64::midpoint(values[mid - 1], values[mid]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(grams: &[f64]) -> BTreeMap<NaiveDate, DoseDay> {
        let start = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        grams
            .iter()
            .enumerate()
            .map(|(i, g)| {
                (start + chrono::Duration::days(i as i64), DoseDay { grams: *g, count: if *g > 0.0 { 4 } else { 0 } })
            })
            .collect()
    }

    #[test]
    fn day_to_day_noise_is_not_a_step() {
        let s = stretches(&series(&[6.0, 6.2, 5.8, 6.1, 5.9, 6.0, 6.2, 5.8]));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].grams, 6.0);
        assert_eq!(s[0].days, 8);
    }

    #[test]
    fn a_drop_held_two_days_is_a_step_and_a_one_day_dip_is_not() {
        let s = stretches(&series(&[6.0, 6.0, 6.0, 5.0, 6.0, 6.0, 5.0, 5.0, 5.0, 4.0, 4.0]));
        let amounts: Vec<f64> = s.iter().map(|x| x.grams).collect();
        assert_eq!(amounts, [6.0, 5.0, 4.0]);
        assert_eq!(s[1].first.to_string(), "2026-02-07", "the step starts on the first lower day");
        assert_eq!(reduction_steps(&s), 2);
    }

    #[test]
    fn attempts_are_gaps_of_two_days_or_more_that_ended_in_a_dose() {
        let a = attempts(&series(&[6.0, 0.0, 6.0, 0.0, 0.0, 6.0, 0.0, 0.0, 0.0, 5.0, 0.0, 0.0]));
        let found: Vec<(String, i64)> = a.iter().map(|x| (x.start.to_string(), x.days)).collect();
        assert_eq!(
            found,
            [("2026-02-04".to_owned(), 2), ("2026-02-07".to_owned(), 3)],
            "one day off is not an attempt; the open end is not one"
        );
    }

    #[test]
    fn days_without_doses_are_left_out() {
        let s = stretches(&series(&[6.0, 6.0, 0.0, 0.0, 6.0, 6.0]));
        assert_eq!(s.len(), 1, "a gap is not a step down to 0 and back");
        assert_eq!(s[0].days, 4);
        assert!(stretches(&BTreeMap::new()).is_empty());
    }
}
