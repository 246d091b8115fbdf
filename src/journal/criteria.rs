//! The self-check about the past 12 months: eleven yes/no questions from
//! `assets/criteria.json`, one for each area of the criteria clinicians use
//! for a substance use disorder. Each check is kept with its time; checks
//! answered with the earlier seven-question self-check (`signs`) stay in the
//! journal as they were and are read here for what they were.
//!
//! Nothing here scores or names a severity: a check is its answers, and a
//! count of yes answers "as reported by the person".

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::{Sign, signs};
use super::{Journal, Stamp};

/// One question of the check.
#[derive(Debug, Clone, Deserialize)]
pub struct Question {
    pub id: String,
    pub question: String,
    /// The answer "yes" in a few words, for the visit summary.
    pub summary: String,
    /// The criterion (and the guide's sign) it asks about.
    pub covers: String,
}

#[derive(Deserialize)]
struct Asset {
    period: String,
    questions: Vec<Question>,
}

fn asset() -> &'static Asset {
    static ASSET: OnceLock<Asset> = OnceLock::new();
    ASSET.get_or_init(|| {
        // Compiled in and checked by the tests: a failure is a build defect.
        serde_json::from_str(include_str!("../../assets/criteria.json")).expect("assets/criteria.json is valid")
    })
}

/// The eleven questions, in the order they are asked.
pub fn questions() -> &'static [Question] {
    &asset().questions
}

/// The time the questions ask about, in words: "the past 12 months".
pub fn period() -> &'static str {
    &asset().period
}

/// One check as the person answered it: question id → yes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaCheck {
    #[serde(serialize_with = "super::stamp::serialize", deserialize_with = "super::stamp::deserialize")]
    pub at: Stamp,
    pub answers: BTreeMap<String, bool>,
}

/// Which set of questions a check answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// The eleven questions about the past 12 months.
    PastYear,
    /// The earlier seven-question self-check of dependency signs, in the
    /// present tense (kept readable, no longer asked).
    Signs,
}

impl CheckKind {
    /// What the check was, in words for a list or the summary.
    pub fn words(self) -> &'static str {
        match self {
            CheckKind::PastYear => "11-question check about the past 12 months",
            CheckKind::Signs => "earlier 7-question check of signs, asked about the present",
        }
    }
}

/// A check read for a person: when, what it was, and its answers in the
/// order of its questions, each as its few words for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckView {
    pub at: Stamp,
    pub kind: CheckKind,
    /// Questions answered yes, in order, as their summary words.
    pub yes: Vec<String>,
    /// Questions answered no, likewise.
    pub no: Vec<String>,
    /// How many questions the check has (11 or 7).
    pub of: usize,
}

impl CheckView {
    /// "4 of 11 answered yes".
    pub fn count_words(&self) -> String {
        format!("{} of {} answered yes", self.yes.len(), self.of)
    }
}

/// The summary words of each question a check's answers say yes or no to.
fn split<'a>(
    answers: &BTreeMap<String, bool>,
    questions: impl Iterator<Item = (&'a str, &'a str)>,
) -> (Vec<String>, Vec<String>) {
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for (id, summary) in questions {
        match answers.get(id) {
            Some(true) => yes.push(summary.to_owned()),
            Some(false) => no.push(summary.to_owned()),
            None => {}
        }
    }
    (yes, no)
}

impl CriteriaCheck {
    pub fn view(&self) -> CheckView {
        let (yes, no) = split(&self.answers, questions().iter().map(|q| (q.id.as_str(), q.summary.as_str())));
        CheckView { at: self.at, kind: CheckKind::PastYear, yes, no, of: questions().len() }
    }
}

impl super::SignCheck {
    pub fn view(&self) -> CheckView {
        let (yes, no) = split(&self.answers, signs().iter().map(|s: &Sign| (s.id.as_str(), s.summary.as_str())));
        CheckView { at: self.at, kind: CheckKind::Signs, yes, no, of: signs().len() }
    }
}

impl Journal {
    /// Every check about the past 12 months, oldest first.
    pub fn criteria_checks(&self) -> &[CriteriaCheck] {
        &self.criteria
    }

    /// The newest check about the past 12 months on or before `to`, and the
    /// one before it for comparison (what the visit summary shows).
    pub fn criteria_latest(&self, to: NaiveDate) -> (Option<CheckView>, Option<CheckView>) {
        let mut upto = self.criteria.iter().rev().filter(|c| c.at.date_naive() <= to);
        (upto.next().map(CriteriaCheck::view), upto.next().map(CriteriaCheck::view))
    }

    /// Every self-check of both kinds, oldest first, each read for what it
    /// was.
    pub fn all_checks(&self) -> Vec<CheckView> {
        let mut all: Vec<CheckView> = self
            .criteria
            .iter()
            .map(CriteriaCheck::view)
            .chain(self.signs.iter().map(super::SignCheck::view))
            .collect();
        all.sort_by_key(|c| c.at);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Stamp {
        Stamp::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn eleven_questions_each_covering_one_criterion_in_order() {
        let qs = questions();
        assert_eq!(qs.len(), 11);
        for (i, q) in qs.iter().enumerate() {
            assert!(q.covers.starts_with(&format!("DSM-5 {}", i + 1)), "{}: {}", q.id, q.covers);
            assert!(q.question.ends_with('?') && !q.summary.is_empty(), "{}", q.id);
        }
        assert_eq!(period(), "the past 12 months");
        let text: String = qs.iter().map(|q| q.question.to_lowercase()).collect();
        for word in ["addict", "abuse", "disorder", "severe", "diagnos"] {
            assert!(!text.contains(word), "the questions do not use the word '{word}'");
        }
    }

    #[test]
    fn the_latest_and_the_previous_check_say_which_answers_were_yes() {
        let mut j = Journal::new();
        let mut first = [false; 11];
        first[0] = true;
        first[3] = true;
        first[10] = true;
        j.record_criteria(&first, at("2026-02-01T20:00:00+01:00")).unwrap();
        j.record_criteria(&[true; 11], at("2026-03-08T20:00:00+01:00")).unwrap();
        let (latest, previous) = j.criteria_latest("2026-03-10".parse().unwrap());
        let (latest, previous) = (latest.unwrap(), previous.unwrap());
        assert_eq!(latest.count_words(), "11 of 11 answered yes");
        assert_eq!(previous.count_words(), "3 of 11 answered yes");
        assert_eq!(
            previous.yes,
            [
                "took more, or for longer, than meant to",
                "strong urges or cravings",
                "withdrawal symptoms, or used to ease or avoid them"
            ]
        );
        assert_eq!(previous.no.len(), 8);
        let (before_march, earlier) = j.criteria_latest("2026-03-01".parse().unwrap());
        assert_eq!(before_march.map(|c| c.at), Some(at("2026-02-01T20:00:00+01:00")));
        assert_eq!(earlier, None);
    }

    #[test]
    fn a_wrong_number_of_answers_is_refused_and_changes_nothing() {
        let mut j = Journal::new();
        let err = j.record_criteria(&[true; 7], at("2026-03-08T20:00:00+01:00")).unwrap_err();
        assert_eq!(err.to_string(), "the self-check has 11 questions; 7 answers were given");
        assert_eq!(j, Journal::new());
    }

    #[test]
    fn seven_question_checks_are_read_for_what_they_were() {
        let mut j = Journal::new();
        j.record_signs(&[true, true, false, false, true, true, false], at("2026-01-10T20:00:00+01:00")).unwrap();
        j.record_criteria(&[false; 11], at("2026-03-08T20:00:00+01:00")).unwrap();
        let all = j.all_checks();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].kind, CheckKind::Signs);
        assert_eq!(all[0].count_words(), "4 of 7 answered yes");
        assert_eq!(all[0].yes[0], "much of the day spent thinking about, getting or using kratom");
        assert_eq!(all[1].kind, CheckKind::PastYear);
        assert_eq!(j.criteria_latest("2026-03-10".parse().unwrap()).1, None, "a 7-question check is not a previous 11");
    }
}
