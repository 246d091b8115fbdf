//! The expected course of withdrawal after the last dose: named phases with
//! their messages, and the illustrative envelope drawn behind a person's own
//! scores. All numbers come from `assets/expected-course.json`, which says
//! where each came from; this module only reads and interpolates them.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::journal::Kind;

/// The expected course, as read from the asset.
#[derive(Debug, Deserialize)]
pub struct Course {
    pub sources: Vec<Source>,
    pub phases: Vec<Phase>,
    pub typical_peak_days: [u32; 2],
    pub physical_lasts_days: u32,
    envelope: Envelopes,
    pub scaling: Scaling,
    pub comparisons: Comparisons,
}

#[derive(Debug, Deserialize)]
pub struct Source {
    pub id: String,
    pub cites: String,
    pub says: String,
}

/// A named window of time since the last use.
#[derive(Debug, Deserialize)]
pub struct Phase {
    pub id: String,
    pub from_hours: f64,
    pub to_hours: f64,
    pub label: String,
    pub message: String,
}

#[derive(Debug, Deserialize)]
struct Envelopes {
    physical: Envelope,
    psychological: Envelope,
}

/// Low and high relative intensity at points in time (days).
#[derive(Debug, Deserialize)]
struct Envelope {
    t_days: Vec<f64>,
    low: Vec<f64>,
    high: Vec<f64>,
}

#[derive(Debug, Deserialize)]
pub struct Scaling {
    pub min_rated_days: usize,
    pub default_peak: f64,
}

#[derive(Debug, Deserialize)]
pub struct Comparisons {
    pub eased_at_or_below: f64,
    pub eased_no_item_at_or_above: u8,
    pub eased_for_rated_days: usize,
    pub trend_window_rated_days: usize,
    pub direction_window_rated_days: usize,
    pub min_rated_days_for_trend: usize,
    pub trend_change_at_least: f64,
    pub steady_range_within: f64,
    pub latest_differs_by: f64,
    pub easing_usually_from_day: i64,
}

/// The band at one moment, on the 0–4 rating scale (or relative, 0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub low: f64,
    pub high: f64,
}

/// The course compiled into this build.
pub fn course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| {
        // Compiled in and checked by the tests: failing here is a build defect.
        serde_json::from_str(include_str!("../assets/expected-course.json"))
            .expect("assets/expected-course.json is valid")
    })
}

/// "Day N" since the last use, counting from 1: day 1 is the first 24 hours.
/// Times before the last use have no day number.
pub fn day_number(hours_since: f64) -> Option<i64> {
    (hours_since >= 0.0).then(|| (hours_since / 24.0).floor() as i64 + 1)
}

impl Course {
    /// The phase for a time since last use; `None` before it and after week 6.
    pub fn phase(&self, hours_since: f64) -> Option<&Phase> {
        self.phases.iter().find(|p| hours_since >= p.from_hours && hours_since < p.to_hours)
    }

    /// The relative band (0 = none, 1 = the person's peak) at `t_days`.
    pub fn relative_band(&self, kind: Kind, t_days: f64) -> Band {
        let e = match kind {
            Kind::Physical => &self.envelope.physical,
            Kind::Psychological => &self.envelope.psychological,
        };
        Band { low: interpolate(&e.t_days, &e.low, t_days), high: interpolate(&e.t_days, &e.high, t_days) }
    }

    /// The band on the 0–4 scale: the relative band times `scale`.
    pub fn band(&self, kind: Kind, t_days: f64, scale: f64) -> Band {
        let b = self.relative_band(kind, t_days);
        Band { low: b.low * scale, high: b.high * scale }
    }

    /// The scaling rule: the person's own highest score of that kind since
    /// last use once enough days after it are rated, otherwise "moderate".
    pub fn scale(&self, rated_days_since_last_use: usize, highest: Option<f64>) -> f64 {
        match highest {
            Some(h) if rated_days_since_last_use >= self.scaling.min_rated_days && h > 0.0 => h,
            _ => self.scaling.default_peak,
        }
    }

    /// Whether a day number is inside the usual peak window (days 3–4).
    pub fn peak_window_contains(&self, day: i64) -> std::cmp::Ordering {
        let [first, last] = self.typical_peak_days;
        if day < i64::from(first) {
            std::cmp::Ordering::Less
        } else if day > i64::from(last) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }
}

/// Piecewise-linear interpolation; clamps to the first and last values.
fn interpolate(xs: &[f64], ys: &[f64], x: f64) -> f64 {
    let (Some(&first_x), Some(&first_y), Some(&last_y)) = (xs.first(), ys.first(), ys.last()) else {
        return 0.0;
    };
    if x <= first_x {
        return first_y;
    }
    for (i, pair) in xs.windows(2).enumerate() {
        let (x0, x1) = (pair[0], pair[1]);
        if x <= x1 {
            let (y0, y1) = (ys.get(i).copied().unwrap_or(0.0), ys.get(i + 1).copied().unwrap_or(0.0));
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
        }
    }
    last_y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase_id(hours: f64) -> Option<&'static str> {
        course().phase(hours).map(|p| p.id.as_str())
    }

    #[test]
    fn the_asset_is_consistent() {
        let c = course();
        for e in [&c.envelope.physical, &c.envelope.psychological] {
            assert_eq!(e.t_days.len(), e.low.len());
            assert_eq!(e.t_days.len(), e.high.len());
            assert!(e.t_days.windows(2).all(|w| w[0] < w[1]));
            assert!(e.low.iter().zip(&e.high).all(|(l, h)| l <= h));
        }
        assert!(c.phases.windows(2).all(|w| (w[0].to_hours - w[1].from_hours).abs() < f64::EPSILON));
        assert!(c.sources.len() >= 3);
    }

    #[test]
    fn every_published_source_carries_a_full_citation() {
        // The reference guide is the project's own given reference; every
        // other source names a year and where to find it (a DOI, a journal
        // volume or a web address).
        for source in course().sources.iter().filter(|s| s.id != "guide") {
            let has_year =
                source.cites.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4 && w.starts_with("20"));
            let findable =
                ["doi.org", "https://", "Therapy 9:", "Dependence 260:"].iter().any(|m| source.cites.contains(m));
            assert!(has_year && findable, "{}: {}", source.id, source.cites);
            assert!(!source.says.is_empty(), "{} says what it is cited for", source.id);
        }
    }

    #[test]
    fn phase_edges_follow_the_spec() {
        assert_eq!(phase_id(0.0), Some("before-onset"));
        assert_eq!(phase_id(11.99), Some("before-onset"));
        assert_eq!(phase_id(12.0), Some("onset"));
        assert_eq!(phase_id(23.99), Some("onset"));
        assert_eq!(phase_id(24.0), Some("building"));
        assert_eq!(phase_id(47.99), Some("building"));
        assert_eq!(phase_id(48.0), Some("peak"), "day 3 starts at 48 h");
        assert_eq!(phase_id(95.99), Some("peak"), "day 4 ends at 96 h");
        assert_eq!(phase_id(96.0), Some("easing"));
        assert_eq!(phase_id(167.99), Some("easing"));
        assert_eq!(phase_id(168.0), Some("late-acute"), "a week");
        assert_eq!(phase_id(240.0), Some("lingering"));
        assert_eq!(phase_id(42.0 * 24.0 - 0.01), Some("lingering"));
        assert_eq!(phase_id(42.0 * 24.0), None, "no message after week 6");
        assert_eq!(phase_id(-1.0), None);
        assert_eq!(course().phase(60.0).unwrap().message, "Days 3–4 are usually the hardest.");
    }

    #[test]
    fn day_numbers_count_from_one() {
        assert_eq!(day_number(0.0), Some(1));
        assert_eq!(day_number(23.99), Some(1));
        assert_eq!(day_number(24.0), Some(2));
        assert_eq!(day_number(48.0), Some(3));
        assert_eq!(day_number(95.99), Some(4));
        assert_eq!(day_number(96.0), Some(5));
        assert_eq!(day_number(-0.5), None);
    }

    #[test]
    fn the_envelope_interpolates_linearly_and_holds_at_the_ends() {
        let c = course();
        let b = c.relative_band(Kind::Physical, 1.5);
        assert!((b.low - 0.225).abs() < 1e-9, "halfway between 0.10 and 0.35");
        assert!((b.high - 0.70).abs() < 1e-9, "halfway between 0.55 and 0.85");
        assert_eq!(c.relative_band(Kind::Physical, 3.5), Band { low: 0.60, high: 1.0 });
        let p = c.relative_band(Kind::Psychological, 4.0);
        assert_eq!(p, Band { low: 0.5, high: 1.0 });
        assert_eq!(c.relative_band(Kind::Psychological, 100.0), Band { low: 0.0, high: 0.2 });
        assert_eq!(c.relative_band(Kind::Physical, -1.0), Band { low: 0.0, high: 0.05 });
    }

    #[test]
    fn scaling_uses_the_persons_peak_only_after_three_rated_days() {
        let c = course();
        assert_eq!(c.scale(2, Some(3.5)), 2.0);
        assert_eq!(c.scale(3, Some(3.5)), 3.5);
        assert_eq!(c.scale(5, None), 2.0);
        assert_eq!(c.band(Kind::Physical, 3.0, 3.5), Band { low: 0.6 * 3.5, high: 3.5 });
    }
}
