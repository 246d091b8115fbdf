//! The sentences every format shares, so text, Markdown and HTML say the
//! same thing in the same words.

use super::{AidRow, LOPERAMIDE_LABEL_MAX_MG, Summary};
use crate::analysis::taper::Stretch;
use crate::journal::{LastUseSource, Mode, format_number};

/// Words shared by every format.
impl Summary {
    pub const TITLE: &'static str = "Withdrawal symptom summary — patient-reported";

    pub fn period(&self) -> String {
        format!("{} to {}", self.from.format("%-d %b %Y"), self.to.format("%-d %b %Y"))
    }

    pub fn made_line(&self) -> String {
        format!("Made {} with easeoff.", self.made.format("%-d %b %Y, %H:%M"))
    }

    /// The status block, one line each.
    pub fn status_lines(&self) -> Vec<String> {
        let s = &self.status;
        let mut lines = Vec::new();
        match (s.last_use, s.day) {
            (Some((at, source)), Some(day)) => {
                let from = match source {
                    LastUseSource::DoseLog => "dose log",
                    LastUseSource::Mark => "as marked",
                };
                lines.push(format!("Last dose: {} ({from}) — day {day} since.", at.format("%a %-d %b %Y, %H:%M")));
            }
            _ => lines.push("Last dose: not recorded.".to_owned()),
        }
        let mode = match s.mode {
            Some(Mode::Tapering) => "Tapering",
            Some(Mode::Stopped) => "Stopped",
            None => "Tapering or stopped: not stated",
        };
        let grams = |g: Option<f64>| match g {
            None => "not logged".to_owned(),
            Some(0.0) => "none".to_owned(),
            Some(g) => format!("{} g/day", format_number(g)),
        };
        lines.push(format!(
            "{mode}. Daily amount at the start of the period: {}; now: {}; reduction steps: {}.",
            grams(s.start_grams),
            grams(s.now_grams),
            s.steps
        ));
        lines.push(format!(
            "Days rated: {} of {} in the period ({} without ratings).",
            s.days_rated,
            s.days_in_period,
            s.days_in_period.saturating_sub(s.days_rated)
        ));
        lines
    }

    pub fn sleep_line(&self) -> String {
        match self.sleep.mean {
            None => "Sleep: not recorded.".to_owned(),
            Some(mean) => format!(
                "Sleep: mean {} h over {} nights; {} under 4 hours.",
                format_number((mean * 10.0).round() / 10.0),
                self.sleep.nights,
                crate::status::plural(self.sleep.under_4, "night")
            ),
        }
    }

    pub fn aid_amounts(row: &AidRow) -> String {
        row.amounts
            .iter()
            .map(|(unit, total, most)| {
                let unit = if unit.is_empty() { String::new() } else { format!(" {unit}") };
                format!("{}{unit}, up to {}{unit}/day", format_number(*total), format_number(*most))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn loperamide_line(&self) -> Option<String> {
        if self.loperamide_over.is_empty() {
            return None;
        }
        let days: Vec<String> = self
            .loperamide_over
            .iter()
            .map(|(d, mg)| format!("{} ({} mg)", d.format("%-d %b"), format_number(*mg)))
            .collect();
        Some(format!(
            "Loperamide above the {} mg/day over-the-counter label maximum on: {}.",
            format_number(LOPERAMIDE_LABEL_MAX_MG),
            days.join(", ")
        ))
    }

    pub fn stretch_line(stretch: &Stretch) -> (String, String, String) {
        let range = if stretch.first == stretch.last {
            stretch.first.format("%-d %b").to_string()
        } else {
            format!("{} – {}", stretch.first.format("%-d %b"), stretch.last.format("%-d %b"))
        };
        (range, format!("{} g/day", format_number(stretch.grams)), crate::status::plural(stretch.doses_per_day, "dose"))
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
                ": from {} g/day, {cut} every {} days to {} g, then stop",
                format_number(s.from_grams),
                s.every_days,
                format_number(s.floor_grams)
            )
        });
        Some(format!(
            "Taper plan (as set {}){spec}. Against it in the period: on target {} days, over {}, under {}.",
            plan.set.format("%-d %b"),
            plan.on_target,
            plan.over,
            plan.under
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

    pub fn attempts_line(&self) -> Option<String> {
        if self.attempts.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .attempts
            .iter()
            .map(|a| format!("{} ({} days without a dose)", a.start.format("%-d %b"), a.days))
            .collect();
        Some(format!("Earlier attempts: {}.", list.join(", ")))
    }

    pub fn signs_line(&self) -> String {
        match &self.signs {
            None => "Self-check of dependency signs: none recorded.".to_owned(),
            Some(s) => {
                let yes = if s.yes.is_empty() { "none".to_owned() } else { s.yes.join("; ") };
                format!(
                    "Signs the person reports (self-check of {}): {yes}. Answered no: {}.",
                    s.at.format("%-d %b %Y"),
                    s.no.len()
                )
            }
        }
    }

    pub const FOOTER: [&'static str; 3] = [
        "Ratings: 0 none · 1 mild · 2 moderate · 3 severe · 4 extreme. A day's score is the mean of the items rated that day; unrated items are left out, never counted as 0.",
        "The band shows the usual timing of kratom withdrawal from published sources (a reference guide on kratom use disorder citing American Addiction Centers: onset 12–24 h, peak days 3–4, physical symptoms a week or more, psychological ones weeks; Trakulsrichai et al. 2015 on mitragynine's half-life), scaled to the person's own peak. It illustrates timing; it is not a clinical norm.",
        "Patient-reported. This is a record of what the person noted, not a diagnosis or medical advice.",
    ];
}
