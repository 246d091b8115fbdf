//! The only code that touches the journal file: where it lives, loading and
//! checking it, the single-writer lock, crash-safe saving and the rolling
//! backups beside it.
//!
//! A save first parses the bytes it is about to write with the real loader
//! and checks they give back the same journal; only then does it write a temp
//! file in the same directory, fsync it, rename it over the journal and fsync
//! the directory, so the file on disk is always either the old or the new
//! version. The first save of a day keeps the file as it was before it as
//! that day's backup (see `store/backups.rs`). If the journal's folder was
//! removed while easeoff runs, a save makes it again (0700) rather than fail
//! on every key press.
//!
//! A file that cannot be read is never treated as empty and never
//! overwritten: a writer moves it aside (kept, 0600) and points to the newest
//! good backup; nothing is written until the person runs `easeoff restore`.

mod backups;
mod error;
mod format;
mod lines;
mod lock;
mod migrate;
mod pages;

use std::fs::{self, DirBuilder, File};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub use backups::{Backup, KEEP_DAYS, KEEP_LAST};
pub use error::StoreError;

use crate::journal::{Journal, Stamp, VERSION};

/// Whether this process may change the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read only; takes no lock and never moves or writes anything.
    Read,
    /// Read and save; holds the exclusive lock for as long as the store lives.
    Write,
}

/// An open journal file.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// Held for the life of the store; dropping it releases the lock.
    #[allow(dead_code)]
    lock: Option<File>,
    read_only: Option<String>,
    notice: Option<String>,
    /// The file's bytes as last read or written: each save writes into the
    /// same memory (see `store/pages.rs`).
    buffer: pages::Bytes,
}

/// What a successful save has to say besides "saved".
#[derive(Debug, Default)]
pub struct Saved {
    /// A backup could not be written; the journal itself is saved.
    pub backup_warning: Option<String>,
    /// The journal's folder had been removed and was made again for this
    /// save (the backups that were in it went with it).
    pub remade_folder: bool,
}

/// The journal's default location: the platform's data directory.
pub fn default_path() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "easeoff")
        .map(|dirs| dirs.data_dir().join("journal.json"))
        .ok_or(StoreError::NoHome)
}

impl Store {
    /// Opens the journal at `path`. A missing file gives an empty journal,
    /// unless backups or set-aside files show there was one before.
    pub fn open(path: &Path, access: Access, now: Stamp) -> Result<(Self, Journal), StoreError> {
        let path = absolute(path);
        let mut store = match access {
            Access::Write => Self::lock_only(&path)?,
            Access::Read => Self {
                path: path.clone(),
                lock: None,
                read_only: Some("opened for reading only".to_owned()),
                notice: None,
                buffer: pages::Bytes::default(),
            },
        };
        let bytes = match pages::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if let Some(backup) = backups::newest_good(&path) {
                    return Err(StoreError::Missing { path, backup });
                }
                return Ok((store, Journal::new()));
            }
            Err(source) => return Err(StoreError::io("read", &path, source)),
        };
        match migrate::parse(&bytes) {
            Ok(parsed) => {
                let journal = parsed.journal;
                if parsed.from_version > VERSION {
                    store.read_only = Some(format!(
                        "it was written by a newer easeoff (file version {}; this one knows up to {VERSION}), \
                         so it is opened read-only — update easeoff to change it",
                        parsed.from_version
                    ));
                } else if parsed.from_version < VERSION && access == Access::Write {
                    let kept = backups::keep_before_migration(&path, parsed.from_version, &bytes)?;
                    store.backup_now("migration", now)?;
                    store.save(&journal, now)?;
                    store.notice = Some(format!(
                        "updated the journal from file version {} to {VERSION}; the old file is kept at {}",
                        parsed.from_version,
                        kept.display()
                    ));
                } else {
                    // The next save writes into the memory these bytes are in.
                    store.buffer = bytes;
                }
                Ok((store, journal))
            }
            Err(reason) => {
                let kept_as = if access == Access::Write { Some(set_aside(&path, "damaged", now)?) } else { None };
                let backup = backups::newest_good_info(&path);
                Err(StoreError::Damaged { path, reason, kept_as, backup })
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Something the person should know about how the file was opened.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Why this store will not save, if it will not.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Saves atomically; on any error the file on disk is the old version.
    pub fn save(&mut self, journal: &Journal, now: Stamp) -> Result<Saved, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly { path: self.path.clone(), why: why.clone() });
        }
        let mut bytes = std::mem::take(&mut self.buffer);
        format::write_journal(journal, &mut bytes);
        let saved = self.save_bytes(&bytes, journal, now);
        self.buffer = bytes;
        saved
    }

    /// The save of `bytes`, the journal as written.
    fn save_bytes(&mut self, bytes: &[u8], journal: &Journal, now: Stamp) -> Result<Saved, StoreError> {
        // What is about to replace the journal must load back as this very
        // journal, with the loader every later start will use; checked in
        // memory, before anything on disk changes.
        if !reads_back_as(bytes, journal) {
            return Err(StoreError::ReadBack { path: self.path.clone() });
        }
        let remade_folder = self.remake_folder_if_removed()?;
        let today = now.date_naive();
        let mut backup_warning = None;
        // The first save of a day keeps the file as it was before it: that
        // is "yesterday's journal", the state before the day's first change,
        // and it costs no copy (a hard link that the rename below leaves as
        // the old file's only name). A copy of the bytes as saved would only
        // repeat the journal itself.
        let mut linked = None;
        let had_file = self.path.is_file();
        if had_file && !backups::has_one_for(&self.path, today) {
            match backups::keep_current(&self.path, today, None) {
                Ok(kept) => linked = kept,
                Err(e) => backup_warning = Some(e.to_string()),
            }
        }
        if let Err(e) = write_atomically(&self.path, bytes) {
            // The journal is unchanged; a backup of it made for this save
            // would share its file, so it goes (the next save makes it again).
            if let Some(link) = linked {
                let _ = fs::remove_file(link);
            }
            return Err(e);
        }
        // A new journal has no "before": its first backup is the first save.
        if !had_file
            && !backups::has_one_for(&self.path, today)
            && let Err(e) = backups::keep_bytes(&self.path, today, bytes)
        {
            backup_warning = Some(e.to_string());
        }
        backups::prune(&self.path, today);
        Ok(Saved { backup_warning, remade_folder })
    }

    /// Keeps a backup of the journal file as it is now, before something that
    /// replaces much of it (an import, a restore, a migration, a fresh
    /// start); `reason` goes into the name (`…-before-import.json`). Nothing
    /// is kept when there is no file yet.
    pub fn backup_now(&mut self, reason: &str, now: Stamp) -> Result<Option<PathBuf>, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly { path: self.path.clone(), why: why.clone() });
        }
        backups::keep_current(&self.path, now.date_naive(), Some(reason))
    }

    /// Makes the journal's folder again (0700) if it was removed while this
    /// store was open, and takes the lock afresh: the old lock file went with
    /// the folder, so another easeoff could otherwise lock a new one.
    /// Says whether it had to.
    fn remake_folder_if_removed(&mut self) -> Result<bool, StoreError> {
        let dir = parent(&self.path);
        if dir.is_dir() {
            return Ok(false);
        }
        make_private_dir(dir)?;
        if self.lock.is_some() {
            self.lock = Some(lock::acquire(&self.path)?);
        }
        Ok(true)
    }

    /// Replaces the journal with a backup, keeping the current file aside.
    pub fn restore(&mut self, backup: &Path, now: Stamp) -> Result<(Journal, Option<PathBuf>), StoreError> {
        let bytes = fs::read(backup).map_err(|e| StoreError::io("read", backup, e))?;
        let parsed = migrate::parse(&bytes).map_err(|reason| StoreError::Damaged {
            path: backup.to_path_buf(),
            reason,
            kept_as: None,
            backup: None,
        })?;
        self.read_only = None;
        self.backup_now("restore", now)?;
        let kept = if self.path.exists() { Some(set_aside(&self.path, "before-restore", now)?) } else { None };
        self.save(&parsed.journal, now)?;
        Ok((parsed.journal, kept))
    }

    /// Starts a new, empty journal (after a damaged one was moved aside and
    /// the person chose not to restore a backup). Any file there is kept aside.
    pub fn start_empty(&mut self, now: Stamp) -> Result<Option<PathBuf>, StoreError> {
        self.read_only = None;
        self.backup_now("start-empty", now)?;
        let kept = if self.path.exists() { Some(set_aside(&self.path, "before-restore", now)?) } else { None };
        self.save(&Journal::new(), now)?;
        Ok(kept)
    }

    /// Takes the write lock without reading the journal, for `restore`,
    /// which must work when the journal cannot be read.
    pub fn lock_only(path: &Path) -> Result<Self, StoreError> {
        let path = absolute(path);
        make_private_dir(parent(&path))?;
        let lock = lock::acquire(&path)?;
        clean_stale_temps(&path);
        Ok(Self { path, lock: Some(lock), read_only: None, notice: None, buffer: pages::Bytes::default() })
    }
}

/// The journal as stored: see `store/format.rs` for the layout.
pub fn serialize(journal: &Journal) -> Vec<u8> {
    format::journal_bytes(journal)
}

/// Parses and checks journal bytes as a file would be read: the loader the
/// fuzzers and the corruption tests drive.
pub fn parse_bytes(bytes: &[u8]) -> Result<Journal, String> {
    migrate::parse(bytes).map(|p| p.journal)
}

/// Reads and checks a journal file that is not the open journal (an import,
/// a backup), without moving or changing it.
pub fn read_journal_file(path: &Path) -> Result<Journal, StoreError> {
    let bytes = pages::read(path).map_err(|e| StoreError::io("read", path, e))?;
    parse_bytes(&bytes).map_err(|reason| StoreError::Damaged {
        path: path.to_path_buf(),
        reason,
        kept_as: None,
        backup: None,
    })
}

/// Writes a file only the person can read (0600), atomically, e.g. an export.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomically(&absolute(path), bytes)
}

/// Lists the backups of the journal at `path`, newest first.
pub fn list_backups(path: &Path) -> Vec<Backup> {
    backups::list(&absolute(path))
}

/// Finds a backup by its file name or path.
pub fn find_backup(path: &Path, name: &str) -> Option<PathBuf> {
    let given = PathBuf::from(name);
    if given.is_file() {
        return Some(given);
    }
    let in_dir = backups::dir(&absolute(path)).join(name);
    in_dir.is_file().then_some(in_dir)
}

/// Permission bits of a path, for `easeoff check`.
pub fn mode_of(path: &Path) -> Option<u32> {
    fs::metadata(path).ok().map(|m| m.permissions().mode() & 0o777)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = parent(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(|e| StoreError::io("create a temp file in", dir, e))?;
    temp.write_all(bytes).map_err(|e| StoreError::io("write", temp.path(), e))?;
    temp.as_file().sync_all().map_err(|e| StoreError::io("flush to disk", temp.path(), e))?;
    temp.persist(path).map_err(|e| StoreError::io("replace", path, e.error))?;
    sync_dir(dir)
}

/// Whether `bytes` load back as `journal`, as the loader would read them
/// (parse, then the integrity check). The quick way compares one day and one
/// dose at a time on two cores, never holding a second journal (that would
/// add a third to the peak memory of a save); when it cannot tell, or says
/// no, the whole loader decides.
fn reads_back_as(bytes: &[u8], journal: &Journal) -> bool {
    let quick = std::str::from_utf8(bytes).ok().and_then(|text| lines::reads_back_as(text, journal));
    if quick == Some(true) {
        return true;
    }
    migrate::parse(bytes).is_ok_and(|parsed| parsed.journal == *journal)
}

pub(crate) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| StoreError::io("flush the directory", dir, e))
}

fn temp_prefix(path: &Path) -> String {
    format!(".{}.tmp", file_name(path))
}

/// Temp files left by a save that was interrupted; safe to remove while we
/// hold the lock, since only the lock holder writes them.
fn clean_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(parent(path)) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves a file aside as `NAME.LABEL-YYYYMMDD-HHMMSS[-N]`, keeping it.
fn set_aside(path: &Path, label: &str, now: Stamp) -> Result<PathBuf, StoreError> {
    let stem = format!("{}.{label}-{}", file_name(path), now.format("%Y%m%d-%H%M%S"));
    let mut target = parent(path).join(&stem);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = parent(path).join(format!("{stem}-{n}"));
    }
    fs::rename(path, &target).map_err(|e| StoreError::io("move aside", path, e))?;
    let _ = fs::set_permissions(&target, fs::Permissions::from_mode(0o600));
    sync_dir(parent(path))?;
    Ok(target)
}

/// Creates the journal's directory (and any missing parents) as 0700.
/// Directories that already exist are left as they are: `--data-file` may
/// point into a shared folder the person chose.
fn make_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| StoreError::io("create the folder", dir, e))?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| StoreError::io("protect", dir, e))
}

fn parent(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| "journal.json".to_owned(), |n| n.to_string_lossy().into_owned())
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
