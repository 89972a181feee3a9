//! `mamori answer FILE QUESTION VALUE`: sets one answer in an assessment file, in place.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::passphrase::passphrase;
use super::shared::{load_checked, load_clean, parse_answer};
use crate::model::schema::{Answer, Bundle};
use crate::model::scoring::question_applies;

/// Arguments of `mamori answer`.
#[derive(Debug, clap::Args)]
pub struct AnswerArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// The question id (see `mamori list`).
    pub question_id: String,
    /// yes, partly, no, unknown or na.
    #[arg(value_parser = parse_answer)]
    pub value: Answer,
    /// A note to keep with the answer.
    #[arg(long)]
    pub note: Option<String>,
    /// Flag the question to review later.
    #[arg(long, conflicts_with = "no_review_later")]
    pub review_later: bool,
    /// Clear the review-later flag.
    #[arg(long)]
    pub no_review_later: bool,
    /// The passphrase of an encrypted file (it stays encrypted): the first line of FILE.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

pub(super) fn run(
    args: AnswerArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let bundle = load_clean(questionnaires)?;
    let pass = passphrase(args.passphrase_file.as_deref())?;
    let file = &args.file;
    let mut a = load_checked(&bundle, file, pass.as_ref(), err)?;
    let Some((c, q)) = bundle.question(&args.question_id) else {
        bail!(
            "there is no question '{}'{}; {} was not changed. `mamori list` shows every id",
            args.question_id,
            suggest(&bundle, &args.question_id),
            file.display()
        );
    };
    let entry = a.answers.entry(q.id.clone()).or_default();
    entry.value = Some(args.value);
    if let Some(n) = args.note {
        entry.note = n;
    }
    if args.review_later {
        entry.review_later = true;
    }
    if args.no_review_later {
        entry.review_later = false;
    }
    a.save_with(file, pass.as_ref())?;
    writeln!(out, "{} = {}", q.id, args.value.code())?;
    if !question_applies(c, q, &a) {
        writeln!(
            err,
            "mamori: note: '{}' does not apply with the current screening answers; the answer is kept but not scored",
            q.id
        )?;
    }
    Ok(0)
}

/// Up to six question ids near a mistyped one, as a "did you mean" clause.
fn suggest(bundle: &Bundle, wanted: &str) -> String {
    let prefix = wanted.split('.').next().unwrap_or(wanted);
    let near: Vec<&str> = bundle
        .questions()
        .map(|(_, q)| q.id.as_str())
        .filter(|id| id.starts_with(&format!("{prefix}.")) || id.contains(wanted))
        .take(6)
        .collect();
    if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean one of: {}?)", near.join(", "))
    }
}
