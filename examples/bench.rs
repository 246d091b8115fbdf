//! Speed and memory figures on a journal file (default: a ten-year demo).
//!
//! `cargo build --release --bin easeoff --examples && target/release/examples/bench [JOURNAL]`
//!
//! Prints, each in milliseconds and as a ratio to the floor:
//! - the median of repeated loads (read, parse, check) and saves (serialize,
//!   parse-back check, temp write, both fsyncs, rename, the day's backup),
//!   in process;
//! - the in-process cost of the situation, the safety flags, the
//!   whole-period summary and its PDF;
//! - the whole-process time of `easeoff status`, `easeoff log anxiety=2`
//!   (on a copy of the journal, logging the same rating each time so it does
//!   not grow), `easeoff report` over the whole period, and `easeoff report
//!   --format pdf` for the 42-day demo's default period and for the whole
//!   period (on Letter, to a file);
//! - the lower bounds beside them: the floor reading the journal into memory
//!   (the least `status` must do) and reading it and writing it back
//!   durably (the least `log` must do), see `examples/floor.rs`;
//! - the peak memory (maximum resident set) of each of those processes.
//!
//! The floor is `examples/floor.rs`, a Rust program that only exits, built
//! by the same command, run the same way and interleaved with every command
//! (the machine's speed drifts, and other builds may share it).
//!
//! Peak memory comes from GNU `/usr/bin/time -f %M`, which reads the child's
//! `ru_maxrss` from `wait4` after it exits: exact, and with no race (sampling
//! `/proc/PID/status` for `VmHWM` can miss the end of a short process, and
//! calling `wait4` here would need `unsafe`, which this crate forbids). Those
//! runs are separate from the timed ones, so `time` adds nothing to the times.
//!
//! `EASEOFF_BENCH_BIN=PATH` times another easeoff binary (an older build, for
//! a before/after) for the whole-process figures.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use easeoff::journal::Stamp;
use easeoff::store::{Access, Store};

const NOW: &str = "2026-03-10T09:00:00+01:00";
/// Interleaved rounds for the whole-process figures.
const ROUNDS: usize = 21;
/// Runs under `/usr/bin/time` per command for peak memory.
const MEMORY_RUNS: usize = 5;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// A command to run: the program, its arguments and the journal it uses.
struct Run<'a> {
    name: &'a str,
    program: &'a Path,
    args: Vec<String>,
    journal: &'a Path,
}

impl Run<'_> {
    fn command(&self, program: &Path) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("EASEOFF_DATA_FILE", self.journal).env("EASEOFF_NOW", NOW).stdout(Stdio::null()).stderr(Stdio::null());
        cmd
    }

    fn time_ms(&self) -> f64 {
        let mut cmd = self.command(self.program);
        cmd.args(&self.args);
        let start = Instant::now();
        let status = cmd.status().expect("run");
        let ms = ms_since(start);
        assert!(status.success(), "{} failed", self.name);
        ms
    }

    /// Peak resident set in MB, or `None` without GNU time.
    fn peak_mb(&self) -> Option<f64> {
        let mut cmd = self.command(Path::new("/usr/bin/time"));
        cmd.args(["-f", "%M", "-o", "/dev/stdout"]).arg(self.program).args(&self.args).stdout(Stdio::piped());
        let out = cmd.output().ok()?;
        let kb: f64 = String::from_utf8_lossy(&out.stdout).lines().last()?.trim().parse().ok()?;
        Some(kb / 1024.0)
    }
}

fn main() {
    let now = Stamp::parse_from_rfc3339(NOW).expect("fixed time");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::env::args().nth(1).map_or_else(
        || {
            let path = dir.path().join("ten-years.json");
            let journal = easeoff::demo::generate(3650, 1, now);
            let (mut store, _) = Store::open(&path, Access::Write, now).expect("open");
            store.save(&journal, now).expect("save");
            path
        },
        PathBuf::from,
    );
    let examples = std::env::current_exe().ok().and_then(|p| p.parent().map(Path::to_path_buf));
    let floor_bin = examples.as_ref().map(|d| d.join("floor")).filter(|p| p.exists());
    let easeoff_bin = std::env::var_os("EASEOFF_BENCH_BIN")
        .map(PathBuf::from)
        .or_else(|| examples.as_ref().and_then(|d| d.parent()).map(|d| d.join("easeoff")))
        .filter(|p| p.exists());
    let (Some(floor_bin), Some(easeoff_bin)) = (floor_bin, easeoff_bin) else {
        println!("build the binaries first: cargo build --release --bin easeoff --examples");
        return;
    };

    // The floor first, on its own, so the in-process figures have a ratio too;
    // the whole-process figures below have their own interleaved floor.
    let floor_alone = Run { name: "floor", program: &floor_bin, args: Vec::new(), journal: &path };
    let floor_ms = median((0..ROUNDS).map(|_| floor_alone.time_ms()).collect());
    let ratio = |ms: f64| format!("{ms:.2} ms = {:.1}x floor", ms / floor_ms);

    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let mut loads = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        let (_, journal) = Store::open(&path, Access::Read, now).expect("load");
        loads.push(ms_since(start));
        std::hint::black_box(journal);
    }
    let save_copy = dir.path().join("save-copy.json");
    std::fs::copy(&path, &save_copy).expect("copy for saving");
    let (mut store, journal) = Store::open(&save_copy, Access::Write, now).expect("open for writing");
    let mut saves = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        store.save(&journal, now).expect("save");
        saves.push(ms_since(start));
    }
    drop(store);
    println!(
        "journal: {} ({:.1} MB, {} days, {} doses); easeoff: {}",
        path.display(),
        size as f64 / 1e6,
        journal.days().len(),
        journal.doses().len(),
        easeoff_bin.display()
    );
    println!("floor (examples/floor, whole process), median of {ROUNDS}: {floor_ms:.2} ms");
    println!("load (read + parse + check), in process, median of 30: {}", ratio(median(loads)));
    println!(
        "save (serialize + parse-back check + write + fsync + rename + dir fsync + backup), in process, median of 30: {}",
        ratio(median(saves))
    );

    // In process: what every screen and command computes first.
    let time = |f: &dyn Fn()| {
        let runs: Vec<f64> = (0..30)
            .map(|_| {
                let start = Instant::now();
                f();
                ms_since(start)
            })
            .collect();
        median(runs)
    };
    let situation = time(&|| {
        std::hint::black_box(easeoff::analysis::situation::situation(&journal, now));
    });
    let s = easeoff::analysis::situation::situation(&journal, now);
    let flags = time(&|| {
        std::hint::black_box(easeoff::analysis::flags::recent(&journal, &s));
    });
    let first = journal.span().map_or(now.date_naive(), |(first, _)| first);
    let summary = time(&|| {
        std::hint::black_box(easeoff::report::build(&journal, now, first, now.date_naive(), None));
    });
    let whole = easeoff::report::build(&journal, now, first, now.date_naive(), None);
    let pdf = time(&|| {
        std::hint::black_box(easeoff::report::pdf::render(&whole, easeoff::report::Paper::Letter).expect("pdf"));
    });
    println!(
        "in process, median of 30: situation {}; flags of the last 7 days {}; summary of the whole period {}; its PDF {}",
        ratio(situation),
        ratio(flags),
        ratio(summary),
        ratio(pdf)
    );

    // The 42-day demo, the journal a typical visit summary comes from.
    let demo = dir.path().join("demo.json");
    let (mut store, _) = Store::open(&demo, Access::Write, now).expect("open the demo");
    store.save(&easeoff::demo::generate(42, 1, now), now).expect("save the demo");
    drop(store);
    whole_processes(&floor_bin, &easeoff_bin, &path, &demo, dir.path(), &first.to_string());
}

/// The floor in one of its lower-bound modes on `file` (see `examples/floor.rs`).
fn floor_args(mode: &str, file: &Path) -> Vec<String> {
    vec![mode.to_owned(), file.to_string_lossy().into_owned()]
}

/// Whole processes, each round running the floor and then every command.
fn whole_processes(floor_bin: &Path, easeoff_bin: &Path, path: &Path, demo: &Path, dir: &Path, from: &str) {
    // To a file: peak memory reads its figure from standard output.
    let out = dir.join("summary.pdf");
    let out = out.to_str().unwrap_or("summary.pdf");
    let pdf = |args: &[&str]| {
        ["report", "--format", "pdf", "--paper", "letter", "--out", out]
            .iter()
            .chain(args)
            .map(|a| (*a).to_owned())
            .collect()
    };
    let log_copy = dir.join("log-copy.json");
    std::fs::copy(path, &log_copy).expect("copy for logging");
    let runs = [
        Run { name: "floor", program: floor_bin, args: Vec::new(), journal: path },
        Run { name: "floor, read", program: floor_bin, args: floor_args("--read", path), journal: path },
        Run { name: "status", program: easeoff_bin, args: vec!["status".into()], journal: path },
        Run {
            name: "floor, read + write",
            program: floor_bin,
            args: floor_args("--read-write", &log_copy),
            journal: &log_copy,
        },
        Run {
            name: "log anxiety=2",
            program: easeoff_bin,
            args: vec!["log".into(), "anxiety=2".into()],
            journal: &log_copy,
        },
        Run {
            name: "report, whole period",
            program: easeoff_bin,
            args: vec!["report".into(), "--from".into(), from.to_owned()],
            journal: path,
        },
        Run { name: "pdf, 42-day demo", program: easeoff_bin, args: pdf(&[]), journal: demo },
        Run { name: "pdf, whole period", program: easeoff_bin, args: pdf(&["--from", from]), journal: path },
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); runs.len()];
    for _ in 0..ROUNDS {
        for (run, times) in runs.iter().zip(&mut times) {
            times.push(run.time_ms());
        }
    }
    let floor = median(times[0].clone());
    for (run, times) in runs.iter().zip(times) {
        let ms = median(times);
        let peaks: Vec<f64> = (0..MEMORY_RUNS).filter_map(|_| run.peak_mb()).collect();
        let peak = if peaks.is_empty() {
            "peak memory n/a (no /usr/bin/time)".to_owned()
        } else {
            format!("peak memory {:.1} MB (median of {MEMORY_RUNS})", median(peaks))
        };
        println!("{:<21} whole process, median of {ROUNDS}: {ms:6.2} ms = {:5.1}x floor; {peak}", run.name, ms / floor);
    }
}
