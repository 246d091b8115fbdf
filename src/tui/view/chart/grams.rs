//! The gram scale dose bars and plan targets are drawn on: one mapping from
//! grams to rows for both, so a bar and a target of the same amount end on
//! the same row and a larger amount never ends lower. Labelled, so a doctor
//! reading the chart can tell what a bar's height means.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::journal::format_number;
use crate::tui::view::layout::put;

/// Grams to rows: `rows` cells above the axis row `base` hold `top` grams.
#[derive(Debug, Clone, Copy)]
pub struct GramScale {
    pub top: f64,
    rows: u16,
    base: u16,
}

impl GramScale {
    /// A scale whose top is a round number at or above `max`, so the labels
    /// read cleanly (6.2 g on the chart gives a scale to 7 g).
    pub fn new(max: f64, rows: u16, base: u16) -> Self {
        let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
        let step = [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0].into_iter().find(|s| max / s <= 10.0).unwrap_or(100.0);
        Self { top: ((max / step).ceil() * step).max(step), rows: rows.max(1), base }
    }

    /// How many cells a bar of `grams` fills. Rounding is monotone, so a
    /// larger amount is never drawn shorter than a smaller one.
    pub fn height(&self, grams: f64) -> u16 {
        let h = (grams.max(0.0) / self.top * f64::from(self.rows)).round();
        // In range by the clamp: at most `rows`, a u16.
        h.clamp(0.0, f64::from(self.rows)) as u16
    }

    /// The row of the top cell of a bar of `grams` (the axis row for 0).
    pub fn row(&self, grams: f64) -> u16 {
        self.base.saturating_sub(self.height(grams))
    }

    /// The amounts labelled on the axis: 0, half and the top, where their
    /// rows differ.
    pub fn ticks(&self) -> Vec<f64> {
        let mut ticks = vec![0.0, self.top];
        if self.rows >= 4 {
            ticks.insert(1, self.top / 2.0);
        }
        ticks
    }

    /// The widest label's width, for the room an axis needs.
    pub fn label_width(&self) -> u16 {
        let widest = self.ticks().iter().map(|g| label(*g).chars().count()).max().unwrap_or(3);
        u16::try_from(widest).unwrap_or(6)
    }

    /// The scale on the right of a plot: `├7 g` at each tick's row, the
    /// axis line running on into `0 g`.
    /// Nothing is drawn at or right of `end`.
    pub fn render_right(&self, x: u16, end: u16, style: Style, buf: &mut Buffer) {
        for g in self.ticks() {
            let tick = if g == 0.0 { "─" } else { "├" };
            let text = format!("{tick}{}", label(g));
            for (i, c) in text.chars().enumerate() {
                let cx = x.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
                if cx < end {
                    put(buf, cx, self.row(g), &c.to_string(), style);
                }
            }
        }
    }

    /// The scale on the left of a plot, right-aligned in `width` cells and
    /// ending in `┤` at `x + width - 1`.
    pub fn render_left(&self, x: u16, width: u16, style: Style, buf: &mut Buffer) {
        for g in self.ticks() {
            let text = format!("{:>w$}┤", label(g), w = usize::from(width.saturating_sub(1)));
            for (i, c) in text.chars().enumerate() {
                let dx = u16::try_from(i).unwrap_or(u16::MAX);
                put(buf, x.saturating_add(dx), self.row(g), &c.to_string(), style);
            }
        }
    }
}

/// A tick's label: `7 g`, `3.5 g`.
fn label(grams: f64) -> String {
    format!("{} g", format_number(grams))
}

#[cfg(test)]
mod tests {
    use super::GramScale;

    #[test]
    fn the_top_is_round_and_heights_never_reverse_an_order() {
        let s = GramScale::new(6.2, 7, 20);
        assert!((s.top - 7.0).abs() < 1e-9);
        assert!(s.height(7.5) >= s.height(7.25));
        assert_eq!(s.row(0.0), 20);
        assert_eq!(s.row(s.top), 13);
        let mut last = 0;
        for i in 0..=400 {
            let h = s.height(f64::from(i) * 0.025);
            assert!(h >= last);
            last = h;
        }
    }
}
