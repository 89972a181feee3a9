//! `mamori check [DIR]`: validates questionnaires and lists every problem.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::shared::load_from;
use crate::model::load::LoadOutcome;

/// Arguments of `mamori check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A questionnaire folder (default: the built-in questionnaires).
    pub dir: Option<PathBuf>,
}

pub(super) fn run(
    args: CheckArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let dir = args.dir.as_deref().or(questionnaires);
    report(&load_from(dir), dir, out)
}

fn report(outcome: &LoadOutcome, dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<i32> {
    let where_ = dir
        .map(|d| d.display().to_string())
        .unwrap_or_else(|| "built-in questionnaires".into());
    if outcome.is_clean() {
        let b = &outcome.bundle;
        let (id, version) = b.id_version();
        writeln!(
            out,
            "ok: {where_}: questionnaire '{id}' version {version}: {} checklists, {} questions, {} advice entries, {} contacts, {} strings",
            b.checklists.len(),
            b.questions().count(),
            b.advice.len(),
            b.contacts.len(),
            b.strings.len()
        )?;
        return Ok(0);
    }
    for d in &outcome.diagnostics {
        writeln!(out, "{d}")?;
    }
    writeln!(out, "{where_}: {} error(s)", outcome.diagnostics.len())?;
    Ok(1)
}
