//! A side panel that never cuts what it says: each item (a sentence or a
//! line) has an importance; the panel is wrapped here, word by word, and
//! when the items do not all fit the least important are left out whole
//! (the latest first among equals), the rest stay in their order, and the
//! last row says that more is left out. Nothing ends mid-sentence.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

/// How important an item is: `0` always shown (while it fits), larger
/// numbers left out first.
pub type Rank = u8;

/// What the last row says when items are left out.
pub const MORE: &str = "… more: taller window or Summary";

/// A panel's items in reading order, each with its rank.
#[derive(Default)]
pub struct Items(Vec<(Rank, Line<'static>)>);

impl Items {
    pub fn push(&mut self, rank: Rank, line: impl Into<Line<'static>>) {
        self.0.push((rank, line.into()));
    }

    pub fn extend(&mut self, rank: Rank, lines: impl IntoIterator<Item = Line<'static>>) {
        for line in lines {
            self.push(rank, line);
        }
    }
}

/// The rows the items take at `width` when as many as fit in `height` are
/// kept (see the module's words), with the `more` row when some are not.
pub fn fit(items: &Items, width: u16, height: u16, more: Style) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let height = usize::from(height);
    let wrapped: Vec<Vec<Line<'static>>> = items.0.iter().map(|(_, line)| wrap(line, width)).collect();
    let total = |keep: &[bool]| -> usize { wrapped.iter().zip(keep).filter(|(_, k)| **k).map(|(w, _)| w.len()).sum() };
    let mut keep = vec![true; wrapped.len()];
    if total(&keep) > height {
        // Leave out the least important, latest first, until the rest and
        // the `more` row fit.
        let mut order: Vec<usize> = (0..wrapped.len()).collect();
        order.sort_by_key(|i| (std::cmp::Reverse(items.0[*i].0), std::cmp::Reverse(*i)));
        let marker = wrap(&Line::from(MORE), width).len();
        for i in order {
            if total(&keep) + marker <= height {
                break;
            }
            keep[i] = false;
        }
        let mut rows: Vec<Line<'static>> =
            wrapped.into_iter().zip(&keep).filter(|(_, k)| **k).flat_map(|(w, _)| w).collect();
        // A blank row left last says nothing: the marker takes its place.
        while rows.last().is_some_and(|l| l.width() == 0) {
            rows.pop();
        }
        if rows.len() + marker <= height {
            rows.extend(wrap(&Line::styled(MORE, more), width));
        }
        return rows;
    }
    wrapped.into_iter().flatten().collect()
}

/// Draws the items in `area` right of a dim border, fitted.
pub fn render(items: &Items, border: Style, more: Style, area: Rect, buf: &mut Buffer) {
    let inner = area.width.saturating_sub(1);
    let rows = fit(items, inner, area.height, more);
    Paragraph::new(rows).block(Block::new().borders(Borders::LEFT).border_style(border)).render(area, buf);
}

/// One line wrapped at spaces into rows no wider than `width` (a word
/// longer than a row is split), each span keeping its style.
pub fn wrap(line: &Line<'static>, width: usize) -> Vec<Line<'static>> {
    // The words, each a run of styled characters; spaces separate them.
    let mut words: Vec<Vec<(char, Style)>> = vec![Vec::new()];
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            if c == ' ' {
                if words.last().is_some_and(|w| !w.is_empty()) {
                    words.push(Vec::new());
                }
            } else if let Some(word) = words.last_mut() {
                word.push((c, style));
            }
        }
    }
    words.retain(|w| !w.is_empty());
    let mut rows: Vec<Vec<(char, Style)>> = Vec::new();
    let mut row: Vec<(char, Style)> = Vec::new();
    for word in words {
        for piece in word.chunks(width.max(1)) {
            if !row.is_empty() && row.len() + 1 + piece.len() > width {
                rows.push(std::mem::take(&mut row));
            }
            if !row.is_empty() {
                let style = row.last().map_or_else(Style::new, |(_, s)| *s);
                row.push((' ', style));
            }
            row.extend_from_slice(piece);
        }
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows.into_iter().map(|r| to_line(&r)).collect()
}

/// Styled characters back into spans, one per run of a style.
fn to_line(chars: &[(char, Style)]) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = chars.first().map_or_else(Style::new, |(_, s)| *s);
    for (c, s) in chars {
        if *s != style {
            spans.push(Span::styled(std::mem::take(&mut text), style));
            style = *s;
        }
        text.push(*c);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::{Items, MORE, fit, wrap};
    use ratatui::style::Style;
    use ratatui::text::Line;

    fn text(rows: &[Line<'static>]) -> Vec<String> {
        rows.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn wrapping_keeps_every_word_and_no_row_is_too_wide() {
        let rows = wrap(&Line::from("Physical symptoms eased to mild (1) or below, with no item at 3"), 12);
        assert!(rows.iter().all(|r| r.width() <= 12));
        assert_eq!(text(&rows).join(" "), "Physical symptoms eased to mild (1) or below, with no item at 3");
    }

    #[test]
    fn the_least_important_go_whole_and_the_marker_says_so() {
        let mut items = Items::default();
        items.push(0, "Day 21");
        items.push(3, "A long sentence that wraps onto more than one row here.");
        items.push(1, "Kept.");
        items.push(2, "Also kept when there is room.");
        let rows = text(&fit(&items, 20, 4, Style::new()));
        assert_eq!(rows, ["Day 21", "Kept.", "… more: taller", "window or Summary"]);
        let all = text(&fit(&items, 20, 40, Style::new()));
        assert!(!all.iter().any(|r| r.starts_with('…')));
        assert!(MORE.chars().count() <= 33);
    }
}
