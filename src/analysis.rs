//! What is worked out from the journal, never stored: per-day scores, daily
//! dose totals, and where each day sits on the course since the last use.
//! Pure: the journal and "now" come in, numbers come out.

pub mod aids;
pub mod compare;
pub mod flags;
pub mod situation;
pub mod taper;

use std::collections::BTreeMap;

use chrono::{Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::journal::{Day, Journal, Kind, Stamp};

/// A day's score of one kind: the mean of the recorded items of that kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// 0.0–4.0.
    pub mean: f64,
    /// How many items of this kind were rated that day.
    pub rated: usize,
    /// How many items of this kind are active (not hidden).
    pub active: usize,
    /// The highest single rating of this kind that day: a mean can hide one
    /// severe item, so it is shown beside the score when it is 3 or more.
    pub highest: u8,
}

impl Score {
    /// Fewer than half of the active items of its kind were rated.
    pub fn partial(&self) -> bool {
        self.rated * 2 < self.active
    }
}

/// Both scores and the total of one day.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DayScores {
    pub physical: Option<Score>,
    pub psychological: Option<Score>,
    /// The sum of all recorded items; `None` when nothing was rated.
    pub total: Option<u32>,
}

impl DayScores {
    pub fn of(&self, kind: Kind) -> Option<Score> {
        match kind {
            Kind::Physical => self.physical,
            Kind::Psychological => self.psychological,
        }
    }
}

/// The scores of one day. Items not recorded are left out, never counted as 0.
pub fn day_scores(journal: &Journal, day: &Day) -> DayScores {
    let catalog = journal.catalog();
    // (sum, rated, highest) per kind.
    let mut sums = [(0u32, 0usize, 0u8); 2];
    for (id, rating) in &day.ratings {
        if let Some(kind) = catalog.kind_of(id) {
            let slot = &mut sums[kind as usize];
            slot.0 += u32::from(rating.value);
            slot.1 += 1;
            slot.2 = slot.2.max(rating.value);
        }
    }
    let score = |kind: Kind| {
        let (sum, rated, highest) = sums[kind as usize];
        (rated > 0).then(|| Score {
            mean: f64::from(sum) / rated as f64,
            rated,
            active: catalog.active_count(kind),
            highest,
        })
    };
    let total = sums.iter().map(|s| s.0).sum();
    let any = sums.iter().any(|s| s.1 > 0);
    DayScores {
        physical: score(Kind::Physical),
        psychological: score(Kind::Psychological),
        total: any.then_some(total),
    }
}

/// The day's highest-rated item of a kind when it is rated 3 (severe) or
/// more: its label and rating. The first such item in catalog order on a tie.
pub fn severe_item(journal: &Journal, day: &Day, kind: Kind) -> Option<(String, u8)> {
    journal
        .catalog()
        .entries()
        .filter(|e| e.kind == kind)
        .filter_map(|e| day.ratings.get(e.id).map(|r| (e.label.to_owned(), r.value)))
        .filter(|(_, v)| *v >= 3)
        .fold(None, |best: Option<(String, u8)>, item| match best {
            Some(b) if b.1 >= item.1 => Some(b),
            _ => Some(item),
        })
}

/// Scores of a date, or `None` for a missing day.
pub fn scores_on(journal: &Journal, date: NaiveDate) -> Option<DayScores> {
    journal.day(date).map(|d| day_scores(journal, d)).filter(|s| s.total.is_some())
}

/// The total grams and number of doses of one calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DoseDay {
    pub grams: f64,
    pub count: usize,
    /// The forms logged with the day's doses (doses without one add none).
    pub forms: crate::journal::Forms,
}

/// Daily dose totals, keyed by each dose's own local date.
pub fn dose_days(journal: &Journal) -> BTreeMap<NaiveDate, DoseDay> {
    dose_days_in(journal, NaiveDate::MIN, NaiveDate::MAX)
}

/// Daily dose totals for the days `first..=last` only: what a screen shows,
/// without summing a ten-year dose log on every frame.
pub fn dose_days_in(journal: &Journal, first: NaiveDate, last: NaiveDate) -> BTreeMap<NaiveDate, DoseDay> {
    let doses = journal.doses();
    // Doses are in time order; start a day early in case offsets differ.
    let start = doses.partition_point(|d| d.at.date_naive() < first.pred_opt().unwrap_or(first));
    let mut days: BTreeMap<NaiveDate, DoseDay> = BTreeMap::new();
    for dose in doses.get(start..).unwrap_or_default() {
        let date = dose.at.date_naive();
        if date > last.succ_opt().unwrap_or(last) {
            break;
        }
        if (first..=last).contains(&date) {
            let day = days.entry(date).or_default();
            day.grams += dose.grams;
            day.count += 1;
            if let Some(form) = dose.form {
                day.forms.insert(form);
            }
        }
    }
    days
}

/// The dose total of one day.
pub fn dose_day(journal: &Journal, date: NaiveDate) -> Option<DoseDay> {
    dose_days_in(journal, date, date).remove(&date)
}

/// The mean daily amount over the `days` calendar days before `today`
/// (today is still under way, so it is left out). Days without doses count
/// as 0 g. `None` when no dose at all falls in those days.
pub fn average_daily_grams(doses: &BTreeMap<NaiveDate, DoseDay>, today: NaiveDate, days: u32) -> Option<f64> {
    let start = today - Duration::days(i64::from(days));
    let in_window: Vec<f64> = doses.range(start..today).map(|(_, d)| d.grams).collect();
    (!in_window.is_empty()).then(|| in_window.iter().sum::<f64>() / f64::from(days))
}

/// Local noon of a date, in the given offset: where a daily entry sits.
pub fn noon(date: NaiveDate, offset: FixedOffset) -> Stamp {
    let naive = date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
    offset.from_local_datetime(&naive).single().unwrap_or_else(|| offset.from_utc_datetime(&naive))
}

/// Hours from last use to local noon of `date` (negative before last use).
pub fn hours_since(last_use: Stamp, date: NaiveDate) -> f64 {
    (noon(date, *last_use.offset()) - last_use).num_seconds() as f64 / 3600.0
}

/// One rated day since the last use, placed on the course.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CourseDay {
    pub date: NaiveDate,
    /// Day N since last use (day 1 = the first 24 hours).
    pub day: i64,
    pub t_days: f64,
    pub scores: DayScores,
}

/// Every rated day from the last use up to `today`, in date order.
pub fn course_days(journal: &Journal, last_use: Stamp, today: NaiveDate) -> Vec<CourseDay> {
    journal
        .days()
        .range(last_use.date_naive()..=today)
        .filter_map(|(date, day)| {
            let hours = hours_since(last_use, *date);
            let number = crate::course::day_number(hours)?;
            let scores = day_scores(journal, day);
            scores.total.map(|_| CourseDay { date: *date, day: number, t_days: hours / 24.0, scores })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::edit::DayChange;

    fn now() -> Stamp {
        Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap()
    }

    #[test]
    fn scores_are_means_of_recorded_items_only() {
        let mut j = Journal::new();
        let date: NaiveDate = "2026-03-09".parse().unwrap();
        let change = DayChange {
            ratings: vec![("muscle-aches".into(), 3), ("nausea".into(), 1), ("anxiety".into(), 2)],
            ..DayChange::default()
        };
        j.log_day(date, &change, now()).unwrap();
        let s = scores_on(&j, date).unwrap();
        let p = s.physical.unwrap();
        assert_eq!((p.mean, p.rated, p.active), (2.0, 2, 7), "(3+1)/2, not (3+1)/7");
        assert!(p.partial(), "2 of 7 physical items is fewer than half");
        let q = s.psychological.unwrap();
        assert_eq!((q.mean, q.rated), (2.0, 1));
        assert_eq!(s.total, Some(6));
        assert_eq!(scores_on(&j, "2026-03-08".parse().unwrap()), None, "a day with no entry is missing");
    }

    #[test]
    fn a_zero_rating_is_a_recorded_zero() {
        let mut j = Journal::new();
        let date: NaiveDate = "2026-03-09".parse().unwrap();
        j.rate(date, "anxiety", 0, now()).unwrap();
        let s = scores_on(&j, date).unwrap();
        assert_eq!(s.psychological.unwrap().mean, 0.0);
        assert_eq!(s.total, Some(0));
        assert_eq!(s.physical, None);
    }

    #[test]
    fn a_day_sits_at_local_noon() {
        let last = Stamp::parse_from_rfc3339("2026-03-05T22:00:00+01:00").unwrap();
        assert_eq!(hours_since(last, "2026-03-06".parse().unwrap()), 14.0);
        assert_eq!(hours_since(last, "2026-03-08".parse().unwrap()), 62.0);
        assert_eq!(crate::course::day_number(62.0), Some(3));
    }

    #[test]
    fn the_seven_day_average_leaves_today_out_and_counts_days_without_doses() {
        let mut doses = BTreeMap::new();
        let today: NaiveDate = "2026-03-10".parse().unwrap();
        doses.insert(today, DoseDay { grams: 50.0, count: 1, ..DoseDay::default() });
        doses.insert(today - Duration::days(1), DoseDay { grams: 7.0, count: 3, ..DoseDay::default() });
        doses.insert(today - Duration::days(3), DoseDay { grams: 7.0, count: 2, ..DoseDay::default() });
        assert_eq!(average_daily_grams(&doses, today, 7), Some(2.0));
        assert_eq!(average_daily_grams(&BTreeMap::new(), today, 7), None);
    }
}
