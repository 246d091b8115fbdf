//! Property tests: for arbitrary journals built through the journal's own
//! edits, saving then loading gives back the same journal, importing the
//! same journal twice changes nothing the second time, and at any moment the
//! situation is one of the six with a course anchor never after "now".

use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use easeoff::analysis::situation::{self, DoseRecord, State};
use easeoff::journal::edit::DayChange;
use easeoff::journal::plan::{Cut, PlanSpec};
use easeoff::journal::{Dose, Form, Journal, Kind, Mode, Stamp};
use easeoff::store::{Access, Store};
use proptest::prelude::*;

const ITEMS: [&str; 6] = ["anxiety", "nausea", "cravings", "muscle-aches", "insomnia", "my-own"];
const AID_NAMES: [&str; 5] = ["loperamide", "Imodium A-D", "magnesium", "kava root", "Tylenol"];
const AID_UNITS: [&str; 7] = ["mg", "tablets", "mcg", "g", "ml", "caps", "IU"];

fn now() -> Stamp {
    Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    Rate { day: i64, item: usize, value: u8, minutes: i64, offset_q: i32 },
    Clear { day: i64, item: usize },
    Sleep { day: i64, tenths: u16 },
    Note { day: i64, text: String, provider: bool },
    Aid { day: i64, name: usize, amount: u16, unit: usize, times: u8 },
    RemoveAid { day: i64, name: usize },
    Dose { minutes: i64, centigrams: u16, form: Option<u8>, offset_q: i32 },
    Undo,
    Mark { minutes: i64 },
    Hide { item: usize },
    Signs { answers: [bool; 7] },
    NoDose { day: i64 },
    Mode { tapering: bool, minutes: i64 },
    Plan { minutes: i64, every: u32 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..60i64, 0..ITEMS.len(), 0..=4u8, 0..1440i64, -48..56i32)
            .prop_map(|(day, item, value, minutes, offset_q)| Op::Rate { day, item, value, minutes, offset_q }),
        1 => (0..60i64, 0..ITEMS.len()).prop_map(|(day, item)| Op::Clear { day, item }),
        1 => (0..60i64, 0..=240u16).prop_map(|(day, tenths)| Op::Sleep { day, tenths }),
        1 => (0..60i64, "[a-zA-Z0-9 ,.'\"é😀\\n]{1,40}", any::<bool>())
            .prop_map(|(day, text, provider)| Op::Note { day, text, provider }),
        1 => (0..60i64, 0..AID_NAMES.len(), 1..800u16, 0..AID_UNITS.len(), 0..4u8)
            .prop_map(|(day, name, amount, unit, times)| Op::Aid { day, name, amount, unit, times }),
        1 => (0..60i64, 0..AID_NAMES.len()).prop_map(|(day, name)| Op::RemoveAid { day, name }),
        3 => (0..86_400i64, 1..10_000u16, proptest::option::of(0..5u8), -48..56i32)
            .prop_map(|(minutes, centigrams, form, offset_q)| Op::Dose { minutes, centigrams, form, offset_q }),
        1 => Just(Op::Undo),
        1 => (0..86_400i64).prop_map(|minutes| Op::Mark { minutes }),
        1 => (0..ITEMS.len()).prop_map(|item| Op::Hide { item }),
        1 => any::<[bool; 7]>().prop_map(|answers| Op::Signs { answers }),
        1 => (0..60i64).prop_map(|day| Op::NoDose { day }),
        1 => (any::<bool>(), 0..86_400i64).prop_map(|(tapering, minutes)| Op::Mode { tapering, minutes }),
        1 => (0..86_400i64, 1..15u32).prop_map(|(minutes, every)| Op::Plan { minutes, every }),
    ]
}

/// A moment `minutes` before now, seen from an offset of `offset_q` quarter hours.
fn moment(minutes: i64, offset_q: i32) -> Stamp {
    let offset = FixedOffset::east_opt(offset_q * 900).unwrap();
    offset.from_utc_datetime(&(now() - Duration::minutes(minutes)).naive_utc())
}

fn day(back: i64) -> NaiveDate {
    now().date_naive() - Duration::days(back)
}

/// Applies the ops through the public edits; refused ones change nothing.
fn build(ops: &[Op]) -> Journal {
    let mut j = Journal::new();
    j.add_symptom("my-own", "my own item", Kind::Physical).unwrap();
    for op in ops {
        let _ = match op {
            Op::Rate { day: d, item, value, minutes, offset_q } => {
                j.rate(day(*d), ITEMS[*item], *value, moment(*minutes + d * 1440, *offset_q))
            }
            Op::Clear { day: d, item } => j.clear(day(*d), ITEMS[*item], now()),
            Op::Sleep { day: d, tenths } => {
                let change = DayChange { sleep: Some(f64::from(*tenths) / 10.0), ..DayChange::default() };
                j.log_day(day(*d), &change, now())
            }
            Op::Note { day: d, text, provider } => j.set_note(day(*d), text, *provider, now()),
            Op::Aid { day: d, name, amount, unit, times } => {
                // Typed as people type them, through the same reading as the app.
                let amount = f64::from(*amount) / 4.0;
                let text = match times {
                    0 | 1 => format!("{} {amount} {}", AID_NAMES[*name], AID_UNITS[*unit]),
                    2 => format!("{} {times} x {amount}{}", AID_NAMES[*name], AID_UNITS[*unit]),
                    _ => format!(
                        "{} {}{} x{times}",
                        AID_NAMES[*name],
                        amount.to_string().replace('.', ","),
                        AID_UNITS[*unit]
                    ),
                };
                text.parse::<easeoff::journal::Aid>()
                    .and_then(|aid| j.log_day(day(*d), &DayChange { aids: vec![aid], ..DayChange::default() }, now()))
            }
            Op::RemoveAid { day: d, name } => {
                let change = DayChange { remove_aids: vec![AID_NAMES[*name].to_owned()], ..DayChange::default() };
                j.log_day(day(*d), &change, now())
            }
            Op::Dose { minutes, centigrams, form, offset_q } => {
                let form =
                    form.map(|f| [Form::Leaf, Form::Powder, Form::Capsule, Form::Extract, Form::Other][f as usize]);
                let dose =
                    Dose { at: moment(*minutes, *offset_q), grams: f64::from(*centigrams) / 100.0, form, note: None };
                j.add_dose(dose, now())
            }
            Op::Undo => j.undo_dose().map(|_| ()),
            Op::Mark { minutes } => j.mark_last_use(moment(*minutes, 4), now()),
            Op::Hide { item } => j.hide_symptom(ITEMS[*item]),
            Op::Signs { answers } => j.record_signs(answers, now()),
            Op::NoDose { day: d } => j.mark_no_dose(day(*d), now()),
            Op::Mode { tapering, minutes } => {
                let mode = if *tapering { Mode::Tapering } else { Mode::Stopped };
                j.set_mode(Some(mode), moment(*minutes, 4));
                Ok(())
            }
            Op::Plan { minutes, every } => {
                let set = moment(*minutes, 4);
                let spec = PlanSpec {
                    from_grams: 6.0,
                    cut: Cut::Percent(10.0),
                    every_days: *every,
                    start: set.date_naive(),
                    floor_grams: 0.5,
                    round_grams: 0.25,
                };
                j.new_plan(spec, set).map(|_| ())
            }
        };
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_gives_the_same_journal(ops in proptest::collection::vec(op(), 0..120)) {
        let journal = build(&ops);
        prop_assert!(journal.check_integrity().is_ok());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        {
            let (mut store, _) = Store::open(&path, Access::Write, now()).unwrap();
            store.save(&journal, now()).unwrap();
        }
        let (_, loaded) = Store::open(&path, Access::Read, now()).unwrap();
        prop_assert_eq!(&loaded, &journal);
        // Offsets survive too, not just instants.
        let offsets = |j: &Journal| j.doses().iter().map(|d| d.at.offset().local_minus_utc()).collect::<Vec<_>>();
        prop_assert_eq!(offsets(&loaded), offsets(&journal));
    }

    #[test]
    fn importing_the_same_journal_twice_changes_nothing_the_second_time(
        mine in proptest::collection::vec(op(), 0..60),
        theirs in proptest::collection::vec(op(), 0..60),
    ) {
        let mut journal = build(&mine);
        let other = build(&theirs);
        journal.merge(&other);
        let once = journal.clone();
        let report = journal.merge(&other);
        prop_assert!(report.is_empty(), "second import reported {:?}", report);
        prop_assert_eq!(&journal, &once);
        prop_assert!(journal.check_integrity().is_ok());
        // Everything the other journal rated is present after the import.
        for (date, day) in other.days() {
            for id in day.ratings.iter().map(|(id, _)| id) {
                prop_assert!(journal.day(*date).is_some_and(|d| d.ratings.get(id).is_some()));
            }
        }
    }

    #[test]
    fn the_situation_is_one_of_six_and_its_anchor_is_never_after_now(
        ops in proptest::collection::vec(op(), 0..120),
        hours_back in 0..2000i64,
    ) {
        let journal = build(&ops);
        // Judged now, and at an earlier moment (some doses then lie ahead).
        for at in [now(), now() - Duration::hours(hours_back)] {
            let s = situation::situation(&journal, at);
            let six = ["no data", "using", "tapering", "stopped", "lapse", "use resumed"];
            prop_assert!(six.contains(&s.name()), "{}", s.name());
            if let Some(anchor) = s.anchor() {
                prop_assert!(anchor <= at, "anchor {} after now {}", anchor, at);
                prop_assert!(s.day().is_some_and(|d| d >= 1));
            }
            prop_assert_eq!(s.anchor().is_some(), matches!(s.state, State::Stopped | State::Lapse));
            prop_assert_eq!(!s.lapses.is_empty(), s.state == State::Lapse);
            if let Some(stop) = s.stop {
                for lapse in &s.lapses {
                    prop_assert!(lapse.first > stop.at && lapse.first <= at);
                }
            }
            for a in &s.attempts {
                prop_assert!(a.stop.at < a.resumed && a.resumed <= at);
                prop_assert!(a.days() >= 0);
            }
            prop_assert!(s.newest_dose.is_none_or(|d| d <= at));
            // A day with a dose is never "none" and never "not logged".
            for dose in journal.doses().iter().filter(|d| d.at <= at) {
                let date = dose.at.date_naive();
                let record = situation::dose_record(&journal, &s, date, easeoff::analysis::dose_day(&journal, date));
                prop_assert!(matches!(record, DoseRecord::Logged(_)));
            }
        }
    }
}
