//! The `status` text: where the person is today, in the words of their
//! situation (tapering, stopped, a lapse, using), in plain words. Pure
//! functions of the journal and the situation, shared by the command, the
//! app and the summary.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::analysis::compare::{self, Easing, Finding, Movement};
use crate::analysis::flags;
use crate::analysis::situation::{self, DoseRecord, LapseDay, Situation, State};
use crate::analysis::taper::{self, TaperNow};
use crate::analysis::{self, CourseDay, Score};
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
        State::NoData if journal.settings().mode == Some(crate::journal::Mode::Stopped) => {
            lines
                .push("You said you have stopped; the course counts from your last dose once it is marked.".to_owned());
            lines
                .push("Mark it with `easeoff last-use --at \"YYYY-MM-DD HH:MM\"` (or log your last doses).".to_owned());
        }
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
            let since = situation.use_since();
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
        }
    }

    if situation.ask_if_last
        && let (Some(newest), Some(hours)) = (situation.newest_dose, situation.hours_since_dose())
    {
        let how = match at {
            Where::Shell => format!("`easeoff last-use --at \"{}\"` marks it", newest.format("%Y-%m-%d %H:%M")),
            Where::App => "press S".to_owned(),
        };
        // Already counted from that dose (nothing logged since): say so, and
        // ask to confirm rather than pretend the question is still open.
        lines.push(if situation.stopped_by_gap {
            format!(
                "Counted from your newest dose, {} ago, as nothing is logged since. If that was your last, {how} to confirm; if not, log the doses since.",
                hours_words(hours)
            )
        } else {
            format!("Last dose {} ago. If that was your last, {how}: the course counts from it.", hours_words(hours))
        });
    }
    lines
}

/// "Use resumed on Sun 8 Mar, after 18 days without a dose from Tue 17 Feb
/// (kept as an earlier attempt)." — the spec's words for the situation.
fn resumed_line(situation: &Situation) -> Option<String> {
    let a = situation.attempts.last().filter(|_| situation.resumed())?;
    Some(format!(
        "Use resumed on {}, after {} without a dose from {} (kept as an earlier attempt).",
        a.resumed.format("%a %-d %b"),
        plural(usize::try_from(a.days()).unwrap_or(0), "day"),
        a.stop.at.format("%a %-d %b")
    ))
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
        // Steps before an earlier attempt are still listed with the dose
        // log: say which part of it this is about.
        None => match t.since {
            Some(since) => format!("No cut in the dose log since use resumed on {}", since.format("%a %-d %b")),
            None => "No cut in the dose log yet".to_owned(),
        },
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

/// One line about today's scores: the means of the items rated, and any
/// single item rated 3 or more beside them.
pub fn today_line(journal: &Journal, today: NaiveDate) -> String {
    match scores_words(journal, today) {
        None => "Today: not rated yet today.".to_owned(),
        Some(words) => format!("Today (means of the items rated, 0–4): {words}."),
    }
}

/// "physical 0.6 · trouble sleeping 4 · psychological 1.2" for a rated
/// date, `None` for a day without ratings.
pub fn scores_words(journal: &Journal, date: NaiveDate) -> Option<String> {
    let day = journal.day(date).filter(|_| analysis::scores_on(journal, date).is_some())?;
    let scores = analysis::day_scores(journal, day);
    Some(format!(
        "physical {} · psychological {}",
        score_detail(journal, day, scores.physical, Kind::Physical),
        score_detail(journal, day, scores.psychological, Kind::Psychological)
    ))
}

/// A day's score with its highest item beside it when that is 3 or more,
/// since a mean can hide one severe item: "0.6 · trouble sleeping 4".
pub fn score_detail(journal: &Journal, day: &crate::journal::Day, score: Option<Score>, kind: Kind) -> String {
    let text = score_text(score);
    match analysis::severe_item(journal, day, kind) {
        Some((label, value)) => format!("{text} · {label} {value}"),
        None => text,
    }
}

/// Who the comparison sentences speak to: the person (status, the app) or
/// the provider reading the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Person,
    Provider,
}

/// The comparisons with the usual course, once the person has stopped, in
/// the order status, the Course panel and the summary's key points give them.
pub fn comparison_sentences(days: &[CourseDay], voice: Voice) -> Vec<String> {
    vec![
        peak_sentence(days, Kind::Physical, voice),
        peak_sentence(days, Kind::Psychological, voice),
        now_sentence(days, Kind::Physical, voice),
        easing_sentence(days, voice),
        trend_sentence(days, voice),
    ]
}

/// The physical peak against days 3–4 (the reference guide gives that window
/// for physical symptoms only); the psychological peak's day and value.
pub fn peak_sentence(days: &[CourseDay], kind: Kind, voice: Voice) -> String {
    let word = kind.word();
    match compare::peak(days, kind) {
        Finding::NotEnough { rated, needed } => format!(
            "{} peak: not enough ratings yet ({rated} of {needed} days after the stop rated).",
            capitalised(word)
        ),
        Finding::Found(p) => {
            let so_far = if p.so_far { " so far" } else { "" };
            // A peak from a day with few items rated is said to be one.
            let partial = p
                .partial
                .map_or_else(String::new, |(rated, active)| format!("; partial: {rated} of {active} items rated"));
            let lead = match voice {
                Voice::Person => format!("Your {word} peak{so_far} was on day {} ({:.1}{partial})", p.day, p.score),
                Voice::Provider => {
                    format!("{} peak{so_far}: day {} ({:.1} of 4{partial})", capitalised(word), p.day, p.score)
                }
            };
            match kind {
                Kind::Physical => {
                    let [first, last] = course().typical_peak_days;
                    format!("{lead} — {} the usual days {first}–{last}.", p.timing_words())
                }
                Kind::Psychological => {
                    format!("{lead}. Psychological symptoms can begin with the physical ones and last for weeks.")
                }
            }
        }
    }
}

/// Which way the latest rated days go, against the usual shape: rising into
/// days 3–4, easing after them. Direction and timing, never severity.
pub fn now_sentence(days: &[CourseDay], kind: Kind, voice: Voice) -> String {
    let word = capitalised(kind.word());
    let n = match compare::now(days, kind) {
        Finding::NotEnough { rated, needed } => {
            return format!("Where {} scores are going: not enough ratings yet ({rated} of {needed}).", kind.word());
        }
        Finding::Found(n) => n,
    };
    let [first, last] = course().typical_peak_days;
    let from = course().comparisons.easing_usually_from_day;
    let mut text = match n.movement {
        Movement::RisingAsUsual => {
            format!(
                "{word} scores are rising (days {}–{}), as they usually do toward days {first}–{last}.",
                n.from_day, n.day
            )
        }
        Movement::StillRising => {
            format!(
                "{word} scores are still rising on day {}, when physical symptoms usually ease from day {from}.",
                n.day
            )
        }
        Movement::RoseAgain => format!("{word} scores rose again on day {} after easing.", n.day),
        Movement::EasingAsUsual => format!("{word} scores are easing, as is usual after days {first}–{last}."),
        Movement::FallingEarly => {
            format!("{word} scores are falling on day {}, before the usual days {first}–{last}.", n.day)
        }
        Movement::Steady => {
            format!("{word} scores are steady over days {}–{} (mean {:.1}).", n.from_day, n.day, n.mean)
        }
        Movement::Varied { low, high } => {
            format!("{word} scores varied over days {}–{} (from {low:.1} to {high:.1}).", n.from_day, n.day)
        }
    };
    if n.latest_stands_out {
        let whose = match voice {
            Voice::Person => "Your latest rated day",
            Voice::Provider => "The latest rated day",
        };
        let whose = if n.left_out.is_some() { whose.replace("rated", "fully rated") } else { whose.to_owned() };
        text.push_str(&format!(" {whose}, day {}, was {:.1}.", n.day, n.score));
    }
    if n.from_partial {
        text.push_str(" This rests on partial ratings (fewer than half the items rated on some of these days).");
    }
    // A partial day never decides the direction: say that it was left out.
    if let Some((day, rated, active)) = n.left_out {
        text.push_str(&format!(
            " Day {day} is left out of this: a partial rating ({rated} of {active} {} items).",
            kind.word()
        ));
    }
    text
}

/// When physical symptoms eased (mild or below, no item at 3 or more, two
/// rated days running), against "a week or more".
pub fn easing_sentence(days: &[CourseDay], voice: Voice) -> String {
    let lasts = course().physical_lasts_days;
    match compare::easing(days) {
        Finding::NotEnough { .. } => "Easing of physical symptoms: not enough ratings yet to tell.".to_owned(),
        Finding::Found(Easing::NotYet) => "Physical symptoms have not yet stayed at mild (1) or below, with no item at 3 or more, for two rated days after the peak.".to_owned(),
        Finding::Found(Easing::EasedOn { day }) => {
            let compared = match voice {
                Voice::Person if day < i64::from(lasts) => "sooner than the week or more that is common",
                Voice::Person => "in line with the week or more that is common",
                Voice::Provider => "they commonly last a week or more",
            };
            format!(
                "Physical symptoms eased to mild (1) or below, with no item at 3 or more, on day {day}; {compared}."
            )
        }
    }
}

/// The psychological mean of the last seven rated days and its direction,
/// in words that are true of the numbers.
pub fn trend_sentence(days: &[CourseDay], voice: Voice) -> String {
    match compare::trend(days, Kind::Psychological) {
        Finding::NotEnough { rated, needed } => {
            format!("Psychological trend: not enough ratings yet ({rated} of {needed} rated days).")
        }
        Finding::Found(t) => {
            let noun = match voice {
                Voice::Person => "symptoms",
                Voice::Provider => "scores",
            };
            format!(
                "Psychological {noun} over the last {} rated days: mean {:.1}, {}.",
                t.days,
                t.mean,
                t.direction.words()
            )
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
    // Facts that matter for safety come first (shared/spec/safety.md).
    let recent = flags::recent(journal, &situation);
    for flag in &recent {
        let _ = writeln!(out, "For attention: {}", flag.text);
    }
    if !recent.is_empty() {
        let _ = writeln!(out);
    }
    for line in headline(journal, &situation, Where::Shell) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", today_line(journal, today));
    if let Some(anchor) = situation.anchor() {
        for sentence in comparison_sentences(&analysis::course_days(journal, anchor, today), Voice::Person) {
            let _ = writeln!(out, "{sentence}");
        }
    }
    if situation.state == State::Tapering {
        let since = situation.use_since();
        for cut in taper::taper_now(journal, today, since).cuts.iter().rev().take(3) {
            let _ = writeln!(out, "Around the cut of {}.", step_effect_line(cut));
        }
    }
    let _ = writeln!(out, "{}", dose_line(journal, &situation));
    if let Some(line) = doses_after_line(journal, now) {
        let _ = writeln!(out, "{line}");
    }
    for a in &situation.attempts {
        let _ = writeln!(out, "{}", attempt_line(a));
    }
    out
}

/// What a dose dated after now means (see [`situation::doses_after`]),
/// or `None` when there is none: "1 dose is dated after now (2 g, Wed 11
/// Mar 2026 08:00): it is not counted as your last dose until then. …"
pub fn doses_after_line(journal: &Journal, now: Stamp) -> Option<String> {
    let later = situation::doses_after(journal, now);
    if later.is_empty() {
        return None;
    }
    let which: Vec<String> =
        later.iter().map(|d| format!("{} g, {}", format_number(d.grams), d.at.format("%a %-d %b %Y %H:%M"))).collect();
    let (is, it, that) =
        if later.len() == 1 { ("is", "it does", "that time") } else { ("are", "they do", "their time") };
    Some(format!(
        "{} {is} dated after now ({}): {it} not count as your last dose until {that}. \
         If the clock was wrong when logging, `easeoff dose --undo` removes the newest dose (log it again with --at), \
         or fix the time in the journal file.",
        capitalised(&plural(later.len(), "dose")),
        which.join("; "),
    ))
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
            let since = situation.use_since();
            let t = taper::taper_now(journal, today, since);
            let mut parts = vec![t.day.map_or_else(|| "tapering".to_owned(), |d| format!("taper day {d}"))];
            if let Some((k, m)) = t.step {
                parts.push(format!("step {k} of {m}"));
            }
            if let Some(target) = t.target {
                let taken = if t.taken.count == 0 {
                    "nothing logged yet".to_owned()
                } else {
                    format!("taken {} g", format_number(t.taken.grams))
                };
                parts.push(format!("target {} g, {taken}", format_number(target)));
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
