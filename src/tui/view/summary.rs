//! Summary: a scrollable preview of the visit summary (the text version),
//! with keys to write it as text, Markdown or HTML and to print it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::model::Model;

/// The summary's text wrapped to `width`, a line each, so that scrolling
/// knows exactly where the end is.
pub fn summary_lines(app: &Model, width: u16) -> Vec<String> {
    let text = crate::report::text::render(&app.summary());
    let width = usize::from(width.max(1));
    text.lines()
        .flat_map(|line| {
            if line.is_empty() {
                vec![String::new()]
            } else if line.chars().all(|c| c == '=' || c == '-') {
                // A rule is drawn to the width, not wrapped onto a second line.
                vec![line.chars().take(width).collect()]
            } else {
                textwrap::wrap(line, width).into_iter().map(std::borrow::Cow::into_owned).collect()
            }
        })
        .collect()
}

/// The furthest the preview scrolls: its last line at the bottom of the window.
pub fn summary_last_line(app: &Model) -> u16 {
    let body = app.body();
    let count = u16::try_from(summary_lines(app, body.width).len()).unwrap_or(u16::MAX);
    count.saturating_sub(body.height)
}

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let lines = summary_lines(app, area.width);
    let last = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_sub(area.height);
    let text: Vec<ratatui::text::Line> = lines.into_iter().map(ratatui::text::Line::from).collect();
    Paragraph::new(text).scroll((app.summary_scroll.min(last), 0)).render(area, buf);
}
