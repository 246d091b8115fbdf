//! The course chart in plain ASCII, within 80 columns, for the text and
//! Markdown summaries: the daily scores over the usual band, days 3–4 marked
//! on the axis, the daily dose totals before the last dose, the days since
//! the stop and a few dates under the axis.

use super::ChartDay;

/// Rows for the 0–4 scale (two per rating step).
const ROWS: usize = 9;
/// The most columns of plot; longer periods put several days in a column.
const MAX_COLUMNS: usize = 70;

/// One column: the days it covers, merged.
struct Column {
    day: Option<i64>,
    physical: Option<f64>,
    psychological: Option<f64>,
    band: Option<(f64, f64)>,
    dose: Option<f64>,
    lapse: bool,
    cut: bool,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let v: Vec<f64> = values.collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn columns(days: &[ChartDay]) -> (Vec<Column>, usize) {
    let per = days.len().div_ceil(MAX_COLUMNS).max(1);
    let cols = days
        .chunks(per)
        .map(|chunk| {
            let middle = chunk.get(chunk.len() / 2).or(chunk.first());
            Column {
                day: chunk.iter().find_map(|d| d.day),
                physical: mean(chunk.iter().filter_map(|d| d.physical)),
                psychological: mean(chunk.iter().filter_map(|d| d.psychological)),
                band: middle.and_then(|d| d.bands).map(|[p, q]| (p.low.min(q.low), p.high.max(q.high))),
                dose: mean(chunk.iter().filter(|d| d.day.is_none() || d.lapse).filter_map(|d| d.dose_grams)),
                lapse: chunk.iter().any(|d| d.lapse),
                cut: chunk.iter().any(|d| d.cut),
            }
        })
        .collect();
    (cols, per)
}

fn row_of(value: f64) -> usize {
    ((value.clamp(0.0, 4.0) / 4.0) * (ROWS - 1) as f64).round() as usize
}

/// The chart as lines of at most 80 characters.
pub fn render(days: &[ChartDay]) -> Vec<String> {
    let (cols, per) = columns(days);
    let width = cols.len();
    let max_dose = cols.iter().filter_map(|c| c.dose).fold(0.0, f64::max);
    // grid[row][col], row 0 at the bottom.
    let mut grid = vec![vec![' '; width]; ROWS];
    for (x, col) in cols.iter().enumerate() {
        if let Some((low, high)) = col.band {
            for row in grid.iter_mut().take(row_of(high) + 1).skip(row_of(low)) {
                row[x] = '.';
            }
        }
        let p = col.physical.map(row_of);
        let q = col.psychological.map(row_of);
        if let Some(r) = p {
            grid[r][x] = '*';
        }
        if let Some(r) = q {
            grid[r][x] = if p == Some(r) { '@' } else { 'o' };
        }
    }
    let mut lines = Vec::new();
    for r in (0..ROWS).rev() {
        let label = if r % 2 == 0 { format!("{} |", r / 2) } else { "  |".to_owned() };
        let row: String = grid[r].iter().collect();
        lines.push(format!("{label}{}", row.trim_end()));
    }
    // The axis, with the usual peak window (days 3–4) drawn as '='.
    // A lapse (a dose after the stop) is marked 'L' on the axis.
    let axis: String = cols
        .iter()
        .map(|c| {
            if c.lapse {
                'L'
            } else if c.cut {
                'v'
            } else if matches!(c.day, Some(3 | 4)) && per == 1 {
                '='
            } else {
                '-'
            }
        })
        .collect();
    lines.push(format!("  +{axis}"));
    // Before the last dose, the daily amount in whole grams under each day.
    if cols.iter().any(|c| c.dose.is_some()) {
        let grams: String = cols
            .iter()
            .map(|c| match c.dose {
                Some(g) if g >= 9.5 => '+',
                Some(g) => char::from_digit(g.round() as u32, 10).unwrap_or('?'),
                None => ' ',
            })
            .collect();
        lines.push(format!(" g {}", grams.trim_end()));
    }
    let mut labels = vec![' '; width + 6];
    let mut next_free = 0;
    for (x, col) in cols.iter().enumerate() {
        let Some(day) = col.day else { continue };
        let is_mark = [1, 3, 7, 14, 21, 28, 42, 56].contains(&day)
            && cols.get(x.wrapping_sub(1)).is_none_or(|prev| prev.day != Some(day));
        let text = day.to_string();
        if is_mark && x + 3 >= next_free && x + 3 + text.len() <= labels.len() {
            for (i, ch) in text.chars().enumerate() {
                labels[x + 3 + i] = ch;
            }
            next_free = x + 3 + text.len() + 1;
        }
    }
    let labels: String = labels.into_iter().collect();
    let anchored = cols.iter().any(|c| c.day.is_some());
    if anchored {
        lines.push(format!("{}   (days since the last dose)", labels.trim_end()));
    }
    lines.push(date_line(days, per));
    let per_text = if per > 1 { format!(", {per} days a column") } else { String::new() };
    let lapse = if cols.iter().any(|c| c.lapse) { "  L lapse" } else { "" };
    let cut = if cols.iter().any(|c| c.cut) { "  v a cut" } else { "" };
    if anchored {
        lines.push(format!("  * physical  o psychological  @ both  . usual band  = days 3-4{lapse}{cut}{per_text}"));
    } else {
        lines.push(format!("  * physical  o psychological  @ both{cut}{per_text}"));
    }
    if max_dose > 0.0 {
        let when = if anchored { " before the stop (and any lapse)" } else { "" };
        lines.push(format!("  g: grams a day{when}, rounded; + is 10 g or more"));
    }
    lines
}

/// A few dates under the axis, a week or more apart ("18 Feb"), each
/// starting under its column, as the day numbers do.
fn date_line(days: &[ChartDay], per: usize) -> String {
    let mut line = vec![' '; 80];
    let mut next_free = 0;
    // Seven columns keep "12 Nov" and a space apart.
    for i in super::ticks::date_ticks(days, 7 * per) {
        let Some(day) = days.get(i) else { continue };
        let (x, text) = (i / per + 3, super::ticks::label(day));
        if x >= next_free && x + text.len() <= line.len() {
            for (slot, ch) in line.iter_mut().skip(x).zip(text.chars()) {
                *slot = ch;
            }
            next_free = x + text.len() + 1;
        }
    }
    line.into_iter().collect::<String>().trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Band;
    use chrono::NaiveDate;

    fn day(i: i64, day: Option<i64>, physical: Option<f64>, dose: Option<f64>) -> ChartDay {
        ChartDay {
            date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Duration::days(i),
            day,
            physical,
            psychological: None,
            bands: day.map(|_| [Band { low: 1.0, high: 2.0 }, Band { low: 1.0, high: 2.0 }]),
            dose_grams: dose,
            lapse: false,
            cut: false,
        }
    }

    #[test]
    fn scores_sit_on_the_scale_and_missing_days_are_gaps() {
        let days = [
            day(0, None, None, Some(6.0)),
            day(1, Some(1), Some(0.0), None),
            day(2, Some(2), None, None),
            day(3, Some(3), Some(4.0), None),
            day(4, Some(4), Some(2.0), None),
        ];
        let lines = render(&days);
        assert!(lines.iter().all(|l| l.chars().count() <= 80));
        assert!(lines.iter().all(|l| l.is_ascii()), "plain ASCII");
        // Row for 4 is the first line; day 3 (column 3) has its '*' there.
        assert_eq!(lines[0], "4 |   *");
        // Day 4 scored 2.0: the '*' sits on the "2" row, inside the band dots.
        assert_eq!(lines[4], "2 | ...*");
        // Day 1 scored 0: bottom row; day 2 has no '*'.
        assert_eq!(lines[8], "0 | *");
        assert_eq!(lines[9], "  +---==");
        // Day 0, before the last dose, shows its 6 g under the axis.
        assert_eq!(lines[10], " g 6");
    }

    #[test]
    fn dates_sit_under_the_axis_a_week_apart_with_the_stop_under_day_1() {
        // 1 Mar to 5 Apr; the stop's day 1 is 16 Mar (column 15).
        let days: Vec<ChartDay> =
            (0..36).map(|i| day(i, (i >= 15).then(|| i - 14), Some(1.0), (i < 15).then_some(4.0))).collect();
        let lines = render(&days);
        let day_line = lines.iter().find(|l| l.ends_with("(days since the last dose)")).unwrap();
        let date_line = lines.iter().find(|l| l.contains("16 Mar")).unwrap();
        assert_eq!(day_line.find('1'), date_line.find("16 Mar"), "day 1's date under it:\n{lines:#?}");
        assert_eq!(
            date_line.split_whitespace().collect::<Vec<_>>(),
            ["2", "Mar", "9", "Mar", "16", "Mar", "23", "Mar", "30", "Mar"]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 80 && l.is_ascii()));
    }

    #[test]
    fn long_periods_fit_in_80_columns() {
        let days: Vec<ChartDay> = (0..400).map(|i| day(i, Some(i + 1), Some(1.0), None)).collect();
        let lines = render(&days);
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{lines:#?}");
        assert!(lines.iter().any(|l| l.contains("6 days a column")));
    }
}
