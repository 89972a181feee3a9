//! `mamori compare NEW OLD…`: visits to one company compared, with a trend from three visits.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::passphrase::passphrase;
use super::shared::{checklist_title as title, fmt_score, load_checked, load_clean, question_text};
use crate::model::assessment::Assessment;
use crate::model::compare::{compare, Comparison};
use crate::model::crypt::SecretString;
use crate::model::schema::Bundle;
use crate::model::text::Lang;

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
    let bundle = load_clean(questionnaires)?;
    let pass = passphrase(args.passphrase_file.as_deref(), err)?;
    let newest = load_checked(&bundle, &args.new, pass.as_ref(), err)?;
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

fn signed(delta: Option<f64>) -> String {
    match delta {
        Some(d) if d.round() == 0.0 => "±0".into(),
        Some(d) => format!("{d:+.0}"),
        None => "—".into(),
    }
}

/// The words for a change, so it is never told by a sign or colour alone.
pub(super) fn change_words(b: &Bundle, delta: Option<f64>, lang: Lang) -> String {
    match delta {
        Some(d) if d.round() > 0.0 => b.s("score.cmp_up", lang).to_string(),
        Some(d) if d.round() < 0.0 => b.s("score.cmp_down", lang).to_string(),
        Some(_) => b.s("score.cmp_same", lang).to_string(),
        None => String::new(),
    }
}

fn write_compare_text(
    b: &Bundle,
    c: &Comparison,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let s = |k: &str| b.s(k, lang).to_string();
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
        "{}: {} → {}  ({} {})",
        s("score.cmp_overall"),
        fmt_score(c.overall.before),
        fmt_score(c.overall.after),
        signed(c.overall.delta()),
        change_words(b, c.overall.delta(), lang)
    )?;
    writeln!(out, "\n{}", s("score.cmp_checklists"))?;
    for ch in &c.checklists {
        writeln!(
            out,
            "  {}  {} → {}  ({} {})",
            title(b, &ch.id, lang),
            fmt_score(ch.before),
            fmt_score(ch.after),
            signed(ch.delta()),
            change_words(b, ch.delta(), lang)
        )?;
    }
    let lists = [
        ("score.cmp_resolved", &c.resolved),
        ("score.cmp_new", &c.new_findings),
        ("score.cmp_open", &c.still_open),
        ("score.cmp_improved", &c.improved),
        ("score.cmp_not_answered", &c.not_answered_now),
        ("score.cmp_confirmed", &c.confirmed),
        ("score.cmp_still_confirm", &c.still_to_confirm),
    ];
    for (key, ids) in lists {
        writeln!(out, "\n{} ({})", s(key), ids.len())?;
        if ids.is_empty() {
            writeln!(out, "  {}", s("score.cmp_none"))?;
        }
        for id in ids {
            writeln!(out, "  {}  {}", id, question_text(b, id, lang))?;
        }
    }
    if c.versions_differ {
        for (key, ids) in [
            ("score.cmp_added", &c.added_questions),
            ("score.cmp_removed", &c.removed_questions),
        ] {
            writeln!(out, "\n{} ({})", s(key), ids.len())?;
            for id in ids {
                writeln!(out, "  {id}")?;
            }
        }
    }
    if c.has_trend() {
        writeln!(out, "\n{}", s("score.cmp_trend"))?;
        for v in &c.visits {
            writeln!(
                out,
                "  {}  {}  {}",
                v.date.display(lang),
                fmt_score(v.overall),
                "#".repeat(v.overall.map(|x| (x / 5.0).round() as usize).unwrap_or(0))
            )?;
        }
    }
    Ok(())
}
