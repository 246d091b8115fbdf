//! Where the course chart puts dates along its axis, for the SVG chart and
//! the ASCII chart alike: a date every week, or every two, four or eight
//! weeks (then a quarter, half a year, a year) when a week would crowd the
//! labels; counted from day 1 since the stop when the chart has a stop, so
//! the dates fall on the stop's weekday, else back from the last day, so
//! the last day always has its date.

use super::ChartDay;

/// The spacings tried, in days.
const EVERY: [usize; 7] = [7, 14, 28, 56, 91, 182, 364];

/// The places in `days` that carry a date, at least `min_gap` days apart.
pub(super) fn date_ticks(days: &[ChartDay], min_gap: usize) -> Vec<usize> {
    let every = EVERY.iter().copied().find(|e| *e >= min_gap).unwrap_or_else(|| min_gap.div_ceil(364).max(1) * 364);
    let anchor = days.iter().position(|d| d.day == Some(1)).unwrap_or(days.len().saturating_sub(1));
    (0..days.len()).filter(|i| i.abs_diff(anchor) % every == 0).collect()
}

/// A date as the axis shows it: "12 Nov".
pub(super) fn label(day: &ChartDay) -> String {
    day.date.format("%-d %b").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn days(n: i64, stop_at: Option<i64>) -> Vec<ChartDay> {
        (0..n)
            .map(|i| ChartDay {
                date: NaiveDate::from_ymd_opt(2026, 2, 3).unwrap() + chrono::Duration::days(i),
                day: stop_at.and_then(|s| (i >= s).then_some(i - s + 1)),
                physical: None,
                psychological: None,
                bands: None,
                dose_grams: None,
                lapse: false,
                cut: false,
            })
            .collect()
    }

    #[test]
    fn weekly_from_the_stop_both_ways() {
        // 36 days, the stop on the 16th (18 Feb): 4 Feb, 11 Feb, 18 Feb, 25 Feb, 4 Mar.
        let d = days(36, Some(15));
        let ticks = date_ticks(&d, 3);
        assert_eq!(ticks, [1, 8, 15, 22, 29]);
        assert_eq!(label(&d[15]), "18 Feb");
    }

    #[test]
    fn without_a_stop_back_from_the_last_day_and_wider_when_crowded() {
        let d = days(60, None);
        assert_eq!(date_ticks(&d, 7).last(), Some(&59), "the last day has its date");
        assert_eq!(date_ticks(&d, 10), [3, 17, 31, 45, 59], "two weeks apart when one would crowd");
        assert_eq!(date_ticks(&d, 500), [59]);
        assert!(date_ticks(&[], 7).is_empty());
    }
}
