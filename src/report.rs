//! The visit summary: one data structure built from the journal for a period,
//! rendered to text, Markdown, print-ready HTML and PDF by the modules below,
//! so the formats cannot disagree. Pure: the journal, "now" and the period come
//! in; nothing here touches the disk, the clock or a printer.

mod chart;
pub mod html;
pub mod markdown;
pub mod pdf;
mod svg;
pub mod text;
mod ticks;
mod words;

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use crate::analysis::aids;
use crate::analysis::compare;
use crate::analysis::situation::{self, DoseRecord, Situation, State};
use crate::analysis::taper::{self, TaperNow};
use crate::analysis::{self, CourseDay};
use crate::course::{Band, course, day_number};
use crate::journal::criteria::{CheckKind, CheckView};
use crate::journal::{AidUnit, Journal, Kind, Stamp};

/// How many days before the stop a summary starts by default.
pub const DAYS_BEFORE_STOP: i64 = 14;
/// The first days after a stop that the default period always includes.
pub const DAYS_AFTER_STOP: i64 = 14;
/// Without a stop, the default period covers this many days before today …
pub const DAYS_WITHOUT_STOP: i64 = 14;
/// … or a taper from a week before its start, up to this many days.
pub const MOST_TAPER_DAYS: i64 = 90;

/// The sections of the page, which the HTML and the PDF lay out the same
/// way from [`PAGE`]: a section is added there once, and each format's
/// exhaustive `match` on `Part` asks for its rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The safety flags, framed, first.
    Attention,
    /// Where the person is, the amounts, the days rated.
    Status,
    /// The course chart.
    Course,
    KeyPoints,
    /// The history as the person reported it: product, how long, how
    /// much, why, what else they take.
    History,
    Symptoms,
    /// The self-checks about the past 12 months (and an earlier
    /// seven-question one), as reported.
    Checks,
    /// The person's questions for this visit.
    Questions,
    /// The notes the person marked for the provider.
    Notes,
    /// Aids, doses and sleep.
    Side,
    /// What the ratings and the band mean; patient-reported.
    Footer,
}

/// Where each section goes: across the page above the two columns, in the
/// left or the right column, or across the page below them.
pub struct PageLayout {
    pub top: &'static [Part],
    pub left: &'static [Part],
    pub right: &'static [Part],
    pub bottom: &'static [Part],
}

/// The page: the questions across the page above the columns, so they are
/// never the part that goes on to page 2; the notes under the symptoms and
/// sleep under the doses, so the two columns come out about even and a
/// six-week journal with every section full stays one page.
pub const PAGE: PageLayout = PageLayout {
    top: &[Part::Attention, Part::Status, Part::History, Part::Course, Part::KeyPoints, Part::Checks, Part::Questions],
    left: &[Part::Symptoms, Part::Notes],
    right: &[Part::Side],
    bottom: &[Part::Footer],
};

/// Paper for the PDF summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    Letter,
    A4,
}

impl Paper {
    /// Width and height in points.
    pub fn points(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.276, 841.89),
        }
    }

    /// The paper of the country chosen in the journal's settings (for
    /// *When to get help*), else Letter, like the app's default numbers.
    pub fn of_journal(journal: &Journal) -> Paper {
        journal.settings().country.as_deref().map_or(Paper::Letter, Paper::for_country)
    }

    /// The paper used in a country (an ISO code, any case): Letter in the
    /// US and Canada, A4 everywhere else.
    pub fn for_country(code: &str) -> Paper {
        if ["US", "CA"].iter().any(|c| c.eq_ignore_ascii_case(code)) { Paper::Letter } else { Paper::A4 }
    }
}

/// Everything the summary says, in the order it says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Every safety flag in the period, first on page one ("none" is said too).
    pub attention: Vec<crate::analysis::flags::Flag>,
    pub name: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub made: Stamp,
    pub status: Status,
    pub chart: Vec<ChartDay>,
    pub key_points: Vec<String>,
    pub items: Vec<ItemRow>,
    /// Items of the catalog that were not rated at all in the period.
    pub items_not_rated: usize,
    pub sleep: SleepRow,
    pub aids: Vec<AidRow>,
    /// What was taken, day by day, as rows (see [`DoseRow`]).
    pub dose_rows: Vec<DoseRow>,
    /// Reduction steps with the scores 3 days before and after each.
    pub step_effects: Vec<taper::StepEffect>,
    /// Where the person is at the end of the period: the stop, the lapses
    /// and the earlier attempts (listed whatever the period).
    pub situation: Situation,
    /// While tapering: the taper as it stands.
    pub taper_now: Option<TaperNow>,
    /// The plan as it stood at the end of the period, and how the period went against it.
    pub plan: Option<PlanRow>,
    /// The history as reported, one line per answered question.
    pub history: Vec<crate::journal::about::Line>,
    pub checks: Checks,
    pub notes: Vec<(NaiveDate, String)>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// The first and the latest dose rows with doses in the period.
    pub start: Option<DoseRow>,
    pub latest: Option<DoseRow>,
    pub steps: usize,
    /// The usual amount the person stated, when the journal holds no doses
    /// from before the period: (grams a day, when it was stated).
    pub usual: Option<(f64, Option<Stamp>)>,
    pub days_rated: usize,
    pub days_in_period: usize,
}

/// A stretch of days in the dose history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DoseRow {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub taken: Taken,
    /// The median number of doses a day (logged rows only).
    pub doses_per_day: usize,
    /// Doses after the stop: a lapse.
    pub lapse: bool,
    /// The forms logged with the row's doses ("powder + capsules").
    pub forms: crate::journal::Forms,
}

/// What a row of the dose history says was taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Taken {
    /// The same amount every day (within 0.05 g).
    Steady(f64),
    /// Amounts that varied, from the least to the most.
    Range(f64, f64),
    /// None taken.
    None,
    /// Nothing logged.
    NotLogged,
}

impl DoseRow {
    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }
}

/// One day of the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartDay {
    pub date: NaiveDate,
    /// Day N since the last use; `None` before it.
    pub day: Option<i64>,
    pub physical: Option<f64>,
    pub psychological: Option<f64>,
    /// The expected band of each kind (physical, psychological), on the 0–4 scale.
    pub bands: Option<[Band; 2]>,
    /// The day's kratom: logged grams, 0 for a day without, `None` not logged.
    pub dose_grams: Option<f64>,
    /// A dose after the stop (a lapse): marked on the chart.
    pub lapse: bool,
    /// A reduction step of the taper starts on this day: marked on the chart.
    pub cut: bool,
}

/// One symptom of the table: where it stood at its worst and where it
/// stands now, rather than a mean over use, the acute phase and recovery.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    pub label: String,
    pub kind: Kind,
    /// The highest rating in the period, and the first day it was given.
    pub peak: u8,
    pub peak_date: NaiveDate,
    /// That day's number since the stop; `None` while using or tapering.
    pub peak_day: Option<i64>,
    /// The mean of its ratings over the last 7 days of the period.
    pub last_week: Option<f64>,
    /// Its most recent rating in the period.
    pub latest: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SleepRow {
    pub nights: usize,
    pub mean: Option<f64>,
    pub under_4: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AidRow {
    pub name: String,
    pub days: usize,
    /// Total and the most on one day, per unit: mg first, then what could
    /// not be turned into mg (counts of unknown strength, ml, IU).
    pub amounts: Vec<AidTotal>,
    /// Days on which part of the amount was not in mg, so could not be
    /// checked against the label.
    pub unchecked_days: usize,
}

/// An aid's total over the period in one unit, and the most on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct AidTotal {
    pub unit: crate::journal::AidUnit,
    pub total: f64,
    pub most: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub set: Stamp,
    pub spec: Option<crate::journal::plan::PlanSpec>,
    pub adherence: taper::Adherence,
}

/// The self-checks the summary shows: the newest 11-question check up to
/// the end of the period, the one before it for comparison, and the newest
/// earlier 7-question check, kept readable for what it was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checks {
    pub latest: Option<CheckView>,
    pub previous: Option<CheckView>,
    pub seven: Option<CheckView>,
}

/// The default period, to today: from 14 days before the latest stop (the
/// current one, or the latest earlier attempt's), so that the stop and its
/// first 14 days are in it; without a stop, a taper from a week before its
/// start, or else the last 14 days. Never before the first entry.
pub fn default_period(journal: &Journal, now: Stamp) -> (NaiveDate, NaiveDate) {
    let today = now.date_naive();
    let first = journal.span().map_or(today, |(first, _)| first.min(today));
    let s = situation::situation(journal, now);
    let stop = s.stop.or_else(|| s.attempts.last().map(|a| a.stop));
    let from = match (stop, s.state) {
        (Some(stop), _) => stop.at.date_naive() - Duration::days(DAYS_BEFORE_STOP),
        (None, State::Tapering) => {
            let since = s.use_since();
            let start = taper::taper_now(journal, today, since).start.unwrap_or(today);
            (start - Duration::days(7)).max(today - Duration::days(MOST_TAPER_DAYS))
        }
        (None, _) => today - Duration::days(DAYS_WITHOUT_STOP),
    };
    (from.max(first).min(today), today)
}

/// Builds the summary of `from..=to`.
pub fn build(journal: &Journal, now: Stamp, from: NaiveDate, to: NaiveDate, name: Option<&str>) -> Summary {
    let situation = situation::situation(journal, now);
    let anchor = situation.anchor();
    let course_days = anchor.map(|at| analysis::course_days(journal, at, to)).unwrap_or_default();
    let dose_days = analysis::dose_days_in(journal, from, to);
    let stretches = taper::stretches(&dose_days);
    let dose_rows = dose_rows(journal, &situation, from, to, &dose_days, &stretches);
    let days_in_period = usize::try_from((to - from).num_days() + 1).unwrap_or(0);
    let days_rated =
        from.iter_days().take_while(|d| *d <= to).filter(|d| analysis::scores_on(journal, *d).is_some()).count();
    let logged_rows = || dose_rows.iter().filter(|r| matches!(r.taken, Taken::Steady(_) | Taken::Range(..)));
    let before_period = journal.doses().first().is_some_and(|d| d.at.date_naive() < from);
    let settings = journal.settings();
    let status = Status {
        start: logged_rows().next().copied(),
        latest: logged_rows().next_back().copied(),
        steps: taper::reduction_steps(&stretches),
        usual: settings.usual_daily_grams.filter(|_| !before_period).map(|g| (g, settings.usual_set)),
        days_rated,
        days_in_period,
    };
    let plan = plan_row(journal, &situation, from, to);
    let step_effects = taper::step_effects(journal, &stretches);
    let taper_now = (situation.state == State::Tapering).then(|| {
        let since = situation.use_since();
        taper::taper_now(journal, now.date_naive(), since)
    });
    Summary {
        attention: crate::analysis::flags::flags(journal, &situation, from, to),
        name: name.map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned),
        from,
        to,
        made: now,
        status,
        chart: chart_days(journal, &situation, (from, to), &course_days, &dose_days, &step_effects),
        key_points: key_points(journal, &situation, &course_days, to),
        items: item_rows(journal, &situation, from, to),
        items_not_rated: items_not_rated(journal, from, to),
        sleep: sleep_row(journal, from, to),
        aids: aid_rows(journal, from, to),
        step_effects,
        dose_rows,
        situation,
        taper_now,
        plan,
        history: journal.history(),
        checks: checks(journal, to),
        notes: journal
            .days()
            .range(from..=to)
            .filter_map(|(d, day)| day.note.as_ref().filter(|n| n.for_provider).map(|n| (*d, n.text.clone())))
            .collect(),
        questions: journal.open_questions().map(|q| q.text.clone()).collect(),
    }
}

/// The dose history as rows: runs of logged days split at the taper's
/// steps, each one amount or a range; runs of none-days and of not-logged
/// days as rows of their own. Never an average nobody took.
fn dose_rows(
    journal: &Journal,
    situation: &Situation,
    from: NaiveDate,
    to: NaiveDate,
    logged: &BTreeMap<NaiveDate, analysis::DoseDay>,
    stretches: &[taper::Stretch],
) -> Vec<DoseRow> {
    let mut rows: Vec<(NaiveDate, NaiveDate, DoseRecord, Vec<analysis::DoseDay>)> = Vec::new();
    for date in from.iter_days().take_while(|d| *d <= to) {
        let record = situation::dose_record(journal, situation, date, logged.get(&date).copied());
        let step_starts_here = stretches.iter().skip(1).any(|s| s.first == date);
        let same_kind = |last: &DoseRecord| match (last, record) {
            (DoseRecord::Logged(_), DoseRecord::Logged(_)) => !step_starts_here,
            (DoseRecord::None, DoseRecord::None) | (DoseRecord::NotLogged, DoseRecord::NotLogged) => true,
            _ => false,
        };
        match rows.last_mut() {
            Some(row) if same_kind(&row.2) => {
                row.1 = date;
                if let DoseRecord::Logged(d) = record {
                    row.3.push(d);
                }
            }
            _ => {
                let days = if let DoseRecord::Logged(d) = record { vec![d] } else { Vec::new() };
                rows.push((date, date, record, days));
            }
        }
    }
    rows.into_iter()
        .map(|(first, last, record, days)| {
            let taken = match record {
                DoseRecord::None => Taken::None,
                DoseRecord::NotLogged => Taken::NotLogged,
                DoseRecord::Logged(_) => {
                    let least = days.iter().map(|d| d.grams).fold(f64::INFINITY, f64::min);
                    let most = days.iter().map(|d| d.grams).fold(0.0, f64::max);
                    if most - least <= 0.05 + 1e-9 { Taken::Steady(most) } else { Taken::Range(least, most) }
                }
            };
            let mut counts: Vec<usize> = days.iter().map(|d| d.count).collect();
            counts.sort_unstable();
            DoseRow {
                first,
                last,
                taken,
                doses_per_day: counts.get(counts.len() / 2).copied().unwrap_or(0),
                lapse: situation.lapses.iter().any(|l| l.date == first),
                forms: days.iter().fold(crate::journal::Forms::default(), |all, d| all.union(d.forms)),
            }
        })
        .collect()
}

fn chart_days(
    journal: &Journal,
    situation: &Situation,
    (from, to): (NaiveDate, NaiveDate),
    course_days: &[CourseDay],
    doses: &BTreeMap<NaiveDate, analysis::DoseDay>,
    steps: &[taper::StepEffect],
) -> Vec<ChartDay> {
    let cuts: Vec<NaiveDate> = steps.iter().map(|e| e.date).collect();
    let last_use = situation.anchor();
    let scales = Kind::BOTH.map(|k| compare::scale(course_days, k));
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|date| {
            let scores = analysis::scores_on(journal, date);
            let hours = last_use.map(|at| analysis::hours_since(at, date));
            let day = hours.and_then(day_number);
            let bands = hours.filter(|_| day.is_some()).map(|h| {
                [
                    course().band(Kind::Physical, h / 24.0, scales[0]),
                    course().band(Kind::Psychological, h / 24.0, scales[1]),
                ]
            });
            ChartDay {
                date,
                day,
                physical: scores.and_then(|s| s.physical).map(|s| s.mean),
                psychological: scores.and_then(|s| s.psychological).map(|s| s.mean),
                bands,
                dose_grams: situation::dose_record(journal, situation, date, doses.get(&date).copied()).grams(),
                lapse: situation.lapses.iter().any(|l| l.date == date),
                cut: cuts.contains(&date),
            }
        })
        .collect()
}

/// The comparisons from the spec, once the person has stopped; while they
/// taper or use there is no course to compare with, only the taper's own
/// facts and the last 7 days.
fn key_points(journal: &Journal, situation: &Situation, days: &[CourseDay], to: NaiveDate) -> Vec<String> {
    let mut points = if situation.anchor().is_some() {
        crate::status::comparison_sentences(days, crate::status::Voice::Provider)
    } else {
        let since = situation.use_since();
        taper::taper_now(journal, to, since).unsettled.iter().map(crate::status::unsettled_sentence).collect()
    };
    points.push(last_week(journal, to));
    points
}

/// The mean scores of the last 7 days and how many were rated.
fn last_week(journal: &Journal, to: NaiveDate) -> String {
    let week: Vec<_> = (0..7).filter_map(|back| analysis::scores_on(journal, to - Duration::days(back))).collect();
    let mean = |kind: Kind| {
        let values: Vec<f64> = week.iter().filter_map(|s| s.of(kind)).map(|s| s.mean).collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    let show = |v: Option<f64>| v.map_or_else(|| "not rated".to_owned(), |m| format!("{m:.1}"));
    format!(
        "Last 7 days ({} of 7 rated): physical mean {}, psychological mean {}.",
        week.len(),
        show(mean(Kind::Physical)),
        show(mean(Kind::Psychological))
    )
}

fn ratings_in<'a>(journal: &'a Journal, from: NaiveDate, to: NaiveDate, id: &'a str) -> impl Iterator<Item = u8> + 'a {
    journal.days().range(from..=to).filter_map(move |(_, d)| d.ratings.get(id)).map(|r| r.value)
}

/// Each rated item's peak (value and day), last-7-day mean and latest
/// rating; physical items first, then psychological, each the highest
/// peak first.
fn item_rows(journal: &Journal, situation: &Situation, from: NaiveDate, to: NaiveDate) -> Vec<ItemRow> {
    let anchor = situation.anchor();
    let week_from = (to - Duration::days(6)).max(from);
    let entries: Vec<_> = journal.catalog().entries().collect();
    // Each item's ratings in date order, in one pass over the days (looking
    // each item up in every day was a tenth of a ten-year summary).
    let mut by_item: Vec<Vec<(NaiveDate, u8)>> = vec![Vec::new(); entries.len()];
    for (date, day) in journal.days().range(from..=to) {
        for (id, rating) in &day.ratings {
            if let Some(dated) = entries.iter().position(|e| e.id == id).and_then(|i| by_item.get_mut(i)) {
                dated.push((*date, rating.value));
            }
        }
    }
    let mut rows: Vec<ItemRow> = entries
        .iter()
        .zip(&by_item)
        .filter_map(|(e, dated)| {
            let peak = dated.iter().map(|(_, v)| *v).max()?;
            let peak_date = dated.iter().find(|(_, v)| *v == peak).map(|(d, _)| *d)?;
            let week: Vec<f64> = dated.iter().filter(|(d, _)| *d >= week_from).map(|(_, v)| f64::from(*v)).collect();
            Some(ItemRow {
                label: e.label.to_owned(),
                kind: e.kind,
                peak,
                peak_date,
                peak_day: anchor.and_then(|at| day_number(analysis::hours_since(at, peak_date))),
                last_week: (!week.is_empty()).then(|| week.iter().sum::<f64>() / week.len() as f64),
                latest: dated.last().map(|(_, v)| *v)?,
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.kind != Kind::Physical)
            .cmp(&(b.kind != Kind::Physical))
            .then(b.peak.cmp(&a.peak))
            .then(b.last_week.unwrap_or(-1.0).total_cmp(&a.last_week.unwrap_or(-1.0)))
    });
    rows
}

fn items_not_rated(journal: &Journal, from: NaiveDate, to: NaiveDate) -> usize {
    journal.catalog().entries().filter(|e| !e.hidden && ratings_in(journal, from, to, e.id).next().is_none()).count()
}

fn sleep_row(journal: &Journal, from: NaiveDate, to: NaiveDate) -> SleepRow {
    let hours: Vec<f64> = journal.days().range(from..=to).filter_map(|(_, d)| d.sleep).map(|s| s.hours).collect();
    SleepRow {
        nights: hours.len(),
        mean: (!hours.is_empty()).then(|| hours.iter().sum::<f64>() / hours.len() as f64),
        under_4: hours.iter().filter(|h| **h < 4.0).count(),
    }
}

/// Each aid of the period: days used, and per unit its total and the most
/// on one day, from the daily sums (`analysis/aids.rs`), so "6 tablets" of
/// loperamide counts as 12 mg and a count of unknown strength stays a count.
fn aid_rows(journal: &Journal, from: NaiveDate, to: NaiveDate) -> Vec<AidRow> {
    let mut rows: Vec<AidRow> = Vec::new();
    for (_, day) in journal.days().range(from..=to) {
        for sums in aids::aid_days(day) {
            if !rows.iter().any(|r| r.name == sums.name) {
                rows.push(AidRow { name: sums.name.clone(), days: 0, amounts: Vec::new(), unchecked_days: 0 });
            }
            let Some(row) = rows.iter_mut().find(|r| r.name == sums.name) else { continue };
            row.days += 1;
            // Only an aid with a label maximum can go unchecked against it.
            let has_max = sums.entry().is_some_and(|e| e.first_max().is_some());
            row.unchecked_days += usize::from(sums.unchecked() && has_max);
            let per_unit = sums.mg.map(|mg| (AidUnit::Mg, mg)).into_iter().chain(sums.not_mg.iter().cloned());
            for (unit, amount) in per_unit {
                match row.amounts.iter_mut().find(|t| t.unit == unit) {
                    Some(t) => {
                        t.total += amount;
                        t.most = t.most.max(amount);
                    }
                    None => row.amounts.push(AidTotal { unit, total: amount, most: amount }),
                }
            }
        }
    }
    for row in &mut rows {
        row.amounts.sort_by_key(|t| t.unit != AidUnit::Mg);
    }
    rows.sort_by(|a, b| b.days.cmp(&a.days).then(a.name.cmp(&b.name)));
    rows
}

fn plan_row(journal: &Journal, situation: &Situation, from: NaiveDate, to: NaiveDate) -> Option<PlanRow> {
    let plan = journal.plan_on(to)?;
    // Days of the period the plan covered, up to yesterday (today is under way).
    let last = to.min(situation.now.date_naive() - Duration::days(1));
    let days = taper::plan_days(journal, situation, plan, from, last);
    Some(PlanRow { set: plan.set, spec: plan.spec, adherence: taper::Adherence::of(&days) })
}

fn checks(journal: &Journal, to: NaiveDate) -> Checks {
    let (latest, previous) = journal.criteria_latest(to);
    let seven = journal.all_checks().into_iter().rev().find(|c| c.kind == CheckKind::Signs && c.at.date_naive() <= to);
    Checks { latest, previous, seven }
}
