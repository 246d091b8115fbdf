//! The taper as the dose log shows it: stretches of days at a steady daily
//! amount, and the reduction steps between them. A step is a drop of at
//! least 5 % below the current stretch's typical amount that holds for at
//! least two days with doses; day-to-day noise and a one-day dip are not
//! steps. Days without any dose are left out (they are not 0 g days of a
//! taper, and the last dose ends the taper).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::DoseDay;

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
    fn days_without_doses_are_left_out() {
        let s = stretches(&series(&[6.0, 6.0, 0.0, 0.0, 6.0, 6.0]));
        assert_eq!(s.len(), 1, "a gap is not a step down to 0 and back");
        assert_eq!(s[0].days, 4);
        assert!(stretches(&BTreeMap::new()).is_empty());
    }
}
