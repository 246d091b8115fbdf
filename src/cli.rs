//! The command line: clap definitions, the context every command shares
//! (journal path and "now"), and dispatch. The commands themselves live in
//! `cli/record.rs` (changing the journal), `cli/about.rs` (the history),
//! `cli/checks.rs` (the self-checks) and `cli/files.rs` (files, backups,
//! export and import); reading commands are here.

mod about;
mod attention;
mod checks;
mod choices;
mod files;
mod input_words;
mod plan;
mod record;
mod report;
mod settings;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use thiserror::Error;

use crate::journal::about::{DosesADay, Field, Goal, Product, Reason, UseLength};
use crate::journal::{Days, Grams, Hours, InputError, Journal, PlanGrams, Stamp};

use crate::store::{self, Access, Store, StoreError};

const AFTER_HELP: &str = "\
Examples:
  easeoff log anxiety=2 nausea=1 --sleep 5.5
  easeoff dose 2.5 --at 08:30
  easeoff status
  easeoff show --from -7

Environment: EASEOFF_DATA_FILE chooses the journal; EASEOFF_NOW (RFC 3339)
fixes the clock; NO_COLOR turns colour off.
easeoff records what you report. It is not medical advice.";

/// A private, offline journal for kratom withdrawal and tapering.
#[derive(Debug, Parser)]
#[command(name = "easeoff", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// The journal file to use (default: your data folder; see `easeoff path`).
    #[arg(long, global = true, env = "EASEOFF_DATA_FILE", value_name = "PATH")]
    pub data_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rate symptoms for a day (default today): ITEM=RATING with 0 none … 4 extreme.
    #[command(
        after_help = "Examples:\n  easeoff log --date yesterday muscle-aches=3 anxiety=2 --sleep 4 \\\n    --aid \"loperamide 4 mg\" --note \"Slept 3 hours\" --for-provider\n  easeoff log --aid \"imodium 2 tablets\" --aid \"ibuprofen 2 x 200 mg\"\n  easeoff log --date yesterday --remove-aid imodium   (every entry of it that day)\n  easeoff log --clear anxiety --clear sleep --clear note\n\nAid amounts: mg, g, mcg (µg, ug), ml, IU, or tablets (tab, caplet, capsule, cap, softgel,\npill); 2 x 2 mg and 2mg x2 multiply; 1,5 mg is 1.5 mg. Tablets of a known aid are\ncounted in mg (loperamide 2 mg, ibuprofen 200 mg, naproxen 220 mg, diphenhydramine 25 mg)."
    )]
    Log(LogArgs),
    /// Log a dose in grams (default now) or a day without (`none`), list doses, or undo the newest.
    #[command(
        after_help = "Examples:\n  easeoff dose 2.5\n  easeoff dose 1.75 --at \"2026-03-09 21:30\" --form capsule\n  easeoff dose none --date yesterday   (a day without kratom)\n  easeoff dose --list --days 7\n  easeoff dose --undo"
    )]
    Dose(DoseArgs),
    /// Mark the moment of your last dose, or show the current last use.
    #[command(
        name = "last-use",
        after_help = "Examples:\n  easeoff last-use --at \"2026-03-05 22:00\"\n  easeoff last-use"
    )]
    LastUse {
        /// When: HH:MM, "YYYY-MM-DD HH:MM" or RFC 3339.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Where you are on the course today.
    #[command(after_help = "Example: easeoff status --short   (one line, for a shell prompt)")]
    Status {
        /// One line, for a shell prompt.
        #[arg(long)]
        short: bool,
    },
    /// A table of days: ratings, scores, sleep, aids, notes.
    #[command(after_help = "Example: easeoff show --from -14 --to today")]
    Show {
        /// First day (YYYY-MM-DD, today, yesterday or -N); default 14 days ago.
        #[arg(long, allow_hyphen_values = true)]
        from: Option<String>,
        /// Last day; default today.
        #[arg(long, allow_hyphen_values = true)]
        to: Option<String>,
    },
    /// List the symptom catalog, add your own items, hide or show items.
    #[command(
        after_help = "Examples:\n  easeoff symptoms\n  easeoff symptoms add hot-cold-flashes --label \"hot and cold flashes\" --kind physical\n  easeoff symptoms hide sweating"
    )]
    Symptoms {
        #[command(subcommand)]
        action: Option<SymptomsAction>,
    },
    /// Your history for your provider: what, how much, how long, why, what else; every answer optional.
    #[command(
        after_help = "Examples:\n  easeoff about   (shows what is recorded)\n  easeoff about --product powder --product capsules --used-for \"3 years\" --usual-grams 8 --doses-a-day 3\n  easeoff about --reason pain --reason anxiety --substance alcohol:now --substance opioids:past\n  easeoff about --medicine clonidine --medicine \"sertraline 50 mg\" --goal stop\n  easeoff about --substance none --medicine none   (you take none)\n  easeoff about --clear goal\n\nEach answer is kept with the date it was given; giving one again replaces it.\nIn the app: b on the Summary screen."
    )]
    About(AboutArgs),
    /// A yes/no self-check about the past 12 months: eleven questions (not a diagnosis).
    // Its help lists the questions in order (see `command`).
    #[command(name = "self-check")]
    SelfCheck {
        /// All answers at once, one y or n per question, in the order listed below.
        #[arg(long, conflicts_with = "list")]
        answers: Option<String>,
        /// List every self-check so far, with the earlier 7-question ones, and which answers were yes.
        #[arg(long)]
        list: bool,
    },
    /// Your answers to the earlier seven-question check, read-only (`self-check` replaces it).
    // Its help says so and lists the earlier questions (see `command`).
    Signs {
        /// No longer taken: refused with the way to `self-check`, nothing saved.
        #[arg(long, hide = true)]
        answers: Option<String>,
    },
    /// The visit summary for your provider: text, Markdown or print-ready HTML.
    #[command(
        after_help = "Examples:\n  easeoff report\n  easeoff report --format html --out ~/summary.html --name \"Sam R.\"\n  easeoff report --from 2026-02-01 --to 2026-03-10 --print"
    )]
    Report(ReportArgs),
    /// Your taper plan: make one, see it against what you took, hold or change it.
    #[command(
        after_help = "Examples:\n  easeoff plan new --from 6 --step 10% --every 7 --floor 1\n  easeoff plan new --from 6 --step 0.25 --every 5 --start 2026-03-01\n  easeoff plan show\n  easeoff plan adjust --hold 3\n  easeoff plan adjust --step 5%\n  easeoff plan clear\n\nMake the plan with your provider; easeoff only keeps and shows it."
    )]
    Plan {
        #[command(subcommand)]
        action: Option<PlanAction>,
    },
    /// Questions to ask at your next visit; open ones go in the visit summary.
    #[command(
        after_help = "Examples:\n  easeoff question add \"Is it safe to take loperamide every day?\"\n  easeoff question list\n  easeoff question done 1"
    )]
    Question {
        #[command(subcommand)]
        action: Option<QuestionAction>,
    },
    /// Export the journal as JSON (the file itself) or CSV (one row per day).
    #[command(after_help = "Example: easeoff export --format csv --out ~/easeoff.csv")]
    Export {
        /// json: the journal file itself, for a backup or `easeoff import`; csv: one row per day, for a spreadsheet.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write to this file (0600) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Merge an easeoff JSON export into this journal.
    #[command(after_help = "Example: easeoff import ~/old-laptop-journal.json")]
    Import {
        /// An easeoff JSON export (`easeoff export`) or another easeoff journal file.
        file: PathBuf,
    },
    /// Try the app on a generated journal (yours is never touched), or write one.
    #[command(
        after_help = "Examples:\n  easeoff demo            (the app on a fresh demo journal in a temporary file)\n  easeoff demo --write /tmp/demo.json --days 42 --seed 7"
    )]
    Demo {
        /// Write the demo journal to this file (it must not exist yet) instead of opening the app.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
        /// How many days the demo journal covers.
        #[arg(long, default_value_t = 42)]
        days: u32,
        /// A number that picks the demo's made-up values; the same seed gives the same journal.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check the journal file and list its backups.
    #[command(after_help = "Example: easeoff check   (exit 1 if anything needs attention)")]
    Check,
    /// Restore a backup (the current file is kept aside), or start empty.
    #[command(after_help = "Examples:\n  easeoff restore 000042-2026-03-09.json\n  easeoff restore --start-empty")]
    Restore {
        /// A backup's name (from `easeoff check`) or path.
        #[arg(required_unless_present = "start_empty")]
        backup: Option<String>,
        /// Begin a new, empty journal (any existing file is kept aside).
        #[arg(long, conflicts_with = "backup")]
        start_empty: bool,
    },
    /// When to get help: signs that need medical help now, and the numbers to call.
    #[command(
        name = "get-help",
        after_help = "Example: easeoff get-help\n\nThe same text as ! in the app. Choose your country's numbers with `easeoff settings country XX`\nand add your own contact with `easeoff settings contact \"NAME PHONE\"`; it is shown first."
    )]
    GetHelp,
    /// Show your settings, or choose the country for the help numbers and add your own contact.
    #[command(
        after_help = "Examples:\n  easeoff settings\n  easeoff settings country GB\n  easeoff settings country --clear   (back to the US lines)\n  easeoff settings contact \"Sam (sponsor) 555 0100\"\n  easeoff settings contact --clear"
    )]
    Settings {
        #[command(subcommand)]
        action: Option<SettingsAction>,
    },
    /// Print where the journal is kept.
    #[command(after_help = "Example: easeoff path   (set EASEOFF_DATA_FILE or --data-file to use another file)")]
    Path,
    /// Print shell completions.
    #[command(after_help = "Example: easeoff completions bash > ~/.local/share/bash-completion/completions/easeoff")]
    Completions {
        /// The shell to print completions for.
        shell: clap_complete::Shell,
    },
}

/// `easeoff about`: every answer optional; none given shows what is recorded.
#[derive(Debug, Args)]
pub struct AboutArgs {
    /// What you used: leaf, powder, capsules, extract, 7-oh (7-OH products) or other; repeat for more than one.
    #[arg(long = "product", value_name = "FORM")]
    pub products: Vec<Product>,
    /// How long you have used it: a whole number of weeks, months or years, e.g. "3 years".
    #[arg(long, value_name = "HOW_LONG")]
    pub used_for: Option<UseLength>,
    /// Your usual amount a day before cutting down, in grams (the welcome's question).
    #[arg(long, value_name = "GRAMS")]
    pub usual_grams: Option<Grams>,
    /// How many doses a day you took before cutting down (1–30).
    #[arg(long, value_name = "N")]
    pub doses_a_day: Option<DosesADay>,
    /// Why you used it: pain, anxiety, low-mood, energy (energy or work), opioid-withdrawal or other; repeat for more.
    #[arg(long = "reason", value_name = "REASON")]
    pub reasons: Vec<Reason>,
    /// Another substance: alcohol, opioids, benzodiazepines, stimulants, cannabis, nicotine or other, with :now or :past (default now), e.g. alcohol:past; repeat for more; none for none.
    #[arg(long = "substance", value_name = "NAME[:now|:past]")]
    pub substances: Vec<choices::SubstanceArg>,
    /// A prescribed medicine, e.g. clonidine or "sertraline 50 mg"; repeat for more; none for none.
    #[arg(long = "medicine", value_name = "NAME")]
    pub medicines: Vec<String>,
    /// What you want: stop, cut-down or not-sure.
    #[arg(long, value_name = "GOAL")]
    pub goal: Option<Goal>,
    /// Whether you are pregnant (optional).
    #[arg(long, value_enum)]
    pub pregnant: Option<choices::YesNo>,
    /// Remove an answer: product, used-for, usual-grams, doses-a-day, reason, substance, medicine, goal or pregnant; repeat for more.
    #[arg(long = "clear", value_name = "ANSWER")]
    pub clear: Vec<Field>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// ITEM=RATING pairs, e.g. anxiety=2 (see `easeoff symptoms`).
    #[arg(value_name = "ITEM=RATING")]
    pub ratings: Vec<String>,
    /// The day: YYYY-MM-DD, today, yesterday or -N (N days ago).
    #[arg(long, default_value = "today", allow_hyphen_values = true)]
    pub date: String,
    /// Hours slept last night (0–24).
    #[arg(long, value_name = "HOURS")]
    pub sleep: Option<Hours>,
    /// The day's note (replaces an earlier note of that day).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Put the day's note in the visit summary for your provider.
    #[arg(long)]
    pub for_provider: bool,
    /// An aid taken, with its amount, e.g. "loperamide 4 mg" or "imodium 2 tablets" (repeatable).
    #[arg(long = "aid", value_name = "NAME AMOUNT")]
    pub aids: Vec<String>,
    /// Remove that day's entries of an aid, all of them, e.g. imodium (repeatable).
    #[arg(long = "remove-aid", value_name = "NAME")]
    pub remove_aids: Vec<String>,
    /// Make an item "not recorded" again for that day; `sleep` or `note` removes those (repeatable).
    #[arg(long = "clear", value_name = "ITEM|sleep|note")]
    pub clear: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DoseArgs {
    /// The amount in grams (more than 0, at most 100), or `none` for a day without kratom.
    #[arg(conflicts_with_all = ["list", "undo"], required_unless_present_any = ["list", "undo"], allow_hyphen_values = true)]
    pub grams: Option<choices::DoseAmount>,
    /// When: HH:MM (the most recent), "YYYY-MM-DD HH:MM" or RFC 3339; default now.
    #[arg(long, value_name = "TIME", conflicts_with = "date")]
    pub at: Option<String>,
    /// With `none`: the day without kratom (YYYY-MM-DD, today, yesterday or -N); default today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// What form the kratom was in.
    #[arg(long, value_enum)]
    pub form: Option<choices::FormArg>,
    /// A note kept with this dose, e.g. "new batch".
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// List doses with daily totals.
    #[arg(long, conflicts_with = "undo")]
    pub list: bool,
    /// With --list: how many days back (default 14).
    #[arg(long, requires = "list", value_name = "N")]
    pub days: Option<choices::ListDays>,
    /// Remove the newest dose.
    #[arg(long)]
    pub undo: bool,
}

#[derive(Debug, Subcommand)]
pub enum SymptomsAction {
    /// Add your own item.
    Add {
        /// 1–32 lowercase letters, digits or hyphens, e.g. hot-cold-flashes.
        id: String,
        /// The words shown for it, e.g. "hot and cold flashes" (1–60 characters).
        #[arg(long)]
        label: String,
        /// Which score it counts in.
        #[arg(long, value_enum)]
        kind: choices::KindArg,
    },
    /// Hide an item from rating, or switch an extra item off (past ratings stay).
    Hide {
        /// The item's id, as `easeoff symptoms` lists it (any case).
        #[arg(required_unless_present = "extra")]
        id: Option<String>,
        /// Switch all seven extra items off together.
        #[arg(long, conflicts_with = "id")]
        extra: bool,
    },
    /// Show a hidden item again, or switch an extra item on.
    Show {
        /// The item's id, as `easeoff symptoms` lists it (any case).
        #[arg(required_unless_present = "extra")]
        id: Option<String>,
        /// Switch all seven extra items on together (yawning, gooseflesh, shaking, hot and cold flushes, vomiting, stomach cramps, poor appetite).
        #[arg(long, conflicts_with = "id")]
        extra: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsAction {
    /// The country whose numbers `get-help` and ! in the app show: US, CA, GB, IE, AU, NZ or DE.
    Country {
        /// An ISO country code, e.g. GB (UK works too); without it, shows the current one.
        #[arg(conflicts_with = "clear")]
        code: Option<String>,
        /// Go back to no country: "call your local emergency number" and the US lines.
        #[arg(long)]
        clear: bool,
    },
    /// Your own contact (a sponsor, a clinic), shown first in `get-help` and ! in the app.
    Contact {
        /// A name and a phone number, in quotes, e.g. "Sam (sponsor) 555 0100".
        #[arg(value_name = "NAME PHONE", conflicts_with = "clear")]
        text: Option<String>,
        /// Remove your contact.
        #[arg(long)]
        clear: bool,
    },
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// First day (YYYY-MM-DD, today, yesterday or -N); default 14 days before the last dose.
    #[arg(long, allow_hyphen_values = true)]
    pub from: Option<String>,
    /// Last day; default today.
    #[arg(long, allow_hyphen_values = true)]
    pub to: Option<String>,
    /// text for the screen, markdown, html ready to print, or pdf (one page, made by easeoff itself);
    /// default text, or pdf with --print.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to this file (0600) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Send it to the printer (CUPS `lp`, or `EASEOFF_PRINT_CMD`): the PDF, or the text with --format text; --format html is printed as a PDF made by Chromium.
    #[arg(long)]
    pub print: bool,
    /// Paper for the PDF (default: your locale's, Letter in the US and Canada, A4 elsewhere).
    #[arg(long, value_enum)]
    pub paper: Option<crate::print::Paper>,
    /// Your name, for the top of the page.
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Markdown,
    Html,
    Pdf,
}

#[derive(Debug, Subcommand)]
pub enum PlanAction {
    /// Make a plan: daily targets stepping down to the floor, then 0.
    New {
        /// The daily amount to start from, in grams (default: the usual amount you gave).
        #[arg(long, allow_hyphen_values = true)]
        from: Option<PlanGrams>,
        /// Each step: a share of the current amount (10%) or grams (0.25 or 0.25g).
        #[arg(long, allow_hyphen_values = true)]
        step: choices::Step,
        /// Days between steps.
        #[arg(long, allow_hyphen_values = true)]
        every: Days,
        /// The first day (default today).
        #[arg(long, allow_hyphen_values = true)]
        start: Option<String>,
        /// The last amount before stopping (default: the rounding, 0.25 g).
        #[arg(long, allow_hyphen_values = true)]
        floor: Option<PlanGrams>,
        /// Round targets to this many grams (default 0.25).
        #[arg(long, allow_hyphen_values = true)]
        round: Option<PlanGrams>,
    },
    /// The plan with dates, targets, what you took and the difference.
    Show,
    /// Hold the current step longer, or change the step size from today.
    Adjust {
        /// Stay on the current step this many days longer; later steps move back.
        #[arg(long, conflicts_with = "step", allow_hyphen_values = true)]
        hold: Option<Days>,
        /// The new step from today: a share (10%) or grams (0.25 or 0.25g).
        #[arg(long, allow_hyphen_values = true)]
        step: Option<choices::Step>,
    },
    /// Remove the plan (its history is kept).
    Clear,
}

#[derive(Debug, Subcommand)]
pub enum QuestionAction {
    /// Add a question.
    Add {
        /// The question, in quotes.
        text: String,
    },
    /// List the open questions, numbered.
    List,
    /// Mark open question number N as asked.
    Done {
        /// Its number in `easeoff question list`.
        n: String,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

/// The command line as clap reads it, with what only the running program
/// knows added: the self-check questions in `self-check --help` and
/// `signs --help`.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
        .mut_subcommand("self-check", |c| c.after_help(checks::self_check_help()))
        .mut_subcommand("signs", |c| c.after_help(checks::signs_help()))
}

/// Reads the command line, or prints help or the mistake and exits.
pub fn parse() -> Cli {
    let matches = command().get_matches();
    <Cli as clap::FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Why a command failed; each kind has its own exit code.
#[derive(Debug, Error)]
pub enum CliError {
    /// The journal's refusal, in the command line's words (its flags).
    #[error("{}", input_words::words(.0))]
    Input(#[from] InputError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Other(String),
    /// Whoever read the output stopped reading (`easeoff show | head -1`):
    /// a normal end, not a failure, so it is neither shown nor exit 1.
    #[error("the output was closed before it was all written")]
    OutputClosed,
}

impl CliError {
    /// 0 output closed early, 2 bad input, 3 locked or read-only, 1 anything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::OutputClosed => 0,
            CliError::Input(_) | CliError::Usage(_) => 2,
            CliError::Store(StoreError::Locked { .. } | StoreError::ReadOnly { .. }) => 3,
            CliError::Store(_) | CliError::Other(_) => 1,
        }
    }
}

/// What every command needs: where the journal is and what time it is.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub path: PathBuf,
    pub now: Stamp,
    /// Whether `EASEOFF_NOW` fixed the clock.
    pub fixed: bool,
    /// False when `NO_COLOR` is set.
    pub color: bool,
    /// `EASEOFF_PRINT_CMD`: what printing runs instead of `lp`.
    pub print_cmd: Option<String>,
}

impl Ctx {
    /// Reads `EASEOFF_NOW` (or the clock) and resolves the journal path.
    pub fn from_env(data_file: Option<PathBuf>) -> Result<Self, CliError> {
        let fixed = std::env::var("EASEOFF_NOW").ok();
        let now = match &fixed {
            Some(text) => Stamp::parse_from_rfc3339(text.trim()).map_err(|_| {
                CliError::Usage(format!(
                    "EASEOFF_NOW is '{text}', which is not an RFC 3339 time such as 2026-03-10T09:00:00+01:00"
                ))
            })?,
            None => chrono::Local::now().fixed_offset(),
        };
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let path = match data_file {
            Some(path) => path,
            None => store::default_path()?,
        };
        let print_cmd = std::env::var("EASEOFF_PRINT_CMD").ok().filter(|c| !c.trim().is_empty());
        Ok(Self { path, now, fixed: fixed.is_some(), color, print_cmd })
    }

    /// Opens the full-screen app on the journal at `path`.
    pub fn run_app(&self, path: &std::path::Path) -> Result<(), CliError> {
        let clock = if self.fixed { crate::tui::Clock::Fixed(self.now) } else { crate::tui::Clock::System };
        let mut app = crate::tui::open(path, clock, crate::tui::Theme::new(self.color))?;
        app.model.print_cmd.clone_from(&self.print_cmd);
        app.model.system_paper = report::system_paper(|name| std::env::var(name).ok());
        if cfg!(debug_assertions) {
            // Test builds only: the reliability suite's forced panic.
            app.panic_on = std::env::var("EASEOFF_TEST_PANIC_KEY").ok().and_then(|k| k.chars().next());
        }
        let lost = crate::tui::run(&mut app).map_err(|e| {
            CliError::Other(format!(
                "the terminal could not be used ({e}); the shell commands work without it, e.g. `easeoff status`"
            ))
        })?;
        if lost > 0 {
            let changes = if lost == 1 { "1 change was".to_owned() } else { format!("{lost} changes were") };
            return Err(CliError::Other(format!(
                "{changes} not saved, as you chose when quitting; the journal file holds everything saved before"
            )));
        }
        Ok(())
    }

    /// The journal, read only. It is never dropped: a command ends the
    /// process, and freeing a ten-year journal piece by piece first took
    /// longer than its status takes to work out (1.5 M instructions of 50 M).
    pub fn read(&self) -> Result<&'static Journal, CliError> {
        let (_, journal) = Store::open(&self.path, Access::Read, self.now)?;
        Ok(Box::leak(Box::new(journal)))
    }

    /// The journal, to change and save; never dropped, as [`Self::read`].
    pub fn open_write(&self) -> Result<(Store, &'static mut Journal), CliError> {
        let (store, journal) = Store::open(&self.path, Access::Write, self.now)?;
        if let Some(notice) = store.notice() {
            eprintln!("easeoff: {notice}");
        }
        Ok((store, Box::leak(Box::new(journal))))
    }

    pub fn save(&self, store: &mut Store, journal: &Journal) -> Result<(), CliError> {
        let saved = store.save(journal, self.now)?;
        if let Some(warning) = saved.backup_warning {
            eprintln!("easeoff: saved, but the backup could not be written: {warning}");
        }
        Ok(())
    }
}

/// Runs one command, writing what it has to say to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let Some(command) = cli.command else {
        let ctx = Ctx::from_env(cli.data_file)?;
        if std::io::stdout().is_terminal() {
            return ctx.run_app(&ctx.path);
        }
        // Not a terminal (a pipe, a script): print the status instead.
        let journal = ctx.read()?;
        write_out(out, &crate::status::full(journal, ctx.now))?;
        return write_out(out, "\nRun `easeoff` in a terminal for the full-screen app, or `easeoff --help`.\n");
    };
    if let Command::Completions { shell } = command {
        clap_complete::generate(shell, &mut self::command(), "easeoff", out);
        return Ok(());
    }
    if let Command::GetHelp = command {
        // Before anything that could fail: the help text is shown even when
        // the clock setting or the journal cannot be read.
        return settings::get_help(cli.data_file, out);
    }
    let ctx = Ctx::from_env(cli.data_file)?;
    match command {
        Command::Log(args) => record::log(&ctx, &args, out),
        Command::Dose(args) => record::dose(&ctx, &args, out),
        Command::LastUse { at } => record::last_use(&ctx, at.as_deref(), out),
        Command::Symptoms { action } => record::symptoms(&ctx, action.as_ref(), out),
        Command::About(args) => about::run(&ctx, &args, out),
        Command::SelfCheck { answers, list } => checks::self_check(&ctx, answers.as_deref(), list, out),
        Command::Signs { answers } => checks::signs(&ctx, answers.as_deref(), out),
        Command::Question { action } => record::question(&ctx, action.as_ref(), out),
        Command::Report(args) => report::run(&ctx, &args, out),
        Command::Plan { action } => plan::run(&ctx, action.as_ref(), out),
        Command::Status { short } => {
            let journal = ctx.read()?;
            if short {
                write_out(out, &format!("{}\n", crate::status::short(journal, ctx.now)))
            } else {
                write_out(out, &crate::status::full(journal, ctx.now))
            }
        }
        Command::Show { from, to } => {
            let journal = ctx.read()?;
            let to = to
                .as_deref()
                .map(|t| crate::dates::parse_bound(t, ctx.now))
                .transpose()?
                .unwrap_or(ctx.now.date_naive());
            let from = match from {
                Some(f) => crate::dates::parse_bound(&f, ctx.now)?,
                None => to - chrono::Duration::days(13),
            };
            if from > to {
                return Err(CliError::Usage(format!("--from {from} is after --to {to}: give the earlier day first")));
            }
            let later =
                crate::status::doses_after_line(journal, ctx.now).map(|l| format!("\n{l}\n")).unwrap_or_default();
            write_out(out, &format!("{}{later}", crate::table::render(journal, ctx.now, from, to)))
        }
        Command::Export { format, out: file } => files::export(&ctx, format, file.as_deref(), out),
        Command::Import { file } => files::import(&ctx, &file, out),
        Command::Demo { write, days, seed } => files::demo(&ctx, write.as_deref(), days, seed, out),
        Command::Check => files::check(&ctx, out),
        Command::Restore { backup, start_empty } => files::restore(&ctx, backup.as_deref(), start_empty, out),
        Command::Settings { action } => settings::run(&ctx, action.as_ref(), out),
        Command::Path => write_out(out, &format!("{}\n", ctx.path.display())),
        Command::Completions { .. } | Command::GetHelp => Ok(()),
    }
}

pub(crate) fn write_out(out: &mut dyn Write, text: &str) -> Result<(), CliError> {
    write_bytes(out, text.as_bytes())
}

/// Writes to standard output; a reader that has gone away ends the command
/// quietly ([`CliError::OutputClosed`]) rather than as a failure.
pub(crate) fn write_bytes(out: &mut dyn Write, bytes: &[u8]) -> Result<(), CliError> {
    out.write_all(bytes).map_err(|e| output_error(&e))
}

/// What a failed write to standard output means.
pub fn output_error(e: &std::io::Error) -> CliError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        CliError::OutputClosed
    } else {
        CliError::Other(format!("could not write the output: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument of every command, with the path of commands to it.
    fn arguments(cmd: &clap::Command, path: &str, found: &mut Vec<(String, String, bool)>) {
        for arg in cmd.get_arguments() {
            found.push((path.to_owned(), arg.get_id().to_string(), arg.get_help().is_some()));
        }
        for sub in cmd.get_subcommands() {
            arguments(sub, &format!("{path} {}", sub.get_name()), found);
        }
    }

    #[test]
    fn every_argument_of_every_command_says_what_it_is() {
        let mut found = Vec::new();
        arguments(&command(), "easeoff", &mut found);
        assert!(found.len() > 50, "the walk reached the subcommands: {}", found.len());
        assert!(found.iter().any(|(path, id, _)| path == "easeoff dose" && id == "form"));
        let missing: Vec<String> =
            found.iter().filter(|(_, _, help)| !help).map(|(path, id, _)| format!("{path} {id}")).collect();
        assert!(missing.is_empty(), "arguments without a description: {missing:?}");
    }

    #[test]
    fn the_signs_help_lists_every_question_in_order() {
        let mut cmd = command();
        let help = cmd.find_subcommand_mut("signs").unwrap().render_help().to_string();
        let mut from = 0;
        for (i, q) in crate::journal::catalog::signs().iter().enumerate() {
            let line = format!("{}. {}", i + 1, q.question);
            let at = help[from..].find(&line).unwrap_or_else(|| panic!("'{line}' after byte {from} in:\n{help}"));
            from += at + line.len();
        }
    }
}
