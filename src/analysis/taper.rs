//! The taper as the dose log shows it: stretches of days at a steady daily
//! amount, and the reduction steps between them. A step is a drop of at
//! least 5 % below the current stretch's typical amount that holds for at
//! least two days with doses; day-to-day noise and a one-day dip are not
//! steps. Days without any dose are left out (they are not 0 g days of a
//! taper, and the last dose ends the taper). [`taper_now`] is where a taper
//! stands today, for the situation "tapering".

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use super::DoseDay;
use super::situation::Situation;
use crate::journal::plan::{PlanVersion, Target};
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
    /// It began after two or more days without a dose, so a lower amount
    /// than before is not a reduction step.
    pub after_gap: bool,
}

/// Splits the dosing days into stretches; a new stretch starts where the
/// amount moves by at least 5 % for at least two dosing days.
pub fn stretches(days: &BTreeMap<NaiveDate, DoseDay>) -> Vec<Stretch> {
    let series: Vec<(NaiveDate, DoseDay)> = days.iter().filter(|(_, d)| d.grams > 0.0).map(|(k, v)| (*k, *v)).collect();
    let mut starts = vec![0];
    let mut gaps = vec![false];
    // The amounts of the current stretch so far, kept sorted as each day
    // joins: its median at every day without sorting the stretch again
    // (that was a fifth of a ten-year summary).
    let mut level_of: Vec<f64> = Vec::new();
    let mut i = 1;
    while i < series.len() {
        // Two or more days without a dose end a stretch: what follows is use
        // after a break, never a "reduction" from before it.
        let gap = series.get(i - 1..=i).is_some_and(|w| (w[1].0 - w[0].0).num_days() > super::situation::STOP_DAYS);
        if gap {
            starts.push(i);
            gaps.push(true);
            level_of.clear();
            i += 1;
            continue;
        }
        if let Some((_, day)) = series.get(i - 1) {
            level_of.insert(level_of.partition_point(|g| g.total_cmp(&day.grams).is_lt()), day.grams);
        }
        let level = median_of_sorted(&level_of);
        let held = series.get(i..i + STEP_HOLD).filter(|w| w.len() == STEP_HOLD);
        let moved = held.is_some_and(|w| {
            w.iter().all(|(_, d)| d.grams <= level * (1.0 - STEP_DROP))
                || w.iter().all(|(_, d)| d.grams >= level * (1.0 + STEP_DROP))
        });
        if moved {
            starts.push(i);
            gaps.push(false);
            level_of.clear();
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
                after_gap: gaps.get(n).copied().unwrap_or(false),
            })
        })
        .collect()
}

/// How many stretches began with a reduction (a lower amount than before).
pub fn reduction_steps(stretches: &[Stretch]) -> usize {
    stretches.windows(2).filter(|w| is_step(w)).count()
}

/// A pair of stretches is a reduction step: lower, and not after a break.
fn is_step(pair: &[Stretch]) -> bool {
    matches!(pair, [a, b] if b.grams < a.grams && !b.after_gap)
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
        .filter(|w| is_step(w))
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

/// Where a taper stands today: what the headline, status, the Today screen
/// and the Course screen say while the situation is tapering.
#[derive(Debug, Clone, PartialEq)]
pub struct TaperNow {
    /// Taper day 1: the plan's start, or the first reduction step found.
    pub start: Option<NaiveDate>,
    pub day: Option<i64>,
    /// Step K of M of the plan (K counts from 1; M includes the stop).
    pub step: Option<(usize, usize)>,
    pub target: Option<f64>,
    pub taken: DoseDay,
    pub next: Option<Target>,
    /// Every reduction step the dose log shows since the taper began, with
    /// the scores around it; the latest last.
    pub cuts: Vec<StepEffect>,
    /// Where the dose log was read from: the day use resumed after an
    /// earlier attempt, when there is one (cuts before it are that
    /// attempt's, and are listed with the dose log, not here).
    pub since: Option<NaiveDate>,
    /// The latest cut's scores rose by a point or more and had not come
    /// back 7 days later: the kind, the mean before and the recent mean.
    pub unsettled: Option<Unsettled>,
}

/// Scores that rose after a cut and stayed up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unsettled {
    pub cut: NaiveDate,
    pub kind: Kind,
    pub before: f64,
    pub recent: f64,
}

/// A rise of this much after a cut, still there after …
pub const UNSETTLED_RISE: f64 = 1.0;
/// … this many days, is said as a fact.
pub const UNSETTLED_DAYS: i64 = 7;
/// How far back the dose log is read for a taper's steps.
const LOOKBACK_DAYS: i64 = 365;

/// The taper as it stands on `today`. `since` is where the current run of
/// use began (after the latest earlier attempt), so older tapers are left out.
pub fn taper_now(journal: &Journal, today: NaiveDate, since: Option<NaiveDate>) -> TaperNow {
    let from = since.unwrap_or(NaiveDate::MIN).max(today - Duration::days(LOOKBACK_DAYS));
    let doses = super::dose_days_in(journal, from, today);
    let cuts = step_effects(journal, &stretches(&doses));
    let plan = journal.plan();
    let start = plan.and_then(|p| p.targets.first()).map(|t| t.start).or_else(|| cuts.first().map(|c| c.date));
    let step = plan.and_then(|p| {
        let k = p.targets.iter().rposition(|t| t.start <= today)?;
        Some((k + 1, p.targets.len()))
    });
    let unsettled = cuts.last().and_then(|cut| {
        if (today - cut.date).num_days() < UNSETTLED_DAYS {
            return None;
        }
        Kind::BOTH.into_iter().enumerate().find_map(|(i, kind)| {
            let before = cut.before[i]?;
            let after = cut.after[i]?;
            let recent = recent_mean(journal, kind, cut.date + Duration::days(UNSETTLED_DAYS - EFFECT_DAYS), today)?;
            (after - before >= UNSETTLED_RISE && recent - before >= UNSETTLED_RISE).then_some(Unsettled {
                cut: cut.date,
                kind,
                before,
                recent,
            })
        })
    });
    TaperNow {
        start,
        day: start.filter(|s| *s <= today).map(|s| (today - s).num_days() + 1),
        step,
        target: plan.and_then(|p| p.target_on(today)),
        taken: super::dose_day(journal, today).unwrap_or_default(),
        next: plan.and_then(|p| p.next_after(today)),
        cuts,
        since,
        unsettled,
    }
}

/// The mean score of a kind over the last three rated days of `first..=last`.
fn recent_mean(journal: &Journal, kind: Kind, first: NaiveDate, last: NaiveDate) -> Option<f64> {
    let values: Vec<f64> = journal
        .days()
        .range(first..=last)
        .rev()
        .filter_map(|(_, day)| super::day_scores(journal, day).of(kind))
        .map(|s| s.mean)
        .take(usize::try_from(EFFECT_DAYS).unwrap_or(3))
        .collect();
    (values.len() >= EFFECT_MIN_RATED).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// One day of a plan: the target and what was taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanDay {
    pub date: NaiveDate,
    pub target: f64,
    /// Grams taken (0 on a day without); `None` when nothing was logged.
    pub actual: Option<f64>,
    pub doses: usize,
}

impl PlanDay {
    /// Actual minus target, within 0.05 g counting as 0; `None` when not logged.
    pub fn difference(&self) -> Option<f64> {
        self.actual.map(|a| {
            let d = a - self.target;
            if d.abs() < 0.05 { 0.0 } else { d }
        })
    }
}

/// How days went against the plan. Days with nothing logged are counted
/// apart: they are not under target, nobody knows what was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Adherence {
    pub on_target: usize,
    pub over: usize,
    pub under: usize,
    pub not_logged: usize,
}

impl Adherence {
    pub fn of(days: &[PlanDay]) -> Self {
        let mut a = Adherence::default();
        for d in days {
            match d.difference() {
                None => a.not_logged += 1,
                Some(x) if x > 0.0 => a.over += 1,
                Some(x) if x < 0.0 => a.under += 1,
                Some(_) => a.on_target += 1,
            }
        }
        a
    }

    /// "on target 3 days, over 1, under 2, not logged 4".
    pub fn words(&self) -> String {
        format!(
            "on target {} {}, over {}, under {}, not logged {}",
            self.on_target,
            if self.on_target == 1 { "day" } else { "days" },
            self.over,
            self.under,
            self.not_logged
        )
    }
}

/// Target against actual for each day of `first..=last` that the plan covers.
pub fn plan_days(
    journal: &Journal,
    situation: &Situation,
    plan: &PlanVersion,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<PlanDay> {
    let doses = super::dose_days_in(journal, first, last);
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter_map(|date| {
            let target = plan.target_on(date)?;
            let logged = doses.get(&date).copied();
            let actual = super::situation::dose_record(journal, situation, date, logged).grams();
            Some(PlanDay { date, target, actual, doses: logged.map_or(0, |d| d.count) })
        })
        .collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    median_of_sorted(&values)
}

fn median_of_sorted(values: &[f64]) -> f64 {
    let mid = values.len() / 2;
    match (values.get(mid.wrapping_sub(1)), values.get(mid)) {
        (_, Some(&m)) if values.len() % 2 == 1 => m,
        (Some(&a), Some(&b)) => f64::midpoint(a, b),
        _ => 0.0,
    }
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
                (
                    start + chrono::Duration::days(i as i64),
                    DoseDay { grams: *g, count: if *g > 0.0 { 4 } else { 0 }, ..DoseDay::default() },
                )
            })
            .collect()
    }

    proptest::proptest! {
        /// The stretches found with the level kept sorted as days join are
        /// the ones found by taking each day's level afresh (the median of
        /// the stretch so far, sorted every time), across steps and gaps.
        #[test]
        fn the_running_level_finds_the_same_stretches_as_sorting_afresh(
            grams in proptest::collection::vec(proptest::prop_oneof![proptest::strategy::Just(0.0), 0.5f64..8.0, proptest::strategy::Just(6.0), proptest::strategy::Just(4.0)], 0..80),
        ) {
            let days = series(&grams);
            let found: Vec<(NaiveDate, NaiveDate, f64)> = stretches(&days).iter().map(|s| (s.first, s.last, s.grams)).collect();
            // The same rule, level sorted afresh at every day.
            let dosed: Vec<(NaiveDate, f64)> = days.iter().filter(|(_, d)| d.grams > 0.0).map(|(k, d)| (*k, d.grams)).collect();
            let mut starts = vec![0];
            for i in 1..dosed.len() {
                if (dosed[i].0 - dosed[i - 1].0).num_days() > super::super::situation::STOP_DAYS {
                    starts.push(i);
                    continue;
                }
                let start = *starts.last().unwrap();
                let level = median(dosed[start..i].iter().map(|(_, g)| *g).collect());
                let moved = dosed.get(i..i + STEP_HOLD).filter(|w| w.len() == STEP_HOLD).is_some_and(|w| {
                    w.iter().all(|(_, g)| *g <= level * (1.0 - STEP_DROP)) || w.iter().all(|(_, g)| *g >= level * (1.0 + STEP_DROP))
                });
                if moved {
                    starts.push(i);
                }
            }
            let expected: Vec<(NaiveDate, NaiveDate, f64)> = if dosed.is_empty() {
                Vec::new()
            } else {
                starts
                    .iter()
                    .enumerate()
                    .map(|(n, &start)| {
                        let part = &dosed[start..starts.get(n + 1).copied().unwrap_or(dosed.len())];
                        (part[0].0, part[part.len() - 1].0, median(part.iter().map(|(_, g)| *g).collect()))
                    })
                    .collect()
            };
            proptest::prop_assert_eq!(found, expected);
        }
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
    fn use_again_after_a_break_is_not_a_reduction() {
        let s = stretches(&series(&[6.0, 6.0, 6.0, 0.0, 0.0, 0.0, 3.0, 3.0, 3.0]));
        assert_eq!(s.len(), 2);
        assert!(s[1].after_gap);
        assert_eq!(reduction_steps(&s), 0, "6 g, three days without, then 3 g is not a cut");
    }

    #[test]
    fn days_without_doses_are_left_out() {
        // One day without is not a break: the stretch goes on over it.
        let s = stretches(&series(&[6.0, 6.0, 0.0, 6.0, 6.0]));
        assert_eq!(s.len(), 1, "a day without is not a step down to 0 and back");
        assert_eq!(s[0].days, 4);
        assert!(stretches(&BTreeMap::new()).is_empty());
    }
}
