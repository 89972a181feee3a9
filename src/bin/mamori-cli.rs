//! `mamori-cli`: the command line of mamori for consoles on Windows (cmd, PowerShell).
//!
//! On Windows `mamori.exe` is a GUI program, so that double-clicking it opens only the window;
//! Windows gives a GUI program no console, and what it prints would be lost. `mamori-cli.exe`
//! is a small console program that runs the `mamori` next to it with the same arguments,
//! passes on what it prints (as text, so Japanese shows in any console code page) and exits
//! with its exit code. It behaves the same on other systems, where `mamori` prints by itself.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

/// The program this one runs, in the same folder.
const TARGET: &str = if cfg!(windows) {
    "mamori.exe"
} else {
    "mamori"
};

fn main() {
    let target = match std::env::current_exe() {
        Ok(exe) => exe.with_file_name(TARGET),
        Err(e) => {
            eprintln!("mamori-cli: error: the program's own folder is unknown: {e}");
            std::process::exit(1);
        }
    };
    let mut child = match Command::new(&target)
        .args(std::env::args_os().skip(1))
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "mamori-cli: error: {} is missing. mamori-cli must stay in the folder of \
                 {TARGET}; reinstall mamori",
                target.display()
            );
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!(
                "mamori-cli: error: {} could not be started: {e}. The command did not run and \
                 nothing was changed; try it again, and reinstall mamori if this keeps happening",
                target.display()
            );
            std::process::exit(1);
        }
    };
    let errors = child
        .stderr
        .take()
        .map(|mut from| std::thread::spawn(move || relay(&mut from, &mut std::io::stderr())));
    if let Some(mut from) = child.stdout.take() {
        // When the reader goes away (`| more` closed), `from` is dropped here and the program
        // sees a closed pipe, which it ends quietly.
        relay(&mut from, &mut std::io::stdout());
    }
    if let Some(t) = errors {
        let _ = t.join();
    }
    let code = match child.wait() {
        Ok(status) => status.code().unwrap_or(1),
        Err(e) => {
            eprintln!("mamori-cli: error: {}: {e}", target.display());
            1
        }
    };
    std::process::exit(code);
}

/// Copies `from` to `to` until `from` ends or `to` can no longer be written.
fn relay(from: &mut impl Read, to: &mut impl Write) {
    let mut buf = [0u8; 8192];
    loop {
        match from.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                if to.write_all(&buf[..n]).and_then(|()| to.flush()).is_err() {
                    return;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}
