//! Doses: daily totals as bars with the last dose marked, and the doses of
//! the chosen day, which can be added, changed and deleted.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{day_window, put};
use crate::analysis;
use crate::journal::format_number;
use crate::status::plural;
use crate::tui::app::App;

const COLUMN: u16 = 2;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [bars, list] = Layout::vertical([Constraint::Percentage(55), Constraint::Min(4)]).areas(area);
    render_bars(app, bars, buf);
    render_list(app, list, buf);
}

fn render_bars(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    if area.height < 4 || area.width < 12 {
        return;
    }
    let days = i64::from((area.width - 8) / COLUMN);
    let (first, last) = day_window(app.cursor, app.now.date_naive(), days);
    let totals = analysis::dose_days_in(&app.journal, first, last);
    let max = totals.range(first..=last).map(|(_, d)| d.grams).fold(0.0, f64::max);
    let last_dose = app.journal.last_use().map(|(at, _)| at.date_naive());
    let plot_height = area.height - 3;
    Line::styled(
        format!(
            " Daily totals, {} to {} · top of the scale {} g",
            first.format("%-d %b"),
            last.format("%-d %b %Y"),
            format_number(max)
        ),
        theme.title(),
    )
    .render(Rect { height: 1, ..area }, buf);
    let base_y = area.y + area.height - 2;
    for (i, date) in first.iter_days().take_while(|d| *d <= last).enumerate() {
        let x = area.x + 6 + u16::try_from(i).unwrap_or(0) * COLUMN;
        let grams = totals.get(&date).map_or(0.0, |d| d.grams);
        let height = if max > 0.0 { (grams / max * f64::from(plot_height)).round() as u16 } else { 0 };
        for step in 0..height.min(plot_height) {
            put(buf, x, base_y - 1 - step, "█", if date == app.cursor { theme.title() } else { theme.doses() });
        }
        let mark = if date == app.cursor {
            "▲"
        } else if Some(date) == last_dose {
            "L"
        } else {
            "·"
        };
        put(buf, x, base_y, mark, theme.dim());
    }
    Line::styled(" ▲ chosen day · L the day of your last dose", theme.dim())
        .render(Rect { y: area.y + area.height - 1, height: 1, ..area }, buf);
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let date: NaiveDate = app.cursor;
    let doses = app.doses_on(date);
    let total: f64 = doses.iter().map(|(_, d)| d.grams).sum();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {}", date.format("%A %-d %B %Y")), theme.title()),
        Span::raw(format!(" · {}, {} g", plural(doses.len(), "dose"), format_number(total))),
    ])];
    if doses.is_empty() {
        lines.push(Line::styled("   No doses this day. a adds one.", theme.dim()));
    }
    for (i, (_, dose)) in doses.iter().enumerate() {
        let form = dose.form.map(|f| format!(" {f:?}").to_lowercase()).unwrap_or_default();
        let text = format!("   {}  {:>6} g{form}", dose.at.format("%H:%M"), format_number(dose.grams));
        let style = if i == app.dose { theme.selected() } else { ratatui::style::Style::new() };
        lines.push(Line::styled(text, style));
    }
    let scroll = app.dose.saturating_sub(usize::from(area.height.saturating_sub(3)));
    Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0)).render(area, buf);
}
