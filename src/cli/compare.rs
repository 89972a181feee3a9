//! `mamori compare NEW OLD…`: visits to one company compared, with a trend from three visits.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::shared::{checklist_title as title, load_checked, open_checked, question_text};
use crate::model::assessment::Assessment;
use crate::model::compare::{compare, Comparison};
use crate::model::crypt::SecretString;
use crate::model::schema::Bundle;
use crate::model::text::Lang;
use crate::model::words::Words;

/// Arguments of `mamori compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The newest assessment.
    pub new: PathBuf,
    /// The previous visit, then any earlier ones.
    #[arg(required = true, value_name = "OLD")]
    pub old: Vec<PathBuf>,
    /// Language of the texts: ja or en.
    #[arg(long, default_value = "ja")]
    pub lang: Lang,
    /// The passphrase of encrypted files (the same for all): the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

pub(super) fn run(
    args: CompareArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let (bundle, pass, newest) = open_checked(
        questionnaires,
        &args.new,
        args.passphrase_file.as_deref(),
        err,
    )?;
    let older = load_older(&bundle, &args.old, pass.as_ref(), err)?;
    let c = compare(&bundle, &newest, &older)?;
    write_compare_text(&bundle, &c, args.lang, out)?;
    Ok(0)
}

/// The older visits (plaintext files), each checked to answer `bundle`.
pub(super) fn load_older(
    bundle: &Bundle,
    old: &[PathBuf],
    pass: Option<&SecretString>,
    err: &mut dyn Write,
) -> anyhow::Result<Vec<Assessment>> {
    old.iter()
        .map(|p| load_checked(bundle, p, pass, err))
        .collect()
}

fn write_compare_text(
    b: &Bundle,
    c: &Comparison,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let words = Words::new(b, lang);
    let s = |k: &str| words.owned(k);
    writeln!(out, "{}", s("score.cmp_heading"))?;
    if c.reordered {
        writeln!(out, "{}", s("score.cmp_reordered"))?;
    }
    if c.company_differs {
        writeln!(out, "{}", s("score.cmp_company_differs"))?;
    }
    let dates: Vec<String> = c.visits.iter().map(|v| v.date.display(lang)).collect();
    writeln!(out, "{}: {}", s("score.cmp_visits"), dates.join(" → "))?;
    if c.versions_differ {
        writeln!(out, "{}", s("score.cmp_versions"))?;
    }
    writeln!(
        out,
        "{}: {} → {}  ({})",
        s("score.cmp_overall"),
        Words::score(c.overall.before),
        Words::score(c.overall.after),
        words.signed_change(c.overall.delta())
    )?;
    writeln!(out, "\n{}", s("score.cmp_checklists"))?;
    for ch in &c.checklists {
        writeln!(
            out,
            "  {}  {} → {}  ({})",
            title(b, &ch.id, lang),
            Words::score(ch.before),
            Words::score(ch.after),
            words.signed_change(ch.delta())
        )?;
    }
    for (key, ids) in c.lists() {
        writeln!(out, "\n{} ({})", s(key), ids.len())?;
        if ids.is_empty() {
            writeln!(out, "  {}", s("score.cmp_none"))?;
        }
        for id in ids {
            writeln!(out, "  {}  {}", id, question_text(b, id, lang))?;
        }
    }
    // Added or removed questions: ids only (a removed one has no text in this questionnaire).
    for (key, ids) in c.version_lists() {
        writeln!(out, "\n{} ({})", s(key), ids.len())?;
        for id in ids {
            writeln!(out, "  {id}")?;
        }
    }
    if c.has_trend() {
        writeln!(out, "\n{}", s("score.cmp_trend"))?;
        for v in &c.visits {
            writeln!(
                out,
                "  {}  {}  {}",
                v.date.display(lang),
                Words::score(v.overall),
                "#".repeat(v.overall.map(|x| (x / 5.0).round() as usize).unwrap_or(0))
            )?;
        }
    }
    Ok(())
}
