//! Every style the app uses, in one place. With `NO_COLOR` set there is no
//! colour at all, only bold, dim and reverse, and every screen still reads:
//! ratings are digits or words, marks are symbols. Colours that carry meaning
//! use brightness (a grey ramp), not hue alone, for colour-blind readers.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
    pub fn tab(self, active: bool) -> Style {
        if active { Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD) } else { Style::new() }
    }
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn banner(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    /// The filled part of a rating bar.
    pub fn bar(self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn physical(self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }
    pub fn psychological(self) -> Style {
        self.fg(Color::LightMagenta).add_modifier(Modifier::BOLD)
    }
    /// The expected band behind the scores.
    pub fn band(self) -> Style {
        self.fg(Color::DarkGray)
    }
    pub fn doses(self) -> Style {
        self.fg(Color::Yellow)
    }
    /// A heatmap cell: brighter for a higher rating (grey ramp).
    pub fn heat(self, rating: u8) -> Style {
        if !self.color {
            return Style::new();
        }
        let grey = [238u8, 242, 246, 250, 255];
        let bg = grey.get(usize::from(rating)).copied().unwrap_or(255);
        let fg = if rating >= 2 { Color::Black } else { Color::White };
        Style::new().bg(Color::Indexed(bg)).fg(fg)
    }
}
