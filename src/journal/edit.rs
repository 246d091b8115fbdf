//! The one way to change a journal. Every method validates everything first
//! and only then changes anything, so a refused change leaves the journal
//! exactly as it was.

pub use super::validate::{contact, country, known_item, label, new_id, note, pair};

use chrono::NaiveDate;

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

        let day = self.days.entry(date).or_default();
        for (id, value) in &change.ratings {
            day.ratings.insert(id.into(), Rating { value: *value, edited: now });
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
            day.note = Some(Note { text, for_provider: keep_flag || change.for_provider, edited: now });
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
        let aids = self.days.get_mut(&date).map(|d| &mut d.aids);
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
            if let Some(day) = self.days.get_mut(&date) {
                day.note = None;
            }
            self.drop_if_empty(date);
            return Ok(());
        }
        let text = note(text)?;
        self.days.entry(date).or_default().note = Some(Note { text, for_provider, edited: now });
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
        if self.catalog().get(&id).is_some() {
            return Err(InputError::DuplicateItem { id });
        }
        self.symptoms.custom.insert(id, Symptom { label: label_text, kind });
        Ok(())
    }

    /// Hides an item from rating (its past ratings stay).
    pub fn hide_symptom(&mut self, id: &str) -> Result<(), InputError> {
        let id = known_item(self.catalog(), id)?;
        self.symptoms.hidden.insert(id);
        Ok(())
    }

    /// Shows a hidden item again.
    pub fn show_symptom(&mut self, id: &str) -> Result<(), InputError> {
        let id = known_item(self.catalog(), id)?;
        self.symptoms.hidden.remove(&id);
        Ok(())
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
        if self.days.get(&date).is_some_and(Day::is_empty) {
            self.days.remove(&date);
        }
    }
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
