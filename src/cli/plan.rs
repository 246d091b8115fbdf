//! `easeoff plan`: make, show, adjust and clear the taper plan.

use std::io::Write;

use chrono::Duration;

use super::{CliError, Ctx, PlanAction, write_out};
use crate::analysis::{self, taper};
use crate::dates::parse_day;
use crate::journal::plan::PlanVersion;
use crate::journal::plan::{Cut, PlanRequest};
use crate::journal::{Journal, format_number};
use crate::status::plural;

/// How many past days `plan show` lists against their targets.
const SHOW_DAYS: i64 = 14;

pub fn run(ctx: &Ctx, action: Option<&PlanAction>, out: &mut dyn Write) -> Result<(), CliError> {
    let Some(action) = action else {
        return write_out(out, &show(ctx.read()?, ctx));
    };
    if let PlanAction::Show = action {
        return write_out(out, &show(ctx.read()?, ctx));
    }
    let (mut store, journal) = ctx.open_write()?;
    let (said, warnings) = match action {
        PlanAction::New { from, step, every, start, floor, round } => {
            let start = start.as_deref().map(|s| parse_day(s, ctx.now)).transpose()?.unwrap_or(ctx.now.date_naive());
            // The amount the first step cuts from, to catch `--step 10` meant as 10 %;
            // with neither, `plan_spec` says a starting amount is needed.
            let base = from.map(|f| f.0).or(journal.settings().usual_daily_grams);
            let cut = match base {
                Some(base) => step.check_against(base).map_err(CliError::Usage)?,
                None => step.cut,
            };
            let request = PlanRequest { from: *from, cut, every: *every, start, floor: *floor, round: *round };
            let spec = journal.plan_spec(request)?;
            let replaced = journal.plan().is_some();
            let warnings = journal.new_plan(spec, ctx.now)?;
            let targets = journal.plan().map(|p| p.targets.clone()).unwrap_or_default();
            let end = targets
                .last()
                .map_or_else(String::new, |t| format!(", reaching 0 on {}", t.start.format("%a %-d %b %Y")));
            let replaced = if replaced { " It replaces the earlier plan, which stays in the history." } else { "" };
            (format!("Made a plan of {} steps{end}.{replaced}\n", targets.len()), warnings)
        }
        PlanAction::Adjust { hold: Some(days), step: None } => {
            journal.hold_plan(*days, ctx.now)?;
            (
                format!(
                    "Held the current step {} longer; later steps move back.\n",
                    plural(usize::try_from(days.get()).unwrap_or(usize::MAX), "day")
                ),
                Vec::new(),
            )
        }
        PlanAction::Adjust { hold: None, step: Some(step) } => {
            // The amount the new step cuts from, as `restep_plan` takes it.
            let base = journal
                .plan()
                .and_then(|p| p.spec.map(|spec| p.target_on(ctx.now.date_naive()).unwrap_or(spec.from_grams)));
            let cut = match base {
                Some(base) => step.check_against(base).map_err(CliError::Usage)?,
                None => step.cut,
            };
            let warnings = journal.restep_plan(cut, ctx.now)?;
            // A hold made before stays: say when the next step comes.
            let next = journal.plan().and_then(|p| p.next_after(ctx.now.date_naive())).map_or_else(String::new, |t| {
                format!(" The current step keeps its end; the next step is on {}.", t.start.format("%a %-d %b"))
            });
            (format!("Changed the step to {} from today.{next}\n", cut.typed()), warnings)
        }
        PlanAction::Adjust { .. } => {
            return Err(CliError::Usage("give either --hold DAYS or --step PERCENT%|GRAMS".into()));
        }
        PlanAction::Clear => {
            journal.clear_plan(ctx.now)?;
            ("Cleared the plan; its history is kept.\n".to_owned(), Vec::new())
        }
        PlanAction::Show => return write_out(out, &show(journal, ctx)),
    };
    ctx.save(&mut store, journal)?;
    for w in &warnings {
        eprintln!("easeoff: note: {w}");
    }
    write_out(out, &format!("{said}{}", show(journal, ctx)))
}

/// The plan, the last two weeks against it, the steps the dose log shows and
/// the earlier attempts.
pub fn show(journal: &Journal, ctx: &Ctx) -> String {
    let today = ctx.now.date_naive();
    let mut text = String::new();
    match journal.plan() {
        None => text
            .push_str("No taper plan. Make one with `easeoff plan new --from GRAMS --step PERCENT% --every DAYS`.\n"),
        Some(plan) => {
            if let Some(spec) = plan.spec {
                let cut = match spec.cut {
                    Cut::Percent(p) => format!("{} %", format_number(p)),
                    Cut::Grams(g) => format!("{} g", format_number(g)),
                };
                text.push_str(&format!(
                    "Taper plan: from {} g/day, {cut} every {}, floor {} g, rounded to {} g.\n",
                    format_number(spec.from_grams),
                    plural(usize::try_from(spec.every_days).unwrap_or(usize::MAX), "day"),
                    format_number(spec.floor_grams),
                    format_number(spec.round_grams)
                ));
            }
            text.push_str(&format!("Changes: {}.\n", history_words(journal.plan_history())));
            let current = plan.targets.iter().rposition(|t| t.start <= today);
            for (i, t) in plan.targets.iter().enumerate() {
                let when = match current {
                    Some(c) if i < c => "done",
                    Some(c) if i == c => "current",
                    _ => "",
                };
                let amount =
                    if t.grams == 0.0 { "0 (stop)".to_owned() } else { format!("{} g/day", format_number(t.grams)) };
                text.push_str(&format!("  {:<16} {amount:<12} {when}\n", t.start.format("%a %-d %b %Y")));
            }
            let situation = crate::analysis::situation::situation(journal, ctx.now);
            let days = taper::plan_days(journal, &situation, plan, today - Duration::days(SHOW_DAYS - 1), today);
            if !days.is_empty() {
                text.push_str(&format!("Last {SHOW_DAYS} days  target   actual   difference  doses\n"));
                for d in &days {
                    let diff = match d.difference() {
                        None => "not logged".to_owned(),
                        Some(0.0) => "on target".to_owned(),
                        Some(x) => format!("{x:+.2} g"),
                    };
                    text.push_str(&format!(
                        "  {}  {:>6}   {:>6}   {:<11} {}\n",
                        d.date,
                        format_number(d.target),
                        d.actual.map_or_else(|| "–".to_owned(), format_number),
                        diff,
                        d.doses
                    ));
                }
                // Today is still under way, so it is listed but not counted.
                let past: Vec<_> = days.iter().filter(|d| d.date < today).copied().collect();
                text.push_str(&format!(
                    "Before today: {} (within 0.05 g counts as on target).\n",
                    taper::Adherence::of(&past).words()
                ));
            }
        }
    }
    let doses = analysis::dose_days(journal);
    let effects = taper::step_effects(journal, &taper::stretches(&doses));
    if !effects.is_empty() {
        text.push_str(
            "Steps in your dose log (a drop of 5 % or more held 2 days), scores 3 days before → 3 days after:\n",
        );
        for e in &effects {
            text.push_str(&format!("  {}\n", crate::status::step_effect_line(e)));
        }
    }
    for a in &crate::analysis::situation::situation(journal, ctx.now).attempts {
        text.push_str(&format!("{}\n", crate::status::attempt_line(a)));
    }
    text
}

/// The plan's history in a line, oldest first: the same change made more
/// than once on one day (a plan remade while getting it right) is said
/// once with how many times, "10 Mar new plan (3 times)", rather than
/// repeated; changes on different days or of different kinds stay apart.
fn history_words(history: &[PlanVersion]) -> String {
    let mut groups: Vec<(String, &str, usize)> = Vec::new();
    for v in history {
        let day = v.set.format("%-d %b").to_string();
        match groups.last_mut() {
            Some((d, change, n)) if *d == day && *change == v.change => *n += 1,
            _ => groups.push((day, &v.change, 1)),
        }
    }
    let words: Vec<String> = groups
        .iter()
        .map(|(day, change, n)| if *n == 1 { format!("{day} {change}") } else { format!("{day} {change} ({n} times)") })
        .collect();
    words.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(set: &str, change: &str) -> PlanVersion {
        PlanVersion {
            set: crate::journal::Stamp::parse_from_rfc3339(set).unwrap(),
            change: change.to_owned(),
            spec: None,
            targets: Vec::new(),
        }
    }

    #[test]
    fn repeats_on_one_day_are_counted_and_the_rest_kept_in_order() {
        let history = [
            version("2026-03-10T08:00:00+01:00", "new plan"),
            version("2026-03-10T08:05:00+01:00", "new plan"),
            version("2026-03-10T08:09:00+01:00", "new plan"),
            version("2026-03-10T09:00:00+01:00", "held 3 days"),
            version("2026-03-11T09:00:00+01:00", "new plan"),
        ];
        assert_eq!(history_words(&history), "10 Mar new plan (3 times); 10 Mar held 3 days; 11 Mar new plan");
    }
}
