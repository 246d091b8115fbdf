//! Shared helpers for the integration tests: a journal in its own temp
//! folder, the real `easeoff` binary with a fixed "now", and the journal's
//! bytes for "nothing changed" checks.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The fixed "now" of every test: a Tuesday morning in March.
pub const NOW: &str = "2026-03-10T09:00:00+01:00";

pub struct Env {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    /// The "now" the binary runs at: [`NOW`] unless a scenario sets its own.
    pub now: String,
}

impl Env {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data").join("journal.json");
        Self { dir, path, now: NOW.to_owned() }
    }

    /// A journal holding one of the spec's scenarios, run at its "now".
    pub fn scenario(scenario: &easeoff::scenarios::Scenario) -> Self {
        let mut env = Self::new();
        std::fs::create_dir_all(env.path.parent().unwrap()).unwrap();
        std::fs::write(&env.path, easeoff::store::serialize(&scenario.journal)).unwrap();
        env.now = scenario.now.to_rfc3339();
        env
    }

    /// A journal that already holds the 42-day demo.
    pub fn with_demo() -> Self {
        let env = Self::new();
        std::fs::create_dir_all(env.path.parent().unwrap()).unwrap();
        env.run(&["demo", "--write", env.path.to_str().unwrap(), "--days", "42"]).assert().success();
        env
    }

    /// The binary, pointed at this journal, at the fixed "now".
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("easeoff").expect("binary");
        cmd.env("EASEOFF_DATA_FILE", &self.path).env("EASEOFF_NOW", &self.now).env_remove("NO_COLOR");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Command {
        let mut cmd = self.cmd();
        cmd.args(args);
        cmd
    }

    /// Runs and returns standard output, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args).output().expect("run");
        assert!(out.status.success(), "easeoff {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs, expects exit `code`, and returns standard error.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args).output().expect("run");
        assert_eq!(out.status.code(), Some(code), "easeoff {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stderr).expect("utf-8")
    }

    pub fn bytes(&self) -> Option<Vec<u8>> {
        std::fs::read(&self.path).ok()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.bytes().expect("journal exists")).expect("journal parses")
    }

    pub fn folder(&self) -> &Path {
        self.path.parent().unwrap()
    }
}
pub mod session;
