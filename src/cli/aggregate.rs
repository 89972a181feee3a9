//! `mamori aggregate FILES…`: a workshop class merged into one anonymous picture, as text,
//! as JSON (`mamori-aggregate/1`) and optionally as a PDF.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use serde_json::{json, Value};

use super::outputs::{check_output, Kind};
use super::passphrase::passphrase;
use super::shared::{checklist_title as title, load_clean, question_text};
use crate::model::aggregate::{aggregate_files, list_files, ClassAggregate};
use crate::model::date::Date;
use crate::model::schema::{Answer, Bundle, Objective};
use crate::model::text::Lang;
use crate::model::words::Words;
use crate::report::class::render_class;
use crate::report::{write_pdf, ReportOptions};

/// Arguments of `mamori aggregate`.
#[derive(Debug, clap::Args)]
pub struct AggregateArgs {
    /// Assessment files, or folders holding them.
    #[arg(required = true, value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// Print JSON (format mamori-aggregate/1, documented in docs/cli.md).
    #[arg(long)]
    pub json: bool,
    /// Also write the class report as PDF.
    #[arg(long, value_name = "class.pdf")]
    pub out: Option<PathBuf>,
    /// Language of the texts: ja or en.
    #[arg(long, default_value = "ja")]
    pub lang: Lang,
    /// The passphrase of encrypted files (the same for all): the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

pub(super) fn run(
    args: AggregateArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let bundle = load_clean(questionnaires)?;
    let lang = args.lang;
    let pass = passphrase(args.passphrase_file.as_deref(), err)?;
    if let Some(pdf) = &args.out {
        check_output(pdf, Kind::Pdf, &list_files(&args.files).0)?;
    }
    let (agg, skipped) = aggregate_files(&bundle, &args.files, pass.as_ref());
    for s in &skipped {
        writeln!(err, "mamori: skipped {}: {}", s.file, s.reason)?;
    }
    if agg.participants == 0 {
        bail!(
            "none of the {} file(s) could be aggregated (see the reasons above); give assessment files of this questionnaire",
            skipped.len()
        );
    }
    if let Some(pdf) = &args.out {
        let options = ReportOptions {
            lang,
            adviser_copy: false,
            today: Date::today(),
        };
        let rendered = render_class(&bundle, &agg, &options)?;
        if let Some(w) = rendered.warning() {
            writeln!(err, "{w}")?;
        }
        write_pdf(pdf, &rendered.pdf)?;
        writeln!(err, "mamori: wrote {}", pdf.display())?;
    }
    if args.json {
        let v = aggregate_json(&bundle, &agg, lang);
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        write_aggregate_text(&bundle, &agg, lang, out)?;
    }
    Ok(0)
}

/// The `aggregate --json` document (format `mamori-aggregate/1`, fields in `docs/cli.md`).
/// Built from [`ClassAggregate`] only: it holds no name and no note.
pub(super) fn aggregate_json(b: &Bundle, agg: &ClassAggregate, lang: Lang) -> Value {
    let mean =
        |m: &crate::model::aggregate::MeanScore| json!({ "mean": m.mean, "scored": m.scored });
    json!({
        "format": "mamori-aggregate/1",
        "lang": lang.code(),
        "participants": agg.participants,
        "skipped": agg.skipped.iter().map(|k| k.code()).collect::<Vec<_>>(),
        "versions": agg.versions,
        "overall": mean(&agg.overall),
        "checklists": agg.checklists.iter().map(|m| json!({
            "id": m.id, "title": title(b, &m.id, lang), "mean": m.mean, "scored": m.scored,
        })).collect::<Vec<_>>(),
        "weakest": agg.weakest.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
        "objectives": agg.objectives.iter().zip(Objective::ALL).map(|(m, o)| json!({
            "id": m.id, "label": b.s(&o.string_key(), lang), "mean": m.mean, "scored": m.scored,
        })).collect::<Vec<_>>(),
        "questions": agg.questions.iter().map(|q| json!({
            "question_id": q.question_id,
            "checklist_id": q.checklist_id,
            "question": question_text(b, &q.question_id, lang),
            "answers": Answer::ALL.iter().map(|a| (a.code().to_string(), json!(q.count(*a)))).collect::<serde_json::Map<_, _>>(),
            "unanswered": q.unanswered,
        })).collect::<Vec<_>>(),
        "findings": agg.findings.iter().map(|f| json!({
            "question_id": f.question_id,
            "question": question_text(b, &f.question_id, lang),
            "count": f.count,
            "high": f.high,
            "cases": f.cases,
        })).collect::<Vec<_>>(),
    })
}

fn write_aggregate_text(
    b: &Bundle,
    agg: &ClassAggregate,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let s = |k: &str| b.s(k, lang).to_string();
    writeln!(out, "{}", s("score.agg_heading"))?;
    writeln!(out, "{}: {}", s("score.agg_participants"), agg.participants)?;
    let versions: Vec<String> = agg.versions.iter().map(u32::to_string).collect();
    writeln!(out, "{}: {}", s("score.agg_versions"), versions.join(", "))?;
    writeln!(
        out,
        "{}: {} ({})",
        s("score.overall"),
        Words::score(agg.overall.mean),
        s("score.agg_mean_of").replace("{n}", &agg.overall.scored.to_string())
    )?;
    if !agg.skipped.is_empty() {
        writeln!(out, "\n{}", s("score.agg_skipped"))?;
        for (kind, n) in agg.skipped_counts() {
            writeln!(out, "  {}: {n}", s(&kind.string_key()))?;
        }
    }
    writeln!(out, "\n{}", s("score.agg_weakest"))?;
    for m in &agg.weakest {
        writeln!(out, "  {}  {}", title(b, &m.id, lang), Words::score(m.mean))?;
    }
    writeln!(out, "\n{}", s("score.objectives"))?;
    for (m, o) in agg.objectives.iter().zip(Objective::ALL) {
        writeln!(out, "  {}  {}", s(&o.string_key()), Words::score(m.mean))?;
    }
    writeln!(out, "\n{}", s("score.agg_findings"))?;
    if agg.findings.is_empty() {
        writeln!(out, "  {}", s("score.no_findings"))?;
    }
    for f in agg.findings.iter().take(10) {
        writeln!(
            out,
            "  {} {}  {}  {}",
            f.count,
            s("score.agg_people"),
            f.question_id,
            question_text(b, &f.question_id, lang)
        )?;
        for c in &f.cases {
            if let Some(adv) = b.advice(c) {
                writeln!(
                    out,
                    "      {}: {} {}",
                    s("score.advice"),
                    c,
                    adv.title.get(lang)
                )?;
            }
        }
    }
    writeln!(out, "\n{}", s("score.agg_distribution"))?;
    let labels: Vec<String> = Answer::ALL.iter().map(|a| s(a.string_key())).collect();
    for q in &agg.questions {
        let parts: Vec<String> = Answer::ALL
            .iter()
            .zip(&labels)
            .map(|(a, l)| format!("{l} {}", q.count(*a)))
            .collect();
        writeln!(out, "  {}  {}", q.question_id, parts.join(" / "))?;
    }
    Ok(())
}
