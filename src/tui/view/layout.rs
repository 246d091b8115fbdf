//! Small drawing helpers every screen uses: one cell, the days a screen
//! shows, a centred box.

use chrono::{Duration, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

/// Sets one cell, if it is inside the buffer.
pub fn put(buf: &mut Buffer, x: u16, y: u16, symbol: &str, style: Style) {
    if let Some(cell) = buf.cell_mut(Position { x, y }) {
        cell.set_symbol(symbol).set_style(style);
    }
}

/// The days a screen shows: `days` of them, ending today, moved back to keep
/// the cursor in view.
pub fn day_window(cursor: NaiveDate, today: NaiveDate, days: i64) -> (NaiveDate, NaiveDate) {
    let days = days.max(1);
    let mut first = today - Duration::days(days - 1);
    if cursor < first {
        first = cursor;
    }
    (first, first + Duration::days(days - 1))
}

/// A centred rectangle of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
