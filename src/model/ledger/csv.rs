//! The disclosure ledger as CSV (UTF-8 with a BOM, CRLF, RFC 4180 quoting, formula guard —
//! like the other exports in [`crate::model::export`]), and read back.
//!
//! Cells hold what a person reads (dates `YYYY-MM-DD`, the form and status in the chosen
//! language, はい/いいえ); [`parse_ledger_csv`] accepts either language and the codes, so a file
//! exported and edited in a spreadsheet can be read again. The last column lists the warnings
//! of the day of export; it is not read back (warnings are always computed).

use super::{DisclosureForm, LedgerEntry, LedgerStatus, NdaRef};
use crate::model::date::Date;
use crate::model::export::{csv_text, parse_csv, FORMULA_START};
use crate::model::schema::Bundle;
use crate::model::text::Lang;

/// String keys of the columns, in order.
pub const LEDGER_COLUMNS: [&str; 14] = [
    "guide.ledger.col.date",
    "guide.ledger.col.partner",
    "guide.ledger.col.what",
    "guide.ledger.col.item",
    "guide.ledger.col.form",
    "guide.ledger.col.marked",
    "guide.ledger.col.confirmed",
    "guide.ledger.col.nda",
    "guide.ledger.col.nda_date",
    "guide.ledger.col.nda_purpose",
    "guide.ledger.col.return_by",
    "guide.ledger.col.status",
    "guide.ledger.col.note",
    "guide.ledger.col.warnings",
];

fn yes_no(b: &Bundle, lang: Lang, v: bool) -> String {
    b.s(
        if v {
            "open_close.choice.yes"
        } else {
            "open_close.choice.no"
        },
        lang,
    )
    .to_string()
}

/// The ledger CSV: a header row, then one row per entry with its warnings on `today`.
pub fn ledger_csv(b: &Bundle, ledger: &[LedgerEntry], lang: Lang, today: Date) -> String {
    let header: Vec<String> = LEDGER_COLUMNS
        .iter()
        .map(|k| b.s(k, lang).to_string())
        .collect();
    let mut rows = vec![header];
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for e in ledger {
        let nda = e.nda.clone().unwrap_or_default();
        let warnings: Vec<String> = e
            .warnings(today)
            .iter()
            .map(|w| b.s(&w.string_key(), lang).to_string())
            .collect();
        rows.push(vec![
            e.date.to_string(),
            e.partner.clone(),
            e.what.clone(),
            e.item.clone().unwrap_or_default(),
            b.s(&e.form.string_key(), lang).to_string(),
            yes_no(b, lang, e.marked),
            yes_no(b, lang, e.confirmed_in_writing),
            nda.reference,
            date(nda.date),
            nda.purpose,
            date(e.return_by),
            b.s(&e.status.string_key(), lang).to_string(),
            e.note.clone(),
            warnings.join(" / "),
        ]);
    }
    csv_text(&rows)
}

/// Why a ledger CSV could not be read: the 1-based row and column, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row}, column {col}: {message}")]
pub struct LedgerCsvError {
    /// 1-based row (the header is row 1).
    pub row: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// Reads a ledger CSV as written by [`ledger_csv`] (in either language) back into entries.
pub fn parse_ledger_csv(b: &Bundle, text: &str) -> Result<Vec<LedgerEntry>, LedgerCsvError> {
    let rows = parse_csv(text);
    let mut out = Vec::new();
    for (i, cells) in rows.iter().enumerate().skip(1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.push(parse_row(b, i + 1, cells)?);
    }
    Ok(out)
}

fn parse_row(b: &Bundle, row: usize, cells: &[String]) -> Result<LedgerEntry, LedgerCsvError> {
    let err = |col: usize, message: String| LedgerCsvError { row, col, message };
    let get = |col: usize| cells.get(col - 1).map(|s| s.trim()).unwrap_or("");
    let text = |col: usize| unguard(get(col)).to_string();
    let date = |col: usize| -> Result<Option<Date>, LedgerCsvError> {
        match get(col) {
            "" => Ok(None),
            s => Date::parse(s).map(Some).map_err(|m| err(col, m)),
        }
    };
    let flag = |col: usize| -> Result<bool, LedgerCsvError> {
        let v = get(col);
        if matches(b, "open_close.choice.yes", v) || v.eq_ignore_ascii_case("yes") {
            Ok(true)
        } else if v.is_empty()
            || matches(b, "open_close.choice.no", v)
            || v.eq_ignore_ascii_case("no")
        {
            Ok(false)
        } else {
            Err(err(
                col,
                format!("'{v}' is neither yes nor no (はい / いいえ)"),
            ))
        }
    };
    let form = DisclosureForm::ALL
        .into_iter()
        .find(|f| f.code().eq_ignore_ascii_case(get(5)) || matches(b, &f.string_key(), get(5)))
        .ok_or_else(|| {
            err(
                5,
                format!(
                    "'{}' is not a form; write paper, data, sample or verbal",
                    get(5)
                ),
            )
        })?;
    let status = match get(12) {
        "" => LedgerStatus::Out,
        s => LedgerStatus::ALL
            .into_iter()
            .find(|x| x.code().eq_ignore_ascii_case(s) || matches(b, &x.string_key(), s))
            .ok_or_else(|| {
                err(
                    12,
                    format!("'{s}' is not a status; write out, returned or destroyed"),
                )
            })?,
    };
    let entry_date =
        date(1)?.ok_or_else(|| err(1, "the date is empty; write YYYY-MM-DD".into()))?;
    let nda = NdaRef {
        reference: text(8),
        date: date(9)?,
        purpose: text(10),
    };
    let item = text(4);
    Ok(LedgerEntry {
        date: entry_date,
        partner: text(2),
        what: text(3),
        item: (!item.is_empty()).then_some(item),
        form,
        marked: flag(6)?,
        confirmed_in_writing: flag(7)?,
        nda: (nda != NdaRef::default()).then_some(nda),
        return_by: date(11)?,
        status,
        note: text(13),
    })
}

/// Undoes the formula guard of [`crate::model::export::guard`]: a `'` before one of
/// [`FORMULA_START`].
fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => s,
    }
}

/// True when `value` is the text of `key` in either language.
fn matches(b: &Bundle, key: &str, value: &str) -> bool {
    b.strings
        .get(key)
        .is_some_and(|t| Lang::ALL.iter().any(|l| t.get(*l) == value))
}
