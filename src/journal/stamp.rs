//! Reading RFC 3339 timestamps straight with `parse_from_rfc3339`, from the
//! borrowed text where possible: chrono's own `Deserialize` accepts more
//! forms and is several times slower, which shows on a ten-year journal with
//! a timestamp on every rating.

use std::fmt;

use serde::Deserializer;
use serde::de::{Error, Visitor};

use super::Stamp;

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
    deserializer.deserialize_str(StampVisitor)
}

struct StampVisitor;

impl Visitor<'_> for StampVisitor {
    type Value = Stamp;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 time such as 2026-03-10T09:00:00+01:00")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Stamp, E> {
        Stamp::parse_from_rfc3339(text).map_err(|e| E::custom(format!("'{text}' is not an RFC 3339 time: {e}")))
    }
}
