//! A chart's legend, wrapped by whole entries: an entry (a mark and its
//! words) is never split or cut, so every word a person needs to read the
//! chart is there whole at 80 columns; a narrow chart takes more lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// One entry: its text (mark first) and style.
pub type Entry = (String, Style);

/// The entries laid out in lines no wider than `width`, two spaces apart.
pub fn lines(entries: &[Entry], width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (text, style) in entries.iter().filter(|(t, _)| !t.is_empty()) {
        let len = text.chars().count();
        if used > 0 && used + 2 + len > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if used > 0 {
            line.push(Span::raw("  "));
            used += 2;
        }
        line.push(Span::styled(text.clone(), *style));
        used += len;
    }
    lines.push(Line::from(line));
    lines
}

/// Draws the legend from the top of `area`; returns the rows it took.
pub fn render(entries: &[Entry], area: Rect, buf: &mut Buffer) -> u16 {
    let lines = lines(entries, area.width);
    let mut y = area.y;
    for line in lines {
        if y >= area.y + area.height {
            break;
        }
        line.render(Rect { y, height: 1, ..area }, buf);
        y += 1;
    }
    y - area.y
}

/// How many rows the legend takes at `width`.
pub fn height(entries: &[Entry], width: u16) -> u16 {
    u16::try_from(lines(entries, width).len()).unwrap_or(1)
}
