//! The summary as a PDF made by easeoff itself: no browser, no network, the
//! font built in. Laid out like the HTML page (`html.rs`), section by
//! section in the same order, one function each: the attention box, where
//! the person is, the course chart (the same SVG, at full width), the key
//! points, then symptoms with the person's own words beside aids, doses
//! and sleep, and the footnote. Tagged (PDF/UA-1, checked by krilla), so a
//! screen reader reads it in that order. Pure: the summary and the paper
//! come in, bytes go out.
//!
//! To add a section: add it to [`Part`] and [`PAGE`] (in `report.rs`), then
//! write its function here, returning a [`Block`] (a section of headings,
//! paragraphs, lists or tables), and its counterpart in `html.rs`.

mod draw;
mod font;
mod layout;

pub use font::STAND_IN;

use layout::{BODY, Block, FOOT, Marker, Run, SMALL, Style, Table, bold, plain};

use super::{PAGE, Paper, Part, Summary};

#[derive(Debug, thiserror::Error)]
#[error("could not make the PDF: {0}")]
pub struct PdfError(String);

/// The summary as PDF bytes on `paper`. The same summary gives the same
/// bytes.
pub fn render(s: &Summary, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let fonts = font::Fonts::load().ok_or_else(|| PdfError("the built-in font could not be read".to_owned()))?;
    let (width, height) = paper.points();
    let geometry = layout::Geometry::for_paper(width, height);
    let header = |page: usize| s.continued_header(page);
    let footer = |page: usize| Summary::continued_on(page);
    let running = layout::Running { header: &header, footer: &footer };
    let laid = layout::lay_out(&blocks(s), &fonts, geometry, &running);
    let meta = draw::Meta { title: format!("Withdrawal symptom summary, {}", s.period()), made: s.made };
    draw::pdf(&laid, &fonts, geometry, &meta).map_err(PdfError)
}

/// The page, laid out from [`PAGE`] as `html.rs` lays it out.
fn blocks(s: &Summary) -> Vec<Block> {
    let parts = |parts: &[Part]| parts.iter().map(|p| part(s, *p)).collect::<Vec<_>>();
    let mut page = header(s);
    page.extend(parts(PAGE.top));
    // The HTML's columns are 1.3fr and 1fr.
    page.push(Block::Columns { left: parts(PAGE.left), right: parts(PAGE.right), split: 1.3 / 2.3 });
    page.extend(parts(PAGE.bottom));
    page
}

fn part(s: &Summary, part: Part) -> Block {
    match part {
        Part::Attention => attention(s),
        Part::Status => status(s),
        Part::Course => course(s),
        Part::KeyPoints => key_points(s),
        Part::History => history(s),
        Part::Symptoms => symptoms(s),
        Part::Checks => checks(s),
        Part::Questions => questions(s),
        Part::Notes => notes(s),
        Part::Side => side(s),
        Part::Footer => footer(s),
    }
}

fn heading(text: &str) -> Block {
    Block::Heading { level: 2, text: text.to_owned(), plain: false }
}

fn para(runs: Vec<Run>, style: Style) -> Block {
    Block::Para { runs, style }
}

fn section(blocks: Vec<Block>) -> Block {
    Block::Section { framed: false, rule: false, blocks }
}

fn header(s: &Summary) -> Vec<Block> {
    let mut meta = Vec::new();
    for (label, value) in s.identity() {
        meta.extend(plain(format!("{label}: ")));
        meta.extend(bold(value));
        meta.extend(plain(" · "));
    }
    meta.extend(plain(format!("Period: {} · {}", s.period(), s.made_line())));
    vec![
        Block::Heading { level: 1, text: Summary::TITLE.to_owned(), plain: false },
        para(meta, Style { grey: 0x33, ..BODY }),
    ]
}

/// The safety box at the top, framed, in bold; "none" is said too.
fn attention(s: &Summary) -> Block {
    let blocks = if s.attention.is_empty() {
        let mut runs = bold("For attention:");
        runs.extend(plain(" none in this period."));
        vec![para(runs, BODY)]
    } else {
        let items = s.attention_lines().into_iter().map(bold).collect();
        let title = Block::Heading { level: 2, text: "For attention".to_owned(), plain: true };
        vec![title, Block::List { marker: Marker::Bullet, items, style: BODY }]
    };
    Block::Section { framed: true, rule: false, blocks }
}

fn status(s: &Summary) -> Block {
    let items = s.status_lines().into_iter().map(bold).collect();
    section(vec![Block::List { marker: Marker::None, items, style: BODY }])
}

/// The history as one paragraph of "heading: answer" pairs, as in the HTML.
fn history(s: &Summary) -> Block {
    // Its name leads the paragraph instead of a heading line: the page is full.
    let mut runs = bold(format!("{}:", Summary::HISTORY_HEADING).to_uppercase());
    for (q, a) in s.reported_history() {
        runs.extend(plain(" "));
        runs.extend(bold(format!("{q}:")));
        runs.extend(plain(format!(" {a}.")));
    }
    section(vec![para(runs, BODY)])
}

fn checks(s: &Summary) -> Block {
    let items = s.check_lines().into_iter().map(plain).collect();
    section(vec![heading(Summary::CHECKS_HEADING), Block::List { marker: Marker::Bullet, items, style: SMALL }])
}

fn course(s: &Summary) -> Block {
    let band = if s.chart.iter().any(|d| d.bands.is_some()) { ", over the usual band after the last dose" } else { "" };
    let alt = format!(
        "Chart of the daily physical and psychological scores, 0 none to 4 extreme, from {}{band}; the key points below say what it shows.",
        s.period()
    );
    section(vec![
        heading("Course: daily scores, 0 none to 4 extreme"),
        Block::Figure { svg: super::svg::render(&s.chart), alt, aspect: super::svg::ASPECT },
    ])
}

fn key_points(s: &Summary) -> Block {
    let items = s.key_points.iter().cloned().map(plain).collect();
    section(vec![heading("Key points"), Block::List { marker: Marker::Bullet, items, style: BODY }])
}

fn symptoms(s: &Summary) -> Block {
    let mut blocks = vec![heading("Symptoms: peak and now")];
    if s.items.is_empty() {
        blocks.push(para(plain("No symptoms were rated in this period."), BODY));
    } else {
        let rows = s
            .items
            .iter()
            .map(|row| {
                let mut cells = vec![format!("{} {}", Summary::kind_mark(row.kind), row.label)];
                cells.extend(Summary::item_numbers(row));
                cells
            })
            .collect();
        blocks.push(Block::Table(Table {
            head: Summary::ITEM_HEAD.map(str::to_owned).to_vec(),
            rows,
            widths: vec![3.8, 0.8, 1.1, 1.6, 1.1],
            right: vec![false, true, true, true, true],
            size: 7.5,
        }));
        blocks.push(para(plain(s.items_legend()), SMALL));
    }
    section(blocks)
}

/// The person's questions, numbered, in one paragraph led by its name
/// (as the history is): short questions would leave most of a line empty.
fn questions(s: &Summary) -> Block {
    let mut runs = bold(format!("{}:", Summary::QUESTIONS_HEADING).to_uppercase());
    if s.questions.is_empty() {
        runs.extend(plain(" none."));
    }
    for (i, q) in s.questions.iter().enumerate() {
        runs.extend(bold(format!(" {}.", i + 1)));
        runs.extend(plain(format!(" {q}")));
    }
    section(vec![para(runs, BODY)])
}

/// The notes for the provider, each with its date in bold.
fn notes(s: &Summary) -> Block {
    if s.notes.is_empty() {
        return section(vec![para(plain(format!("{}: none.", Summary::NOTES_HEADING)), BODY)]);
    }
    let items = s
        .notes
        .iter()
        .map(|(date, text)| {
            let mut runs = bold(date.format("%-d %b").to_string());
            runs.extend(plain(format!(": {text}")));
            runs
        })
        .collect();
    section(vec![heading(Summary::NOTES_HEADING), Block::List { marker: Marker::Bullet, items, style: BODY }])
}

/// Aids, doses and sleep: the right-hand column.
fn side(s: &Summary) -> Block {
    let mut blocks = vec![heading("Aids taken")];
    if s.aids.is_empty() {
        blocks.push(para(plain("None recorded."), BODY));
    } else {
        let rows =
            s.aids.iter().map(|aid| vec![aid.name.clone(), aid.days.to_string(), Summary::aid_amounts(aid)]).collect();
        blocks.push(table(&Summary::AID_HEAD, rows, vec![1.4, 0.7, 3.0], vec![false, true, false]));
    }
    blocks.push(heading("Doses (kratom, daily totals)"));
    let rows = s
        .dose_rows
        .iter()
        .map(|row| {
            let (range, taken, per_day) = Summary::dose_row(row);
            vec![range, taken, per_day]
        })
        .collect();
    blocks.push(table(&Summary::DOSE_HEAD, rows, vec![1.5, 1.7, 1.2], vec![false, false, false]));
    if let Some(line) = s.forms_line() {
        blocks.push(para(plain(line), SMALL));
    }
    if !s.step_effects.is_empty() {
        blocks.push(para(plain("Scores around each step (3 days before → after):"), SMALL));
        let items = s.step_lines().into_iter().map(plain).collect();
        blocks.push(Block::List { marker: Marker::None, items, style: SMALL });
    }
    for line in s.plan_line().into_iter().chain(s.history_lines()) {
        blocks.push(para(plain(line), SMALL));
    }
    blocks.push(para(plain(s.sleep_line()), BODY));
    section(blocks)
}

fn table(head: &[&str], rows: Vec<Vec<String>>, widths: Vec<f32>, right: Vec<bool>) -> Block {
    Block::Table(Table { head: head.iter().map(|h| (*h).to_owned()).collect(), rows, widths, right, size: 7.5 })
}

/// What the ratings and the band mean, and that this is patient-reported.
fn footer(s: &Summary) -> Block {
    let blocks = s.footer().into_iter().map(|line| para(plain(line), FOOT)).collect();
    Block::Section { framed: false, rule: true, blocks }
}
