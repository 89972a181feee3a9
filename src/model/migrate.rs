//! Assessment format versions and the migration chain from old versions to the current one.
//!
//! Every old format version has a frozen struct here, exactly as it was written, and a function
//! turning it into the next version. A file is read with the struct of its own version and then
//! walked up the chain, so a file written by any older mamori loads. Format history:
//!
//! | version | change |
//! |---|---|
//! | 1 | the first format |
//! | 2 | v2 adds the information inventory and per-finding owner/due date |

use std::collections::BTreeMap;

use serde::Deserialize;

use super::assessment::{
    AdviserNotes, AnswerEntry, Assessment, AssessmentError, CompanyProfile, Mode, QuestionnaireRef,
    FORMAT_VERSION,
};
use super::date::Date;
use super::diag::{from_ron_error, Diagnostic};

/// Every format version with what it changed, oldest first (also in
/// `docs/assessment-format.md`).
pub const CHANGELOG: &[(u32, &str)] = &[
    (1, "the first format"),
    (
        2,
        "v2 adds the information inventory and per-finding owner/due date",
    ),
];

const DOC: &str = "docs/assessment-format.md";

/// Format version 1, frozen: the assessment file as mamori wrote it before version 2.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Assessment")]
pub struct V1 {
    /// Always 1.
    pub format_version: u32,
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireRef,
    /// The company.
    #[serde(default)]
    pub company: CompanyProfile,
    /// Who filled it in.
    #[serde(default)]
    pub assessor: String,
    /// The date of the assessment.
    pub date: Date,
    /// Self-check, adviser visit or workshop.
    #[serde(default)]
    pub mode: Mode,
    /// Answers by question id.
    #[serde(default, deserialize_with = "super::assessment::unique_keys")]
    pub answers: BTreeMap<String, AnswerEntry>,
    /// The adviser's private notes.
    #[serde(default)]
    pub adviser: AdviserNotes,
}

/// Version 1 → 2: everything is kept; the information inventory and the owners and due dates
/// of findings start empty.
pub fn v1_to_v2(v1: V1) -> Assessment {
    Assessment {
        format_version: 2,
        questionnaire: v1.questionnaire,
        company: v1.company,
        assessor: v1.assessor,
        date: v1.date,
        mode: v1.mode,
        answers: v1.answers,
        adviser: v1.adviser,
        inventory: Vec::new(),
        actions: BTreeMap::new(),
        ledger: Vec::new(),
        ticked: BTreeMap::new(),
    }
}

/// Reads `text`, written in the old format `version` (1 ≤ version < [`FORMAT_VERSION`]), and
/// migrates it step by step to the current version. `shown` names the file in messages.
pub fn from_old(shown: &str, text: &str, version: u32) -> Result<Assessment, AssessmentError> {
    let opts = ron::Options::default().with_recursion_limit(64);
    let invalid = |e: &ron::error::SpannedError| {
        let mut d = from_ron_error(shown, text, 0, e, DOC);
        d.message = format!("{} (in a format version {version} file)", d.message);
        AssessmentError::Invalid(d)
    };
    let current = match version {
        1 => v1_to_v2(opts.from_str::<V1>(text).map_err(|e| invalid(&e))?),
        _ => {
            return Err(AssessmentError::Invalid(Diagnostic {
                file: shown.to_string(),
                line: 1,
                col: 1,
                message: format!("format_version {version} does not exist"),
                hint: format!(
                    "Versions 1 to {FORMAT_VERSION} exist; set the right one (see {DOC})"
                ),
            }))
        }
    };
    debug_assert_eq!(current.format_version, FORMAT_VERSION);
    Ok(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changelog_ends_at_the_current_version() {
        let versions: Vec<u32> = CHANGELOG.iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=FORMAT_VERSION).collect::<Vec<_>>());
    }
}
