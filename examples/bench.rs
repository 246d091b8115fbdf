//! Speed and memory figures on a journal file (default: a ten-year demo).
//!
//! `cargo run --release --example bench -- [JOURNAL]` prints the median of
//! repeated loads (read, parse, check) and saves (temp write, both fsyncs,
//! read-back, backup), in milliseconds. Whole-process time of `easeoff
//! status` and peak memory are measured outside, with the commands in the
//! README (hyperfine and /usr/bin/time).

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
}
