//! Safety facts said the moment they are logged: a change that brings a new
//! flag (shared/spec/safety.md) prints it on standard error and still exits
//! 0 — the entry is kept, it is a record of what happened.

use chrono::{Duration, NaiveDate};

use crate::analysis::flags::{self, Flag};
use crate::analysis::situation;
use crate::journal::{Journal, Stamp};

/// The flags that a change on `date` could touch: the days around it and
/// the last week (a dose today can bring the tolerance fact).
pub fn around(journal: &Journal, now: Stamp, date: NaiveDate) -> Vec<Flag> {
    let today = now.date_naive();
    let from = date.min(today - Duration::days(6)) - Duration::days(2);
    flags::flags(journal, &situation::situation(journal, now), from, today)
}

/// Prints each flag of `after` that `before` did not have.
pub fn say_new(before: &[Flag], after: &[Flag]) {
    for flag in after.iter().filter(|f| !before.contains(f)) {
        eprintln!("easeoff: for attention: {}", flag.text);
    }
}
