//! The one way to change a journal. Every method validates everything first
//! and only then changes anything, so a refused change leaves the journal
//! exactly as it was.

pub use super::validate::{contact, country, known_item, label, new_id, note, pair};

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::about::{self, Answer, Field, Goal, Product, Reason, Substance, UseLength, When};
use super::criteria::{self, CriteriaCheck};
use super::{
    Aid, Cleared, Day, Dose, Grams, Hours, InputError, Journal, Kind, Mode, Note, Rating, RatingValue, SignCheck,
    Sleep, Stamp, Symptom,
};
use crate::journal::catalog;

/// Everything one `log` can change about one day. Empty fields change nothing.
/// Numbers are plain here, for callers that compute them; [`Journal::log_day`]
/// checks each through its type ([`RatingValue`], [`Hours`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DayChange {
    pub ratings: Vec<(String, u8)>,
    pub clear: Vec<String>,
    pub sleep: Option<f64>,
    /// Remove the night's sleep (`--clear sleep`).
    pub clear_sleep: bool,
    pub note: Option<String>,
    /// Remove the day's note (`--clear note`).
    pub clear_note: bool,
    pub for_provider: bool,
    pub aids: Vec<Aid>,
    /// Names of aids whose entries that day are removed, every entry of
    /// each (matched like the catalog matches names); removed before `aids`
    /// are added, so the two together replace an entry.
    pub remove_aids: Vec<String>,
}

impl DayChange {
    fn is_empty(&self) -> bool {
        self.ratings.is_empty()
            && self.clear.is_empty()
            && self.sleep.is_none()
            && !self.clear_sleep
            && self.note.is_none()
            && !self.clear_note
            && !self.for_provider
            && self.aids.is_empty()
            && self.remove_aids.is_empty()
    }
}

/// Everything one `about` can change. Empty fields change nothing; an
/// empty set of substances or medicines is the answer "none".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AboutChange {
    pub products: Option<BTreeSet<Product>>,
    pub used_for: Option<UseLength>,
    /// The usual amount a day before cutting down, kept where the welcome
    /// keeps it (`usual_daily_grams`).
    pub usual_grams: Option<f64>,
    pub doses_a_day: Option<about::DosesADay>,
    pub reasons: Option<BTreeSet<Reason>>,
    pub substances: Option<BTreeMap<Substance, When>>,
    /// Names as typed; each is read by [`about::medicine`].
    pub medicines: Option<Vec<String>>,
    pub goal: Option<Goal>,
    pub pregnant: Option<bool>,
    pub clear: Vec<Field>,
}

impl AboutChange {
    fn is_empty(&self) -> bool {
        *self == AboutChange::default()
    }

    /// The questions the change gives or clears an answer to, in order.
    pub fn fields(&self) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| self.gives(*f) || self.clear.contains(f)).collect()
    }

    /// Whether the change gives an answer to `field`.
    fn gives(&self, field: Field) -> bool {
        match field {
            Field::Products => self.products.is_some(),
            Field::UsedFor => self.used_for.is_some(),
            Field::UsualAmount => self.usual_grams.is_some(),
            Field::DosesADay => self.doses_a_day.is_some(),
            Field::Reasons => self.reasons.is_some(),
            Field::Substances => self.substances.is_some(),
            Field::Medicines => self.medicines.is_some(),
            Field::Goal => self.goal.is_some(),
            Field::Pregnant => self.pregnant.is_some(),
        }
    }
}

/// The words `--clear` takes besides item ids. An item of the person's own
/// with the same id is cleared instead, as before these words existed.
pub const CLEAR_SLEEP: &str = "sleep";
pub const CLEAR_NOTE: &str = "note";

impl Journal {
    /// Applies one day's change, all of it or none of it.
    pub fn log_day(&mut self, date: NaiveDate, change: &DayChange, now: Stamp) -> Result<(), InputError> {
        check_not_future(date, now)?;
        if change.is_empty() {
            return Err(InputError::NothingToLog);
        }
        let catalog = self.catalog();
        for (i, (id, value)) in change.ratings.iter().enumerate() {
            if change.ratings.iter().take(i).any(|(earlier, _)| earlier == id) {
                return Err(InputError::RatedTwice { id: id.clone() });
            }
            known_item(catalog, id)?;
            RatingValue::try_from(*value)
                .map_err(|_| InputError::BadRating { id: Some(id.clone()), given: value.to_string() })?;
        }
        for id in &change.clear {
            known_item(catalog, id)?;
        }
        if let Some(hours) = change.sleep {
            if change.clear_sleep {
                return Err(InputError::Contradiction { what: Cleared::Sleep });
            }
            Hours::try_from(hours)?;
        }
        if change.clear_note && (change.note.is_some() || change.for_provider) {
            return Err(InputError::Contradiction { what: Cleared::Note });
        }
        let note_text = change.note.as_deref().map(note).transpose()?;
        let has_note = note_text.is_some() || self.day(date).is_some_and(|d| d.note.is_some());
        if change.for_provider && !has_note {
            return Err(InputError::NoNoteToMark { date });
        }
        for aid in &change.aids {
            aid.check_whole()?;
        }
        for name in &change.remove_aids {
            self.aids_called(date, name)?;
        }

        let day = self.days.entry_or_default(date);
        for (id, value) in &change.ratings {
            day.ratings.insert(id, Rating { value: *value, edited: now });
        }
        for id in &change.clear {
            day.ratings.remove(id.as_str());
        }
        if let Some(hours) = change.sleep {
            day.sleep = Some(Sleep { hours, edited: now });
        }
        if change.clear_sleep {
            day.sleep = None;
        }
        if change.clear_note {
            day.note = None;
        }
        if let Some(text) = note_text {
            let keep_flag = day.note.as_ref().is_some_and(|n| n.for_provider);
            day.note = Some(Box::new(Note { text, for_provider: keep_flag || change.for_provider, edited: now }));
        } else if change.for_provider
            && let Some(existing) = day.note.as_mut()
        {
            existing.for_provider = true;
            existing.edited = now;
        }
        for name in &change.remove_aids {
            day.aids.retain(|a| !a.is_called(name));
        }
        day.aids.extend(change.aids.iter().cloned());
        self.drop_if_empty(date);
        Ok(())
    }

    /// The entries of one aid on a day (`imodium` finds loperamide's);
    /// refused, naming the aids of that day, when there are none.
    pub fn aids_called(&self, date: NaiveDate, name: &str) -> Result<Vec<&Aid>, InputError> {
        let aids = self.day(date).map(|d| d.aids.as_slice()).unwrap_or_default();
        let found: Vec<&Aid> = aids.iter().filter(|a| a.is_called(name)).collect();
        if found.is_empty() {
            let mut names: Vec<&str> = aids.iter().map(|a| a.name.as_str()).collect();
            names.dedup();
            names.sort_unstable();
            names.dedup();
            return Err(InputError::NoSuchAid { date, given: name.trim().to_owned(), that_day: names.join(", ") });
        }
        Ok(found)
    }

    /// Removes one entry of a day's aids by its place in the list (the app's
    /// aids list) and returns it.
    pub fn remove_aid_entry(&mut self, date: NaiveDate, index: usize) -> Result<Aid, InputError> {
        let aids = self.days.get_mut(date).map(|d| &mut d.aids);
        let Some(aids) = aids.filter(|a| index < a.len()) else {
            return Err(InputError::NoSuchAid { date, given: String::new(), that_day: String::new() });
        };
        let removed = aids.remove(index);
        self.drop_if_empty(date);
        Ok(removed)
    }

    /// Sets one rating (the app's digit keys).
    pub fn rate(&mut self, date: NaiveDate, id: &str, value: u8, now: Stamp) -> Result<(), InputError> {
        let change = DayChange { ratings: vec![(id.to_owned(), value)], ..DayChange::default() };
        self.log_day(date, &change, now)
    }

    /// Makes one item "not recorded" again for a day.
    pub fn clear(&mut self, date: NaiveDate, id: &str, now: Stamp) -> Result<(), InputError> {
        let change = DayChange { clear: vec![id.to_owned()], ..DayChange::default() };
        self.log_day(date, &change, now)
    }

    /// Replaces or removes a day's note and its provider flag.
    pub fn set_note(&mut self, date: NaiveDate, text: &str, for_provider: bool, now: Stamp) -> Result<(), InputError> {
        check_not_future(date, now)?;
        if text.trim().is_empty() {
            if let Some(day) = self.days.get_mut(date) {
                day.note = None;
            }
            self.drop_if_empty(date);
            return Ok(());
        }
        let text = note(text)?;
        self.days.entry_or_default(date).note = Some(Box::new(Note { text, for_provider, edited: now }));
        Ok(())
    }

    /// Logs a dose; doses stay sorted by time.
    pub fn add_dose(&mut self, dose: Dose, now: Stamp) -> Result<(), InputError> {
        Grams::try_from(dose.grams)?;
        if dose.at > now {
            return Err(InputError::FutureTime {
                what: "the dose time",
                now: now.format("%Y-%m-%d %H:%M").to_string(),
            });
        }
        // A dose logged on a day marked "none" is the truth about that day.
        self.no_dose_days.remove(&dose.at.date_naive());
        let at = self.doses.partition_point(|d| d.at <= dose.at);
        self.doses.insert(at, dose);
        Ok(())
    }

    /// Replaces the dose at `index` (in time order) with a changed one.
    pub fn replace_dose(&mut self, index: usize, dose: Dose, now: Stamp) -> Result<(), InputError> {
        if index >= self.doses.len() {
            return Err(InputError::NoDoses);
        }
        let old = self.doses.remove(index);
        if let Err(e) = self.add_dose(dose, now) {
            self.doses.insert(index, old);
            return Err(e);
        }
        Ok(())
    }

    /// Removes the newest dose and returns it.
    pub fn undo_dose(&mut self) -> Result<Dose, InputError> {
        self.doses.pop().ok_or(InputError::NoDoses)
    }

    /// Removes the dose at `index` (in time order) and returns it.
    pub fn remove_dose(&mut self, index: usize) -> Result<Dose, InputError> {
        if index < self.doses.len() { Ok(self.doses.remove(index)) } else { Err(InputError::NoDoses) }
    }

    /// Marks the moment of the last use, for people who do not log doses.
    pub fn mark_last_use(&mut self, at: Stamp, now: Stamp) -> Result<(), InputError> {
        if at > now {
            return Err(InputError::FutureTime { what: "the last use", now: now.format("%Y-%m-%d %H:%M").to_string() });
        }
        // A mark before a logged dose would say "this was the last" of a
        // dose that was followed by others: refuse it and say why.
        if let Some(newest) = self.doses.last().filter(|d| d.at > at) {
            return Err(InputError::MarkBeforeDose { newest: newest.at.format("%Y-%m-%d %H:%M").to_string() });
        }
        self.last_use_mark = Some(at);
        Ok(())
    }

    /// Says whether the person is tapering or has stopped, and when they said it.
    pub fn set_mode(&mut self, mode: Option<Mode>, now: Stamp) {
        self.settings.mode = mode;
        self.settings.mode_set = mode.map(|_| now);
    }

    /// Records that no kratom was taken on `date` (`easeoff dose none`).
    /// A day with logged doses cannot also be a day without.
    pub fn mark_no_dose(&mut self, date: NaiveDate, now: Stamp) -> Result<(), InputError> {
        check_not_future(date, now)?;
        if let Some(day) = crate::analysis::dose_day(self, date) {
            return Err(InputError::DosesOnDay { date, count: day.count });
        }
        self.no_dose_days.insert(date);
        Ok(())
    }

    /// Takes back a "none" for `date`; returns whether there was one.
    pub fn unmark_no_dose(&mut self, date: NaiveDate) -> bool {
        self.no_dose_days.remove(&date)
    }

    pub fn set_usual_daily_grams(&mut self, grams_per_day: Option<f64>, now: Stamp) -> Result<(), InputError> {
        grams_per_day.map(Grams::try_from).transpose()?;
        self.settings.usual_daily_grams = grams_per_day;
        self.settings.usual_set = grams_per_day.map(|_| now);
        Ok(())
    }

    /// Chooses the country whose numbers "When to get help" shows, or goes
    /// back to the default (`None`). Returns the country chosen.
    pub fn set_country(&mut self, code: Option<&str>) -> Result<Option<&'static crate::get_help::Country>, InputError> {
        let chosen = code.map(country).transpose()?;
        self.settings.country = chosen.map(|c| c.code.clone());
        Ok(chosen)
    }

    /// Sets or removes (`None`) the person's own contact.
    pub fn set_contact(&mut self, text: Option<&str>) -> Result<(), InputError> {
        self.settings.contact = text.map(contact).transpose()?;
        Ok(())
    }

    /// Adds the person's own item to the catalog. `sleep` and `note` are
    /// kept for `log --clear sleep` / `--clear note`.
    pub fn add_symptom(&mut self, id: &str, label_text: &str, kind: Kind) -> Result<(), InputError> {
        let id = new_id(id)?;
        if id == CLEAR_SLEEP || id == CLEAR_NOTE {
            return Err(InputError::ReservedId { id });
        }
        let label_text = label(label_text)?;
        if self.catalog().get(&id).is_some_and(|e| e.extra) {
            return Err(InputError::ExtraItem { id });
        }
        if self.catalog().get(&id).is_some() {
            return Err(InputError::DuplicateItem { id });
        }
        self.symptoms.custom.insert(id, Symptom { label: label_text, kind });
        Ok(())
    }

    /// Hides an item from rating, or switches an extra item off (past
    /// ratings stay either way).
    pub fn hide_symptom(&mut self, id: &str) -> Result<(), InputError> {
        let id = known_item(self.catalog(), id)?;
        if self.catalog().get(&id).is_some_and(|e| e.extra) {
            self.symptoms.extra_on.remove(&id);
        } else {
            self.symptoms.hidden.insert(id);
        }
        Ok(())
    }

    /// Shows a hidden item again, or switches an extra item on.
    pub fn show_symptom(&mut self, id: &str) -> Result<(), InputError> {
        let id = known_item(self.catalog(), id)?;
        if self.catalog().get(&id).is_some_and(|e| e.extra) {
            self.symptoms.extra_on.insert(id);
        } else {
            self.symptoms.hidden.remove(&id);
        }
        Ok(())
    }

    /// Switches every extra item on or off together; returns their ids.
    pub fn switch_extras(&mut self, on: bool) -> Vec<String> {
        let ids: Vec<String> = self.catalog().entries().filter(|e| e.extra).map(|e| e.id.to_owned()).collect();
        for id in &ids {
            if on {
                self.symptoms.extra_on.insert(id.clone());
            } else {
                self.symptoms.extra_on.remove(id);
            }
        }
        ids
    }

    /// Records one self-check: one answer per question, in order.
    pub fn record_signs(&mut self, answers: &[bool], now: Stamp) -> Result<(), InputError> {
        let questions = catalog::signs();
        if answers.len() != questions.len() {
            return Err(InputError::WrongAnswerCount { questions: questions.len(), answers: answers.len() });
        }
        let answers = questions.iter().map(|q| q.id.clone()).zip(answers.iter().copied()).collect();
        self.signs.push(SignCheck { at: now, answers });
        Ok(())
    }

    /// Records one self-check about the past 12 months: one answer per
    /// question, in order (see `journal/criteria.rs`).
    pub fn record_criteria(&mut self, answers: &[bool], now: Stamp) -> Result<(), InputError> {
        let questions = criteria::questions();
        if answers.len() != questions.len() {
            return Err(InputError::WrongAnswerCount { questions: questions.len(), answers: answers.len() });
        }
        let answers = questions.iter().map(|q| q.id.clone()).zip(answers.iter().copied()).collect();
        // Kept in time order, like every list in the journal.
        let at = self.criteria.partition_point(|c| c.at <= now);
        self.criteria.insert(at, CriteriaCheck { at: now, answers });
        Ok(())
    }

    /// Gives, changes or clears answers of the history, each dated `now`;
    /// all of it or none of it.
    pub fn answer_about(&mut self, change: &AboutChange, now: Stamp) -> Result<(), InputError> {
        if change.is_empty() {
            return Err(InputError::NothingAbout);
        }
        if let Some(field) = change.clear.iter().find(|f| change.gives(**f)) {
            return Err(InputError::AboutContradiction { field: field.label().to_lowercase() });
        }
        if let Some(grams) = change.usual_grams {
            Grams::try_from(grams)?;
        }
        let medicines = change
            .medicines
            .as_ref()
            .map(|m| m.iter().map(|n| about::medicine(n)).collect::<Result<Vec<_>, _>>())
            .transpose()?;

        let a = &mut self.about;
        if let Some(v) = &change.products {
            a.products = Some(dated(v.clone(), now));
        }
        if let Some(v) = change.used_for {
            a.used_for = Some(dated(v, now));
        }
        if let Some(v) = change.doses_a_day {
            a.doses_a_day = Some(dated(v, now));
        }
        if let Some(v) = &change.reasons {
            a.reasons = Some(dated(v.clone(), now));
        }
        if let Some(v) = &change.substances {
            a.substances = Some(dated(v.clone(), now));
        }
        if let Some(mut v) = medicines {
            v.dedup();
            a.medicines = Some(dated(v, now));
        }
        if let Some(v) = change.goal {
            a.goal = Some(dated(v, now));
        }
        if let Some(v) = change.pregnant {
            a.pregnant = Some(dated(v, now));
        }
        for field in &change.clear {
            match field {
                Field::Products => a.products = None,
                Field::UsedFor => a.used_for = None,
                Field::DosesADay => a.doses_a_day = None,
                Field::Reasons => a.reasons = None,
                Field::Substances => a.substances = None,
                Field::Medicines => a.medicines = None,
                Field::Goal => a.goal = None,
                Field::Pregnant => a.pregnant = None,
                Field::UsualAmount => {}
            }
        }
        if change.usual_grams.is_some() || change.clear.contains(&Field::UsualAmount) {
            self.set_usual_daily_grams(change.usual_grams, now)?;
        }
        Ok(())
    }

    /// Adds a question for the next visit.
    pub fn add_question(&mut self, text: &str, now: Stamp) -> Result<(), InputError> {
        let text = note(text).map_err(|_| InputError::EmptyQuestion)?;
        self.questions.push(super::Question { text, added: now, done: None });
        Ok(())
    }

    /// Marks open question number `n` (1-based, as `question list` shows) done.
    pub fn complete_question(&mut self, n: usize, now: Stamp) -> Result<String, InputError> {
        let open = self.questions.iter().filter(|q| q.done.is_none()).count();
        let question = self
            .questions
            .iter_mut()
            .filter(|q| q.done.is_none())
            .nth(n.wrapping_sub(1))
            .ok_or(InputError::NoSuchQuestion { n, open })?;
        question.done = Some(now);
        Ok(question.text.clone())
    }

    fn drop_if_empty(&mut self, date: NaiveDate) {
        if self.days.get(date).is_some_and(Day::is_empty) {
            self.days.remove(date);
        }
    }
}

fn dated<T>(value: T, set: Stamp) -> Answer<T> {
    Answer { value, set }
}

fn check_not_future(date: NaiveDate, now: Stamp) -> Result<(), InputError> {
    if date > now.date_naive() { Err(InputError::FutureDate { date }) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Stamp {
        Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap()
    }
    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn logging_again_changes_only_what_is_given() {
        let mut j = Journal::new();
        let first = DayChange {
            ratings: vec![("anxiety".into(), 2), ("nausea".into(), 1)],
            sleep: Some(5.0),
            ..DayChange::default()
        };
        j.log_day(date("2026-03-09"), &first, now()).unwrap();
        let second = DayChange { ratings: vec![("anxiety".into(), 3)], ..DayChange::default() };
        j.log_day(date("2026-03-09"), &second, now()).unwrap();
        let day = j.day(date("2026-03-09")).unwrap();
        assert_eq!(day.ratings.get("anxiety").unwrap().value, 3);
        assert_eq!(day.ratings.get("nausea").unwrap().value, 1);
        assert_eq!(day.sleep.unwrap().hours, 5.0);
    }

    #[test]
    fn clearing_makes_an_item_not_recorded_rather_than_zero() {
        let mut j = Journal::new();
        j.rate(date("2026-03-09"), "anxiety", 0, now()).unwrap();
        j.rate(date("2026-03-09"), "nausea", 2, now()).unwrap();
        assert_eq!(j.day(date("2026-03-09")).unwrap().ratings.get("anxiety").unwrap().value, 0);
        j.clear(date("2026-03-09"), "anxiety", now()).unwrap();
        assert!(!j.day(date("2026-03-09")).unwrap().ratings.contains_key("anxiety"));
        j.clear(date("2026-03-09"), "nausea", now()).unwrap();
        assert!(j.day(date("2026-03-09")).is_none(), "an emptied day is a missing day again");
    }

    #[test]
    fn a_refused_change_changes_nothing() {
        let mut j = Journal::new();
        j.rate(date("2026-03-09"), "anxiety", 1, now()).unwrap();
        let before = j.clone();
        let bad = DayChange { ratings: vec![("anxiety".into(), 3), ("anxeity".into(), 2)], ..DayChange::default() };
        let err = j.log_day(date("2026-03-09"), &bad, now()).unwrap_err();
        assert!(err.to_string().contains("did you mean 'anxiety'"), "{err}");
        assert_eq!(j, before);
        assert!(j.rate(date("2026-03-11"), "anxiety", 1, now()).is_err(), "tomorrow is refused");
        assert!(j.rate(date("2026-03-09"), "anxiety", 5, now()).is_err());
        assert_eq!(j, before);
    }

    #[test]
    fn doses_stay_in_time_order_and_undo_removes_the_newest() {
        let mut j = Journal::new();
        let at = |s: &str| Stamp::parse_from_rfc3339(s).unwrap();
        for t in ["2026-03-09T20:00:00+01:00", "2026-03-09T08:00:00+01:00", "2026-03-09T14:00:00+01:00"] {
            j.add_dose(Dose { at: at(t), grams: 2.0, form: None, note: None }, now()).unwrap();
        }
        let times: Vec<_> = j.doses().iter().map(|d| d.at.format("%H").to_string()).collect();
        assert_eq!(times, ["08", "14", "20"]);
        assert_eq!(j.undo_dose().unwrap().at, at("2026-03-09T20:00:00+01:00"));
        let future = Dose { at: at("2026-03-10T10:00:00+01:00"), grams: 1.0, form: None, note: None };
        assert!(j.add_dose(future, now()).is_err());
    }

    #[test]
    fn country_and_contact_are_checked_before_they_are_kept() {
        let mut j = Journal::new();
        assert_eq!(j.set_country(Some("uk")).unwrap().map(|c| c.code.as_str()), Some("GB"));
        assert_eq!(j.settings().country.as_deref(), Some("GB"), "stored as the ISO code");
        let before = j.clone();
        let err = j.set_country(Some("XX")).unwrap_err().to_string();
        assert!(err.contains("'XX' is not a country") && err.contains("DE (Germany)"), "{err}");
        for bad in ["", "   ", "Sam\n555 0100", "Sam the sponsor", &"9".repeat(101)] {
            assert!(j.set_contact(Some(bad)).is_err(), "{bad:?}");
        }
        assert_eq!(j, before, "refusals change nothing");
        j.set_contact(Some("  Sam (sponsor) 555 0100 ")).unwrap();
        assert_eq!(j.settings().contact.as_deref(), Some("Sam (sponsor) 555 0100"));
        j.set_contact(None).unwrap();
        j.set_country(None).unwrap();
        assert_eq!(j.settings(), &crate::journal::Settings::default());
    }

    #[test]
    fn history_answers_are_dated_and_a_refused_change_changes_nothing() {
        let mut j = Journal::new();
        let change = AboutChange {
            products: Some([Product::Powder, Product::Capsules].into()),
            used_for: Some("3 years".parse().unwrap()),
            usual_grams: Some(8.0),
            reasons: Some([Reason::Pain, Reason::Anxiety].into()),
            substances: Some(BTreeMap::new()),
            medicines: Some(vec!["Catapres".into(), "sertraline 50 mg".into()]),
            goal: Some(Goal::Stop),
            ..AboutChange::default()
        };
        j.answer_about(&change, now()).unwrap();
        let lines: Vec<(&str, String)> = j.history().into_iter().map(|l| (l.field.label(), l.text)).collect();
        assert_eq!(
            lines,
            [
                ("Product and form", "powder, capsules".to_owned()),
                ("Used for", "3 years".to_owned()),
                ("Usual amount before cutting down", "8 g a day".to_owned()),
                ("Reasons for use", "pain, anxiety".to_owned()),
                ("Other substances", "none".to_owned()),
                ("Prescribed medicines", "clonidine, sertraline 50 mg".to_owned()),
                ("Goal", "to stop".to_owned()),
            ]
        );
        assert!(j.history().iter().all(|l| l.set == Some(now())), "every answer dated");
        let before = j.clone();
        let both = AboutChange { goal: Some(Goal::CutDown), clear: vec![Field::Goal], ..AboutChange::default() };
        assert!(j.answer_about(&both, now()).unwrap_err().to_string().contains("given and cleared at once"));
        let bad =
            AboutChange { goal: Some(Goal::CutDown), medicines: Some(vec![String::new()]), ..AboutChange::default() };
        assert!(j.answer_about(&bad, now()).is_err());
        assert!(j.answer_about(&AboutChange::default(), now()).is_err());
        assert_eq!(j, before, "refusals change nothing");
        let clear = AboutChange { clear: vec![Field::Goal, Field::UsualAmount], ..AboutChange::default() };
        j.answer_about(&clear, now()).unwrap();
        assert!(j.about().goal.is_none() && j.settings().usual_daily_grams.is_none());
    }

    #[test]
    fn extra_items_are_off_until_switched_on_together_or_one_by_one() {
        let mut j = Journal::new();
        let physical = j.catalog().active_count(Kind::Physical);
        assert!(j.catalog().get("vomiting").is_some_and(|e| e.extra && e.hidden));
        j.show_symptom("vomiting").unwrap();
        assert_eq!(j.catalog().active_count(Kind::Physical), physical + 1);
        assert_eq!(j.switch_extras(true).len(), 7);
        assert_eq!(j.catalog().active_count(Kind::Physical), physical + 7);
        j.rate(date("2026-03-09"), "yawning", 2, now()).unwrap();
        j.hide_symptom("yawning").unwrap();
        j.switch_extras(false);
        assert_eq!(j.catalog().active_count(Kind::Physical), physical);
        assert!(j.check_integrity().is_ok(), "ratings of an extra switched off stay readable");
        assert_eq!(
            j.add_symptom("vomiting", "vomiting", Kind::Physical).unwrap_err(),
            InputError::ExtraItem { id: "vomiting".into() }
        );
    }

    #[test]
    fn custom_items_can_be_added_hidden_and_shown() {
        let mut j = Journal::new();
        j.add_symptom("pain", "pain", Kind::Physical).unwrap();
        assert!(j.add_symptom("pain", "pain", Kind::Physical).is_err());
        assert!(j.add_symptom("Bad Id", "x", Kind::Physical).is_err());
        let before = j.catalog().active_count(Kind::Physical);
        j.hide_symptom("sweating").unwrap();
        assert_eq!(j.catalog().active_count(Kind::Physical), before - 1);
        j.show_symptom("sweating").unwrap();
        assert_eq!(j.catalog().active_count(Kind::Physical), before);
    }
}
