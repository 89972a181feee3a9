//! `mamori report FILE --out OUT.pdf`: the PDF report, or with `--compare OLD…` the report of
//! visits compared.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::compare::load_older;
use super::outputs::{check_output, Kind};
use super::passphrase::passphrase;
use super::shared::{load_checked, load_clean};
use crate::model::date::Date;
use crate::model::text::Lang;
use crate::report::compare::render_comparison;
use crate::report::{write_pdf, ReportOptions};

/// Arguments of `mamori report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// The PDF file to write (replaced atomically if it exists).
    #[arg(long, value_name = "OUT.pdf")]
    pub out: PathBuf,
    /// Language of the report: ja or en.
    #[arg(long, default_value = "ja")]
    pub lang: Lang,
    /// The adviser's copy: include the private notes (never hand this one to the company).
    #[arg(long)]
    pub adviser_copy: bool,
    /// Instead of the report, compare FILE (the newest visit) with these older visits.
    #[arg(long, value_name = "OLD", num_args = 1..)]
    pub compare: Vec<PathBuf>,
    /// The passphrase of an encrypted FILE: the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

pub(super) fn run(
    args: ReportArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let bundle = load_clean(questionnaires)?;
    let pass = passphrase(args.passphrase_file.as_deref(), err)?;
    let inputs: Vec<PathBuf> = std::iter::once(args.file.clone())
        .chain(args.compare.iter().cloned())
        .collect();
    check_output(&args.out, Kind::Pdf, &inputs)?;
    let a = load_checked(&bundle, &args.file, pass.as_ref(), err)?;
    let options = ReportOptions {
        lang: args.lang,
        adviser_copy: args.adviser_copy,
        today: Date::today(),
    };
    let rendered = if args.compare.is_empty() {
        crate::report::render_report(&bundle, &a, &options)?
    } else {
        // The older visits are opened with the same passphrase.
        let older = load_older(&bundle, &args.compare, pass.as_ref(), err)?;
        render_comparison(&bundle, &a, &older, &options)?
    };
    // The characters that cannot be shown are named before the file is written.
    if let Some(w) = rendered.warning() {
        writeln!(err, "{w}")?;
    }
    write_pdf(&args.out, &rendered.pdf)?;
    writeln!(out, "{}", args.out.display())?;
    Ok(0)
}
