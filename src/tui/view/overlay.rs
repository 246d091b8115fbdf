//! Overlays drawn over the screen: help (built from the key tables), "When to
//! get help", prompts, the note editor, the day's aids, yes/no questions and
//! the welcome (the history and the self-check are in `questions.rs`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::layout::centered;
use super::message::wrap_plain;
use crate::analysis::aids::aid_days;
use crate::tui::keys;
use crate::tui::model::Model;
use crate::tui::popup::{
    AidList, Attention, FirstRun, GetHelp, Message, NoteEditor, NoteMode, Overlay, Prompt, Purpose, Step,
    aid_suggestions,
};

pub fn render(app: &Model, overlay: &Overlay, area: Rect, buf: &mut Buffer) {
    match overlay {
        Overlay::Help(scroll) => render_help(app, *scroll, area, buf),
        Overlay::GetHelp(view) => render_get_help(app, view, area, buf),
        Overlay::Prompt(prompt) => render_prompt(app, prompt, area, buf),
        Overlay::Note(editor) => render_note(app, editor, area, buf),
        Overlay::Aids(list) => render_aids(app, list, area, buf),
        Overlay::Confirm(confirm) => {
            let rect = centered(area, 72, 7);
            box_(app, rect, buf, " Please confirm ");
            Paragraph::new(vec![Line::raw(confirm.question.clone()), Line::raw(""), hint(app, "y yes · n or Esc no")])
                .wrap(Wrap { trim: true })
                .render(inner(rect), buf);
        }
        Overlay::FirstRun(first) => render_first_run(app, first, area, buf),
        Overlay::About(form) => super::questions::render_about(app, form, area, buf),
        Overlay::SelfCheck(check) => super::questions::render_self_check(app, check, area, buf),
        Overlay::Attention(attention) => render_attention(app, attention, area, buf),
        Overlay::Message(message) => render_message(app, message, area, buf),
    }
}

/// A message too long for the status line, whole, in a box.
fn render_message(app: &Model, message: &Message, area: Rect, buf: &mut Buffer) {
    if let Some(under) = &message.under {
        render(app, under, area, buf);
    }
    let width = area.width.min(76);
    let text_width = usize::from(width.saturating_sub(4)).max(10);
    let style = if message.warning { app.theme.warning() } else { Style::default() };
    let wrapped = super::message::wrap(&message.text, u16::try_from(text_width).unwrap_or(u16::MAX), " ");
    let mut lines: Vec<Line> = wrapped.into_iter().map(|t| Line::styled(t, style)).collect();
    lines.push(Line::raw(""));
    lines.push(hint(app, "Enter closes"));
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let rect = centered(area, width, height);
    box_(app, rect, buf, " Message ");
    Paragraph::new(lines).render(inner(rect), buf);
}

/// New facts for attention, in a box that stays until dismissed.
fn render_attention(app: &Model, attention: &Attention, area: Rect, buf: &mut Buffer) {
    if let Some(under) = &attention.under {
        render(app, under, area, buf);
    }
    let width = area.width.min(76);
    let text_width = usize::from(width.saturating_sub(4)).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for fact in &attention.facts {
        lines.extend(rewrap(fact, text_width).into_iter().map(|t| Line::styled(t, app.theme.warning())));
        lines.push(Line::raw(""));
    }
    lines.push(hint(app, "Enter closes · ! when to get help"));
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let rect = centered(area, width, height);
    box_(app, rect, buf, " For attention ");
    Paragraph::new(lines).render(inner(rect), buf);
}

/// "When to get help" placed in `area`: a box up to 80 columns wide where
/// there is room, else plain text from the corner with its title as the first
/// line; the text wrapped again only where it is wider than the space.
struct GetHelpLayout {
    rect: Rect,
    text: Rect,
    boxed: bool,
    lines: Vec<Line<'static>>,
}

impl GetHelpLayout {
    fn new(app: &Model, area: Rect) -> Self {
        let boxed = area.width >= 40 && area.height >= 10;
        let width = if boxed { area.width.min(80) } else { area.width };
        let text_width = usize::from(if boxed { width.saturating_sub(4) } else { width });
        let mut lines: Vec<Line<'static>> = Vec::new();
        if !boxed {
            // Short, so that even a tiny window keeps room for the words.
            let title = "When to get help ↑↓";
            lines.extend(rewrap(title, text_width).into_iter().map(|t| Line::styled(t, app.theme.title())));
        }
        for line in crate::get_help::lines(app.journal.settings()) {
            let style = if line.strong { app.theme.title() } else { Style::default() };
            lines.extend(rewrap(&line.text, text_width).into_iter().map(|t| Line::styled(t, style)));
        }
        let count = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let rect = if boxed { centered(area, width, count.saturating_add(2)) } else { area };
        let text = if boxed { inner(rect) } else { rect };
        Self { rect, text, boxed, lines }
    }

    fn max_scroll(&self) -> u16 {
        u16::try_from(self.lines.len()).unwrap_or(u16::MAX).saturating_sub(self.text.height)
    }
}

/// A help line that fits is kept exactly as `easeoff get-help` prints it; a
/// longer one is wrapped with the same hanging indent.
fn rewrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    if text.chars().count() <= width {
        return vec![text.to_owned()];
    }
    let (first, rest, body) = if let Some(body) = text.strip_prefix("  • ") {
        ("  • ", "    ", body)
    } else if let Some(body) = text.strip_prefix("    ") {
        ("    ", "    ", body)
    } else {
        ("", "", text)
    };
    // Indents are dropped where they would not leave room for a word.
    let (first, rest) = if width < 16 { ("", "") } else { (first, rest) };
    // Never at a hyphen: a phone number must stay on one line to be dialled.
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(body, options).into_iter().map(std::borrow::Cow::into_owned).collect()
}

fn window(app: &Model) -> Rect {
    Rect { x: 0, y: 0, width: app.window.width, height: app.window.height }
}

/// How "When to get help" scrolls in the window as it was last drawn: the
/// lines Page Up and Page Down move, and the furthest line.
pub fn get_help_scroll(app: &Model) -> (u16, u16) {
    let layout = GetHelpLayout::new(app, window(app));
    (layout.text.height.saturating_sub(1).max(1), layout.max_scroll())
}

/// "When to get help", in whatever space there is (the whole window).
pub fn render_get_help(app: &Model, view: &GetHelp, area: Rect, buf: &mut Buffer) {
    let layout = GetHelpLayout::new(app, area);
    let last = layout.max_scroll();
    let boxed = layout.boxed.then_some(" When to get help ");
    render_scrolling(app, boxed, layout.rect, layout.text, layout.lines, view.scroll.min(last), last, buf);
}

/// Lines that scroll, in a box titled `title` (or bare, without one) whose
/// bottom edge says which way there is more and that other keys close it.
#[allow(clippy::too_many_arguments)] // the parts of one drawing, laid out by its caller
fn render_scrolling(
    app: &Model,
    title: Option<&str>,
    rect: Rect,
    text: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    last: u16,
    buf: &mut Buffer,
) {
    Clear.render(rect, buf);
    if let Some(title) = title {
        let keys = match (scroll > 0, scroll < last) {
            (_, true) => " ↓ more · other keys close ",
            (true, false) => " ↑ back up · other keys close ",
            (false, false) => " any key closes ",
        };
        Block::bordered()
            .title(Span::styled(title.to_owned(), app.theme.title()))
            .title_bottom(Span::styled(keys, app.theme.key()))
            .render(rect, buf);
    }
    Paragraph::new(lines).scroll((scroll, 0)).render(text, buf);
}

pub(super) fn box_(app: &Model, rect: Rect, buf: &mut Buffer, title: &str) {
    Clear.render(rect, buf);
    Block::bordered().title(Span::styled(title.to_owned(), app.theme.title())).render(rect, buf);
}

pub(super) fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(2),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(4),
        height: rect.height.saturating_sub(2),
    }
}

pub(super) fn hint(app: &Model, text: &str) -> Line<'static> {
    Line::styled(text.to_owned(), app.theme.dim())
}

/// The keys of the screen and of everywhere, in a box of at most 76
/// columns, wrapped to it; scrolled when taller than the space.
struct HelpLayout {
    rect: Rect,
    text: Rect,
    lines: Vec<Line<'static>>,
}

impl HelpLayout {
    fn new(app: &Model, area: Rect) -> Self {
        let width = area.width.min(76);
        let text_width = width.saturating_sub(4);
        let mut lines = vec![Line::styled(format!("On {}:", app.screen.title()), app.theme.title())];
        let row = |label: &str, does: &str| -> Vec<Line<'static>> {
            // The description wraps under itself, beside its key.
            let label_width: u16 = if text_width >= 40 { 14 } else { 10 };
            let parts = wrap_plain(does, text_width.saturating_sub(label_width).max(8));
            parts
                .into_iter()
                .enumerate()
                .map(|(i, part)| {
                    let key = if i == 0 { format!("  {label}") } else { String::new() };
                    let pad = usize::from(label_width);
                    Line::from(vec![Span::styled(format!("{key:<pad$}"), app.theme.key()), Span::raw(part)])
                })
                .collect()
        };
        for (label, does) in keys::help_rows(keys::table(app.screen)) {
            lines.extend(row(label, does));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled("Everywhere:", app.theme.title()));
        for (label, does) in keys::help_rows(keys::GLOBAL) {
            lines.extend(row(label, does));
        }
        lines.extend(row("Ctrl-C", "quit"));
        lines.push(Line::raw(""));
        for text in [
            "Ratings: 0 none · 1 mild · 2 moderate · 3 severe · 4 extreme. Every change is saved at once.",
            "easeoff records what you report; it is not medical advice.",
        ] {
            lines.extend(wrap_plain(text, text_width).into_iter().map(|l| hint(app, &l)));
        }
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
        let rect = centered(area, width, height);
        Self { rect, text: inner(rect), lines }
    }

    fn max_scroll(&self) -> u16 {
        u16::try_from(self.lines.len()).unwrap_or(u16::MAX).saturating_sub(self.text.height)
    }
}

/// How far the keys' help pops up scrolls in the window as last drawn: the
/// lines a page moves, and the furthest line.
pub fn keys_help_scroll(app: &Model) -> (u16, u16) {
    let layout = HelpLayout::new(app, app.body());
    (layout.text.height.saturating_sub(1).max(1), layout.max_scroll())
}

fn render_help(app: &Model, scroll: u16, area: Rect, buf: &mut Buffer) {
    let layout = HelpLayout::new(app, area);
    let last = layout.max_scroll();
    render_scrolling(app, Some(" Help "), layout.rect, layout.text, layout.lines, scroll.min(last), last, buf);
}

fn render_prompt(app: &Model, prompt: &Prompt, area: Rect, buf: &mut Buffer) {
    let width = area.width.min(72);
    let (hint_lines, extra_lines) = prompt_lines(app, prompt, width.saturating_sub(4));
    // Borders, the hint, the input, the extra line(s), the keys and a gap.
    let height = 2 + hint_lines.len().max(2) + 1 + extra_lines.len().max(2) + 1 + 1;
    let rect = centered(area, width, u16::try_from(height).unwrap_or(u16::MAX));
    box_(app, rect, buf, &format!(" {} ", prompt.purpose.title()));
    render_prompt_body(app, prompt, inner(rect), buf);
}

/// The prompt's hint and its extra line (the error, or aid names used
/// before), wrapped whole to `width`.
fn prompt_lines(app: &Model, prompt: &Prompt, width: u16) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let dim = |text: &str| -> Vec<Line<'static>> {
        wrap_plain(text, width).into_iter().map(|l| Line::styled(l, app.theme.dim())).collect()
    };
    let hint_lines = dim(prompt.purpose.hint());
    let extra = match (&prompt.error, prompt.purpose) {
        (Some(error), _) => {
            wrap_plain(error, width).into_iter().map(|l| Line::styled(l, app.theme.warning())).collect()
        }
        (None, Purpose::Aid(_)) => {
            let names = aid_suggestions(&app.journal, &prompt.text());
            if names.is_empty() { Vec::new() } else { dim(&format!("Used before: {}", names.join(", "))) }
        }
        (None, _) => Vec::new(),
    };
    (hint_lines, extra)
}

fn render_prompt_body(app: &Model, prompt: &Prompt, area: Rect, buf: &mut Buffer) {
    render_prompt_with_keys(app, prompt, "Enter save · Esc cancel", area, buf);
}

/// A prompt's hint, input, error and keys, the keys as the pop-up holding
/// it uses them.
pub(super) fn render_prompt_with_keys(app: &Model, prompt: &Prompt, keys: &str, area: Rect, buf: &mut Buffer) {
    let (hint_lines, extra_lines) = prompt_lines(app, prompt, area.width);
    let rows = |lines: &[Line]| u16::try_from(lines.len().max(2)).unwrap_or(u16::MAX);
    let [hint_area, input, extra, keys_area] = Layout::vertical([
        Constraint::Length(rows(&hint_lines)),
        Constraint::Length(1),
        Constraint::Length(rows(&extra_lines)),
        Constraint::Length(1),
    ])
    .areas(area);
    Paragraph::new(hint_lines).render(hint_area, buf);
    prompt.input.render(input, buf);
    Paragraph::new(extra_lines).render(extra, buf);
    hint(app, keys).render(keys_area, buf);
}

/// The note editor's keys for where it is, and their style.
fn note_keys(app: &Model, editor: &NoteEditor) -> (&'static str, Style) {
    match editor.mode {
        NoteMode::Choose => ("a add to it · e edit it · x clear it · Esc close", app.theme.dim()),
        NoteMode::Editing => ("Ctrl-S save · Esc leave · Enter new line · Ctrl-L clear", app.theme.dim()),
        NoteMode::Discard => ("Leave without saving your changes? y yes · n no, keep writing", app.theme.warning()),
    }
}

fn render_note(app: &Model, editor: &NoteEditor, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, 76, 16);
    box_(app, rect, buf, &format!(" Note for {} ", editor.date.format("%A %-d %B")));
    let body = inner(rect);
    let (keys, style) = note_keys(app, editor);
    let key_lines: Vec<Line> = wrap_plain(keys, body.width).into_iter().map(|l| Line::styled(l, style)).collect();
    let [text, flag, keys_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(u16::try_from(key_lines.len()).unwrap_or(1)),
    ])
    .areas(body);
    editor.text.render(text, buf);
    let mark = if editor.for_provider { "[x]" } else { "[ ]" };
    let tab = if flag.width >= 38 { "  (Tab changes it)" } else { " (Tab)" };
    Line::from(vec![
        Span::styled(format!("{mark} for my provider"), app.theme.title()),
        Span::styled(tab, app.theme.dim()),
    ])
    .render(flag, buf);
    Paragraph::new(key_lines).render(keys_area, buf);
}

/// The day's entries as typed (with what each counts as), the day's sum of
/// each aid in one unit, and the keys.
fn render_aids(app: &Model, list: &AidList, area: Rect, buf: &mut Buffer) {
    let day = app.journal.day(list.date);
    let aids = day.map(|d| d.aids.as_slice()).unwrap_or_default();
    let mut lines: Vec<Line> = aids
        .iter()
        .enumerate()
        .map(|(i, aid)| {
            if i == list.chosen {
                Line::styled(format!("› {}", aid.entry_text()), app.theme.selected())
            } else {
                Line::raw(format!("  {}", aid.entry_text()))
            }
        })
        .collect();
    lines.push(Line::raw(""));
    let sums: Vec<String> =
        day.map(aid_days).unwrap_or_default().iter().map(|a| format!("{} {}", a.name, a.amount_text())).collect();
    lines.push(Line::from(vec![Span::styled("That day: ", app.theme.dim()), Span::raw(sums.join(" · "))]));
    lines.push(Line::raw(""));
    lines.extend(
        wrap_plain("a add · ↑↓ choose · x delete · Esc close", area.width.min(76).saturating_sub(4))
            .into_iter()
            .map(|l| hint(app, &l)),
    );
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let rect = centered(area, 76, height);
    box_(app, rect, buf, &format!(" Aids on {} ", list.date.format("%A %-d %B")));
    // Keep the chosen entry in view when the list is taller than the window.
    let room = usize::from(rect.height.saturating_sub(2));
    let scroll = (list.chosen + 5).saturating_sub(room);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((u16::try_from(scroll).unwrap_or(0), 0))
        .render(inner(rect), buf);
}

/// The welcome's last question: the countries in two columns, by number.
fn country_question(app: &Model) -> Vec<Line<'static>> {
    let countries = crate::get_help::countries();
    let half = countries.len().div_ceil(2);
    let entry = |i: usize| countries.get(i).map(|c| format!("{}  {}", i + 1, c.name)).unwrap_or_default();
    let mut lines = vec![
        Line::styled("Which country's numbers should When to get help (!) give?", app.theme.title()),
        Line::raw(""),
    ];
    lines.extend((0..half).map(|i| Line::raw(format!("  {:<24}{}", entry(i), entry(i + half)))));
    lines.push(Line::raw(""));
    lines.push(hint(app, "Enter or Esc skips: ! then gives the US lines"));
    lines
}

fn render_first_run(app: &Model, first: &FirstRun, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, 74, 14);
    box_(app, rect, buf, " Welcome to easeoff ");
    let body = inner(rect);
    let [intro, question] = Layout::vertical([Constraint::Length(4), Constraint::Min(1)]).areas(body);
    Paragraph::new(
        "A private journal for tapering off or stopping kratom. Everything stays on this computer. \
         A few quick questions, and every one can be skipped.",
    )
    .wrap(Wrap { trim: true })
    .render(intro, buf);
    if let Some(prompt) = &first.prompt {
        let [title, prompt_area] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(question);
        Line::styled(prompt.purpose.title(), app.theme.title()).render(title, buf);
        render_prompt_body(app, prompt, prompt_area, buf);
        return;
    }
    let lines = match first.step {
        Step::Mode => vec![
            Line::styled("Are you tapering, or have you stopped?", app.theme.title()),
            Line::raw(""),
            Line::raw("  t  I am tapering (cutting down)"),
            Line::raw("  s  I have stopped"),
            Line::raw(""),
            hint(app, "Enter or Esc skips"),
        ],
        Step::LastUse => vec![
            Line::styled("When was your last dose?", app.theme.title()),
            Line::raw(""),
            Line::raw("  1  earlier today"),
            Line::raw("  2  yesterday"),
            Line::raw("  3  another date and time"),
            hint(app, "Enter or Esc skips"),
        ],
        Step::Amount => vec![],
        Step::Country => country_question(app),
    };
    Paragraph::new(lines).render(question, buf);
}
