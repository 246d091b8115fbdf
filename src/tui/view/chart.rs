//! The score plot both Course charts share (after a stop, and while
//! tapering or using): where the plot goes, which days it shows, the row of
//! a score, a day's marks, and the chosen day's lines for the side panel.
//! The gram scale and the legend are in `chart/`.

pub mod grams;
pub mod legend;
pub mod panel;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{self, put};
use crate::analysis;
use crate::analysis::situation::{self, DoseRecord, Situation};
use crate::journal::{Kind, format_number};
use crate::status;
use crate::tui::model::Model;

/// The left axis's width: the 0–4 scale.
pub const AXIS_WIDTH: u16 = 4;

/// The fewest days a chart spreads over, so a journal begun yesterday is
/// not drawn as two huge columns.
const MIN_DAYS: i64 = 7;
/// The most columns one day takes.
const MAX_PER_DAY: u16 = 6;

/// Where the plot goes in a chart area: right of the 0–4 scale, below a
/// legend of `legend_rows`, left of a gram scale `right` wide, above the
/// axis and its labels; `None` when too small to draw.
pub fn plot_of(area: Rect, legend_rows: u16, right: u16) -> Option<Rect> {
    let width = area.width.checked_sub(AXIS_WIDTH + right + 1)?;
    let height = area.height.checked_sub(legend_rows + 2)?;
    (width >= 2 && height >= 4).then(|| Rect { x: area.x + AXIS_WIDTH, y: area.y + legend_rows, width, height })
}

/// The days a plot of `width` columns shows and the columns each takes: the
/// axis starts where the journal does, so a short journal fills the width
/// (at least a week, at most `MAX_PER_DAY` columns a day); a long one shows
/// the latest days that fit, moved back to keep the chosen day in view.
pub fn days_shown(app: &Model, width: u16, min_per_day: u16) -> (NaiveDate, NaiveDate, u16) {
    let today = app.now.date_naive();
    let data_first = app.journal.span().map_or(today, |(first, _)| first.min(today));
    let wanted = ((today - data_first).num_days() + 1).max(MIN_DAYS);
    let fit = u16::try_from(i64::from(width) / wanted).unwrap_or(1);
    let per_day = fit.clamp(min_per_day.min(MAX_PER_DAY), MAX_PER_DAY).min(width.max(1));
    let (mut first, mut last) = layout::day_window(app.cursor, today, i64::from((width / per_day).max(1)));
    if first < data_first && app.cursor >= data_first {
        last -= first - data_first;
        first = data_first;
    }
    (first, last, per_day)
}

/// How much of the plot's height the tallest dose bar may take, so the
/// scores above stay readable.
const DOSE_SHARE: f64 = 0.4;

/// A chart's frame: the plot, the days it shows, the columns a day takes,
/// and the gram scale its dose bars (and targets) are drawn on.
pub struct Frame {
    pub plot: Rect,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub per_day: u16,
    /// `None` when no dose falls in the days shown: no bars, no scale.
    pub scale: Option<grams::GramScale>,
}

/// The frame of a chart with dose bars: the gram scale on the right takes
/// the width its labels need, and its top is the largest daily total (or
/// plan target, with `targets`) among the days shown.
pub fn frame(app: &Model, area: Rect, legend_rows: u16, min_per_day: u16, targets: bool) -> Option<Frame> {
    // The labels' width depends on the days shown, which depend on the
    // plot's width: a first guess with room for any label, then the real one.
    let rough = plot_of(area, legend_rows, 7)?;
    let (first, last, _) = days_shown(app, rough.width, min_per_day);
    let max = max_grams(app, first, last, targets);
    let right = if max > 0.0 { grams::GramScale::new(max, 4, 0).label_width() + 1 } else { 0 };
    let plot = plot_of(area, legend_rows, right)?;
    let (first, last, per_day) = days_shown(app, plot.width, min_per_day);
    // Rounded to whole rows, at least two: in range for a u16.
    let rows = (f64::from(plot.height.saturating_sub(1)) * DOSE_SHARE).round().max(2.0) as u16;
    let max = max_grams(app, first, last, targets);
    let scale = (max > 0.0).then(|| grams::GramScale::new(max, rows, plot.y + plot.height));
    Some(Frame { plot, first, last, per_day, scale })
}

/// The largest daily total (and, with `targets`, plan target) from `first`
/// to `last`.
fn max_grams(app: &Model, first: NaiveDate, last: NaiveDate, targets: bool) -> f64 {
    let logged = analysis::dose_days_in(&app.journal, first, last);
    let plan = app.journal.plan().filter(|_| targets);
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| {
            let target = plan.and_then(|p| p.target_on(d)).unwrap_or(0.0);
            logged.get(&d).map_or(0.0, |x| x.grams).max(target)
        })
        .fold(0.0, f64::max)
}

/// The row of a 0–4 score in a plot.
pub fn rows_of(plot: Rect) -> impl Fn(f64) -> u16 + Copy {
    let rows = f64::from(plot.height.saturating_sub(1));
    move |value: f64| {
        let r = (value.clamp(0.0, 4.0) / 4.0 * rows).round() as u16;
        plot.y + plot.height - 1 - r.min(plot.height - 1)
    }
}

/// A day's scores as marks on the chart: ● physical, ◆ psychological, ◈
/// (or ◆ in the day's last column) where both fall on one row. With
/// `split`, ◆ always takes the last column, over its kind's band.
pub fn put_scores(
    app: &Model,
    date: NaiveDate,
    x: u16,
    per_day: u16,
    row_of: &impl Fn(f64) -> u16,
    buf: &mut Buffer,
    split: bool,
) {
    let theme = app.theme;
    let Some(scores) = analysis::scores_on(&app.journal, date) else { return };
    let phys = scores.physical.filter(|_| app.kinds.shows(Kind::Physical)).map(|s| row_of(s.mean));
    let psych = scores.psychological.filter(|_| app.kinds.shows(Kind::Psychological)).map(|s| row_of(s.mean));
    if let Some(y) = phys {
        put(buf, x, y, "●", theme.physical());
    }
    if let Some(y) = psych {
        if phys == Some(y) || (split && per_day > 1) {
            put(buf, x + per_day - 1, y, if per_day > 1 { "◆" } else { "◈" }, theme.psychological());
        } else {
            put(buf, x, y, "◆", theme.psychological());
        }
    }
}

/// The chosen day in the side panel: its scores and its kratom (logged,
/// none, or not logged).
pub fn day_lines(app: &Model, situation: &Situation, date: NaiveDate) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    match app.journal.day(date).filter(|_| analysis::scores_on(&app.journal, date).is_some()) {
        None => lines.push(Line::styled("No ratings this day.", theme.dim())),
        Some(day) => {
            let s = analysis::day_scores(&app.journal, day);
            lines.push(Line::from(vec![
                Span::styled("● ", theme.physical()),
                Span::raw(format!("physical {}", status::score_detail(&app.journal, day, s.physical, Kind::Physical))),
            ]));
            lines.push(Line::from(vec![
                Span::styled("◆ ", theme.psychological()),
                Span::raw(format!(
                    "psychological {}",
                    status::score_detail(&app.journal, day, s.psychological, Kind::Psychological)
                )),
            ]));
        }
    }
    let logged = analysis::dose_day(&app.journal, date);
    lines.push(Line::raw(match situation::dose_record(&app.journal, situation, date, logged) {
        DoseRecord::Logged(d) => format!("Doses: {}, {} g", status::plural(d.count, "dose"), format_number(d.grams)),
        DoseRecord::None => "No kratom this day.".to_owned(),
        DoseRecord::NotLogged => "Doses: not logged.".to_owned(),
    }));
    lines
}

/// Dates under an axis at row `y`, a week apart from `first` where they
/// fit whole left of `end` (`1 Mar  8 Mar  15 Mar`), so the days can be
/// told apart; `x_of` gives a day's column.
pub fn date_labels(
    first: NaiveDate,
    last: NaiveDate,
    x_of: impl Fn(NaiveDate) -> u16,
    y: u16,
    end: u16,
    style: ratatui::style::Style,
    buf: &mut Buffer,
) {
    let mut label_end = 0;
    for date in first.iter_days().take_while(|d| *d <= last).step_by(7) {
        let x = x_of(date);
        let text = date.format("%-d %b").to_string();
        let width = u16::try_from(text.chars().count()).unwrap_or(6);
        if x >= label_end && x.saturating_add(width) <= end {
            Span::styled(text, style).render(Rect { x, y, width, height: 1 }, buf);
            label_end = x + width + 2;
        }
    }
}

/// The 0–4 score scale on the left of a chart area.
pub fn render_score_scale(app: &Model, area: Rect, row_of: impl Fn(f64) -> u16, buf: &mut Buffer) {
    for v in 0..=4u8 {
        let y = row_of(f64::from(v));
        Span::styled(format!("{v:>2} ┤"), app.theme.dim())
            .render(Rect { x: area.x, y, width: AXIS_WIDTH, height: 1 }, buf);
    }
}
