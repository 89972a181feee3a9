//! The `mamori` binary: thin glue. With a subcommand it is the command line
//! ([`mamori::cli`]); without one it opens the desktop app ([`mamori::app::native`]).

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
        match mamori::app::native::run(questionnaires, &args.app, started) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("mamori: error: {e:#}");
                1
            }
        }
    };
    std::process::exit(code);
}
