//! Course, once the person has stopped: daily scores (0–4, scale on the
//! left) against days since the stop, drawn over the usual bands (░ for
//! physical, · for psychological, each in its own columns of a day so both
//! stay visible where they overlap), with the usual windows marked (onset,
//! days 3–4, a week, several weeks). The axis starts where the journal
//! does. Missing days are gaps, never zeros. Before the stop the daily dose
//! totals show as bars on their own gram scale (on the right), so the taper
//! is visible; a lapse shows as a bar with `L` on the axis. A side panel
//! describes the chosen day and the comparisons in words. The chart is in
//! `course/stop_chart.rs`. While the person tapers or uses there is no
//! course: see `course_taper.rs`.

mod stop_chart;

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::chart::day_lines;
use crate::analysis::situation::{Situation, State};
use crate::analysis::{self, CourseDay, compare};
use crate::course::{course, day_number};
use crate::journal::{Kind, Stamp};
use crate::status;
use crate::tui::model::{Kinds, Model};

const PANEL_WIDTH: u16 = 34;

pub fn render(app: &Model, area: Rect, buf: &mut Buffer) {
    let [chart, panel] = Layout::horizontal([Constraint::Min(20), Constraint::Length(PANEL_WIDTH)]).areas(area);
    let situation = app.situation();
    match (situation.anchor(), situation.state) {
        (Some(stop), _) => {
            let days = analysis::course_days(&app.journal, stop, app.now.date_naive());
            stop_chart::render(app, &situation, stop, &days, chart, buf);
            render_panel(app, &situation, stop, &days, panel, buf);
        }
        (None, State::NoData) => Paragraph::new(
            "The course is drawn from your last dose, and none is recorded yet.\n\n\
             Log doses with d on Today, or mark your last dose from the shell:\n  easeoff last-use --at \"YYYY-MM-DD HH:MM\"",
        )
        .wrap(Wrap { trim: false })
        .render(area, buf),
        (None, _) => super::course_taper::render(app, &situation, chart, panel, buf),
    }
}

fn render_panel(
    app: &Model,
    situation: &Situation,
    last_use: Stamp,
    course_days: &[CourseDay],
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme;
    let date = app.cursor;
    let hours = analysis::hours_since(last_use, date);
    let mut lines = Vec::new();
    let heading = match day_number(hours) {
        Some(n) => format!("Day {n} · {}", date.format("%a %-d %b")),
        None => format!("{} · before the last dose", date.format("%a %-d %b")),
    };
    lines.push(Line::styled(heading, theme.title()));
    lines.extend(day_lines(app, situation, date));
    if day_number(hours).is_some() {
        let band = |k: Kind| course().band(k, hours / 24.0, compare::scale(course_days, k));
        let (p, q) = (band(Kind::Physical), band(Kind::Psychological));
        lines.push(Line::styled(
            format!("Usual band: ● {:.1}–{:.1}  ◆ {:.1}–{:.1}", p.low, p.high, q.low, q.high),
            theme.dim(),
        ));
    }
    if let Kinds::Only(kind) = app.kinds {
        lines.push(Line::styled(format!("Showing {} only (p)", kind.word()), theme.dim()));
    }
    lines.push(Line::raw(""));
    if situation.state == State::Lapse {
        lines
            .push(Line::styled(format!("Since the stop: {}.", status::lapse_list(&situation.lapses)), theme.warning()));
    }
    let today = app.now.date_naive();
    for flag in crate::analysis::flags::flags(&app.journal, situation, today - Duration::days(6), today)
        .into_iter()
        .filter(|f| f.kind == crate::analysis::flags::FlagKind::Tolerance)
    {
        lines.push(Line::styled(flag.text, theme.warning()));
    }
    for sentence in status::comparison_sentences(course_days, status::Voice::Person) {
        lines.push(Line::raw(sentence));
    }
    lines.push(Line::styled("The band shows typical timing, not a norm.", theme.dim()));
    Paragraph::new(lines)
        .block(Block::new().borders(Borders::LEFT).border_style(theme.dim()))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
