//! Commands about files: `export`, `import`, `demo --write`, `check` and
//! `restore`. All file access goes through the store.

use std::io::Write;
use std::path::Path;

use super::{CliError, Ctx, ExportFormat, write_bytes, write_out};
use crate::journal::VERSION;
use crate::status::plural;
use crate::store::{self, Access, Store, StoreError};

pub fn export(ctx: &Ctx, format: ExportFormat, file: Option<&Path>, out: &mut dyn Write) -> Result<(), CliError> {
    let journal = ctx.read()?;
    let bytes = match format {
        ExportFormat::Json => crate::export::json(journal),
        ExportFormat::Csv => crate::export::csv(journal, ctx.now)
            .map_err(|e| CliError::Other(format!("could not build the CSV: {e}")))?,
    };
    match file {
        None => write_bytes(out, &bytes),
        Some(path) => {
            store::write_private_file(path, &bytes)?;
            eprintln!("easeoff: wrote {} ({} bytes, readable only by you)", path.display(), bytes.len());
            Ok(())
        }
    }
}

pub fn import(ctx: &Ctx, file: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    // The file to import is not the person's journal: say so, so that a bad
    // file never reads as damage to their own.
    let other = store::read_journal_file(file).map_err(|e| {
        let why = match e {
            store::StoreError::Damaged { reason, .. } => reason,
            other => other.to_string(),
        };
        CliError::Usage(format!(
            "{} cannot be imported: {why}. Give an easeoff journal or a JSON export (`easeoff export --format json`); your own journal is unchanged",
            file.display()
        ))
    })?;
    let (mut store, journal) = ctx.open_write()?;
    let report = journal.merge(&other);
    if report.is_empty() {
        return write_out(out, &format!("Nothing new in {}: the journal is unchanged.\n", file.display()));
    }
    store.backup_now("import", ctx.now)?;
    ctx.save(&mut store, journal)?;
    let parts = [
        (report.days_added, "new days"),
        (report.ratings_added, "ratings added"),
        (report.ratings_changed, "ratings changed to a newer edit"),
        (report.sleep_or_notes, "sleep or notes updated"),
        (report.aids_added, "aids added"),
        (report.doses_added, "doses added"),
        (report.signs_added, "self-checks added"),
        (report.questions_added, "questions added or marked done"),
        (report.plan_changes_added, "taper plan changes added"),
        (report.items_added, "symptom items added"),
        (report.settings_changed, "settings updated"),
    ];
    let said: Vec<String> = parts.iter().filter(|(n, _)| *n > 0).map(|(n, what)| format!("{n} {what}")).collect();
    write_out(out, &format!("Imported {}: {}.\n", file.display(), said.join(", ")))
}

pub fn demo(ctx: &Ctx, write: Option<&Path>, days: u32, seed: u64, out: &mut dyn Write) -> Result<(), CliError> {
    if !(1..=3660).contains(&days) {
        return Err(CliError::Usage(format!("--days {days} is out of range: use 1 to 3660")));
    }
    let Some(path) = write else {
        // A fresh demo in a temporary folder, removed when the app closes.
        let folder =
            tempfile::tempdir().map_err(|e| CliError::Other(format!("could not make a temporary folder: {e}")))?;
        let path = folder.path().join("demo-journal.json");
        let (mut store, _) = Store::open(&path, Access::Write, ctx.now)?;
        store.save(&crate::demo::generate(days, seed, ctx.now), ctx.now)?;
        drop(store);
        return ctx.run_app(&path);
    };
    if path.exists() {
        return Err(CliError::Usage(format!(
            "{} already exists: the demo never overwrites a file; choose a new name",
            path.display()
        )));
    }
    let journal = crate::demo::generate(days, seed, ctx.now);
    let (mut store, _) = Store::open(path, Access::Write, ctx.now)?;
    store.save(&journal, ctx.now)?;
    write_out(
        out,
        &format!(
            "Wrote a demo journal of {days} days ({} doses) to {}.\nTry: EASEOFF_DATA_FILE={} easeoff status\n",
            journal.doses().len(),
            path.display(),
            path.display()
        ),
    )
}

pub fn check(ctx: &Ctx, out: &mut dyn Write) -> Result<(), CliError> {
    let mut text = format!("Journal: {}\n", ctx.path.display());
    let mut problems = 0;
    match Store::open(&ctx.path, Access::Read, ctx.now) {
        Ok((_, journal)) if ctx.path.exists() => {
            text.push_str(&format!(
                "  reads fine: file version {} (this easeoff writes {VERSION}), {}, {}\n",
                journal.version(),
                plural(journal.days().len(), "day"),
                plural(journal.doses().len(), "dose")
            ));
            if let Some(line) = crate::status::doses_after_line(&journal, ctx.now) {
                problems += 1;
                text.push_str(&format!("  PROBLEM: {line}\n"));
            }
        }
        Ok(_) => text.push_str("  no journal yet: it is created with the first entry\n"),
        Err(e) => {
            problems += 1;
            text.push_str(&format!("  PROBLEM: {e}\n"));
        }
    }
    let folder = ctx.path.parent().unwrap_or(Path::new("."));
    for (what, path, want) in [("folder", folder, 0o700), ("file", ctx.path.as_path(), 0o600)] {
        if let Some(mode) = store::mode_of(path) {
            if mode.trailing_zeros() >= 6 {
                text.push_str(&format!("  {what} permissions {mode:o}: private to you\n"));
            } else {
                problems += 1;
                text.push_str(&format!(
                    "  PROBLEM: {what} permissions are {mode:o}; others can read it (want {want:o})\n"
                ));
            }
        }
    }
    let backups = store::list_backups(&ctx.path);
    if backups.is_empty() {
        text.push_str(
            "Backups: none yet (one is kept on each day you save, and before every import, restore and update)\n",
        );
    } else {
        text.push_str(&format!("Backups ({}), newest first:\n", backups.len()));
        for b in &backups {
            let good = match store::read_journal_file(&b.path) {
                Ok(_) => "good".to_owned(),
                Err(_) => "damaged".to_owned(),
            };
            text.push_str(&format!("  {}  {}  {:>9} bytes  {good}\n", b.name(), b.date, b.bytes));
        }
        text.push_str("Restore one with `easeoff restore NAME`; the current file is kept aside.\n");
    }
    write_out(out, &text)?;
    if problems > 0 {
        return Err(CliError::Other(format!("{} found; see above", plural(problems, "problem"))));
    }
    Ok(())
}

pub fn restore(ctx: &Ctx, backup: Option<&str>, start_empty: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let mut store = Store::lock_only(&ctx.path)?;
    if start_empty {
        let kept = store.start_empty(ctx.now)?;
        let kept = kept.map(|k| format!(" The previous file is kept at {}.", k.display())).unwrap_or_default();
        return write_out(out, &format!("Started a new, empty journal at {}.{kept}\n", ctx.path.display()));
    }
    let name = backup.unwrap_or_default();
    let Some(path) = store::find_backup(&ctx.path, name) else {
        return Err(CliError::Usage(format!("there is no backup '{name}': `easeoff check` lists the backups")));
    };
    let (journal, kept) = store.restore(&path, ctx.now).map_err(|e| match e {
        StoreError::Damaged { reason, .. } => {
            CliError::Other(format!("the backup {} cannot be used: {reason}", path.display()))
        }
        other => other.into(),
    })?;
    let kept = kept.map(|k| format!(" The file it replaced is kept at {}.", k.display())).unwrap_or_default();
    write_out(
        out,
        &format!(
            "Restored {} ({} days, {} doses).{kept}\n",
            path.display(),
            journal.days().len(),
            journal.doses().len()
        ),
    )
}
