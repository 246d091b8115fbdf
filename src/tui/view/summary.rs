//! Summary: a scrollable preview of the visit summary (the text version),
//! with keys to write it as text, Markdown or HTML and to print it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::model::Model;

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let text = crate::report::text::render(&app.summary());
    Paragraph::new(text).wrap(Wrap { trim: false }).scroll((app.summary_scroll, 0)).render(area, buf);
}
