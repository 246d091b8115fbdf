//! Course, once the person has stopped: daily scores (0–4) against days
//! since the stop, drawn over the expected band, with the usual windows
//! marked (onset, days 3–4, a week, several weeks). Missing days are gaps,
//! never zeros. Before the stop the daily dose totals show as bars, so the
//! taper is visible; a lapse shows as a bar with `L` on the axis. A side
//! panel describes the chosen day and the comparisons in words. While the
//! person tapers or uses there is no course: see `course_taper.rs`.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::chart::{AXIS_WIDTH, day_lines, plot_of, put_scores, rows_of};
use super::layout::{day_window, put};
use crate::analysis::situation::{Situation, State};
use crate::analysis::{self, CourseDay, compare};
use crate::course::{course, day_number};
use crate::journal::{Kind, Stamp, format_number};
use crate::status;
use crate::tui::model::{Kinds, Model};

const PANEL_WIDTH: u16 = 34;
/// How much of the chart's height the tallest dose bar may take.
const DOSE_BAR_SHARE: f64 = 0.4;
/// Days since last use that get a guide line and a label.
const MARKS: [(i64, &str); 5] = [(1, "1"), (3, "3–4"), (7, "7"), (21, "21"), (42, "42")];

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let [chart, panel] = Layout::horizontal([Constraint::Min(20), Constraint::Length(PANEL_WIDTH)]).areas(area);
    let situation = app.situation();
    match (situation.anchor(), situation.state) {
        (Some(stop), _) => {
            let days = analysis::course_days(&app.journal, stop, app.now.date_naive());
            render_chart(app, &situation, stop, &days, chart, buf);
            render_panel(app, &situation, stop, &days, panel, buf);
        }
        (None, State::NoData) => Paragraph::new(
            "The course is drawn from your last dose, and none is recorded yet.\n\n\
             Log doses with d on Today, or mark your last dose from the shell:\n  easeoff last-use --at \"YYYY-MM-DD HH:MM\"",
        )
        .wrap(Wrap { trim: false })
        .render(area, buf),
        (None, _) => super::course_taper::render(app, &situation, chart, panel, buf),
    }
}

fn render_chart(
    app: &Model,
    situation: &Situation,
    last_use: Stamp,
    course_days: &[CourseDay],
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme;
    let Some(plot) = plot_of(area) else { return };
    let per_day = if plot.width >= 42 { 2 } else { 1 };
    let today = app.now.date_naive();
    let (first, last) = day_window(app.cursor, today, i64::from((plot.width / per_day).max(1)));
    let rows = f64::from(plot.height.saturating_sub(1));
    let row_of = rows_of(plot);

    render_legend_and_scale(app, area, !situation.lapses.is_empty(), row_of, buf);

    let scales = Kind::BOTH.map(|k| compare::scale(course_days, k));
    let doses = analysis::dose_days_in(&app.journal, first, last);
    let steps: Vec<chrono::NaiveDate> = analysis::taper::step_effects(
        &app.journal,
        &analysis::taper::stretches(&analysis::dose_days_in(&app.journal, first - Duration::days(14), last)),
    )
    .iter()
    .map(|e| e.date)
    .collect();
    let max_grams = doses.range(first..=last).map(|(_, d)| d.grams).fold(0.0, f64::max);
    let axis_y = plot.y + plot.height;
    let labels_y = axis_y + 1;
    let mut label_end = 0;

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
            // The band, for each kind shown, behind the scores.
            for (i, kind) in Kind::BOTH.into_iter().enumerate() {
                if !app.kinds.shows(kind) {
                    continue;
                }
                let band = course().band(kind, hours / 24.0, scales[i]);
                let (top, bottom) = (row_of(band.high), row_of(band.low));
                for y in top..=bottom {
                    for dx in 0..per_day {
                        put(buf, x + dx, y, "░", theme.band());
                    }
                }
            }
        }
        let lapse = situation.lapses.iter().any(|l| l.date == date);
        if let Some(d) = doses.get(&date).filter(|_| max_grams > 0.0) {
            // Before the last dose: the day's total as a bar in the lower
            // part of the chart, so the scores above it stay readable.
            let height = (d.grams / max_grams * rows * DOSE_BAR_SHARE).round() as u16;
            for step in 0..height.min(plot.height) {
                put(buf, x, axis_y - 1 - step, "▒", theme.doses());
            }
            // A reduction step of the taper starts here: marked on the axis,
            // where no score can cover it.
            if lapse {
                put(buf, x, axis_y, "L", theme.warning());
            } else if steps.contains(&date) {
                put(buf, x, axis_y, "▼", theme.doses());
            }
        }
        put_scores(app, date, x, per_day, &row_of, buf);
        if date == app.cursor {
            put(buf, x, axis_y, "▲", theme.title());
        }
        date += Duration::days(1);
    }
    render_caption(app, plot, label_end, labels_y, max_grams, buf);
}

/// What the x axis counts, after the day labels.
fn render_caption(app: &Model, plot: Rect, label_end: u16, y: u16, max_grams: f64, buf: &mut Buffer) {
    let caption = if max_grams > 0.0 {
        format!("days since your last dose · bars: g/day (top {} g)", format_number(max_grams))
    } else {
        "days since your last dose".to_owned()
    };
    let x = label_end.max(plot.x);
    if x < plot.x + plot.width {
        Span::styled(format!(" {caption}"), app.theme.dim())
            .render(Rect { x, y, width: plot.x + plot.width - x, height: 1 }, buf);
    }
}

/// The legend on the top line and the 0–4 scale on the left.
fn render_legend_and_scale(app: &Model, area: Rect, lapse: bool, row_of: impl Fn(f64) -> u16, buf: &mut Buffer) {
    let axis_width = AXIS_WIDTH;
    let theme = app.theme;
    // The short words when the full legend would be cut.
    let full = area.width >= 52;
    let legend = vec![
        Span::styled(if full { "● physical " } else { "● phys " }, theme.physical()),
        Span::styled(if full { "◆ psychological " } else { "◆ psych " }, theme.psychological()),
        Span::styled("░ usual ", theme.band()),
        Span::styled("▒ g/day ▼ step ", theme.doses()),
        Span::styled(if lapse { "L lapse" } else { "" }, theme.warning()),
    ];
    Line::from(legend).render(Rect { height: 1, ..area }, buf);
    for v in 0..=4u8 {
        let y = row_of(f64::from(v));
        Span::styled(format!("{v:>2} ┤"), theme.dim()).render(Rect { x: area.x, y, width: axis_width, height: 1 }, buf);
    }
}

fn render_panel(
    app: &Model,
    situation: &Situation,
    last_use: Stamp,
    course_days: &[CourseDay],
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme;
    let date = app.cursor;
    let hours = analysis::hours_since(last_use, date);
    let mut lines = Vec::new();
    let heading = match day_number(hours) {
        Some(n) => format!("Day {n} · {}", date.format("%a %-d %b")),
        None => format!("{} · before the last dose", date.format("%a %-d %b")),
    };
    lines.push(Line::styled(heading, theme.title()));
    lines.extend(day_lines(app, situation, date));
    if day_number(hours).is_some() {
        let band = |k: Kind| course().band(k, hours / 24.0, compare::scale(course_days, k));
        let (p, q) = (band(Kind::Physical), band(Kind::Psychological));
        lines.push(Line::styled(
            format!("Usual band: ● {:.1}–{:.1}  ◆ {:.1}–{:.1}", p.low, p.high, q.low, q.high),
            theme.dim(),
        ));
    }
    if let Kinds::Only(kind) = app.kinds {
        lines.push(Line::styled(format!("Showing {} only (p)", kind.word()), theme.dim()));
    }
    lines.push(Line::raw(""));
    if situation.state == State::Lapse {
        lines
            .push(Line::styled(format!("Since the stop: {}.", status::lapse_list(&situation.lapses)), theme.warning()));
    }
    let today = app.now.date_naive();
    for flag in crate::analysis::flags::flags(&app.journal, situation, today - Duration::days(6), today)
        .into_iter()
        .filter(|f| f.kind == crate::analysis::flags::FlagKind::Tolerance)
    {
        lines.push(Line::styled(flag.text, theme.warning()));
    }
    for sentence in status::comparison_sentences(course_days, status::Voice::Person) {
        lines.push(Line::raw(sentence));
    }
    lines.push(Line::styled("The band shows typical timing, not a norm.", theme.dim()));
    Paragraph::new(lines)
        .block(Block::new().borders(Borders::LEFT).border_style(theme.dim()))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
