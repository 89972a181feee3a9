//! `mamori playbook list|show|pdf`: the situation checklists (場面別チェック) — what to do at
//! the moment a secret may leave the company — as text, JSON or a one-page A4 PDF.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Subcommand;
use serde_json::{json, Value};

use super::outputs::{check_output, Kind};
use super::passphrase::passphrase;
use super::shared::{load_checked, load_clean};
use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::schema::Bundle;
use crate::model::situation::Situation;
use crate::model::text::Lang;

/// Arguments of `mamori playbook`.
#[derive(Debug, clap::Args)]
pub struct PlaybookArgs {
    /// list, show ID or pdf ID.
    #[command(subcommand)]
    pub command: PlaybookCommand,
}

/// `mamori playbook …`
#[derive(Debug, Subcommand)]
pub enum PlaybookCommand {
    /// List the situation checklists: id, title and number of steps.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja")]
        lang: Lang,
    },
    /// Print one situation checklist: its steps, why, and the desks to call.
    Show {
        /// The situation id (see `mamori playbook list`).
        id: String,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja")]
        lang: Lang,
        /// Show the company's answers and ticked steps from this assessment file.
        #[arg(long, value_name = "FILE")]
        assessment: Option<PathBuf>,
        /// The passphrase of an encrypted assessment file: the first line of FILE.
        #[arg(long, value_name = "FILE", requires = "assessment")]
        passphrase_file: Option<PathBuf>,
    },
    /// Write one situation checklist as a one-page A4 PDF with the desks to call.
    Pdf {
        /// The situation id (see `mamori playbook list`).
        id: String,
        /// The PDF file to write.
        #[arg(long, value_name = "PDF")]
        out: PathBuf,
        /// Show the company's answers and ticked steps from this assessment file.
        #[arg(long, value_name = "FILE")]
        assessment: Option<PathBuf>,
        /// Language of the PDF: ja or en.
        #[arg(long, default_value = "ja")]
        lang: Lang,
        /// The passphrase of an encrypted assessment file: the first line of FILE.
        #[arg(long, value_name = "FILE", requires = "assessment")]
        passphrase_file: Option<PathBuf>,
    },
}

fn find<'a>(b: &'a Bundle, id: &str) -> anyhow::Result<&'a Situation> {
    match b.situation(id) {
        Some(s) => Ok(s),
        None => {
            let ids: Vec<&str> = b.situations.iter().map(|s| s.id.as_str()).collect();
            bail!(
                "there is no situation '{id}'; nothing was written. The situations are: {}",
                ids.join(", ")
            )
        }
    }
}

pub(super) fn run(
    args: PlaybookArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let b = &load_clean(questionnaires)?;
    let load = |file: Option<&Path>,
                pass: Option<&Path>,
                err: &mut dyn Write|
     -> anyhow::Result<Option<Assessment>> {
        let Some(file) = file else { return Ok(None) };
        let pass = passphrase(pass, err)?;
        load_checked(b, file, pass.as_ref(), err).map(Some)
    };
    match args.command {
        PlaybookCommand::List { json, lang } => {
            if json {
                let list: Vec<Value> = b
                    .situations
                    .iter()
                    .map(|s| situation_json(b, s, lang))
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(
                        &json!({ "format": "mamori-playbooks/1", "situations": list })
                    )?
                )?;
            } else {
                for s in &b.situations {
                    writeln!(out, "{}\t{}\t{}", s.id, s.title.get(lang), s.steps.len())?;
                }
            }
        }
        PlaybookCommand::Show {
            id,
            lang,
            assessment,
            passphrase_file,
        } => {
            let s = find(b, &id)?;
            let a = load(assessment.as_deref(), passphrase_file.as_deref(), err)?;
            show(b, s, a.as_ref(), lang, out)?;
        }
        PlaybookCommand::Pdf {
            id,
            out: path,
            assessment,
            lang,
            passphrase_file,
        } => {
            let s = find(b, &id)?;
            let inputs: Vec<PathBuf> = assessment.iter().cloned().collect();
            check_output(&path, Kind::Pdf, &inputs)?;
            let a = load(assessment.as_deref(), passphrase_file.as_deref(), err)?;
            let rendered =
                crate::report::guide::render_playbook(b, s, a.as_ref(), lang, Date::today())?;
            // The characters that cannot be shown are named before the file is written.
            if let Some(w) = rendered.warning() {
                writeln!(err, "{w}")?;
            }
            crate::report::write_pdf(&path, &rendered.pdf)?;
            writeln!(out, "{}", path.display())?;
        }
    }
    Ok(0)
}

fn situation_json(b: &Bundle, s: &Situation, lang: Lang) -> Value {
    let steps: Vec<Value> = s
        .steps
        .iter()
        .map(|st| {
            json!({
                "id": st.id,
                "text": st.text.get(lang),
                "why": st.why.get(lang),
                "advice": st.advice,
                "question": st.answer.as_ref().map(|l| l.question.clone()),
                "source": { "file": st.source.file, "heading": st.source.heading },
            })
        })
        .collect();
    let desks: Vec<Value> = s
        .contacts
        .iter()
        .filter_map(|id| b.contact(id))
        .map(|c| json!({ "id": c.id, "name": c.name.get(lang), "phone": c.phone_display(lang) }))
        .collect();
    json!({
        "id": s.id,
        "title": s.title.get(lang),
        "summary": s.summary.get(lang),
        "steps": steps,
        "desks": desks,
    })
}

fn show(
    b: &Bundle,
    s: &Situation,
    a: Option<&Assessment>,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    writeln!(out, "{}", s.title.get(lang))?;
    writeln!(out, "{}\n", s.summary.get(lang))?;
    for (i, st) in s.steps.iter().enumerate() {
        let ticked = a.and_then(|a| a.ticked.get(&st.id));
        let mark = if ticked.is_some() { "[x]" } else { "[ ]" };
        writeln!(out, "{mark} {}. {}", i + 1, st.text.get(lang))?;
        if let Some(d) = ticked {
            writeln!(
                out,
                "    {}: {}",
                b.s("guide.done_on", lang),
                d.display(lang)
            )?;
        }
        writeln!(out, "    {}: {}", b.s("guide.why", lang), st.why.get(lang))?;
        if let Some((link, ans)) = a.and_then(|a| a.step_answer(st)) {
            writeln!(
                out,
                "    {}: {}: {}",
                b.s("guide.your_answer", lang),
                link.label.get(lang),
                b.s(ans.string_key(), lang)
            )?;
        }
    }
    writeln!(out, "\n{}", b.s("guide.playbook.desks", lang))?;
    for c in s.contacts.iter().filter_map(|id| b.contact(id)) {
        let phone = c.phone_display(lang).unwrap_or_default();
        writeln!(out, "- {}  {phone}", c.name.get(lang))?;
    }
    Ok(())
}
