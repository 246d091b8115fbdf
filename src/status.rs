//! The `status` text: where the person is today, in the words of their
//! situation (tapering, stopped, a lapse, using), in plain words. Pure
//! functions of the journal and the situation, shared by the command, the
//! app and the summary.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::analysis::compare::{self, Easing, Finding};
use crate::analysis::situation::{self, DoseRecord, LapseDay, Situation, State};
use crate::analysis::taper::{self, TaperNow};
use crate::analysis::{self, CourseDay, DayScores, Score};
use crate::course::course;
use crate::journal::{Journal, Kind, LastUseSource, Stamp, format_number};

/// How the app or the shell marks the newest dose as the last one: the
/// ambiguous-moment question ends with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    Shell,
    App,
}

/// The headline: where the person is, in the words of their situation.
pub fn headline(journal: &Journal, situation: &Situation, at: Where) -> Vec<String> {
    let now = situation.now;
    let today = now.date_naive();
    let mut lines = Vec::new();
    match situation.state {
        State::NoData => {
            lines.push("No dose and no stop recorded yet.".to_owned());
            lines.push(
                match at {
                    Where::Shell => {
                        "Log doses with `easeoff dose GRAMS`, or mark your last dose with `easeoff last-use --at TIME`."
                    }
                    Where::App => "d logs a dose; the welcome (or `easeoff last-use`) marks a last dose.",
                }
                .to_owned(),
            );
        }
        State::Using => {
            if let Some(line) = resumed_line(situation) {
                lines.push(line);
            }
            if let (Some(at), Some(hours)) = (situation.newest_dose, situation.hours_since_dose()) {
                lines.push(format!(
                    "Using: newest dose {} ({} ago).",
                    at.format("%a %-d %b, %H:%M"),
                    hours_words(hours)
                ));
            }
        }
        State::Tapering => {
            if let Some(line) = resumed_line(situation) {
                lines.push(line);
            }
            let since = situation.attempts.last().map(|a| a.resumed.date_naive());
            lines.extend(taper_lines(&taper::taper_now(journal, today, since), today));
        }
        State::Stopped | State::Lapse => {
            let Some(stop) = situation.stop else { return lines };
            let day = situation.day().unwrap_or(1);
            if situation.state == State::Lapse {
                lines.push(format!(
                    "Day {day} since you stopped on {}. {} since: {}.",
                    stop.at.format("%a %-d %b"),
                    capitalised(&number_word(situation.lapses.iter().map(|l| l.doses).sum(), "dose")),
                    lapse_list(&situation.lapses)
                ));
            } else {
                let from = match stop.source {
                    LastUseSource::DoseLog => "from your dose log",
                    LastUseSource::Mark => "as you marked it",
                };
                lines.push(format!(
                    "Day {day} since your last dose ({}, {from}).",
                    stop.at.format("%a %-d %b %Y, %H:%M")
                ));
            }
            if let Some(phase) = situation.hours_since_stop().and_then(|h| course().phase(h)) {
                lines.push(phase.message.clone());
            }
            if let Some(fact) = tolerance_fact(situation) {
                lines.push(fact);
            }
        }
    }
    if situation.ask_if_last
        && let (Some(newest), Some(hours)) = (situation.newest_dose, situation.hours_since_dose())
    {
        let how = match at {
            Where::Shell => format!("`easeoff last-use --at \"{}\"` marks it", newest.format("%Y-%m-%d %H:%M")),
            Where::App => "press S".to_owned(),
        };
        lines.push(format!(
            "Last dose {} ago. If that was your last, {how}: the course counts from it.",
            hours_words(hours)
        ));
    }
    lines
}

/// "Using again since Sun 8 Mar, after 18 days without a dose from Tue 17 Feb."
fn resumed_line(situation: &Situation) -> Option<String> {
    let a = situation.attempts.last().filter(|_| situation.resumed())?;
    Some(format!(
        "Using again since {}, after {} without a dose from {} (kept as an earlier attempt).",
        a.resumed.format("%a %-d %b"),
        plural(usize::try_from(a.days()).unwrap_or(0), "day"),
        a.stop.at.format("%a %-d %b")
    ))
}

/// The tolerance fact after a lapse that followed 7 or more days without.
pub fn tolerance_fact(situation: &Situation) -> Option<String> {
    let (_, days) = situation.tolerance_lapse()?;
    Some(format!("After {days} days without, tolerance is lower: an amount taken before can act more strongly now."))
}

/// "Sun 8 Mar, 3 g; Tue 10 Mar, 1.5 g (2 doses)".
pub fn lapse_list(lapses: &[LapseDay]) -> String {
    lapses
        .iter()
        .map(|l| {
            let doses = if l.doses > 1 { format!(" ({} doses)", l.doses) } else { String::new() };
            format!("{}, {} g{doses}", l.date.format("%a %-d %b"), format_number(l.grams))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The taper's lines: day and step, today's target and intake, the latest cut, the next step.
pub fn taper_lines(t: &TaperNow, today: NaiveDate) -> Vec<String> {
    let mut lines = Vec::new();
    let mut first = Vec::new();
    if let Some(day) = t.day {
        first.push(format!("Taper day {day}"));
    }
    if let Some((k, m)) = t.step {
        first.push(format!("step {k} of {m} of your plan"));
    }
    lines.push(if first.is_empty() { "Tapering.".to_owned() } else { format!("{}.", first.join(" · ")) });
    let taken = if t.taken.count == 0 {
        "no dose logged yet today".to_owned()
    } else {
        format!("taken so far {} g ({})", format_number(t.taken.grams), plural(t.taken.count, "dose"))
    };
    lines.push(match t.target {
        Some(0.0) => format!("Today's target is 0: the plan's stop · {taken}."),
        Some(target) => format!("Today's target {} g · {taken}.", format_number(target)),
        None => format!("No plan target today · {taken}."),
    });
    let mut cut_line = match t.cuts.last() {
        None => "No cut in the dose log yet".to_owned(),
        Some(c) => {
            let ago = (today - c.date).num_days();
            format!(
                "Latest cut: {}, {} → {} g/day, {}",
                c.date.format("%a %-d %b"),
                format_number(c.from_grams),
                format_number(c.to_grams),
                match ago {
                    0 => "today".to_owned(),
                    1 => "1 day ago".to_owned(),
                    n => format!("{n} days ago"),
                }
            )
        }
    };
    if let Some(next) = t.next {
        let to = if next.grams == 0.0 { "0, the stop".to_owned() } else { format!("{} g", format_number(next.grams)) };
        cut_line.push_str(&format!(". Next step: {}, to {to}", next.start.format("%a %-d %b")));
    }
    lines.push(format!("{cut_line}."));
    lines.extend(t.unsettled.as_ref().map(unsettled_sentence));
    lines
}

/// Scores that rose after a cut and stayed up, and the choice published
/// tapering guidance names (HHS, 2019): a step can be held longer.
pub fn unsettled_sentence(u: &taper::Unsettled) -> String {
    format!(
        "After the cut on {}, the {} score rose from {:.1} and is {:.1} a week later. Published tapering guidance says a step can be held longer before the next one (`easeoff plan adjust --hold DAYS`, or o on the Doses screen).",
        u.cut.format("%a %-d %b"),
        u.kind.word(),
        u.before,
        u.recent
    )
}

/// "13 h", "2 days".
pub fn hours_words(hours: f64) -> String {
    if hours < 48.0 { format!("{} h", hours.floor()) } else { plural((hours / 24.0).floor() as usize, "day") }
}

/// "one dose", "2 doses".
fn number_word(n: usize, word: &str) -> String {
    if n == 1 { format!("one {word}") } else { format!("{n} {word}s") }
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

/// Doses today and the 7-day average over the days with a record.
pub fn dose_line(journal: &Journal, situation: &Situation) -> String {
    let today = situation.now.date_naive();
    // Once stopped, an average of zeros says nothing: say what is true.
    if let (State::Stopped, Some(stop)) = (situation.state, situation.stop) {
        let days = (today - stop.at.date_naive()).num_days();
        return if days < 1 {
            "Doses: none since the last one.".to_owned()
        } else {
            format!("Doses: none since the stop ({}).", plural(usize::try_from(days).unwrap_or(0), "day"))
        };
    }
    let record = situation::dose_record(journal, situation, today, analysis::dose_day(journal, today));
    let today_text = match record {
        DoseRecord::Logged(d) => format!("{} today ({} g)", plural(d.count, "dose"), format_number(d.grams)),
        DoseRecord::None => "none today".to_owned(),
        DoseRecord::NotLogged => "none logged today".to_owned(),
    };
    let average = match situation::average_daily_grams(journal, situation, today, 7) {
        None => "nothing logged in the 7 days before today".to_owned(),
        Some(a) => format!("7-day average {}", a.words()),
    };
    format!("Doses: {today_text} · {average}.")
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
    let situation = situation::situation(journal, now);
    let today = now.date_naive();
    let mut out = String::new();
    for line in headline(journal, &situation, Where::Shell) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", today_line(journal, today));
    if let Some(anchor) = situation.anchor() {
        let days = analysis::course_days(journal, anchor, today);
        for kind in Kind::BOTH {
            let _ = writeln!(out, "{}", peak_sentence(&days, kind));
        }
        let _ = writeln!(out, "{}", position_sentence(&days, Kind::Physical));
        let _ = writeln!(out, "{}", easing_sentence(&days));
        let _ = writeln!(out, "{}", trend_sentence(&days));
    }
    if situation.state == State::Tapering {
        let since = situation.attempts.last().map(|a| a.resumed.date_naive());
        for cut in taper::taper_now(journal, today, since).cuts.iter().rev().take(3) {
            let _ = writeln!(out, "Around the cut of {}.", step_effect_line(cut));
        }
    }
    let _ = writeln!(out, "{}", dose_line(journal, &situation));
    for a in &situation.attempts {
        let _ = writeln!(out, "{}", attempt_line(a));
    }
    out
}

/// "Earlier attempt: stopped Tue 17 Feb, 18 days without a dose."
pub fn attempt_line(a: &situation::Attempt) -> String {
    let lapses = if a.lapses.is_empty() { String::new() } else { format!("; during it: {}", lapse_list(&a.lapses)) };
    format!(
        "Earlier attempt: stopped {}, {} without a dose{lapses}.",
        a.stop.at.format("%a %-d %b %Y"),
        plural(usize::try_from(a.days()).unwrap_or(0), "day")
    )
}

/// One line for a shell prompt.
pub fn short(journal: &Journal, now: Stamp) -> String {
    let situation = situation::situation(journal, now);
    let today = now.date_naive();
    let place = match situation.state {
        State::NoData => "no dose or stop recorded".to_owned(),
        State::Using => situation
            .hours_since_dose()
            .map_or_else(|| "using".to_owned(), |h| format!("using, newest dose {} ago", hours_words(h))),
        State::Tapering => {
            let since = situation.attempts.last().map(|a| a.resumed.date_naive());
            let t = taper::taper_now(journal, today, since);
            let mut parts = vec![t.day.map_or_else(|| "tapering".to_owned(), |d| format!("taper day {d}"))];
            if let Some((k, m)) = t.step {
                parts.push(format!("step {k} of {m}"));
            }
            if let Some(target) = t.target {
                parts.push(format!("target {} g, taken {} g", format_number(target), format_number(t.taken.grams)));
            }
            parts.join(", ")
        }
        State::Stopped => format!("day {}", situation.day().unwrap_or(1)),
        State::Lapse => format!(
            "day {} since the stop, {} since",
            situation.day().unwrap_or(1),
            plural(situation.lapses.len(), "lapse day")
        ),
    };
    let scores = match analysis::scores_on(journal, today) {
        None => "not rated today".to_owned(),
        Some(s) => format!(
            "phys {} · psych {}",
            s.physical.map_or("–".to_owned(), |x| format!("{:.1}", x.mean)),
            s.psychological.map_or("–".to_owned(), |x| format!("{:.1}", x.mean))
        ),
    };
    format!("easeoff: {place} · {scores}")
}

/// `physical` → `Physical`.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
