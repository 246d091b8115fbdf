//! The floor for whole-process figures: a Rust program that does nothing but
//! start and exit, built with the same profile as `easeoff`. `examples/bench`
//! runs it interleaved with each command, so a figure's ratio to it shows
//! easeoff's own cost however fast or busy the machine is at the time.

fn main() {}
