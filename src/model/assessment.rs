//! The assessment file: one company's answers, as RON (see `docs/assessment-format.md`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::diag::Diagnostic;
use super::diag::MAX_FILE_BYTES;
use super::inventory::InventoryItem;
use super::ledger::LedgerEntry;
use super::lock::LockError;
use super::schema::{Answer, Bundle};
use super::situation::{AnswerLink, Situation, Step};

/// The format version this build writes (and the newest it reads). Older versions are
/// migrated on load (see [`crate::model::migrate`] for the history and the chain).
pub const FORMAT_VERSION: u32 = 2;

/// The longest note (a user's note or an adviser's note), in characters. The command line and
/// the app refuse longer ones where they are typed; with the size limit of the whole file
/// ([`MAX_FILE_BYTES`]) this keeps every file that mamori saves one that it can read back.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// Who is doing the check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// An owner checking alone.
    #[default]
    SelfCheck,
    /// An INPIT adviser with the owner.
    Adviser,
    /// A workshop exercise.
    Workshop,
}

impl Mode {
    /// All modes.
    pub const ALL: [Mode; 3] = [Mode::SelfCheck, Mode::Adviser, Mode::Workshop];

    /// The command-line code: `self`, `adviser`, `workshop`.
    pub fn code(self) -> &'static str {
        match self {
            Mode::SelfCheck => "self",
            Mode::Adviser => "adviser",
            Mode::Workshop => "workshop",
        }
    }

    /// Parses the command-line code.
    pub fn from_code(s: &str) -> Option<Mode> {
        Mode::ALL
            .into_iter()
            .find(|m| m.code().eq_ignore_ascii_case(s.trim()))
    }

    /// The key of this mode's label in `strings.ron`.
    pub fn string_key(self) -> &'static str {
        match self {
            Mode::SelfCheck => "mode.self",
            Mode::Adviser => "mode.adviser",
            Mode::Workshop => "mode.workshop",
        }
    }
}

/// Number of staff, in bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StaffBand {
    /// 1–4
    UpTo4,
    /// 5–20
    From5To20,
    /// 21–50
    From21To50,
    /// 51–100
    From51To100,
    /// 101–300
    From101To300,
    /// more than 300
    Over300,
}

impl StaffBand {
    /// All bands, smallest first.
    pub const ALL: [StaffBand; 6] = [
        StaffBand::UpTo4,
        StaffBand::From5To20,
        StaffBand::From21To50,
        StaffBand::From51To100,
        StaffBand::From101To300,
        StaffBand::Over300,
    ];

    /// The band as shown: `5–20`.
    pub fn label(self) -> &'static str {
        match self {
            StaffBand::UpTo4 => "1–4",
            StaffBand::From5To20 => "5–20",
            StaffBand::From21To50 => "21–50",
            StaffBand::From51To100 => "51–100",
            StaffBand::From101To300 => "101–300",
            StaffBand::Over300 => "301+",
        }
    }
}

/// Which questionnaire (and which version of it) the answers belong to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    /// Questionnaire id.
    pub id: String,
    /// Questionnaire content version.
    pub version: u32,
}

/// The company being assessed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CompanyProfile {
    /// Company name.
    pub name: String,
    /// Industry, free text.
    pub industry: String,
    /// Number of staff.
    pub staff_band: Option<StaffBand>,
    /// Prefecture.
    pub prefecture: String,
}

/// One answer with its note and review flag.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnswerEntry {
    /// The answer; `None` while only a note or flag is set.
    pub value: Option<Answer>,
    /// The user's note (goes into the company's copy); left out of the file when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Flagged to look at again; left out of the file when not set.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub review_later: bool,
}

/// The adviser's private notes: never in the company's copy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdviserNotes {
    /// General notes on the visit.
    pub general: String,
    /// Notes per question id.
    #[serde(deserialize_with = "unique_keys")]
    pub per_question: BTreeMap<String, String>,
}

impl AdviserNotes {
    /// True when there is nothing in them.
    pub fn is_empty(&self) -> bool {
        self.general.trim().is_empty() && self.per_question.values().all(|v| v.trim().is_empty())
    }
}

/// One assessment: the whole content of an assessment file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Format version of the file.
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
    /// Answers by question id (answers to questions unknown to the questionnaire are kept).
    #[serde(default, deserialize_with = "unique_keys")]
    pub answers: BTreeMap<String, AnswerEntry>,
    /// The adviser's private notes.
    #[serde(default)]
    pub adviser: AdviserNotes,
    /// The information inventory (case 01 steps 1 and 2); left out of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inventory: Vec<InventoryItem>,
    /// Who acts on a finding and by when, by question id; left out of the file when empty.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub actions: BTreeMap<String, FindingAction>,
    /// The disclosure ledger (開示記録, case 02); left out of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ledger: Vec<LedgerEntry>,
    /// Ticked steps of the situation checklists by step id, with the day they were ticked;
    /// left out of the file when empty.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub ticked: BTreeMap<String, Date>,
}

/// Who acts on a finding, and by when (part of the company's copy; exported to CSV).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FindingAction {
    /// Who is responsible.
    pub owner: String,
    /// The due date.
    pub due: Option<Date>,
}

impl FindingAction {
    /// True when neither an owner nor a date is set.
    pub fn is_empty(&self) -> bool {
        self.owner.trim().is_empty() && self.due.is_none()
    }
}

/// Why an assessment file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum AssessmentError {
    /// The file could not be read or written. (The OS error is part of the message and not
    /// a `source`, so that a chain of errors prints it once.)
    #[error("{path}: {action} failed: {error}. Check the path and that you may {verb} there")]
    Io {
        /// The file.
        path: PathBuf,
        /// "reading" or "writing".
        action: &'static str,
        /// "read" or "write".
        verb: &'static str,
        /// The OS error.
        error: std::io::Error,
    },
    /// Saving would write a file larger than mamori reads.
    #[error("{path}: the assessment would take {size} bytes, more than the limit of {MAX_FILE_BYTES} bytes (4 MiB) for a mamori file, so it was not saved; the file on disk is unchanged. Shorten long notes (at most {MAX_NOTE_CHARS} characters each)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The size the file would have had.
        size: usize,
    },
    /// Another process is writing the file, or its lock cannot be taken.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// The assessment could not be written as text (a bug: every field can be written).
    #[error(
        "the assessment could not be written as text ({0}); nothing was saved. Please report this"
    )]
    Serialize(String),
    /// The content is not a valid assessment.
    #[error("{0}")]
    Invalid(Diagnostic),
    /// Written by a newer mamori.
    #[error("{path}: the file has format version {found}, but this mamori reads versions up to {supported}. Open it with a newer mamori; the file was not changed")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// The file is encrypted and no passphrase was given.
    #[error("{path}: the file is encrypted. Give its passphrase (in the CLI: --passphrase-file FILE); the file was not changed")]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// Encrypting or decrypting failed (wrong passphrase, damaged file …).
    #[error("{path}: {reason}")]
    Crypt {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: super::crypt::CryptError,
    },
}

/// What kind of problem an [`AssessmentError`] is, for a message in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file does not exist.
    NotFound,
    /// The system refused access to the file or its folder.
    NoPermission,
    /// Any other problem of reading or writing.
    Io,
    /// The file would be larger than mamori reads.
    TooLarge,
    /// Another mamori is writing the file.
    InUse,
    /// The content is not a mamori assessment (or is damaged).
    NotAssessment,
    /// Written by a newer mamori.
    TooNew,
    /// The file is encrypted and needs its passphrase.
    Encrypted,
    /// The passphrase does not open the file.
    WrongPassphrase,
    /// The encrypted file is damaged or of a kind mamori does not read.
    CryptFailed,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 10] = [
        Self::NotFound,
        Self::NoPermission,
        Self::Io,
        Self::TooLarge,
        Self::InUse,
        Self::NotAssessment,
        Self::TooNew,
        Self::Encrypted,
        Self::WrongPassphrase,
        Self::CryptFailed,
    ];

    /// The stable name used in string keys (`ui.error_kind.NAME.what`, `….todo`).
    pub fn key(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::NoPermission => "no_permission",
            Self::Io => "io",
            Self::TooLarge => "too_large",
            Self::InUse => "in_use",
            Self::NotAssessment => "not_assessment",
            Self::TooNew => "too_new",
            Self::Encrypted => "encrypted",
            Self::WrongPassphrase => "wrong_passphrase",
            Self::CryptFailed => "crypt_failed",
        }
    }
}

impl AssessmentError {
    /// The line and column of the problem in the file, when the content is at fault.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        match self {
            Self::Invalid(d) => Some((d.line, d.col)),
            _ => None,
        }
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Io { error, .. } => match error.kind() {
                std::io::ErrorKind::NotFound => ErrorKind::NotFound,
                std::io::ErrorKind::PermissionDenied => ErrorKind::NoPermission,
                _ => ErrorKind::Io,
            },
            Self::TooLarge { .. } => ErrorKind::TooLarge,
            Self::Lock(_) => ErrorKind::InUse,
            Self::Invalid(_) => ErrorKind::NotAssessment,
            Self::TooNew { .. } => ErrorKind::TooNew,
            Self::Encrypted { .. } => ErrorKind::Encrypted,
            Self::Crypt {
                reason: super::crypt::CryptError::WrongPassphrase,
                ..
            } => ErrorKind::WrongPassphrase,
            Self::Crypt { .. } => ErrorKind::CryptFailed,
            // The data could not be turned into text: nothing was written, like a failed write.
            Self::Serialize(_) => ErrorKind::Io,
        }
    }
}

/// Deserializes a map keyed by question id, refusing an id that appears twice: keeping only
/// one of the two would silently lose an answer or a note.
pub(crate) fn unique_keys<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map from question ids")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(k) = m.next_key::<String>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!(
                        "the question id \"{k}\" appears twice; keep one of the two entries"
                    )));
                }
                let v = m.next_value()?;
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique(std::marker::PhantomData))
}

impl Assessment {
    /// A new, empty assessment of `bundle`'s questionnaire dated `date`.
    pub fn new(bundle: &Bundle, date: Date) -> Assessment {
        let (id, version) = bundle.id_version();
        Assessment {
            format_version: FORMAT_VERSION,
            questionnaire: QuestionnaireRef {
                id: id.to_string(),
                version,
            },
            company: CompanyProfile::default(),
            assessor: String::new(),
            date,
            mode: Mode::SelfCheck,
            answers: BTreeMap::new(),
            adviser: AdviserNotes::default(),
            inventory: Vec::new(),
            actions: BTreeMap::new(),
            ledger: Vec::new(),
            ticked: BTreeMap::new(),
        }
    }

    /// The answer to a question, if any.
    pub fn answer(&self, question_id: &str) -> Option<Answer> {
        self.answers.get(question_id).and_then(|e| e.value)
    }

    /// Sets (or clears) an answer, keeping the note and flag.
    pub fn set_answer(&mut self, question_id: &str, value: Option<Answer>) {
        self.answers
            .entry(question_id.to_string())
            .or_default()
            .value = value;
    }

    /// How many of `situation`'s steps are ticked.
    pub fn ticked_count(&self, situation: &Situation) -> usize {
        situation
            .steps
            .iter()
            .filter(|s| self.ticked.contains_key(&s.id))
            .count()
    }

    /// The answer a situation step shows: its label and the answer, when answered.
    pub fn step_answer<'a>(&self, step: &'a Step) -> Option<(&'a AnswerLink, Answer)> {
        let link = step.answer.as_ref()?;
        self.answer(&link.question).map(|ans| (link, ans))
    }

    /// Ticks a situation step on `date`, or unticks it; returns whether anything changed.
    pub fn set_ticked(&mut self, step_id: &str, date: Option<Date>) -> bool {
        match date {
            Some(d) => self.ticked.insert(step_id.to_string(), d) != Some(d),
            None => self.ticked.remove(step_id).is_some(),
        }
    }
}
