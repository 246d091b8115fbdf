//! The floor for whole-process figures: a Rust program that does nothing but
//! start, print what it is given (if anything) and exit, built with the same
//! profile as `easeoff`. `examples/bench` and `examples/tui_bench` run it
//! interleaved with each measured command, so a figure's ratio to it shows
//! easeoff's own cost however fast or busy the machine is at the time.

fn main() {
    // The app's launch is timed to a word on the terminal; the floor prints it.
    if let Some(word) = std::env::args().nth(1) {
        println!("{word}");
    }
}
