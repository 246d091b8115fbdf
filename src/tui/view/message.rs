//! The status line: what just happened, or a warning, wrapped whole into
//! up to three lines (a longer one opens as a box instead, see `update`),
//! and the read-only banner, wrapped the same way. Nothing here is cut.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::model::Model;

/// The most lines the status area takes; a longer message opens as a box.
pub const MAX_STATUS_LINES: usize = 3;

/// The status message with its mark, and whether it is a warning. Changes
/// waiting for their save (it runs right after this frame) are not news;
/// changes whose save failed are.
fn status(model: &Model) -> Option<(String, bool)> {
    let failed = model.save_failed.is_some() && model.unsaved > 0;
    match (&model.status, failed) {
        (Some(s), _) if s.warning => Some((format!("⚠ {}", s.text), true)),
        (_, true) => Some(("⚠ There is a change that is not saved yet.".to_owned(), true)),
        (Some(s), _) => Some((format!("✓ {}", s.text), false)),
        (None, false) => None,
    }
}

/// `text` wrapped to `width` with a one-space margin, later lines indented
/// under the first word.
pub fn wrap(text: &str, width: u16, indent: &str) -> Vec<String> {
    let width = usize::from(width).max(4);
    // Lines break at spaces only (a path or a date stays whole), and inside
    // a word only when the word is longer than a line.
    let options = textwrap::Options::new(width)
        .initial_indent(" ")
        .subsequent_indent(indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options).into_iter().map(std::borrow::Cow::into_owned).collect()
}

/// `text` wrapped to `width` with no margin, breaking at spaces only (and
/// inside a word only when it is longer than a line).
pub fn wrap_plain(text: &str, width: u16) -> Vec<String> {
    let options = textwrap::Options::new(usize::from(width).max(1))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options).into_iter().map(std::borrow::Cow::into_owned).collect()
}

/// The status message as drawn at `width`: empty when there is none.
pub fn status_lines(model: &Model, width: u16) -> Vec<String> {
    status(model).map(|(text, _)| wrap(&text, width, "   ")).unwrap_or_default()
}

/// The read-only banner as drawn at `width`.
pub fn banner_lines(model: &Model, width: u16) -> Vec<String> {
    model.read_only.as_deref().map(|text| wrap(text, width, " ")).unwrap_or_default()
}

pub fn render_status(model: &Model, area: Rect, buf: &mut Buffer) {
    let Some((_, warning)) = status(model) else { return };
    let style = if warning { model.theme.warning() } else { model.theme.ok() };
    let lines: Vec<Line> = status_lines(model, area.width).into_iter().map(Line::from).collect();
    Paragraph::new(lines).style(style).render(area, buf);
}

pub fn render_banner(model: &Model, area: Rect, buf: &mut Buffer) {
    let lines: Vec<Line> = banner_lines(model, area.width).into_iter().map(Line::from).collect();
    Paragraph::new(lines).style(model.theme.banner()).render(area, buf);
}
