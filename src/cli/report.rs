//! `easeoff report`: the visit summary for a period, as text, Markdown or
//! HTML, to the terminal, a file (0600) or the printer.

use std::io::Write;

use super::{CliError, Ctx, ReportArgs, ReportFormat, write_out};
use crate::dates::parse_bound;
use crate::print::{self, Paper};
use crate::report;

pub fn run(ctx: &Ctx, args: &ReportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let journal = ctx.read()?;
    let (default_from, default_to) = report::default_period(&journal, ctx.now);
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
    let summary = report::build(&journal, ctx.now, from, to, args.name.as_deref());
    let rendered = match args.format {
        ReportFormat::Text => report::text::render(&summary),
        ReportFormat::Markdown => report::markdown::render(&summary),
        ReportFormat::Html => report::html::render(&summary),
    };
    if let Some(path) = &args.out {
        crate::store::write_private_file(path, rendered.as_bytes())?;
        eprintln!("easeoff: wrote the summary to {} (readable only by you)", path.display());
    }
    if args.print {
        let bytes = match args.format {
            ReportFormat::Html => {
                let chromium = print::find_chromium().ok_or(print::PrintError::NoChromium).map_err(print_error)?;
                let paper = args.paper.unwrap_or_else(default_paper);
                print::html_to_pdf(&chromium, &rendered, paper).map_err(print_error)?
            }
            ReportFormat::Text | ReportFormat::Markdown => rendered.clone().into_bytes(),
        };
        let used = print::send(&bytes, ctx.print_cmd.as_deref()).map_err(print_error)?;
        eprintln!("easeoff: sent the summary to the printer ({used})");
    }
    if args.out.is_none() && !args.print {
        write_out(out, &rendered)?;
    }
    Ok(())
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(print_error)`
fn print_error(e: print::PrintError) -> CliError {
    CliError::Other(e.to_string())
}

/// The system's paper (libpaper's /etc/papersize), else Letter.
fn default_paper() -> Paper {
    let configured = std::fs::read_to_string("/etc/papersize").unwrap_or_default();
    if configured.split_whitespace().next().is_some_and(|p| p.eq_ignore_ascii_case("a4")) {
        Paper::A4
    } else {
        Paper::Letter
    }
}
