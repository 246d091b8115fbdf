//! The `easeoff` binary: parse the command line, run, map errors to exit
//! codes (0 success or output closed early, 2 bad input, 3 locked or
//! read-only, 1 anything else).

use std::io::Write;
use std::process::ExitCode;

use easeoff::cli;

fn main() -> ExitCode {
    // A panic message could include a person's words; say only where it was.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "easeoff stopped unexpectedly{place}. Saves are all-or-nothing, so your journal file is intact. Please report this."
        );
    }));
    // Past a file-size limit, writes then fail with a clear "File too large"
    // instead of the process being killed mid-save by SIGXFSZ.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let cli = cli::parse();
    let mut stdout = std::io::stdout().lock();
    // The lock's buffer is flushed here rather than on drop, where an error
    // would be lost; a reader that stopped early is a normal end.
    let result = cli::run(cli, &mut stdout).and_then(|()| stdout.flush().map_err(|e| cli::output_error(&e)));
    match result {
        Ok(()) | Err(cli::CliError::OutputClosed) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("easeoff: {e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
    }
}
