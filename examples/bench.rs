//! Speed and memory figures on a journal file (default: a ten-year demo).
//!
//! `cargo build --release && cargo run --release --example bench -- [JOURNAL]`
//! prints the median of repeated loads (read, parse, check) and saves (temp
//! write, both fsyncs, read-back, backup); the in-process cost of working
//! out the situation, the safety flags and the whole-period summary; and the
//! whole-process time of `easeoff status` and `easeoff report`, each beside a
//! floor measured in the same run and interleaved with it (a process that
//! does nothing, `true`), as a ratio — the machine's speed drifts.

use std::path::PathBuf;
use std::time::Instant;

use easeoff::journal::Stamp;
use easeoff::store::{Access, Store};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let now = Stamp::parse_from_rfc3339("2026-03-10T09:00:00+01:00").expect("fixed time");
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
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let mut loads = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        let (_, journal) = Store::open(&path, Access::Read, now).expect("load");
        loads.push(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(journal);
    }
    let (mut store, journal) = Store::open(&path, Access::Write, now).expect("open for writing");
    let mut saves = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        store.save(&journal, now).expect("save");
        saves.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "journal: {} ({:.1} MB, {} days, {} doses)",
        path.display(),
        size as f64 / 1e6,
        journal.days().len(),
        journal.doses().len()
    );
    println!("load (read + parse + check), median of 30: {:.2} ms", median(loads));
    println!("save (write + fsync + rename + dir fsync + read-back + backup), median of 30: {:.2} ms", median(saves));

    // In process: what every screen and command computes first.
    let time = |f: &dyn Fn()| {
        let runs: Vec<f64> = (0..30)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        median(runs)
    };
    let floor = time(&|| {
        std::hint::black_box(journal.doses().len());
    });
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
    println!(
        "in process, median of 30 (floor {floor:.4} ms): situation {situation:.3} ms, flags of the last 7 days {flags:.3} ms, summary of the whole period {summary:.1} ms"
    );

    // Whole processes, interleaved with a floor.
    let bin = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().and_then(|d| d.parent()).map(|d| d.join("easeoff")))
        .filter(|p| p.exists());
    let Some(bin) = bin else {
        println!("whole-process figures: build the binary first (cargo build --release)");
        return;
    };
    let run = |program: &std::path::Path, args: &[&str]| {
        let start = Instant::now();
        let status = std::process::Command::new(program)
            .args(args)
            .env("EASEOFF_DATA_FILE", &path)
            .env("EASEOFF_NOW", "2026-03-10T09:00:00+01:00")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        std::hint::black_box(status.ok());
        start.elapsed().as_secs_f64() * 1000.0
    };
    let true_bin = PathBuf::from("/bin/true");
    let from = first.to_string();
    for (name, args) in [("status", vec!["status"]), ("report, whole period", vec!["report", "--from", from.as_str()])]
    {
        let (mut floor, mut it) = (Vec::new(), Vec::new());
        for _ in 0..15 {
            floor.push(run(&true_bin, &[]));
            it.push(run(&bin, &args));
        }
        let (f, m) = (median(floor), median(it));
        println!("easeoff {name}, whole process, median of 15: {m:.1} ms (floor {f:.2} ms; {:.1}x)", m / f);
    }
}
