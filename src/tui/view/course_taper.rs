//! Course while the person tapers or uses: there is no withdrawal course
//! yet, so no band and no day numbers. Dates run along the x axis from where
//! the journal starts; the daily totals stand as bars in the lower part,
//! with the plan's targets beside them on the same gram scale (labelled on
//! the right); the cuts the dose log shows are marked ▼ on the axis; the
//! symptom scores (0–4, on the left) sit above. The side panel speaks in taper
//! terms: taper day, step, target, the latest cut and the scores around it.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::chart::panel::{self, Items};
use super::chart::{self, legend};
use super::layout::put;
use crate::analysis::situation::{self, DoseRecord, Situation, State};
use crate::analysis::{self, taper};
use crate::journal::{Kind, format_number};
use crate::status;
use crate::tui::model::Model;

pub fn render(app: &Model, situation: &Situation, chart: Rect, panel: Rect, buf: &mut Buffer) {
    let today = app.now.date_naive();
    let since = situation.use_since();
    let taper_now = taper::taper_now(&app.journal, today, since);
    render_chart(app, situation, &taper_now, chart, buf);
    render_panel(app, situation, &taper_now, panel, buf);
}

fn render_chart(app: &Model, situation: &Situation, t: &taper::TaperNow, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let plan = app.journal.plan();
    let shown = |kind: Kind, text: &str| if app.kinds.shows(kind) { text.to_owned() } else { String::new() };
    let entries = |none: bool| -> Vec<legend::Entry> {
        vec![
            // The score marks of the kinds shown (p) only.
            (shown(Kind::Physical, "● physical"), theme.physical()),
            (shown(Kind::Psychological, "◆ psychological"), theme.psychological()),
            ("▒ g/day (right scale)".to_owned(), theme.doses()),
            (if plan.is_some() { "─ target".to_owned() } else { String::new() }, theme.title()),
            ("▼ step down".to_owned(), theme.doses()),
            (if none { "0 none taken".to_owned() } else { String::new() }, theme.dim()),
            ("▲ chosen day".to_owned(), theme.title()),
        ]
    };
    // With a plan, a day takes two columns at least: the target stands
    // beside the bar, never on it, so their heights compare truly.
    let min_per_day = if plan.is_some() { 2 } else { 1 };
    // "0 none taken" only when such a day is in view: laid out with it
    // first, then again without it if none is.
    let none_in_view = |f: &chart::Frame| {
        let logged = analysis::dose_days_in(&app.journal, f.first, f.last);
        f.first.iter_days().take_while(|d| *d <= f.last).any(|d| {
            matches!(situation::dose_record(&app.journal, situation, d, logged.get(&d).copied()), DoseRecord::None)
        })
    };
    let mut entries = entries(true);
    let mut frame = chart::frame(app, area, legend::height(&entries, area.width), min_per_day, true);
    if frame.as_ref().is_some_and(|f| !none_in_view(f)) {
        entries.retain(|(t, _)| !t.starts_with("0 "));
        frame = chart::frame(app, area, legend::height(&entries, area.width), min_per_day, true);
    }
    let Some(chart::Frame { plot, first, last, per_day, scale }) = frame else {
        return;
    };
    legend::render(&entries, area, buf);
    let row_of = chart::rows_of(plot);
    chart::render_score_scale(app, area, row_of, buf);

    let logged = analysis::dose_days_in(&app.journal, first, last);
    let target = |d: NaiveDate| plan.and_then(|p| p.target_on(d));
    let cuts: Vec<NaiveDate> = t.cuts.iter().map(|c| c.date).collect();
    let axis_y = plot.y + plot.height;
    let bar_width = if per_day >= 3 { per_day - 1 } else { 1 };
    for x in plot.x..plot.x + plot.width {
        put(buf, x, axis_y, "─", theme.dim());
    }
    for (i, date) in first.iter_days().take_while(|d| *d <= last).enumerate() {
        let x = plot.x + u16::try_from(i).unwrap_or(0) * per_day;
        for dx in 0..per_day {
            put(buf, x + dx, axis_y, "─", theme.dim());
        }
        match situation::dose_record(&app.journal, situation, date, logged.get(&date).copied()) {
            DoseRecord::Logged(d) => {
                for y in scale.map_or(axis_y, |s| s.row(d.grams))..axis_y {
                    for dx in 0..bar_width {
                        put(buf, x + dx, y, "▒", theme.doses());
                    }
                }
            }
            // A day without kratom sits on the axis as a 0; not logged stays a gap.
            DoseRecord::None => put(buf, x, axis_y - 1, "0", theme.dim()),
            DoseRecord::NotLogged => {}
        }
        // The target in the day's last column, on the row a bar of exactly
        // the target would end on.
        if let (Some(g), Some(scale)) = (target(date).filter(|g| *g > 0.0), scale) {
            put(buf, x + per_day - 1, scale.row(g), "─", theme.title());
        }
        if cuts.contains(&date) {
            put(buf, x, axis_y, "▼", theme.doses());
        }
        chart::put_scores(app, date, x, per_day, &row_of, buf, false);
        if date == app.cursor {
            put(buf, x, axis_y, "▲", theme.title());
        }
    }
    let x_of = |date: NaiveDate| plot.x + u16::try_from((date - first).num_days()).unwrap_or(0) * per_day;
    chart::date_labels(first, last, x_of, axis_y + 1, plot.x + plot.width, theme.dim(), buf);
    if let Some(scale) = scale {
        scale.render_right(plot.x + plot.width, area.x + area.width, theme.dim(), buf);
    }
}

fn render_panel(app: &Model, situation: &Situation, t: &taper::TaperNow, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let date = app.cursor;
    // Ranked: the chosen day, then where the taper stands, the cuts, and
    // the note on the band last.
    let mut items = Items::default();
    items.push(0, Line::styled(date.format("%a %-d %b").to_string(), theme.title()));
    items.extend(0, super::chart::day_lines(app, situation, date));
    if let Some(g) = app.journal.plan().and_then(|p| p.target_on(date)) {
        items.push(1, Line::styled(format!("Plan's target: {} g", format_number(g)), theme.dim()));
    }
    items.push(6, Line::raw(""));
    let today = app.now.date_naive();
    let words = match situation.state {
        State::Tapering => status::taper_lines(t, today),
        _ => status::headline(&app.journal, situation, status::Where::App),
    };
    items.extend(1, words.into_iter().map(Line::raw));
    for (i, cut) in t.cuts.iter().rev().take(2).enumerate() {
        items.push(
            if i == 0 { 3 } else { 5 },
            Line::styled(format!("Around the cut of {}.", status::step_effect_line(cut)), theme.dim()),
        );
    }
    let while_you = if situation.state == State::Tapering { "taper" } else { "use" };
    items.push(
        4,
        Line::styled(format!("No withdrawal band while you {while_you}: it starts once you stop."), theme.dim()),
    );
    panel::render(&items, theme.dim(), theme.dim(), area, buf);
}
