//! A realistic generated journal for demos, screenshots and benchmarks:
//! steady use, a taper with reduction steps, the last dose, then ratings that
//! follow the expected course with day-to-day noise, a few missing and
//! partly rated days, aids and notes. Pure and reproducible: the same days,
//! seed and "now" always give the same journal. Everything goes through the
//! journal's own validated edits, so the demo is always a valid journal.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};

use crate::course::course;
use crate::journal::edit::DayChange;
use crate::journal::{Aid, Dose, Form, Journal, Kind, Mode, Stamp};

/// The usual daily amount before the taper, in grams.
const USUAL_GRAMS: f64 = 6.0;
/// Clock times of the day's doses (hours, minutes).
const DOSE_TIMES: [(u32, u32); 4] = [(8, 0), (12, 30), (17, 0), (21, 30)];

/// Generates `days` days ending today (`now`'s date).
pub fn generate(days: u32, seed: u64, now: Stamp) -> Journal {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut journal = Journal::new();
    let days = i64::from(days.max(1));
    let today = now.date_naive();
    let first = today - Duration::days(days - 1);
    // Split the span: withdrawal since the last dose, the taper before it,
    // and steady use before that.
    let after = (days / 2).clamp(1, 24);
    let taper = (days - after - 3).clamp(0, 28);
    let last_dose_date = today - Duration::days(after);
    let taper_start = last_dose_date - Duration::days(taper - 1);
    let offset = *now.offset();
    let at = |date: NaiveDate, h: u32, m: u32| {
        let naive = date.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default());
        offset.from_local_datetime(&naive).single().unwrap_or(now)
    };

    journal.set_mode(Some(Mode::Stopped), now);
    let _ = journal.set_usual_daily_grams(Some(USUAL_GRAMS), now);

    let mut date = first;
    let mut daily = USUAL_GRAMS;
    let mut step_bump = 0.0;
    while date <= today {
        // Doses: steady, then a step down every 7 days of the taper.
        if date <= last_dose_date {
            let into_taper = (date - taper_start).num_days();
            if into_taper > 0 && into_taper % 7 == 0 {
                daily = (daily * (0.75 + rng.f64() * 0.1) * 4.0).round() / 4.0;
                step_bump = 0.8;
            }
            let count = if date >= taper_start && daily < 3.0 { 3 } else { 4 };
            for &(h, m) in DOSE_TIMES.iter().take(count) {
                let minutes = m + rng.u32(0..20);
                let when = at(date, h, minutes.min(59));
                if when > now {
                    continue;
                }
                let grams = ((daily / count as f64) * (0.9 + rng.f64() * 0.2) * 10.0).round() / 10.0;
                let form = if rng.u8(0..10) == 0 { Form::Capsule } else { Form::Powder };
                let _ = journal.add_dose(Dose { at: when, grams: grams.max(0.1), form: Some(form), note: None }, now);
            }
        }

        let evening = at(date, 21, 0).min(now);
        let t_days = (at(date, 12, 0) - at(last_dose_date, 21, 30)).num_hours() as f64 / 24.0;
        if rng.u8(0..100) >= 6 {
            let change = day_change(&journal, &mut rng, t_days, step_bump);
            let _ = journal.log_day(date, &change, evening);
            if t_days > 0.0 && t_days < 10.0 {
                add_aids(&mut journal, &mut rng, date, t_days, evening);
            }
            if rng.u8(0..100) < 8 {
                let text = NOTES[rng.usize(0..NOTES.len())];
                let _ = journal.set_note(date, text, rng.bool(), evening);
            }
        }
        step_bump *= 0.6;
        date += Duration::days(1);
    }

    let _ =
        journal.record_signs(&[true, true, false, true, true, true, false], at(taper_start.max(first), 20, 0).min(now));
    if after > 7 {
        let _ =
            journal.record_signs(&[false, true, false, false, true, true, false], at(today - Duration::days(2), 20, 0));
    }
    // The eleven questions about the past 12 months, asked twice: unlike the
    // present-tense signs above, the answers about the past year hold once
    // the person stops (craving goes on; tolerance is still part of the year).
    let past_year = [true, true, true, true, false, false, true, false, false, true, true];
    let _ = journal.record_criteria(&past_year, at(taper_start.max(first), 20, 5).min(now));
    if after > 7 {
        let mut later = past_year;
        later[2] = false; // less of the day spent on it since the stop
        let _ = journal.record_criteria(&later, at(today - Duration::days(2), 20, 5));
    }
    journal
}

/// One day's ratings: a low baseline while using, small bumps after a
/// reduction step, and the expected course after the last dose.
fn day_change(journal: &Journal, rng: &mut fastrand::Rng, t_days: f64, bump: f64) -> DayChange {
    let mut change = DayChange::default();
    let partial = rng.u8(0..100) < 5;
    for kind in Kind::BOTH {
        let peak = if kind == Kind::Physical { 3.2 } else { 2.7 };
        let level = if t_days > 0.0 {
            let band = course().relative_band(kind, t_days);
            peak * (band.low + (band.high - band.low) * (0.35 + rng.f64() * 0.4))
        } else {
            0.4 + bump
        };
        let ids: Vec<String> = journal.catalog().active(kind).map(|e| e.id.to_owned()).collect();
        for (i, id) in ids.into_iter().enumerate() {
            if partial && i % 3 != 0 {
                continue;
            }
            let noise = rng.f64() + rng.f64() - 1.0;
            let value = (level + noise * 0.8).round().clamp(0.0, 4.0) as u8;
            change.ratings.push((id, value));
        }
    }
    let sleep = if t_days > 0.0 { 7.0 - 3.5 * course().relative_band(Kind::Physical, t_days).high } else { 7.0 };
    change.sleep = Some(((sleep + rng.f64() - 0.5) * 2.0).round() / 2.0);
    change
}

fn add_aids(journal: &mut Journal, rng: &mut fastrand::Rng, date: NaiveDate, t_days: f64, evening: Stamp) {
    let mut aids = Vec::new();
    let diarrhea = journal.day(date).and_then(|d| d.ratings.get("diarrhea")).map_or(0, |r| r.value);
    if diarrhea >= 2 {
        // One heavy day on purpose, so the summary's over-the-label check shows.
        let mg = if (2.5..3.5).contains(&t_days) { 12.0 } else { 4.0 };
        aids.push(format!("loperamide {mg} mg"));
    }
    if rng.bool() {
        aids.push("ibuprofen 400 mg".to_owned());
    }
    if t_days > 1.0 {
        aids.push("magnesium 400 mg".to_owned());
    }
    if (2.0..5.0).contains(&t_days) && rng.bool() {
        aids.push("clonidine 0.1 mg".to_owned());
    }
    // Typed as a person types them, so they are read like any other entry.
    let aids: Vec<Aid> = aids.iter().filter_map(|text| Aid::parse(text).ok()).collect();
    let change = DayChange { aids, ..DayChange::default() };
    if !change.aids.is_empty() {
        let _ = journal.log_day(date, &change, evening);
    }
}

const NOTES: [&str; 6] = [
    "Legs restless most of the night; a hot bath helped a little.",
    "Walked to the shop and back. Slept an hour in the afternoon.",
    "Cravings strongest in the evening, after dinner.",
    "Ask about something for sleep at the next visit.",
    "Felt more like myself this morning.",
    "Hard day at work, but got through it.",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Stamp {
        Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        assert_eq!(generate(42, 7, now()), generate(42, 7, now()));
        assert_ne!(generate(42, 7, now()), generate(42, 8, now()));
    }

    #[test]
    fn a_demo_has_a_taper_a_last_dose_and_rated_withdrawal_days() {
        let j = generate(42, 1, now());
        let last = crate::analysis::situation::situation(&j, now()).anchor().unwrap();
        assert_eq!(last.date_naive(), now().date_naive() - Duration::days(21));
        assert!(j.check_integrity().is_ok());
        let rated = j.days().range(last.date_naive()..).count();
        assert!((15..=22).contains(&rated), "a few days missing, most rated: {rated}");
        let totals = crate::analysis::dose_days(&j);
        let first = totals.values().next().unwrap().grams;
        let final_day = totals.values().next_back().unwrap().grams;
        assert!(final_day < first * 0.8, "the taper comes down: {first} → {final_day}");
    }
}
