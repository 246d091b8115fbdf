//! Every limit on what a person can enter, in one place, so the parsers, the
//! loader, the plan check and the messages all say the same numbers.

/// The most a single dose may be, in grams; more is almost surely a typo.
pub const MAX_DOSE_GRAMS: f64 = 100.0;
/// Doses are kept to a hundredth of a gram (finer than any scale weighs).
pub const DOSE_STEP_GRAMS: f64 = 0.01;
/// The most hours of sleep a night can hold.
pub const MAX_SLEEP_HOURS: f64 = 24.0;
/// Sleep is kept to a tenth of an hour (six minutes).
pub const SLEEP_STEP_HOURS: f64 = 0.1;
/// The highest rating: 0 none, 1 mild, 2 moderate, 3 severe, 4 extreme.
pub const MAX_RATING: u8 = 4;
/// The longest interval or hold of a taper plan, in days: a year.
pub const MAX_PLAN_DAYS: u32 = 365;
/// How far back `dose --list` may look, in days: about ten years.
pub const MAX_LIST_DAYS: u32 = 3660;
/// The rounding of a plan's targets, and its floor, when none is given:
/// a quarter gram is what a kitchen scale can tell apart reliably.
pub const DEFAULT_PLAN_ROUND_GRAMS: f64 = 0.25;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The longest contact, in characters: a name and a number fit easily, and
/// it stays one or two lines in the help panel.
pub const MAX_CONTACT_CHARS: usize = 100;
/// The longest id of a person's own symptom item.
pub const MAX_ID_CHARS: usize = 32;
/// The longest label of a person's own symptom item.
pub const MAX_LABEL_CHARS: usize = 60;
/// The longest aid entry, in characters.
pub const MAX_AID_TEXT_CHARS: usize = 120;
/// The most one aid entry may hold, per measure: more is almost surely a
/// typo (100 g of anything, a hundred tablets, five litres).
pub const MAX_AID_MG: f64 = 100_000.0;
pub const MAX_AID_COUNT: f64 = 100.0;
pub const MAX_AID_ML: f64 = 5_000.0;
pub const MAX_AID_IU: f64 = 1_000_000.0;
/// The most times one aid amount may be taken in a `2 x 2 mg`.
pub const MAX_AID_TIMES: f64 = 100.0;
