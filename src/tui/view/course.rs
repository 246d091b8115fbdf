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
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::chart::day_lines;
use super::chart::panel::{self, Items};
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
    // Ranked: the chosen day and any warning first; the sentences about the
    // course by how much they say about now; a blank spacer last.
    let mut items = Items::default();
    let heading = match day_number(hours) {
        Some(n) => format!("Day {n} · {}", date.format("%a %-d %b")),
        None => format!("{} · before the last dose", date.format("%a %-d %b")),
    };
    items.push(0, Line::styled(heading, theme.title()));
    items.extend(0, day_lines(app, situation, date));
    if day_number(hours).is_some() {
        let band = |k: Kind| course().band(k, hours / 24.0, compare::scale(course_days, k));
        let (p, q) = (band(Kind::Physical), band(Kind::Psychological));
        items.push(
            2,
            Line::styled(
                format!("Usual band: ● {:.1}–{:.1}  ◆ {:.1}–{:.1}", p.low, p.high, q.low, q.high),
                theme.dim(),
            ),
        );
    }
    if let Kinds::Only(kind) = app.kinds {
        items.push(1, Line::styled(format!("Showing {} only (p)", kind.word()), theme.dim()));
    }
    items.push(6, Line::raw(""));
    if situation.state == State::Lapse {
        items.push(
            1,
            Line::styled(format!("Since the stop: {}.", status::lapse_list(&situation.lapses)), theme.warning()),
        );
    }
    let today = app.now.date_naive();
    for flag in crate::analysis::flags::flags(&app.journal, situation, today - Duration::days(6), today)
        .into_iter()
        .filter(|f| f.kind == crate::analysis::flags::FlagKind::Tolerance)
    {
        items.push(1, Line::styled(flag.text, theme.warning()));
    }
    // Peak physical, peak psychological, now, easing, trend: now and the
    // physical peak say most; the trend least.
    let ranks = [3, 4, 3, 4, 5];
    for (i, sentence) in status::comparison_sentences(course_days, status::Voice::Person).into_iter().enumerate() {
        items.push(ranks.get(i).copied().unwrap_or(5), Line::raw(sentence));
    }
    items.push(3, Line::styled("The band shows typical timing, not a norm.", theme.dim()));
    panel::render(&items, theme.dim(), theme.dim(), area, buf);
}
