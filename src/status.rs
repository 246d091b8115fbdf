//! The `status` text: where the person is on the course today, in plain
//! words. A pure function of the journal and "now", shared by the command
//! and the app.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::analysis::compare::{self, Easing, Finding};
use crate::analysis::{self, CourseDay, DayScores, Score};
use crate::course::{course, day_number};
use crate::journal::{Journal, Kind, LastUseSource, Stamp, format_number};

/// Where the person is: the last use and the day number of today.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub last_use: Stamp,
    pub source: LastUseSource,
    pub hours: f64,
    pub day: i64,
}

/// The last use and today's place on the course, if there is a last use.
pub fn position(journal: &Journal, now: Stamp) -> Option<Position> {
    let (last_use, source) = journal.last_use()?;
    let hours = (now - last_use).num_seconds() as f64 / 3600.0;
    Some(Position { last_use, source, hours, day: day_number(hours)? })
}

/// "Day 4 since your last dose" and the phase message, as two lines.
pub fn headline(journal: &Journal, now: Stamp) -> Vec<String> {
    match position(journal, now) {
        None => vec![
            "No last dose recorded yet.".to_owned(),
            "Log doses with `easeoff dose GRAMS`, or mark your last use with `easeoff last-use --at TIME`.".to_owned(),
        ],
        Some(p) => {
            let from = match p.source {
                LastUseSource::DoseLog => "from your dose log",
                LastUseSource::Mark => "as you marked it",
            };
            let mut lines = vec![format!(
                "Day {} since your last dose ({}, {from}).",
                p.day,
                p.last_use.format("%a %-d %b %Y, %H:%M")
            )];
            if let Some(phase) = course().phase(p.hours) {
                lines.push(phase.message.clone());
            }
            lines
        }
    }
}

/// A score as people read it: `2.4`, marked when fewer than half were rated.
pub fn score_text(score: Option<Score>) -> String {
    match score {
        None => "not rated".to_owned(),
        Some(s) if s.partial() => format!("{:.1} (partial: {} of {} rated)", s.mean, s.rated, s.active),
        Some(s) => format!("{:.1}", s.mean),
    }
}

/// One line about today's scores.
pub fn today_line(journal: &Journal, today: NaiveDate) -> String {
    match analysis::scores_on(journal, today) {
        None => "Today: not rated yet today.".to_owned(),
        Some(DayScores { physical, psychological, total }) => format!(
            "Today: physical {} · psychological {} · total {}.",
            score_text(physical),
            score_text(psychological),
            total.unwrap_or(0)
        ),
    }
}

/// "Your physical peak was on day 3 (2.4) — inside the usual days 3–4."
pub fn peak_sentence(days: &[CourseDay], kind: Kind) -> String {
    match compare::peak(days, kind) {
        Finding::NotEnough { rated, needed } => {
            format!(
                "Highest {} score: not enough ratings yet ({rated} of {needed} days since your last dose).",
                kind.word()
            )
        }
        Finding::Found(p) => {
            let [first, last] = course().typical_peak_days;
            let timing = p.timing_words();
            let so_far = if p.so_far { " so far" } else { "" };
            format!(
                "Your {} peak{so_far} was on day {} ({:.1}) — {timing} the usual days {first}–{last}.",
                kind.word(),
                p.day,
                p.score
            )
        }
    }
}

/// When physical symptoms eased, against "a week or more".
pub fn easing_sentence(days: &[CourseDay]) -> String {
    let lasts = course().physical_lasts_days;
    match compare::easing(days) {
        Finding::NotEnough { .. } => "Easing: not enough ratings yet to tell.".to_owned(),
        Finding::Found(Easing::NotYet) => {
            "Physical symptoms have not yet stayed at mild or below for two rated days after the peak.".to_owned()
        }
        Finding::Found(Easing::EasedOn { day }) => {
            let compared = if day < i64::from(lasts) {
                "sooner than the week or more that is common"
            } else {
                "in line with the week or more that is common"
            };
            format!("Physical symptoms eased to mild on day {day} — {compared}.")
        }
    }
}

/// The psychological mean of the last seven rated days and its direction.
pub fn trend_sentence(days: &[CourseDay]) -> String {
    match compare::trend(days, Kind::Psychological) {
        Finding::NotEnough { rated, needed } => {
            format!("Psychological trend: not enough ratings yet ({rated} of {needed} rated days).")
        }
        Finding::Found(t) => {
            let direction = t.direction.word();
            format!("Psychological symptoms over the last {} rated days: mean {:.1}, {direction}.", t.days, t.mean)
        }
    }
}

/// Where the last three rated days sit against the band.
pub fn position_sentence(days: &[CourseDay], kind: Kind) -> String {
    match compare::position(days, kind) {
        Finding::NotEnough { rated, needed } => {
            format!("Against the usual course ({}): not enough ratings yet ({rated} of {needed}).", kind.word())
        }
        Finding::Found(p) => {
            let word = match p {
                compare::Position::Below => "below",
                compare::Position::Inside => "inside",
                compare::Position::Above => "above",
            };
            format!("Your last three rated days ({}) sit {word} the usual band.", kind.word())
        }
    }
}

/// Doses today and the 7-day average.
pub fn dose_line(journal: &Journal, today: NaiveDate) -> String {
    let days = analysis::dose_days_in(journal, today - chrono::Duration::days(7), today);
    let today_text = match days.get(&today) {
        None => "none today".to_owned(),
        Some(d) => format!("{} today ({} g)", plural(d.count, "dose"), format_number(d.grams)),
    };
    let average = match analysis::average_daily_grams(&days, today, 7) {
        None => "none in the 7 days before today".to_owned(),
        Some(g) => format!("7-day average {} g/day", format_number(g)),
    };
    format!("Doses: {today_text} · {average}.")
}

/// During a taper: today's target, what was taken so far, the next step.
pub fn taper_line(journal: &Journal, today: NaiveDate) -> Option<String> {
    let plan = journal.plan()?;
    let taken = analysis::dose_day(journal, today).map_or(0.0, |d| d.grams);
    let next = plan.next_after(today);
    let next_text = next.map_or_else(String::new, |t| {
        let to =
            if t.grams == 0.0 { "0, the stopping day".to_owned() } else { format!("{} g", format_number(t.grams)) };
        format!(" · next step {} (to {to})", t.start.format("%a %-d %b"))
    });
    Some(match plan.target_on(today) {
        None => format!("Taper plan: starts {}{next_text}.", plan.targets.first()?.start.format("%a %-d %b")),
        Some(0.0) => format!("Taper plan: the target has been 0 since {}.", plan.ends()?.format("%a %-d %b")),
        Some(target) => format!(
            "Taper: today's target {} g · taken so far today {} g{next_text}.",
            format_number(target),
            format_number(taken)
        ),
    })
}

/// "Sat 7 Feb: 6 → 5 g/day; physical 1.0 → 1.3, psychological not enough ratings".
pub fn step_effect_line(e: &crate::analysis::taper::StepEffect) -> String {
    let compare = |i: usize, word: &str| match (e.before[i], e.after[i]) {
        (Some(b), Some(a)) => format!("{word} {b:.1} → {a:.1}"),
        _ => format!("{word}: not enough ratings"),
    };
    format!(
        "{}: {} → {} g/day; {}, {}",
        e.date.format("%a %-d %b"),
        format_number(e.from_grams),
        format_number(e.to_grams),
        compare(0, "physical"),
        compare(1, "psychological")
    )
}

/// The whole status text.
pub fn full(journal: &Journal, now: Stamp) -> String {
    let today = now.date_naive();
    let mut out = String::new();
    for line in headline(journal, now) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", today_line(journal, today));
    if let Some(p) = position(journal, now) {
        let days = analysis::course_days(journal, p.last_use, today);
        for kind in Kind::BOTH {
            let _ = writeln!(out, "{}", peak_sentence(&days, kind));
        }
        let _ = writeln!(out, "{}", position_sentence(&days, Kind::Physical));
        let _ = writeln!(out, "{}", easing_sentence(&days));
        let _ = writeln!(out, "{}", trend_sentence(&days));
    }
    let _ = writeln!(out, "{}", dose_line(journal, today));
    if let Some(line) = taper_line(journal, today) {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// One line for a shell prompt.
pub fn short(journal: &Journal, now: Stamp) -> String {
    let day = position(journal, now).map_or_else(|| "no last dose".to_owned(), |p| format!("day {}", p.day));
    let scores = match analysis::scores_on(journal, now.date_naive()) {
        None => "not rated today".to_owned(),
        Some(s) => format!(
            "phys {} · psych {}",
            s.physical.map_or("–".to_owned(), |x| format!("{:.1}", x.mean)),
            s.psychological.map_or("–".to_owned(), |x| format!("{:.1}", x.mean))
        ),
    };
    format!("easeoff: {day} · {scores}")
}

/// `physical` → `Physical`.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
