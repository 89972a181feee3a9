//! CSV export of the findings (one row per finding) and of the information inventory (one row
//! per item), for a remediation plan kept in a spreadsheet.
//!
//! Both are UTF-8 with a byte-order mark (so that Excel on Windows reads the Japanese
//! correctly), CRLF line ends and RFC 4180 quoting, written and read by the `csv` crate. A cell that a spreadsheet would run as a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
//! The inventory is a second file (see `docs/cli.md`): the two tables have different columns.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::assessment::Assessment;
use super::fsutil::write_all_or_nothing;
use super::inventory::InventoryItem;
use super::schema::Bundle;
use super::scoring::{score, ScoreReport};
use super::text::Lang;

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// String keys of the findings columns, in order.
pub const FINDING_COLUMNS: [&str; 10] = [
    "score.csv_checklist",
    "score.csv_question_id",
    "score.csv_question",
    "score.csv_answer",
    "score.csv_severity",
    "score.csv_case",
    "score.csv_first_step",
    "score.csv_desk",
    "score.csv_owner",
    "score.csv_due",
];

/// String keys of the inventory columns, in order.
pub const INVENTORY_COLUMNS: [&str; 5] = [
    "score.csv_inv_name",
    "score.csv_inv_category",
    "score.csv_inv_rank",
    "score.csv_inv_locations",
    "score.csv_inv_access",
];

/// What a cell may not start with: a spreadsheet would run it as a formula (`=`, `+`, `-`,
/// `@`) or drop the character (a tab, a carriage return). Such a cell gets a leading `'`.
pub const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell's text with the formula guard: a leading `'` when it starts with one of
/// [`FORMULA_START`].
pub fn guard(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// CSV text by the `csv` crate: the BOM, then one line per row with CRLF line ends, a cell
/// quoted only where RFC 4180 needs it (a comma, quote or line break), every cell guarded.
pub fn csv_text<'a, R>(rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = &'a String>,
{
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::from(BOM));
    // The CSV is written into memory, where nothing can fail: the `csv` crate reports only
    // the errors of the writer it is given, and a `Vec` never gives one.
    for row in rows {
        w.write_record(row.into_iter().map(|c| guard(c).into_owned()))
            .expect("writing CSV into memory cannot fail");
    }
    let bytes = w
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    // Every cell is a `String` and the separators are ASCII, so the text is UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One cell as it stands in a row of [`csv_text`]: guarded, and quoted when needed.
pub fn cell(value: &str) -> String {
    let line = csv_text([&vec![value.to_string(), String::new()]]);
    line.strip_prefix(BOM)
        .and_then(|l| l.strip_suffix(",\r\n"))
        .unwrap_or(&line)
        .to_string()
}

/// The findings CSV: one row per finding of `report`, most severe first; owner and due date
/// from the assessment's actions.
pub fn findings_csv(b: &Bundle, a: &Assessment, report: &ScoreReport, lang: Lang) -> String {
    let header: Vec<String> = FINDING_COLUMNS
        .iter()
        .map(|k| b.s(k, lang).to_string())
        .collect();
    let mut rows = vec![header];
    for f in &report.findings {
        let Some((c, q)) = b.question(&f.question_id) else {
            continue;
        };
        let case = f
            .advice
            .iter()
            .filter_map(|id| b.advice(id))
            .find(|adv| adv.case_no.is_some())
            .or_else(|| f.advice.first().and_then(|id| b.advice(id)));
        let desks: Vec<String> = f
            .contacts
            .iter()
            .filter_map(|id| b.contact(id))
            .map(|c| match c.phone_display(lang) {
                Some(p) => format!("{} {p}", c.name.get(lang)),
                None => c.name.get(lang).to_string(),
            })
            .collect();
        let action = a.actions.get(&f.question_id);
        rows.push(vec![
            c.title.get(lang).to_string(),
            q.id.clone(),
            q.text.get(lang).to_string(),
            b.s(f.answer.string_key(), lang).to_string(),
            b.s(&f.severity.string_key(), lang).to_string(),
            case.map(|adv| format!("{} {}", adv.id, adv.title.get(lang)))
                .unwrap_or_default(),
            case.map(|adv| adv.first_step.get(lang).to_string())
                .unwrap_or_default(),
            desks.join(" / "),
            action
                .map(|x| x.owner.trim().to_string())
                .unwrap_or_default(),
            action
                .and_then(|x| x.due)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ]);
    }
    csv_text(&rows)
}

/// The inventory CSV: one row per item; several locations are joined with ` / `.
pub fn inventory_csv(b: &Bundle, a: &Assessment, lang: Lang) -> String {
    let header: Vec<String> = INVENTORY_COLUMNS
        .iter()
        .map(|k| b.s(k, lang).to_string())
        .collect();
    let mut rows = vec![header];
    rows.extend(a.inventory.iter().map(|item| inventory_row(b, item, lang)));
    csv_text(&rows)
}

/// An inventory item in words, in the order of [`INVENTORY_COLUMNS`] (the CSV and the
/// report's appendix): name, category, rank, locations joined with ` / `, who has access.
pub fn inventory_row(b: &Bundle, item: &InventoryItem, lang: Lang) -> Vec<String> {
    let word = |key: String| b.s(&key, lang).to_string();
    let locations: Vec<String> = item
        .locations
        .iter()
        .map(|l| word(l.string_key()))
        .collect();
    vec![
        item.name.clone(),
        item.category
            .map(|c| word(c.string_key()))
            .unwrap_or_default(),
        item.rank.map(|r| word(r.string_key())).unwrap_or_default(),
        locations.join(" / "),
        item.access.clone(),
    ]
}

/// A CSV file could not be written (then none of the pair was: see [`write_csv_pair`]).
#[derive(Debug, thiserror::Error)]
#[error("{path}: writing the CSV failed: {error}; neither {findings} nor {inventory} was written or changed. Check that the folder exists and that you may write there")]
pub struct ExportError {
    /// The file that failed.
    pub path: PathBuf,
    /// The findings CSV.
    pub findings: PathBuf,
    /// The inventory CSV.
    pub inventory: PathBuf,
    /// The OS error.
    pub error: std::io::Error,
}

/// `NAME.csv` → `NAME-inventory.csv`, in the same folder.
pub fn inventory_path(csv: &Path) -> PathBuf {
    let stem = csv
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    csv.with_file_name(format!("{stem}-inventory.csv"))
}

/// Writes the findings CSV to `csv` and the inventory CSV next to it, all or nothing: when
/// one cannot be written, neither file changes. Returns the inventory file's path.
pub fn write_csv_pair(
    bundle: &Bundle,
    a: &Assessment,
    csv: &Path,
    lang: Lang,
) -> Result<PathBuf, ExportError> {
    let report = score(bundle, a);
    let inv = inventory_path(csv);
    let findings = findings_csv(bundle, a, &report, lang);
    let inventory = inventory_csv(bundle, a, lang);
    write_all_or_nothing(&[(csv, findings.as_bytes()), (&inv, inventory.as_bytes())]).map_err(
        |(path, error)| ExportError {
            path,
            findings: csv.to_path_buf(),
            inventory: inv.clone(),
            error,
        },
    )?;
    Ok(inv)
}

/// Parses CSV text as written here (BOM, RFC 4180 quoting, rows of any length) back into
/// rows of cells, with the `csv` crate; used to read a ledger back and by tests. Blank lines
/// are skipped.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // A reader of text in memory with `flexible` rows has nothing to fail on (no I/O, valid
    // UTF-8, any row length), so the rows are all there is.
    reader
        .records()
        .map_while(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_guarded() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("+81"), "'+81");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@x"), "'@x");
        assert_eq!(cell("=a,b"), "\"'=a,b\"");
        assert_eq!(cell("二行\n目"), "\"二行\n目\"");
        assert_eq!(cell("03-3581-1101"), "03-3581-1101");
    }

    #[test]
    fn parse_reads_back_what_row_writes() {
        let cells = vec![
            "営業秘密, \"極秘\"".to_string(),
            "改\n行".to_string(),
            String::new(),
        ];
        let out = csv_text([&cells, &vec!["x".to_string()]]);
        assert!(
            out.starts_with(BOM) && out.ends_with("\r\nx\r\n"),
            "{out:?}"
        );
        assert_eq!(parse_csv(&out), vec![cells, vec!["x".to_string()]]);
    }
}
