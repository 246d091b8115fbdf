//! The neutral, factual comparisons with the expected course that the spec
//! lists: peak timing, where the latest rated days sit against the band,
//! when physical symptoms eased, and the psychological trend. Each one says
//! "not enough data yet" rather than guessing.

use std::cmp::Ordering;

use super::CourseDay;
use crate::course::course;
use crate::journal::Kind;

/// A comparison, or why it cannot be made yet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Finding<T> {
    /// Fewer rated days than the comparison needs.
    NotEnough {
        rated: usize,
        needed: usize,
    },
    Found(T),
}

/// The day of the highest score of a kind since last use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Peak {
    pub day: i64,
    pub score: f64,
    /// Against the usual days 3–4: `Less` earlier, `Equal` inside, `Greater` later.
    pub timing: Ordering,
    /// The highest day is also the latest rated day, so it may still rise.
    pub so_far: bool,
}

impl Peak {
    /// "earlier than", "inside" or "later than" (the usual days 3–4).
    pub fn timing_words(&self) -> &'static str {
        match self.timing {
            Ordering::Less => "earlier than",
            Ordering::Equal => "inside",
            Ordering::Greater => "later than",
        }
    }
}

/// Where the latest rated days sit against the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Below,
    Inside,
    Above,
}

/// When physical symptoms eased to mild after the peak.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Easing {
    /// The first day of two rated days in a row at or below mild.
    EasedOn {
        day: i64,
    },
    NotYet,
}

/// Direction of a score over the recent rated days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rising,
    Steady,
    Falling,
}

impl Direction {
    pub fn word(self) -> &'static str {
        match self {
            Direction::Rising => "rising",
            Direction::Steady => "steady",
            Direction::Falling => "falling",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    pub mean: f64,
    pub direction: Direction,
    pub days: usize,
}

fn rated(days: &[CourseDay], kind: Kind) -> Vec<(&CourseDay, f64)> {
    days.iter().filter_map(|d| d.scores.of(kind).map(|s| (d, s.mean))).collect()
}

/// The highest score since last use (the first, if tied) and its timing.
pub fn peak(days: &[CourseDay], kind: Kind) -> Finding<Peak> {
    let rated = rated(days, kind);
    let needed = course().scaling.min_rated_days;
    if rated.len() < needed {
        return Finding::NotEnough { rated: rated.len(), needed };
    }
    let mut best = rated[0];
    for r in &rated {
        if r.1 > best.1 {
            best = *r;
        }
    }
    let so_far = rated.last().is_some_and(|last| last.0.date == best.0.date);
    Finding::Found(Peak { day: best.0.day, score: best.1, timing: course().peak_window_contains(best.0.day), so_far })
}

/// The highest score of a kind since last use, for scaling the band.
pub fn highest(days: &[CourseDay], kind: Kind) -> Option<f64> {
    rated(days, kind).into_iter().map(|r| r.1).reduce(f64::max)
}

/// The scale that maps the relative band onto this person's 0–4 scores.
pub fn scale(days: &[CourseDay], kind: Kind) -> f64 {
    course().scale(rated(days, kind).len(), highest(days, kind))
}

/// Where the mean of the last three rated days sits against the scaled band.
pub fn position(days: &[CourseDay], kind: Kind) -> Finding<Position> {
    let rated = rated(days, kind);
    let needed = course().comparisons.position_window_rated_days;
    if rated.len() < needed {
        return Finding::NotEnough { rated: rated.len(), needed };
    }
    let factor = scale(days, kind);
    let recent = &rated[rated.len() - needed..];
    let n = recent.len() as f64;
    let mean = recent.iter().map(|r| r.1).sum::<f64>() / n;
    let low = recent.iter().map(|r| course().band(kind, r.0.t_days, factor).low).sum::<f64>() / n;
    let high = recent.iter().map(|r| course().band(kind, r.0.t_days, factor).high).sum::<f64>() / n;
    Finding::Found(if mean < low {
        Position::Below
    } else if mean > high {
        Position::Above
    } else {
        Position::Inside
    })
}

/// The first day after the physical peak on which the score fell to mild
/// (≤ 1.0) and stayed there for two rated days.
pub fn easing(days: &[CourseDay]) -> Finding<Easing> {
    let Finding::Found(top) = peak(days, Kind::Physical) else {
        let rated = rated(days, Kind::Physical).len();
        return Finding::NotEnough { rated, needed: course().scaling.min_rated_days };
    };
    let c = &course().comparisons;
    let after: Vec<_> = rated(days, Kind::Physical).into_iter().filter(|r| r.0.day > top.day).collect();
    let eased = after
        .windows(c.eased_for_rated_days)
        .find(|w| w.iter().all(|r| r.1 <= c.eased_at_or_below))
        .and_then(|w| w.first())
        .map(|r| r.0.day);
    Finding::Found(eased.map_or(Easing::NotYet, |day| Easing::EasedOn { day }))
}

/// The mean of a kind over the last seven rated days and its direction
/// (least-squares slope over those days, per week, against a steady margin).
pub fn trend(days: &[CourseDay], kind: Kind) -> Finding<Trend> {
    let rated = rated(days, kind);
    let c = &course().comparisons;
    if rated.len() < c.min_rated_days_for_trend {
        return Finding::NotEnough { rated: rated.len(), needed: c.min_rated_days_for_trend };
    }
    let recent = &rated[rated.len().saturating_sub(c.trend_window_rated_days)..];
    let n = recent.len() as f64;
    let mean_t = recent.iter().map(|r| r.0.t_days).sum::<f64>() / n;
    let mean = recent.iter().map(|r| r.1).sum::<f64>() / n;
    let sxy: f64 = recent.iter().map(|r| (r.0.t_days - mean_t) * (r.1 - mean)).sum();
    let sxx: f64 = recent.iter().map(|r| (r.0.t_days - mean_t).powi(2)).sum();
    let per_week = if sxx > 0.0 { sxy / sxx * 7.0 } else { 0.0 };
    let direction = if per_week > c.trend_steady_within {
        Direction::Rising
    } else if per_week < -c.trend_steady_within {
        Direction::Falling
    } else {
        Direction::Steady
    };
    Finding::Found(Trend { mean, direction, days: recent.len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{DayScores, Score};

    /// Rated days 1..=n with these physical and psychological scores.
    fn days(physical: &[Option<f64>], psych: &[Option<f64>]) -> Vec<CourseDay> {
        let score = |v: Option<f64>| v.map(|mean| Score { mean, rated: 7, active: 7 });
        physical
            .iter()
            .zip(psych)
            .enumerate()
            .filter(|(_, (p, q))| p.is_some() || q.is_some())
            .map(|(i, (p, q))| CourseDay {
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1 + i as u32).unwrap(),
                day: i as i64 + 1,
                t_days: i as f64 + 0.5,
                scores: DayScores { physical: score(*p), psychological: score(*q), total: Some(1) },
            })
            .collect()
    }

    fn all(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().copied().map(Some).collect()
    }

    #[test]
    fn peak_timing_inside_earlier_and_later() {
        let d = days(&all(&[0.5, 1.5, 3.0, 2.5, 2.0]), &all(&[1.0; 5]));
        let Finding::Found(p) = peak(&d, Kind::Physical) else { panic!() };
        assert_eq!((p.day, p.score, p.timing, p.so_far), (3, 3.0, Ordering::Equal, false));
        let d = days(&all(&[2.0, 3.0, 2.5, 2.0]), &all(&[1.0; 4]));
        let Finding::Found(p) = peak(&d, Kind::Physical) else { panic!() };
        assert_eq!((p.day, p.timing), (2, Ordering::Less));
        let d = days(&all(&[1.0, 1.0, 1.5, 2.0, 3.0, 3.5]), &all(&[1.0; 6]));
        let Finding::Found(p) = peak(&d, Kind::Physical) else { panic!() };
        assert_eq!((p.day, p.timing, p.so_far), (6, Ordering::Greater, true));
    }

    #[test]
    fn peak_needs_three_rated_days() {
        let d = days(&all(&[1.0, 2.0]), &all(&[1.0, 1.0]));
        assert_eq!(peak(&d, Kind::Physical), Finding::NotEnough { rated: 2, needed: 3 });
    }

    #[test]
    fn easing_is_the_first_of_two_mild_days_after_the_peak() {
        let d = days(&all(&[1.0, 2.0, 3.0, 2.5, 1.0, 1.5, 1.0, 0.5, 0.5]), &all(&[1.0; 9]));
        assert_eq!(easing(&d), Finding::Found(Easing::EasedOn { day: 7 }), "day 5 alone is not eased");
        let d = days(&all(&[1.0, 2.0, 3.0, 2.5, 1.0]), &all(&[1.0; 5]));
        assert_eq!(easing(&d), Finding::Found(Easing::NotYet));
        let d = days(&all(&[1.0, 2.0]), &all(&[1.0; 2]));
        assert!(matches!(easing(&d), Finding::NotEnough { .. }));
    }

    #[test]
    fn easing_skips_missing_days_and_counts_rated_ones() {
        let d = days(&[Some(1.0), Some(3.0), Some(2.0), Some(1.0), None, Some(0.5)], &all(&[1.0; 6]));
        assert_eq!(easing(&d), Finding::Found(Easing::EasedOn { day: 4 }));
    }

    #[test]
    fn position_against_the_scaled_band() {
        // Peak 3.0 on day 3 scales the band by 3.0; days 4–6 (t 3.5–5.5).
        let inside = days(&all(&[1.0, 2.0, 3.0, 3.0, 2.5, 2.0]), &all(&[1.0; 6]));
        assert_eq!(position(&inside, Kind::Physical), Finding::Found(Position::Inside));
        let low = days(&all(&[1.0, 2.0, 3.0, 0.0, 0.0, 0.0]), &all(&[1.0; 6]));
        assert_eq!(position(&low, Kind::Physical), Finding::Found(Position::Below));
        // Day 14+ band high is 0.2–0.1 of peak; 3.0 there is above it.
        let mut late = all(&[3.0; 3]);
        late.extend(vec![None; 15]);
        late.extend(all(&[3.0; 3]));
        let d = days(&late, &vec![Some(1.0); late.len()]);
        assert_eq!(position(&d, Kind::Physical), Finding::Found(Position::Above));
        let two = days(&all(&[1.0, 2.0]), &all(&[1.0; 2]));
        assert_eq!(position(&two, Kind::Physical), Finding::NotEnough { rated: 2, needed: 3 });
    }

    #[test]
    fn psychological_trend_over_the_last_seven_rated_days() {
        let falling = days(&all(&[1.0; 10]), &all(&[3.0, 3.0, 3.0, 3.0, 2.5, 2.0, 2.0, 1.5, 1.0, 1.0]));
        let Finding::Found(t) = trend(&falling, Kind::Psychological) else { panic!() };
        assert_eq!((t.direction, t.days), (Direction::Falling, 7));
        assert!((t.mean - (3.0 + 2.5 + 2.0 + 2.0 + 1.5 + 1.0 + 1.0) / 7.0).abs() < 1e-9);
        let steady = days(&all(&[1.0; 8]), &all(&[2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0]));
        let Finding::Found(t) = trend(&steady, Kind::Psychological) else { panic!() };
        assert_eq!(t.direction, Direction::Steady);
        let rising = days(&all(&[1.0; 5]), &all(&[1.0, 1.5, 2.0, 2.5, 3.0]));
        let Finding::Found(t) = trend(&rising, Kind::Psychological) else { panic!() };
        assert_eq!(t.direction, Direction::Rising);
        let few = days(&all(&[1.0; 3]), &all(&[1.0; 3]));
        assert_eq!(trend(&few, Kind::Psychological), Finding::NotEnough { rated: 3, needed: 4 });
    }
}
