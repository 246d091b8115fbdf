//! The command line's own lists of choices for clap, so the journal's types
//! know nothing of clap; each turns into the journal's type.

use crate::journal::{Form, Kind};

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
