//! Crash safety: a shell loop saves through the real binary over and over,
//! printing an acknowledgement after each save that exited successfully, and
//! is killed with `SIGKILL` (with the easeoff it is running) at a random moment, 200
//! times. After every kill the journal must parse and hold every
//! acknowledged save.

mod common;

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::Env;
use common::session::Session;

const KILLS: usize = 200;

#[test]
fn a_saver_killed_at_random_moments_never_loses_an_acknowledged_save() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let bin = assert_cmd::cargo::cargo_bin("easeoff");
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut acknowledged: Vec<String> = Vec::new();
    let mut interrupted_mid_save = 0;
    for round in 0..KILLS {
        // Each save logs a dose whose note names the round and the step.
        let script = format!(
            "i=0; while true; do i=$((i+1)); '{bin}' dose 0.5 --note \"r{round}s$i\" >/dev/null || exit 1; echo \"r{round}s$i\"; done",
            bin = bin.display()
        );
        let mut child = Command::new("sh")
            .args(["-c", &script])
            .env("EASEOFF_DATA_FILE", &env.path)
            .env("EASEOFF_NOW", common::NOW)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.u64(5_000..60_000)));
        let group = format!("-{}", child.id());
        Command::new("kill").args(["-KILL", "--", &group]).status().unwrap();
        let _ = child.wait();
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        acknowledged.extend(out.lines().map(str::to_owned));

        let temp_left = std::fs::read_dir(env.folder())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".tmp"));
        interrupted_mid_save += usize::from(temp_left);

        // The journal parses (a reader never sees a half-written file) ...
        let journal = env.json();
        // ... and every acknowledged save is in it.
        let notes: std::collections::HashSet<&str> =
            journal["doses"].as_array().unwrap().iter().filter_map(|d| d["note"].as_str()).collect();
        for ack in &acknowledged {
            assert!(notes.contains(ack.as_str()), "round {round}: acknowledged save {ack} is missing");
        }
    }
    eprintln!(
        "{KILLS} kills, {} acknowledged saves, all present; {interrupted_mid_save} kills left a temp file (killed mid-save)",
        acknowledged.len()
    );
    assert!(acknowledged.len() > KILLS / 4, "the loop got saves in: only {} acknowledged", acknowledged.len());
    // The next start cleans any temp file a kill left behind.
    env.ok(&["log", "anxiety=2"]);
    let leftovers: Vec<_> = std::fs::read_dir(env.folder())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left after a normal start: {leftovers:?}");
}

/// The app in a real terminal, killed at a random moment while a burst of 50
/// key presses (25 days rated, each a day further back) is being handled and
/// saved: the journal always parses and holds the burst's changes in order,
/// a first part of them and nothing else; left alone, the app saves them all
/// without being asked.
#[test]
fn the_app_killed_during_a_burst_of_keys_keeps_a_first_part_of_them_and_left_alone_saves_all() {
    let env = Env::new();
    let now = easeoff::journal::Stamp::parse_from_rfc3339(common::NOW).unwrap();
    let (mut store, _) = easeoff::store::Store::open(&env.path, easeoff::store::Access::Write, now).unwrap();
    // Two years, so that each save takes long enough for keys to arrive during it.
    store.save(&easeoff::demo::generate(730, 1, now), now).unwrap();
    drop(store);
    let today = now.date_naive();
    let day = |i: i64| (today - chrono::Duration::days(i)).to_string();
    let values = |env: &Env| -> Vec<Option<u64>> {
        let journal = env.json();
        (0..25).map(|i| journal["days"][day(i)]["ratings"]["muscle-aches"].as_u64()).collect()
    };
    let rounds = if std::env::var_os("EASEOFF_RELIABILITY_CI").is_some() { 30 } else { 8 };
    let mut rng = fastrand::Rng::with_seed(50);
    let mut kept_parts = std::collections::BTreeSet::new();
    for round in 0..=rounds {
        let before = values(&env);
        // A value for each day that differs from the one it has.
        let wanted: Vec<u64> = before.iter().map(|v| (v.unwrap_or(0) + 1) % 5).collect();
        let burst: String = wanted.iter().flat_map(|v| [char::from(b'0' + *v as u8), '[']).collect();
        let mut app = Session::start(&env, &[]);
        app.wait_for("quit");
        // Typed in five pieces, a few milliseconds apart, so that kills
        // land between saves as well as during them.
        for piece in burst.as_bytes().chunks(10) {
            app.keys(std::str::from_utf8(piece).unwrap());
            std::thread::sleep(Duration::from_millis(rng.u64(0..15)));
        }
        let last_round = round == rounds;
        if last_round {
            // Left alone: every change reaches the file, without quitting.
            let start = std::time::Instant::now();
            while values(&env).iter().zip(&wanted).any(|(got, want)| *got != Some(*want)) {
                assert!(
                    start.elapsed() < Duration::from_secs(20),
                    "the burst was never saved in full: {:?} not {wanted:?}\n{}",
                    values(&env),
                    app.contents()
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        } else {
            std::thread::sleep(Duration::from_millis(rng.u64(0..100)));
        }
        let pid = app.child.process_id().unwrap().to_string();
        Command::new("kill").args(["-KILL", &pid]).status().unwrap();
        let _ = app.child.wait();
        let after = values(&env);
        let changed: Vec<bool> = after.iter().zip(&wanted).map(|(got, want)| *got == Some(*want)).collect();
        for (i, got) in after.iter().enumerate() {
            assert!(
                changed[i] || *got == before[i],
                "round {round}: day {} holds {got:?}, neither before nor wanted",
                day(i as i64)
            );
        }
        let kept = changed.iter().take_while(|c| **c).count();
        assert!(changed[kept..].iter().all(|c| !c), "round {round}: changes kept out of order: {changed:?}");
        if last_round {
            assert_eq!(kept, 25, "left alone, all 25 days are saved");
        }
        kept_parts.insert(kept);
    }
    eprintln!("{rounds} kills mid-burst; days kept in full per kill: {kept_parts:?}");
}
