//! Why the store could not do what was asked, with the file named and the
//! way out spelled out. I/O errors are kept apart from damaged files.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::Backup;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the journal {} is open in another easeoff{} — close it and try again", .path.display(), holder(*.pid))]
    Locked { path: PathBuf, pid: Option<u32> },
    #[error("the journal {} was not changed: {why}", .path.display())]
    ReadOnly { path: PathBuf, why: String },
    #[error("{}", damaged(.path, .reason, .kept_as.as_deref(), .backup.as_ref()))]
    Damaged { path: PathBuf, reason: String, kept_as: Option<PathBuf>, backup: Option<Backup> },
    #[error(
        "there is no journal at {}, but there are backups of one; the newest good one is {} ({}). \
         Run `easeoff restore {}` to go back to it, or `easeoff restore --start-empty` to begin a new journal",
        .path.display(), .backup.path.display(), .backup.date, .backup.name()
    )]
    Missing { path: PathBuf, backup: Backup },
    #[error("could not {action} {}: {source}", .path.display())]
    Io { action: &'static str, path: PathBuf, source: io::Error },
    #[error(
        "the journal {} was not saved: what would have been written did not read back as the same journal \
         (a bug in easeoff); the file on disk is unchanged",
        .path.display()
    )]
    ReadBack { path: PathBuf },
    #[error("no home folder was found to keep the journal in: set EASEOFF_DATA_FILE or use --data-file")]
    NoHome,
}

impl StoreError {
    pub fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        Self::Io { action, path: path.to_path_buf(), source }
    }
}

fn holder(pid: Option<u32>) -> String {
    pid.map_or_else(String::new, |p| format!(" (process {p})"))
}

fn damaged(path: &Path, reason: &str, kept_as: Option<&Path>, backup: Option<&Backup>) -> String {
    let mut text = format!("the journal {} could not be read: {reason}.", path.display());
    match kept_as {
        Some(kept) => text.push_str(&format!(" It has been moved aside, unchanged, to {}.", kept.display())),
        None => text.push_str(" It has not been changed."),
    }
    match backup {
        Some(b) => text.push_str(&format!(
            " The newest good backup is {} (saved {}): run `easeoff restore {}` to go back to it.",
            b.path.display(),
            b.date,
            b.name()
        )),
        None => text.push_str(" There is no good backup; keep the file and run `easeoff check` for details."),
    }
    text
}
