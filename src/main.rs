//! The `mamori` binary: thin glue. With a subcommand it is the command line
//! ([`mamori::cli`]); without one it opens the desktop app ([`mamori::app::native`]).
//!
//! On Windows it is a GUI program, so double-clicking it opens only the window, no console;
//! the console program `mamori-cli.exe` (`src/bin/mamori-cli.rs`) runs it from cmd and
//! PowerShell and passes its output on.
#![cfg_attr(windows, windows_subsystem = "windows")]

use clap::Parser;

/// The command line, and the flags only the desktop app reads.
#[derive(Parser)]
#[command(
    name = "mamori",
    version,
    about = "mamori (守り): trade-secret and IP-partnership self-check for small companies",
    long_about = None
)]
struct Args {
    #[command(flatten)]
    cli: mamori::cli::Cli,
    #[command(flatten)]
    app: mamori::app::AppArgs,
}

fn main() {
    let started = std::time::Instant::now();
    install_logger();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let args: Args = match mamori::cli::parse(std::env::args_os(), &mut out, &mut err) {
        Ok(args) => args,
        Err(code) => std::process::exit(code),
    };
    let code = if args.cli.command.is_some() {
        mamori::cli::run_cli(args.cli, &mut out, &mut err)
    } else {
        drop((out, err));
        let questionnaires = args.cli.questionnaires.as_deref();
        let scripted = args.app.screenshot.is_some() || args.app.bench;
        match mamori::app::native::run(questionnaires, &args.app, started) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("mamori: error: {e:#}");
                if !scripted {
                    show_error(&format!("{e:#}"));
                }
                1
            }
        }
    };
    std::process::exit(code);
}

/// Logs to standard error what the libraries report only through the `log` crate: printpdf's
/// warnings while writing a report (command line and app), and eframe, winit and rfd in the
/// app (a missing file-dialog portal, a GL context that failed). The level comes from
/// `MAMORI_LOG` (`error`, `warn`, `info`, `debug`, `trace`, or per module as `env_logger` reads
/// it; default `warn`).
fn install_logger() {
    let env = env_logger::Env::new()
        .filter_or("MAMORI_LOG", "warn")
        .write_style("MAMORI_LOG_STYLE");
    // A second call, or another logger already set, changes nothing.
    let _ = env_logger::Builder::from_env(env).try_init();
}

/// A GUI program on Windows has no console for the message: say it in a message box.
#[cfg(windows)]
fn show_error(text: &str) {
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("mamori")
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

/// Elsewhere the message on standard error is enough.
#[cfg(not(windows))]
fn show_error(_text: &str) {}
