//! Doses and the taper: daily totals as bars with the plan's target drawn
//! across them, the reduction steps and the last dose marked; the doses of
//! the chosen day (add, change, delete); and the plan with the steps the
//! dose log shows and how the scores moved after each.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::layout::{day_window, put};
use crate::analysis::situation::{DoseRecord, Situation, State};
use crate::analysis::{self, taper};
use crate::journal::format_number;
use crate::status::plural;
use crate::tui::model::Model;

const COLUMN: u16 = 2;

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let [bars, lower] = Layout::vertical([Constraint::Percentage(50), Constraint::Min(4)]).areas(area);
    let [list, plan] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(lower);
    // The whole dose log is read once a frame, for the steps and the attempts.
    let doses = analysis::dose_days(&app.journal);
    let effects = taper::step_effects(&app.journal, &taper::stretches(&doses));
    let situation = app.situation();
    render_bars(app, &situation, &effects, bars, buf);
    render_list(app, &situation, list, buf);
    render_plan(app, &situation, &effects, plan, buf);
}

fn render_bars(app: &Model, situation: &Situation, effects: &[taper::StepEffect], area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    if area.height < 4 || area.width < 12 {
        return;
    }
    let days = i64::from((area.width - 8) / COLUMN);
    let (first, last) = day_window(app.cursor, app.now.date_naive(), days);
    let totals = analysis::dose_days_in(&app.journal, first, last);
    let plan = app.journal.plan();
    let target = |d: NaiveDate| plan.and_then(|p| p.target_on(d));
    let max = first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| totals.get(&d).map_or(0.0, |t| t.grams).max(target(d).unwrap_or(0.0)))
        .fold(0.0, f64::max);
    let steps: Vec<NaiveDate> = effects.iter().map(|e| e.date).collect();
    let last_dose = situation.stop.map(|s| s.at.date_naive());
    let plot_height = area.height - 3;
    Line::styled(
        format!(
            " Daily totals, {} to {} · top of the scale {} g",
            first.format("%-d %b"),
            last.format("%-d %b %Y"),
            format_number(max)
        ),
        theme.title(),
    )
    .render(Rect { height: 1, ..area }, buf);
    let base_y = area.y + area.height - 2;
    let height_of = |g: f64| if max > 0.0 { (g / max * f64::from(plot_height)).round() as u16 } else { 0 };
    for (i, date) in first.iter_days().take_while(|d| *d <= last).enumerate() {
        let x = area.x + 6 + u16::try_from(i).unwrap_or(0) * COLUMN;
        let grams = totals.get(&date).map_or(0.0, |d| d.grams);
        for step in 0..height_of(grams).min(plot_height) {
            put(buf, x, base_y - 1 - step, "█", if date == app.cursor { theme.title() } else { theme.doses() });
        }
        if let Some(t) = target(date) {
            let y = base_y - height_of(t).min(plot_height);
            let y = if t > 0.0 { y } else { base_y - 1 };
            for dx in 0..COLUMN {
                put(buf, x + dx, y.max(area.y + 1), "─", theme.title());
            }
        }
        let mark = if date == app.cursor {
            "▲"
        } else if Some(date) == last_dose {
            "L"
        } else if steps.contains(&date) {
            "▼"
        } else {
            "·"
        };
        put(buf, x, base_y, mark, theme.dim());
    }
    Line::styled(" ▲ chosen day · L the stop · ▼ a step down · ─ the plan's target", theme.dim())
        .render(Rect { y: area.y + area.height - 1, height: 1, ..area }, buf);
}

fn render_list(app: &Model, situation: &Situation, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let date: NaiveDate = app.cursor;
    let doses = app.doses_on(date);
    let record =
        crate::analysis::situation::dose_record(&app.journal, situation, date, analysis::dose_day(&app.journal, date));
    let mut lines = vec![
        Line::styled(format!(" {}", date.format("%a %-d %b %Y")), theme.title()),
        Line::raw(match record {
            DoseRecord::Logged(d) => format!(" {}, {} g", plural(d.count, "dose"), format_number(d.grams)),
            DoseRecord::None => " No kratom this day.".to_owned(),
            DoseRecord::NotLogged => " Nothing logged this day.".to_owned(),
        }),
    ];
    // The plan's target only while tapering: once stopped, none applies.
    if let Some(t) = app.journal.plan().and_then(|p| p.target_on(date)).filter(|_| situation.state == State::Tapering) {
        lines.push(Line::styled(format!(" plan's target {} g", format_number(t)), theme.dim()));
    }
    if doses.is_empty() {
        lines.push(Line::styled(" a adds a dose · n: none taken", theme.dim()));
    }
    for (i, (_, dose)) in doses.iter().enumerate() {
        let form = dose.form.map(|f| format!(" {f:?}").to_lowercase()).unwrap_or_default();
        let text = format!("   {}  {:>6} g{form}", dose.at.format("%H:%M"), format_number(dose.grams));
        let style = if i == app.dose { theme.selected() } else { ratatui::style::Style::new() };
        lines.push(Line::styled(text, style));
    }
    let scroll = app.dose.saturating_sub(usize::from(area.height.saturating_sub(4)));
    Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(0), 0)).render(area, buf);
}

fn render_plan(app: &Model, situation: &Situation, effects: &[taper::StepEffect], area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let today = app.now.date_naive();
    let mut lines = Vec::new();
    if app.journal.plan().is_none() {
        lines.push(Line::styled("No taper plan: p makes one (with your provider).", theme.dim()));
    } else if situation.state == State::Tapering {
        let since = situation.use_since();
        let now = taper::taper_now(&app.journal, today, since);
        lines.extend(crate::status::taper_lines(&now, today).into_iter().map(Line::raw));
    } else {
        lines.push(Line::styled(
            format!("A plan is set, but you are {} now, so no target applies (c clears the plan).", situation.phrase()),
            theme.dim(),
        ));
    }
    if !effects.is_empty() {
        lines.push(Line::styled("Steps in your dose log, scores 3 days before → after:", theme.title()));
        for e in effects.iter().rev().take(usize::from(area.height.saturating_sub(4))) {
            lines.push(Line::raw(crate::status::step_effect_line(e)));
        }
    }
    if let Some(a) = situation.attempts.last() {
        lines.push(Line::styled(crate::status::attempt_line(a), theme.dim()));
    }
    Paragraph::new(lines)
        .block(Block::new().borders(Borders::LEFT).border_style(theme.dim()))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
