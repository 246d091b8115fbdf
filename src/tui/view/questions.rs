//! The pop-ups that ask questions beyond the welcome: the history (one
//! question at a time, with what is recorded already marked) and the
//! self-check about the past 12 months.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::centered;
use super::message::wrap_plain;
use super::overlay::{box_, hint, inner, render_prompt_with_keys};
use crate::journal::about::{Goal, Product, Reason, Substance, When};
use crate::journal::criteria;
use crate::tui::model::Model;
use crate::tui::popup::{AboutForm, AboutStep, SelfCheck};

/// A choice line: its number, a mark when chosen, its words.
fn choice(n: usize, chosen: bool, words: &str) -> Line<'static> {
    Line::raw(format!("  {n}  [{}] {words}", if chosen { "x" } else { " " }))
}

pub fn render_about(app: &Model, form: &AboutForm, area: Rect, buf: &mut Buffer) {
    // The box is as tall as what it holds: the longest choice list, or a
    // prompt with its hint, input, error and keys.
    let width = area.width.min(76).saturating_sub(4);
    let title = |text: &str| Line::styled(text.to_owned(), app.theme.title());
    let about = app.journal.about();
    let mut lines: Vec<Line<'static>> = Vec::new();
    if form.step == AboutStep::Intro {
        let text = "A few questions a provider asks at a first visit: what you used, for how long, why, \
                    what else you take, and what you want. Every one is optional, and each answer is kept \
                    with its date for your visit summary.";
        lines.extend(wrap_plain(text, width).into_iter().map(Line::raw));
        lines.push(Line::raw(""));
        lines.push(Line::raw("  Enter  answer them now"));
        lines.push(Line::raw("  Esc    not now (b on the Summary screen asks them any time)"));
        Paragraph::new(lines).render(boxed(app, area, 8, buf), buf);
        return;
    }
    lines.push(hint(app, &format!("Question {} of {}", form.step.number(), AboutStep::QUESTIONS.len())));
    if let Some(prompt) = &form.prompt {
        let body = boxed(app, area, 9, buf);
        let [head, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(body);
        lines.push(title(&prompt.purpose.title()));
        Paragraph::new(lines).render(head, buf);
        render_prompt_with_keys(app, prompt, "Enter save, next · Esc close (answers kept)", rest, buf);
        return;
    }
    let keys = match form.step {
        AboutStep::Products => {
            lines.push(title("What did you use? (choose all that apply)"));
            for (i, p) in Product::ALL.iter().enumerate() {
                lines.push(choice(i + 1, form.products.contains(p), p.words()));
            }
            "1–6 choose · Enter next · Esc close"
        }
        AboutStep::Reasons => {
            lines.push(title("Why did you use it? (choose all that apply)"));
            for (i, r) in Reason::ALL.iter().enumerate() {
                lines.push(choice(i + 1, form.reasons.contains(r), r.words()));
            }
            "1–6 choose · Enter next · Esc close"
        }
        AboutStep::Substances => {
            lines.push(title("Do you use, or did you use, any of these?"));
            let map = form.substances.as_ref();
            for (i, s) in Substance::ALL.iter().enumerate() {
                let when = map.and_then(|m| m.get(s)).map_or("", |w| match w {
                    When::Now => "  now",
                    When::Past => "  in the past",
                });
                lines.push(Line::raw(format!("  {}  {:<16}{when}", i + 1, s.words())));
            }
            let none = map.is_some_and(std::collections::BTreeMap::is_empty);
            lines.push(choice(0, none, "none of these"));
            "1–7 now → in the past → not said · 0 none · Enter next · Esc close"
        }
        AboutStep::Goal => {
            lines.push(title("What do you want?"));
            let now = about.goal.as_ref().map(|a| a.value);
            for (i, g) in Goal::ALL.iter().enumerate() {
                lines.push(choice(i + 1, now == Some(*g), g.words()));
            }
            "1–3 choose · Enter skips · Esc close"
        }
        AboutStep::Pregnant => {
            lines.push(title("Are you pregnant? (optional)"));
            let now = about.pregnant.as_ref().map(|a| a.value);
            lines.push(choice(1, now == Some(true), "yes"));
            lines.push(choice(2, now == Some(false), "no"));
            "1 or 2 · Enter skips · Esc close"
        }
        _ => "",
    };
    lines.push(Line::raw(""));
    lines.extend(wrap_plain(keys, width).into_iter().map(|l| hint(app, &l)));
    let body = boxed(app, area, lines.len(), buf);
    Paragraph::new(lines).render(body, buf);
}

/// The history's box, `rows` of text tall, and the space inside it.
fn boxed(app: &Model, area: Rect, rows: usize, buf: &mut Buffer) -> Rect {
    let rect = centered(area, 76, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    box_(app, rect, buf, " Your history, for your provider ");
    inner(rect)
}

pub fn render_self_check(app: &Model, check: &SelfCheck, area: Rect, buf: &mut Buffer) {
    let rect = centered(area, 72, 9);
    box_(app, rect, buf, " Self-check: the past 12 months ");
    let (at, of) = check.at();
    let question = criteria::questions().get(at).map_or("", |q| q.question.as_str());
    let mut lines = vec![
        hint(app, &format!("Question {} of {of} · think of {}", at + 1, criteria::period())),
        Line::raw(""),
        Line::styled(question.to_owned(), app.theme.title()),
        Line::raw(""),
    ];
    let back = if at > 0 { " · ← back" } else { "" };
    lines.push(hint(app, &format!("y yes · n no{back} · Esc stop (nothing is saved)")));
    lines.push(hint(app, "As you report it, for you and your provider; it is not a diagnosis."));
    Paragraph::new(lines).wrap(Wrap { trim: true }).render(inner(rect), buf);
}
