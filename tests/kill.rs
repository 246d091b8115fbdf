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

const KILLS: usize = 200;

#[test]
fn a_saver_killed_at_random_moments_never_loses_an_acknowledged_save() {
    let env = Env::new();
    env.ok(&["log", "anxiety=1"]);
    let bin = assert_cmd::cargo::cargo_bin("easeoff");
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut acknowledged: Vec<String> = Vec::new();
    let mut round_trips = 0;
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
        std::thread::sleep(Duration::from_micros(rng.u64(1_000..25_000)));
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
        round_trips += 1;
    }
    assert_eq!(round_trips, KILLS);
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
