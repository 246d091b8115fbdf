//! `easeoff report`: the visit summary for a period, as text, Markdown,
//! HTML or PDF, to the terminal, a file (0600) or the printer; and which
//! paper the PDF is on when none is asked for.

use std::io::{IsTerminal, Write};

use super::{CliError, Ctx, ReportArgs, ReportFormat};
use crate::dates::parse_bound;
use crate::print::{self, Paper};
use crate::report;

pub fn run(ctx: &Ctx, args: &ReportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let journal = ctx.read()?;
    let (default_from, default_to) = report::default_period(journal, ctx.now);
    let to = args.to.as_deref().map(|t| parse_bound(t, ctx.now)).transpose()?.unwrap_or(default_to);
    let from = args.from.as_deref().map(|f| parse_bound(f, ctx.now)).transpose()?.unwrap_or(default_from.min(to));
    if to > ctx.now.date_naive() {
        return Err(CliError::Usage(format!(
            "--to {to} is in the future: a summary ends today ({}) or earlier",
            ctx.now.date_naive()
        )));
    }
    if from > to {
        return Err(CliError::Usage(format!("--from {from} is after --to {to}: give the earlier day first")));
    }
    // Printing takes a page: the PDF, unless text is asked for.
    let format = args.format.unwrap_or(if args.print { ReportFormat::Pdf } else { ReportFormat::Text });
    if args.paper.is_some() && format == ReportFormat::Text {
        // Text has no paper; saying so beats ignoring the word.
        return Err(CliError::Usage(
            "--paper is for a page (--format pdf, or html with --print); text has no paper, so leave --paper out"
                .to_owned(),
        ));
    }
    let summary = report::build(journal, ctx.now, from, to, args.name.as_deref());
    let paper = args.paper.or_else(|| system_paper(|name| std::env::var(name).ok()));
    let paper = paper.unwrap_or_else(|| Paper::of_journal(journal));
    let rendered: Vec<u8> = match format {
        ReportFormat::Text => report::text::render(&summary).into_bytes(),
        ReportFormat::Markdown => report::markdown::render(&summary).into_bytes(),
        ReportFormat::Html => report::html::render(&summary).into_bytes(),
        ReportFormat::Pdf => report::pdf::render(&summary, paper).map_err(|e| CliError::Other(e.to_string()))?,
    };
    if let Some(path) = &args.out {
        crate::store::write_private_file(path, &rendered)?;
        eprintln!("easeoff: wrote the summary to {} (readable only by you)", path.display());
    }
    if args.print {
        let bytes = match format {
            ReportFormat::Text | ReportFormat::Pdf => rendered.clone(),
            // A printer needs a page: the PDF, unless text was asked for.
            ReportFormat::Markdown => {
                report::pdf::render(&summary, paper).map_err(|e| CliError::Other(e.to_string()))?
            }
            // Chromium stays an option for those who want the HTML's look.
            ReportFormat::Html => {
                let chromium = print::find_chromium().ok_or(print::PrintError::NoChromium).map_err(print_error)?;
                let html = String::from_utf8_lossy(&rendered);
                print::html_to_pdf(&chromium, &html, paper).map_err(print_error)?
            }
        };
        let used = print::send(&bytes, ctx.print_cmd.as_deref()).map_err(print_error)?;
        eprintln!("easeoff: sent the summary to the printer ({used})");
    }
    if args.out.is_none() && !args.print {
        if format == ReportFormat::Pdf && std::io::stdout().is_terminal() {
            return Err(CliError::Usage(
                "a PDF is not for the terminal: give --out FILE (or --print, or redirect to a file)".to_owned(),
            ));
        }
        super::write_bytes(out, &rendered)?;
    }
    Ok(())
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(print_error)`
fn print_error(e: print::PrintError) -> CliError {
    CliError::Other(e.to_string())
}

/// The paper the person's locale or system uses, if they say: the country
/// of the first locale variable that is set (`LC_ALL`, `LC_PAPER`, `LANG`,
/// the order that decides a locale), so `en_CA.UTF-8` is Letter and
/// `de_DE.UTF-8` A4; a locale without a country (`C`, `POSIX`) says
/// nothing, and then libpaper's `/etc/papersize` is asked. `None` leaves it
/// to the journal's country setting (see [`Paper::of_journal`]).
pub fn system_paper(var: impl Fn(&str) -> Option<String>) -> Option<Paper> {
    let locale = ["LC_ALL", "LC_PAPER", "LANG"].iter().find_map(|name| var(name).filter(|v| !v.trim().is_empty()));
    if let Some(country) = locale.as_deref().and_then(locale_country) {
        return Some(Paper::for_country(country));
    }
    let configured = std::fs::read_to_string("/etc/papersize").unwrap_or_default();
    match configured.split_whitespace().next().map(str::to_ascii_lowercase).as_deref() {
        Some("a4") => Some(Paper::A4),
        Some("letter") => Some(Paper::Letter),
        _ => None,
    }
}

/// The country part of a locale name: `en_US.UTF-8@euro` → `US`.
fn locale_country(locale: &str) -> Option<&str> {
    let (_, rest) = locale.split_once('_')?;
    let country = rest.split(['.', '@']).next()?;
    (country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic())).then_some(country)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper_of(vars: &[(&str, &str)]) -> Option<Paper> {
        system_paper(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn the_locale_decides_the_paper_letter_only_in_the_us_and_canada() {
        assert_eq!(paper_of(&[("LANG", "en_US.UTF-8")]), Some(Paper::Letter));
        assert_eq!(paper_of(&[("LANG", "fr_CA.UTF-8")]), Some(Paper::Letter));
        assert_eq!(paper_of(&[("LANG", "en_GB.UTF-8")]), Some(Paper::A4));
        assert_eq!(paper_of(&[("LANG", "de_DE.UTF-8@euro")]), Some(Paper::A4));
        // LC_PAPER is for exactly this, and LC_ALL overrides everything.
        assert_eq!(paper_of(&[("LANG", "en_US.UTF-8"), ("LC_PAPER", "en_AU.UTF-8")]), Some(Paper::A4));
        assert_eq!(paper_of(&[("LC_ALL", "en_US.UTF-8"), ("LC_PAPER", "en_AU.UTF-8")]), Some(Paper::Letter));
    }

    #[test]
    fn a_locale_without_a_country_says_nothing_of_its_own() {
        assert_eq!(locale_country("C.UTF-8"), None);
        assert_eq!(locale_country("POSIX"), None);
        assert_eq!(locale_country("en_US"), Some("US"));
        assert_eq!(locale_country("sr_RS@latin"), Some("RS"));
    }
}
