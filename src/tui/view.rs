//! Drawing the app: a pure function of its state and "now". The frame is
//! the name and the screen tabs, an optional read-only banner, the screen,
//! the status line and the footer of key hints; overlays draw on top.

mod chart;
mod course;
mod course_taper;
mod doses;
mod frame;
mod history;
mod layout;
mod message;
mod overlay;
mod questions;
mod summary;
mod today;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Widget};

use super::model::{Fit, Model, Screen};
use super::popup::Overlay;

pub use message::{MAX_STATUS_LINES, status_lines};
pub use overlay::{get_help_scroll, keys_help_scroll};
pub use summary::summary_last_line;

impl Widget for &Model {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let fit = Fit::of(area.width, area.height);
        if fit == Fit::Tiny {
            // "When to get help" is reachable at every size: in whatever
            // space there is, instead of the notice.
            match &self.overlay {
                Some(Overlay::GetHelp(view)) => overlay::render_get_help(self, view, area, buf),
                _ => frame::render_tiny(self, area, buf),
            }
            return;
        }
        let [tabs, banner_area, body, status, footer] = self.areas(area);
        frame::render_tabs(self, tabs, buf);
        message::render_banner(self, banner_area, buf);
        match self.screen {
            // Screens without a compact layout say what they need.
            _ if fit == Fit::Compact && !self.screen.works_compact() => frame::render_needs_room(self, body, buf),
            Screen::Today => today::render(self, body, buf),
            Screen::Course => course::render(self, body, buf),
            Screen::History => history::render(self, body, buf),
            Screen::Doses => doses::render(self, body, buf),
            Screen::Summary => summary::render(self, body, buf),
        }
        message::render_status(self, status, buf);
        Paragraph::new(frame::footer_lines(self, footer.width)).render(footer, buf);
        match &self.overlay {
            // The most important panel gets the whole window.
            Some(Overlay::GetHelp(view)) => overlay::render_get_help(self, view, area, buf),
            // A long message may need more than the screen's part.
            Some(overlay @ Overlay::Message(_)) => overlay::render(self, overlay, area, buf),
            Some(overlay) => overlay::render(self, overlay, body, buf),
            None => {}
        }
    }
}

impl Model {
    /// The frame's parts: tabs, read-only banner, the screen, status, footer.
    /// The banner, the status and the footer take the lines their words
    /// need (a status longer than three lines opens as a box, so this is
    /// rare), leaving the screen at least half the window.
    fn areas(&self, area: Rect) -> [Rect; 5] {
        let room = (area.height / 4).max(1);
        let lines = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).clamp(1, room);
        let banner = if self.read_only.is_some() { lines(message::banner_lines(self, area.width).len()) } else { 0 };
        let status = lines(message::status_lines(self, area.width).len());
        let footer = lines(frame::footer_lines(self, area.width).len());
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner),
            Constraint::Min(1),
            Constraint::Length(status),
            Constraint::Length(footer),
        ])
        .areas(area)
    }

    /// The screen's part of the window as it was last drawn.
    pub fn body(&self) -> Rect {
        let [_, _, body, _, _] = self.areas(Rect::new(0, 0, self.window.width, self.window.height));
        body
    }
}
