//! The neutral, factual comparisons with the expected course that the spec
//! lists (`shared/spec/expected-course.md`, corrected): the physical peak's
//! timing against days 3–4; the psychological peak's day and value only;
//! the direction and timing of the latest rated days (never "inside the
//! band": the band is scaled to the person's own peak, so a severe course
//! would always sit inside it); when physical symptoms eased (no item at 3
//! or 4); and the psychological trend in words that are true of the
//! numbers. Each says "not enough data yet" rather than guess.

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

/// The day of the highest score of a kind since the stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Peak {
    pub day: i64,
    pub score: f64,
    /// Against the usual days 3–4: `Less` earlier, `Equal` inside, `Greater`
    /// later. Said for physical symptoms only: the reference guide gives
    /// days 3–4 for them alone.
    pub timing: Ordering,
    /// The highest day is also the latest rated day, so it may still rise.
    pub so_far: bool,
    /// Fewer than half the items of its kind were rated that day: (rated, active).
    pub partial: Option<(usize, usize)>,
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

/// Which way the latest rated days move, in the light of the usual shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Movement {
    /// Rising up to day 4: as is usual before and into the peak days.
    RisingAsUsual,
    /// Still rising from day 5, when physical symptoms usually ease.
    StillRising,
    /// Rising again after having eased since the peak.
    RoseAgain,
    /// Falling after the peak days, as is usual.
    EasingAsUsual,
    /// Falling before the usual peak days.
    FallingEarly,
    /// Neither up nor down by half a point, and within a point.
    Steady,
    /// Neither up nor down by half a point, but spread over more than a point.
    Varied { low: f64, high: f64 },
}

/// Where the latest rated days are going.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub movement: Movement,
    /// The latest rated day and its score.
    pub day: i64,
    pub score: f64,
    /// The first day of the window and the window's mean.
    pub from_day: i64,
    pub mean: f64,
    /// The latest day differs from the window's mean by a category or more.
    pub latest_stands_out: bool,
    /// The newest rated day, when it was left out for being partial (fewer
    /// than half the items of its kind rated): (day, rated, active). A mean
    /// over a few items is not comparable with one over all of them, so a
    /// partial day never decides the direction, as with the peak.
    pub left_out: Option<(i64, usize, usize)>,
    /// Fewer fully rated days than the window needs: the direction was read
    /// from every rated day, and some of the window's days are partial.
    pub from_partial: bool,
}

/// When physical symptoms eased to mild after the peak.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Easing {
    /// The first day of two rated days in a row at or below mild, with no
    /// physical item rated 3 or more.
    EasedOn {
        day: i64,
    },
    NotYet,
}

/// What the scores over the recent rated days did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Direction {
    Rising,
    Falling,
    Steady,
    /// Neither a half-point change nor within a point: the range.
    Varied {
        low: f64,
        high: f64,
    },
}

impl Direction {
    pub fn words(self) -> String {
        match self {
            Direction::Rising => "rising".to_owned(),
            Direction::Falling => "falling".to_owned(),
            Direction::Steady => "steady".to_owned(),
            Direction::Varied { low, high } => format!("varied (from {low:.1} to {high:.1})"),
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

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The highest score since the stop (the first, if tied) and its timing.
/// Once there are enough fully rated days (at least half the items), a
/// partial day never moves the peak: one item rated 4 on a day is not the
/// course's worst. With fewer, every rated day counts, and the peak says
/// when it rests on a partial day.
pub fn peak(days: &[CourseDay], kind: Kind) -> Finding<Peak> {
    let rated = rated(days, kind);
    let needed = course().scaling.min_rated_days;
    let complete: Vec<(&CourseDay, f64)> =
        rated.iter().filter(|(d, _)| d.scores.of(kind).is_some_and(|s| !s.partial())).copied().collect();
    let pool = if complete.len() >= needed { &complete } else { &rated };
    let Some(mut best) = pool.first().copied().filter(|_| rated.len() >= needed) else {
        return Finding::NotEnough { rated: rated.len(), needed };
    };
    for r in pool {
        if r.1 > best.1 {
            best = *r;
        }
    }
    let so_far = rated.last().is_some_and(|last| last.0.date == best.0.date);
    let partial = best.0.scores.of(kind).filter(super::Score::partial).map(|s| (s.rated, s.active));
    Finding::Found(Peak {
        day: best.0.day,
        score: best.1,
        timing: course().peak_window_contains(best.0.day),
        so_far,
        partial,
    })
}

/// The highest score of a kind since the stop, for scaling the band.
pub fn highest(days: &[CourseDay], kind: Kind) -> Option<f64> {
    rated(days, kind).into_iter().map(|r| r.1).reduce(f64::max)
}

/// The scale that maps the relative band onto this person's 0–4 scores.
pub fn scale(days: &[CourseDay], kind: Kind) -> f64 {
    course().scale(rated(days, kind).len(), highest(days, kind))
}

/// The direction of the last three rated days and where that sits in the
/// usual shape: rising into days 3–4, easing after them.
pub fn now(days: &[CourseDay], kind: Kind) -> Finding<Now> {
    let c = &course().comparisons;
    let needed = c.direction_window_rated_days.max(2);
    // Fully rated days when there are enough of them; else every rated day,
    // and the finding says partial days are in it.
    let complete: Vec<(&CourseDay, f64)> =
        days.iter().filter_map(|d| d.scores.of(kind).filter(|s| !s.partial()).map(|s| (d, s.mean))).collect();
    let enough = complete.len() >= needed;
    let newest_partial = days
        .iter()
        .rev()
        .find_map(|d| d.scores.of(kind).map(|s| (d, s)))
        .filter(|(_, s)| s.partial())
        .map(|(d, s)| (d.day, s.rated, s.active));
    let left_out = newest_partial.filter(|_| enough);
    let rated = if enough { complete } else { rated(days, kind) };
    if rated.len() < needed {
        return Finding::NotEnough { rated: rated.len(), needed };
    }
    let window = &rated[rated.len() - needed..];
    let (Some(first), Some(last)) = (window.first(), window.last()) else {
        return Finding::NotEnough { rated: rated.len(), needed };
    };
    let window_mean = mean(window.iter().map(|r| r.1));
    let change = last.1 - first.1;
    let [_, peak_last] = course().typical_peak_days;
    let day = last.0.day;
    let earlier = &rated[..rated.len() - needed];
    let movement = if change >= c.trend_change_at_least {
        // Rose again: an earlier day after the highest point was lower than
        // where the scores are now, by half a point or more.
        let top = earlier.iter().map(|r| r.1).fold(f64::MIN, f64::max);
        let eased_since_top =
            earlier.iter().skip_while(|r| r.1 < top).any(|r| r.1 + c.trend_change_at_least <= last.1 && r.1 < top);
        if day > i64::from(peak_last) && eased_since_top {
            Movement::RoseAgain
        } else if day >= c.easing_usually_from_day {
            Movement::StillRising
        } else {
            Movement::RisingAsUsual
        }
    } else if change <= -c.trend_change_at_least {
        if day > i64::from(peak_last) { Movement::EasingAsUsual } else { Movement::FallingEarly }
    } else {
        let low = window.iter().map(|r| r.1).fold(f64::MAX, f64::min);
        let high = window.iter().map(|r| r.1).fold(f64::MIN, f64::max);
        if high - low <= c.steady_range_within { Movement::Steady } else { Movement::Varied { low, high } }
    };
    Finding::Found(Now {
        movement,
        day,
        score: last.1,
        from_day: first.0.day,
        mean: window_mean,
        latest_stands_out: (last.1 - window_mean).abs() >= c.latest_differs_by,
        left_out,
        from_partial: !enough && window.iter().any(|r| r.0.scores.of(kind).is_some_and(|s| s.partial())),
    })
}

/// The first day after the physical peak on which the score fell to mild
/// (≤ 1.0) with no physical item rated 3 or more, holding for two rated days.
/// It counts from the peak [`peak`] gives, which a partial day does not move.
pub fn easing(days: &[CourseDay]) -> Finding<Easing> {
    let Finding::Found(top) = peak(days, Kind::Physical) else {
        let rated = rated(days, Kind::Physical).len();
        return Finding::NotEnough { rated, needed: course().scaling.min_rated_days };
    };
    let c = &course().comparisons;
    let after: Vec<_> =
        days.iter().filter(|d| d.day > top.day).filter_map(|d| d.scores.physical.map(|s| (d.day, s))).collect();
    let eased = after
        .windows(c.eased_for_rated_days)
        .find(|w| w.iter().all(|(_, s)| s.mean <= c.eased_at_or_below && s.highest < c.eased_no_item_at_or_above))
        .and_then(|w| w.first())
        .map(|(day, _)| *day);
    Finding::Found(eased.map_or(Easing::NotYet, |day| Easing::EasedOn { day }))
}

/// The mean of a kind over the last seven rated days and its direction:
/// rising or falling when the first and last three rated days differ by half
/// a point or more; steady when the range is within a point; else varied.
pub fn trend(days: &[CourseDay], kind: Kind) -> Finding<Trend> {
    let rated = rated(days, kind);
    let c = &course().comparisons;
    if rated.len() < c.min_rated_days_for_trend {
        return Finding::NotEnough { rated: rated.len(), needed: c.min_rated_days_for_trend };
    }
    let recent: Vec<f64> = rated[rated.len().saturating_sub(c.trend_window_rated_days)..].iter().map(|r| r.1).collect();
    let ends = 3.min(recent.len());
    let first = mean(recent.iter().take(ends).copied());
    let last = mean(recent.iter().rev().take(ends).copied());
    let low = recent.iter().copied().fold(f64::MAX, f64::min);
    let high = recent.iter().copied().fold(f64::MIN, f64::max);
    let direction = if last - first >= c.trend_change_at_least {
        Direction::Rising
    } else if first - last >= c.trend_change_at_least {
        Direction::Falling
    } else if high - low <= c.steady_range_within {
        Direction::Steady
    } else {
        Direction::Varied { low, high }
    };
    Finding::Found(Trend { mean: mean(recent.iter().copied()), direction, days: recent.len() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{DayScores, Score};

    /// Rated days 1..=n with these physical and psychological scores; the
    /// highest item is the rounded mean unless set with `with_highest`.
    fn days(physical: &[Option<f64>], psych: &[Option<f64>]) -> Vec<CourseDay> {
        let score = |v: Option<f64>| v.map(|mean| Score { mean, rated: 7, active: 7, highest: mean.round() as u8 });
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
    fn one_item_at_4_blocks_eased_even_when_the_mean_is_mild() {
        // Days 5–8 score 0.6 (one item at 4, six at 0): mild by the mean.
        let mut d = days(&all(&[1.0, 2.0, 3.0, 2.5, 0.6, 0.6, 0.5, 0.5]), &all(&[1.0; 8]));
        for day in d.iter_mut().filter(|d| (5..=6).contains(&d.day)) {
            if let Some(s) = day.scores.physical.as_mut() {
                s.highest = 4;
            }
        }
        assert_eq!(easing(&d), Finding::Found(Easing::EasedOn { day: 7 }), "not on day 5: trouble sleeping was 4");
    }

    #[test]
    fn easing_skips_missing_days_and_counts_rated_ones() {
        let d = days(&[Some(1.0), Some(3.0), Some(2.0), Some(1.0), None, Some(0.5)], &all(&[1.0; 6]));
        assert_eq!(easing(&d), Finding::Found(Easing::EasedOn { day: 4 }));
    }

    #[test]
    fn a_severe_course_reads_as_its_direction_never_as_inside_a_band() {
        // Day 3 at the top of the scale: rising into days 3–4 is what it is.
        let d = days(&all(&[2.0, 3.0, 3.8]), &all(&[2.0; 3]));
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert_eq!((n.movement, n.day), (Movement::RisingAsUsual, 3));
        // Still rising on day 6, when physical symptoms usually ease from day 5.
        let d = days(&all(&[1.0, 2.0, 2.5, 2.5, 3.0, 3.5]), &all(&[2.0; 6]));
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert_eq!((n.movement, n.day), (Movement::StillRising, 6));
        // Easing after days 3–4.
        let d = days(&all(&[1.0, 2.0, 3.0, 3.0, 2.5, 1.5]), &all(&[2.0; 6]));
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert_eq!(n.movement, Movement::EasingAsUsual);
        // Rose again on day 9 after easing.
        let d = days(&all(&[1.0, 2.0, 3.0, 3.0, 2.0, 1.0, 1.0, 1.5, 2.5]), &all(&[2.0; 9]));
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert_eq!((n.movement, n.day), (Movement::RoseAgain, 9));
        // Up and down within half a point overall, but over more than a point: varied.
        let d = days(&all(&[1.0, 2.0, 3.0, 1.0, 2.5, 1.0]), &all(&[2.0; 6]));
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert_eq!(n.movement, Movement::Varied { low: 1.0, high: 2.5 });
        assert!(!n.latest_stands_out, "1.0 against a mean of 1.5");
        let d = days(&all(&[1.0, 2.0, 3.0, 1.0, 1.5, 1.2]), &all(&[2.0; 6]));
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert_eq!(n.movement, Movement::Steady, "1.0, 1.5, 1.2");
        let d = days(&all(&[1.0, 2.0, 3.0, 0.5, 0.5, 2.0]), &all(&[2.0; 6]));
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert!(n.latest_stands_out, "2.0 against a mean of 1.0: {n:?}");
        let two = days(&all(&[1.0, 2.0]), &all(&[1.0; 2]));
        assert_eq!(now(&two, Kind::Physical), Finding::NotEnough { rated: 2, needed: 3 });
    }

    #[test]
    fn a_partial_day_does_not_decide_the_direction() {
        // Eased to 1.0 by days 6–8; day 9 is 3.5 from 3 of 7 items rated.
        let mut d = days(&all(&[1.0, 2.0, 3.0, 3.0, 2.0, 1.0, 1.0, 1.0, 3.5]), &all(&[2.0; 9]));
        if let Some(s) = d.last_mut().and_then(|d| d.scores.physical.as_mut()) {
            s.rated = 3;
        }
        let Finding::Found(n) = now(&d, Kind::Physical) else { panic!() };
        assert_eq!((n.movement, n.day, n.left_out), (Movement::Steady, 8, Some((9, 3, 7))), "{n:?}");
        // Nor does it move the peak that easing counts from: eased on day 6.
        assert_eq!(easing(&d), Finding::Found(Easing::EasedOn { day: 6 }));
    }

    #[test]
    fn trend_words_are_true_of_the_numbers() {
        let falling = days(&all(&[1.0; 10]), &all(&[3.0, 3.0, 3.0, 3.0, 2.5, 2.0, 2.0, 1.5, 1.0, 1.0]));
        let Finding::Found(t) = trend(&falling, Kind::Psychological) else { panic!() };
        assert_eq!((t.direction, t.days), (Direction::Falling, 7));
        assert!((t.mean - (3.0 + 2.5 + 2.0 + 2.0 + 1.5 + 1.0 + 1.0) / 7.0).abs() < 1e-9);
        let steady = days(&all(&[1.0; 8]), &all(&[2.0, 2.0, 2.5, 1.5, 2.0, 2.0, 2.3, 2.0]));
        let Finding::Found(t) = trend(&steady, Kind::Psychological) else { panic!() };
        assert_eq!(t.direction, Direction::Steady);
        let rising = days(&all(&[1.0; 5]), &all(&[1.0, 1.5, 2.0, 2.5, 3.0]));
        let Finding::Found(t) = trend(&rising, Kind::Psychological) else { panic!() };
        assert_eq!(t.direction, Direction::Rising);
        // A rise from 1.2 to 3.6 and back is not "steady".
        let rise_and_fall = days(&all(&[1.0; 7]), &all(&[1.2, 1.2, 2.4, 3.6, 2.4, 1.2, 1.2]));
        let Finding::Found(t) = trend(&rise_and_fall, Kind::Psychological) else { panic!() };
        assert_eq!(t.direction, Direction::Varied { low: 1.2, high: 3.6 });
        assert_eq!(t.direction.words(), "varied (from 1.2 to 3.6)");
        let few = days(&all(&[1.0; 3]), &all(&[1.0; 3]));
        assert_eq!(trend(&few, Kind::Psychological), Finding::NotEnough { rated: 3, needed: 4 });
    }
}
