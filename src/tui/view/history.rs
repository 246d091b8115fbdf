//! History: a heatmap with symptoms as rows and days as columns, newest at
//! the right, as many days as fit. Cells show the digit and are shaded by
//! brightness; `·` is not rated and `-` a day with no entry, so it reads
//! without colour and without telling red from green.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layout::day_window;
use crate::analysis;
use crate::journal::Kind;
use crate::tui::model::Model;

const LABEL_WIDTH: usize = 24;
const CELL: usize = 3;

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let today = app.now.date_naive();
    let days = (usize::from(area.width).saturating_sub(LABEL_WIDTH + 1) / CELL) as i64;
    let (first, last) = day_window(app.cursor, today, days);
    let dates: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();

    let mut months = Line::raw(" ".repeat(LABEL_WIDTH));
    let mut numbers = Line::raw(format!("{:<LABEL_WIDTH$}", " day of month"));
    let mut last_month = 0;
    for date in &dates {
        let month = if date.month() == last_month { "   ".to_owned() } else { format!("{:<3}", date.format("%b")) };
        last_month = date.month();
        months.push_span(Span::styled(month, theme.dim()));
        let style = if *date == app.cursor { theme.selected() } else { theme.dim() };
        numbers.push_span(Span::styled(format!("{:>2} ", date.day()), style));
    }
    let mut lines = vec![months, numbers];

    let catalog = app.journal.catalog();
    for kind in Kind::BOTH {
        for entry in catalog.active(kind) {
            let label = fit(entry.label, LABEL_WIDTH - 2);
            let mut line = Line::raw(format!(" {label:<width$} ", width = LABEL_WIDTH - 2));
            for date in &dates {
                let (text, style) = match app.journal.day(*date) {
                    None => (" - ".to_owned(), theme.dim()),
                    Some(day) => match day.ratings.get(entry.id) {
                        None => (" · ".to_owned(), theme.dim()),
                        Some(r) => (format!(" {} ", r.value), theme.heat(r.value)),
                    },
                };
                line.push_span(Span::styled(text, cursor_style(style, *date == app.cursor)));
            }
            lines.push(line);
        }
        let mut score = Line::styled(
            format!(" {:<width$} ", format!("{} score", kind.word()), width = LABEL_WIDTH - 2),
            theme.title(),
        );
        for date in &dates {
            let (text, style) = match analysis::scores_on(&app.journal, *date).and_then(|s| s.of(kind)) {
                None => (" - ".to_owned(), theme.dim()),
                // Rounded to fit the cell (the exact score is on the line
                // below); a score above 0 never shows as 0.
                Some(s) => (format!("{:>2} ", score_cell(s.mean)), theme.heat(s.mean.round() as u8)),
            };
            score.push_span(Span::styled(text, cursor_style(style, *date == app.cursor)));
        }
        lines.push(score);
        lines.push(Line::raw(""));
    }
    let day = app.situation().anchor().and_then(|at| crate::course::day_number(analysis::hours_since(at, app.cursor)));
    let day = day.map_or_else(String::new, |n| format!(" · day {n}"));
    let scores = crate::status::scores_words(&app.journal, app.cursor)
        .map_or_else(|| " · no entry".to_owned(), |words| format!(" · {words}"));
    // The chosen day's words and the legend wrap rather than being cut; if
    // the table and they do not fit, the blank lines between groups go first.
    let title = format!("{}{day}", app.cursor.format("%a %-d %b %Y"));
    let mut bottom: Vec<Line> = super::message::wrap(&format!("{title}{scores}"), area.width, " ")
        .into_iter()
        .enumerate()
        .map(|(i, l)| if i == 0 { Line::styled(l, theme.title()) } else { Line::raw(l) })
        .collect();
    let legend = "0–4 rating (brighter is higher) · · not rated · - no entry · <1 a score under 0.5 · scores rounded · Enter opens the day";
    bottom.extend(super::message::wrap(legend, area.width, " ").into_iter().map(|l| Line::styled(l, theme.dim())));
    if lines.len() + bottom.len() > usize::from(area.height) {
        lines.retain(|l| l.width() > 0);
    }
    lines.extend(bottom);
    Paragraph::new(lines).render(area, buf);
}

/// A score rounded half up to fit a cell, with `<1` for a score above 0
/// that would round to 0.
fn score_cell(mean: f64) -> String {
    if mean > 0.0 && mean < 0.5 { "<1".to_owned() } else { format!("{}", mean.round()) }
}

/// A label cut to `width` characters, with an ellipsis when cut.
fn fit(label: &str, width: usize) -> String {
    if label.chars().count() <= width {
        label.to_owned()
    } else {
        let mut cut: String = label.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

fn cursor_style(style: Style, chosen: bool) -> Style {
    if chosen {
        style.add_modifier(ratatui::style::Modifier::BOLD | ratatui::style::Modifier::UNDERLINED)
    } else {
        style
    }
}
