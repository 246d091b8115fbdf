//! The floor for whole-process figures: a Rust program that does nothing but
//! start, print what it is given (if anything) and exit, built with the same
//! profile as `easeoff`. `examples/bench` and `examples/tui_bench` run it
//! interleaved with each measured command, so a figure's ratio to it shows
//! easeoff's own cost however fast or busy the machine is at the time.
//!
//! Two more modes give the bench its lower bounds — the least any program
//! keeping this file format must do, measured the same way:
//! - `floor --read FILE [WORD]` only reads the file into memory (in huge
//!   pages, as easeoff does) and touches every byte, then prints the word: a
//!   bound on `status` and on the app's launch;
//! - `floor --read-write FILE` also writes it back durably beside it (a temp
//!   file, its fsync, the rename, the folder's fsync): a bound on `log`.
//!
//! The least full-screen app is `examples/floor_tui.rs`, apart, so that this
//! floor stays a minimal program.

use std::io::{Read, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [mode, file, word @ ..] if mode == "--read" => {
            std::hint::black_box(read(file));
            // The app's bench waits for a word after the read.
            if let Some(word) = word.first() {
                println!("{word}");
            }
        }
        [mode, file] if mode == "--read-write" => {
            let (map, len) = read(file);
            write_durably(&format!("{file}.floor"), map.get(..len).unwrap_or_default());
        }
        // The app's launch is timed to a word on the terminal; the floor prints it.
        [word, ..] => println!("{word}"),
        [] => {}
    }
}

/// The file's bytes in an anonymous map advised into huge pages, and their
/// count; a newline count (as easeoff splits its lines) reads every byte.
fn read(path: &str) -> (memmap2::MmapMut, usize) {
    const HUGE: usize = 2 << 20;
    let mut file = std::fs::File::open(path).expect("open");
    let size = usize::try_from(file.metadata().expect("size").len()).expect("size");
    let room = (size + 1).div_ceil(HUGE) * HUGE;
    let mut map = memmap2::MmapOptions::new().len(room).map_anon().expect("map");
    let _ = map.advise(memmap2::Advice::HugePage);
    let mut len = 0;
    while let Ok(n @ 1..) = file.read(&mut map[len..]) {
        len += n;
    }
    let lines = memchr::memchr_iter(b'\n', &map[..len]).count();
    std::hint::black_box(lines);
    (map, len)
}

fn write_durably(path: &str, bytes: &[u8]) {
    let temp = format!("{path}.tmp");
    let mut file = std::fs::File::create(&temp).expect("create");
    file.write_all(bytes).expect("write");
    file.sync_all().expect("fsync");
    std::fs::rename(&temp, path).expect("rename");
    let dir = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(".".as_ref());
    std::fs::File::open(dir).and_then(|d| d.sync_all()).expect("fsync the folder");
}
