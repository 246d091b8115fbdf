//! "When to get help": the one text that `easeoff get-help`, the app's `!`
//! panel and the README all show, built from `assets/get-help.json` and the
//! person's own settings (their country and their own contact).
//!
//! The text is a list of lines already wrapped to [`WIDTH`] columns, so the
//! command line prints exactly what the panel shows at its usual size and the
//! README can hold the default text verbatim (a test checks it). Every number
//! in the asset carries the page it was checked against.
//!
//! Pure: the settings are passed in; nothing here reads the disk or the clock.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::journal::Settings;

/// The width the text is wrapped to: it fits the panel's box at 80 columns.
pub const WIDTH: usize = 76;

/// What the asset holds.
#[derive(Debug, Deserialize)]
struct Asset {
    width: usize,
    text: Words,
    default_country: String,
    countries: Vec<Country>,
}

/// The sentences of the text, with `{emergency}`, `{contact}`, `{country}`
/// and `{number}` filled in when it is built.
#[derive(Debug, Deserialize)]
struct Words {
    contact: String,
    danger: String,
    signs_heading: String,
    signs: Vec<String>,
    cannot_wake: String,
    pregnancy: String,
    lines_heading: String,
    no_country: String,
    local_emergency: String,
}

/// A country easeoff has numbers for.
#[derive(Debug, Deserialize)]
pub struct Country {
    /// The ISO 3166 code stored in the journal, e.g. `GB`.
    pub code: String,
    /// Other codes people type for it, e.g. `UK`.
    #[serde(default)]
    pub also: Vec<String>,
    /// `United Kingdom`, for lists.
    pub name: String,
    /// `the United Kingdom`, for sentences.
    pub in_name: String,
    pub emergency: Number,
    pub lines: Vec<SupportLine>,
}

/// The emergency number of a country and where it was checked.
#[derive(Debug, Deserialize)]
pub struct Number {
    pub number: String,
    pub source: Source,
}

/// A support line: how it is written in the text, its number, and whether it
/// is the country's crisis line (the one named when low mood is severe).
#[derive(Debug, Deserialize)]
pub struct SupportLine {
    pub text: String,
    pub number: String,
    #[serde(default)]
    pub crisis: bool,
    pub source: Source,
}

/// Where a number was checked.
#[derive(Debug, Deserialize)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    pub year: String,
    pub url: String,
    /// What kind of page it is, and anything it did not confirm.
    pub checked: String,
}

/// One line of the text; `strong` lines (the person's contact, the first
/// sentence) are drawn in bold in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub strong: bool,
}

fn asset() -> &'static Asset {
    static ASSET: OnceLock<Asset> = OnceLock::new();
    // The asset is compiled in and checked by the tests below, so a failure
    // here is a broken build, never something a person typed.
    ASSET.get_or_init(|| {
        serde_json::from_str(include_str!("../assets/get-help.json")).expect("assets/get-help.json is valid")
    })
}

/// The fact about pregnancy from *When to get help*, said again when a
/// person records that they are pregnant.
pub fn pregnancy_fact() -> &'static str {
    &asset().text.pregnancy
}

/// Every country easeoff has numbers for, in the order they are offered.
pub fn countries() -> &'static [Country] {
    &asset().countries
}

/// The country for a code as a person typed it (any case, `UK` for `GB`).
pub fn find(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    countries()
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code) || c.also.iter().any(|a| a.eq_ignore_ascii_case(code)))
}

/// `US (United States), CA (Canada), …`, for messages that list the choices.
pub fn known_list() -> String {
    countries().iter().map(|c| format!("{} ({})", c.code, c.name)).collect::<Vec<_>>().join(", ")
}

/// The country the person chose, if it is one this build knows.
pub fn chosen(settings: &Settings) -> Option<&'static Country> {
    settings.country.as_deref().and_then(find)
}

/// The country whose support lines are shown: the chosen one, else the default.
pub fn shown(settings: &Settings) -> &'static Country {
    chosen(settings).unwrap_or_else(default_country)
}

fn default_country() -> &'static Country {
    let asset = asset();
    // The tests check that the default is in the list; the first country is
    // a safe answer all the same.
    find(&asset.default_country).unwrap_or(&asset.countries[0])
}

/// The crisis line for the person's country (for the severe low mood fact).
pub fn crisis_line(settings: &Settings) -> &'static SupportLine {
    let country = shown(settings);
    country.lines.iter().find(|l| l.crisis).unwrap_or(&country.lines[0])
}

/// The crisis line with the code of the country it serves, for the
/// provider's summary: "988 Suicide & Crisis Lifeline (US): call or text
/// 988, any time". The code goes after the line's name, before its first
/// `: ` (every crisis line in the asset has one; a test checks it).
pub fn crisis_line_with_country(settings: &Settings) -> String {
    let code = &shown(settings).code;
    let text = &crisis_line(settings).text;
    match text.split_once(": ") {
        Some((name, rest)) => format!("{name} ({code}): {rest}"),
        None => format!("{text} ({code})"),
    }
}

/// The whole text for these settings, line by line.
pub fn lines(settings: &Settings) -> Vec<Line> {
    let asset = asset();
    let words = &asset.text;
    let chosen = chosen(settings);
    let shown = shown(settings);
    let emergency = chosen.map_or(words.local_emergency.as_str(), |c| c.emergency.number.as_str());
    let mut out = Vec::new();
    let mut push = |text: &str, strong: bool, bullet: bool| {
        out.extend(wrap(text, asset.width, bullet).into_iter().map(|text| Line { text, strong }));
    };
    if let Some(contact) = &settings.contact {
        push(&words.contact.replace("{contact}", contact), true, false);
        push("", false, false);
    }
    push(&words.danger.replace("{emergency}", emergency), true, false);
    push("", false, false);
    push(&words.signs_heading, false, false);
    for sign in &words.signs {
        push(sign, false, true);
    }
    push("", false, false);
    push(&words.cannot_wake.replace("{emergency}", emergency), false, false);
    push("", false, false);
    push(&words.pregnancy, false, false);
    push("", false, false);
    let heading = words.lines_heading.replace("{country}", &shown.in_name).replace("{number}", &shown.emergency.number);
    push(&heading, false, false);
    for line in &shown.lines {
        push(&line.text, false, true);
    }
    if chosen.is_none() {
        push("", false, false);
        push(&words.no_country, false, false);
    }
    out
}

/// The text as `easeoff get-help` prints it: the lines, each ending in a newline.
pub fn text(settings: &Settings) -> String {
    lines(settings).into_iter().map(|l| l.text + "\n").collect()
}

/// Wraps one paragraph (a `\n` in it starts a new line); a bullet gets
/// `  • ` and a hanging indent.
fn wrap(text: &str, width: usize, bullet: bool) -> Vec<String> {
    if text.is_empty() {
        return vec![String::new()];
    }
    let (first, rest) = if bullet { ("  • ", "    ") } else { ("", "") };
    let options = textwrap::Options::new(width.max(8)).initial_indent(first).subsequent_indent(rest);
    text.split('\n')
        .flat_map(|part| {
            textwrap::wrap(part, &options).into_iter().map(std::borrow::Cow::into_owned).collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(country: Option<&str>, contact: Option<&str>) -> Settings {
        Settings { country: country.map(str::to_owned), contact: contact.map(str::to_owned), ..Settings::default() }
    }

    /// The numbers exactly as spec/safety.md lists them, country by country.
    #[test]
    fn every_country_has_the_numbers_of_the_safety_spec_and_a_source_for_each() {
        let expected: &[(&str, &str, &[&str])] = &[
            ("US", "911", &["988", "1-800-662-4357"]),
            ("CA", "911", &["988"]),
            ("GB", "999", &["111", "116 123"]),
            ("IE", "112 or 999", &["116 123"]),
            ("AU", "000", &["13 11 14"]),
            ("NZ", "111", &["1737"]),
            ("DE", "112", &["0800 111 0 111"]),
        ];
        assert_eq!(countries().len(), expected.len());
        for (country, (code, emergency, numbers)) in countries().iter().zip(expected) {
            assert_eq!(&country.code, code);
            assert_eq!(&country.emergency.number, emergency);
            let got: Vec<&str> = country.lines.iter().map(|l| l.number.as_str()).collect();
            assert_eq!(&got, numbers, "{code}");
            assert_eq!(country.lines.iter().filter(|l| l.crisis).count(), 1, "{code} has one crisis line");
            let sources = country.lines.iter().map(|l| &l.source).chain([&country.emergency.source]);
            for source in sources {
                assert!(source.url.starts_with("http"), "{code}: {}", source.url);
                assert!(!source.publisher.is_empty() && !source.title.is_empty() && !source.checked.is_empty());
                assert!(source.year == "n.d." || source.year.parse::<u16>().is_ok(), "{code}: {}", source.year);
            }
            for line in &country.lines {
                assert!(line.text.contains(&line.number), "{code}: the text names its number: {}", line.text);
            }
        }
        assert_eq!(asset().width, WIDTH);
        assert_eq!(default_country().code, "US");
    }

    #[test]
    fn codes_are_found_in_any_case_and_uk_means_gb() {
        assert_eq!(find("gb").map(|c| c.code.as_str()), Some("GB"));
        assert_eq!(find(" UK ").map(|c| c.code.as_str()), Some("GB"));
        assert_eq!(find("de").map(|c| c.code.as_str()), Some("DE"));
        assert!(find("XX").is_none() && find("").is_none());
        assert!(known_list().starts_with("US (United States), CA (Canada), GB (United Kingdom)"));
    }

    #[test]
    fn unset_says_local_emergency_number_and_gives_the_us_lines() {
        let text = text(&Settings::default());
        assert!(text.starts_with("If you are in danger or very unwell, call your local emergency number now.\n"));
        assert!(text.contains("988 Suicide & Crisis Lifeline: call or text 988"));
        assert!(text.contains("1-800-662-4357"));
        assert!(text.contains("No country is chosen yet"));
        for sign in ["chest pain", "fainting or a seizure", "confusion", "loperamide", "dark urine", "naloxone"] {
            assert!(text.contains(sign), "{sign}");
        }
        assert!(text.contains("withdrawal in pregnancy needs medical care"));
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH), "{text}");
    }

    #[test]
    fn a_chosen_country_gives_its_own_emergency_number_and_lines() {
        let text = text(&with(Some("GB"), None));
        assert!(text.starts_with("If you are in danger or very unwell, call 999 now.\n"), "{text}");
        assert!(text.contains("breathing very slowly, call 999."), "{text}");
        assert!(text.contains("Support lines in the United Kingdom (emergency number 999):"));
        assert!(text.contains("Samaritans: 116 123") && text.contains("NHS 111"));
        assert!(!text.contains("988") && !text.contains("No country is chosen"));
        let ireland = super::text(&with(Some("IE"), None));
        assert!(ireland.contains("call 112 or 999 now."));
    }

    #[test]
    fn the_persons_own_contact_comes_first() {
        let lines = lines(&with(Some("DE"), Some("Sam (sponsor) 0151 2345678")));
        assert_eq!(lines[0], Line { text: "Your own contact: Sam (sponsor) 0151 2345678".into(), strong: true });
        assert_eq!(lines[1].text, "");
        assert!(lines[2].text.contains("call 112 now"));
    }

    #[test]
    fn an_unknown_stored_country_shows_the_default() {
        // A journal written by a newer easeoff may name a country this one
        // does not know: the text still appears, with the default lines.
        assert_eq!(text(&with(Some("FR"), None)), text(&Settings::default()));
        assert_eq!(crisis_line(&with(Some("FR"), None)).number, "988");
        assert_eq!(crisis_line(&with(Some("AU"), None)).number, "13 11 14");
    }

    #[test]
    fn the_summarys_crisis_line_names_its_country_and_keeps_the_number() {
        assert_eq!(
            crisis_line_with_country(&Settings::default()),
            "988 Suicide & Crisis Lifeline (US): call or text 988, any time"
        );
        assert_eq!(crisis_line_with_country(&with(Some("GB"), None)), "Samaritans (GB): 116 123, free, any time");
        for country in countries() {
            let line = country.lines.iter().find(|l| l.crisis).expect("a crisis line");
            let (name, rest) = line.text.split_once(": ").expect("a name, then what it offers");
            let settings = with(Some(&country.code), None);
            assert_eq!(crisis_line_with_country(&settings), format!("{name} ({}): {rest}", country.code));
            assert!(crisis_line_with_country(&settings).contains(&line.number), "{}", country.code);
        }
    }
}
