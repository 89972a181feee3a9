//! The `mamori` binary: thin glue over [`mamori::cli`].

fn main() {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = mamori::cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}
