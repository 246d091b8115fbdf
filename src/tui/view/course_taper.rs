//! Course while the person tapers or uses: there is no withdrawal course
//! yet, so no band and no day numbers. Dates run along the x axis; the daily
//! totals stand as bars in the lower part with the plan's targets as a line
//! on the same gram scale; the cuts the dose log shows are marked ▼ on the
//! axis; the symptom scores (0–4) sit above. The side panel speaks in taper
//! terms: taper day, step, target, the latest cut and the scores around it.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::layout::{day_window, put};
use crate::analysis::situation::{self, DoseRecord, Situation, State};
use crate::analysis::{self, taper};
use crate::journal::format_number;
use crate::status;
use crate::tui::model::Model;

/// How much of the chart's height the tallest dose bar may take.
const DOSE_SHARE: f64 = 0.4;

pub fn render(app: &Model, situation: &Situation, chart: Rect, panel: Rect, buf: &mut Buffer) {
    let today = app.now.date_naive();
    let since = situation.use_since();
    let taper_now = taper::taper_now(&app.journal, today, since);
    render_chart(app, situation, &taper_now, chart, buf);
    render_panel(app, situation, &taper_now, panel, buf);
}

fn render_chart(app: &Model, situation: &Situation, t: &taper::TaperNow, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let Some(plot) = super::chart::plot_of(area) else { return };
    let axis_width = super::chart::AXIS_WIDTH;
    // The axis starts where the data does: a short log is spread wider.
    let today = app.now.date_naive();
    let data_first = app.journal.span().map_or(today, |(first, _)| first.min(today));
    let data_days = u16::try_from((today - data_first).num_days() + 1).unwrap_or(u16::MAX).max(1);
    let per_day: u16 = (plot.width / data_days).clamp(1, 4);
    let (mut first, mut last) = day_window(app.cursor, today, i64::from((plot.width / per_day).max(1)));
    if first < data_first && app.cursor >= data_first {
        last -= first - data_first;
        first = data_first;
    }
    let rows = f64::from(plot.height.saturating_sub(1));
    let row_of = super::chart::rows_of(plot);
    Line::from(vec![
        Span::styled("● physical ", theme.physical()),
        Span::styled("◆ psychological ", theme.psychological()),
        Span::styled("▒ g/day ─ target ▼ cut", theme.doses()),
    ])
    .render(Rect { height: 1, ..area }, buf);
    for v in 0..=4u8 {
        Span::styled(format!("{v:>2} ┤"), theme.dim())
            .render(Rect { x: area.x, y: row_of(f64::from(v)), width: axis_width, height: 1 }, buf);
    }

    let logged = analysis::dose_days_in(&app.journal, first, last);
    let plan = app.journal.plan();
    let target = |d: NaiveDate| plan.and_then(|p| p.target_on(d));
    let max_grams = first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| logged.get(&d).map_or(0.0, |x| x.grams).max(target(d).unwrap_or(0.0)))
        .fold(0.0, f64::max);
    let bar_rows = rows * DOSE_SHARE;
    let height_of = |g: f64| if max_grams > 0.0 { (g / max_grams * bar_rows).round() as u16 } else { 0 };
    let cuts: Vec<NaiveDate> = t.cuts.iter().map(|c| c.date).collect();
    let axis_y = plot.y + plot.height;
    let mut label_end = 0;
    for (i, date) in first.iter_days().take_while(|d| *d <= last).enumerate() {
        let x = plot.x + u16::try_from(i).unwrap_or(0) * per_day;
        for dx in 0..per_day {
            put(buf, x + dx, axis_y, "─", theme.dim());
        }
        match situation::dose_record(&app.journal, situation, date, logged.get(&date).copied()) {
            DoseRecord::Logged(d) => {
                for step in 0..height_of(d.grams).min(plot.height) {
                    put(buf, x, axis_y - 1 - step, "▒", theme.doses());
                }
            }
            // A day without kratom sits on the axis as a 0; not logged stays a gap.
            DoseRecord::None => put(buf, x, axis_y - 1, "0", theme.dim()),
            DoseRecord::NotLogged => {}
        }
        if let Some(g) = target(date) {
            let y = axis_y - 1 - height_of(g).min(plot.height - 1);
            put(buf, x + per_day - 1, y, "─", theme.title());
        }
        if cuts.contains(&date) {
            put(buf, x, axis_y, "▼", theme.doses());
        }
        super::chart::put_scores(app, date, x, per_day, &row_of, buf);
        if date == app.cursor {
            put(buf, x, axis_y, "▲", theme.title());
        }
        // Dates under the axis, a week apart where they fit.
        let weekly = (date - first).num_days() % 7 == 0;
        if weekly && x >= label_end {
            let text = date.format("%-d %b").to_string();
            let width = u16::try_from(text.chars().count()).unwrap_or(6);
            if x + width <= plot.x + plot.width {
                Span::styled(text, theme.dim()).render(Rect { x, y: axis_y + 1, width, height: 1 }, buf);
                label_end = x + width + 2;
            }
        }
    }
    let caption = format!(" ▒ top {} g", format_number(max_grams));
    let x = label_end.max(plot.x);
    // Only whole: a cut caption would misstate the scale.
    let room = usize::from((plot.x + plot.width).saturating_sub(x));
    if max_grams > 0.0 && caption.chars().count() <= room {
        Span::styled(caption, theme.dim())
            .render(Rect { x, y: axis_y + 1, width: plot.x + plot.width - x, height: 1 }, buf);
    }
}

fn render_panel(app: &Model, situation: &Situation, t: &taper::TaperNow, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let date = app.cursor;
    let mut lines = vec![Line::styled(date.format("%a %-d %b").to_string(), theme.title())];
    lines.extend(super::chart::day_lines(app, situation, date));
    if let Some(g) = app.journal.plan().and_then(|p| p.target_on(date)) {
        lines.push(Line::styled(format!("Plan's target: {} g", format_number(g)), theme.dim()));
    }
    lines.push(Line::raw(""));
    let today = app.now.date_naive();
    let words = match situation.state {
        State::Tapering => status::taper_lines(t, today),
        _ => status::headline(&app.journal, situation, status::Where::App),
    };
    lines.extend(words.into_iter().map(Line::raw));
    for cut in t.cuts.iter().rev().take(2) {
        lines.push(Line::styled(format!("Around the cut of {}.", status::step_effect_line(cut)), theme.dim()));
    }
    let while_you = if situation.state == State::Tapering { "taper" } else { "use" };
    lines
        .push(Line::styled(format!("No withdrawal band while you {while_you}: it starts once you stop."), theme.dim()));
    Paragraph::new(lines)
        .block(Block::new().borders(Borders::LEFT).border_style(theme.dim()))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
