//! `mamori answer FILE QUESTION VALUE`: sets one answer in an assessment file, in place.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::passphrase::passphrase;
use super::shared::{check_same_questionnaire, load_clean, parse_answer};
use crate::model::assessment::{Assessment, MAX_NOTE_CHARS};
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
    let pass = passphrase(args.passphrase_file.as_deref(), err)?;
    let file = &args.file;
    let Some((c, q)) = bundle.question(&args.question_id) else {
        bail!(
            "there is no question '{}'{}; {} was not changed. `mamori list` shows every id",
            args.question_id,
            suggest(&bundle, &args.question_id),
            file.display()
        );
    };
    if let Some(n) = args.note.as_ref().map(|n| n.chars().count()) {
        if n > MAX_NOTE_CHARS {
            bail!(
                "the note has {n} characters, more than the {MAX_NOTE_CHARS} a note may hold; {} was not changed. Shorten it, or keep long material in a separate document",
                file.display()
            );
        }
    }
    // Read, changed and written under the file's lock: another mamori writing the same file
    // at the same time waits, so neither answer is lost.
    let applies = Assessment::update(file, pass.as_ref(), "mamori answer", |a| {
        check_same_questionnaire(&bundle, a, file, err)?;
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
        anyhow::Ok(question_applies(c, q, a))
    })?;
    writeln!(out, "{} = {}", q.id, args.value.code())?;
    if !applies {
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
