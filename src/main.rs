//! The `mamori` binary: thin glue. With a subcommand it is the command line
//! ([`mamori::cli`]); without one it opens the desktop app ([`mamori::app::native`]).

fn main() {
    let started = std::time::Instant::now();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let cli = match mamori::cli::parse(std::env::args_os(), &mut out, &mut err) {
        Ok(cli) => cli,
        Err(code) => std::process::exit(code),
    };
    let code = if cli.command.is_some() {
        mamori::cli::run_cli(cli, &mut out, &mut err)
    } else {
        drop((out, err));
        match mamori::app::native::run(&cli, started) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("mamori: error: {e:#}");
                1
            }
        }
    };
    std::process::exit(code);
}
