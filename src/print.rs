//! Printing the visit summary: to the system print queue with CUPS `lp`
//! (or the command a person or a test sets), as text, or as a PDF of the
//! HTML made by a locally installed Chromium. Nothing here goes to the
//! network: Chromium runs headless with every background service off.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use thiserror::Error;

pub use crate::report::Paper;

/// The paper's name in CSS, for Chromium's PDF of the HTML.
fn css(paper: Paper) -> &'static str {
    match paper {
        Paper::Letter => "letter",
        Paper::A4 => "A4",
    }
}

#[derive(Debug, Error)]
pub enum PrintError {
    #[error(
        "no print system was found (the `lp` command of CUPS is not installed); nothing was printed. \
         Write the summary to a file with --out and print it from there"
    )]
    NoPrintSystem,
    #[error("the print command failed ({status}): {stderr}")]
    Failed { status: String, stderr: String },
    #[error(
        "printing the HTML summary needs Chromium to make a PDF, and none was found; \
         install chromium, or print the text version (leave out --format html)"
    )]
    NoChromium,
    #[error("Chromium could not make the PDF: {0}")]
    Pdf(String),
    #[error("could not run the print command: {0}")]
    Io(#[from] std::io::Error),
}

/// Sends `bytes` to the print queue: `command` (run by `sh -c`, reading the
/// document on standard input) if given, else `lp`. Returns what was used.
/// Where `send` would send a document, in words: the command, or the
/// system's default printer with its name when `lpstat -d` gives one.
pub fn destination(command: Option<&str>) -> String {
    if let Some(c) = command {
        return format!("`{c}` (EASEOFF_PRINT_CMD)");
    }
    let default = Command::new("lpstat").arg("-d").output().ok().filter(|o| o.status.success()).and_then(|o| {
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        text.split_once(':').map(|(_, name)| name.trim().to_owned()).filter(|n| !n.is_empty())
    });
    default.map_or_else(|| "the default printer (lp)".to_owned(), |name| format!("the printer {name} (lp)"))
}

pub fn send(bytes: &[u8], command: Option<&str>) -> Result<String, PrintError> {
    let (mut cmd, used) = match command {
        Some(c) => {
            let mut cmd = Command::new("sh");
            cmd.arg("-c").arg(c);
            (cmd, c.to_owned())
        }
        None => (Command::new("lp"), "lp".to_owned()),
    };
    let child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && command.is_none() => {
            return Err(PrintError::NoPrintSystem);
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(bytes)?;
    }
    let out = child.wait_with_output()?;
    if out.status.success() {
        Ok(used)
    } else {
        Err(PrintError::Failed {
            status: out.status.to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        })
    }
}

/// The Chromium on this machine, if any.
pub fn find_chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].iter().find_map(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()
            .filter(std::process::ExitStatus::success)
            .map(|_| PathBuf::from(name))
    })
}

/// The flags that keep a headless Chromium off the network and quiet.
pub const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
];

/// Makes a PDF of an HTML summary on the given paper with Chromium.
pub fn html_to_pdf(chromium: &Path, html: &str, paper: Paper) -> Result<Vec<u8>, PrintError> {
    let dir = tempfile::tempdir()?;
    let page = dir.path().join("summary.html");
    let pdf = dir.path().join("summary.pdf");
    // The page leaves the paper to the printer; the PDF needs one named.
    let sized = html.replacen("</style>", &format!("@page {{ size: {}; }}\n</style>", css(paper)), 1);
    std::fs::write(&page, sized)?;
    let out = Command::new(chromium)
        .args(CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()?;
    match std::fs::read(&pdf) {
        Ok(bytes) if !bytes.is_empty() => Ok(bytes),
        _ => Err(PrintError::Pdf(String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("no PDF").to_owned())),
    }
}
