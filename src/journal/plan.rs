//! The taper plan: a schedule of daily targets that steps down to a floor and
//! then to 0 (the jump-off). Every change — a new plan, a hold, a new step
//! size, clearing it — is kept as a new version, so the plan as it stood on
//! any day can be shown. Making and checking a schedule is pure arithmetic
//! here; the journal methods at the bottom are the only way to change it.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::limits::{DEFAULT_PLAN_ROUND_GRAMS, MAX_DOSE_GRAMS};
use super::number::round_to;
use super::values::{Days, PlanGrams, checked};
use super::{InputError, Journal, Stamp, format_number};

/// The longest schedule easeoff makes, in steps; more is surely a typo.
const MAX_STEPS: usize = 400;
/// Cuts faster than this share of the amount a week get a note: the HHS
/// guide (2019, for opioid pain medicines) says a decrease of 10 % of the
/// original dose a week or slower is less likely to bring on withdrawal.
pub const WEEKLY_SHARE: f64 = 0.10;
/// Amounts finer than this get a warning (kitchen scales weigh to 0.1 g).
pub const FINEST: f64 = 0.05;

/// How much each step takes off.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cut {
    /// A share of the current amount, in percent.
    Percent(f64),
    /// A fixed amount in grams.
    Grams(f64),
}

/// What the person asked for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PlanSpec {
    pub from_grams: f64,
    pub cut: Cut,
    pub every_days: u32,
    pub start: NaiveDate,
    pub floor_grams: f64,
    pub round_grams: f64,
}

/// What a person asked for in a new plan, as typed values: the one place
/// the defaults are filled in ([`Journal::plan_spec`]), for the CLI and the
/// app alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanRequest {
    /// Where to start; `None` starts from the usual amount the person stated.
    pub from: Option<PlanGrams>,
    pub cut: Cut,
    pub every: Days,
    pub start: NaiveDate,
    /// The last amount before stopping; `None` is the rounding.
    pub floor: Option<PlanGrams>,
    /// What targets are rounded to; `None` is [`DEFAULT_PLAN_ROUND_GRAMS`].
    pub round: Option<PlanGrams>,
}

/// Why a plan was refused, with the numbers; the CLI names its flags.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanProblem {
    #[error("the starting amount, {} g, must be more than 0 and at most 100 g", format_number(*.from))]
    FromOutOfRange { from: f64 },
    #[error("a step of {} % is not possible: a step must be more than 0 % and less than 100 %", format_number(*.percent))]
    PercentOutOfRange { percent: f64 },
    #[error(
        "a step of {} g is not possible: a step must be more than 0 g and less than the starting amount",
        format_number(*.grams)
    )]
    GramsOutOfRange { grams: f64 },
    #[error("a floor of {} g is not possible: the floor cannot be negative", format_number(*.floor))]
    FloorNegative { floor: f64 },
    #[error(
        "the floor, {} g, is not below the starting amount, {} g: the floor is the last amount before stopping",
        format_number(*.floor),
        format_number(*.from)
    )]
    FloorNotBelowFrom { floor: f64, from: f64 },
    #[error(
        "rounding to {} g is not possible: rounding must be more than 0 g and at most the starting amount",
        format_number(*.round)
    )]
    RoundOutOfRange { round: f64 },
    #[error("the plan is already at its floor; there is no step left to change")]
    AtFloor,
    #[error("give the starting amount, or state your usual amount first")]
    NoStartingAmount,
    #[error("'{given}' is not an amount in grams, e.g. 6 or 0.25")]
    NotGrams { given: String },
    #[error("'{given}' is not a percentage, e.g. 10%")]
    NotPercent { given: String },
}

impl Cut {
    /// The cut as it is typed: `10%`, `0.25`.
    pub fn typed(self) -> String {
        match self {
            Cut::Percent(p) => format!("{}%", format_number(p)),
            Cut::Grams(g) => format_number(g),
        }
    }

    /// What a cut must be on its own, whatever the plan: a share more than
    /// 0 % and less than 100 %, or more than 0 g (less than the starting
    /// amount is checked with the plan).
    pub fn check(self) -> Result<(), PlanProblem> {
        match self {
            Cut::Percent(percent) if !(percent.is_finite() && percent > 0.0 && percent < 100.0) => {
                Err(PlanProblem::PercentOutOfRange { percent })
            }
            Cut::Grams(grams) if !(grams.is_finite() && grams > 0.0) => Err(PlanProblem::GramsOutOfRange { grams }),
            _ => Ok(()),
        }
    }
}

/// One step of the schedule: from `start`, this many grams a day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub start: NaiveDate,
    #[serde(deserialize_with = "checked::<_, super::values::TargetGrams, f64>")]
    pub grams: f64,
}

/// The plan as it was set at one moment. A cleared plan has no targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanVersion {
    pub set: Stamp,
    /// What changed, in words: "new plan", "held 3 days", …
    pub change: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<PlanSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
}

impl PlanVersion {
    /// The daily target on `date`: `None` before the plan starts or when cleared.
    pub fn target_on(&self, date: NaiveDate) -> Option<f64> {
        self.targets.iter().rev().find(|t| t.start <= date).map(|t| t.grams)
    }

    /// The next step after `date`, if any.
    pub fn next_after(&self, date: NaiveDate) -> Option<Target> {
        self.targets.iter().find(|t| t.start > date).copied()
    }

    /// The day the target reaches 0 (the jump-off is complete).
    pub fn ends(&self) -> Option<NaiveDate> {
        self.targets.last().filter(|t| t.grams == 0.0).map(|t| t.start)
    }
}

/// Checks a spec: nonsense is refused; things worth a second look come back
/// as warnings (it is the person's plan, made with their provider).
pub fn check(spec: &PlanSpec) -> Result<Vec<String>, InputError> {
    let from = spec.from_grams;
    if !(from.is_finite() && from > 0.0 && from <= MAX_DOSE_GRAMS) {
        return Err(PlanProblem::FromOutOfRange { from }.into());
    }
    spec.cut.check()?;
    if let Cut::Grams(grams) = spec.cut
        && grams >= from
    {
        return Err(PlanProblem::GramsOutOfRange { grams }.into());
    }
    Days::try_from(spec.every_days)?;
    let floor = spec.floor_grams;
    if !(floor.is_finite() && floor >= 0.0) {
        return Err(PlanProblem::FloorNegative { floor }.into());
    }
    if floor >= from {
        return Err(PlanProblem::FloorNotBelowFrom { floor, from }.into());
    }
    let round = spec.round_grams;
    if !(round.is_finite() && round > 0.0 && round <= from) {
        return Err(PlanProblem::RoundOutOfRange { round }.into());
    }
    let mut warnings = Vec::new();
    let first_cut = match spec.cut {
        Cut::Percent(p) => p / 100.0,
        Cut::Grams(g) => g / spec.from_grams,
    };
    let weekly = first_cut * 7.0 / f64::from(spec.every_days);
    if weekly > WEEKLY_SHARE + 1e-9 {
        warnings.push(format!(
            "cutting {:.0} % every {} is about {:.0} % a week, faster than the 10 % a week or slower that published tapering guidance (HHS, 2019, written for opioid pain medicines) says is less likely to bring on withdrawal; worth a look with your provider",
            first_cut * 100.0,
            crate::status::plural(usize::try_from(spec.every_days).unwrap_or(0), "day"),
            weekly * 100.0
        ));
    }
    let fine = |g: f64| (g / FINEST - (g / FINEST).round()).abs() > 1e-6;
    if spec.round_grams < FINEST - 1e-9 || fine(spec.from_grams) || fine(spec.floor_grams) {
        warnings.push("amounts finer than 0.05 g are hard to weigh on a kitchen scale (0.1 g)".to_owned());
    }
    Ok(warnings)
}

/// The schedule for a spec: the starting amount, each cut (rounded, and at
/// least one rounding unit, so it always goes down), the floor, then 0.
pub fn schedule(spec: &PlanSpec) -> Vec<Target> {
    let mut targets = vec![Target { start: spec.start, grams: round_to(spec.from_grams, 0.001) }];
    let mut grams = spec.from_grams;
    let mut date = spec.start;
    let every = Duration::days(i64::from(spec.every_days));
    while targets.len() < MAX_STEPS {
        let cut = match spec.cut {
            Cut::Percent(p) => grams * p / 100.0,
            Cut::Grams(g) => g,
        };
        let mut next = round_to(grams - cut, spec.round_grams);
        if next >= grams {
            next = round_to(grams - spec.round_grams, spec.round_grams);
        }
        date += every;
        if next <= spec.floor_grams + 1e-9 {
            if spec.floor_grams > 0.0 && grams > spec.floor_grams + 1e-9 {
                targets.push(Target { start: date, grams: round_to(spec.floor_grams, 0.001) });
                date += every;
            }
            targets.push(Target { start: date, grams: 0.0 });
            break;
        }
        grams = next;
        targets.push(Target { start: date, grams: round_to(grams, 0.001) });
    }
    targets
}

impl Journal {
    /// The plan as it stands now (the newest version), if there is one.
    pub fn plan(&self) -> Option<&PlanVersion> {
        self.plans.last().filter(|p| !p.targets.is_empty())
    }

    /// Every version of the plan, oldest first.
    pub fn plan_history(&self) -> &[PlanVersion] {
        &self.plans
    }

    /// The plan as it stood at the end of `date`.
    pub fn plan_on(&self, date: NaiveDate) -> Option<&PlanVersion> {
        self.plans.iter().rev().find(|p| p.set.date_naive() <= date).filter(|p| !p.targets.is_empty())
    }

    /// The spec a request asks for, its defaults filled in and checked: it
    /// starts from the usual amount stated when no start is given, rounds to
    /// [`DEFAULT_PLAN_ROUND_GRAMS`], and its floor is the rounding.
    pub fn plan_spec(&self, request: PlanRequest) -> Result<PlanSpec, InputError> {
        let from = match request.from {
            Some(from) => from.0,
            None => self.settings.usual_daily_grams.ok_or(PlanProblem::NoStartingAmount)?,
        };
        let round = request.round.map_or(DEFAULT_PLAN_ROUND_GRAMS, |r| r.0);
        let spec = PlanSpec {
            from_grams: from,
            cut: request.cut,
            every_days: request.every.get(),
            start: request.start,
            floor_grams: request.floor.map_or(round, |f| f.0),
            round_grams: round,
        };
        check(&spec)?;
        Ok(spec)
    }

    /// Sets a new plan; returns its warnings.
    pub fn new_plan(&mut self, spec: PlanSpec, now: Stamp) -> Result<Vec<String>, InputError> {
        let warnings = check(&spec)?;
        self.plans.push(PlanVersion {
            set: now,
            change: "new plan".to_owned(),
            spec: Some(spec),
            targets: schedule(&spec),
        });
        Ok(warnings)
    }

    /// Holds the current step `days` longer: every later step moves back.
    pub fn hold_plan(&mut self, days: Days, now: Stamp) -> Result<(), InputError> {
        let days = days.get();
        let today = now.date_naive();
        let current = self.plan().ok_or(InputError::NoPlan)?;
        let mut version = current.clone();
        let shift = Duration::days(i64::from(days));
        for t in version.targets.iter_mut().filter(|t| t.start > today) {
            t.start += shift;
        }
        version.set = now;
        version.change =
            format!("held {} from {today}", crate::status::plural(usize::try_from(days).unwrap_or(usize::MAX), "day"));
        self.plans.push(version);
        Ok(())
    }

    /// Changes the step size from today on: a new schedule from today's
    /// target. The current step keeps the end it has — a hold made earlier
    /// stays — so the next step comes on the day it was due, and the steps
    /// after it follow every `every_days` from there.
    pub fn restep_plan(&mut self, cut: Cut, now: Stamp) -> Result<Vec<String>, InputError> {
        let today = now.date_naive();
        let current = self.plan().ok_or(InputError::NoPlan)?;
        let spec = current.spec.ok_or(InputError::NoPlan)?;
        let from = current.target_on(today).unwrap_or(spec.from_grams);
        if from <= spec.floor_grams {
            return Err(PlanProblem::AtFloor.into());
        }
        let new_spec = PlanSpec { from_grams: from, cut, start: today, ..spec };
        let warnings = check(&new_spec)?;
        let mut fresh = schedule(&new_spec);
        // Under way: the current step stays as it is (its start, and the end
        // it has, a hold included), and the new steps follow it from the day
        // its next step was due. Not started yet: the new schedule from today.
        let due = current.target_on(today).and(current.next_after(today)).map(|t| t.start);
        let mut targets: Vec<Target> = match due {
            Some(due) => {
                let shift = fresh.get(1).map_or(Duration::zero(), |first| due - first.start);
                for t in &mut fresh {
                    t.start += shift;
                }
                current.targets.iter().copied().filter(|t| t.start <= today).collect()
            }
            None => current.targets.iter().copied().filter(|t| t.start < today).collect(),
        };
        let skip = usize::from(due.is_some());
        targets.extend(fresh.into_iter().skip(skip));
        let step = match cut {
            Cut::Percent(p) => format!("{p} %"),
            Cut::Grams(g) => format!("{g} g"),
        };
        let change = match due {
            Some(due) => format!("step changed to {step} from {today} (next step still on {due})"),
            None => format!("step changed to {step} from {today}"),
        };
        self.plans.push(PlanVersion { set: now, change, spec: Some(new_spec), targets });
        Ok(warnings)
    }

    /// Clears the plan (its history is kept).
    pub fn clear_plan(&mut self, now: Stamp) -> Result<(), InputError> {
        self.plan().ok_or(InputError::NoPlan)?;
        self.plans.push(PlanVersion { set: now, change: "cleared".to_owned(), spec: None, targets: Vec::new() });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(cut: Cut, every: u32, floor: f64) -> PlanSpec {
        PlanSpec {
            from_grams: 6.0,
            cut,
            every_days: every,
            start: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            floor_grams: floor,
            round_grams: 0.25,
        }
    }

    fn grams(targets: &[Target]) -> Vec<f64> {
        targets.iter().map(|t| t.grams).collect()
    }

    #[test]
    fn a_percent_schedule_rounds_and_ends_with_the_floor_then_zero() {
        let s = schedule(&spec(Cut::Percent(25.0), 7, 1.0));
        // 6 − 25 % = 4.5; 4.5 → 3.375, nearest 0.25 is 3.5; 3.5 → 2.625 → 2.75; 2.75 → 2.0625 → 2;
        // 2 → 1.5; 1.5 → 1.125 → 1.25; 1.25 → 0.9375, at or below the floor: 1, then 0.
        assert_eq!(grams(&s), [6.0, 4.5, 3.5, 2.75, 2.0, 1.5, 1.25, 1.0, 0.0]);
        let dates: Vec<String> = s.iter().map(|t| t.start.to_string()).collect();
        assert_eq!(dates[1], "2026-03-08");
        assert_eq!(dates.last().unwrap(), "2026-04-26", "the jump-off, 8 steps of 7 days after the start");
    }

    #[test]
    fn a_gram_schedule_reaches_the_floor_exactly() {
        let s = schedule(&spec(Cut::Grams(1.0), 5, 0.5));
        assert_eq!(grams(&s), [6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.5, 0.0]);
    }

    #[test]
    fn tiny_percent_steps_still_go_down_by_one_rounding_unit() {
        let s = schedule(&spec(Cut::Percent(1.0), 7, 5.0));
        assert_eq!(grams(&s), [6.0, 5.75, 5.5, 5.25, 5.0, 0.0]);
    }

    #[test]
    fn nonsense_is_refused_and_concerns_are_warned() {
        assert!(check(&PlanSpec { from_grams: -1.0, ..spec(Cut::Percent(10.0), 7, 1.0) }).is_err());
        assert!(check(&spec(Cut::Percent(10.0), 0, 1.0)).is_err(), "zero interval");
        assert!(check(&spec(Cut::Percent(10.0), 7, 7.0)).is_err(), "floor above the start");
        assert!(check(&spec(Cut::Percent(100.0), 7, 1.0)).is_err());
        assert!(check(&spec(Cut::Grams(6.0), 7, 1.0)).is_err());
        assert_eq!(check(&spec(Cut::Percent(10.0), 7, 1.0)).unwrap(), Vec::<String>::new());
        let w = check(&spec(Cut::Percent(30.0), 2, 1.0)).unwrap();
        assert!(w[0].contains("cutting 30 % every 2 days is about 105 % a week"), "{w:?}");
        assert_eq!(check(&spec(Cut::Percent(10.0), 7, 1.0)).unwrap(), Vec::<String>::new(), "10 % a week");
        assert_eq!(check(&spec(Cut::Percent(5.0), 3, 1.0)).unwrap().len(), 1, "5 % every 3 days is about 12 % a week");
        let fine = check(&PlanSpec { round_grams: 0.01, ..spec(Cut::Percent(10.0), 7, 1.0) }).unwrap();
        assert!(fine[0].contains("finer than 0.05 g"), "{fine:?}");
    }

    #[test]
    fn holding_and_restepping_keep_history_and_the_past() {
        let mut j = Journal::new();
        let set = |d: &str| Stamp::parse_from_rfc3339(&format!("{d}T09:00:00+01:00")).unwrap();
        j.new_plan(spec(Cut::Grams(1.0), 7, 1.0), set("2026-03-01")).unwrap();
        // On 10 Mar (target 5 g since 8 Mar), hold 3 days: 15 Mar → 18 Mar.
        j.hold_plan(Days::try_from(3).unwrap(), set("2026-03-10")).unwrap();
        let p = j.plan().unwrap();
        assert_eq!(p.target_on("2026-03-17".parse().unwrap()), Some(5.0));
        assert_eq!(p.target_on("2026-03-18".parse().unwrap()), Some(4.0));
        // On 20 Mar (4 g since 18 Mar, next step due 25 Mar), change to 0.5 g
        // steps: 4 g to 24 Mar, 25 Mar 3.5 g, 1 Apr 3 g, …
        j.restep_plan(Cut::Grams(0.5), set("2026-03-20")).unwrap();
        let p = j.plan().unwrap();
        assert_eq!(p.target_on("2026-03-19".parse().unwrap()), Some(4.0), "the past stays");
        assert_eq!(p.target_on("2026-03-24".parse().unwrap()), Some(4.0), "4 g was due to end on 25 Mar");
        assert_eq!(p.target_on("2026-03-25".parse().unwrap()), Some(3.5), "the next step on the day it was due");
        assert_eq!(p.target_on("2026-04-01".parse().unwrap()), Some(3.0), "then every 7 days");
        assert_eq!(j.plan_history().len(), 3);
        // The plan as it stood on 12 Mar is the held one.
        let then = j.plan_on("2026-03-12".parse().unwrap()).unwrap();
        assert_eq!(then.change, "held 3 days from 2026-03-10");
        j.clear_plan(set("2026-03-21")).unwrap();
        assert!(j.plan().is_none());
        assert!(j.plan_on("2026-03-20".parse().unwrap()).is_some(), "history is kept");
        assert_eq!(j.hold_plan(Days::try_from(2).unwrap(), set("2026-03-22")), Err(InputError::NoPlan));
    }
}
