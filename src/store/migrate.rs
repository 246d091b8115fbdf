//! Reading a journal file of any version this build understands.
//!
//! Each older file version has one step that turns it into the next, applied
//! in order on the raw JSON before it is read into the model. The store keeps a
//! copy of the old file before saving the migrated one.

use serde::Deserialize;
use serde_json::Value;

use crate::journal::{FORMAT, Journal, VERSION};

/// A step from version `N` (its index + 1) to `N + 1`.
type Step = fn(&mut Value) -> Result<(), String>;

const STEPS: &[Step] = &[v1_to_v2, v2_to_v3];

/// Version 2 added `no_dose_days` and `settings.mode_set`, both optional and
/// absent from every version-1 file, so a version-1 file reads unchanged.
#[allow(clippy::unnecessary_wraps)] // every step has the same signature
fn v1_to_v2(_: &mut Value) -> Result<(), String> {
    Ok(())
}

/// Version 3 added the history (`about`), the self-check about the past
/// 12 months (`criteria`) and the extra symptom items switched on
/// (`symptoms.extra_on`); checks answered with the earlier seven-question
/// self-check stay under `signs` exactly as they were, read for what they
/// were. Nothing in a version-2 file changes shape, so it reads unchanged;
/// the version goes up so that an older easeoff, which would drop the new
/// answers when saving, opens a version-3 file read-only instead.
#[allow(clippy::unnecessary_wraps)] // every step has the same signature
fn v2_to_v3(_: &mut Value) -> Result<(), String> {
    Ok(())
}

/// A journal and the version its file had.
#[derive(Debug)]
pub struct Parsed {
    pub journal: Journal,
    pub from_version: u32,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// Parses and checks a journal file, migrating older versions in memory.
pub fn parse(bytes: &[u8]) -> Result<Parsed, String> {
    parse_with(bytes, STEPS)
}

fn parse_with(bytes: &[u8], steps: &[Step]) -> Result<Parsed, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".to_owned());
    }
    // The common case: the current version, read straight into the model.
    // Checking the UTF-8 of the whole file at once and reading from `&str`
    // spares serde_json a check per string (an eighth of the load time of
    // a ten-year journal); a file that is not UTF-8 goes the byte way, which
    // says where it went wrong.
    // A file in the store's own layout has its day and dose lines read on
    // two cores (see `lines.rs`); any other goes the ordinary way.
    let direct = match std::str::from_utf8(bytes) {
        Ok(text) => super::lines::read(text).map_or_else(|| serde_json::from_str::<Journal>(text), Ok),
        Err(_) => serde_json::from_slice::<Journal>(bytes),
    };
    let from_version = match &direct {
        Ok(journal) => journal.version(),
        Err(_) => header(bytes)?,
    };
    let journal = if from_version < VERSION {
        let mut value: Value = serde_json::from_slice(bytes).map_err(|e| describe(&e))?;
        for version in from_version..VERSION {
            let step = usize::try_from(version)
                .ok()
                .and_then(|v| v.checked_sub(1))
                .and_then(|i| steps.get(i))
                .ok_or_else(|| format!("file version {version} is not one easeoff can read"))?;
            step(&mut value)?;
            value["version"] = Value::from(version + 1);
        }
        serde_json::from_value::<Journal>(value).map_err(|e| describe(&e))?
    } else {
        direct.map_err(|e| describe(&e))?
    };
    journal.check_integrity()?;
    Ok(Parsed { journal, from_version })
}

/// Reads just the format and version, to explain a file the model refused.
fn header(bytes: &[u8]) -> Result<u32, String> {
    let head: Header = serde_json::from_slice(bytes).map_err(|e| describe(&e))?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err("it is not an easeoff journal (no \"format\": \"easeoff-journal\")".to_owned());
    }
    let version = head.version.ok_or("it has no version")?;
    if version > VERSION {
        return Err(format!(
            "it was written by a newer easeoff (file version {version}) in a form this one cannot read"
        ));
    }
    Ok(version)
}

fn describe(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Eof => format!("it ends too early (cut off at line {})", e.line()),
        serde_json::error::Category::Syntax => {
            format!("it is not valid JSON (line {}, column {})", e.line(), e.column())
        }
        _ => format!("{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_version_reads_without_steps() {
        let bytes = crate::store::serialize(&Journal::new());
        let parsed = parse(&bytes).unwrap();
        assert_eq!(parsed.from_version, VERSION);
    }

    #[test]
    fn a_version_without_a_migration_step_is_refused_clearly() {
        let old = br#"{"format":"easeoff-journal","version":0}"#;
        let err = parse(old).unwrap_err();
        assert!(err.contains("file version 0 is not one easeoff can read"), "{err}");
    }

    #[test]
    fn a_version_2_journal_with_seven_question_checks_reads_as_version_3_with_them_kept() {
        let v2 = br#"{"format":"easeoff-journal","version":2,"symptoms":{"custom":{"vomiting":{"label":"throwing up","kind":"physical"}}},"days":{"2026-03-01":{"ratings":{"vomiting":3},"edited":"2026-03-01T12:00:00+01:00"}},"signs":[{"at":"2026-03-01T20:00:00+01:00","answers":{"cut-back":true,"despite-harm":false,"dropped":false,"mood-without":true,"preoccupied":true,"tolerance":false,"withdrawal":true}}]}"#;
        let parsed = parse(v2).unwrap();
        assert_eq!(parsed.from_version, 2);
        let j = parsed.journal;
        assert_eq!(j.version(), 3);
        let checks = j.all_checks();
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].kind, crate::journal::criteria::CheckKind::Signs);
        assert_eq!(checks[0].count_words(), "4 of 7 answered yes");
        assert!(j.criteria_checks().is_empty() && j.history().is_empty());
        let own = j.catalog().get("vomiting").unwrap();
        assert!(own.custom && own.label == "throwing up", "an item of the person's own keeps its id and label");
        assert_eq!(j.catalog().entries().filter(|e| e.id == "vomiting").count(), 1);
    }

    #[test]
    fn damage_is_described_not_hidden() {
        assert_eq!(parse(b"").unwrap_err(), "the file is empty");
        assert!(parse(br#"{"format":"easeoff-journal","version":1,"days":{"#).unwrap_err().contains("ends too early"));
        assert!(parse(b"{not json").unwrap_err().contains("not valid JSON"));
        assert!(parse(br#"{"hello":1}"#).unwrap_err().contains("not an easeoff journal"));
        let bad_rating = br#"{"format":"easeoff-journal","version":1,"days":{"2026-03-01":{"ratings":{"anxiety":7},"edited":"2026-03-01T12:00:00+01:00"}}}"#;
        assert!(parse(bad_rating).unwrap_err().contains("rating of 7"));
    }
}
