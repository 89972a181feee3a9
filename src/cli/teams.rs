//! The command-line commands for advisers and trainers: `export` (CSV), `aggregate` (a class,
//! anonymous) and `compare` (visits over time). Output goes to the given writers.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use serde_json::{json, Value};

use super::{check_same_questionnaire, fmt_score};
use crate::model::aggregate::{aggregate, load_set, ClassAggregate};
use crate::model::assessment::Assessment;
use crate::model::compare::{compare, Comparison};
use crate::model::date::Date;
use crate::model::export::write_csv_pair;
use crate::model::schema::{Answer, Bundle, Objective};
use crate::model::text::Lang;
use crate::report::teams::{render_class, render_comparison, write_pdf};
use crate::report::ReportOptions;

pub(super) fn export_cmd(
    bundle: &Bundle,
    file: &Path,
    csv: &Path,
    lang: Lang,
    passphrase: Option<&crate::model::crypt::SecretString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let a = Assessment::load_with(file, passphrase)?;
    check_same_questionnaire(bundle, &a, file, err)?;
    if csv == file {
        bail!(
            "the CSV would replace the assessment file {}; nothing was written. Choose another name ending in .csv",
            file.display()
        );
    }
    let inv = write_csv_pair(bundle, &a, csv, lang)?;
    writeln!(out, "{}", csv.display())?;
    writeln!(out, "{}", inv.display())?;
    Ok(0)
}

pub(super) fn aggregate_cmd(
    bundle: &Bundle,
    files: &[PathBuf],
    (json, pdf): (bool, Option<&Path>),
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let set = load_set(bundle, files);
    for s in &set.skipped {
        writeln!(err, "mamori: skipped {}: {}", s.file, s.reason)?;
    }
    if set.assessments.is_empty() {
        bail!(
            "none of the {} file(s) could be aggregated (see the reasons above); give assessment files of this questionnaire",
            set.skipped.len()
        );
    }
    let agg = aggregate(bundle, &set);
    if let Some(pdf) = pdf {
        let options = ReportOptions {
            lang,
            adviser_copy: false,
            today: Date::today(),
        };
        let bytes = render_class(bundle, &agg, &options)?;
        write_pdf(pdf, &bytes)?;
        writeln!(err, "mamori: wrote {}", pdf.display())?;
    }
    if json {
        let v = aggregate_json(bundle, &agg, lang);
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        write_aggregate_text(bundle, &agg, lang, out)?;
    }
    Ok(0)
}

fn title(b: &Bundle, checklist_id: &str, lang: Lang) -> String {
    b.checklist(checklist_id)
        .map(|c| c.title.get(lang).to_string())
        .unwrap_or_else(|| checklist_id.to_string())
}

fn question_text(b: &Bundle, id: &str, lang: Lang) -> String {
    b.question(id)
        .map(|(_, q)| q.text.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The `aggregate --json` document (format `mamori-aggregate/1`, fields in `docs/cli.md`).
/// Built from [`ClassAggregate`] only: it holds no name and no note.
pub fn aggregate_json(b: &Bundle, agg: &ClassAggregate, lang: Lang) -> Value {
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
        "{}: {} ({} {})",
        s("score.overall"),
        fmt_score(agg.overall.mean),
        s("score.agg_mean"),
        agg.overall.scored
    )?;
    if !agg.skipped.is_empty() {
        writeln!(out, "\n{}", s("score.agg_skipped"))?;
        for (kind, n) in agg.skipped_counts() {
            writeln!(out, "  {}: {n}", s(&kind.string_key()))?;
        }
    }
    writeln!(out, "\n{}", s("score.agg_weakest"))?;
    for m in &agg.weakest {
        writeln!(out, "  {}  {}", title(b, &m.id, lang), fmt_score(m.mean))?;
    }
    writeln!(out, "\n{}", s("score.objectives"))?;
    for (m, o) in agg.objectives.iter().zip(Objective::ALL) {
        writeln!(out, "  {}  {}", s(&o.string_key()), fmt_score(m.mean))?;
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

pub(super) fn compare_report_cmd(
    bundle: &Bundle,
    newest: &Assessment,
    old: &[PathBuf],
    pdf: &Path,
    options: &ReportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let mut older = Vec::new();
    for p in old {
        let a = Assessment::load(p)?;
        check_same_questionnaire(bundle, &a, p, err)?;
        older.push(a);
    }
    let bytes = render_comparison(bundle, newest, &older, options)?;
    write_pdf(pdf, &bytes)?;
    writeln!(out, "{}", pdf.display())?;
    Ok(0)
}

pub(super) fn compare_cmd(
    bundle: &Bundle,
    new: &Path,
    old: &[PathBuf],
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let newest = Assessment::load(new)?;
    check_same_questionnaire(bundle, &newest, new, err)?;
    let mut older = Vec::new();
    for p in old {
        let a = Assessment::load(p)?;
        check_same_questionnaire(bundle, &a, p, err)?;
        older.push(a);
    }
    let c = compare(bundle, &newest, &older)?;
    write_compare_text(bundle, &c, lang, out)?;
    Ok(0)
}

fn signed(delta: Option<f64>) -> String {
    match delta {
        Some(d) if d.round() == 0.0 => "±0".into(),
        Some(d) => format!("{d:+.0}"),
        None => "—".into(),
    }
}

/// The words for a change, so it is never told by a sign or colour alone.
pub fn change_words(b: &Bundle, delta: Option<f64>, lang: Lang) -> String {
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
