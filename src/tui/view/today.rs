//! Today: the day's symptoms grouped Physical and Psychological, each with a
//! bar and a word (or "not rated"), the two scores, then sleep, note, aids
//! and doses of that day. When low mood is rated 4, one calm line points to `!`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::analysis;
use crate::journal::{Kind, format_number, rating_word};
use crate::status::{capitalised, plural, score_text};
use crate::tui::model::Model;

const LABEL_WIDTH: usize = 34;

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let today = app.now.date_naive();
    let day = app.journal.day(app.date);
    let scores = day.map(|d| analysis::day_scores(&app.journal, d)).unwrap_or_default();
    let when = match (today - app.date).num_days() {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{n} days ago"),
    };

    // Wrapped here, not by the paragraph, so the cursor's line is known.
    let width = usize::from(area.width.saturating_sub(2)).max(10);
    let mut lines = header_lines(app, width);
    // A narrow window (a phone, a split pane) gets the compact layout: the
    // short date, ratings as bar and number, the day's details a line each.
    let compact = area.width < crate::tui::model::MIN_WIDTH;
    let date = app.date.format(if compact { "%a %-d %b" } else { "%A %-d %B %Y" });
    let date_line = Line::from(vec![
        Span::styled(format!(" {date} "), theme.title()),
        Span::raw(format!("· {when}   ")),
        Span::styled(if compact { "[ ] day" } else { "[ ] other days" }, theme.dim()),
    ]);
    let date_index = lines.len();
    lines.push(date_line.clone());
    // The label column: the longest label, within what the width leaves.
    let longest = catalog_width(app);
    let fixed = if compact { 3 + 1 + 4 + 3 } else { 3 + 1 + 4 + 13 };
    let label_width = if compact { longest.min(usize::from(area.width).saturating_sub(fixed)) } else { LABEL_WIDTH };
    let mut cursor_line = 0;
    let mut index = 0;
    let catalog = app.journal.catalog();
    for kind in Kind::BOTH {
        let title = format!(" {}", capitalised(kind.word()));
        let score = format!("score {}", score_text(scores.of(kind)));
        if title.chars().count() + 2 + score.chars().count() <= usize::from(area.width) {
            lines.push(Line::from(vec![
                Span::styled(title, theme.title()),
                Span::styled(format!("  {score}"), theme.dim()),
            ]));
        } else {
            // Narrow: the score wraps under its heading, whole.
            lines.push(Line::styled(title, theme.title()));
            lines.extend(
                textwrap::wrap(&score, width.saturating_sub(2))
                    .into_iter()
                    .map(|p| Line::styled(format!("   {p}"), theme.dim())),
            );
        }
        for entry in catalog.active(kind) {
            let value = day.and_then(|d| d.ratings.get(entry.id)).map(|r| r.value);
            let chosen = index == app.item;
            if chosen {
                cursor_line = lines.len();
            }
            let marker = if chosen { " › " } else { "   " };
            let label = format!("{marker}{:<width$}", fit(entry.label, label_width), width = label_width);
            let mut spans = vec![Span::styled(
                label,
                if chosen { theme.selected() } else { theme.title().remove_modifier(ratatui::style::Modifier::BOLD) },
            )];
            spans.push(Span::raw(" "));
            match value {
                Some(v) => {
                    let filled = usize::from(v);
                    spans.push(Span::styled("█".repeat(filled), theme.bar()));
                    spans.push(Span::styled("░".repeat(4 - filled), theme.dim()));
                    if compact {
                        spans.push(Span::raw(format!("  {v}")));
                    } else {
                        spans.push(Span::raw(format!("  {v} {}", rating_word(Some(v)))));
                    }
                }
                None if compact => spans.push(Span::styled("····  -", theme.dim())),
                None => spans.push(Span::styled("····  not rated", theme.dim())),
            }
            lines.push(Line::from(spans));
            index += 1;
        }
    }

    let low_mood = day.and_then(|d| d.ratings.get("depressed-mood")).is_some_and(|r| r.value == 4);
    if low_mood {
        let text = "If things feel very heavy right now, press ! for people you can reach, day or night.";
        lines.extend(
            textwrap::wrap(text, width).into_iter().map(|part| Line::styled(format!(" {part}"), theme.warning())),
        );
    }
    lines.extend(details_lines(app, area.width));
    let doses = analysis::dose_day(&app.journal, app.date);
    let dose_text = doses
        .map_or_else(|| "none".to_owned(), |d| format!("{}, {} g", plural(d.count, "dose"), format_number(d.grams)));
    lines.push(Line::from(vec![Span::styled(" Doses ", theme.dim()), Span::raw(dose_text)]));

    // Keep the chosen symptom in view on short windows; once the list
    // scrolls past the day's date, the date stays on the top line, so a
    // rating is never made on a day that is not on screen.
    let height = usize::from(area.height);
    let scroll = cursor_line.saturating_sub(height.saturating_sub(3)).min(lines.len().saturating_sub(height));
    if scroll > date_index && area.height > 1 {
        let [top, rest] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Min(0),
        ])
        .areas(area);
        date_line.render(top, buf);
        Paragraph::new(lines).scroll((u16::try_from(scroll + 1).unwrap_or(0), 0)).render(rest, buf);
    } else {
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0)).render(area, buf);
    }
}

/// What is on top: facts for attention in the last 7 days (one line, with
/// `!`), then where the person is, wrapped to `width`.
fn header_lines(app: &Model, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines: Vec<Line> = Vec::new();
    let situation = app.situation();
    let headline = crate::status::headline(&app.journal, &situation, crate::status::Where::App);
    let flags = crate::analysis::flags::recent(&app.journal, &situation);
    if let Some(first) = flags.first() {
        let more =
            if flags.len() > 1 { format!(" (+{} more in easeoff status)", flags.len() - 1) } else { String::new() };
        let text = format!("For attention: {}{more} · ! help", first.short());
        lines.extend(
            textwrap::wrap(&text, width).into_iter().map(|part| Line::styled(format!(" {part}"), theme.warning())),
        );
    }
    for (i, text) in headline.into_iter().enumerate() {
        let style = if i == 0 { theme.title() } else { ratatui::style::Style::new() };
        lines.extend(textwrap::wrap(&text, width).into_iter().map(|part| Line::styled(format!(" {part}"), style)));
    }
    lines
}

/// The day's aid entries joined by commas, cut before the one that would not
/// fit in `room` characters, with "+N more (a)" for the rest.
fn aids_that_fit(day: &crate::journal::Day, room: usize) -> String {
    let entries: Vec<String> = day.aids.iter().map(crate::journal::Aid::entry_text).collect();
    let all = entries.join(", ");
    if all.chars().count() <= room {
        return all;
    }
    let mut shown = String::new();
    for (i, entry) in entries.iter().enumerate() {
        let more = format!(" +{} more (a)", entries.len() - i);
        let candidate = if shown.is_empty() { entry.clone() } else { format!("{shown}, {entry}") };
        let rest = entries.len() - i - 1;
        let tail = if rest == 0 { 0 } else { format!(" +{rest} more (a)").chars().count() };
        if candidate.chars().count() + tail > room {
            return format!("{shown}{more}").trim_start().to_owned();
        }
        shown = candidate;
    }
    shown
}

/// The widest label of the items shown.
fn catalog_width(app: &Model) -> usize {
    let catalog = app.journal.catalog();
    Kind::BOTH.iter().flat_map(|k| catalog.active(*k)).map(|e| e.label.chars().count()).max().unwrap_or(0)
}

/// A label cut to `width` characters, with an ellipsis when cut.
fn fit(label: &str, width: usize) -> String {
    if label.chars().count() <= width {
        return label.to_owned();
    }
    let mut cut: String = label.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Sleep, note and aids of the day: one line, or in a narrow window three.
fn details_lines(app: &Model, width: u16) -> Vec<Line<'static>> {
    let line = details_line(app, width);
    if width >= crate::tui::model::MIN_WIDTH {
        return vec![line];
    }
    // Narrow: each detail on its own line, with the whole width for it.
    let spans = line.spans;
    spans.chunks(2).map(|pair| Line::from(pair.to_vec())).collect()
}

/// Sleep, note and aids of the day, on one line.
fn details_line(app: &Model, width: u16) -> Line<'static> {
    let theme = app.theme;
    let day = app.journal.day(app.date);
    let sleep = day
        .and_then(|d| d.sleep)
        .map_or_else(|| "not recorded".to_owned(), |s| format!("{} h", format_number(s.hours)));
    let note = match day.and_then(|d| d.note.as_ref()) {
        None => "none".to_owned(),
        Some(n) => {
            let first = n.text.lines().next().unwrap_or_default();
            let room = usize::from(width / 4);
            let short: String = first.chars().take(room).collect();
            let more = if first.chars().count() > room || n.text.lines().count() > 1 { "…" } else { "" };
            format!("“{short}{more}”{}", if n.for_provider { " (for your provider)" } else { "" })
        }
    };
    // The entries as typed, each with what it counts as when that differs;
    // as many as fit, and how many more the aids list (`a`) holds.
    let used = " Sleep ".len() + sleep.chars().count() + "  Note ".len() + note.chars().count() + "  Aids ".len();
    let room = usize::from(width).saturating_sub(used + 1);
    let aids = day.filter(|d| !d.aids.is_empty()).map_or_else(|| "none".to_owned(), |d| aids_that_fit(d, room));
    Line::from(vec![
        Span::styled(" Sleep ", theme.dim()),
        Span::raw(sleep),
        Span::styled("  Note ", theme.dim()),
        Span::raw(note),
        Span::styled("  Aids ", theme.dim()),
        Span::raw(aids),
    ])
}
