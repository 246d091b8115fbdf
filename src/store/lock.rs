//! One writer at a time: an exclusive lock on a sidecar `journal.json.lock`
//! held for as long as a process may write. A second writer waits up to a
//! quarter of a second (a save takes milliseconds) before it gives up. The holder's process id is
//! written into it so a second instance can say who has it.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::{StoreError, file_name, parent};

/// How long a second writer waits for the lock: 25 × 10 ms.
const WAIT_STEPS: u32 = 25;
const WAIT_STEP_MS: u64 = 10;

pub fn lock_path(journal: &Path) -> PathBuf {
    parent(journal).join(format!("{}.lock", file_name(journal)))
}

/// Takes the lock or says who holds it.
pub fn acquire(journal: &Path) -> Result<File, StoreError> {
    let path = lock_path(journal);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
        .map_err(|e| StoreError::io("open the lock file", &path, e))?;
    // Another easeoff may be just finishing a save: wait a moment before
    // saying it holds the journal.
    let mut result = file.try_lock();
    for _ in 0..WAIT_STEPS {
        if !matches!(result, Err(std::fs::TryLockError::WouldBlock)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(WAIT_STEP_MS));
        result = file.try_lock();
    }
    match result {
        Ok(()) => {
            // The pid is only a courtesy for the other instance's message.
            // Written over the old one, then cut to its length: a file cut
            // to nothing first is written out to disk when it is closed (an
            // ext4 safeguard for files replaced by truncating), which cost
            // every start of the app a millisecond.
            let pid = std::process::id().to_string();
            let _ = file.write_all_at(pid.as_bytes(), 0).and_then(|()| file.set_len(pid.len() as u64));
            Ok(file)
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.seek(SeekFrom::Start(0)).and_then(|_| file.read_to_string(&mut text));
            Err(StoreError::Locked { path: journal.to_path_buf(), pid: text.trim().parse().ok() })
        }
        Err(std::fs::TryLockError::Error(e)) => Err(StoreError::io("lock", &path, e)),
    }
}
