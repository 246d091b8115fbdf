//! The command line's own lists of choices for clap, so the journal's types
//! know nothing of clap; each turns into the journal's type.

use std::str::FromStr;

use crate::journal::about::{Substance, When, substance_when};
use crate::journal::plan::Cut;
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

/// `--step` of `easeoff plan new` and `plan adjust`: the cut, and whether
/// it was typed as a bare number (`10`, no `%` and no `g`), which the plan
/// commands check against the amount it cuts from, as a bare `10` is often
/// meant as 10 %.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub cut: Cut,
    pub bare: bool,
}

impl FromStr for Step {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        let cut = text.parse::<Cut>()?;
        let trimmed = text.trim();
        let bare = !trimmed.ends_with('%') && !trimmed.ends_with('g');
        Ok(Step { cut, bare })
    }
}

impl Step {
    /// A bare number of grams of half or more of `from`, the daily amount
    /// it cuts from: refused, naming both readings. A step of half the
    /// amount ends a taper in two steps, which nobody plans by accident;
    /// `10g` says grams are meant and is taken as it is.
    pub fn check_against(self, from: f64) -> Result<Cut, String> {
        match self.cut {
            Cut::Grams(g) if self.bare && g >= from / 2.0 => {
                let n = crate::journal::format_number(g);
                let share = if g >= from { "all of it or more" } else { "half of it or more" };
                Err(format!(
                    "--step {n} would be {n} g a step from {} g/day, {share}: did you mean {n}%? \
                     Give --step {n}% for a share of the daily amount, or --step {n}g if you do mean grams",
                    crate::journal::format_number(from)
                ))
            }
            cut => Ok(cut),
        }
    }
}

/// `--substance` of `easeoff about`: `alcohol:now`, `opioids:past`, a name
/// alone (now), or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubstanceArg {
    None,
    Used(Substance, When),
}

impl FromStr for SubstanceArg {
    type Err = InputError;

    fn from_str(text: &str) -> Result<Self, InputError> {
        if text.trim().eq_ignore_ascii_case("none") {
            Ok(SubstanceArg::None)
        } else {
            substance_when(text).map(|(s, w)| SubstanceArg::Used(s, w))
        }
    }
}

/// `--pregnant` of `easeoff about`: yes or no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}
