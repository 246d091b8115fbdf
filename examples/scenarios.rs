//! Writes the seven journals of `shared/spec/situations.md` into a folder,
//! each with the "now" it is judged at, so every situation can be tried with
//! the real binary: `cargo run --example scenarios -- /tmp/situations`, then
//! the printed commands.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "situations".to_owned()));
    std::fs::create_dir_all(&dir)?;
    for (i, s) in easeoff::scenarios::all().into_iter().enumerate() {
        let file = dir.join(format!("{}-{}.json", i + 1, s.name.replace(' ', "-")));
        std::fs::write(&file, easeoff::store::serialize(&s.journal))?;
        println!("EASEOFF_NOW={} easeoff --data-file {} status", s.now.to_rfc3339(), file.display());
    }
    Ok(())
}
