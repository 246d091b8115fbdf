//! The real binary in a real pseudo-terminal, its screen parsed as a
//! terminal would show it: what the pty and kill tests drive.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::Env;

/// A running easeoff in a pseudo-terminal (120×40 unless said), with its
/// screen parsed.
pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    pub fn start(env: &Env, args: &[&str]) -> Self {
        Self::start_sized(env, args, 40, 120)
    }

    pub fn start_sized(env: &Env, args: &[&str], rows: u16, cols: u16) -> Self {
        let pty = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("easeoff"));
        cmd.args(args);
        cmd.env("EASEOFF_DATA_FILE", &env.path);
        cmd.env("EASEOFF_NOW", super::NOW);
        cmd.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (screen_in, raw_in) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&chunk[..n]);
                raw_in.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // Keep the master open for the life of the session.
        std::mem::forget(pty.master);
        Self { screen, raw, writer, child }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text` (the app answers in milliseconds;
    /// the generous limit only keeps a broken build from hanging the suite).
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(start.elapsed() < Duration::from_secs(20), "never saw {text:?} on screen:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}
