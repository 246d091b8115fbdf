//! The bytes of a whole journal file in memory, in huge pages where the
//! system offers them.
//!
//! Why: a fresh process pays one page fault for every 4 KB page of memory it
//! touches first — about 6 µs each on this project's machine, so the 500
//! pages of the ten-year journal's 2 MB cost as much as a whole `easeoff`
//! run with an empty journal (measured: reading that file into a `Vec` takes
//! 6.3 ms in a minimal program, into a huge page 3.2 ms). A 2 MB huge page is
//! one fault. Where transparent huge pages are off, or the kernel declines,
//! the same memory is used in ordinary pages and nothing else changes.
//! Files under [`HUGE_FROM`] are read into an ordinary `Vec`: a huge page
//! for them would only add to the memory they hold.

use std::fs::File;
use std::io::{self, Read};
use std::ops::Deref;
use std::path::Path;

use memmap2::{Advice, MmapMut, MmapOptions};

/// The size of a huge page on x86-64 and most 64-bit Arm systems.
const HUGE: usize = 2 << 20;
/// Files from this size on are read into huge pages.
const HUGE_FROM: usize = 1 << 20;

/// A whole file's bytes.
pub enum FileBytes {
    Small(Vec<u8>),
    /// `len` bytes at `start` of an anonymous mapping, `start` on a huge
    /// page boundary.
    Large {
        map: MmapMut,
        start: usize,
        len: usize,
    },
}

impl Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Self::Small(bytes) => bytes,
            Self::Large { map, start, len } => map.get(*start..start + len).unwrap_or_default(),
        }
    }
}

/// Reads the whole file at `path`, as `fs::read` does.
pub fn read(path: &Path) -> io::Result<FileBytes> {
    let mut file = File::open(path)?;
    let size = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    if size < HUGE_FROM {
        return read_small(&mut file, size);
    }
    // Room for the file and one byte more (to see that it ended where its
    // size said), plus a huge page of slack to start on a boundary.
    let room = round_up(size.saturating_add(1), HUGE);
    let Ok(mut map) = MmapOptions::new().len(room.saturating_add(HUGE)).map_anon() else {
        return read_small(&mut file, size);
    };
    let start = (HUGE - map.as_ptr().addr() % HUGE) % HUGE;
    // Whole huge pages only where the file fills at least half of one:
    // a 2.1 MB file takes one huge page and 25 small ones, not two.
    let huge_len = size / HUGE * HUGE + if size % HUGE >= HUGE / 2 { HUGE } else { 0 };
    if huge_len > 0 {
        // Advice only: declined, the pages are ordinary ones.
        let _ = map.advise_range(Advice::HugePage, start, huge_len);
    }
    let Some(room_here) = map.get_mut(start..start + room) else { return read_small(&mut file, size) };
    let len = fill(&mut file, room_here)?;
    if len == room {
        // The file grew past its size while being read: read it all again
        // the ordinary way rather than cut it.
        return Ok(FileBytes::Small(std::fs::read(path)?));
    }
    Ok(FileBytes::Large { map, start, len })
}

fn read_small(file: &mut File, size: usize) -> io::Result<FileBytes> {
    let mut bytes = Vec::with_capacity(size.saturating_add(1).min(1 << 30));
    file.read_to_end(&mut bytes)?;
    Ok(FileBytes::Small(bytes))
}

/// Reads into `buf` until the file ends or `buf` is full; the bytes read.
fn fill(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut len = 0;
    while let Some(rest) = buf.get_mut(len..).filter(|rest| !rest.is_empty()) {
        match file.read(rest) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(len)
}

fn round_up(n: usize, to: usize) -> usize {
    n.div_ceil(to).saturating_mul(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_files_read_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        // Either side of the huge-page threshold and of a whole huge page.
        for size in [0, 1, 4095, HUGE_FROM - 1, HUGE_FROM, HUGE - 1, HUGE, HUGE + HUGE / 2 + 7] {
            let path = dir.path().join(format!("f{size}"));
            let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            let read = read(&path).unwrap();
            assert_eq!(&*read, &bytes[..], "size {size}");
            assert_eq!(matches!(read, FileBytes::Large { .. }), size >= HUGE_FROM, "size {size}");
        }
    }

    #[test]
    fn a_missing_file_is_the_same_error_as_fs_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(&dir.path().join("none")).err().unwrap();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
