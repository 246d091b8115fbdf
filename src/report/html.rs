//! The summary as one self-contained, print-ready HTML page: no network, no
//! external fonts, scripts or images; the chart is inline SVG; the styles
//! print on Letter and A4 and read in black and white (lines differ by dash
//! and marker, bands by fill, not by colour alone).

use std::fmt::Write;

use super::{PAGE, Part, Summary};

const STYLE: &str = include_str!("../../assets/report.css");

/// Escapes the person's own text for HTML.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn render(s: &Summary) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Withdrawal symptom summary, {}</title>\n<style>\n{STYLE}{}</style>\n</head>\n<body>\n<main>\n",
        esc(&s.period()),
        print_pages(s)
    );
    let _ = write!(h, "<header>\n<h1>{}</h1>\n<p class=\"meta\">", esc(Summary::TITLE));
    for (label, value) in s.identity() {
        let _ = write!(h, "{label}: <strong>{}</strong> · ", esc(&value));
    }
    let _ = write!(h, "Period: {} · {}</p>\n</header>\n", esc(&s.period()), esc(&s.made_line()));

    let parts = |h: &mut String, parts: &[Part]| parts.iter().for_each(|p| render_part(h, s, *p));
    parts(&mut h, PAGE.top);
    h.push_str("<div class=\"columns\">\n<div>\n");
    parts(&mut h, PAGE.left);
    h.push_str("</div>\n");
    parts(&mut h, PAGE.right);
    h.push_str("</div>\n");
    parts(&mut h, PAGE.bottom);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// A string in CSS, quoted and escaped.
fn css_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"").replace('<', "\\3c "))
}

/// When the summary prints on more than one page: a header on every page
/// after the first ("… page 2 (continued) · Period: …") and, at the foot of
/// page 1, "continued on page 2". Page margin boxes, so the browser that
/// breaks the pages also marks them; the foot of page 1 counts the pages
/// through a counter style that says nothing for a single page.
fn print_pages(s: &Summary) -> String {
    let (before, after) = s.continued_parts();
    let font = "font: 600 7.2pt system-ui, \"DejaVu Sans\", Arial, sans-serif; color: #222;";
    format!(
        "@counter-style easeoff-one-page {{ system: fixed; symbols: \"\"; fallback: easeoff-more-pages; }}\n\
         @counter-style easeoff-more-pages {{ system: cyclic; symbols: {}; }}\n\
         @page {{ @top-left {{ content: {} counter(page) {}; {font} }} }}\n\
         @page :first {{ @top-left {{ content: none; }} @bottom-right {{ content: counter(pages, easeoff-one-page); {font} }} }}\n",
        css_string(&Summary::continued_on(2)),
        css_string(&before),
        css_string(&after),
    )
}

fn render_part(h: &mut String, s: &Summary, part: Part) {
    match part {
        Part::Attention => render_attention(h, s),
        Part::Status => render_status(h, s),
        Part::Course => render_course(h, s),
        Part::KeyPoints => render_points(h, s),
        Part::History => render_history(h, s),
        Part::Symptoms => render_symptoms(h, s),
        Part::Checks => render_checks(h, s),
        Part::Questions => render_questions(h, s),
        Part::Notes => render_notes(h, s),
        Part::Side => render_side(h, s),
        Part::Footer => render_footer(h, s),
    }
}

fn render_footer(h: &mut String, s: &Summary) {
    h.push_str("<footer>\n");
    for line in s.footer() {
        let _ = writeln!(h, "<p>{}</p>", esc(&line));
    }
    h.push_str("</footer>\n");
}

/// The safety box at the very top of page one, framed and bold in black
/// and white; "none" is said too, so its absence is never a question.
fn render_attention(h: &mut String, s: &Summary) {
    if s.attention.is_empty() {
        h.push_str(
            "<section class=\"attention none\"><p><strong>For attention:</strong> none in this period.</p></section>\n",
        );
        return;
    }
    h.push_str("<section class=\"attention\"><h2>For attention</h2>\n<ul>\n");
    for line in s.attention_lines() {
        let _ = writeln!(h, "<li>{}</li>", esc(&line));
    }
    h.push_str("</ul>\n</section>\n");
}

fn render_status(h: &mut String, s: &Summary) {
    h.push_str("<section class=\"status\">\n<ul>\n");
    for line in s.status_lines() {
        let _ = writeln!(h, "<li>{}</li>", esc(&line));
    }
    h.push_str("</ul>\n</section>\n");
}

/// The history as one compact paragraph of "heading: answer" pairs.
fn render_history(h: &mut String, s: &Summary) {
    // Its name leads the paragraph instead of a heading line: the page is full.
    let _ = write!(h, "<section class=\"history\">\n<p><strong class=\"lead\">{}:</strong> ", Summary::HISTORY_HEADING);
    let pairs: Vec<String> =
        s.reported_history().iter().map(|(q, a)| format!("<strong>{}:</strong> {}.", esc(q), esc(a))).collect();
    h.push_str(&pairs.join(" "));
    h.push_str("</p>\n</section>\n");
}

fn render_checks(h: &mut String, s: &Summary) {
    let _ = writeln!(h, "<section class=\"checks\">\n<h2>{}</h2>\n<ul>", Summary::CHECKS_HEADING);
    for line in s.check_lines() {
        let _ = writeln!(h, "<li>{}</li>", esc(&line));
    }
    h.push_str("</ul>\n</section>\n");
}

fn render_course(h: &mut String, s: &Summary) {
    h.push_str("<section class=\"chart\">\n<h2>Course: daily scores, 0 none to 4 extreme</h2>\n");
    h.push_str(&super::svg::render(&s.chart));
    h.push_str("</section>\n");
}

fn render_points(h: &mut String, s: &Summary) {
    h.push_str("<section class=\"points\">\n<h2>Key points</h2>\n<ul>\n");
    for p in &s.key_points {
        let _ = writeln!(h, "<li>{}</li>", esc(p));
    }
    h.push_str("</ul>\n</section>\n");
}

fn render_symptoms(h: &mut String, s: &Summary) {
    h.push_str("<section class=\"items\">\n<h2>Symptoms: peak and now</h2>\n");
    if s.items.is_empty() {
        h.push_str("<p>No symptoms were rated in this period.</p>\n");
    } else {
        let _ = writeln!(h, "<table>\n<thead><tr>{}</tr></thead>\n<tbody>", head_cells(&Summary::ITEM_HEAD));
        for row in &s.items {
            let [peak, on, week, latest] = Summary::item_numbers(row);
            let _ = writeln!(
                h,
                "<tr><td><span class=\"kind\">{}</span> {}</td><td>{peak}</td><td>{on}</td><td>{week}</td><td>{latest}</td></tr>",
                Summary::kind_mark(row.kind),
                esc(&row.label),
            );
        }
        let _ = write!(h, "</tbody>\n</table>\n<p class=\"small\">{}", esc(&s.items_legend()));
        h.push_str("</p>\n");
    }
    h.push_str("</section>\n");
}

fn render_side(h: &mut String, s: &Summary) {
    h.push_str("<section class=\"side\">\n");
    h.push_str("<h2>Aids taken</h2>\n");
    if s.aids.is_empty() {
        h.push_str("<p>None recorded.</p>\n");
    } else {
        let _ = writeln!(h, "<table>\n<thead><tr>{}</tr></thead>\n<tbody>", head_cells(&Summary::AID_HEAD));
        for aid in &s.aids {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&aid.name),
                aid.days,
                esc(&Summary::aid_amounts(aid))
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("<h2>Doses (kratom, daily totals)</h2>\n");
    let _ = writeln!(h, "<table>\n<thead><tr>{}</tr></thead>\n<tbody>", head_cells(&Summary::DOSE_HEAD));
    for row in &s.dose_rows {
        let (range, taken, per_day) = Summary::dose_row(row);
        let _ = writeln!(h, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", esc(&range), esc(&taken), esc(&per_day));
    }
    h.push_str("</tbody>\n</table>\n");
    if let Some(line) = s.forms_line() {
        let _ = writeln!(h, "<p class=\"small forms\">{}</p>", esc(&line));
    }
    if !s.step_effects.is_empty() {
        h.push_str("<p class=\"small\">Scores around each step (3 days before → after):<br>");
        let lines: Vec<String> = s.step_lines().iter().map(|l| esc(l)).collect();
        h.push_str(&lines.join("<br>"));
        h.push_str("</p>\n");
    }
    for line in s.plan_line().into_iter().chain(s.history_lines()) {
        let _ = writeln!(h, "<p class=\"small\">{}</p>", esc(&line));
    }
    let _ = writeln!(h, "<p>{}</p>", esc(&s.sleep_line()));
    h.push_str("</section>\n");
}

fn head_cells(head: &[&str]) -> String {
    head.iter().fold(String::new(), |mut row, c| {
        let _ = write!(row, "<th>{c}</th>");
        row
    })
}

/// The person's questions, numbered, in one paragraph led by its name
/// (as the history is): short questions would leave most of a line empty.
fn render_questions(h: &mut String, s: &Summary) {
    let _ =
        write!(h, "<section class=\"questions\">\n<p><strong class=\"lead\">{}:</strong>", Summary::QUESTIONS_HEADING);
    if s.questions.is_empty() {
        h.push_str(" none.");
    }
    for (i, q) in s.questions.iter().enumerate() {
        let _ = write!(h, " <strong>{}.</strong> {}", i + 1, esc(q));
    }
    h.push_str("</p>\n</section>\n");
}

fn render_notes(h: &mut String, s: &Summary) {
    if s.notes.is_empty() {
        let _ = writeln!(h, "<section class=\"person\"><p>{}: none.</p></section>", Summary::NOTES_HEADING);
        return;
    }
    let _ = writeln!(h, "<section class=\"person\">\n<h2>{}</h2>\n<ul>", Summary::NOTES_HEADING);
    for (date, text) in &s.notes {
        let _ = writeln!(h, "<li><strong>{}</strong>: {}</li>", date.format("%-d %b"), esc(text));
    }
    h.push_str("</ul>\n</section>\n");
}
