//! Doses and the taper: daily totals as bars on a labelled gram scale with
//! the plan's target beside each, the reduction steps and the last dose
//! marked; the plan's whole future beside them (`doses/ahead.rs`); the doses
//! of the chosen day (add, change, delete); and the plan with the steps the
//! dose log shows and how the scores moved after each.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::chart::grams::GramScale;
use super::chart::panel::{self, Items};
use super::chart::{self, legend};
use super::layout::{day_window, put};
use crate::analysis::situation::{DoseRecord, Situation, State};
use crate::analysis::{self, taper};
use crate::journal::format_number;
use crate::status::plural;
use crate::tui::model::Model;

mod ahead;

/// A day's columns: the bar, then the plan's target beside it.
const COLUMN: u16 = 2;

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let [top, lower] = Layout::vertical([Constraint::Percentage(50), Constraint::Min(4)]).areas(area);
    let [list, plan] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(lower);
    // The whole dose log is read once a frame, for the steps and the attempts.
    let doses = analysis::dose_days(&app.journal);
    let effects = taper::step_effects(&app.journal, &taper::stretches(&doses));
    let situation = app.situation();
    // The plan's future beside the bars, when there is a plan and room.
    match app.journal.plan().filter(|p| !p.targets.is_empty() && top.width >= 60) {
        Some(p) => {
            let [bars, future] = Layout::horizontal([Constraint::Min(20), Constraint::Length(ahead::WIDTH)]).areas(top);
            render_bars(app, &situation, &effects, bars, buf);
            ahead::render(app, p, situation.state == State::Tapering, future, buf);
        }
        None => render_bars(app, &situation, &effects, top, buf),
    }
    render_list(app, &situation, list, buf);
    render_plan(app, &situation, &effects, plan, buf);
}

/// Daily totals as bars on a labelled gram scale, the plan's target beside
/// each bar on the same scale (never over the bar's top, so a bar and a
/// target compare truly), and the marks under them.
fn render_bars(app: &Model, situation: &Situation, effects: &[taper::StepEffect], area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let plan = app.journal.plan();
    let today = app.now.date_naive();
    if area.height < 8 || area.width < 16 {
        return;
    }
    let target = |d: NaiveDate| plan.and_then(|p| p.target_on(d));
    let totals_max = |first: NaiveDate, last: NaiveDate| {
        let totals = analysis::dose_days_in(&app.journal, first, last);
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .map(|d| totals.get(&d).map_or(0.0, |t| t.grams).max(target(d).unwrap_or(0.0)))
            .fold(0.0, f64::max)
    };
    // The scale's labels take the width they need, and the days shown
    // depend on the width left: widen until the labels fit (the width only
    // grows, so this settles within a few rounds). The legend's entries
    // depend on the days shown; its height is taken from them all.
    let legend_rows = legend::height(&legend_entries(app, true, true, true), area.width.saturating_sub(1));
    if area.height < legend_rows + 6 {
        return;
    }
    // Under the bars: the axis (with the marks), the dates, the legend.
    let base_y = area.y + area.height - 2 - legend_rows;
    let plot_height = base_y - area.y - 1;
    let mut left = 5;
    let (mut first, mut last) = days(app, area.width.saturating_sub(left));
    let mut scale = GramScale::new(totals_max(first, last), plot_height, base_y);
    for _ in 0..3 {
        let needed = scale.label_width() + 2;
        if needed <= left {
            break;
        }
        left = needed;
        (first, last) = days(app, area.width.saturating_sub(left));
        scale = GramScale::new(totals_max(first, last), plot_height, base_y);
    }
    let totals = analysis::dose_days_in(&app.journal, first, last);
    let steps: Vec<NaiveDate> = effects.iter().map(|e| e.date).collect();
    let last_dose = situation.stop.map(|s| s.at.date_naive());
    let lapses: Vec<NaiveDate> = situation.lapses.iter().map(|l| l.date).collect();
    let in_view = |d: NaiveDate| d >= first && d <= last;
    let data_first = app.journal.span().map_or(today, |(f, _)| f.min(today));
    let entries = legend_entries(
        app,
        last_dose.is_some_and(in_view),
        lapses.iter().any(|d| in_view(*d)),
        steps.iter().any(|d| in_view(*d)),
    );
    Line::styled(format!(" Daily totals, {} to {}", first.format("%-d %b"), last.format("%-d %b %Y")), theme.title())
        .render(Rect { height: 1, ..area }, buf);
    scale.render_left(area.x, left, theme.dim(), buf);
    let x_of = |date: NaiveDate| area.x + left + u16::try_from((date - first).num_days()).unwrap_or(0) * COLUMN;
    for date in first.iter_days().take_while(|d| *d <= last) {
        let x = x_of(date);
        let style = if date == app.cursor { theme.title() } else { theme.doses() };
        // Days to come have no doses yet: only their targets, no mark; nor
        // have the days before the journal began.
        let record = (date <= today && date >= data_first).then(|| {
            crate::analysis::situation::dose_record(&app.journal, situation, date, totals.get(&date).copied())
        });
        match record {
            // A bar of at least one cell, so a small dose never looks like
            // none (the scale only grows upwards, so no order reverses).
            Some(DoseRecord::Logged(d)) => {
                for y in scale.row(d.grams).min(base_y - 1)..base_y {
                    put(buf, x, y, "█", style);
                }
            }
            Some(DoseRecord::None) => put(buf, x, base_y - 1, NONE_MARK, style),
            Some(DoseRecord::NotLogged) => put(buf, x, base_y - 1, NOT_LOGGED_MARK, theme.dim()),
            None => {}
        }
        // The target beside the bar, on the row a bar of exactly the target
        // would end on (the axis row for the plan's 0).
        if let Some(t) = target(date) {
            put(buf, x + 1, scale.row(t), "─", theme.title());
        }
        let mark = if date == app.cursor {
            "▲"
        } else if date > today {
            " "
        } else if lapses.contains(&date) {
            LAPSE_MARK
        } else if Some(date) == last_dose {
            LAST_DOSE_MARK
        } else if steps.contains(&date) {
            "▼"
        } else {
            "─"
        };
        put(buf, x, base_y, mark, theme.dim());
    }
    let end = area.x + area.width;
    chart::date_labels(first, last, x_of, base_y + 1, end, theme.dim(), buf);
    legend::render(&entries, Rect { x: area.x + 1, y: base_y + 2, width: area.width - 1, height: legend_rows }, buf);
}

/// A day marked "no kratom" (a 0 on the axis, as on the Course chart).
const NONE_MARK: &str = "0";
/// A day with nothing logged, neither doses nor "none".
const NOT_LOGGED_MARK: &str = "?";
/// The last dose before a stop, and a lapse after it: the marks the Course
/// chart and the printed summary use too.
const LAST_DOSE_MARK: &str = "×";
const LAPSE_MARK: &str = "L";

/// The Doses chart's legend: what each mark means, the marks of days not
/// in view (last dose, lapse, step) only when they are.
fn legend_entries(app: &Model, last_dose: bool, lapse: bool, steps: bool) -> Vec<legend::Entry> {
    let plan = app.journal.plan().is_some();
    [
        ("▲ chosen day", true),
        ("0 none taken", true),
        ("? not logged", true),
        ("─ target", plan),
        ("▼ step down", steps),
        ("× last dose", last_dose),
        ("L lapse", lapse),
    ]
    .into_iter()
    .filter(|(_, shown)| *shown)
    .map(|(t, _)| (t.to_owned(), app.theme.dim()))
    .collect()
}

/// The days the bars show in `width` columns: the latest that fit, moved
/// back to keep the chosen day in view; with a plan and a short journal,
/// from where the journal starts, so the days to come show their targets.
fn days(app: &Model, width: u16) -> (NaiveDate, NaiveDate) {
    let today = app.now.date_naive();
    let (mut first, mut last) = day_window(app.cursor, today, i64::from(width / COLUMN));
    let data_first = app.journal.span().map_or(today, |(f, _)| f.min(today));
    if app.journal.plan().is_some() && first < data_first && app.cursor >= data_first {
        last -= first - data_first;
        first = data_first;
    }
    (first, last)
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
    // Ranked: where the plan stands, the latest attempt, then the steps
    // newest first; what does not fit is left out whole and said to be.
    let mut items = Items::default();
    if app.journal.plan().is_none() {
        items.push(0, Line::styled("No taper plan: p makes one (with your provider).", theme.dim()));
    } else if situation.state == State::Tapering {
        let since = situation.use_since();
        let now = taper::taper_now(&app.journal, today, since);
        items.extend(0, crate::status::taper_lines(&now, today).into_iter().map(Line::raw));
    } else {
        items.push(
            0,
            Line::styled(
                format!(
                    "A plan is set, but you are {} now, so no target applies (c clears the plan).",
                    situation.phrase()
                ),
                theme.dim(),
            ),
        );
    }
    if !effects.is_empty() {
        items.push(2, Line::styled("Steps in your dose log, scores 3 days before → after:", theme.title()));
        for (i, e) in effects.iter().rev().enumerate() {
            items.push(if i == 0 { 2 } else { 3 }, Line::raw(crate::status::step_effect_line(e)));
        }
    }
    if let Some(a) = situation.attempts.last() {
        items.push(1, Line::styled(crate::status::attempt_line(a), theme.dim()));
    }
    panel::render(&items, theme.dim(), theme.dim(), area, buf);
}
