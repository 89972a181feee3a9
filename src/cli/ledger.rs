//! `mamori ledger add|list`: the disclosure ledger (開示記録, case 02) of an assessment file —
//! what was given to whom, when, in what form, how marked, under which NDA — with its warnings.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::Subcommand;
use serde_json::{json, Value};

use super::outputs::{check_output, Kind};
use super::passphrase::passphrase;
use super::shared::{check_same_questionnaire, load_checked, load_clean, parse_date};
use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::fsutil::write_atomic;
use crate::model::ledger::csv::ledger_csv;
use crate::model::ledger::{DisclosureForm, LedgerEntry, NdaRef};
use crate::model::schema::Bundle;
use crate::model::text::Lang;

/// Arguments of `mamori ledger`.
#[derive(Debug, clap::Args)]
pub struct LedgerArgs {
    /// add FILE … or list FILE.
    #[command(subcommand)]
    pub command: LedgerCommand,
}

/// `mamori ledger …`
#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Add a disclosure to the ledger of an assessment file, in place.
    Add {
        /// The assessment file.
        file: PathBuf,
        /// When it was given, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        date: Date,
        /// To whom (company and person).
        #[arg(long)]
        partner: String,
        /// What was given.
        #[arg(long)]
        what: String,
        /// paper, data, sample or verbal.
        #[arg(long, value_parser = parse_form)]
        form: DisclosureForm,
        /// It was marked as confidential as the NDA requires.
        #[arg(long)]
        marked: bool,
        /// A verbal disclosure was confirmed in writing afterwards.
        #[arg(long)]
        confirmed: bool,
        /// The NDA's reference (number or name); leave out when there is no NDA.
        #[arg(long, value_name = "REF")]
        nda: Option<String>,
        /// The NDA's date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date, requires = "nda")]
        nda_date: Option<Date>,
        /// The purpose the NDA allows.
        #[arg(long, requires = "nda")]
        purpose: Option<String>,
        /// The date by which it is to be returned or destroyed, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        return_by: Option<Date>,
        /// The name of the inventory item it belongs to.
        #[arg(long)]
        item: Option<String>,
        /// Language of the messages: ja or en.
        #[arg(long, default_value = "ja")]
        lang: Lang,
        /// The passphrase of an encrypted file (it stays encrypted): the first line of FILE.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// List the ledger with each entry's warnings.
    List {
        /// The assessment file.
        file: PathBuf,
        /// Print JSON (each entry with its `warnings`).
        #[arg(long)]
        json: bool,
        /// Also write the ledger as CSV (UTF-8 with a BOM) to this file.
        #[arg(long, value_name = "CSV")]
        csv: Option<PathBuf>,
        /// Language of the texts: ja or en.
        #[arg(long, default_value = "ja")]
        lang: Lang,
        /// The passphrase of an encrypted file: the first line of FILE.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
}

fn parse_form(s: &str) -> Result<DisclosureForm, String> {
    DisclosureForm::from_code(s)
        .ok_or_else(|| format!("'{s}' is not a form; use paper, data, sample or verbal"))
}

pub(super) fn run(
    args: LedgerArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let b = &load_clean(questionnaires)?;
    match args.command {
        LedgerCommand::Add {
            file,
            date,
            partner,
            what,
            form,
            marked,
            confirmed,
            nda,
            nda_date,
            purpose,
            return_by,
            item,
            lang,
            passphrase_file,
        } => {
            if partner.trim().is_empty() || what.trim().is_empty() {
                bail!(
                    "--partner and --what must not be empty; {} was not changed",
                    file.display()
                );
            }
            let pass = passphrase(passphrase_file.as_deref(), err)?;
            let mut e = LedgerEntry::new(date, partner.trim(), what.trim(), form);
            e.marked = marked;
            e.confirmed_in_writing = confirmed;
            e.nda = nda.map(|reference| NdaRef {
                reference,
                date: nda_date,
                purpose: purpose.unwrap_or_default(),
            });
            e.return_by = return_by;
            e.item = item;
            let warnings = e.warnings(Date::today());
            // Read, changed and written under the file's lock, like `mamori answer`.
            let count = Assessment::update(&file, pass.as_ref(), "mamori ledger add", |a| {
                check_same_questionnaire(b, a, &file, err)?;
                a.ledger.push(e);
                anyhow::Ok(a.ledger.len())
            })?;
            let added = b
                .s("guide.ledger.added", lang)
                .replace("{n}", &count.to_string());
            writeln!(out, "{}: {added}", file.display())?;
            for w in warnings {
                writeln!(out, "※ {}", b.s(&w.string_key(), lang))?;
            }
        }
        LedgerCommand::List {
            file,
            json,
            csv,
            lang,
            passphrase_file,
        } => {
            if let Some(path) = &csv {
                check_output(path, Kind::Csv, std::slice::from_ref(&file))?;
            }
            let pass = passphrase(passphrase_file.as_deref(), err)?;
            let a = load_checked(b, &file, pass.as_ref(), err)?;
            let today = Date::today();
            if let Some(path) = &csv {
                write_csv(path, &ledger_csv(b, &a.ledger, lang, today))?;
            }
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&ledger_json(b, &a, lang, today))?
                )?;
            } else {
                list_text(b, &a, lang, today, out)?;
            }
        }
    }
    Ok(0)
}

fn write_csv(path: &Path, text: &str) -> anyhow::Result<()> {
    write_atomic(path, text.as_bytes()).with_context(|| {
        format!(
            "{}: writing the CSV failed. Check that the folder exists and that you may write there",
            path.display()
        )
    })
}

fn ledger_json(b: &Bundle, a: &Assessment, lang: Lang, today: Date) -> Value {
    let entries: Vec<Value> = a
        .ledger
        .iter()
        .map(|e| {
            let warnings: Vec<Value> = e
                .warnings(today)
                .iter()
                .map(|w| json!({ "code": w.code(), "text": b.s(&w.string_key(), lang) }))
                .collect();
            json!({
                "date": e.date.to_string(),
                "partner": e.partner,
                "what": e.what,
                "item": e.item,
                "form": e.form.code(),
                "marked": e.marked,
                "confirmed_in_writing": e.confirmed_in_writing,
                "nda": e.nda.as_ref().map(|n| json!({
                    "reference": n.reference,
                    "date": n.date.map(|d| d.to_string()),
                    "purpose": n.purpose,
                })),
                "return_by": e.return_by.map(|d| d.to_string()),
                "status": e.status.code(),
                "note": e.note,
                "warnings": warnings,
            })
        })
        .collect();
    json!({ "format": "mamori-ledger/1", "today": today.to_string(), "entries": entries })
}

fn list_text(
    b: &Bundle,
    a: &Assessment,
    lang: Lang,
    today: Date,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if a.ledger.is_empty() {
        writeln!(out, "{}", b.s("guide.ledger.empty", lang))?;
        return Ok(());
    }
    for (i, e) in a.ledger.iter().enumerate() {
        writeln!(
            out,
            "{}. {}  {}  {}  ({})",
            i + 1,
            e.date.display(lang),
            e.partner,
            e.what,
            b.s(&e.form.string_key(), lang)
        )?;
        for w in e.warnings(today) {
            writeln!(out, "   ※ {}", b.s(&w.string_key(), lang))?;
        }
    }
    Ok(())
}
