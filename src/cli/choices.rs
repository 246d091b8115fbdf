//! The command line's own lists of choices for clap, so the journal's types
//! know nothing of clap; each turns into the journal's type.

use std::str::FromStr;

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
