//! The frame around a screen: the tabs, the footer of key hints (wrapped
//! onto more lines in a narrow window), what a screen that needs more room
//! says instead, and the notice for a window too small for anything — which
//! always fits and always offers `!` and `q`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::keys;
use crate::tui::model::{COMPACT_HEIGHT, COMPACT_WIDTH, MIN_HEIGHT, MIN_WIDTH, Model, Screen};

/// The tabs, or in a narrow window the current screen and how to move on.
pub fn render_tabs(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme;
    let mut spans = vec![Span::styled(" easeoff ", theme.title()), Span::styled("│", theme.dim())];
    let all: usize = Screen::ALL.iter().map(|s| s.title().chars().count() + 3).sum::<usize>() + 23;
    if usize::from(area.width) >= all {
        for screen in Screen::ALL {
            spans.push(Span::styled(format!(" {} ", screen.title()), theme.tab(screen == model.screen)));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(" Tab switches", theme.dim()));
    } else {
        spans.push(Span::styled(format!(" {} ", model.screen.title()), theme.tab(true)));
        spans.push(Span::styled(" Tab: next", theme.dim()));
    }
    Line::from(spans).render(area, buf);
}

/// The screen's key hints, as many to a line as fit in `width`.
pub fn footer_lines(model: &Model, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme;
    let width = usize::from(width);
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Vec<Span> = vec![Span::raw(" ")];
    let mut used = 1;
    // A screen showing only a notice takes only the keys that work everywhere.
    let hints = if model.only_notice() { keys::footer_global() } else { keys::footer(model.screen) };
    for (label, does) in hints {
        let size = label.chars().count() + does.chars().count() + 3;
        if used + size > width && used > 1 {
            lines.push(Line::from(std::mem::replace(&mut line, vec![Span::raw(" ")])));
            used = 1;
        }
        line.push(Span::styled(label, theme.key()));
        line.push(Span::raw(format!(" {does}  ")));
        used += size;
    }
    lines.push(Line::from(line));
    lines
}

/// A screen that needs the full window, in a compact one: what it needs,
/// and that Today works here.
pub fn render_needs_room(model: &Model, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "{} needs a window of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. Tab goes on to the next \
         screen; Today and Summary work at this size.",
        model.screen.title(),
        model.window.width,
        model.window.height
    );
    let lines: Vec<Line> = super::message::wrap(&text, area.width, " ").into_iter().map(Line::from).collect();
    Paragraph::new(lines).render(area, buf);
}

/// Below the compact size: the keys first (so even a tiny window shows how
/// to reach "When to get help"), then the longest explanation that fits.
pub fn render_tiny(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme;
    let keys = if area.width >= 15 {
        Line::from(vec![
            Span::styled("!", theme.key()),
            Span::raw(" help · "),
            Span::styled("q", theme.key()),
            Span::raw(" quit"),
        ])
    } else {
        Line::from(vec![Span::styled("!", theme.key()), Span::raw(" "), Span::styled("q", theme.key())])
    };
    let rows = usize::from(area.height.saturating_sub(1));
    let width = area.width;
    let (w, h) = (area.width, area.height);
    let notices = [
        format!(
            "The window is {w}×{h}: easeoff needs at least {COMPACT_WIDTH}×{COMPACT_HEIGHT} (Today) or \
             {MIN_WIDTH}×{MIN_HEIGHT} (every screen). Make it larger or the font smaller."
        ),
        format!("Too small: easeoff needs {COMPACT_WIDTH}×{COMPACT_HEIGHT}."),
        "Too small.".to_owned(),
        "Small".to_owned(),
    ];
    let mut lines = vec![keys];
    // Wrapped with no margin; the first explanation whose lines all fit.
    if let Some(fits) = notices.iter().map(|n| super::message::wrap_plain(n, width)).find(|l| l.len() <= rows) {
        lines.extend(fits.into_iter().map(Line::from));
    }
    Paragraph::new(lines).render(area, buf);
}
