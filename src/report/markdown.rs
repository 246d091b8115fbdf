//! The summary as Markdown, for pasting into a message or a patient portal.
//! The chart is the text chart in a code block. The person's own words are
//! escaped so they show as written.

use super::{Summary, chart};
use crate::journal::Kind;

/// Escapes Markdown's special characters in the person's own text.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>()#+-.!|~".contains(c) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

pub fn render(s: &Summary) -> String {
    let mut out: Vec<String> = vec![format!("# {}", Summary::TITLE), String::new()];
    let [(name, who), (born, blank)] = s.identity();
    out.push(format!("**{name}:** {} · **{born}:** {}  ", esc(&who), esc(&blank)));
    out.push(format!("**Period:** {}. {}", s.period(), s.made_line()));

    out.push(String::new());
    if s.attention.is_empty() {
        out.push("> **For attention:** none in this period.".to_owned());
    } else {
        out.push("> **For attention**".to_owned());
        out.push(">".to_owned());
        out.extend(s.attention_lines().into_iter().map(|l| format!("> - {}", esc(&l))));
    }

    out.push(String::new());
    out.push("## Status".to_owned());
    out.push(String::new());
    out.extend(s.status_lines().into_iter().map(|l| format!("- {l}")));

    out.push(String::new());
    out.push(format!("## {}", Summary::HISTORY_HEADING));
    out.push(String::new());
    out.extend(s.reported_history().into_iter().map(|(h, a)| format!("- **{h}:** {}", esc_light(&a))));

    out.push(String::new());
    out.push("## Course (daily scores, 0 none to 4 extreme)".to_owned());
    out.push(String::new());
    out.push("```text".to_owned());
    out.extend(chart::render(&s.chart));
    out.push("```".to_owned());

    out.push(String::new());
    out.push("## Key points".to_owned());
    out.push(String::new());
    out.extend(s.key_points.iter().map(|p| format!("- {p}")));

    items(&mut out, s);
    aids_and_doses(&mut out, s);
    person(&mut out, s);
    out.push(String::new());
    out.push("---".to_owned());
    out.push(String::new());
    for line in s.footer() {
        out.push(format!("{line}  "));
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn items(out: &mut Vec<String>, s: &Summary) {
    out.push(String::new());
    out.push("## Symptoms: physical, then psychological".to_owned());
    out.push(String::new());
    if s.items.is_empty() {
        out.push("No symptoms were rated in this period.".to_owned());
    } else {
        let [item, peak, on, week, latest] = Summary::ITEM_HEAD;
        out.push(format!("| {item} | kind | {peak} | {on} | {week} | {latest} |"));
        out.push("|---|---|---:|---|---:|---:|".to_owned());
        for row in &s.items {
            let kind = match row.kind {
                Kind::Physical => "physical",
                Kind::Psychological => "psychological",
            };
            let [peak, on, week, latest] = Summary::item_numbers(row);
            out.push(format!("| {} | {kind} | {peak} | {on} | {week} | {latest} |", esc(&row.label)));
        }
        out.push(String::new());
        out.push(format!("{}.", Summary::ITEM_KEY));
    }
    if s.items_not_rated > 0 {
        out.push(String::new());
        out.push(format!("Not rated in this period: {}.", crate::status::plural(s.items_not_rated, "other item")));
    }

    out.push(String::new());
    out.push("## Sleep".to_owned());
    out.push(String::new());
    out.push(s.sleep_line());
}

fn aids_and_doses(out: &mut Vec<String>, s: &Summary) {
    out.push(String::new());
    out.push("## Aids taken".to_owned());
    out.push(String::new());
    if s.aids.is_empty() {
        out.push("None recorded.".to_owned());
    } else {
        out.push("| aid | days | amounts |".to_owned());
        out.push("|---|---:|---|".to_owned());
        for aid in &s.aids {
            out.push(format!("| {} | {} | {} |", esc(&aid.name), aid.days, Summary::aid_amounts(aid)));
        }
    }

    out.push(String::new());
    out.push("## Doses (kratom, daily totals)".to_owned());
    out.push(String::new());
    out.push(format!("| {} |", Summary::DOSE_HEAD.join(" | ")));
    out.push("|---|---:|---:|".to_owned());
    for row in &s.dose_rows {
        let (range, taken, per_day) = Summary::dose_row(row);
        out.push(format!("| {range} | {taken} | {per_day} |"));
    }
    if let Some(line) = s.forms_line() {
        out.push(String::new());
        out.push(esc_light(&line));
    }
    if let Some(line) = s.last_dose_line() {
        out.push(String::new());
        out.push(line);
    }
    if !s.step_effects.is_empty() {
        out.push(String::new());
        out.push("Scores around each step (mean of 3 days before → 3 days after):".to_owned());
        out.push(String::new());
        out.extend(s.step_lines().into_iter().map(|l| format!("- {l}")));
    }
    for line in s.plan_line().into_iter().chain(s.history_lines()) {
        out.push(String::new());
        out.push(line);
    }
}

fn person(out: &mut Vec<String>, s: &Summary) {
    out.push(String::new());
    out.push(format!("## {}", Summary::CHECKS_HEADING));
    out.push(String::new());
    out.extend(s.check_lines().into_iter().map(|l| format!("- {}", esc_light(&l))));
    out.push(String::new());
    out.push(format!("## {}", Summary::PERSON_HEADING));
    out.push(String::new());
    if s.questions.is_empty() {
        out.push("Questions for this visit: none.".to_owned());
    } else {
        out.push("Questions for this visit:".to_owned());
        out.push(String::new());
        out.extend(s.questions.iter().enumerate().map(|(i, q)| format!("{}. {}", i + 1, esc(q))));
    }
    out.push(String::new());
    if s.notes.is_empty() {
        out.push("Notes for the provider: none.".to_owned());
    } else {
        out.push("Notes for the provider:".to_owned());
        out.push(String::new());
        out.extend(s.notes.iter().map(|(d, t)| format!("- {}: {}", d.format("%-d %b"), esc(t))));
    }
}

/// Our own sentences only need the characters that would start markup.
fn esc_light(text: &str) -> String {
    text.replace('*', "\\*").replace('_', "\\_")
}
