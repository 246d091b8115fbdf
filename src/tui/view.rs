//! Drawing the app: a pure function of its state and "now". The frame is
//! the name and the screen tabs, an optional read-only banner, the screen,
//! the status line and the footer of key hints; overlays draw on top.

mod chart;
mod course;
mod course_taper;
mod doses;
mod history;
mod layout;
mod message;
mod overlay;
mod summary;
mod today;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keys;
use super::model::{Model, Screen};
use super::popup::Overlay;

pub use message::{MAX_STATUS_LINES, status_lines};
pub use overlay::{get_help_max_scroll, get_help_page};
pub use summary::summary_last_line;

pub use crate::tui::model::{MIN_HEIGHT, MIN_WIDTH};

impl Widget for &Model {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            // "When to get help" is reachable at every size: in whatever
            // space there is, instead of the notice.
            match &self.overlay {
                Some(Overlay::GetHelp(view)) => overlay::render_get_help(self, view, area, buf),
                _ => self.render_too_small(area, buf),
            }
            return;
        }
        let [tabs, banner_area, body, status, footer] = self.areas(area);
        self.render_tabs(tabs, buf);
        message::render_banner(self, banner_area, buf);
        match self.screen {
            Screen::Today => today::render(self, body, buf),
            Screen::Course => course::render(self, body, buf),
            Screen::History => history::render(self, body, buf),
            Screen::Doses => doses::render(self, body, buf),
            Screen::Summary => summary::render(self, body, buf),
        }
        message::render_status(self, status, buf);
        self.render_footer(footer, buf);
        match &self.overlay {
            // The most important panel gets the whole window.
            Some(Overlay::GetHelp(view)) => overlay::render_get_help(self, view, area, buf),
            Some(overlay) => overlay::render(self, overlay, body, buf),
            None => {}
        }
    }
}

impl Model {
    /// The frame's parts: tabs, read-only banner, the screen, status, footer.
    /// The banner and the status take the lines their words need (a status
    /// longer than three lines opens as a box, so this is rare), leaving the
    /// screen at least half the window.
    fn areas(&self, area: Rect) -> [Rect; 5] {
        let room = area.height / 4;
        let lines = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).min(room.max(1));
        let banner = if self.read_only.is_some() { lines(message::banner_lines(self, area.width).len()) } else { 0 };
        let status = lines(message::status_lines(self, area.width).len().max(1));
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner),
            Constraint::Min(1),
            Constraint::Length(status),
            Constraint::Length(1),
        ])
        .areas(area)
    }

    /// The screen's part of the window as it was last drawn.
    pub fn body(&self) -> Rect {
        let [_, _, body, _, _] = self.areas(Rect::new(0, 0, self.window.width, self.window.height));
        body
    }

    fn render_tabs(&self, area: Rect, buf: &mut Buffer) {
        let mut spans = vec![Span::styled(" easeoff ", self.theme.title()), Span::styled("│", self.theme.dim())];
        for screen in Screen::ALL {
            spans.push(Span::styled(format!(" {} ", screen.title()), self.theme.tab(screen == self.screen)));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(" Tab switches", self.theme.dim()));
        Line::from(spans).render(area, buf);
    }

    fn render_footer(&self, area: Rect, buf: &mut Buffer) {
        let mut spans = vec![Span::raw(" ")];
        for (label, does) in keys::footer(self.screen) {
            spans.push(Span::styled(label, self.theme.key()));
            spans.push(Span::raw(format!(" {does}  ")));
        }
        Line::from(spans).render(area, buf);
    }

    /// The notice below the smallest size. `! help` comes first, so that even
    /// a tiny window shows how to reach "When to get help".
    fn render_too_small(&self, area: Rect, buf: &mut Buffer) {
        let notice = format!(
            "easeoff needs a window of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. \
             Make the window larger (or the font smaller).",
            area.width, area.height
        );
        let keys = Line::from(vec![
            Span::styled("!", self.theme.key()),
            Span::raw(" help · "),
            Span::styled("q", self.theme.key()),
            Span::raw(" quit"),
        ]);
        Paragraph::new(vec![keys, Line::raw(notice)]).wrap(Wrap { trim: true }).render(area, buf);
    }
}
