//! The store under trouble, through the real binary: damaged, cut-off and
//! empty files, a file from a newer easeoff, a second writer, a read-only
//! folder, a full disk, and a permissive umask. Each one keeps the old file
//! intact and says what happened and what to do.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command as Process;

use common::Env;
use easeoff::store::{Access, Store};

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Files beside the journal whose names contain `part`.
fn beside(env: &Env, part: &str) -> Vec<std::path::PathBuf> {
    fs::read_dir(env.folder())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(part))
        .collect()
}

fn damaged_file_is_kept_and_the_backup_offered(damage: &[u8], reason: &str) {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    env.ok(&["log", "anxiety=2"]);
    fs::write(&env.path, damage).unwrap();

    // A reading command says what is wrong and moves nothing.
    let err = env.fails(&["status"], 1);
    assert!(err.contains(reason), "{err}");
    assert!(err.contains("It has not been changed"), "{err}");
    assert_eq!(env.bytes().unwrap(), damage);

    // A writing command moves it aside, unchanged, and writes nothing new.
    let err = env.fails(&["log", "anxiety=3"], 1);
    assert!(err.contains("moved aside, unchanged"), "{err}");
    // The day's backup is the new journal's first save (a journal that
    // existed before today would have had its state before today kept).
    assert!(err.contains("easeoff restore 000001-2026-03-10.json"), "{err}");
    let kept = beside(&env, "damaged");
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), damage, "the damaged file is kept byte for byte");
    assert_eq!(mode(&kept[0]), 0o600);
    assert!(env.bytes().is_none(), "no new journal was started over it");

    // Until the person decides, nothing starts empty.
    let err = env.fails(&["log", "anxiety=3"], 1);
    assert!(err.contains("there are backups of one"), "{err}");
    assert!(env.bytes().is_none());

    // Restoring the offered backup brings the day's backup back.
    env.ok(&["restore", "000001-2026-03-10.json"]);
    assert_eq!(env.json()["days"]["2026-03-10"]["ratings"]["anxiety"], 1);
    env.ok(&["log", "anxiety=3"]);
}

#[test]
fn a_corrupt_journal_is_kept_and_never_overwritten() {
    damaged_file_is_kept_and_the_backup_offered(b"{\"format\": \"easeoff-journal\", garbage", "not valid JSON");
}

#[test]
fn a_truncated_journal_is_kept_and_never_overwritten() {
    let env = Env::with_demo();
    let full = env.bytes().unwrap();
    damaged_file_is_kept_and_the_backup_offered(&full[..full.len() / 2], "ends too early");
}

#[test]
fn an_empty_journal_is_never_treated_as_an_empty_journal() {
    damaged_file_is_kept_and_the_backup_offered(b"", "the file is empty");
}

#[test]
fn a_journal_with_impossible_values_counts_as_damaged() {
    let bad = br#"{"format":"easeoff-journal","version":1,"days":{"2026-03-01":{"ratings":{"anxiety":9},"edited":"2026-03-01T12:00:00+01:00"}}}"#;
    damaged_file_is_kept_and_the_backup_offered(bad, "rating of 9");
}

#[test]
fn start_empty_is_an_explicit_choice_and_keeps_what_was_there() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    fs::write(&env.path, b"nonsense").unwrap();
    env.fails(&["log", "anxiety=2"], 1);
    let out = env.ok(&["restore", "--start-empty"]);
    assert!(out.contains("Started a new, empty journal"), "{out}");
    env.ok(&["log", "anxiety=2"]);
    assert_eq!(beside(&env, "damaged").len(), 1, "the damaged file is still kept");
}

#[test]
fn a_journal_from_a_newer_easeoff_opens_read_only() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2"]);
    let newer = env.bytes().unwrap();
    let newer = String::from_utf8(newer)
        .unwrap()
        .replace(&format!("\"version\": {}", easeoff::journal::VERSION), "\"version\": 7");
    fs::write(&env.path, &newer).unwrap();
    assert!(env.ok(&["status"]).contains("psychological 2.0"), "it can still be read");
    let err = env.fails(&["log", "anxiety=3"], 3);
    assert!(err.contains("newer easeoff (file version 7"), "{err}");
    assert!(err.contains("update easeoff"), "{err}");
    assert_eq!(env.bytes().unwrap(), newer.as_bytes());
}

#[test]
fn a_second_writer_gets_exit_3_and_changes_nothing() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2"]);
    let before = env.bytes().unwrap();
    // A longer process id left by an earlier holder is replaced whole.
    std::fs::write(env.path.with_file_name("journal.json.lock"), "9999999999").unwrap();
    // Hold the lock from this test process, as a running app would.
    let now = easeoff::journal::Stamp::parse_from_rfc3339(common::NOW).unwrap();
    let held = easeoff::store::Store::open(&env.path, easeoff::store::Access::Write, now).unwrap();
    let err = env.fails(&["log", "anxiety=3"], 3);
    assert!(err.contains("open in another easeoff"), "{err}");
    assert!(err.contains(&format!("process {})", std::process::id())), "{err}");
    assert_eq!(env.bytes().unwrap(), before);
    assert!(env.ok(&["status"]).contains("psychological 2.0"), "reading still works");
    drop(held);
    env.ok(&["log", "anxiety=3"]);
}

/// Runs the binary as an unprivileged user where the tests run as root (as
/// CI does), since root may write anywhere.
fn as_unprivileged(env: &Env, args: &[&str]) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("easeoff");
    let mut cmd = if is_root() {
        let mut c = Process::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&bin);
        c
    } else {
        Process::new(&bin)
    };
    cmd.args(args).env("EASEOFF_DATA_FILE", &env.path).env("EASEOFF_NOW", common::NOW).output().unwrap()
}

fn is_root() -> bool {
    Process::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn a_read_only_folder_gives_a_clear_error_and_keeps_the_file() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2"]);
    let before = env.bytes().unwrap();
    // Hand the folder to the unprivileged user, then make it read-only.
    if is_root() {
        Process::new("chown").args(["-R", "65534:65534"]).arg(env.folder()).status().unwrap();
        fs::set_permissions(env.dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    }
    fs::set_permissions(env.folder(), fs::Permissions::from_mode(0o500)).unwrap();
    let out = as_unprivileged(&env, &["log", "anxiety=3"]);
    fs::set_permissions(env.folder(), fs::Permissions::from_mode(0o700)).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Permission denied"), "{err}");
    assert!(err.contains(env.folder().to_str().unwrap()), "the message names the place: {err}");
    assert_eq!(env.bytes().unwrap(), before);
    assert!(beside(&env, ".tmp").is_empty(), "nothing half-written is left behind");
}

#[test]
fn a_full_disk_keeps_the_old_file_and_says_so() {
    if !is_root() {
        eprintln!(
            "SKIPPED a_full_disk_keeps_the_old_file_and_says_so: mounting a tiny tmpfs needs root (CI runs as root)"
        );
        return;
    }
    let env = Env::new();
    fs::create_dir_all(env.folder()).unwrap();
    let mounted = Process::new("mount")
        .args(["-t", "tmpfs", "-o", "size=48k,mode=0700", "tmpfs"])
        .arg(env.folder())
        .status()
        .unwrap();
    assert!(mounted.success(), "could not mount a tmpfs for the disk-full test");
    let result = std::panic::catch_unwind(|| {
        env.ok(&["log", "anxiety=2", "--note", &"x".repeat(6000)]);
        let mut last_good = env.bytes().unwrap();
        // Fill the disk with notes until a save fails.
        let mut failed = None;
        for i in 0..40 {
            let note = format!("{i}{}", "y".repeat(6000));
            let out =
                env.run(&["log", "--date", &format!("-{}", i + 1), "anxiety=1", "--note", &note]).output().unwrap();
            if out.status.success() {
                last_good = env.bytes().unwrap();
            } else {
                failed = Some(out);
                break;
            }
        }
        let out = failed.expect("the tiny disk filled up");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("No space left on device"), "{err}");
        assert_eq!(env.bytes().unwrap(), last_good, "the old file is intact");
        assert!(beside(&env, ".tmp").is_empty(), "no temp file is left behind");
    });
    Process::new("umount").arg(env.folder()).status().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[test]
fn files_are_private_even_under_umask_000() {
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("easeoff");
    let script = format!("umask 000 && '{}' log anxiety=2 && '{}' log anxiety=3", bin.display(), bin.display());
    let out = Process::new("sh")
        .args(["-c", &script])
        .env("EASEOFF_DATA_FILE", &env.path)
        .env("EASEOFF_NOW", common::NOW)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(mode(env.folder()), 0o700);
    assert_eq!(mode(&env.path), 0o600);
    assert_eq!(mode(&env.path.with_extension("json.lock")), 0o600);
    let backups = env.path.with_extension("json.backups");
    assert_eq!(mode(&backups), 0o700);
    for entry in fs::read_dir(&backups).unwrap().flatten() {
        assert_eq!(mode(&entry.path()), 0o600, "{}", entry.path().display());
    }
}

#[test]
fn stale_temp_files_are_cleaned_at_the_next_start() {
    let env = Env::new();
    env.ok(&["log", "anxiety=2"]);
    let stale = env.folder().join(".journal.json.tmpAbC123");
    fs::write(&stale, b"half a save").unwrap();
    env.ok(&["log", "anxiety=3"]);
    assert!(!stale.exists());
}

fn at(text: &str) -> easeoff::journal::Stamp {
    easeoff::journal::Stamp::parse_from_rfc3339(text).unwrap()
}

fn backup_names(path: &Path) -> Vec<String> {
    easeoff::store::list_backups(path).iter().map(easeoff::store::Backup::name).collect()
}

/// A journal with `n` days rated, so that saves differ.
fn journal_with(n: u32) -> easeoff::journal::Journal {
    easeoff::demo::generate(n, 1, at(common::NOW))
}

#[test]
fn many_saves_in_one_day_keep_one_backup_and_a_new_day_keeps_the_file_before_it() {
    let env = Env::new();
    let monday = at("2026-03-09T09:00:00+01:00");
    let (mut store, _) = Store::open(&env.path, Access::Write, monday).unwrap();
    for n in 1..=12 {
        store.save(&journal_with(n), monday).unwrap();
    }
    // A new journal has no "before": its first save is the day's backup.
    assert_eq!(backup_names(&env.path), ["000001-2026-03-09.json"]);
    let end_of_monday = env.bytes().unwrap();

    let tuesday = at("2026-03-10T08:00:00+01:00");
    for n in 13..=20 {
        store.save(&journal_with(n), tuesday).unwrap();
    }
    let backups = easeoff::store::list_backups(&env.path);
    assert_eq!(backups.len(), 2, "{:?}", backup_names(&env.path));
    assert_eq!(backups[0].name(), "000002-2026-03-10.json");
    assert_eq!(fs::read(&backups[0].path).unwrap(), end_of_monday, "Tuesday's backup is Monday's journal");
    assert_eq!(mode(&backups[0].path), 0o600);
    assert_ne!(env.bytes().unwrap(), end_of_monday);
}

#[test]
fn backups_are_pruned_to_the_first_of_each_of_the_last_days() {
    let env = Env::new();
    let first = at("2026-02-01T09:00:00+01:00");
    let (mut store, _) = Store::open(&env.path, Access::Write, first).unwrap();
    let days = 20;
    for d in 0..days {
        let now = first + chrono::Duration::days(d);
        store.save(&journal_with(1 + d as u32), now).unwrap();
        store.save(&journal_with(2 + d as u32), now).unwrap();
    }
    let backups = easeoff::store::list_backups(&env.path);
    assert_eq!(backups.len(), easeoff::store::KEEP_DAYS as usize, "{:?}", backup_names(&env.path));
    let last = (first + chrono::Duration::days(days - 1)).date_naive();
    assert_eq!(backups[0].date, last);
    assert_eq!(backups.last().unwrap().date, last - chrono::Duration::days(easeoff::store::KEEP_DAYS - 1));
}

#[test]
fn import_restore_and_start_empty_each_keep_the_file_before_them() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    env.ok(&["log", "anxiety=2"]);
    let before_import = env.bytes().unwrap();
    let other = env.dir.path().join("other.json");
    fs::write(&other, easeoff::store::serialize(&journal_with(5))).unwrap();
    env.ok(&["import", other.to_str().unwrap()]);
    let names = backup_names(&env.path);
    assert_eq!(names[0], "000002-2026-03-10-before-import.json", "{names:?}");
    let kept = easeoff::store::list_backups(&env.path);
    assert_eq!(fs::read(&kept[0].path).unwrap(), before_import);

    let before_restore = env.bytes().unwrap();
    env.ok(&["restore", "000001-2026-03-10.json"]);
    let kept = easeoff::store::list_backups(&env.path);
    assert_eq!(kept[0].name(), "000003-2026-03-10-before-restore.json");
    assert_eq!(fs::read(&kept[0].path).unwrap(), before_restore);

    let before_empty = env.bytes().unwrap();
    env.ok(&["restore", "--start-empty"]);
    let kept = easeoff::store::list_backups(&env.path);
    assert_eq!(kept[0].name(), "000004-2026-03-10-before-start-empty.json");
    assert_eq!(fs::read(&kept[0].path).unwrap(), before_empty);
    assert_eq!(kept.len(), 4, "no daily backup on top: the day has one");
}

#[test]
fn a_migration_keeps_the_old_file_as_a_backup() {
    let env = Env::new();
    let v1 = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal-v1.json")).unwrap();
    fs::create_dir_all(env.folder()).unwrap();
    fs::write(&env.path, &v1).unwrap();
    let (_store, _) = Store::open(&env.path, Access::Write, at(common::NOW)).unwrap();
    let kept = easeoff::store::list_backups(&env.path);
    assert_eq!(kept.len(), 1, "{:?}", backup_names(&env.path));
    assert_eq!(kept[0].name(), "000001-2026-03-10-before-migration.json");
    assert_eq!(fs::read(&kept[0].path).unwrap(), v1);
}

#[test]
fn a_save_after_the_folder_was_removed_makes_it_again_privately() {
    let env = Env::new();
    let now = at(common::NOW);
    let (mut store, _) = Store::open(&env.path, Access::Write, now).unwrap();
    store.save(&journal_with(3), now).unwrap();
    fs::remove_dir_all(env.folder()).unwrap();
    let saved = store.save(&journal_with(4), now).unwrap();
    assert!(saved.backup_warning.is_none(), "{:?}", saved.backup_warning);
    assert_eq!(mode(env.folder()), 0o700);
    assert_eq!(mode(&env.path), 0o600);
    assert_eq!(easeoff::store::parse_bytes(&env.bytes().unwrap()).unwrap(), journal_with(4));
    let backups = env.path.with_extension("json.backups");
    assert_eq!(mode(&backups), 0o700);
    assert_eq!(backup_names(&env.path).len(), 1, "the backups folder is made again too");
    // The lock was taken afresh in the new folder: a second writer waits.
    assert!(Store::open(&env.path, Access::Write, now).is_err());
    drop(store);
    assert!(Store::open(&env.path, Access::Write, now).is_ok());
}

#[test]
fn a_journal_written_by_the_version_1_release_loads_unchanged_and_migrates_on_save() {
    // tests/fixtures/journal-v1.json was written by the release before file
    // version 2 (a demo, a taper plan, a question, a self-check, a custom item
    // and a note marked for the provider).
    let env = Env::new();
    let v1 = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal-v1.json")).unwrap();
    fs::create_dir_all(env.path.parent().unwrap()).unwrap();
    fs::write(&env.path, &v1).unwrap();
    let status = env.ok(&["status"]);
    assert!(status.contains("Day 10 since your last dose (Sat 28 Feb 2026, 21:39"), "{status}");
    assert_eq!(env.bytes().unwrap(), v1, "reading does not rewrite the file");
    let before = easeoff::store::parse_bytes(&v1).unwrap();
    env.ok(&["dose", "none", "--date", "2026-03-09"]);
    let after = easeoff::store::parse_bytes(&env.bytes().unwrap()).unwrap();
    assert_eq!(after.version(), easeoff::journal::VERSION);
    assert_eq!(after.days(), before.days(), "every day kept");
    assert_eq!(after.doses(), before.doses(), "every dose kept");
    assert_eq!(after.plan_history(), before.plan_history(), "the plan kept");
    assert_eq!(after.signs(), before.signs());
    assert_eq!(after.questions(), before.questions());
    assert_eq!(after.settings().usual_daily_grams, Some(6.0));
    assert!(after.no_dose_days().contains(&"2026-03-09".parse().unwrap()));
    let kept = env.path.with_file_name("journal.json.version-1");
    assert_eq!(fs::read(kept).unwrap(), v1, "the version-1 file is kept before the migrated one is saved");
}
