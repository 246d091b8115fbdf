//! The yes/no self-checks on the command line: `self-check` (eleven
//! questions about the past 12 months) asks one question at a time on a
//! terminal, or takes every answer at once with `--answers`; `self-check
//! --list` shows every check of both kinds for what it was. `signs` (the
//! earlier seven present-tense questions) no longer records: two checks
//! side by side would compete, and the eleven questions take in its seven.
//! It shows the earlier answers, read-only, and refuses new ones, naming
//! `self-check`.

use std::io::{BufRead, IsTerminal, Write};

use super::{CliError, Ctx, write_out};
use crate::journal::criteria::{self, CheckKind, CheckView};
use crate::journal::{Journal, catalog};

/// An example of `--answers` for the eleven questions.
const EXAMPLE: &str = "ynnyynnnnyy";

/// Why `signs --answers` is refused, and where to go instead.
const SIGNS_RETIRED: &str = "the earlier seven-question check no longer records answers: \
     `easeoff self-check` asks the eleven questions about the past 12 months that replace it \
     (they take in these seven). Nothing was saved. Your earlier answers stay in the journal: \
     `easeoff signs` shows them.";

fn questions() -> Vec<&'static str> {
    criteria::questions().iter().map(|q| q.question.as_str()).collect()
}

/// `easeoff self-check`: the eleven questions about the past 12 months.
pub fn self_check(ctx: &Ctx, answers: Option<&str>, list: bool, out: &mut dyn Write) -> Result<(), CliError> {
    if list {
        return write_out(out, &checks_list(ctx.read()?));
    }
    let questions = questions();
    let (mut store, journal) = ctx.open_write()?;
    let answers: Vec<bool> = match answers {
        Some(text) => parse_answers(text)?,
        None if std::io::stdin().is_terminal() => {
            write_out(out, &format!("Think of {}.\n", criteria::period()))?;
            ask(&questions, out)?
        }
        None => {
            return Err(CliError::Usage(format!(
                "standard input is not a terminal: give the {} answers with --answers, one y or n per question in this order:\n{}",
                questions.len(),
                numbered(&questions).trim_end()
            )));
        }
    };
    journal.record_criteria(&answers, ctx.now)?;
    ctx.save(&mut store, journal)?;
    let yes = answers.iter().filter(|a| **a).count();
    write_out(
        out,
        &format!(
            "Saved your self-check about {} of {}: {yes} of {} answered yes. \
             This is for you and your provider to talk about; it is not a diagnosis.\n",
            criteria::period(),
            ctx.now.format("%Y-%m-%d"),
            answers.len()
        ),
    )
}

/// `easeoff signs`: the earlier seven-question checks, read-only; new
/// answers are refused with the way to the eleven questions.
pub fn signs(ctx: &Ctx, answers: Option<&str>, out: &mut dyn Write) -> Result<(), CliError> {
    if answers.is_some() {
        return Err(CliError::Usage(SIGNS_RETIRED.to_owned()));
    }
    let journal = ctx.read()?;
    let earlier: Vec<CheckView> = journal.all_checks().into_iter().filter(|c| c.kind == CheckKind::Signs).collect();
    let mut text = String::new();
    if earlier.is_empty() {
        text.push_str("No answers to the earlier seven-question check.\n");
    } else {
        for check in &earlier {
            text.push_str(&check_text(check));
        }
        text.push_str("As reported by you; not a diagnosis.\n");
    }
    text.push_str(
        "This check no longer records answers: `easeoff self-check` asks the eleven questions about the past 12 months.\n",
    );
    write_out(out, &text)
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

fn parse_answers(text: &str) -> Result<Vec<bool>, CliError> {
    let questions = questions();
    let given: Vec<char> = text.trim().chars().collect();
    let answers: Result<Vec<bool>, (usize, char)> = given
        .iter()
        .enumerate()
        .map(|(i, &c)| match c.to_ascii_lowercase() {
            'y' => Ok(true),
            'n' => Ok(false),
            _ => Err((i + 1, c)),
        })
        .collect();
    // Say what is wrong: a letter that is not an answer, or how many there were.
    let wrong = match answers {
        Ok(answers) if answers.len() == questions.len() => return Ok(answers),
        Ok(answers) => format!("'{text}' is {} answers, not {}", answers.len(), questions.len()),
        Err((at, c)) => format!("'{c}' (answer {at} of '{text}') is not y or n"),
    };
    Err(CliError::Usage(format!(
        "{wrong}: give one y or n per question, in this order, e.g. --answers {EXAMPLE}\n{}",
        numbered(&questions).trim_end()
    )))
}

/// Questions, numbered in the order their answers are given.
fn numbered(questions: &[&str]) -> String {
    let mut list = String::new();
    for (i, q) in questions.iter().enumerate() {
        list.push_str(&format!("  {}. {q}\n", i + 1));
    }
    list
}

/// The text after `self-check --help`: its questions in order and an
/// example.
pub(crate) fn self_check_help() -> String {
    format!(
        "The questions are about {}, in the order of the answers:\n{}\nExample: easeoff self-check --answers {EXAMPLE}\n  \
         easeoff self-check --list   (every check, with the earlier 7-question ones)\n\
         As reported by you; easeoff counts the yes answers and never names a diagnosis.",
        criteria::period(),
        numbered(&questions())
    )
}

/// The text after `signs --help`: what it shows now, and the questions its
/// earlier answers were to.
pub(crate) fn signs_help() -> String {
    let earlier: Vec<&str> = catalog::signs().iter().map(|q| q.question.as_str()).collect();
    format!(
        "Shows your earlier answers to this check, read-only; it no longer records new ones.\n\
         `easeoff self-check` asks the eleven questions about the past 12 months that replace it.\n\
         Its questions were, in the present tense:\n{}\n\
         Examples:\n  easeoff signs        (your earlier answers)\n  easeoff self-check   (the eleven questions)",
        numbered(&earlier).trim_end()
    )
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
