//! The facts that matter for safety (`shared/spec/safety.md`), computed for
//! a period from the journal and the situation: an aid above its label's
//! daily maximum, loperamide on more than two days running, low mood rated
//! severe, use again after a week or more without, and signs of losing
//! fluids. Each flag carries its dates and the fact it rests on, in words
//! that state facts and never order, diagnose or judge. Pure.

use chrono::{Duration, NaiveDate};

use super::situation::{Situation, State};
use crate::journal::{Journal, format_number};

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FlagKind {
    AboveLabel,
    LoperamideDays,
    LowMood,
    Tolerance,
    Fluids,
}

/// One fact for attention, with the dates it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub kind: FlagKind,
    pub dates: Vec<NaiveDate>,
    /// The whole fact, in plain words, for the person: what status, the app
    /// and a just-logged change show, with where to find more help.
    pub text: String,
    /// The same fact for the provider's visit summary: the facts and the
    /// numbers only, no directions to the app's screens or commands.
    pub provider: String,
}

/// Items whose rating of 3 or 4 on two days running points to losing fluids.
const FLUID_ITEMS: [&str; 3] = ["diarrhea", "nausea", "vomiting"];
/// How many days in a row of loperamide the label says to ask about.
const LOPERAMIDE_DAYS: usize = 2;

impl Flag {
    /// A few words for the one line on the Today screen.
    pub fn short(&self) -> String {
        let when = dates_words(&self.dates);
        match self.kind {
            FlagKind::AboveLabel => {
                let name = self.text.split_whitespace().next().unwrap_or("an aid").to_lowercase();
                format!("{name} above the label's daily maximum ({when})")
            }
            FlagKind::LoperamideDays => format!("loperamide {} days running ({when})", self.dates.len()),
            FlagKind::LowMood => format!("low mood rated severe ({when})"),
            FlagKind::Tolerance => format!("kratom again after a week or more without ({when}): tolerance is lower"),
            FlagKind::Fluids => format!("severe diarrhea, nausea or vomiting two days running ({when})"),
        }
    }
}

/// Every flag whose dates fall in `from..=to` (any of them).
pub fn flags(journal: &Journal, situation: &Situation, from: NaiveDate, to: NaiveDate) -> Vec<Flag> {
    let mut out = Vec::new();
    out.extend(above_label(journal, from, to));
    out.extend(loperamide_days(journal, from, to));
    out.extend(low_mood(journal, from, to));
    out.extend(tolerance(situation, from, to));
    out.extend(fluids(journal, from, to));
    // The newest first: what just happened matters most.
    out.sort_by(|a, b| b.dates.last().cmp(&a.dates.last()).then(a.kind.cmp(&b.kind)));
    out
}

/// The flags of the last 7 days up to `today`: what status, the Today screen
/// and a just-logged change bring up.
pub fn recent(journal: &Journal, situation: &Situation) -> Vec<Flag> {
    let today = situation.now.date_naive();
    flags(journal, situation, today - Duration::days(6), today)
}

fn dates_words(dates: &[NaiveDate]) -> String {
    match dates {
        [] => String::new(),
        [one] => one.format("%a %-d %b").to_string(),
        [first, .., last] if is_run(dates) => {
            format!("{} – {}", first.format("%a %-d %b"), last.format("%a %-d %b"))
        }
        many => many.iter().map(|d| d.format("%a %-d %b").to_string()).collect::<Vec<_>>().join(", "),
    }
}

fn is_run(dates: &[NaiveDate]) -> bool {
    dates.windows(2).all(|w| w[1] - w[0] == Duration::days(1))
}

/// The rated value of an item on a date, if rated.
fn rated(journal: &Journal, date: NaiveDate, id: &str) -> Option<u8> {
    journal.day(date).and_then(|d| d.ratings.get(id)).map(|r| r.value)
}

fn low_mood(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Option<Flag> {
    let dates: Vec<NaiveDate> = journal
        .days()
        .range(from..=to)
        .filter(|(_, day)| day.ratings.get("depressed-mood").is_some_and(|r| r.value >= 3))
        .map(|(date, _)| *date)
        .collect();
    (!dates.is_empty()).then(|| {
        let settings = journal.settings();
        let fact = format!("Low or depressed mood rated severe or extreme on {}.", dates_words(&dates));
        Flag {
            kind: FlagKind::LowMood,
            text: format!(
                "{fact} {}{}; more people to reach, day or night, under `easeoff get-help` (! in the app).",
                crate::get_help::crisis_line(settings).text,
                // Said so when no country is chosen: the line shown is the US one.
                if settings.country.is_none() { " (in the US; `easeoff settings country XX` gives yours)" } else { "" }
            ),
            // The provider reads the line with its country, and nothing about the app.
            provider: format!("{fact} {}.", crate::get_help::crisis_line_with_country(settings)),
            dates,
        }
    })
}

fn tolerance(situation: &Situation, from: NaiveDate, to: NaiveDate) -> Option<Flag> {
    let (first, days) = situation.tolerance_after()?;
    let date = first.date_naive();
    // A lapse is counted as the headline counts it, by day N since the stop;
    // use resumed as its line and the earlier attempt count it, by the days
    // without a dose. One count on each screen, never two.
    let when = match (situation.state, situation.stop, situation.day_of(date)) {
        (State::Lapse, Some(stop), Some(day)) => {
            format!("on {}, day {day} since the stop on {}", date.format("%a %-d %b"), stop.at.format("%a %-d %b"))
        }
        _ => format!("on {} after {days} days without a dose", date.format("%a %-d %b")),
    };
    let fact = format!(
        "Kratom again {when}: tolerance is lower after a week or more without, so an amount taken before can act more strongly"
    );
    (from..=to).contains(&date).then(|| Flag {
        kind: FlagKind::Tolerance,
        dates: vec![date],
        text: format!("{fact} now."),
        // The summary is read later, at a visit: "now" would be the wrong day.
        provider: format!("{fact}."),
    })
}

/// Two days running with diarrhea, nausea or vomiting rated 3 or 4.
fn fluids(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Option<Flag> {
    let severe = |date: NaiveDate| FLUID_ITEMS.iter().any(|id| rated(journal, date, id).is_some_and(|v| v >= 3));
    let dates: Vec<NaiveDate> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| severe(*d) && (severe(*d - Duration::days(1)) || severe(*d + Duration::days(1))))
        .collect();
    (!dates.is_empty()).then(|| {
        let text = format!(
            "Diarrhea, nausea or vomiting rated severe or extreme on two days running ({}): signs of dehydration (dizziness, very dark urine, little urine) need medical help.",
            dates_words(&dates)
        );
        Flag { kind: FlagKind::Fluids, provider: text.clone(), text, dates }
    })
}

/// Loperamide in mg on a date, from the day's aids (every spelling, counts
/// of a known strength turned into mg).
fn loperamide_mg(journal: &Journal, date: NaiveDate) -> Option<f64> {
    super::aids::aid_on(journal, date, "loperamide").map(|a| a.mg.unwrap_or(0.0)).filter(|mg| *mg > 0.0)
}

/// What the label or the FDA says about going above the maximum, for the
/// aids where a source says it (assets/aids.json).
fn above_label_fact(id: &str) -> &'static str {
    match id {
        "loperamide" => " High doses can cause serious heart problems (FDA, 2016 and 2018).",
        "acetaminophen" => " The label warns of severe liver damage above it.",
        _ => "",
    }
}

/// Each day an aid's sum in mg went above its label's daily maximum.
fn above_label(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<Flag> {
    journal
        .days()
        .range(from..=to)
        .flat_map(|(date, day)| {
            super::aids::aid_days(day).into_iter().filter_map(move |aid| {
                let max = aid.above_max()?;
                let mg = aid.mg?;
                let text = format!(
                    "{} {} mg on {} — above the {} mg a day on the {} label.{}",
                    crate::status::capitalised(&aid.name),
                    format_number(mg),
                    date.format("%a %-d %b"),
                    format_number(max.mg),
                    max.label,
                    above_label_fact(&aid.name)
                );
                Some(Flag { kind: FlagKind::AboveLabel, dates: vec![*date], provider: text.clone(), text })
            })
        })
        .collect()
}

/// Loperamide on more than two days in a row, each run once.
fn loperamide_days(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<Flag> {
    let taken: Vec<NaiveDate> =
        from.iter_days().take_while(|d| *d <= to).filter(|d| loperamide_mg(journal, *d).is_some()).collect();
    let mut runs: Vec<Vec<NaiveDate>> = Vec::new();
    for date in taken {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|l| date - *l == Duration::days(1)) => run.push(date),
            _ => runs.push(vec![date]),
        }
    }
    runs.into_iter()
        .filter(|run| run.len() > LOPERAMIDE_DAYS)
        .map(|run| {
            let text = format!(
                "Loperamide on {} days in a row ({}): the label says to ask a doctor if diarrhea lasts more than 2 days.",
                run.len(),
                dates_words(&run)
            );
            Flag { kind: FlagKind::LoperamideDays, provider: text.clone(), text, dates: run }
        })
        .collect()
}
