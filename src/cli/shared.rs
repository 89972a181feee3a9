//! Pieces several commands share: loading the questionnaires, checking that a file answers
//! them, parsing argument values, and formatting a score.

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, bail};

use super::passphrase::passphrase;
use crate::model::assessment::{Assessment, Mode};
use crate::model::crypt::SecretString;
use crate::model::date::Date;
use crate::model::load::{load_dir, load_embedded, LoadOutcome};
use crate::model::schema::{Answer, Bundle};
use crate::model::text::Lang;

pub(super) fn parse_mode(s: &str) -> Result<Mode, String> {
    Mode::from_code(s).ok_or_else(|| format!("'{s}' is not a mode: use self, adviser or workshop"))
}

pub(super) fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
}

pub(super) fn parse_answer(s: &str) -> Result<Answer, String> {
    Answer::from_code(s)
        .ok_or_else(|| format!("'{s}' is not an answer: use yes, partly, no, unknown or na"))
}

/// The built-in questionnaires, or those of `dir`.
pub(super) fn load_from(dir: Option<&Path>) -> LoadOutcome {
    match dir {
        Some(d) => load_dir(d),
        None => load_embedded(),
    }
}

/// Loads the questionnaires; any problem is an error listing all of them.
pub(super) fn load_clean(dir: Option<&Path>) -> anyhow::Result<Bundle> {
    let outcome = load_from(dir);
    if outcome.is_clean() {
        return Ok(outcome.bundle);
    }
    let list: Vec<String> = outcome.diagnostics.iter().map(|d| d.to_string()).collect();
    Err(anyhow!(
        "the questionnaires{} have {} problem(s); fix them first (`mamori check` lists them):\n{}",
        dir.map(|d| format!(" in {}", d.display()))
            .unwrap_or_default(),
        list.len(),
        list.join("\n")
    ))
}

/// Refuses a file of another questionnaire; notes a file of another version of it.
pub(super) fn check_same_questionnaire(
    bundle: &Bundle,
    a: &Assessment,
    file: &Path,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let (id, version) = bundle.id_version();
    if a.questionnaire.id != id {
        bail!(
            "{} answers the questionnaire '{}', but the loaded questionnaire is '{}'; the file was not changed. Load the right one with --questionnaires DIR",
            file.display(),
            a.questionnaire.id,
            id
        );
    }
    if a.questionnaire.version != version {
        writeln!(
            err,
            "mamori: note: {} was made with questionnaire version {}, the loaded one is version {}; answers are matched by question id",
            file.display(),
            a.questionnaire.version,
            version
        )?;
    }
    Ok(())
}

/// Loads an assessment file and checks it answers `bundle`.
pub(super) fn load_checked(
    bundle: &Bundle,
    file: &Path,
    passphrase: Option<&SecretString>,
    err: &mut dyn Write,
) -> anyhow::Result<Assessment> {
    let a = Assessment::load_with(file, passphrase)?;
    check_same_questionnaire(bundle, &a, file, err)?;
    Ok(a)
}

/// What most commands start with: the questionnaire (clean, or the command fails), the
/// passphrase from `passphrase_file` when one is given, and the assessment `file` loaded with
/// it and checked to answer that questionnaire.
pub(super) fn open_checked(
    questionnaires: Option<&Path>,
    file: &Path,
    passphrase_file: Option<&Path>,
    err: &mut dyn Write,
) -> anyhow::Result<(Bundle, Option<SecretString>, Assessment)> {
    let bundle = load_clean(questionnaires)?;
    let pass = passphrase(passphrase_file, err)?;
    let a = load_checked(&bundle, file, pass.as_ref(), err)?;
    Ok((bundle, pass, a))
}

/// A checklist's title, or its id when the questionnaire has no such checklist.
pub(super) fn checklist_title(b: &Bundle, checklist_id: &str, lang: Lang) -> String {
    b.checklist(checklist_id)
        .map(|c| c.title.get(lang).to_string())
        .unwrap_or_else(|| checklist_id.to_string())
}

/// A question's text, or its id when the questionnaire has no such question.
pub(super) fn question_text(b: &Bundle, id: &str, lang: Lang) -> String {
    b.question(id)
        .map(|(_, q)| q.text.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}
