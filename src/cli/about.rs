//! `easeoff about`: the person's history for their provider. With no
//! flags it shows what is recorded; with flags it gives, changes or clears
//! answers (each dated), all of them or none, then shows the whole history.

use std::collections::BTreeMap;
use std::io::Write;

use super::choices::{SubstanceArg, YesNo};
use super::{AboutArgs, CliError, Ctx, write_out};
use crate::journal::Journal;
use crate::journal::about::Field;
use crate::journal::edit::AboutChange;

pub fn run(ctx: &Ctx, args: &AboutArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let change = change(args)?;
    if change == AboutChange::default() {
        return write_out(out, &shown(ctx.read()?));
    }
    let (mut store, journal) = ctx.open_write()?;
    journal.answer_about(&change, ctx.now)?;
    ctx.save(&mut store, journal)?;
    let mut text = String::from("Saved.\n");
    text.push_str(&shown(journal));
    if change.pregnant == Some(true) {
        text.push_str(&format!("\n{}\n", crate::get_help::pregnancy_fact()));
    }
    write_out(out, &text)
}

/// The flags as one change; `none` stands alone.
fn change(args: &AboutArgs) -> Result<AboutChange, CliError> {
    let substances = match args.substances.as_slice() {
        [] => None,
        [SubstanceArg::None] => Some(BTreeMap::new()),
        many if many.contains(&SubstanceArg::None) => {
            return Err(CliError::Usage(
                "--substance none cannot be given with other substances: give none alone, or the substances".into(),
            ));
        }
        many => Some(
            many.iter()
                .filter_map(|s| match s {
                    SubstanceArg::Used(name, when) => Some((*name, *when)),
                    SubstanceArg::None => None,
                })
                .collect(),
        ),
    };
    let none = |m: &String| m.trim().eq_ignore_ascii_case("none");
    let medicines = match args.medicines.as_slice() {
        [] => None,
        [one] if none(one) => Some(Vec::new()),
        many if many.iter().any(none) => {
            return Err(CliError::Usage(
                "--medicine none cannot be given with other medicines: give none alone, or the medicines".into(),
            ));
        }
        many => Some(many.to_vec()),
    };
    Ok(AboutChange {
        products: set(&args.products),
        used_for: args.used_for,
        usual_grams: args.usual_grams.map(crate::journal::Grams::get),
        doses_a_day: args.doses_a_day,
        reasons: set(&args.reasons),
        substances,
        medicines,
        goal: args.goal,
        pregnant: args.pregnant.map(|p| p == YesNo::Yes),
        clear: args.clear.clone(),
    })
}

/// The choices given, as a set; none given changes nothing.
fn set<T: Copy + Ord>(values: &[T]) -> Option<std::collections::BTreeSet<T>> {
    (!values.is_empty()).then(|| values.iter().copied().collect())
}

/// The history as recorded, each answer with its date, and what is not
/// answered yet.
fn shown(journal: &Journal) -> String {
    let lines = journal.history();
    if lines.is_empty() {
        return "No history recorded yet. Every answer is optional, for example:\n  \
                easeoff about --product powder --used-for \"3 years\" --reason pain --goal stop\n\
                See `easeoff about --help` for every question, or press b on the app's Summary screen.\n"
            .to_owned();
    }
    let width = lines.iter().map(|l| l.field.label().len()).max().unwrap_or(0);
    let mut text = String::from("Your history, as you reported it:\n");
    for line in &lines {
        let when = line.set.map_or_else(String::new, |at| format!("  (given {})", at.format("%Y-%m-%d")));
        text.push_str(&format!("  {:<width$}  {}{when}\n", line.field.label(), line.text));
    }
    let missing: Vec<&str> =
        Field::ALL.into_iter().filter(|f| !lines.iter().any(|l| l.field == *f)).map(Field::id).collect();
    if !missing.is_empty() {
        text.push_str(&format!("Not answered: {} (all optional).\n", missing.join(", ")));
    }
    text
}
