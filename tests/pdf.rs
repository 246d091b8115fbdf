//! The PDF summary through the real binary, read back as a reader would:
//! parsed with lopdf (one page of the right size, tagged, titled, fonts
//! embedded, the key lines in reading order, nothing personal in the
//! metadata), rendered with poppler's `pdftoppm` (a chart that shows,
//! nothing outside the margins), made twice (the same bytes), and a note
//! with accents and emoji. Printing sends the PDF.

mod common;

use std::path::Path;
use std::process::Command;

use common::Env;
use lopdf::{Dictionary, Document, Object};

/// The demo as a person would bring it: a note for the provider (with
/// accents and emoji), two questions, a name.
fn brought() -> Env {
    let env = Env::with_demo();
    env.ok(&[
        "log",
        "--date",
        "2026-02-20",
        "--note",
        "Legs restless all night; loperamide helped. Café au lait, crème brûlée 😴 thanks 🙏!",
        "--for-provider",
    ]);
    env.ok(&["question", "add", "Is it safe to keep taking loperamide?"]);
    env.ok(&["question", "add", "Could something help me sleep?"]);
    env
}

fn pdf(env: &Env, paper: &str) -> Vec<u8> {
    let out = env.run(&["report", "--format", "pdf", "--paper", paper, "--name", "Sam R."]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// The page's text in the order it is drawn (which is also the order of
/// the tag tree), with every run of white space one space.
fn text(doc: &Document) -> String {
    page_text(doc, 1)
}

fn page_text(doc: &Document, page: u32) -> String {
    doc.extract_text(&[page]).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn one_tagged_page_of_letter_or_a4_with_a_title_and_the_font_embedded() {
    let env = brought();
    for (paper, size) in [("letter", [612, 792]), ("a4", [595, 842])] {
        let doc = Document::load_mem(&pdf(&env, paper)).unwrap();
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 1, "{paper}: the demo as brought to a visit is one page");
        assert!(!text(&doc).contains("continued"), "{paper}: one page says nothing of another");
        let page = doc.get_dictionary(pages[&1]).unwrap();
        let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let media: Vec<i64> = media.iter().map(|n| n.as_float().unwrap().round() as i64).collect();
        assert_eq!(media, [0, 0, size[0], size[1]], "{paper}, in points");

        let catalog = doc.catalog().unwrap();
        let marked = dict(&doc, catalog.get(b"MarkInfo").unwrap()).get(b"Marked").unwrap();
        assert!(marked.as_bool().unwrap(), "tagged");
        assert!(catalog.get(b"StructTreeRoot").is_ok(), "a structure tree for screen readers");
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");

        let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
        let title = String::from_utf8_lossy(info.get(b"Title").unwrap().as_str().unwrap()).into_owned();
        assert_eq!(title, "Withdrawal symptom summary, 3 Feb 2026 to 10 Mar 2026");
        // The name is on the page, never in the file's hidden fields.
        assert!(info.get(b"Author").is_err());
        let hidden = format!("{info:?}");
        assert!(!hidden.contains("Sam"), "{hidden}");

        let descriptors: Vec<&Dictionary> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(Object::as_name).is_ok_and(|n| n == b"FontDescriptor"))
            .collect();
        assert_eq!(descriptors.len(), 2, "regular and bold");
        for d in descriptors {
            let name = String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap()).into_owned();
            assert!(name.contains("+DejaVuSans"), "a subset of the built-in font: {name}");
            assert!(d.get(b"FontFile2").is_ok(), "{name} is embedded");
        }
    }
}

#[test]
fn the_key_lines_are_there_in_reading_order() {
    let env = brought();
    let doc = Document::load_mem(&pdf(&env, "letter")).unwrap();
    let text = text(&doc);
    let flags = [
        "Low or depressed mood rated severe or extreme on Sat 21 Feb",
        // The crisis line with its country, and nothing about the app.
        "988 Suicide & Crisis Lifeline (US): call or text 988, any time.",
        "Loperamide on 5 days in a row (Thu 19 Feb – Mon 23 Feb)",
        "Diarrhea, nausea or vomiting rated severe or extreme on two days running",
        "Loperamide 12 mg on Fri 20 Feb — above the 8 mg a day",
    ];
    let mut lines = vec!["Withdrawal symptom summary — patient-reported", "Sam R.", "FOR ATTENTION"];
    lines.extend(flags);
    lines.extend([
        "Stopped: last dose Tue 17 Feb 2026, 21:40 (dose log) — day 21 since.",
        "Physical peak: day 5 (2.9 of 4) — later than the usual days 3–4.",
        "QUESTIONS FOR THIS VISIT:",
        "1. Is it safe to keep taking loperamide?",
        "2. Could something help me sleep?",
        "SYMPTOMS: PEAK AND NOW",
        "NOTES FOR THE PROVIDER",
        // The date is bold, a run of its own (which lopdf parts with a space).
        "20 Feb",
        ": Legs restless all night; loperamide helped.",
        "AIDS TAKEN",
        "3 Feb – 6 Feb 5.7–6.2 g/day 4 doses a day",
        "Patient-reported. This is a record of what the person noted",
    ]);
    for app in ["easeoff get-help", "! in the app", "settings country"] {
        assert!(!text.contains(app), "the provider's page says nothing of the app ({app:?}):\n{text}");
    }
    // The box says each day above the label once; the aids table does not repeat it.
    assert_eq!(text.matches("above the 8 mg").count(), 1, "{text}");
    let mut from = 0;
    for line in lines {
        let Some(at) = text[from..].find(line) else { panic!("{line:?} missing or out of order in:\n{text}") };
        from += at + line.len();
    }
}

#[test]
fn the_fullest_summary_is_one_page_or_goes_on_to_a_marked_second_page_cutting_nothing() {
    // Six weeks with every section full and all 19 symptoms rated (tests/common): on
    // Letter its last rows and the footnote go on to page 2, marked; page 1 keeps the
    // rest, the questions with it.
    let env = Env::fullest();
    for paper in ["letter", "a4"] {
        let doc = Document::load_mem(&pdf(&env, paper)).unwrap();
        let pages: Vec<String> = (1..=doc.get_pages().len() as u32).map(|p| page_text(&doc, p)).collect();
        common::check_pages(&pages, "3 Feb 2026 to 10 Mar 2026", Env::FULLEST_PAGE_ONE, Env::FULLEST_SHOWS, paper);
        if let [_, two] = pages.as_slice() {
            assert!(two.starts_with("Withdrawal symptom summary — page 2 (continued)"), "{paper}: first on page 2");
        }
    }
}

#[test]
fn six_weeks_with_every_section_full_is_one_page_with_the_questions_notes_and_every_symptom_on_it() {
    // Issue 13's journal: history, two 11-question checks, the flags, four notes,
    // three questions, the 12 default symptoms. A clinician must find it all on page 1.
    let env = Env::fullest_default_items();
    for paper in ["letter", "a4"] {
        let doc = Document::load_mem(&pdf(&env, paper)).unwrap();
        assert_eq!(doc.get_pages().len(), 1, "{paper}: one page");
        let page = page_text(&doc, 1);
        assert!(!page.contains("continued"), "{paper}: one page says nothing of another");
        for s in Env::FULLEST_PAGE_ONE.iter().chain(Env::ONE_PAGE_SHOWS) {
            assert!(page.contains(s), "{paper}: {s:?} missing from the page:\n{page}");
        }
        // The questions come before the notes, so a fuller page never spills them first.
        let (q, n) = (page.find("How long do cravings usually last?"), page.find("First day without."));
        assert!(q < n, "{paper}: the questions come before the notes");
    }
}

#[test]
fn a_summary_longer_than_a_page_goes_on_to_a_marked_second_page_and_nothing_is_cut() {
    // More than a page holds: every note must still be on some page.
    let (env, notes) = Env::with_demo_and_many_notes();
    let notes: Vec<&str> = notes.iter().map(String::as_str).chain(["Patient-reported. This is a record"]).collect();
    for paper in ["letter", "a4"] {
        let doc = Document::load_mem(&pdf(&env, paper)).unwrap();
        let pages: Vec<String> = (1..=doc.get_pages().len() as u32).map(|p| page_text(&doc, p)).collect();
        assert_eq!(pages.len(), 2, "{paper}");
        common::check_pages(&pages, "3 Feb 2026 to 10 Mar 2026", &["FOR ATTENTION", "KEY POINTS"], &notes, paper);
    }
}

#[test]
fn accents_render_and_an_emoji_the_font_lacks_is_a_visible_square() {
    let env = brought();
    let text = text(&Document::load_mem(&pdf(&env, "a4")).unwrap());
    // 😴 is one of the faces DejaVu Sans draws; 🙏 is not, and shows as □.
    assert!(text.contains("Café au lait, crème brûlée 😴 thanks □!"), "{text}");
}

#[test]
fn the_same_journal_and_the_same_now_give_the_same_bytes() {
    let env = brought();
    assert_eq!(pdf(&env, "letter"), pdf(&env, "letter"));
}

#[test]
fn the_paper_follows_the_locale_unless_asked() {
    let env = Env::with_demo();
    let media = |lang: &str, args: &[&str]| {
        let mut all = vec!["report", "--format", "pdf"];
        all.extend_from_slice(args);
        let out = env.run(&all).env_remove("LC_ALL").env_remove("LC_PAPER").env("LANG", lang).output().unwrap();
        assert!(out.status.success());
        let doc = Document::load_mem(&out.stdout).unwrap();
        let page = doc.get_dictionary(doc.get_pages()[&1]).unwrap();
        page.get(b"MediaBox").unwrap().as_array().unwrap()[2].as_float().unwrap().round() as i64
    };
    assert_eq!(media("en_US.UTF-8", &[]), 612, "Letter in the US");
    assert_eq!(media("fr_CA.UTF-8", &[]), 612, "and in Canada");
    assert_eq!(media("en_GB.UTF-8", &[]), 595, "A4 elsewhere");
    assert_eq!(media("en_GB.UTF-8", &["--paper", "letter"]), 612, "--paper decides");
}

#[test]
fn print_sends_the_pdf_unless_text_is_asked_for() {
    let env = brought();
    let captured = env.dir.path().join("printed");
    let print = |args: &[&str]| {
        let out = env.run(args).env("EASEOFF_PRINT_CMD", format!("cat > '{}'", captured.display())).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "printing does not also print to the terminal");
        std::fs::read(&captured).unwrap()
    };
    assert!(print(&["report", "--print"]).starts_with(b"%PDF-"));
    assert!(print(&["report", "--print", "--format", "markdown"]).starts_with(b"%PDF-"));
    assert!(print(&["report", "--print", "--format", "text"]).starts_with("Withdrawal symptom summary".as_bytes()));
}

#[test]
fn paper_for_text_is_refused_and_the_journal_is_untouched() {
    let env = brought();
    let before = env.bytes().unwrap();
    let err = env.fails(&["report", "--paper", "a4"], 2);
    assert!(err.contains("--paper is for a page") && err.contains("text has no paper"), "{err}");
    let err = env.fails(&["report", "--format", "pdf", "--paper", "legal"], 2);
    assert!(err.contains("letter") && err.contains("a4"), "names what is allowed: {err}");
    assert_eq!(env.bytes().unwrap(), before);
}

#[test]
fn the_file_is_written_readable_only_by_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let env = brought();
    let file = env.dir.path().join("summary.pdf");
    env.ok(&["report", "--format", "pdf", "--out", file.to_str().unwrap()]);
    assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF-"));
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
}

// ---------------------------------------------------------------- rendered by poppler

fn pdftoppm() -> bool {
    let found = Command::new("pdftoppm").arg("-v").output().is_ok();
    assert!(found || std::env::var("CI").is_err(), "CI must have pdftoppm (.ci/run installs poppler-utils)");
    if !found {
        eprintln!("SKIPPED a PDF rendering test: pdftoppm is not installed (apt-get install poppler-utils)");
    }
    found
}

/// The page as RGB pixels at `dpi`: (width, height, pixels).
fn render(pdf: &Path, dpi: u32) -> (usize, usize, Vec<[u8; 3]>) {
    let stem = pdf.with_extension("");
    let out = Command::new("pdftoppm")
        .args(["-png", "-singlefile", "-r", &dpi.to_string()])
        .arg(pdf)
        .arg(&stem)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(stem.with_extension("png")).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buf).unwrap();
    let channels = frame.color_type.samples();
    let pixels = buf[..frame.buffer_size()].chunks(channels).map(|p| [p[0], p[1], p[2]]).collect();
    (frame.width as usize, frame.height as usize, pixels)
}

#[test]
fn rendered_the_chart_shows_and_nothing_is_drawn_outside_the_margins() {
    if !pdftoppm() {
        return;
    }
    let env = brought();
    for (paper, width_pt) in [("letter", 612.0), ("a4", 595.276)] {
        let file = env.dir.path().join(format!("{paper}.pdf"));
        std::fs::write(&file, pdf(&env, paper)).unwrap();
        let dpi = 50;
        let (w, h, pixels) = render(&file, dpi);
        let px = |pt: f64| pt * f64::from(dpi) / 72.0;
        // The content column: 186 mm, centred; 8 mm top and bottom.
        let mm = 72.0 / 25.4;
        let margin = (width_pt - 186.0 * mm) / 2.0;
        let (left, right) = (px(margin) - 2.0, px(width_pt - margin) + 2.0);
        let (top, bottom) = (px(8.0 * mm) - 2.0, h as f64 - px(8.0 * mm) + 2.0);
        let mut outside = 0;
        let mut ink = 0;
        for (i, p) in pixels.iter().enumerate() {
            if p.iter().all(|c| *c > 245) {
                continue;
            }
            ink += 1;
            let (x, y) = ((i % w) as f64, (i / w) as f64);
            if x < left || x > right || y < top || y > bottom {
                outside += 1;
            }
        }
        assert_eq!(outside, 0, "{paper}: every mark inside the margins");
        assert!(ink > 20_000, "{paper}: the page has content ({ink} pixels)");
        // The physical line is drawn in #1f4e9a, the psychological in #7a2860.
        let near = |p: &[u8; 3], c: [u8; 3]| p.iter().zip(c).all(|(a, b)| a.abs_diff(b) < 40);
        let blue = pixels.iter().filter(|p| near(p, [0x1f, 0x4e, 0x9a])).count();
        let plum = pixels.iter().filter(|p| near(p, [0x7a, 0x28, 0x60])).count();
        assert!(blue > 150 && plum > 150, "{paper}: the chart's lines show ({blue}, {plum} pixels)");
    }
}
