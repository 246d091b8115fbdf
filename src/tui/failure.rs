//! What failed, in plain words, when the disk says no: the reason without
//! error codes, and the path shortened from the middle so its folder and
//! file name both stay in view.

use std::io::ErrorKind;
use std::path::Path;

use crate::store::StoreError;

/// The longest a path is shown in a message.
const PATH_CHARS: usize = 44;

/// Why a save or a write failed, e.g. `the folder …/easeoff cannot be
/// written (permission denied)`.
pub fn words(error: &StoreError) -> String {
    match error {
        StoreError::Io { action, path, source } => {
            format!("could not {action} {} ({})", shorten(path, PATH_CHARS), reason(source.kind(), source))
        }
        other => other.to_string(),
    }
}

fn reason(kind: ErrorKind, source: &std::io::Error) -> String {
    match kind {
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::NotFound => "it is not there".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        ErrorKind::NotADirectory => "a file is where a folder should be".to_owned(),
        ErrorKind::FileTooLarge => "the file is too large for this disk".to_owned(),
        // The system's own words, without "(os error N)".
        _ => {
            let text = source.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_lowercase()
        }
    }
}

/// `path` in at most `max` characters: the start and the end kept, the
/// middle replaced by `…`.
pub fn shorten(path: &Path, max: usize) -> String {
    let text = path.display().to_string();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text;
    }
    let tail = (max * 2 / 3).min(chars.len());
    let head = max.saturating_sub(tail + 1);
    let start: String = chars.iter().take(head).collect();
    let end: String = chars.iter().skip(chars.len() - tail).collect();
    format!("{start}…{end}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_path_keeps_its_start_and_its_file_name() {
        let path = Path::new("/home/someone/.local/share/easeoff/a/very/deep/folder/journal.json");
        let short = shorten(path, 44);
        assert_eq!(short.chars().count(), 44);
        assert!(short.starts_with("/home/someone"));
        assert!(short.ends_with("/deep/folder/journal.json"), "{short}");
        assert_eq!(shorten(Path::new("/tmp/journal.json"), 44), "/tmp/journal.json");
    }

    #[test]
    fn an_io_failure_is_told_without_error_codes() {
        let e = StoreError::io(
            "create a temp file in",
            Path::new("/home/someone/.local/share/easeoff"),
            std::io::Error::from_raw_os_error(13),
        );
        assert_eq!(words(&e), "could not create a temp file in /home/someone/.local/share/easeoff (permission denied)");
    }
}
