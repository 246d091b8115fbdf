//! Summary: a scrollable preview of what the person can hand over (for now
//! the status text), and `w` to write it to a file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    Paragraph::new(app.summary_text()).wrap(Wrap { trim: false }).scroll((app.summary_scroll, 0)).render(area, buf);
}
