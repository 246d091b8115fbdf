//! The reliability suite: a person's withdrawal log cannot be typed in again.
//!
//! Crash safety on the ten-year journal (random SIGKILLs, and a kill at each
//! step of a save), faults (EIO from fsync, a file-size limit, a read-only
//! file system), corruption (every truncation, thousands of bit flips), two
//! writers at once, privacy (no network system calls, no note text on stderr
//! or in a panic, private files under umask 000), and the terminal after a
//! forced panic. A plain `cargo test` runs a quick part (25 kills); CI runs
//! its share (`EASEOFF_RELIABILITY_CI=1`, 200 kills); the long part runs with
//! `EASEOFF_RELIABILITY_FULL=1 cargo test --release --test reliability -- --nocapture`.
//! Each test prints its figures with `--nocapture`.

mod common;

use std::collections::HashSet;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Env, NOW};

fn full() -> bool {
    std::env::var_os("EASEOFF_RELIABILITY_FULL").is_some()
}

/// CI's share (set by `.ci/run`): more kills than a newcomer's quick
/// `cargo test`, fewer than the full run.
fn ci_share() -> bool {
    std::env::var_os("EASEOFF_RELIABILITY_CI").is_some()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    assert!(found || std::env::var("CI").is_err(), "CI must have {tool} (.ci/run installs it)");
    if !found {
        eprintln!("SKIPPED: {tool} is not installed");
    }
    found
}

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("easeoff")
}

/// The ten-year demo journal in a fresh folder.
fn ten_years() -> Env {
    let env = Env::new();
    std::fs::create_dir_all(env.folder()).unwrap();
    env.run(&["demo", "--write", env.path.to_str().unwrap(), "--days", "3650"]).assert().success();
    env
}

/// Runs a shell script against the journal at the fixed "now".
fn shell(env: &Env, script: &str) -> std::process::Output {
    Command::new("sh")
        .args(["-c", script])
        .env("EASEOFF_DATA_FILE", &env.path)
        .env("EASEOFF_NOW", NOW)
        .output()
        .unwrap()
}

fn temp_files(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.folder())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect()
}

// ---------------------------------------------------------------- 1. crash safety

#[test]
fn a_saver_killed_at_random_moments_on_the_ten_year_journal_loses_nothing() {
    // In a debug build each round reads the ten-year journal back (about a
    // second and a half), so a plain `cargo test` kills 25 times; CI 200.
    let kills = if full() {
        1000
    } else if ci_share() {
        200
    } else {
        25
    };
    let env = ten_years();
    // Kill within the first few saves of each run, wherever the build's speed
    // puts them: time one save first.
    let started = std::time::Instant::now();
    env.ok(&["dose", "0.5", "--note", "calibration"]);
    let save = started.elapsed().as_micros() as u64;
    let mut rng = fastrand::Rng::with_seed(6);
    let mut acknowledged: Vec<String> = Vec::new();
    let mut mid_save = 0;
    for round in 0..kills {
        let script = format!(
            "i=0; while true; do i=$((i+1)); '{}' dose 0.5 --note \"r{round}s$i\" >/dev/null || exit 1; echo \"r{round}s$i\"; done",
            bin().display()
        );
        let mut child = Command::new("sh")
            .args(["-c", &script])
            .env("EASEOFF_DATA_FILE", &env.path)
            .env("EASEOFF_NOW", NOW)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.u64(save / 2..save * 4)));
        Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status().unwrap();
        let _ = child.wait();
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        acknowledged.extend(out.lines().map(str::to_owned));
        mid_save += usize::from(!temp_files(&env).is_empty());
        let journal = easeoff::store::parse_bytes(&std::fs::read(&env.path).unwrap())
            .unwrap_or_else(|e| panic!("round {round}: the journal does not load: {e}"));
        let notes: HashSet<&str> = journal.doses().iter().filter_map(|d| d.note.as_deref()).collect();
        for ack in &acknowledged {
            assert!(notes.contains(ack.as_str()), "round {round}: acknowledged save {ack} is missing");
        }
    }
    env.ok(&["log", "anxiety=1"]);
    assert!(temp_files(&env).is_empty(), "the next start cleans every temp file");
    eprintln!(
        "crash safety: {kills} SIGKILLs on the ten-year journal, {} acknowledged saves, 0 lost, 0 unreadable; {mid_save} kills left a temp file (cleaned at the next start)",
        acknowledged.len()
    );
}

/// Runs a save under strace with one injection; returns whether it exited.
fn strace_log(env: &Env, inject: &str) -> std::process::Output {
    Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e", &format!("inject={inject}")])
        .arg(bin())
        .args(["log", "anxiety=4"])
        .env("EASEOFF_DATA_FILE", &env.path)
        .env("EASEOFF_NOW", NOW)
        .output()
        .unwrap()
}

#[test]
fn a_save_stopped_at_each_of_its_steps_leaves_the_old_or_the_new_journal() {
    if !have("strace") {
        return;
    }
    // (where it stops, what the file must then be)
    let cases = [
        ("fsync:signal=KILL:when=1", "after the temp file is written, before its fsync", false),
        ("rename,renameat,renameat2:signal=KILL", "after the temp file's fsync, before the rename", false),
        ("fsync:signal=KILL:when=2", "after the rename, before the folder's fsync", true),
    ];
    for (inject, step, new_expected) in cases {
        let env = Env::new();
        env.ok(&["log", "anxiety=1"]);
        let old = env.bytes().unwrap();
        let out = strace_log(&env, inject);
        assert!(!out.status.success(), "{step}: the save was stopped");
        let now = env.bytes().unwrap();
        let journal = easeoff::store::parse_bytes(&now).unwrap();
        let anxiety = journal.day("2026-03-10".parse().unwrap()).unwrap().ratings.get("anxiety").unwrap().value;
        if new_expected {
            assert_eq!(anxiety, 4, "{step}: the new version");
        } else {
            assert_eq!(now, old, "{step}: exactly the old version");
        }
        env.ok(&["status"]);
        env.ok(&["log", "nausea=1"]);
        assert!(temp_files(&env).is_empty(), "{step}: temp files cleaned at the next start");
    }
    eprintln!(
        "save steps: killed after the temp write, after its fsync and after the rename: always the old or the new file"
    );
}

// ---------------------------------------------------------------- 2. faults

#[test]
fn an_fsync_that_fails_with_eio_keeps_the_old_file_and_says_so() {
    if !have("strace") {
        return;
    }
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let old = env.bytes().unwrap();
    let out = strace_log(&env, "fsync:error=EIO:when=1");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("could not flush to disk") && err.contains("Input/output error"), "{err}");
    assert_eq!(env.bytes().unwrap(), old);
    assert!(temp_files(&env).is_empty(), "nothing half-written is left behind");
}

#[test]
fn a_file_size_limit_gives_a_clear_error_and_keeps_the_old_file() {
    let env = ten_years();
    let old = env.bytes().unwrap();
    let out = shell(&env, &format!("ulimit -f 64 && exec '{}' log anxiety=2", bin().display()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "not killed by SIGXFSZ: {err}");
    assert!(err.contains("File too large"), "{err}");
    assert_eq!(env.bytes().unwrap(), old);
    assert!(temp_files(&env).is_empty());
}

#[test]
fn a_read_only_file_system_gives_a_clear_error_and_keeps_the_old_file() {
    if !is_root() {
        eprintln!("SKIPPED a_read_only_file_system…: mounting needs root (CI runs as root)");
        return;
    }
    let env = Env::new();
    std::fs::create_dir_all(env.folder()).unwrap();
    assert!(Command::new("mount").args(["-t", "tmpfs", "tmpfs"]).arg(env.folder()).status().unwrap().success());
    let result = std::panic::catch_unwind(|| {
        env.ok(&["log", "anxiety=1"]);
        let old = env.bytes().unwrap();
        assert!(Command::new("mount").args(["-o", "remount,ro"]).arg(env.folder()).status().unwrap().success());
        let err = env.fails(&["log", "anxiety=2"], 1);
        assert!(err.contains("Read-only file system"), "{err}");
        assert_eq!(env.bytes().unwrap(), old);
    });
    Command::new("umount").arg(env.folder()).status().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

// ---------------------------------------------------------------- 3. corruption

/// A small journal with a bit of everything.
fn small_journal() -> (Env, Vec<u8>) {
    let env = Env::new();
    env.ok(&["dose", "2.5", "--at", "2026-03-08 08:00", "--form", "powder", "--note", "morning"]);
    env.ok(&["log", "--date", "2026-03-09", "anxiety=2", "nausea=1", "--sleep", "5", "--aid", "loperamide 4 mg"]);
    env.ok(&["log", "--date", "2026-03-09", "--note", "A rough one", "--for-provider"]);
    env.ok(&["symptoms", "add", "hot-cold", "--label", "hot and cold", "--kind", "physical"]);
    env.earlier_signs(&[true, false, true, false, true, false, true], common::NOW);
    env.ok(&["question", "add", "Sleep?"]);
    env.ok(&["plan", "new", "--from", "4", "--step", "10%", "--every", "7"]);
    let bytes = env.bytes().unwrap();
    (env, bytes)
}

/// Opens damaged bytes for writing as a real journal would be: it must be
/// refused, moved aside byte for byte, and point to the backup.
fn refused_and_kept(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    let now = easeoff::journal::Stamp::parse_from_rfc3339(NOW).unwrap();
    // A good save first, so there is a backup to point to.
    {
        let (mut store, _) = easeoff::store::Store::open(&path, easeoff::store::Access::Write, now).unwrap();
        store.save(&easeoff::journal::Journal::new(), now).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    let err = easeoff::store::Store::open(&path, easeoff::store::Access::Write, now).unwrap_err().to_string();
    assert!(err.contains("moved aside, unchanged") && err.contains("easeoff restore 000001-2026-03-10.json"), "{err}");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read(kept[0].path()).unwrap(), bytes, "the damaged file is kept byte for byte");
    assert!(!path.exists(), "nothing new was written in its place");
}

#[test]
fn a_journal_cut_at_every_byte_is_detected_and_never_overwritten() {
    let (_env, bytes) = small_journal();
    let mut detected = 0;
    for cut in 0..bytes.len() {
        let truncated = &bytes[..cut];
        match easeoff::store::parse_bytes(truncated) {
            Err(_) => {
                detected += 1;
                if cut % 97 == 0 || full() {
                    refused_and_kept(truncated);
                }
            }
            Ok(journal) => assert!(journal.check_integrity().is_ok(), "cut at {cut} loaded as invalid data"),
        }
    }
    eprintln!(
        "truncation: {} cuts of a {}-byte journal, {detected} detected, {} loaded as valid data, 0 overwritten",
        bytes.len(),
        bytes.len(),
        bytes.len() - detected
    );
}

#[test]
fn random_bit_flips_are_detected_or_load_as_valid_data() {
    let (_env, bytes) = small_journal();
    let copies = if full() { 100_000 } else { 10_000 };
    let mut rng = fastrand::Rng::with_seed(2026);
    let (mut detected, mut valid) = (0, 0);
    for i in 0..copies {
        let mut copy = bytes.clone();
        for _ in 0..rng.usize(1..=3) {
            let at = rng.usize(..copy.len());
            copy[at] ^= 1 << rng.u8(..8);
        }
        match easeoff::store::parse_bytes(&copy) {
            Err(_) => {
                detected += 1;
                if i % 500 == 0 {
                    refused_and_kept(&copy);
                }
            }
            Ok(journal) => {
                assert!(journal.check_integrity().is_ok());
                valid += 1;
            }
        }
    }
    eprintln!(
        "bit flips: {copies} copies with 1–3 flipped bits, {detected} detected, {valid} loaded as valid data, 0 overwritten"
    );
}

// ---------------------------------------------------------------- 4. two writers

#[test]
fn two_writers_at_once_never_lose_an_acknowledged_entry() {
    let per_writer = 500;
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let writer = |name: char| {
        let path = env.path.clone();
        std::thread::spawn(move || {
            let (mut landed, mut locked) = (Vec::new(), 0);
            for i in 0..per_writer {
                let out = Command::new(bin())
                    .args(["dose", "0.5", "--note", &format!("{name}{i}")])
                    .env("EASEOFF_DATA_FILE", &path)
                    .env("EASEOFF_NOW", NOW)
                    .output()
                    .unwrap();
                match out.status.code() {
                    Some(0) => landed.push(format!("{name}{i}")),
                    Some(3) => locked += 1,
                    other => panic!("writer {name}: exit {other:?}: {}", String::from_utf8_lossy(&out.stderr)),
                }
            }
            (landed, locked)
        })
    };
    let (a, b) = (writer('a'), writer('b'));
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    let journal = easeoff::store::parse_bytes(&env.bytes().unwrap()).unwrap();
    let notes: HashSet<&str> = journal.doses().iter().filter_map(|d| d.note.as_deref()).collect();
    for ack in a.0.iter().chain(&b.0) {
        assert!(notes.contains(ack.as_str()), "acknowledged {ack} is missing");
    }
    assert_eq!(notes.len(), a.0.len() + b.0.len(), "nothing that failed landed");
    eprintln!(
        "two writers: {} adds, {} landed, {} refused with exit 3 (locked), 0 acknowledged lost",
        2 * per_writer,
        a.0.len() + b.0.len(),
        a.1 + b.1
    );
}

// ---------------------------------------------------------------- 6. privacy

#[test]
fn no_command_makes_a_network_system_call() {
    if !have("strace") {
        return;
    }
    let env = Env::with_demo();
    std::fs::set_permissions(env.folder(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let trace = env.dir.path().join("trace.txt");
    let export = env.dir.path().join("out.csv");
    for args in [
        vec!["status"],
        vec!["log", "anxiety=2", "--note", "private"],
        vec!["report", "--format", "html"],
        vec!["export", "--format", "csv", "--out", export.to_str().unwrap()],
        vec!["check"],
    ] {
        let out = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=network", "-o"])
            .arg(&trace)
            .arg(bin())
            .args(&args)
            .env("EASEOFF_DATA_FILE", &env.path)
            .env("EASEOFF_NOW", NOW)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let calls = std::fs::read_to_string(&trace).unwrap();
        assert!(calls.trim().is_empty(), "easeoff {args:?} made network calls:\n{calls}");
    }
}

#[test]
fn note_text_never_reaches_stderr() {
    const CANARY: &str = "CANARY-4b1d-private-words";
    let env = Env::new();
    env.ok(&["log", "anxiety=1", "--note", CANARY]);
    env.ok(&["question", "add", CANARY]);
    let mut stderr = String::new();
    for (args, code) in [
        (vec!["log", "anxiety=9", "--note", CANARY], 2),
        (vec!["log", "--date", "2099-01-01", "--note", CANARY], 2),
        (vec!["dose", "-4", "--note", CANARY], 2),
        (vec!["question", "done", "9"], 2),
    ] {
        stderr.push_str(&env.fails(&args, code));
    }
    // A damaged journal: the message names the file, not what it held.
    let bytes = env.bytes().unwrap();
    std::fs::write(&env.path, &bytes[..bytes.len() - 20]).unwrap();
    stderr.push_str(&env.fails(&["status"], 1));
    stderr.push_str(&env.fails(&["log", "anxiety=2"], 1));
    assert!(!stderr.is_empty());
    assert!(!stderr.contains(CANARY), "note text on stderr:\n{stderr}");
}

#[test]
fn every_file_easeoff_writes_is_private_under_umask_000() {
    let env = Env::new();
    let script = format!(
        "umask 000 && B='{b}' && $B log anxiety=2 && $B log anxiety=3 && $B export --out \"$(dirname \"$EASEOFF_DATA_FILE\")/export.json\" \
         && printf 'nonsense' > \"$EASEOFF_DATA_FILE\" && ($B log anxiety=1 || true) && $B restore --start-empty",
        b = bin().display()
    );
    let out = shell(&env, &script);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(env.folder()), 0o700);
    let mut seen = 0;
    let mut check = |dir: &Path| {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                assert_eq!(mode(&path), 0o700, "{}", path.display());
            } else {
                assert_eq!(mode(&path), 0o600, "{}", path.display());
                seen += 1;
            }
        }
    };
    check(env.folder());
    check(&env.path.with_extension("json.backups"));
    // One backup now: both saves were on one day, and the fresh start found
    // no journal to keep (the damaged one had been moved aside).
    assert!(seen >= 5, "journal, lock, export, damaged file, backup: {seen}");
}

// ---------------------------------------------------------------- 7. terminal

#[test]
fn a_panic_inside_the_app_restores_the_terminal_and_keeps_the_last_change() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    if !cfg!(debug_assertions) {
        eprintln!("SKIPPED a_panic_inside_the_app…: the test-only panic key exists only in debug builds");
        return;
    }
    let env = Env::new();
    env.ok(&["log", "--date", "yesterday", "anxiety=1", "--note", "CANARY-panic-words"]);
    let pty = native_pty_system().openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 }).unwrap();
    let before = env.dir.path().join("stty-before");
    let after = env.dir.path().join("stty-after");
    let script = format!(
        "stty -g > '{}'; EASEOFF_TEST_PANIC_KEY=Z '{}' 2>'{}'; echo \"exit=$?\"; stty -g > '{}'; echo done",
        before.display(),
        bin().display(),
        env.dir.path().join("stderr").display(),
        after.display()
    );
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", &script]);
    cmd.env("EASEOFF_DATA_FILE", &env.path);
    cmd.env("EASEOFF_NOW", NOW);
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let output = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = std::sync::Arc::clone(&output);
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = reader.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().push_str(&String::from_utf8_lossy(&chunk[..n]));
        }
    });
    let mut writer = pty.master.take_writer().unwrap();
    let wait_for = |text: &str| {
        let start = std::time::Instant::now();
        while !output.lock().unwrap().contains(text) {
            assert!(start.elapsed() < Duration::from_secs(20), "never saw {text:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for("muscle aches");
    writer.write_all(b"3").unwrap();
    wait_for("3 severe");
    writer.write_all(b"Z").unwrap();
    wait_for("done");
    let _ = child.wait();
    let text = output.lock().unwrap().clone();
    assert!(text.contains("exit=101"), "the app panicked: {text}");
    assert_eq!(std::fs::read(&before).unwrap(), std::fs::read(&after).unwrap(), "stty -g is unchanged");
    let journal = env.json();
    assert_eq!(journal["days"]["2026-03-10"]["ratings"]["muscle-aches"], 3, "the last change was saved");
    let stderr = std::fs::read_to_string(env.dir.path().join("stderr")).unwrap();
    assert!(stderr.contains("easeoff stopped unexpectedly"), "{stderr}");
    assert!(!stderr.contains("CANARY") && !text.contains("CANARY"), "no note text in the panic output");
    std::mem::forget(pty.master);
}
