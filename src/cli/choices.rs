//! The command line's own lists of choices for clap, so the journal's types
//! know nothing of clap; each turns into the journal's type.

use std::str::FromStr;

use crate::journal::values::list_days;
use crate::journal::{Form, Grams, InputError, Kind};

/// What `easeoff dose` takes: an amount in grams, or `none` for a day
/// without kratom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DoseAmount {
    None,
    Grams(Grams),
}

impl FromStr for DoseAmount {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        if text.trim().eq_ignore_ascii_case("none") {
            Ok(DoseAmount::None)
        } else {
            text.parse().map(DoseAmount::Grams)
        }
    }
}

/// `--days` of `easeoff dose --list`: how many days back, 1 to 3660.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListDays(pub u32);

impl FromStr for ListDays {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        list_days(text).map(ListDays)
    }
}

/// `--form` of `easeoff dose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormArg {
    Leaf,
    Powder,
    Capsule,
    Extract,
    Other,
}

impl From<FormArg> for Form {
    fn from(arg: FormArg) -> Self {
        match arg {
            FormArg::Leaf => Form::Leaf,
            FormArg::Powder => Form::Powder,
            FormArg::Capsule => Form::Capsule,
            FormArg::Extract => Form::Extract,
            FormArg::Other => Form::Other,
        }
    }
}

/// `--kind` of `easeoff symptoms add`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Physical,
    Psychological,
}

impl From<KindArg> for Kind {
    fn from(arg: KindArg) -> Self {
        match arg {
            KindArg::Physical => Kind::Physical,
            KindArg::Psychological => Kind::Psychological,
        }
    }
}
