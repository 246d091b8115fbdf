//! The summary as plain text within 80 columns: for the terminal, the app's
//! Summary screen, and printing on any printer.

use super::{Summary, chart};
use crate::journal::Kind;

const WIDTH: usize = 80;

/// Lines wrapped to 80 columns with an indent.
fn wrapped(text: &str, indent: &str) -> Vec<String> {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options).into_iter().map(std::borrow::Cow::into_owned).collect()
}

/// A "Heading: answer" line whose continuation is indented further.
fn wrapped_hanging(text: &str) -> Vec<String> {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent("  ")
        .subsequent_indent("    ")
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options).into_iter().map(std::borrow::Cow::into_owned).collect()
}

fn bullet(text: &str) -> Vec<String> {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent("  - ")
        .subsequent_indent("    ")
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options).into_iter().map(std::borrow::Cow::into_owned).collect()
}

pub fn render(s: &Summary) -> String {
    let mut out: Vec<String> = vec![Summary::TITLE.to_owned()];
    let [(name, who), (born, blank)] = s.identity();
    out.push(format!("{name}: {who}   {born}: {blank}"));
    out.extend(wrapped(&format!("Period: {}. {}", s.period(), s.made_line()), ""));

    // The safety box, first on the page, framed so it cannot be missed.
    out.push("=".repeat(WIDTH));
    if s.attention.is_empty() {
        out.push("FOR ATTENTION: none in this period.".to_owned());
    } else {
        out.push("FOR ATTENTION".to_owned());
        for line in s.attention_lines() {
            out.extend(bullet(&line));
        }
    }
    out.push("=".repeat(WIDTH));

    out.push(String::new());
    out.push("STATUS".to_owned());
    for line in s.status_lines() {
        out.extend(wrapped(&line, "  "));
    }

    out.push(String::new());
    out.push("HISTORY (as reported)".to_owned());
    for (heading, answer) in s.reported_history() {
        out.extend(wrapped_hanging(&format!("{heading}: {answer}")));
    }

    out.push(String::new());
    out.push("COURSE (daily scores, 0 none to 4 extreme)".to_owned());
    out.extend(chart::render(&s.chart));

    out.push(String::new());
    out.push("KEY POINTS".to_owned());
    for point in &s.key_points {
        out.extend(bullet(point));
    }

    items(&mut out, s);
    aids_and_doses(&mut out, s);
    person(&mut out, s);
    out.push(String::new());
    out.push("-".repeat(WIDTH));
    for line in s.footer() {
        out.extend(wrapped(&line, ""));
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn items(out: &mut Vec<String>, s: &Summary) {
    out.push(String::new());
    out.push("SYMPTOMS: physical, then psychological".to_owned());
    if s.items.is_empty() {
        out.push("  No symptoms were rated in this period.".to_owned());
    } else {
        let [item, peak, on, week, latest] = Summary::ITEM_HEAD;
        out.push(format!("  {item:<34} {:<5} {peak:>4}  {on:<8} {week:>11} {latest:>6}", "kind"));
        for row in &s.items {
            let kind = match row.kind {
                Kind::Physical => "phys",
                Kind::Psychological => "psych",
            };
            let label: String = row.label.chars().take(34).collect();
            let [peak, on, week, latest] = Summary::item_numbers(row);
            out.push(format!("  {label:<34} {kind:<5} {peak:>4}  {on:<8} {week:>11} {latest:>6}"));
        }
        out.extend(wrapped(&format!("({})", Summary::ITEM_KEY), "  "));
    }
    if s.items_not_rated > 0 {
        out.push(format!("  Not rated in this period: {}.", crate::status::plural(s.items_not_rated, "other item")));
    }

    out.push(String::new());
    out.extend(wrapped(&s.sleep_line(), ""));
}

fn aids_and_doses(out: &mut Vec<String>, s: &Summary) {
    out.push(String::new());
    out.push("AIDS TAKEN".to_owned());
    if s.aids.is_empty() {
        out.push("  None recorded.".to_owned());
    }
    for aid in &s.aids {
        out.extend(wrapped(
            &format!("{}: {} — {}", aid.name, crate::status::plural(aid.days, "day"), Summary::aid_amounts(aid)),
            "  ",
        ));
    }

    out.push(String::new());
    out.push("DOSES (kratom, daily totals)".to_owned());
    for row in &s.dose_rows {
        let (range, taken, per_day) = Summary::dose_row(row);
        out.push(format!("  {range:<16} {taken:<24} {per_day}").trim_end().to_owned());
    }
    if let Some(line) = s.forms_line() {
        out.extend(wrapped(&line, "  "));
    }
    if let Some(line) = s.last_dose_line() {
        out.push(format!("  {line}"));
    }
    if !s.step_effects.is_empty() {
        out.push("  Scores around each step (mean of 3 days before → 3 days after):".to_owned());
        for line in s.step_lines() {
            out.extend(bullet(&line));
        }
    }
    for line in s.plan_line().into_iter().chain(s.history_lines()) {
        out.extend(wrapped(&line, "  "));
    }
}

fn person(out: &mut Vec<String>, s: &Summary) {
    out.push(String::new());
    out.push("SELF-CHECK about the past 12 months".to_owned());
    for line in s.check_lines() {
        out.extend(wrapped_hanging(&line));
    }
    out.push(String::new());
    out.push(Summary::PERSON_HEADING.to_uppercase());
    if s.questions.is_empty() {
        out.push("  Questions for this visit: none.".to_owned());
    } else {
        out.push("  Questions for this visit:".to_owned());
        for (i, q) in s.questions.iter().enumerate() {
            let options = textwrap::Options::new(WIDTH).initial_indent("  ").subsequent_indent("      ");
            let text = format!("{:>2}. {}", i + 1, q.replace('\n', " "));
            out.extend(textwrap::wrap(&text, options).into_iter().map(std::borrow::Cow::into_owned));
        }
    }
    if s.notes.is_empty() {
        out.push("  Notes for the provider: none.".to_owned());
    } else {
        out.push("  Notes for the provider:".to_owned());
        for (date, text) in &s.notes {
            out.extend(bullet(&format!("{}: {}", date.format("%-d %b"), text.replace('\n', " "))));
        }
    }
}
