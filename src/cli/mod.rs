//! The `mamori` command line: the arguments ([`Cli`]), a short dispatch, and one module per
//! command. [`run`] writes to the given writers, so the integration tests call it in-process;
//! `main.rs` adds the desktop app's own flags ([`crate::app::AppArgs`]) around [`Cli`].

use std::io::Write;
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

mod aggregate;
mod answer;
mod check;
mod compare;
mod encrypt;
mod export;
mod ledger;
mod list;
mod new;
mod outputs;
mod passphrase;
mod playbook;
mod report;
mod score;
mod shared;
mod terminal;

pub use terminal::TerminalSafe;

/// The command-line arguments shared by every command, and the command.
#[derive(Debug, Parser)]
#[command(
    name = "mamori",
    version,
    about = "mamori (守り): trade-secret and IP-partnership self-check for small companies",
    long_about = None
)]
pub struct Cli {
    /// Load questionnaires from this folder instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub questionnaires: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands, one module each.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate questionnaires (the built-in ones, or DIR); list every error.
    Check(check::CheckArgs),
    /// List questionnaires, checklists, question ids and texts, and advice links.
    List(list::ListArgs),
    /// Write a new, empty assessment file.
    New(new::NewArgs),
    /// Set one answer in an assessment file, in place.
    Answer(answer::AnswerArgs),
    /// Score an assessment: checklists, overall band, findings, desks, the to-confirm list.
    Score(score::ScoreArgs),
    /// Export the findings (one row per finding) and the information inventory as CSV.
    Export(export::ExportArgs),
    /// Merge a workshop class into one anonymous picture (files or folders of .ron files).
    Aggregate(aggregate::AggregateArgs),
    /// Compare visits to one company: the newest file first, then older ones.
    Compare(compare::CompareArgs),
    /// Write the PDF report of an assessment (A4; see docs/report.md).
    Report(report::ReportArgs),
    /// Encrypt an assessment file with a passphrase (age, scrypt); IN is left as it is.
    Encrypt(encrypt::EncryptArgs),
    /// Decrypt an encrypted assessment file; IN is left as it is.
    Decrypt(encrypt::DecryptArgs),
    /// Situation checklists (場面別チェック): list, show one, or print one as a one-page PDF.
    Playbook(playbook::PlaybookArgs),
    /// The disclosure ledger (開示記録) of an assessment file: add an entry, or list it.
    Ledger(ledger::LedgerArgs),
}

/// Parses arguments as `P`; on `--help`, `--version` or a bad argument, prints and gives the
/// exit code. `main.rs` parses its own wrapper around [`Cli`] with it.
pub fn parse<P, I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Result<P, i32>
where
    P: Parser,
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    P::try_parse_from(args).map_err(|e| {
        use clap::error::ErrorKind;
        let text = e.render().to_string();
        // Nothing more can be done when the help or error text cannot be written.
        match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let _ = write!(out, "{text}");
                0
            }
            _ => {
                let _ = write!(err, "{text}");
                2
            }
        }
    })
}

/// Runs the command line with `args` (the first is the program name); returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match parse::<Cli, _, _>(args, out, err) {
        Ok(cli) => run_cli(cli, out, err),
        Err(code) => code,
    }
}

/// Whether `e` says that the reader of the output went away: EPIPE, or on Windows
/// ERROR_NO_DATA (232, "the pipe is being closed") and ERROR_PIPE_NOT_CONNECTED (233), which
/// the standard library does not count as a broken pipe.
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| {
            io.kind() == std::io::ErrorKind::BrokenPipe
                || (cfg!(windows) && matches!(io.raw_os_error(), Some(232 | 233)))
        })
}

/// Runs already-parsed arguments; returns the exit code.
pub fn run_cli(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut out, mut err) = (TerminalSafe::new(out), TerminalSafe::new(err));
    let code = run_safe(cli, &mut out, &mut err);
    // Nothing more can be done when the last bytes cannot be written.
    let _ = (out.flush(), err.flush());
    code
}

fn run_safe(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match dispatch(cli, out, err) {
        Ok(code) => code,
        // The reader went away (e.g. `| head`): stop quietly, like other command-line tools.
        Err(e) if closed_pipe(&e) => 0,
        Err(e) => {
            // The error goes to standard error; if even that fails, the exit code says it.
            let _ = writeln!(err, "mamori: error: {e:#}");
            1
        }
    }
}

fn dispatch(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<i32> {
    let q = cli.questionnaires.as_deref();
    let Some(command) = cli.command else {
        write!(out, "{}", Cli::command().render_help())?;
        return Ok(0);
    };
    match command {
        Command::Check(args) => check::run(args, q, out),
        Command::List(args) => list::run(args, q, out),
        Command::New(args) => new::run(args, q, out),
        Command::Answer(args) => answer::run(args, q, out, err),
        Command::Score(args) => score::run(args, q, out, err),
        Command::Export(args) => export::run(args, q, out, err),
        Command::Aggregate(args) => aggregate::run(args, q, out, err),
        Command::Compare(args) => compare::run(args, q, out, err),
        Command::Report(args) => report::run(args, q, out, err),
        Command::Encrypt(args) => encrypt::encrypt(args, out, err),
        Command::Decrypt(args) => encrypt::decrypt(args, out, err),
        Command::Playbook(args) => playbook::run(args, q, out, err),
        Command::Ledger(args) => ledger::run(args, q, out, err),
    }
}
