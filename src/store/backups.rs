//! Rolling backups in a folder beside the journal (`journal.json.backups/`):
//! a copy of every save, pruned to the last 10 saves plus the newest of each
//! of the last 14 days. Pruning runs only after the new save was read back.

use std::fs::{self, DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};

use super::{StoreError, file_name, migrate, parent};

/// How many of the most recent saves are always kept.
pub const KEEP_LAST: usize = 10;
/// For how many days the newest backup of each day is kept.
pub const KEEP_DAYS: i64 = 14;

/// One backup file.
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
            let (seq, date) = stem.split_once('-')?;
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

/// Writes a copy of the just-saved bytes, then prunes old copies.
pub fn write_and_prune(journal: &Path, bytes: &[u8], today: NaiveDate) -> Result<(), StoreError> {
    let folder = dir(journal);
    if !folder.is_dir() {
        DirBuilder::new()
            .mode(0o700)
            .create(&folder)
            .map_err(|e| StoreError::io("create the backup folder", &folder, e))?;
    }
    let existing = list(journal);
    let seq = existing.first().map_or(1, |b| b.seq + 1);
    let path = folder.join(format!("{seq:06}-{today}.json"));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| StoreError::io("create the backup", &path, e))?;
    if let Err(e) = file.write_all(bytes) {
        let _ = fs::remove_file(&path);
        return Err(StoreError::io("write the backup", &path, e));
    }
    let mut all = existing;
    all.insert(0, Backup { path, seq, date: today, bytes: bytes.len() as u64 });
    for old in to_prune(&all, today) {
        let _ = fs::remove_file(&old.path);
    }
    Ok(())
}

/// Which backups (given newest first) fall outside the keep rules.
fn to_prune(newest_first: &[Backup], today: NaiveDate) -> Vec<&Backup> {
    let oldest_day = today - Duration::days(KEEP_DAYS - 1);
    let mut days_kept = std::collections::BTreeSet::new();
    newest_first
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            let recent = *i < KEEP_LAST;
            let newest_of_day = b.date >= oldest_day && days_kept.insert(b.date);
            !(recent || newest_of_day)
        })
        .map(|(_, b)| b)
        .collect()
}

/// Keeps the file as it was before a migration: `journal.json.version-N`.
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
    fn keeps_the_last_ten_and_one_a_day_for_fourteen_days() {
        let today: NaiveDate = "2026-03-20".parse().unwrap();
        // 30 saves today, then one on each of the 20 days before.
        let mut all: Vec<Backup> = (0..30).map(|i| backup(100 - i, "2026-03-20")).collect();
        for d in 1..=20 {
            let date = today - Duration::days(d);
            all.push(backup(70 - d as u64, &date.to_string()));
        }
        let pruned: Vec<u64> = to_prune(&all, today).iter().map(|b| b.seq).collect();
        let kept: Vec<&Backup> = all.iter().filter(|b| !pruned.contains(&b.seq)).collect();
        // 10 newest of today, plus one for each of the 13 earlier days in the window.
        assert_eq!(kept.len(), 10 + 13);
        assert!(kept.iter().all(|b| b.date >= today - Duration::days(13)));
        assert!(kept.iter().take(10).all(|b| b.seq > 90));
    }
}
