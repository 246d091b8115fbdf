//! Reading the dates and times people type: `2026-03-09`, `today`,
//! `yesterday`, `-3`; `14:30`, `"2026-03-09 14:30"` or RFC 3339. Pure: "now"
//! is passed in, and its offset is taken as the person's local offset.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::journal::{InputError, Stamp};

/// A day: `YYYY-MM-DD`, `today`, `yesterday` or `-N`. Never after today.
pub fn parse_day(text: &str, now: Stamp) -> Result<NaiveDate, InputError> {
    let today = now.date_naive();
    let trimmed = text.trim();
    let bad = || InputError::BadDate { given: text.to_owned() };
    let date = match trimmed {
        "today" => today,
        "yesterday" => today - Duration::days(1),
        _ if trimmed.starts_with('-') => {
            let n: i64 = trimmed[1..].parse().map_err(|_| bad())?;
            if !(0..=36_500).contains(&n) {
                return Err(bad());
            }
            today - Duration::days(n)
        }
        _ => NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| bad())?,
    };
    if date > today {
        return Err(InputError::FutureDate { date });
    }
    Ok(date)
}

/// A day for a range (`--from`, `--to`): as [`parse_day`], but later dates
/// are allowed since they only bound what is shown.
pub fn parse_bound(text: &str, now: Stamp) -> Result<NaiveDate, InputError> {
    match parse_day(text, now) {
        Err(InputError::FutureDate { date }) => Ok(date),
        other => other,
    }
}

/// A moment: `HH:MM` (the most recent such time: today, or yesterday if that
/// is still ahead), `YYYY-MM-DD HH:MM`, or RFC 3339. Never after now.
pub fn parse_moment(text: &str, now: Stamp, what: &'static str) -> Result<Stamp, InputError> {
    let trimmed = text.trim();
    let bad = || InputError::BadTime { given: text.to_owned() };
    let offset = *now.offset();
    let local = |naive: NaiveDateTime| offset.from_local_datetime(&naive).single().ok_or_else(bad);
    let at = if let Ok(time) = NaiveTime::parse_from_str(trimmed, "%H:%M") {
        let today = local(now.date_naive().and_time(time))?;
        if today > now { today - Duration::days(1) } else { today }
    } else if let Ok(naive) = NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%d %H:%M") {
        local(naive)?
    } else if let Some((day, time)) = trimmed.split_once(char::is_whitespace)
        && let (Ok(day), Ok(time)) = (parse_day(day, now), NaiveTime::parse_from_str(time.trim(), "%H:%M"))
    {
        // "yesterday 21:30", "today 08:00", "-2 22:00": the way people say it.
        local(day.and_time(time))?
    } else {
        Stamp::parse_from_rfc3339(trimmed).map_err(|_| bad())?
    };
    if at > now {
        return Err(InputError::FutureTime { what, now: now.format("%Y-%m-%d %H:%M").to_string() });
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Stamp {
        Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap()
    }

    #[test]
    fn a_moment_may_be_said_as_a_day_word_and_a_time() {
        let m = |s: &str| parse_moment(s, now(), "the dose").map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        assert_eq!(m("yesterday 21:30").unwrap(), "2026-03-09 21:30");
        assert_eq!(m("today 08:00").unwrap(), "2026-03-10 08:00");
        assert_eq!(m("-2 22:00").unwrap(), "2026-03-08 22:00");
        assert!(m("today 10:00").is_err(), "later than now");
        let refused = m("yesterday").unwrap_err().to_string();
        assert!(refused.contains("yesterday HH:MM"), "{refused}");
    }

    #[test]
    fn days_in_every_accepted_form() {
        let d = |s: &str| parse_day(s, now()).map(|d| d.to_string());
        assert_eq!(d("today").unwrap(), "2026-03-10");
        assert_eq!(d("yesterday").unwrap(), "2026-03-09");
        assert_eq!(d("-3").unwrap(), "2026-03-07");
        assert_eq!(d("2026-02-28").unwrap(), "2026-02-28");
        assert!(matches!(parse_day("2026-03-11", now()), Err(InputError::FutureDate { .. })));
        for bad in ["2026-02-30", "10/03/2026", "-x", "", "tomorrow", "-99999999999"] {
            assert!(matches!(parse_day(bad, now()), Err(InputError::BadDate { .. })), "{bad}");
        }
    }

    #[test]
    fn a_clock_time_means_the_most_recent_one() {
        let t = |s: &str| parse_moment(s, now(), "the dose time").map(|t| t.to_rfc3339());
        assert_eq!(t("08:30").unwrap(), "2026-03-10T08:30:00+01:00");
        assert_eq!(t("23:30").unwrap(), "2026-03-09T23:30:00+01:00", "still ahead today, so yesterday");
        assert_eq!(t("2026-03-08 21:15").unwrap(), "2026-03-08T21:15:00+01:00");
        assert_eq!(t("2026-03-08T21:15:00Z").unwrap(), "2026-03-08T21:15:00+00:00");
        assert!(matches!(parse_moment("2026-03-10 10:00", now(), "x"), Err(InputError::FutureTime { .. })));
        assert!(matches!(parse_moment("25:00", now(), "x"), Err(InputError::BadTime { .. })));
    }
}
