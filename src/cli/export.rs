//! `mamori export FILE --csv OUT.csv`: the findings (one row each) and the information
//! inventory as CSV files for Excel.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::outputs::{check_output, Kind};
use super::shared::open_checked;
use crate::model::export::{inventory_path, write_csv_pair};
use crate::model::text::Lang;

/// Arguments of `mamori export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// The findings CSV to write; the inventory goes next to it as NAME-inventory.csv.
    #[arg(long, value_name = "OUT.csv")]
    pub csv: PathBuf,
    /// Language of the texts: ja or en.
    #[arg(long, default_value = "ja")]
    pub lang: Lang,
    /// The passphrase of an encrypted FILE: the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

pub(super) fn run(
    args: ExportArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let (bundle, _, a) = open_checked(
        questionnaires,
        &args.file,
        args.passphrase_file.as_deref(),
        err,
    )?;
    let inputs = [args.file.clone()];
    check_output(&args.csv, Kind::Csv, &inputs)?;
    check_output(&inventory_path(&args.csv), Kind::Csv, &inputs)?;
    let inv = write_csv_pair(&bundle, &a, &args.csv, args.lang)?;
    writeln!(out, "{}", args.csv.display())?;
    writeln!(out, "{}", inv.display())?;
    Ok(0)
}
