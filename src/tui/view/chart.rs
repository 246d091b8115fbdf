//! The score plot both Course charts share (after a stop, and while
//! tapering or using): where the plot goes, the row of a score, a day's
//! marks, and the chosen day's lines for the side panel.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout::put;
use crate::analysis;
use crate::analysis::situation::{self, DoseRecord, Situation};
use crate::journal::{Kind, format_number};
use crate::status;
use crate::tui::model::Model;

/// The left axis's width: the 0–4 scale.
pub const AXIS_WIDTH: u16 = 4;

/// Where the plot goes in a chart area: right of the scale, below the
/// legend, above the axis and its labels; `None` when too small to draw.
pub fn plot_of(area: Rect) -> Option<Rect> {
    (area.width > AXIS_WIDTH + 2 && area.height >= 6).then(|| Rect {
        x: area.x + AXIS_WIDTH,
        y: area.y + 1,
        width: area.width - AXIS_WIDTH - 1,
        height: area.height - 3,
    })
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
/// (or ◆ in the day's second column) where both fall on one row.
pub fn put_scores(app: &Model, date: NaiveDate, x: u16, per_day: u16, row_of: &impl Fn(f64) -> u16, buf: &mut Buffer) {
    let theme = app.theme;
    let Some(scores) = analysis::scores_on(&app.journal, date) else { return };
    let phys = scores.physical.filter(|_| app.kinds.shows(Kind::Physical)).map(|s| row_of(s.mean));
    let psych = scores.psychological.filter(|_| app.kinds.shows(Kind::Psychological)).map(|s| row_of(s.mean));
    if let Some(y) = phys {
        put(buf, x, y, "●", theme.physical());
    }
    if let Some(y) = psych {
        if phys == Some(y) {
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
