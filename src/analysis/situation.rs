//! Where the person is: no data, using, tapering, stopped, a lapse after a
//! stop, or use resumed (`shared/spec/situations.md`). Worked out once, here,
//! from the journal and "now"; every screen, command and summary speaks from
//! it, and nothing else re-derives the course anchor or "day N".
//!
//! The dose log is read from the oldest dose on. A stop is a break of 48
//! hours or more before the next dose (counted from the last-use mark when it
//! falls in the break). Doses after a stop are a lapse until use resumes —
//! doses on 3 or more days within 7, or a new plan or "tapering" said after
//! the stop — and then that stop becomes an earlier attempt. After the last
//! dose, what the person said (the mark, the mode, a plan) and the time
//! since decide between using, tapering and stopped.

use chrono::{Duration, NaiveDate};

use super::DoseDay;
use crate::journal::{Dose, Journal, LastUseSource, Mode, Stamp};

/// A break at least this long between doses is a stop.
pub const STOP_HOURS: i64 = 48;
/// A stop in the past needs this many calendar days without a dose.
pub const STOP_DAYS: i64 = 2;
/// With no plan and no mode, no dose for this long is a stop.
pub const USING_STOP_HOURS: i64 = 24;
/// From this many hours after the newest dose, easeoff asks whether it was the last.
pub const ASK_FROM_HOURS: i64 = 12;
/// Doses on this many calendar days …
pub const RESUMED_DAYS: usize = 3;
/// … within this many days mean use resumed.
pub const RESUMED_WITHIN_DAYS: i64 = 7;
/// Use again after at least this many days without brings the tolerance fact.
pub const TOLERANCE_DAYS: i64 = 7;

/// The six situations of the spec. "Use resumed" is using or tapering with
/// an earlier attempt just before it ([`Situation::resumed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    NoData,
    Using,
    Tapering,
    Stopped,
    Lapse,
}

/// A stop: the moment the course counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    pub at: Stamp,
    pub source: LastUseSource,
}

/// The doses of one calendar day after a stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LapseDay {
    pub date: NaiveDate,
    pub grams: f64,
    pub doses: usize,
    /// The first dose of that day.
    pub first: Stamp,
}

/// An earlier stop that ended when use resumed.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub stop: Stop,
    /// The first dose of the resumed use.
    pub resumed: Stamp,
    /// Lapses during the attempt, before use resumed.
    pub lapses: Vec<LapseDay>,
}

impl Attempt {
    /// Calendar days without a dose between the stop and the resumed use.
    pub fn days(&self) -> i64 {
        (self.resumed.date_naive() - self.stop.at.date_naive()).num_days() - 1
    }
}

/// Where the person is at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub state: State,
    /// The moment this was worked out for.
    pub now: Stamp,
    /// Stopped and lapse: the stop the course counts from.
    pub stop: Option<Stop>,
    /// Lapse: the days with doses since the stop, oldest first.
    pub lapses: Vec<LapseDay>,
    /// Earlier stops that ended in resumed use, oldest first.
    pub attempts: Vec<Attempt>,
    /// The newest dose at or before now.
    pub newest_dose: Option<Stamp>,
    /// The newest dose is 12–48 hours old and nothing says whether it was
    /// the last: the app asks (one key marks it as the last dose).
    pub ask_if_last: bool,
    /// Stopped by the rule "no dose for 24/48 hours" rather than said.
    pub stopped_by_gap: bool,
}

impl Situation {
    /// The course anchor: the stop, for stopped and lapse only.
    pub fn anchor(&self) -> Option<Stamp> {
        self.stop.filter(|_| matches!(self.state, State::Stopped | State::Lapse)).map(|s| s.at)
    }

    /// Hours from the stop to now.
    pub fn hours_since_stop(&self) -> Option<f64> {
        self.anchor().map(|at| (self.now - at).num_seconds() as f64 / 3600.0)
    }

    /// Day N since the stop (day 1 = the first 24 hours), for today: like
    /// every day on the course, today sits at its local noon, so the header,
    /// the Course screen, History and the CSV give one number all day.
    pub fn day(&self) -> Option<i64> {
        self.day_of(self.now.date_naive())
    }

    /// Day N of `date` on the course (its local noon, as for today), for
    /// stopped and lapse: one count for the headline, a lapse and its flag.
    pub fn day_of(&self, date: NaiveDate) -> Option<i64> {
        let stop = self.anchor()?;
        Some(crate::course::day_number(super::hours_since(stop, date)).unwrap_or(1))
    }

    /// Hours since the newest dose.
    pub fn hours_since_dose(&self) -> Option<f64> {
        self.newest_dose.map(|at| (self.now - at).num_seconds() as f64 / 3600.0)
    }

    /// The day the current run of use began: after the latest earlier
    /// attempt, so an older taper's steps are not this one's.
    pub fn use_since(&self) -> Option<NaiveDate> {
        self.attempts.last().map(|a| a.resumed.date_naive())
    }

    /// Using or tapering again after an earlier stop.
    pub fn resumed(&self) -> bool {
        matches!(self.state, State::Using | State::Tapering) && !self.attempts.is_empty()
    }

    /// The situation's name, one of the six of the spec.
    pub fn name(&self) -> &'static str {
        match self.state {
            State::NoData => "no data",
            State::Using | State::Tapering if self.resumed() => "use resumed",
            State::Using => "using",
            State::Tapering => "tapering",
            State::Stopped => "stopped",
            State::Lapse => "lapse",
        }
    }

    /// The situation in a few words that follow "you are": "tapering",
    /// "using (use resumed after an earlier stop)", "stopped", …
    pub fn phrase(&self) -> &'static str {
        match self.state {
            State::NoData => "not yet logging doses",
            State::Using if self.resumed() => "using (use resumed after an earlier stop)",
            State::Tapering if self.resumed() => "tapering (use resumed after an earlier stop)",
            State::Using => "using",
            State::Tapering => "tapering",
            State::Stopped => "stopped",
            State::Lapse => "stopped, with a lapse since",
        }
    }

    /// Use again after 7 or more days without — a lapse, or use resumed in
    /// the last 7 days: tolerance will have fallen. Returns the first dose
    /// after the stop and the calendar days without a dose before it.
    pub fn tolerance_after(&self) -> Option<(Stamp, i64)> {
        let (stop, first) = match self.state {
            State::Lapse => (self.stop?, self.lapses.first()?.first),
            State::Using | State::Tapering => {
                let a = self.attempts.last()?;
                if (self.now - a.resumed).num_days() >= TOLERANCE_DAYS {
                    return None;
                }
                (a.stop, a.resumed)
            }
            _ => return None,
        };
        let days = (first.date_naive() - stop.at.date_naive()).num_days() - 1;
        (days >= TOLERANCE_DAYS).then_some((first, days))
    }

    /// Whether `date` is a day without kratom by the situation: after a stop
    /// (the current one or an earlier attempt) and before the next dose.
    /// Days said to be "none" are in the journal; see [`dose_record`].
    pub fn stopped_on(&self, date: NaiveDate) -> bool {
        let current = self.anchor().is_some_and(|at| date > at.date_naive() && date <= self.now.date_naive());
        current || self.attempts.iter().any(|a| date > a.stop.at.date_naive() && date < a.resumed.date_naive())
    }
}

/// What is known of one day's kratom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DoseRecord {
    /// Doses were logged: their total.
    Logged(DoseDay),
    /// None taken: said so, or the day lies in a stop.
    None,
    /// Nothing is known: never counted as 0.
    NotLogged,
}

impl DoseRecord {
    /// Grams for averages and charts: `None` when not logged.
    pub fn grams(self) -> Option<f64> {
        match self {
            DoseRecord::Logged(d) => Some(d.grams),
            DoseRecord::None => Some(0.0),
            DoseRecord::NotLogged => None,
        }
    }
}

/// The dose record of one day, given that day's logged total.
pub fn dose_record(journal: &Journal, situation: &Situation, date: NaiveDate, logged: Option<DoseDay>) -> DoseRecord {
    match logged {
        Some(d) if d.count > 0 => DoseRecord::Logged(d),
        _ if journal.no_dose_days().contains(&date) || situation.stopped_on(date) => DoseRecord::None,
        _ => DoseRecord::NotLogged,
    }
}

/// The mean daily amount over the `days` calendar days before `today`
/// (today is still under way, so it is left out), over logged and "none"
/// days only. Returns (grams a day, days it rests on, of which none-days).
pub fn average_daily_grams(journal: &Journal, situation: &Situation, today: NaiveDate, days: u32) -> Option<Average> {
    let start = today - Duration::days(i64::from(days));
    let logged = super::dose_days_in(journal, start, today);
    let records: Vec<DoseRecord> = start
        .iter_days()
        .take_while(|d| *d < today)
        .map(|d| dose_record(journal, situation, d, logged.get(&d).copied()))
        .collect();
    let known: Vec<f64> = records.iter().filter_map(|r| r.grams()).collect();
    (!known.is_empty()).then(|| Average {
        grams: known.iter().sum::<f64>() / known.len() as f64,
        days: known.len(),
        none_days: records.iter().filter(|r| matches!(r, DoseRecord::None)).count(),
    })
}

/// A daily average and the days it rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Average {
    pub grams: f64,
    pub days: usize,
    pub none_days: usize,
}

impl Average {
    /// "3 g/day over 3 logged days" or "… over 7 days (2 with none)".
    pub fn words(&self) -> String {
        let g = crate::journal::format_number(self.grams);
        if self.none_days == 0 {
            format!("{g} g/day over {}", crate::status::plural(self.days, "logged day"))
        } else {
            format!("{g} g/day over {} ({} with none)", crate::status::plural(self.days, "day"), self.none_days)
        }
    }
}

/// Doses dated after `now`, oldest first: a clock that was wrong when
/// they were logged, or a hand-edited file (easeoff refuses a future time
/// when a dose is typed). The one rule for them, everywhere: such a dose
/// is kept and listed as logged (`dose --list`, the day's total), but it
/// is not the last dose and does not decide the situation, the stop or
/// "day N" until its time comes — [`situation`] reads only the doses at or
/// before now. `status`, `last-use`, `show` and `check` say that it is
/// there and how to remove it (`easeoff dose --undo`, or edit the file).
pub fn doses_after(journal: &Journal, now: Stamp) -> &[Dose] {
    let all = journal.doses();
    all.get(all.partition_point(|d| d.at <= now)..).unwrap_or_default()
}

/// Where the person is at `now`.
pub fn situation(journal: &Journal, now: Stamp) -> Situation {
    let all = journal.doses();
    let doses = all.get(..all.partition_point(|d| d.at <= now)).unwrap_or_default();
    let mark = journal.last_use_mark().filter(|m| *m <= now);
    let stop_hours = Duration::hours(STOP_HOURS);

    // The stop in progress (if any) and the doses since it.
    let mut stop: Option<Stop> = None;
    let mut since: Vec<&Dose> = Vec::new();
    let mut attempts = Vec::new();
    let mut previous: Option<Stamp> = None;
    for dose in doses {
        if stop.is_none() {
            // The end of use before this dose: the mark, if it falls after
            // the previous dose, else the previous dose.
            let end = match (previous, mark) {
                (Some(p), Some(m)) if m >= p && m < dose.at => Some(Stop { at: m, source: LastUseSource::Mark }),
                (None, Some(m)) if m < dose.at => Some(Stop { at: m, source: LastUseSource::Mark }),
                (Some(p), _) => Some(Stop { at: p, source: LastUseSource::DoseLog }),
                (None, _) => None,
            };
            // A stop in the past: 48 hours or more, and at least two whole
            // calendar days without a dose (one unlogged day in a taper is
            // not a stop).
            let days_between = |e: &Stop| (dose.at.date_naive() - e.at.date_naive()).num_days() - 1;
            if let Some(end) = end.filter(|e| {
                dose.at - e.at >= stop_hours && days_between(e) >= STOP_DAYS && !unlogged_taper_days(journal, e, dose)
            }) {
                stop = Some(end);
                since.clear();
            }
        }
        if let Some(current) = stop {
            since.push(dose);
            if let Some(first) = resumed_from(journal, current, &since, now) {
                let (lapsed, _) = since.split_at(first);
                attempts.push(Attempt { stop: current, resumed: since[first].at, lapses: lapse_days(lapsed) });
                stop = None;
                since.clear();
            }
        }
        previous = Some(dose.at);
    }

    let newest_dose = doses.last().map(|d| d.at);
    let mut s = Situation {
        state: State::NoData,
        now,
        stop: None,
        lapses: Vec::new(),
        attempts,
        newest_dose,
        ask_if_last: false,
        stopped_by_gap: false,
    };
    if let Some(current) = stop {
        s.state = if since.is_empty() { State::Stopped } else { State::Lapse };
        s.stop = Some(current);
        s.lapses = lapse_days(&since);
        return s;
    }
    let settings = journal.settings();
    let (state, stop) = match (newest_dose, mark) {
        (None, None) => (State::NoData, None),
        (None, Some(m)) => (State::Stopped, Some(Stop { at: m, source: LastUseSource::Mark })),
        (Some(d), Some(m)) if m >= d => (State::Stopped, Some(Stop { at: m, source: LastUseSource::Mark })),
        (Some(d), _) => {
            // "Stopped" said after the newest dose — unless a plan was made
            // since, which says tapering (the newer word wins; a plan made
            // in the same minute counts as newer, as it is the later act).
            let said_stopped = settings.mode == Some(Mode::Stopped)
                && settings.mode_set.is_some_and(|t| t >= d && journal.plan().is_none_or(|p| p.set < t));
            let tapering = journal.plan().is_some() || settings.mode == Some(Mode::Tapering);
            let gap = now - d;
            let dose_stop = Some(Stop { at: d, source: LastUseSource::DoseLog });
            if said_stopped {
                (State::Stopped, dose_stop)
            } else if tapering && gap < stop_hours {
                (State::Tapering, None)
            } else if !tapering && gap < Duration::hours(USING_STOP_HOURS) {
                (State::Using, None)
            } else {
                s.stopped_by_gap = true;
                (State::Stopped, dose_stop)
            }
        }
    };
    s.state = state;
    s.stop = stop;
    // Ask when the newest dose is 12–48 h old and nothing says it was the
    // last: not a mark, not "stopped", and not a taper that goes on (a
    // daily dose is 12 h old every evening of a taper).
    let gap = s.hours_since_dose().unwrap_or(0.0);
    let said = matches!(state, State::Stopped) && !s.stopped_by_gap;
    let taper_goes_on = state == State::Tapering
        && gap < USING_STOP_HOURS as f64
        && journal.plan().is_none_or(|p| p.target_on(now.date_naive()).is_some_and(|t| t > 0.0));
    s.ask_if_last = (ASK_FROM_HOURS as f64..STOP_HOURS as f64).contains(&gap) && !said && !taper_goes_on;
    s
}

/// Whether a break in the dose log is days left unlogged in a taper rather
/// than a stop: the plan as it stood then still had a target above 0 on its
/// days, no last-use mark falls in it, and fewer than two of its days were
/// said to be without kratom. The spec counts days while tapering with no
/// dose and no "none" as not logged — nothing is known of them — so such a
/// break is not read as days without a dose.
fn unlogged_taper_days(journal: &Journal, end: &Stop, next: &Dose) -> bool {
    if end.source == LastUseSource::Mark {
        return false;
    }
    let (first, last) = (end.at.date_naive() + Duration::days(1), next.at.date_naive() - Duration::days(1));
    let gap = || first.iter_days().take_while(move |d| *d <= last);
    let planned = gap().all(|d| planned_on(journal, d));
    let said_none = journal.no_dose_days().range(first..=last).count();
    planned && usize::try_from(STOP_DAYS).is_ok_and(|n| said_none < n)
}

/// Whether a plan had a target above 0 on `date`: the plan as it stood
/// then, or one made later whose schedule covers that day (a plan made
/// today can start in the past).
fn planned_on(journal: &Journal, date: NaiveDate) -> bool {
    let later = || journal.plan().filter(|p| p.set.date_naive() > date);
    journal.plan_on(date).or_else(later).and_then(|p| p.target_on(date)).is_some_and(|t| t > 0.0)
}

/// Whether use resumed after `stop`, given the doses since it (the newest
/// last); returns the index in `since` of the first dose of resumed use.
fn resumed_from(journal: &Journal, stop: Stop, since: &[&Dose], now: Stamp) -> Option<usize> {
    let newest = since.last()?;
    // The person says so: a plan, or "tapering", set after the stop, and a
    // dose from two days before saying it on.
    let settings = journal.settings();
    let said_at = journal
        .plan_history()
        .iter()
        .filter(|p| !p.targets.is_empty() && p.set > stop.at && p.set <= now)
        .map(|p| p.set)
        .chain(settings.mode_set.filter(|t| settings.mode == Some(Mode::Tapering) && *t > stop.at && *t <= now))
        .min();
    let said = said_at.and_then(|said| since.iter().position(|d| d.at >= said - Duration::hours(STOP_HOURS)));
    // A dose on a day a plan still had a target above 0: the taper goes on
    // after a break, it is not a lapse.
    let planned = since.iter().position(|d| planned_on(journal, d.at.date_naive()));
    if let Some(i) = said.into_iter().chain(planned).min() {
        return Some(i);
    }
    // Doses on 3 or more calendar days within 7 days.
    let window_start = newest.at.date_naive() - Duration::days(RESUMED_WITHIN_DAYS - 1);
    let first = since.iter().position(|d| d.at.date_naive() >= window_start)?;
    let mut dates: Vec<NaiveDate> = since.get(first..)?.iter().map(|d| d.at.date_naive()).collect();
    dates.dedup();
    (dates.len() >= RESUMED_DAYS).then_some(first)
}

/// Doses grouped by calendar day.
fn lapse_days(doses: &[&Dose]) -> Vec<LapseDay> {
    let mut days: Vec<LapseDay> = Vec::new();
    for dose in doses {
        let date = dose.at.date_naive();
        match days.last_mut() {
            Some(day) if day.date == date => {
                day.grams += dose.grams;
                day.doses += 1;
            }
            _ => days.push(LapseDay { date, grams: dose.grams, doses: 1, first: dose.at }),
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn scenario_1_tapering_has_no_course_and_no_stop() {
        let s = scenarios::tapering();
        let now = situation(&s.journal, s.now);
        assert_eq!((now.state, now.name()), (State::Tapering, "tapering"));
        assert_eq!(now.anchor(), None, "no withdrawal course while tapering");
        assert_eq!(now.day(), None);
        assert!(!now.ask_if_last, "a dose 12 h old in a taper that goes on is not a question");
    }

    #[test]
    fn scenario_2_cold_stop_is_day_21() {
        let s = scenarios::cold_stop();
        let now = situation(&s.journal, s.now);
        assert_eq!(now.state, State::Stopped);
        assert_eq!(now.day(), Some(21));
        assert_eq!(now.anchor().unwrap().to_rfc3339(), "2026-02-17T21:40:00+01:00");
        assert!(now.attempts.is_empty() && now.lapses.is_empty());
    }

    #[test]
    fn scenario_3_a_lapse_keeps_the_stop_and_brings_the_tolerance_fact() {
        let s = scenarios::lapse();
        let now = situation(&s.journal, s.now);
        assert_eq!((now.state, now.name()), (State::Lapse, "lapse"));
        assert_eq!(now.day(), Some(21), "still counted from 17 Feb");
        assert_eq!(now.anchor().unwrap().to_rfc3339(), "2026-02-17T21:40:00+01:00");
        let lapse = now.lapses.iter().map(|l| (l.date, l.grams)).collect::<Vec<_>>();
        assert_eq!(lapse, [(date("2026-03-08"), 3.0)]);
        let (first, days) = now.tolerance_after().unwrap();
        assert_eq!((first.date_naive(), days), (date("2026-03-08"), 18), "18 days without a dose before it");
        // Days in the stop are "none", the lapse day is logged, today is none too.
        assert!(now.stopped_on(date("2026-02-18")) && now.stopped_on(date("2026-03-10")));
        assert!(!now.stopped_on(date("2026-02-17")), "the stop's own day had doses");
    }

    #[test]
    fn scenario_4_use_resumed_turns_the_stop_into_an_earlier_attempt() {
        let s = scenarios::use_resumed();
        let now = situation(&s.journal, s.now);
        assert_eq!((now.state, now.name()), (State::Using, "use resumed"));
        assert!(now.resumed());
        assert_eq!(now.anchor(), None, "no course band");
        assert_eq!(now.attempts.len(), 1);
        let a = &now.attempts[0];
        assert_eq!((a.stop.at.date_naive(), a.days()), (date("2026-02-17"), 18));
        assert!(a.lapses.is_empty(), "8 Mar is the first day of resumed use, not a lapse");
        assert_eq!(now.tolerance_after().map(|(_, d)| d), Some(18), "resumed after 18 days: the same fact");
    }

    #[test]
    fn scenario_5_between_doses_asks_whether_it_was_the_last() {
        let s = scenarios::between_doses();
        let now = situation(&s.journal, s.now);
        assert_eq!(now.state, State::Using);
        assert!(now.ask_if_last, "13 h since the newest dose, nothing says stopped");
        assert_eq!(now.hours_since_dose(), Some(13.0));
    }

    #[test]
    fn scenario_6_a_taper_then_50_hours_without_is_a_stop_on_day_3() {
        let s = scenarios::taper_then_gap();
        let now = situation(&s.journal, s.now);
        assert_eq!(now.state, State::Stopped);
        assert_eq!(now.day(), Some(3));
        assert_eq!(now.anchor().unwrap().to_rfc3339(), "2026-03-09T08:00:00+01:00");
        assert!(!now.ask_if_last, "48 h and more is no longer a question");
    }

    #[test]
    fn scenario_7_days_not_logged_are_left_out_of_the_average() {
        let s = scenarios::not_logged();
        let now = situation(&s.journal, s.now);
        let avg = average_daily_grams(&s.journal, &now, s.now.date_naive(), 7).unwrap();
        assert_eq!((avg.grams, avg.days, avg.none_days), (3.0, 3, 0), "not 9 g / 7 days = 1.29");
        assert_eq!(avg.words(), "3 g/day over 3 logged days");
    }

    #[test]
    fn days_said_to_be_none_count_as_zero_and_say_so() {
        let s = scenarios::not_logged();
        let mut j = s.journal;
        j.mark_no_dose(date("2026-02-27"), s.now).unwrap();
        let now = situation(&j, s.now);
        let avg = average_daily_grams(&j, &now, s.now.date_naive(), 7).unwrap();
        assert_eq!((avg.grams, avg.days, avg.none_days), (2.25, 4, 1));
        assert_eq!(avg.words(), "2.25 g/day over 4 days (1 with none)");
        assert!(j.mark_no_dose(date("2026-03-01"), s.now).is_err(), "a day with doses is not a day without");
    }

    #[test]
    fn a_mark_after_the_newest_dose_is_the_stop() {
        let s = scenarios::between_doses();
        let mut j = s.journal;
        let mark = Stamp::parse_from_rfc3339("2026-03-09T22:00:00+01:00").unwrap();
        j.mark_last_use(mark, s.now).unwrap();
        let now = situation(&j, s.now);
        assert_eq!((now.state, now.anchor()), (State::Stopped, Some(mark)));
        assert_eq!(now.stop.unwrap().source, LastUseSource::Mark);
        assert!(!now.ask_if_last, "the person said so");
    }

    #[test]
    fn a_new_plan_after_a_stop_says_use_resumed() {
        let s = scenarios::lapse();
        let mut j = s.journal;
        let spec = crate::journal::plan::PlanSpec {
            from_grams: 3.0,
            cut: crate::journal::plan::Cut::Percent(10.0),
            every_days: 7,
            start: date("2026-03-09"),
            floor_grams: 0.5,
            round_grams: 0.25,
        };
        j.new_plan(spec, Stamp::parse_from_rfc3339("2026-03-09T10:00:00+01:00").unwrap()).unwrap();
        let now = situation(&j, s.now);
        assert_eq!((now.state, now.name()), (State::Tapering, "use resumed"));
        assert_eq!(now.attempts.len(), 1);
    }

    #[test]
    fn mode_stopped_said_after_the_newest_dose_is_a_stop_at_once() {
        let s = scenarios::between_doses();
        let mut j = s.journal;
        j.set_mode(Some(Mode::Stopped), Stamp::parse_from_rfc3339("2026-03-10T08:00:00+01:00").unwrap());
        let now = situation(&j, s.now);
        assert_eq!((now.state, now.day()), (State::Stopped, Some(1)));
        assert!(!now.stopped_by_gap && !now.ask_if_last);
    }

    #[test]
    fn an_empty_journal_is_no_data() {
        let now = Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap();
        let s = situation(&Journal::new(), now);
        assert_eq!((s.state, s.name(), s.anchor()), (State::NoData, "no data", None));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use crate::scenarios;

    #[test]
    fn one_unlogged_day_in_a_taper_is_not_a_stop() {
        let s = scenarios::tapering();
        let mut j = s.journal;
        // Take away 7 Mar's dose: 6 Mar 09:00 to 8 Mar 09:00 is 48 h, one day.
        let i = j.doses().iter().position(|d| d.at.date_naive().to_string() == "2026-03-07").unwrap();
        j.remove_dose(i).unwrap();
        let now = situation(&j, s.now);
        assert_eq!(now.state, State::Tapering);
        assert!(!now.stopped_on("2026-03-07".parse().unwrap()), "7 Mar stays not logged");
    }

    #[test]
    fn days_left_unlogged_in_a_taper_are_not_a_stop() {
        let s = scenarios::tapering();
        let mut j = s.journal;
        for d in ["2026-03-07", "2026-03-08"] {
            let i = j.doses().iter().position(|x| x.at.date_naive().to_string() == d).unwrap();
            j.remove_dose(i).unwrap();
        }
        let now = situation(&j, s.now);
        assert_eq!((now.state, now.name()), (State::Tapering, "tapering"), "{now:?}");
        assert!(now.attempts.is_empty(), "nothing is known of 7–8 Mar: not an earlier attempt");
        assert!(!now.stopped_on("2026-03-07".parse().unwrap()), "not logged, not none");
        let avg = average_daily_grams(&j, &now, s.now.date_naive(), 7).unwrap();
        assert_eq!((avg.days, avg.none_days), (5, 0), "2–6 Mar; 7–8 Mar left out: {avg:?}");
    }

    #[test]
    fn days_said_to_be_none_in_a_taper_are_a_stop() {
        let s = scenarios::tapering();
        let mut j = s.journal;
        for d in ["2026-03-07", "2026-03-08"] {
            let i = j.doses().iter().position(|x| x.at.date_naive().to_string() == d).unwrap();
            j.remove_dose(i).unwrap();
            j.mark_no_dose(d.parse().unwrap(), s.now).unwrap();
        }
        let now = situation(&j, s.now);
        assert_eq!((now.state, now.name()), (State::Tapering, "use resumed"), "{now:?}");
        assert_eq!(now.attempts.len(), 1, "two days said to be without are kept as an earlier attempt");
    }

    #[test]
    fn the_day_number_is_the_same_all_day() {
        let s = scenarios::cold_stop();
        let late = Stamp::parse_from_rfc3339("2026-03-10T23:00:00+01:00").unwrap();
        assert_eq!(situation(&s.journal, s.now).day(), Some(21));
        assert_eq!(situation(&s.journal, late).day(), Some(21), "noon of 10 Mar is day 21, at 09:00 and at 23:00");
    }
}
