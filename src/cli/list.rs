//! `mamori list`: the questionnaire's checklists, question ids and texts, and advice links.

use std::io::Write;
use std::path::Path;

use serde_json::{json, Value};

use super::shared::load_clean;
use crate::model::schema::Bundle;
use crate::model::text::Lang;

/// Arguments of `mamori list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Language of the texts: ja or en.
    #[arg(long, default_value = "ja")]
    pub lang: Lang,
}

pub(super) fn run(
    args: ListArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let bundle = load_clean(questionnaires)?;
    if args.json {
        let v = list_json(&bundle, args.lang);
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        write_text(&bundle, args.lang, out)?;
    }
    Ok(0)
}

fn list_json(b: &Bundle, lang: Lang) -> Value {
    let (id, version) = b.id_version();
    json!({
        "questionnaire": {
            "id": id,
            "version": version,
            "title": b.questionnaire.as_ref().map(|q| q.title.get(lang)),
        },
        "checklists": b.checklists.iter().map(|c| json!({
            "id": c.id,
            "kind": c.kind.code(),
            "title": c.title.get(lang),
            "conditional": c.applies_if.is_some(),
            "questions": c.questions.iter().map(|q| json!({
                "id": q.id,
                "text": q.text.get(lang),
                "weight": q.weight,
                "critical": q.critical,
                "conditional": q.applies_if.is_some(),
                "objectives": q.objectives.iter().map(|o| o.code()).collect::<Vec<_>>(),
                "legal": q.legal.iter().map(|l| l.code()).collect::<Vec<_>>(),
                "advice": q.advice,
                "contacts": q.contacts,
                "source": { "title": b.source_title(&q.source.file, lang), "heading": q.source.heading },
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "advice": b.advice.iter().map(|a| json!({
            "id": a.id, "case_no": a.case_no, "title": a.title.get(lang), "contacts": a.contacts,
        })).collect::<Vec<_>>(),
        "contacts": b.contacts.iter().map(|c| json!({
            "id": c.id, "name": c.name.get(lang), "phone": c.phone,
        })).collect::<Vec<_>>(),
    })
}

fn write_text(b: &Bundle, lang: Lang, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(q) = &b.questionnaire {
        writeln!(out, "{} ({} v{})", q.title.get(lang), q.id, q.version)?;
    }
    for c in &b.checklists {
        writeln!(
            out,
            "\n[{}] {} ({})",
            c.id,
            c.title.get(lang),
            c.kind.code()
        )?;
        for q in &c.questions {
            let mark = if q.critical { "!" } else { " " };
            writeln!(out, " {mark} {}  {}", q.id, q.text.get(lang))?;
            if !q.advice.is_empty() {
                writeln!(out, "      -> {}", q.advice.join(", "))?;
            }
        }
    }
    writeln!(out)?;
    for a in &b.advice {
        writeln!(out, "{}  {}", a.id, a.title.get(lang))?;
    }
    Ok(())
}
