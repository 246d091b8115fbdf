//! The plan's whole future beside the dose bars: today's target, every
//! step still to come with its date and amount, and the day the plan ends.
//! Read from the plan's targets, so it always matches what the plan says;
//! when the steps outnumber the rows, the last row still gives the end.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::journal::format_number;
use crate::journal::plan::{PlanVersion, Target};
use crate::tui::model::Model;

/// The panel's width beside the bars: two steps a line at 80 columns.
pub const WIDTH: u16 = 31;

/// The plan's future; `in_use` is false when the person is not tapering
/// (stopped, say), so that no target reads as applying now.
pub fn render(app: &Model, plan: &PlanVersion, in_use: bool, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let today = app.now.date_naive();
    let inner = area.width.saturating_sub(2);
    let mut lines = vec![Line::styled(if in_use { "Plan ahead" } else { "Plan (not in use now)" }, theme.title())];
    lines.push(Line::raw(match plan.target_on(today) {
        _ if !in_use => "No target applies now.".to_owned(),
        Some(g) if g > 0.0 => {
            let since = plan.targets.iter().rev().find(|t| t.start <= today).map_or(today, |t| t.start);
            format!("Now {} g a day, since {}", format_number(g), since.format("%-d %b"))
        }
        Some(_) => "Now 0: the plan's stop.".to_owned(),
        None => "Not started yet.".to_owned(),
    }));
    let steps: Vec<&Target> = plan.targets.iter().filter(|t| t.start > today && t.grams > 0.0).collect();
    let end = match plan.ends() {
        Some(date) if date > today => format!("Ends {}: 0 g.", date.format("%a %-d %b %Y")),
        Some(date) => format!("Ended {}.", date.format("%a %-d %b %Y")),
        None => "No end: the last step holds.".to_owned(),
    };
    // Every line here fits the 30 columns inside the panel whole (no
    // wrapping): "No end: the last step holds." is the longest.
    // The rows left for the steps, after the heading, now, and the end.
    let rows = usize::from(area.height.saturating_sub(3));
    lines.extend(step_lines(&steps, inner, rows).into_iter().map(Line::raw));
    lines.push(Line::styled(end, theme.title()));
    Paragraph::new(lines).block(Block::new().borders(Borders::LEFT).border_style(theme.dim())).render(area, buf);
}

/// The steps as `12 Mar 3.5 g` cells, as many a line as fit in `width`, in
/// date order left to right; at most `rows` lines, the last saying how many
/// more there are, and down to what, when they do not all fit.
fn step_lines(steps: &[&Target], width: u16, rows: usize) -> Vec<String> {
    let cells: Vec<String> = steps.iter().map(|t| cell(t.start, t.grams)).collect();
    let cell_width = cells.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    let per_line = (usize::from(width) + 2) / (cell_width + 2).max(1);
    let per_line = per_line.max(1);
    let mut lines: Vec<String> = cells
        .chunks(per_line)
        .map(|chunk| {
            let padded: Vec<String> = chunk.iter().map(|c| format!("{c:<cell_width$}")).collect();
            padded.join("  ").trim_end().to_owned()
        })
        .collect();
    if lines.len() > rows {
        let shown = rows.saturating_sub(1);
        let more = steps.len().saturating_sub(shown * per_line);
        lines.truncate(shown);
        if rows > 0 {
            let lowest = steps.last().map_or(String::new(), |t| format!(", down to {} g", format_number(t.grams)));
            lines.push(format!("… {more} more{lowest}"));
        }
    }
    lines
}

fn cell(date: NaiveDate, grams: f64) -> String {
    format!("{} {} g", date.format("%-d %b"), format_number(grams))
}
