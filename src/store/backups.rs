//! Backups in a folder beside the journal (`journal.json.backups/`).
//!
//! The policy: the first save of a day keeps a backup of the journal as it
//! was *before* that save, so each day has "yesterday's journal" (the state
//! before the day's first change) to go back to; and the file is also kept
//! before every migration, import, restore and fresh start, whatever the day.
//! Saving every key press therefore costs no extra copies. Pruning keeps the
//! first backup of each of the last [`KEEP_DAYS`] days and the
//! [`KEEP_LAST`] newest ones, whatever their day.
//!
//! A backup of the file before a save is a hard link to it: the save then
//! renames a new file over the journal, so the old inode lives on under the
//! backup's name only, and nothing is copied. Where links are not possible
//! (some filesystems), the file is copied instead.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};

use super::{StoreError, file_name, migrate, parent};

/// How many of the newest backups are always kept, whatever their day: a
/// burst of imports or restores in one day keeps its last few, and a person
/// back after a long break still has the days before it besides today's.
pub const KEEP_LAST: usize = 5;
/// For how many days the first backup of each day is kept.
pub const KEEP_DAYS: i64 = 14;

/// One backup file: `NNNNNN-DATE.json`, or `NNNNNN-DATE-before-REASON.json`
/// for one kept before a migration, import, restore or fresh start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub seq: u64,
    pub date: NaiveDate,
    pub bytes: u64,
}

impl Backup {
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }
}

pub fn dir(journal: &Path) -> PathBuf {
    parent(journal).join(format!("{}.backups", file_name(journal)))
}

/// Every backup, newest first.
pub fn list(journal: &Path) -> Vec<Backup> {
    let Ok(entries) = fs::read_dir(dir(journal)) else { return Vec::new() };
    let mut found: Vec<Backup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".json")?;
            let (seq, rest) = stem.split_once('-')?;
            // The date is the first ten characters; a reason may follow.
            let date = rest.get(..10)?;
            let tail = rest.get(10..)?;
            if !(tail.is_empty() || tail.starts_with("-before-")) {
                return None;
            }
            Some(Backup {
                path: entry.path(),
                seq: seq.parse().ok()?,
                date: date.parse().ok()?,
                bytes: entry.metadata().map_or(0, |m| m.len()),
            })
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.seq));
    found
}

/// The newest backup that parses and passes the integrity check.
pub fn newest_good_info(journal: &Path) -> Option<Backup> {
    list(journal).into_iter().find(|b| fs::read(&b.path).is_ok_and(|bytes| migrate::parse(&bytes).is_ok()))
}

pub fn newest_good(journal: &Path) -> Option<Backup> {
    newest_good_info(journal)
}

/// Whether a backup dated `today` exists already.
pub fn has_one_for(journal: &Path, today: NaiveDate) -> bool {
    list(journal).iter().any(|b| b.date == today)
}

/// Keeps the journal file as it is now under a new backup name (a hard link
/// where possible, else a copy). `None` when there is no file.
pub fn keep_current(journal: &Path, today: NaiveDate, reason: Option<&str>) -> Result<Option<PathBuf>, StoreError> {
    if !journal.is_file() {
        return Ok(None);
    }
    let target = next_name(journal, today, reason)?;
    if fs::hard_link(journal, &target).is_err() {
        let mut from = File::open(journal).map_err(|e| StoreError::io("read", journal, e))?;
        write_new(&target, |file| io::copy(&mut from, file).map(|_| ()))?;
    }
    // A linked journal may have been made by hand with other permissions.
    let _ = fs::set_permissions(&target, fs::Permissions::from_mode(0o600));
    Ok(Some(target))
}

/// Writes `bytes` as a new backup (for a journal that had no file before
/// its first save).
pub fn keep_bytes(journal: &Path, today: NaiveDate, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let target = next_name(journal, today, None)?;
    write_new(&target, |file| file.write_all(bytes))?;
    Ok(target)
}

/// The next backup's path, making the folder (0700) if it is missing.
fn next_name(journal: &Path, today: NaiveDate, reason: Option<&str>) -> Result<PathBuf, StoreError> {
    let folder = dir(journal);
    if !folder.is_dir() {
        DirBuilder::new()
            .mode(0o700)
            .create(&folder)
            .map_err(|e| StoreError::io("create the backup folder", &folder, e))?;
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700))
            .map_err(|e| StoreError::io("protect", &folder, e))?;
    }
    let seq = list(journal).first().map_or(1, |b| b.seq + 1);
    let name = match reason {
        Some(why) => format!("{seq:06}-{today}-before-{why}.json"),
        None => format!("{seq:06}-{today}.json"),
    };
    Ok(folder.join(name))
}

/// Creates a new 0600 file and fills it; a half-written one is removed.
fn write_new(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<(), StoreError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| StoreError::io("create the backup", path, e))?;
    if let Err(e) = write(&mut file) {
        let _ = fs::remove_file(path);
        return Err(StoreError::io("write the backup", path, e));
    }
    Ok(())
}

/// Removes what the keep rules no longer cover; the store calls it only
/// after a save has been written, so a failed save never costs a backup.
/// Failing to remove an old backup is harmless, so errors are ignored.
pub fn prune(journal: &Path, today: NaiveDate) {
    for old in to_prune(&list(journal), today) {
        let _ = fs::remove_file(&old.path);
    }
}

/// Which backups (given newest first) fall outside the keep rules: the
/// [`KEEP_LAST`] newest are kept, and so is the *first* of each of the last
/// [`KEEP_DAYS`] days — the journal as it was before that day's first change.
fn to_prune(newest_first: &[Backup], today: NaiveDate) -> Vec<&Backup> {
    let oldest_day = today - Duration::days(KEEP_DAYS - 1);
    let mut first_of_day = std::collections::BTreeMap::new();
    for b in newest_first.iter().filter(|b| b.date >= oldest_day) {
        // Newest first, so the last one seen of a date is its first.
        first_of_day.insert(b.date, b.seq);
    }
    newest_first
        .iter()
        .enumerate()
        .filter(|(i, b)| *i >= KEEP_LAST && first_of_day.get(&b.date) != Some(&b.seq))
        .map(|(_, b)| b)
        .collect()
}

/// Keeps the file as it was before a migration: `journal.json.version-N`,
/// beside the journal and never pruned (the backups folder has a copy too).
pub fn keep_before_migration(journal: &Path, version: u32, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let path = parent(journal).join(format!("{}.version-{version}", file_name(journal)));
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| StoreError::io("keep a copy at", &path, e))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| StoreError::io("keep a copy at", &path, e))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup(seq: u64, date: &str) -> Backup {
        Backup { path: PathBuf::from(format!("{seq}")), seq, date: date.parse().unwrap(), bytes: 0 }
    }

    #[test]
    fn keeps_the_newest_few_and_the_first_of_each_of_fourteen_days() {
        let today: NaiveDate = "2026-03-20".parse().unwrap();
        // Three backups on each of the last 30 days (a daily one, then two
        // before imports), newest first.
        let mut all = Vec::new();
        let mut seq = 1000;
        for d in 0..30 {
            let date = (today - Duration::days(d)).to_string();
            for _ in 0..3 {
                all.push(backup(seq, &date));
                seq -= 1;
            }
        }
        let pruned: Vec<u64> = to_prune(&all, today).iter().map(|b| b.seq).collect();
        let kept: Vec<&Backup> = all.iter().filter(|b| !pruned.contains(&b.seq)).collect();
        // The 5 newest (today's three and the last two of yesterday), plus
        // the first of each of the 14 days in the window.
        assert_eq!(kept.len(), 5 + 14 - 1, "{kept:?}");
        assert!(kept.iter().all(|b| b.date > today - Duration::days(KEEP_DAYS)));
        for d in 0..KEEP_DAYS {
            let date = today - Duration::days(d);
            let first = all.iter().filter(|b| b.date == date).map(|b| b.seq).min().unwrap();
            assert!(kept.iter().any(|b| b.seq == first), "the first backup of {date} is kept");
        }
    }

    #[test]
    fn after_a_long_break_the_newest_are_kept_whatever_their_day() {
        let today: NaiveDate = "2026-03-20".parse().unwrap();
        let all: Vec<Backup> = (0..8).map(|i| backup(100 - i, &format!("2025-01-{:02}", 20 - i))).collect();
        let kept = all.len() - to_prune(&all, today).len();
        assert_eq!(kept, KEEP_LAST);
    }
}
