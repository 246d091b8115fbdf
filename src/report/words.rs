//! The sentences every format shares, so text, Markdown and HTML say the
//! same thing in the same words.

use chrono::NaiveDate;

use super::{AidRow, DoseRow, ItemRow, Summary, Taken};
use crate::analysis::situation::State;
use crate::journal::about::Field;
use crate::journal::criteria::CheckView;
use crate::journal::{Forms, Kind, LastUseSource, format_number};

/// Words shared by every format.
impl Summary {
    pub const TITLE: &'static str = "Withdrawal symptom summary — patient-reported";

    /// The symptoms table's header cells (HTML and PDF).
    pub const ITEM_HEAD: [&'static str; 5] = ["item", "peak", "on", "last 7 days", "latest"];
    /// The aids table's header cells.
    pub const AID_HEAD: [&'static str; 3] = ["aid", "days", "amounts"];
    /// The doses table's header cells.
    pub const DOSE_HEAD: [&'static str; 3] = ["dates", "taken", "doses"];

    /// The mark before a symptom's name in the tables: P or Ψ.
    pub fn kind_mark(kind: Kind) -> &'static str {
        match kind {
            Kind::Physical => "P",
            Kind::Psychological => "Ψ",
        }
    }

    /// A symptom row's cells after its name: the peak, when (day N since
    /// the stop, or the date while using or tapering), the last 7 days'
    /// mean ("–" when not rated then) and the latest rating.
    pub fn item_numbers(row: &ItemRow) -> [String; 4] {
        let when = row.peak_day.map_or_else(|| row.peak_date.format("%-d %b").to_string(), |d| format!("day {d}"));
        let week = row.last_week.map_or_else(|| "–".to_owned(), |m| format!("{m:.1}"));
        [row.peak.to_string(), when, week, row.latest.to_string()]
    }

    /// What the symptom table's columns mean, in every format.
    pub const ITEM_KEY: &'static str = "on: day N since the last dose, or a date";

    /// The line under the symptoms table: what P and Ψ mean, and how many
    /// items were not rated at all.
    pub fn items_legend(&self) -> String {
        let mut text = format!("P physical · Ψ psychological · {}", Self::ITEM_KEY);
        if self.items_not_rated > 0 {
            text.push_str(&format!(" · not rated: {}", crate::status::plural(self.items_not_rated, "other item")));
        }
        text
    }

    /// The last dose before the stop, as the doses section says it.
    pub fn last_dose_line(&self) -> Option<String> {
        self.situation.stop.map(|stop| format!("Last dose before the stop: {}.", stop.at.format("%a %-d %b %Y, %H:%M")))
    }

    /// A blank to fill by hand at the clinic.
    pub const BLANK: &'static str = "________________";

    /// The name (or a blank for the clinic to fill by hand) and a blank
    /// "Date of birth", which easeoff never asks for: (label, value) pairs.
    pub fn identity(&self) -> [(&'static str, String); 2] {
        [
            ("Name", self.name.clone().unwrap_or_else(|| Self::BLANK.to_owned())),
            ("Date of birth", Self::BLANK.to_owned()),
        ]
    }

    pub fn period(&self) -> String {
        format!("{} to {}", self.from.format("%-d %b %Y"), self.to.format("%-d %b %Y"))
    }

    /// The header of each page after the first, so a loose page says
    /// what it belongs to: the two pieces around the page number.
    pub fn continued_parts(&self) -> (String, String) {
        ("Withdrawal symptom summary — page ".to_owned(), format!(" (continued) · Period: {}", self.period()))
    }

    /// "Withdrawal symptom summary — page 2 (continued) · Period: …".
    pub fn continued_header(&self, page: usize) -> String {
        let (before, after) = self.continued_parts();
        format!("{before}{page}{after}")
    }

    /// The last line of a page that another follows.
    pub fn continued_on(page: usize) -> String {
        format!("continued on page {page}")
    }

    pub fn made_line(&self) -> String {
        format!("Made {} with easeoff.", self.made.format("%-d %b %Y, %H:%M"))
    }

    /// The status block, one line each: where the person is (in the
    /// words `status` uses), the amounts, and the days rated.
    pub fn status_lines(&self) -> Vec<String> {
        let s = &self.status;
        let situation = &self.situation;
        let mut lines = Vec::new();
        match situation.state {
            State::NoData => lines.push("Last dose: not recorded.".to_owned()),
            State::Using => {
                let newest = situation
                    .newest_dose
                    .map_or_else(String::new, |at| format!("; newest dose {}", at.format("%a %-d %b %Y, %H:%M")));
                lines.push(format!("Using (not tapering or stopped){newest}."));
            }
            State::Tapering => {
                if let Some(t) = &self.taper_now {
                    lines.extend(crate::status::taper_lines(t, self.made.date_naive()));
                }
            }
            State::Stopped | State::Lapse => {
                if let Some(stop) = situation.stop {
                    let from = match stop.source {
                        LastUseSource::DoseLog => "dose log",
                        LastUseSource::Mark => "as marked",
                    };
                    let day = situation.day().unwrap_or(1);
                    lines.push(format!(
                        "Stopped: last dose {} ({from}) — day {day} since.",
                        stop.at.format("%a %-d %b %Y, %H:%M")
                    ));
                }
                if situation.state == State::Lapse {
                    lines.push(format!(
                        "Doses since the stop (lapse): {}.",
                        crate::status::lapse_list(&situation.lapses)
                    ));
                }
            }
        }
        if let Some(a) = situation.attempts.last().filter(|_| situation.resumed()) {
            lines.push(format!(
                "Use resumed on {} after {} days without a dose (from {}).",
                a.resumed.format("%-d %b %Y"),
                a.days(),
                a.stop.at.format("%-d %b")
            ));
        }
        let amount = |row: Option<DoseRow>| row.map_or_else(|| "not logged".to_owned(), |r| Self::taken_words(r.taken));
        let now =
            if matches!(situation.state, State::Stopped | State::Lapse) { "none".to_owned() } else { amount(s.latest) };
        lines.push(format!(
            "Daily amount at the start of the period: {}; now: {now}; reduction steps: {}.",
            amount(s.start),
            s.steps
        ));
        if let Some((grams, set)) = s.usual {
            let when = set.map_or_else(String::new, |at| format!(" on {}", at.format("%-d %b %Y")));
            lines.push(format!(
                "Usual amount before cutting down or stopping, as stated{when}: {} g/day.",
                format_number(grams)
            ));
        }
        lines.push(format!(
            "Days rated: {} of {} in the period ({} without ratings).",
            s.days_rated,
            s.days_in_period,
            s.days_in_period.saturating_sub(s.days_rated)
        ));
        lines
    }

    /// The "For attention" box: every flag of the period in the provider's
    /// words (facts and numbers, nothing about the app), or "none".
    pub fn attention_lines(&self) -> Vec<String> {
        if self.attention.is_empty() {
            vec!["none in this period.".to_owned()]
        } else {
            self.attention.iter().map(|f| f.provider.clone()).collect()
        }
    }

    /// "4 g/day", "3–4.5 g/day", "none", "not logged".
    pub fn taken_words(taken: Taken) -> String {
        match taken {
            Taken::Steady(g) => format!("{} g/day", format_number(g)),
            Taken::Range(a, b) => format!("{}–{} g/day", format_number(a), format_number(b)),
            Taken::None => "none".to_owned(),
            Taken::NotLogged => "not logged".to_owned(),
        }
    }

    pub fn sleep_line(&self) -> String {
        match self.sleep.mean {
            None => "Sleep: not recorded.".to_owned(),
            Some(mean) => format!(
                "Sleep: mean {} h over {}; {} under 4 hours.",
                format_number((mean * 10.0).round() / 10.0),
                crate::status::plural(self.sleep.nights, "night"),
                crate::status::plural(self.sleep.under_4, "night")
            ),
        }
    }

    /// `32 mg, up to 12 mg/day`; amounts not in mg say they could not be
    /// checked against the label.
    pub fn aid_amounts(row: &AidRow) -> String {
        let mut text = row
            .amounts
            .iter()
            .map(|t| format!("{}, up to {}/day", t.unit.amount_text(t.total), t.unit.amount_text(t.most)))
            .collect::<Vec<_>>()
            .join("; ");
        if row.unchecked_days > 0 {
            text.push_str(&format!(
                "; not in mg on {}, so those could not be checked against the label",
                crate::status::plural(row.unchecked_days, "day")
            ));
        }
        text
    }

    /// One row of the dose history: (dates, what was taken, doses a day).
    pub fn dose_row(row: &DoseRow) -> (String, String, String) {
        let range = Self::date_range(row.first, row.last);
        let days = crate::status::plural(usize::try_from(row.days()).unwrap_or(0), "day");
        let per_day = format!("{} a day", crate::status::plural(row.doses_per_day, "dose"));
        let (taken, per_day) = match row.taken {
            Taken::None => (format!("none for {days}"), String::new()),
            Taken::NotLogged => (format!("not logged for {days}"), String::new()),
            Taken::Steady(g) if row.lapse => (format!("{} g (lapse)", format_number(g)), per_day),
            t => (Self::taken_words(t), per_day),
        };
        (range, taken, per_day)
    }

    /// The form the doses were logged in, under the dose history: one
    /// line for the whole table, as the form seldom changes, with the
    /// dates of each stretch of rows in one form ("powder + capsules,
    /// 3 Feb – 17 Feb"); a stretch breaks at days without doses. `None` when no
    /// dose was logged with a form.
    pub fn forms_line(&self) -> Option<String> {
        if self.dose_rows.iter().all(|r| r.forms.is_empty()) {
            return None;
        }
        let mut runs: Vec<(Forms, NaiveDate, NaiveDate)> = Vec::new();
        let mut joined = false;
        for row in &self.dose_rows {
            if !matches!(row.taken, Taken::Steady(_) | Taken::Range(..)) {
                joined = false;
                continue;
            }
            match runs.last_mut() {
                Some(run) if joined && run.0 == row.forms => run.2 = row.last,
                _ => runs.push((row.forms, row.first, row.last)),
            }
            joined = true;
        }
        let parts: Vec<String> = runs
            .iter()
            .map(|(forms, first, last)| {
                let words = if forms.is_empty() { "not given".to_owned() } else { forms.words() };
                format!("{words}, {}", Self::date_range(*first, *last))
            })
            .collect();
        Some(format!("Form as logged: {}.", parts.join("; ")))
    }

    /// "3 Feb", or "3 Feb – 6 Feb".
    pub fn date_range(first: NaiveDate, last: NaiveDate) -> String {
        if first == last {
            first.format("%-d %b").to_string()
        } else {
            format!("{} – {}", first.format("%-d %b"), last.format("%-d %b"))
        }
    }

    /// Lapses and earlier attempts, listed whatever the period.
    pub fn history_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.situation.state == State::Lapse {
            lines.push(format!("Lapse after the stop: {}.", crate::status::lapse_list(&self.situation.lapses)));
        }
        lines.extend(self.situation.attempts.iter().map(crate::status::attempt_line));
        lines
    }

    /// The plan and how the period went against it, if there is a plan.
    pub fn plan_line(&self) -> Option<String> {
        let plan = self.plan.as_ref()?;
        let spec = plan.spec.map_or_else(String::new, |s| {
            let cut = match s.cut {
                crate::journal::plan::Cut::Percent(p) => format!("{} %", format_number(p)),
                crate::journal::plan::Cut::Grams(g) => format!("{} g", format_number(g)),
            };
            format!(
                ": from {} g/day, {cut} every {} to {} g, then stop",
                format_number(s.from_grams),
                crate::status::plural(s.every_days as usize, "day"),
                format_number(s.floor_grams)
            )
        });
        Some(format!(
            "Taper plan (as set {}){spec}. Against it in the period: {}.",
            plan.set.format("%-d %b"),
            plan.adherence.words()
        ))
    }

    /// The scores around each reduction step, one line each.
    pub fn step_lines(&self) -> Vec<String> {
        self.step_effects
            .iter()
            .map(|e| {
                let side = |i: usize| match (e.before[i], e.after[i]) {
                    (Some(b), Some(a)) => format!("{b:.1} → {a:.1}"),
                    _ => "not enough ratings".to_owned(),
                };
                format!(
                    "{}, {} → {} g/day: physical {}, psychological {}",
                    e.date.format("%-d %b"),
                    format_number(e.from_grams),
                    format_number(e.to_grams),
                    side(0),
                    side(1)
                )
            })
            .collect()
    }

    pub const HISTORY_HEADING: &'static str = "History (as reported)";
    /// The person's own words in text and Markdown: the questions first.
    pub const PERSON_HEADING: &'static str = "Questions and notes";
    pub const QUESTIONS_HEADING: &'static str = "Questions for this visit";
    pub const NOTES_HEADING: &'static str = "Notes for the provider";
    pub const CHECKS_HEADING: &'static str = "Self-check about the past 12 months";
    /// Said when the person has answered no self-check at all.
    pub const NO_CHECK: &'static str = "No self-check recorded: the person has not answered one.";
    /// Said under every self-check, in every format.
    pub const CHECKS_CAVEAT: &'static str = "As reported by the person; not a diagnosis.";

    /// The history, one "Heading: answer" each, in the order asked, then the
    /// questions not answered (a missing "Other substances" must not read as
    /// none); the usual amount is left out when the status already says it.
    pub fn reported_history(&self) -> Vec<(&'static str, String)> {
        if self.history.is_empty() && self.status.usual.is_none() {
            return vec![("Not given", "the person has not answered the history questions.".to_owned())];
        }
        let shown_in_status = |f: Field| f == Field::UsualAmount && self.status.usual.is_some();
        let mut lines: Vec<(&'static str, String)> = self
            .history
            .iter()
            .filter(|l| !shown_in_status(l.field))
            .map(|l| (l.field.label(), l.text.clone()))
            .collect();
        let missing: Vec<&str> = Field::ALL
            .into_iter()
            .filter(|f| !shown_in_status(*f) && !self.history.iter().any(|l| l.field == *f))
            .map(Field::short)
            .collect();
        if !missing.is_empty() {
            lines.push(("Not given", missing.join(", ")));
        }
        lines
    }

    /// The self-checks, the caveat closing them: the latest 11-question check
    /// with which were yes (said as "yes to all but" the no answers when
    /// those are fewer); the previous one as its count and what changed;
    /// the newest earlier 7-question check for what it was. No severity
    /// word: a count and the answers, as reported.
    pub fn check_lines(&self) -> Vec<String> {
        let c = &self.checks;
        let count = |v: &CheckView| format!("{} of {}, reported on {}", v.yes.len(), v.of, v.at.format("%-d %b %Y"));
        if c.latest.is_none() && c.seven.is_none() {
            // Said, not left out, so a reader knows it was not done rather
            // than wonder whether it was left off the page.
            return vec![Self::NO_CHECK.to_owned()];
        }
        let mut lines = Vec::new();
        match &c.latest {
            None => lines.push("No 11-question check recorded.".to_owned()),
            Some(latest) => lines.push(format!("Latest: {}. {}", count(latest), Self::answers(latest))),
        }
        if let (Some(latest), Some(previous)) = (&c.latest, &c.previous) {
            let only = |a: &CheckView, b: &CheckView| {
                a.yes.iter().filter(|y| !b.yes.contains(y)).cloned().collect::<Vec<_>>().join("; ")
            };
            let (was, now) = (only(previous, latest), only(latest, previous));
            let mut line = format!("Previous: {}", count(previous));
            if was.is_empty() && now.is_empty() {
                line.push_str("; the same answers.");
            } else {
                line.push('.');
                if !was.is_empty() {
                    line.push_str(&format!(" Yes then, no now: {was}."));
                }
                if !now.is_empty() {
                    line.push_str(&format!(" Yes now, no then: {now}."));
                }
            }
            lines.push(line);
        }
        // Beside a current 11-question check the earlier one is context: its
        // count and date; alone, it is the only check, so its answers too.
        match (&c.seven, &c.latest) {
            (Some(seven), Some(_)) => lines.push(format!("7-question check (earlier version): {}.", count(seven))),
            (Some(seven), None) => {
                lines.push(format!("7-question check (earlier version): {}. {}", count(seven), Self::answers(seven)));
            }
            (None, _) => {}
        }
        // The caveat closes the block rather than taking a line of its own.
        if let Some(last) = lines.last_mut() {
            last.push(' ');
            last.push_str(Self::CHECKS_CAVEAT);
        }
        lines
    }

    /// Which answers were yes: "Yes: …", or, when the no answers are
    /// fewer than half as many, "Yes to all but: …" (each answer said
    /// once, in far fewer words).
    fn answers(check: &CheckView) -> String {
        if check.yes.is_empty() {
            "Yes: none.".to_owned()
        } else if check.no.is_empty() {
            "Yes to all.".to_owned()
        } else if check.no.len() * 2 < check.yes.len() {
            format!("Yes to all but: {}.", check.no.join("; "))
        } else {
            format!("Yes: {}.", check.yes.join("; "))
        }
    }

    /// The footnote: what the ratings mean, what the band is (when the
    /// chart has one) and, run on in the same paragraph so it costs no
    /// line of its own, that this is patient-reported.
    pub fn footer(&self) -> Vec<String> {
        let has_band = self.chart.iter().any(|d| d.bands.is_some());
        let [ratings, band, reported] = Self::FOOTER;
        if has_band {
            vec![ratings.to_owned(), format!("{band} {reported}")]
        } else {
            vec![ratings.to_owned(), reported.to_owned()]
        }
    }

    const FOOTER: [&'static str; 3] = [
        "Ratings: 0 none · 1 mild · 2 moderate · 3 severe · 4 extreme; a day's score is the mean of the items rated that day; unrated items are never counted as 0.",
        "The band shows the usual timing of kratom withdrawal from published sources, scaled to the person's own peak (onset 12–24 h, peak days 3–4, physical symptoms a week or more, psychological ones weeks: a reference guide on kratom use disorder citing American Addiction Centers; Trakulsrichai et al. 2015 on mitragynine's half-life); it illustrates timing, not a clinical norm.",
        "Patient-reported. This is a record of what the person noted, not a diagnosis or medical advice.",
    ];
}
