//! The yes/no self-checks on the command line: `self-check` (eleven
//! questions about the past 12 months) and `signs` (the earlier seven
//! present-tense questions, kept so journals that use them go on working).
//! Both ask one question at a time on a terminal, or take every answer at
//! once with `--answers`; `self-check --list` shows every check of both
//! kinds for what it was.

use std::io::{BufRead, IsTerminal, Write};

use super::{CliError, Ctx, write_out};
use crate::journal::criteria::{self, CheckView};
use crate::journal::{Journal, Stamp, catalog};

/// Which check a command asks.
#[derive(Clone, Copy)]
enum Which {
    PastYear,
    Signs,
}

impl Which {
    fn questions(self) -> Vec<&'static str> {
        match self {
            Which::PastYear => criteria::questions().iter().map(|q| q.question.as_str()).collect(),
            Which::Signs => catalog::signs().iter().map(|q| q.question.as_str()).collect(),
        }
    }

    fn example(self) -> &'static str {
        match self {
            Which::PastYear => "ynnyynnnnyy",
            Which::Signs => "yynnyny",
        }
    }

    fn command(self) -> &'static str {
        match self {
            Which::PastYear => "self-check",
            Which::Signs => "signs",
        }
    }

    fn record(self, journal: &mut Journal, answers: &[bool], now: Stamp) -> Result<(), CliError> {
        match self {
            Which::PastYear => journal.record_criteria(answers, now)?,
            Which::Signs => journal.record_signs(answers, now)?,
        }
        Ok(())
    }
}

/// `easeoff self-check`: the eleven questions about the past 12 months.
pub fn self_check(ctx: &Ctx, answers: Option<&str>, list: bool, out: &mut dyn Write) -> Result<(), CliError> {
    if list {
        return write_out(out, &checks_list(&ctx.read()?));
    }
    run(ctx, Which::PastYear, answers, out)
}

/// `easeoff signs`: the earlier seven-question check.
pub fn signs(ctx: &Ctx, answers: Option<&str>, out: &mut dyn Write) -> Result<(), CliError> {
    run(ctx, Which::Signs, answers, out)
}

fn run(ctx: &Ctx, which: Which, answers: Option<&str>, out: &mut dyn Write) -> Result<(), CliError> {
    let questions = which.questions();
    let (mut store, mut journal) = ctx.open_write()?;
    let answers: Vec<bool> = match answers {
        Some(text) => parse_answers(which, text)?,
        None if std::io::stdin().is_terminal() => {
            if let Which::PastYear = which {
                write_out(out, &format!("Think of {}.\n", criteria::period()))?;
            }
            ask(&questions, out)?
        }
        None => {
            return Err(CliError::Usage(format!(
                "standard input is not a terminal: give the {} answers with --answers, one y or n per question in this order:\n{}",
                questions.len(),
                numbered(which).trim_end()
            )));
        }
    };
    which.record(&mut journal, &answers, ctx.now)?;
    ctx.save(&mut store, &journal)?;
    let yes = answers.iter().filter(|a| **a).count();
    let about = match which {
        Which::PastYear => format!(" about {}", criteria::period()),
        Which::Signs => String::new(),
    };
    write_out(
        out,
        &format!(
            "Saved your self-check{about} of {}: {yes} of {} answered yes. \
             This is for you and your provider to talk about; it is not a diagnosis.\n",
            ctx.now.format("%Y-%m-%d"),
            answers.len()
        ),
    )
}

/// Every check in the journal, oldest first, each said for what it was.
fn checks_list(journal: &Journal) -> String {
    let checks = journal.all_checks();
    if checks.is_empty() {
        return "No self-checks yet. `easeoff self-check` asks the eleven questions about the past 12 months.\n"
            .to_owned();
    }
    let mut text = String::new();
    for check in &checks {
        text.push_str(&check_text(check));
    }
    text.push_str("As reported by you; not a diagnosis.\n");
    text
}

fn check_text(check: &CheckView) -> String {
    let yes = if check.yes.is_empty() { "none".to_owned() } else { check.yes.join("; ") };
    format!("{} ({}): {}.\n  Yes: {yes}.\n", check.at.format("%Y-%m-%d %H:%M"), check.kind.words(), check.count_words())
}

fn parse_answers(which: Which, text: &str) -> Result<Vec<bool>, CliError> {
    let count = which.questions().len();
    let answers: Option<Vec<bool>> = text
        .trim()
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            'y' => Some(true),
            'n' => Some(false),
            _ => None,
        })
        .collect();
    answers.filter(|a| a.len() == count).ok_or_else(|| {
        CliError::Usage(format!(
            "'{text}' is not {count} answers: give one y or n per question, in this order, e.g. --answers {}\n{}",
            which.example(),
            numbered(which).trim_end()
        ))
    })
}

/// The questions of a check, numbered in the order their answers are given.
fn numbered(which: Which) -> String {
    let mut list = String::new();
    for (i, q) in which.questions().iter().enumerate() {
        list.push_str(&format!("  {}. {q}\n", i + 1));
    }
    list
}

/// The text after a check's `--help`: its questions in order and an example.
pub(crate) fn help(self_check: bool) -> String {
    let which = if self_check { Which::PastYear } else { Which::Signs };
    let intro = match which {
        Which::PastYear => format!("The questions are about {}, in the order of the answers:", criteria::period()),
        Which::Signs => "The questions, in the order of the answers:".to_owned(),
    };
    let more = match which {
        Which::PastYear => {
            "\n  easeoff self-check --list   (every check, with the earlier 7-question ones)\n\
             As reported by you; easeoff counts the yes answers and never names a diagnosis."
        }
        Which::Signs => {
            "\nThis earlier check is kept for journals that use it; `easeoff self-check` asks the eleven questions that replace it."
        }
    };
    format!("{intro}\n{}\nExample: easeoff {} --answers {}{more}", numbered(which), which.command(), which.example())
}

fn ask(questions: &[&str], out: &mut dyn Write) -> Result<Vec<bool>, CliError> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut answers = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        loop {
            write_out(out, &format!("{}/{} {q} [y/n] ", i + 1, questions.len()))?;
            let _ = out.flush();
            let line = lines
                .next()
                .transpose()
                .map_err(|e| CliError::Other(format!("could not read the answer: {e}")))?
                .ok_or_else(|| CliError::Usage("the self-check was not finished; nothing was saved".into()))?;
            match line.trim().to_ascii_lowercase().as_str() {
                "y" | "yes" => answers.push(true),
                "n" | "no" => answers.push(false),
                _ => {
                    write_out(out, "Please answer y or n.\n")?;
                    continue;
                }
            }
            break;
        }
    }
    Ok(answers)
}
