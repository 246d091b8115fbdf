//! The journal's refusals in the command line's words: the journal says
//! what was wrong in plain words any front end can show; here the same
//! refusal names the flag or command that fixes it (`--step`, `easeoff
//! symptoms`). Refusals with nothing of the command line in them are shown
//! as the journal words them.

use crate::journal::amount::Problem;
use crate::journal::plan::PlanProblem;
use crate::journal::{Cleared, InputError, bad_aid_words, format_number};

/// A refusal as the command line says it.
pub fn words(e: &InputError) -> String {
    let dym = |s: &Option<String>| s.as_deref().map_or_else(String::new, |s| format!(" (did you mean '{s}'?)"));
    match e {
        InputError::UnknownItem { id, suggestion } => {
            format!("unknown symptom '{id}'{}: see the list with `easeoff symptoms`", dym(suggestion))
        }
        InputError::BadClear { given, suggestion } => format!(
            "unknown symptom '{given}'{}: --clear takes an item id (see `easeoff symptoms`), sleep or note",
            dym(suggestion)
        ),
        InputError::BadAid { given, problem: Problem::Kratom } => {
            bad_aid_words(given, &format!("{}: easeoff dose 5", Problem::Kratom.words()))
        }
        InputError::Contradiction { what } => {
            let give = match what {
                Cleared::Sleep => "--sleep HOURS",
                Cleared::Note => "--note TEXT or --for-provider",
            };
            format!("the {} cannot be given and cleared at once: give {give}, or --clear {}", what.word(), what.word())
        }
        InputError::ReservedId { id } => {
            format!("'{id}' is kept for `easeoff log --clear {id}`: choose another id for your item, e.g. {id}-quality")
        }
        InputError::EmptyNote => "the note is empty: write some text, or leave --note out".to_owned(),
        InputError::NoNoteToMark { date } => {
            format!("there is no note on {date} to mark for your provider: add one with --note")
        }
        InputError::NoPlan => {
            "there is no taper plan: make one with `easeoff plan new --from GRAMS --step PERCENT% --every DAYS`"
                .to_owned()
        }
        InputError::DosesOnDay { .. } => {
            format!("{e} (`easeoff dose --undo`, or x on the Doses screen)")
        }
        InputError::MarkBeforeDose { newest } => format!("{e}, e.g. easeoff last-use --at \"{newest}\""),
        InputError::NothingToLog => {
            "nothing to log: give ITEM=RATING pairs, --sleep, --note, --for-provider, --aid, --remove-aid or --clear"
                .to_owned()
        }
        InputError::ExtraItem { id } => {
            format!("'{id}' is one of the extra items: switch it on with `easeoff symptoms show {id}`")
        }
        InputError::AboutContradiction { .. } => format!("{e} (--clear removes an answer)"),
        InputError::Plan(problem) => plan_words(problem).unwrap_or_else(|| e.to_string()),
        _ => e.to_string(),
    }
}

/// A refused plan with the flags that set what was wrong.
fn plan_words(problem: &PlanProblem) -> Option<String> {
    let n = |x: f64| format_number(x);
    Some(match problem {
        PlanProblem::FromOutOfRange { from } => {
            format!("--from {} g: the starting amount must be more than 0 and at most 100 g", n(*from))
        }
        PlanProblem::PercentOutOfRange { percent } => {
            format!("--step {}%: a step must be more than 0 % and less than 100 %", n(*percent))
        }
        PlanProblem::GramsOutOfRange { grams } => {
            format!("--step {} g: a step must be more than 0 g and less than the starting amount", n(*grams))
        }
        PlanProblem::FloorNegative { floor } => format!("--floor {} g: the floor cannot be negative", n(*floor)),
        PlanProblem::FloorNotBelowFrom { floor, from } => format!(
            "--floor {} g is not below --from {} g: the floor is the last amount before stopping",
            n(*floor),
            n(*from)
        ),
        PlanProblem::RoundOutOfRange { round } => {
            format!("--round {} g: rounding must be more than 0 g and at most the starting amount", n(*round))
        }
        PlanProblem::NoStartingAmount => {
            "give the starting amount with --from GRAMS (or state your usual amount first, in the app's welcome)"
                .to_owned()
        }
        PlanProblem::AtFloor | PlanProblem::NotGrams { .. } | PlanProblem::NotPercent { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_names_its_flags_where_the_journal_does_not() {
        let e = InputError::from(PlanProblem::PercentOutOfRange { percent: 150.0 });
        assert!(!e.to_string().contains("--"), "{e}");
        assert_eq!(words(&e), "--step 150%: a step must be more than 0 % and less than 100 %");
        let e = InputError::from(PlanProblem::FloorNotBelowFrom { floor: 8.0, from: 6.0 });
        assert!(words(&e).starts_with("--floor 8 g is not below --from 6 g"), "{}", words(&e));
        let e = InputError::Contradiction { what: Cleared::Sleep };
        assert_eq!(e.to_string(), "the sleep cannot be given and cleared at once: give it, or clear it");
        assert_eq!(words(&e), "the sleep cannot be given and cleared at once: give --sleep HOURS, or --clear sleep");
        let e = InputError::BadDose { given: "x".into() };
        assert_eq!(words(&e), e.to_string(), "nothing of the command line in it: as the journal words it");
    }
}
