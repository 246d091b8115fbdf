//! The Course chart after a stop: scores (0–4, scale on the left) against
//! days since the stop over the usual bands, ░ physical and · psychological
//! each in its own columns of a day so both stay visible where they
//! overlap; the usual windows marked; the doses before the stop (and any
//! lapse) as bars on their own gram scale on the right; a legend wrapped
//! by whole entries.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use crate::analysis::situation::Situation;
use crate::analysis::{self, CourseDay, compare};
use crate::course::{course, day_number};
use crate::journal::{Kind, Stamp};
use crate::tui::model::{Kinds, Model};
use crate::tui::view::chart::{self, legend, put_scores, rows_of};
use crate::tui::view::layout::put;

/// The usual bands' fills: different characters, so they read apart
/// without colour and in a black-and-white printout.
const PHYSICAL_FILL: &str = "░";
const PSYCHOLOGICAL_FILL: &str = "·";
/// Days since last use that get a guide line and a label.
const MARKS: [(i64, &str); 5] = [(1, "1"), (3, "3–4"), (7, "7"), (21, "21"), (42, "42")];

pub fn render(
    app: &Model,
    situation: &Situation,
    last_use: Stamp,
    course_days: &[CourseDay],
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme;
    // The dose entries only when a bar is in view: laid out with them
    // first, then again without them if none is.
    let mut entries = legend_entries(app, !situation.lapses.is_empty(), true);
    // Two columns a day at least, one for each kind's band, whichever
    // kinds are shown: pressing p changes what is drawn, never which days.
    let min_per_day = 2;
    let mut frame = chart::frame(app, area, legend::height(&entries, area.width), min_per_day, false);
    if frame.as_ref().is_some_and(|f| f.scale.is_none()) {
        entries = legend_entries(app, !situation.lapses.is_empty(), false);
        frame = chart::frame(app, area, legend::height(&entries, area.width), min_per_day, false);
    }
    let Some(chart::Frame { plot, first, last, per_day, scale }) = frame else { return };
    legend::render(&entries, area, buf);
    let row_of = rows_of(plot);
    chart::render_score_scale(app, area, row_of, buf);

    let scales = Kind::BOTH.map(|k| compare::scale(course_days, k));
    let doses = analysis::dose_days_in(&app.journal, first, last);
    let steps: Vec<chrono::NaiveDate> = analysis::taper::step_effects(
        &app.journal,
        &analysis::taper::stretches(&analysis::dose_days_in(&app.journal, first - Duration::days(14), last)),
    )
    .iter()
    .map(|e| e.date)
    .collect();
    let axis_y = plot.y + plot.height;
    let labels_y = axis_y + 1;
    let mut label_end = 0;

    for x in plot.x..plot.x + plot.width {
        put(buf, x, axis_y, "─", theme.dim());
    }
    let mut date = first;
    while date <= last {
        let x = plot.x + u16::try_from((date - first).num_days()).unwrap_or(0) * per_day;
        let hours = analysis::hours_since(last_use, date);
        let day = day_number(hours);
        // The axis, with the usual peak window drawn double.
        let axis = match day {
            Some(3 | 4) => "═",
            _ => "─",
        };
        for dx in 0..per_day {
            put(buf, x + dx, axis_y, axis, theme.dim());
        }
        // Guide lines and labels for the usual windows.
        if let Some((_, label)) = MARKS.iter().find(|(d, _)| Some(*d) == day) {
            for y in plot.y..axis_y {
                put(buf, x, y, "┆", theme.dim());
            }
            if x >= label_end {
                Span::styled(*label, theme.dim()).render(Rect { x, y: labels_y, width: 4, height: 1 }, buf);
                label_end = x + u16::try_from(label.chars().count()).unwrap_or(1) + 1;
            }
        }
        if day.is_some() {
            let bands = Kind::BOTH.map(|k| {
                let shown = app.kinds.shows(k);
                let band = course().band(k, hours / 24.0, scales[usize::from(k == Kind::Psychological)]);
                shown.then(|| row_of(band.high)..=row_of(band.low))
            });
            put_band(app, &bands, x, per_day, plot, buf);
        }
        if let (Some(d), Some(scale)) = (doses.get(&date), scale) {
            // Before the last dose: the day's total as a bar on the gram
            // scale at the right, in the lower part of the chart.
            let top = scale.row(d.grams);
            for y in top..axis_y {
                for dx in 0..bar_width(per_day) {
                    put(buf, x + dx, y, "▒", theme.doses());
                }
            }
            // A lapse or a reduction step of the taper starts here: marked
            // on the axis, where no score can cover it.
            if situation.lapses.iter().any(|l| l.date == date) {
                put(buf, x, axis_y, "L", theme.warning());
            } else if steps.contains(&date) {
                put(buf, x, axis_y, "▼", theme.doses());
            }
        }
        put_scores(app, date, x, per_day, &row_of, buf, true);
        if date == app.cursor {
            put(buf, x, axis_y, "▲", theme.title());
        }
        date += Duration::days(1);
    }
    if let Some(scale) = scale {
        scale.render_right(plot.x + plot.width, area.x + area.width, theme.dim(), buf);
    }
    // The caption only whole: the longest wording that fits.
    let x = label_end.max(plot.x);
    let room = usize::from((plot.x + plot.width).saturating_sub(x));
    let captions = [" days since your last dose", " days since the stop", " days"];
    if let Some(caption) = captions.into_iter().find(|c| c.chars().count() <= room) {
        Span::styled(caption, theme.dim())
            .render(Rect { x, y: labels_y, width: plot.x + plot.width - x, height: 1 }, buf);
    }
}

/// A dose bar's width: one column, or all but the last of a wide day's, so
/// a second score mark stays clear of it.
fn bar_width(per_day: u16) -> u16 {
    if per_day >= 3 { per_day - 1 } else { 1 }
}

/// One day's usual bands, told apart without colour: ░ physical in the
/// day's left columns, · psychological in its right ones (a kind shown
/// alone takes them all), so where they overlap both stay visible.
fn put_band(
    app: &Model,
    bands: &[Option<std::ops::RangeInclusive<u16>>; 2],
    x: u16,
    per_day: u16,
    plot: Rect,
    buf: &mut Buffer,
) {
    let split = if app.kinds == Kinds::Both { (per_day / 2).max(1) } else { per_day };
    let columns = [(x, split), (x + per_day - split, split)];
    for ((band, fill), (from, width)) in bands.iter().zip([PHYSICAL_FILL, PSYCHOLOGICAL_FILL]).zip(columns) {
        let Some(rows) = band else { continue };
        for y in rows.clone().filter(|y| *y < plot.y + plot.height) {
            for dx in 0..width {
                put(buf, from + dx, y, fill, app.theme.band());
            }
        }
    }
}

/// The legend's entries: the marks and the bands (only the kinds shown),
/// the chosen day, and
/// with `doses` the dose bars with where their scale is and the step mark.
fn legend_entries(app: &Model, lapse: bool, doses: bool) -> Vec<legend::Entry> {
    let theme = app.theme;
    let band = |kind: Kind, text: &str| if app.kinds.shows(kind) { text.to_owned() } else { String::new() };
    vec![
        (band(Kind::Physical, "● physical"), theme.physical()),
        (band(Kind::Psychological, "◆ psychological"), theme.psychological()),
        (band(Kind::Physical, &format!("{PHYSICAL_FILL} usual physical")), theme.band()),
        (band(Kind::Psychological, &format!("{PSYCHOLOGICAL_FILL} usual psychological")), theme.band()),
        (if doses { "▒ g/day (right scale)" } else { "" }.to_owned(), theme.doses()),
        (if doses { "▼ step down" } else { "" }.to_owned(), theme.doses()),
        (if lapse { "L lapse".to_owned() } else { String::new() }, theme.warning()),
        ("▲ chosen day".to_owned(), theme.title()),
    ]
}
