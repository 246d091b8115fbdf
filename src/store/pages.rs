//! The bytes of a whole journal file in memory — as read, and as about to be
//! written — in huge pages where the system offers them.
//!
//! Why: a fresh process pays one page fault for every 4 KB page of memory it
//! touches first — about 6 µs each on this project's machine, so the 500
//! pages of the ten-year journal's 2 MB cost as much as a whole `easeoff`
//! run with an empty journal (measured: reading that file into a `Vec` takes
//! 6.3 ms in a minimal program, into a huge page 3.2 ms). A 2 MB huge page is
//! one fault. Where transparent huge pages are off, or the kernel declines,
//! the same memory is used in ordinary pages and nothing else changes. The
//! store keeps the buffer it read the file into and writes each save into
//! it, so a save touches no fresh memory for its bytes either.
//!
//! Buffers under [`HUGE_FROM`] are an ordinary `Vec`: a huge page for them
//! would only add to the memory they hold.

use std::fs::File;
use std::io::{self, Read, Write};
use std::ops::Deref;
use std::path::Path;

use memmap2::{Advice, MmapMut, MmapOptions};

/// The size of a huge page on x86-64 and most 64-bit Arm systems.
const HUGE: usize = 2 << 20;
/// Buffers from this size on are kept in huge pages.
const HUGE_FROM: usize = 1 << 20;

/// A growable byte buffer, like `Vec<u8>`.
pub enum Bytes {
    Heap(Vec<u8>),
    /// `len` bytes at `start` of an anonymous mapping, `start` on a huge
    /// page boundary, with room for `cap`.
    Pages {
        map: MmapMut,
        start: usize,
        len: usize,
        cap: usize,
    },
}

/// The length only: the bytes are a person's journal.
impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Bytes({} bytes)", self.len())
    }
}

impl Default for Bytes {
    fn default() -> Self {
        Self::Heap(Vec::new())
    }
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Self::Heap(bytes) => bytes,
            Self::Pages { map, start, len, .. } => map.get(*start..start + len).unwrap_or_default(),
        }
    }
}

impl Bytes {
    /// An empty buffer with room for `cap` bytes.
    pub fn with_capacity(cap: usize) -> Self {
        if cap < HUGE_FROM {
            return Self::Heap(Vec::with_capacity(cap));
        }
        // A huge page of slack to start on a boundary.
        let room = round_up(cap, HUGE);
        let Ok(map) = MmapOptions::new().len(room.saturating_add(HUGE)).map_anon() else {
            return Self::Heap(Vec::with_capacity(cap));
        };
        let start = (HUGE - map.as_ptr().addr() % HUGE) % HUGE;
        // Whole huge pages only where the buffer fills at least half of one:
        // 2.1 MB take one huge page and 25 small ones, not two huge pages.
        let huge_len = cap / HUGE * HUGE + if cap % HUGE >= HUGE / 2 { HUGE } else { 0 };
        if huge_len > 0 {
            // Advice only: declined, the pages are ordinary ones.
            let _ = map.advise_range(Advice::HugePage, start, huge_len);
        }
        Self::Pages { map, start, len: 0, cap: room }
    }

    pub fn clear(&mut self) {
        match self {
            Self::Heap(bytes) => bytes.clear(),
            Self::Pages { len, .. } => *len = 0,
        }
    }

    /// Makes room for `more` bytes after the ones held.
    pub fn reserve(&mut self, more: usize) {
        let (len, cap) = match self {
            Self::Heap(bytes) => (bytes.len(), bytes.capacity()),
            Self::Pages { len, cap, .. } => (*len, *cap),
        };
        let need = len.saturating_add(more);
        if need <= cap {
            return;
        }
        if let Self::Heap(bytes) = self
            && need < HUGE_FROM
        {
            bytes.reserve(more);
            return;
        }
        // Growing by a half: a large buffer is sized up front from the last
        // save, and doubling would briefly hold it three times over.
        let mut grown = Self::with_capacity(need.max(cap.saturating_add(cap / 2)));
        grown.extend_from_slice(self);
        *self = grown;
    }

    pub fn extend_from_slice(&mut self, more: &[u8]) {
        self.reserve(more.len());
        match self {
            Self::Heap(bytes) => bytes.extend_from_slice(more),
            Self::Pages { map, start, len, .. } => {
                if let Some(to) = map.get_mut(*start + *len..*start + *len + more.len()) {
                    to.copy_from_slice(more);
                    *len += more.len();
                }
            }
        }
    }

    /// Reads the rest of `file` into the buffer, after what it holds.
    fn read_to_end(&mut self, file: &mut File, size_hint: usize) -> io::Result<()> {
        self.reserve(size_hint.saturating_add(1));
        loop {
            let (read, full) = match self {
                Self::Heap(bytes) => return file.read_to_end(bytes).map(drop),
                Self::Pages { map, start, len, cap } => {
                    let room = map.get_mut(*start + *len..*start + *cap).unwrap_or_default();
                    let full = room.is_empty();
                    (if full { 0 } else { retrying(|| file.read(room))? }, full)
                }
            };
            if full {
                // The file grew past its size while being read.
                self.reserve(HUGE);
                continue;
            }
            if read == 0 {
                return Ok(());
            }
            if let Self::Pages { len, .. } = self {
                *len += read;
            }
        }
    }
}

impl Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Reads the whole file at `path`, as `fs::read` does.
pub fn read(path: &Path) -> io::Result<Bytes> {
    let mut file = File::open(path)?;
    let size = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    // Room for one byte more, to see that the file ended where its size
    // said without growing the buffer.
    let mut bytes = Bytes::with_capacity(size.saturating_add(1).min(1 << 30));
    bytes.read_to_end(&mut file, size)?;
    Ok(bytes)
}

fn retrying(mut read: impl FnMut() -> io::Result<usize>) -> io::Result<usize> {
    loop {
        match read() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
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
            assert_eq!(matches!(read, Bytes::Pages { .. }), size + 1 >= HUGE_FROM, "size {size}");
        }
    }

    #[test]
    fn a_missing_file_is_the_same_error_as_fs_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(&dir.path().join("none")).err().unwrap();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn a_buffer_grows_from_the_heap_into_pages_and_keeps_every_byte() {
        let mut bytes = Bytes::default();
        let mut want = Vec::new();
        for i in 0..HUGE_FROM / 1000 * 3 {
            let chunk = format!("{i:0999}\n");
            bytes.extend_from_slice(chunk.as_bytes());
            want.extend_from_slice(chunk.as_bytes());
        }
        assert!(matches!(bytes, Bytes::Pages { .. }));
        assert_eq!(&*bytes, &want[..]);
        bytes.clear();
        write!(bytes, "again").unwrap();
        assert_eq!(&*bytes, b"again");
    }
}
