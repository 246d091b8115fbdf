//! Merging another easeoff journal into this one (`easeoff import`).
//!
//! Rules, chosen so importing the same file twice changes nothing:
//! per item (and for sleep and notes) the newer edit wins, and on a tie the
//! journal already here wins; aids, doses and self-checks are added when they
//! are not already present (doses are the same when time and amount match);
//! custom items, hidden items and extra items switched on are added; each
//! answer of the history keeps the one given later; the last-use mark is the
//! later one.
//! An item cleared here but still rated in the imported file comes back,
//! because clearing leaves no trace to compare against.

use super::about::{About, Answer};
use super::{Journal, Rating};

/// What an import added and changed, for the person to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub ratings_added: usize,
    pub ratings_changed: usize,
    pub days_added: usize,
    pub sleep_or_notes: usize,
    pub aids_added: usize,
    pub doses_added: usize,
    pub signs_added: usize,
    pub items_added: usize,
    pub settings_changed: usize,
    pub questions_added: usize,
    pub plan_changes_added: usize,
}

impl MergeReport {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl Journal {
    /// Merges `other` into this journal and says what changed.
    pub fn merge(&mut self, other: &Journal) -> MergeReport {
        let mut report = MergeReport::default();
        for (id, symptom) in &other.symptoms.custom {
            if self.catalog().get(id).is_none() {
                self.symptoms.custom.insert(id.clone(), symptom.clone());
                report.items_added += 1;
            }
        }
        for id in &other.symptoms.hidden {
            if self.symptoms.hidden.insert(id.clone()) {
                report.settings_changed += 1;
            }
        }
        for (date, theirs) in &other.days {
            if !self.days.contains_key(*date) {
                report.days_added += 1;
            }
            let ours = self.days.entry_or_default(*date);
            for (id, rating) in &theirs.ratings {
                match ours.ratings.get(id) {
                    None => {
                        ours.ratings.insert(id, rating);
                        report.ratings_added += 1;
                    }
                    Some(mine) if newer(&rating, &mine) => {
                        ours.ratings.insert(id, rating);
                        report.ratings_changed += 1;
                    }
                    Some(_) => {}
                }
            }
            if let Some(s) = theirs.sleep
                && ours.sleep.is_none_or(|m| s.edited > m.edited && s != m)
            {
                ours.sleep = Some(s);
                report.sleep_or_notes += 1;
            }
            if let Some(n) = &theirs.note
                && ours.note.as_ref().is_none_or(|m| n.edited > m.edited && n != m)
            {
                ours.note = Some(n.clone());
                report.sleep_or_notes += 1;
            }
            for aid in &theirs.aids {
                if !ours.aids.contains(aid) {
                    ours.aids.push(aid.clone());
                    report.aids_added += 1;
                }
            }
        }
        for dose in &other.doses {
            let present = self.doses.iter().any(|d| d.at == dose.at && (d.grams - dose.grams).abs() < 0.005);
            if !present {
                let at = self.doses.partition_point(|d| d.at <= dose.at);
                self.doses.insert(at, dose.clone());
                report.doses_added += 1;
            }
        }
        for check in &other.signs {
            if !self.signs.iter().any(|c| c.at == check.at) {
                self.signs.push(check.clone());
                report.signs_added += 1;
            }
        }
        self.signs.sort_by_key(|c| c.at);
        for check in &other.criteria {
            if !self.criteria.iter().any(|c| c.at == check.at) {
                self.criteria.push(check.clone());
                report.signs_added += 1;
            }
        }
        self.criteria.sort_by_key(|c| c.at);
        report.settings_changed += self.about.merge(&other.about);
        for id in &other.symptoms.extra_on {
            if self.symptoms.extra_on.insert(id.clone()) {
                report.settings_changed += 1;
            }
        }
        for question in &other.questions {
            match self.questions.iter_mut().find(|q| q.added == question.added && q.text == question.text) {
                None => {
                    self.questions.push(question.clone());
                    report.questions_added += 1;
                }
                Some(mine) if mine.done.is_none() && question.done.is_some() => {
                    mine.done = question.done;
                    report.questions_added += 1;
                }
                Some(_) => {}
            }
        }
        self.questions.sort_by_key(|q| q.added);
        for version in &other.plans {
            if !self.plans.iter().any(|v| v.set == version.set && v.change == version.change) {
                self.plans.push(version.clone());
                report.plan_changes_added += 1;
            }
        }
        self.plans.sort_by_key(|v| v.set);
        report.settings_changed += self.merge_settings(other);
        report
    }
}

impl Journal {
    /// The later last-use mark, settings this journal lacks, and the other
    /// journal's days without kratom (except where this one has doses);
    /// returns how many changed.
    fn merge_settings(&mut self, other: &Journal) -> usize {
        let mut added = 0;
        if other.last_use_mark > self.last_use_mark {
            self.last_use_mark = other.last_use_mark;
            added += 1;
        }
        if self.settings.mode.is_none() && other.settings.mode.is_some() {
            self.settings.mode = other.settings.mode;
            self.settings.mode_set = other.settings.mode_set;
            added += 1;
        }
        if self.settings.usual_daily_grams.is_none() && other.settings.usual_daily_grams.is_some() {
            self.settings.usual_daily_grams = other.settings.usual_daily_grams;
            self.settings.usual_set = other.settings.usual_set;
            added += 1;
        }
        if self.settings.country.is_none() && other.settings.country.is_some() {
            self.settings.country.clone_from(&other.settings.country);
            added += 1;
        }
        if self.settings.contact.is_none() && other.settings.contact.is_some() {
            self.settings.contact.clone_from(&other.settings.contact);
            added += 1;
        }
        for date in &other.no_dose_days {
            let has_doses = self.doses.iter().any(|d| d.at.date_naive() == *date);
            if !has_doses && self.no_dose_days.insert(*date) {
                added += 1;
            }
        }
        added
    }
}

fn newer(theirs: &Rating, mine: &Rating) -> bool {
    theirs.edited > mine.edited && theirs.value != mine.value
}

/// Takes `theirs` when it was given later than `ours` (or ours is missing);
/// says whether it did.
fn later<T: Clone + PartialEq>(ours: &mut Option<Answer<T>>, theirs: Option<&Answer<T>>) -> usize {
    match (ours.as_ref(), theirs) {
        (_, None) => 0,
        (Some(mine), Some(t)) if t.set <= mine.set || t == mine => 0,
        (_, Some(t)) => {
            *ours = Some(t.clone());
            1
        }
    }
}

impl About {
    /// Each answer given later in `other` replaces this one's; returns how
    /// many did.
    fn merge(&mut self, other: &About) -> usize {
        later(&mut self.products, other.products.as_ref())
            + later(&mut self.used_for, other.used_for.as_ref())
            + later(&mut self.doses_a_day, other.doses_a_day.as_ref())
            + later(&mut self.reasons, other.reasons.as_ref())
            + later(&mut self.substances, other.substances.as_ref())
            + later(&mut self.medicines, other.medicines.as_ref())
            + later(&mut self.goal, other.goal.as_ref())
            + later(&mut self.pregnant, other.pregnant.as_ref())
    }
}
