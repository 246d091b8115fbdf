//! Commands that change the journal: `log`, `dose`, `last-use`, `symptoms`
//! and `question` (the self-checks are in `checks.rs`, the history in
//! `about.rs`). Each parses and validates everything first, then changes the
//! journal through its own methods, then saves once.

use std::io::Write;

use chrono::Duration;

use super::choices::DoseAmount;
use super::{CliError, Ctx, DoseArgs, LogArgs, QuestionAction, SymptomsAction, write_out};
use crate::analysis::{self, situation};
use crate::dates::{parse_day, parse_moment};
use crate::journal::edit::{self, DayChange};
use crate::journal::{Aid, Dose, Hours, InputError, LastUseSource, format_number, rating_word};
use crate::status::{capitalised, plural};

pub fn log(ctx: &Ctx, args: &LogArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let (mut store, journal) = ctx.open_write()?;
    let date = parse_day(&args.date, ctx.now)?;
    let catalog = journal.catalog();
    let mut change = DayChange {
        ratings: args
            .ratings
            .iter()
            .map(|p| edit::pair(catalog, p).map(|(id, value)| (id, value.get())))
            .collect::<Result<_, _>>()?,
        sleep: args.sleep.map(Hours::get),
        note: args.note.clone(),
        for_provider: args.for_provider,
        aids: args.aids.iter().map(|a| a.parse::<Aid>()).collect::<Result<_, _>>()?,
        remove_aids: args.remove_aids.clone(),
        ..DayChange::default()
    };
    for word in &args.clear {
        // An item of the person's own called `sleep` or `note` keeps its meaning.
        match edit::known_item(catalog, word) {
            Ok(id) => change.clear.push(id),
            Err(_) if word.trim().eq_ignore_ascii_case(edit::CLEAR_SLEEP) => change.clear_sleep = true,
            Err(_) if word.trim().eq_ignore_ascii_case(edit::CLEAR_NOTE) => change.clear_note = true,
            Err(InputError::UnknownItem { id, suggestion }) => {
                let near = |w: &str| strsim::levenshtein(&id, w) <= 2;
                let suggestion = suggestion
                    .or_else(|| [edit::CLEAR_SLEEP, edit::CLEAR_NOTE].into_iter().find(|w| near(w)).map(str::to_owned));
                return Err(InputError::BadClear { given: id, suggestion }.into());
            }
            Err(e) => return Err(e.into()),
        }
    }
    // What the removals will take, to say so: every entry of each aid named.
    let removed: Vec<(String, Vec<String>)> = change
        .remove_aids
        .iter()
        .map(|name| {
            journal
                .aids_called(date, name)
                .map(|found| (name.trim().to_owned(), found.iter().map(|a| a.entry_text()).collect()))
        })
        .collect::<Result<_, _>>()?;
    let flags_before = super::attention::around(journal, ctx.now, date);
    journal.log_day(date, &change, ctx.now)?;
    ctx.save(&mut store, journal)?;
    super::attention::say_new(&flags_before, &super::attention::around(journal, ctx.now, date));

    let mut said: Vec<String> = removed
        .iter()
        .map(|(name, entries)| {
            let count = if entries.len() == 1 { "1 entry".to_owned() } else { format!("{} entries", entries.len()) };
            format!("removed {count} of {name} ({})", entries.join(", "))
        })
        .collect();
    said.extend(change.ratings.iter().map(|(id, v)| format!("{id} {v} ({})", rating_word(Some(*v)))));
    said.extend(change.clear.iter().map(|id| format!("{id} not recorded")));
    if let Some(h) = change.sleep {
        said.push(format!("sleep {} h", format_number(h)));
    }
    if change.clear_sleep {
        said.push("sleep not recorded".into());
    }
    if change.note.is_some() {
        said.push(if args.for_provider { "note (for your provider)".into() } else { "note".into() });
    } else if args.for_provider {
        said.push("note marked for your provider".into());
    }
    if change.clear_note {
        said.push("note removed".into());
    }
    said.extend(change.aids.iter().map(Aid::saved_text));
    let mut text = format!("Saved {date}: {}.\n", said.join(", "));
    if let Some(words) = crate::status::scores_words(journal, date) {
        text.push_str(&format!("That day: {words}.\n"));
    }
    write_out(out, &text)
}

pub fn dose(ctx: &Ctx, args: &DoseArgs, out: &mut dyn Write) -> Result<(), CliError> {
    if args.list {
        let days = args.days.map_or(14, |d| d.0);
        return write_out(out, &dose_list(ctx.read()?, ctx, days));
    }
    let (mut store, journal) = ctx.open_write()?;
    if args.undo {
        let removed = journal.undo_dose()?;
        ctx.save(&mut store, journal)?;
        return write_out(
            out,
            &format!(
                "Removed the dose of {} g at {}.\n",
                format_number(removed.grams),
                removed.at.format("%Y-%m-%d %H:%M")
            ),
        );
    }
    let grams = match args.grams {
        Some(DoseAmount::Grams(grams)) => grams.get(),
        // clap asks for an amount unless --list or --undo, both handled above.
        None => return Err(CliError::Usage("give the amount in grams, or none".into())),
        Some(DoseAmount::None) => {
            if args.at.is_some() || args.form.is_some() || args.note.is_some() {
                return Err(CliError::Usage(
                    "`easeoff dose none` takes only --date (the day without kratom); --at, --form and --note go with a dose"
                        .into(),
                ));
            }
            let date = parse_day(args.date.as_deref().unwrap_or("today"), ctx.now)?;
            journal.mark_no_dose(date, ctx.now)?;
            ctx.save(&mut store, journal)?;
            return write_out(out, &format!("Recorded no kratom on {}.\n", date.format("%a %-d %b %Y")));
        }
    };
    if args.date.is_some() {
        return Err(CliError::Usage(
            "--date goes with `easeoff dose none` (a day without kratom); for a dose, give its time with --at, e.g. --at \"2026-03-09 21:30\""
                .into(),
        ));
    }
    let at = args.at.as_deref().map(|t| parse_moment(t, ctx.now, "the dose time")).transpose()?.unwrap_or(ctx.now);
    let note = args.note.as_deref().map(edit::note).transpose()?.map(String::into_boxed_str);
    let flags_before = super::attention::around(journal, ctx.now, at.date_naive());
    journal.add_dose(Dose { at, grams, form: args.form.map(Into::into), note }, ctx.now)?;
    ctx.save(&mut store, journal)?;
    super::attention::say_new(&flags_before, &super::attention::around(journal, ctx.now, at.date_naive()));
    let total = analysis::dose_day(journal, at.date_naive()).unwrap_or_default();
    write_out(
        out,
        &format!(
            "Logged {} g at {}. That day: {}, {} g.\n",
            format_number(grams),
            at.format("%Y-%m-%d %H:%M"),
            plural(total.count, "dose"),
            format_number(total.grams)
        ),
    )
}

fn dose_list(journal: &crate::journal::Journal, ctx: &Ctx, days: u32) -> String {
    let since = ctx.now.date_naive() - Duration::days(i64::from(days) - 1);
    let totals = analysis::dose_days(journal);
    let mut text = String::new();
    let mut current = None;
    for dose in journal.doses().iter().filter(|d| d.at.date_naive() >= since) {
        let date = dose.at.date_naive();
        if current != Some(date) {
            let t = totals.get(&date).copied().unwrap_or_default();
            text.push_str(&format!("{date}  total {} g in {}\n", format_number(t.grams), plural(t.count, "dose")));
            current = Some(date);
        }
        let form = dose.form.map(|f| format!(" {f:?}").to_lowercase()).unwrap_or_default();
        let note = if dose.note.is_some() { "  (note)" } else { "" };
        let later = if dose.at > ctx.now { "  (dated after now: not counted as the last dose yet)" } else { "" };
        text.push_str(&format!(
            "  {}  {:>6} g{form}{note}{later}\n",
            dose.at.format("%H:%M"),
            format_number(dose.grams)
        ));
    }
    if text.is_empty() {
        text = format!("No doses in the last {}.\n", plural(days as usize, "day"));
    }
    text
}

pub fn last_use(ctx: &Ctx, at: Option<&str>, out: &mut dyn Write) -> Result<(), CliError> {
    let Some(at) = at else {
        let journal = ctx.read()?;
        let now = situation::situation(journal, ctx.now);
        let text = match (now.anchor().and(now.stop), now.newest_dose) {
            (Some(stop), _) => {
                let from = match stop.source {
                    LastUseSource::DoseLog => "the last dose in your dose log before the stop",
                    LastUseSource::Mark => "the moment you marked",
                };
                let lapse = if now.lapses.is_empty() {
                    String::new()
                } else {
                    format!(" Since then (a lapse): {}.", crate::status::lapse_list(&now.lapses))
                };
                format!("Last use: {} ({from}).{lapse}\n", stop.at.format("%Y-%m-%d %H:%M"))
            }
            (None, Some(newest)) => format!(
                "No last use yet: you are {} (newest dose {}). If that dose was your last: easeoff last-use --at \"{}\"\n",
                now.phrase(),
                newest.format("%Y-%m-%d %H:%M"),
                newest.format("%Y-%m-%d %H:%M")
            ),
            (None, None) => {
                "No last use yet: log doses with `easeoff dose`, or mark it with `easeoff last-use --at TIME`.\n"
                    .to_owned()
            }
        };
        let later = crate::status::doses_after_line(journal, ctx.now).map(|l| format!("{l}\n")).unwrap_or_default();
        return write_out(out, &format!("{text}{later}"));
    };
    let (mut store, journal) = ctx.open_write()?;
    let when = parse_moment(at, ctx.now, "the last use")?;
    journal.mark_last_use(when, ctx.now)?;
    ctx.save(&mut store, journal)?;
    let mut text = format!("Marked your last use at {}.\n", when.format("%Y-%m-%d %H:%M"));
    let now = situation::situation(journal, ctx.now);
    if let Some(newest) = now.newest_dose.filter(|d| *d > when) {
        text.push_str(&format!(
            "Your dose log has a later dose ({}); see `easeoff status` for where that leaves you.\n",
            newest.format("%Y-%m-%d %H:%M")
        ));
    }
    write_out(out, &text)
}

pub fn symptoms(ctx: &Ctx, action: Option<&SymptomsAction>, out: &mut dyn Write) -> Result<(), CliError> {
    let Some(action) = action else {
        let journal = ctx.read()?;
        let mut text = String::new();
        for kind in crate::journal::Kind::BOTH {
            text.push_str(&format!("{}:\n", capitalised(kind.word())));
            for e in journal.catalog().entries().filter(|e| e.kind == kind) {
                let mut marks = Vec::new();
                if e.custom {
                    marks.push("your own");
                }
                match (e.extra, e.hidden) {
                    (true, true) => marks.push("extra, off"),
                    (true, false) => marks.push("extra, on"),
                    (false, true) => marks.push("hidden"),
                    (false, false) => {}
                }
                let marks = if marks.is_empty() { String::new() } else { format!("  ({})", marks.join(", ")) };
                text.push_str(&format!("  {:<16} {}{marks}\n", e.id, e.label));
            }
        }
        return write_out(out, &text);
    };
    let (mut store, journal) = ctx.open_write()?;
    let text = match action {
        SymptomsAction::Add { id, label, kind } => {
            // Ids are lower case; one typed in capitals is the same id.
            let id = &id.to_lowercase();
            let kind = crate::journal::Kind::from(*kind);
            journal.add_symptom(id, label, kind)?;
            format!("Added {id} ({label}, {}).\n", kind.word())
        }
        SymptomsAction::Hide { extra: true, .. } => {
            let ids = journal.switch_extras(false);
            format!("Switched the extra items off ({}); their past ratings are kept.\n", ids.join(", "))
        }
        SymptomsAction::Show { extra: true, .. } => {
            let ids = journal.switch_extras(true);
            format!("Switched the extra items on: {}. Rate them like the others.\n", ids.join(", "))
        }
        SymptomsAction::Hide { id, .. } => {
            let id = &id.as_deref().unwrap_or_default().trim().to_lowercase();
            let extra = journal.catalog().get(id).is_some_and(|e| e.extra);
            journal.hide_symptom(id)?;
            if extra {
                format!("Switched {id} off; its past ratings are kept. `easeoff symptoms show {id}` switches it on.\n")
            } else {
                format!("Hid {id}; its past ratings are kept. `easeoff symptoms show {id}` brings it back.\n")
            }
        }
        SymptomsAction::Show { id, .. } => {
            let id = &id.as_deref().unwrap_or_default().trim().to_lowercase();
            let extra = journal.catalog().get(id).is_some_and(|e| e.extra);
            journal.show_symptom(id)?;
            if extra { format!("Switched {id} on.\n") } else { format!("{id} is shown again.\n") }
        }
    };
    ctx.save(&mut store, journal)?;
    write_out(out, &text)
}

pub fn question(ctx: &Ctx, action: Option<&QuestionAction>, out: &mut dyn Write) -> Result<(), CliError> {
    let list = |journal: &crate::journal::Journal| {
        let lines: Vec<String> =
            journal.open_questions().enumerate().map(|(i, q)| format!("{:>3}. {}\n", i + 1, q.text)).collect();
        if lines.is_empty() {
            "No open questions. Add one with `easeoff question add TEXT`.\n".to_owned()
        } else {
            lines.concat()
        }
    };
    match action {
        None | Some(QuestionAction::List) => write_out(out, &list(ctx.read()?)),
        Some(QuestionAction::Add { text }) => {
            let (mut store, journal) = ctx.open_write()?;
            journal.add_question(text, ctx.now)?;
            ctx.save(&mut store, journal)?;
            let n = journal.open_questions().count();
            write_out(out, &format!("Added question {n}; it will be in your visit summary.\n"))
        }
        Some(QuestionAction::Done { n }) => {
            let (mut store, journal) = ctx.open_write()?;
            let open = journal.open_questions().count();
            let number = n.trim().parse::<usize>().map_err(|_| InputError::NoSuchQuestion { n: 0, open })?;
            let text = journal.complete_question(number, ctx.now)?;
            ctx.save(&mut store, journal)?;
            write_out(out, &format!("Marked as asked: {text}\n"))
        }
    }
}
