//! `mamori new --out FILE`: writes a new, empty assessment file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::shared::{load_clean, parse_date, parse_mode};
use crate::model::assessment::{Assessment, Mode};
use crate::model::date::Date;

/// Arguments of `mamori new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Company name.
    #[arg(long)]
    pub company: Option<String>,
    /// Who fills it in.
    #[arg(long)]
    pub assessor: Option<String>,
    /// The company's prefecture (e.g. 大阪府, 大阪 or Osaka): chooses the regional desk.
    #[arg(long, value_parser = parse_prefecture)]
    pub prefecture: Option<&'static str>,
    /// self, adviser or workshop.
    #[arg(long, default_value = "self", value_parser = parse_mode)]
    pub mode: Mode,
    /// Date of the assessment, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

fn parse_prefecture(s: &str) -> Result<&'static str, String> {
    crate::model::region::canonical(s).ok_or_else(|| {
        format!("'{s}' is not a Japanese prefecture: give its name, e.g. 大阪府, 東京都 or Osaka")
    })
}

pub(super) fn run(
    args: NewArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let bundle = load_clean(questionnaires)?;
    let path = args.out;
    if path.exists() && !args.force {
        bail!(
            "{} already exists; nothing was written. Choose another name, or add --force to replace it",
            path.display()
        );
    }
    let mut a = Assessment::new(&bundle, args.date.unwrap_or_else(Date::today));
    a.company.name = args.company.unwrap_or_default();
    a.assessor = args.assessor.unwrap_or_default();
    a.company.prefecture = args.prefecture.unwrap_or_default().to_string();
    a.mode = args.mode;
    a.save(&path)?;
    writeln!(out, "{}", path.display())?;
    Ok(0)
}
