//! The questionnaire schema: checklists, questions, advice, contacts and conditions.
//!
//! These types are what the RON files under `questionnaires/` deserialize into (see
//! `docs/questionnaire-format.md`). They carry no behaviour beyond look-ups; loading and
//! validation live in [`super::load`], scoring in [`super::scoring`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::inventory::CategorySuggestions;
use super::situation::Situation;
use super::sources::Source;
pub use super::sources::SourceRef;
use super::text::{Lang, Text};

/// The five seed documents every item must cite (file names as shipped in the sources).
pub const SEED_FILES: [&str; 5] = [
    "000_2e82ae27a30af10f.txt",
    "001_1578f215ca40627e.txt",
    "002_70f7e44975e983c5.txt",
    "003_311f4a32c2067400.txt",
    "004_56c9afb971f0114f.txt",
];

/// One of the five possible answers to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// はい・実施している
    Yes,
    /// 一部
    Partly,
    /// いいえ
    No,
    /// わからない
    Unknown,
    /// 該当しない
    Na,
}

impl Answer {
    /// All answers in the order they are offered (keys 1–5 in the app).
    pub const ALL: [Answer; 5] = [
        Answer::Yes,
        Answer::Partly,
        Answer::No,
        Answer::Unknown,
        Answer::Na,
    ];

    /// Parses the command-line code (`yes`, `partly`, `no`, `unknown`, `na`).
    pub fn from_code(code: &str) -> Option<Answer> {
        Answer::ALL
            .into_iter()
            .find(|a| a.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The stable code used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Partly => "partly",
            Answer::No => "no",
            Answer::Unknown => "unknown",
            Answer::Na => "na",
        }
    }

    /// The key of this answer's label in `strings.ron`.
    pub fn string_key(self) -> &'static str {
        match self {
            Answer::Yes => "answer.yes",
            Answer::Partly => "answer.partly",
            Answer::No => "answer.no",
            Answer::Unknown => "answer.unknown",
            Answer::Na => "answer.na",
        }
    }

    /// Whether this answer marks a weakness (no, partly or unknown).
    pub fn is_weak(self) -> bool {
        matches!(self, Answer::No | Answer::Partly | Answer::Unknown)
    }
}

/// The five objectives of leak countermeasures (METI, `003_…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Objective {
    /// 接近の制御: only those who need it can reach the information.
    AccessControl,
    /// 持出し困難化: taking it out is made hard.
    HardToTakeOut,
    /// 視認性の確保: wrongdoing would be seen.
    Visibility,
    /// 秘密情報に対する認識向上: everyone knows it is secret.
    Awareness,
    /// 信頼関係の維持・向上等: staff and partners have no reason to leak.
    Trust,
}

impl Objective {
    /// All five, in the order of the source.
    pub const ALL: [Objective; 5] = [
        Objective::AccessControl,
        Objective::HardToTakeOut,
        Objective::Visibility,
        Objective::Awareness,
        Objective::Trust,
    ];

    /// Stable id used in JSON and as the `strings.ron` key suffix.
    pub fn code(self) -> &'static str {
        match self {
            Objective::AccessControl => "access_control",
            Objective::HardToTakeOut => "hard_to_take_out",
            Objective::Visibility => "visibility",
            Objective::Awareness => "awareness",
            Objective::Trust => "trust",
        }
    }

    /// The key of this objective's label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("objective.{}", self.code())
    }
}

/// The three legal requirements of a trade secret (不正競争防止法 2条6項, `003_…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LegalRequirement {
    /// 秘密管理性: managed as a secret, recognisably so.
    SecrecyManagement,
    /// 有用性: useful for business.
    Usefulness,
    /// 非公知性: not publicly known.
    NonPublic,
}

impl LegalRequirement {
    /// All three, in the order of the law.
    pub const ALL: [LegalRequirement; 3] = [
        LegalRequirement::SecrecyManagement,
        LegalRequirement::Usefulness,
        LegalRequirement::NonPublic,
    ];

    /// Stable id used in JSON and as the `strings.ron` key suffix.
    pub fn code(self) -> &'static str {
        match self {
            LegalRequirement::SecrecyManagement => "secrecy_management",
            LegalRequirement::Usefulness => "usefulness",
            LegalRequirement::NonPublic => "non_public",
        }
    }

    /// The key of this requirement's label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("legal.{}", self.code())
    }
}

/// When a checklist or question applies, decided by earlier answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    /// True when the named question is answered with one of `any_of`.
    AnswerIn {
        /// The id of the question whose answer decides.
        question: String,
        /// The answers for which the item applies.
        any_of: Vec<Answer>,
    },
    /// True when every inner condition is.
    All(Vec<Condition>),
    /// True when at least one inner condition is.
    Any(Vec<Condition>),
}

impl Condition {
    /// Evaluates the condition: `Some(true/false)` when decided, `None` while a question it
    /// needs is unanswered.
    pub fn eval(&self, answer_of: &dyn Fn(&str) -> Option<Answer>) -> Option<bool> {
        match self {
            Condition::AnswerIn { question, any_of } => {
                answer_of(question).map(|a| any_of.contains(&a))
            }
            Condition::All(items) => {
                let mut undecided = false;
                for c in items {
                    match c.eval(answer_of) {
                        Some(false) => return Some(false),
                        None => undecided = true,
                        Some(true) => {}
                    }
                }
                (!undecided).then_some(true)
            }
            Condition::Any(items) => {
                let mut undecided = false;
                for c in items {
                    match c.eval(answer_of) {
                        Some(true) => return Some(true),
                        None => undecided = true,
                        Some(false) => {}
                    }
                }
                (!undecided).then_some(false)
            }
        }
    }

    /// Every question id the condition names.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Condition::AnswerIn { question, .. } => vec![question.as_str()],
            Condition::All(items) | Condition::Any(items) => {
                items.iter().flat_map(Condition::questions).collect()
            }
        }
    }
}

/// The leaflet's rule on a quick check: one weak item is enough to consult a desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultRule {
    /// The desks to recommend.
    pub contacts: Vec<String>,
    /// The advice entry that explains the rule.
    pub advice: String,
}

/// The kind of a checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChecklistKind {
    /// The leaflet's five-item quick check.
    Quick,
    /// Unscored questions that decide what applies.
    Screening,
    /// A detailed, scored checklist.
    Detailed,
}

impl ChecklistKind {
    /// Stable id used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            ChecklistKind::Quick => "quick",
            ChecklistKind::Screening => "screening",
            ChecklistKind::Detailed => "detailed",
        }
    }
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// `<checklist id>.<name>`, unique over the questionnaire.
    pub id: String,
    /// The question; "yes" is the protective answer.
    pub text: Text,
    /// Why it matters, with every term explained.
    pub help: Text,
    /// 1 (useful) to 3 (essential).
    pub weight: u8,
    /// A weak answer is always a high-severity finding.
    pub critical: bool,
    /// The leak-countermeasure objectives this question serves.
    pub objectives: Vec<Objective>,
    /// The legal requirements this question supports.
    pub legal: Vec<LegalRequirement>,
    /// Linked advice ids.
    pub advice: Vec<String>,
    /// Linked contact ids (empty: the advice's contacts apply).
    pub contacts: Vec<String>,
    /// When the question applies.
    pub applies_if: Option<Condition>,
    /// Where it comes from.
    pub source: SourceRef,
    /// The app offers a button to the information inventory with this question (optional,
    /// detailed checklists only).
    #[serde(default)]
    pub opens_inventory: bool,
    /// The first step for a weak answer to this question, concrete enough to do this week
    /// (optional; without it the linked case's first step is shown).
    #[serde(default)]
    pub first_step: Option<Text>,
    /// How to find out the answer when it is "don't know": who to ask, what to look at
    /// (optional; without it the checklist's, else a general one).
    #[serde(default)]
    pub find_out: Option<Text>,
}

/// One checklist: a titled group of questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Unique id.
    pub id: String,
    /// Display order.
    pub order: u32,
    /// Quick, screening or detailed.
    pub kind: ChecklistKind,
    /// Weight in the overall score.
    pub weight: f64,
    /// Title.
    pub title: Text,
    /// One or two sentences on what it covers.
    pub summary: Text,
    /// When the checklist applies.
    pub applies_if: Option<Condition>,
    /// The quick check's consultation rule.
    pub consult: Option<ConsultRule>,
    /// How to find out a "don't know" answer to its questions when a question has no
    /// `find_out` of its own (optional).
    #[serde(default)]
    pub find_out: Option<Text>,
    /// The questions.
    pub questions: Vec<Question>,
}

/// An advice entry: one of the four cases (`case01`–`case04`) or a topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// Stable id.
    pub id: String,
    /// 1–4 for the pamphlet's cases.
    pub case_no: Option<u8>,
    /// Title.
    pub title: Text,
    /// What went wrong / why it matters.
    pub problem: Text,
    /// Key points, as actions.
    pub actions: Vec<Text>,
    /// The first thing to do.
    pub first_step: Text,
    /// What to do, as an instruction, when weak answers are grouped under this entry in the
    /// action plan (optional; without it the title is used).
    #[serde(default)]
    pub action: Option<Text>,
    /// Desks that fit.
    pub contacts: Vec<String>,
    /// Where it comes from.
    pub source: SourceRef,
}

/// Whether a contact is a desk to consult or only a place to ask about a document or a law.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactKind {
    /// A consultation desk: advises a company on its own case; may be recommended.
    Consultation,
    /// An information contact (e.g. about a pamphlet or the law itself): listed apart, never
    /// recommended.
    Information,
}

impl ContactKind {
    /// Stable id used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            ContactKind::Consultation => "consultation",
            ContactKind::Information => "information",
        }
    }
}

/// A consultation desk or an information contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Stable id.
    pub id: String,
    /// A desk to consult, or an information contact (never recommended).
    pub kind: ContactKind,
    /// The prefectures it serves, by official Japanese name (e.g. "大阪府"); empty: the whole
    /// country. A regional desk is shown only to companies in those prefectures.
    #[serde(default)]
    pub regions: Vec<String>,
    /// The desk's name.
    pub name: Text,
    /// The organisation that runs it.
    pub organisation: Text,
    /// Phone number: digits, hyphens, spaces, `+` and parentheses only.
    pub phone: Option<String>,
    /// Extension to ask for (内線), digits only.
    #[serde(default)]
    pub extension: Option<String>,
    /// Opening hours.
    pub hours: Option<Text>,
    /// E-mail address.
    pub email: Option<String>,
    /// Web address.
    pub url: Option<String>,
    /// What to call them about.
    pub handles: Text,
    /// Where it comes from.
    pub source: SourceRef,
    /// The source document's date, as printed.
    pub source_date: String,
    /// The date its details were taken from, in words users read: 「2019年のINPITリーフレットによる」
    /// (the loader checks that it names `source_date`'s year).
    pub as_of: Text,
    /// A remark, e.g. where two documents disagree.
    pub note: Option<Text>,
}

impl Contact {
    /// The phone number with its extension in `lang`, e.g. `03-3581-1101(内線3844)`.
    pub fn phone_display(&self, lang: Lang) -> Option<String> {
        let phone = self.phone.as_ref()?;
        Some(match (&self.extension, lang) {
            (Some(ext), Lang::Ja) => format!("{phone}(内線{ext})"),
            (Some(ext), Lang::En) => format!("{phone} (ext. {ext})"),
            (None, _) => phone.clone(),
        })
    }
}

/// The manifest of a questionnaire folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable id, recorded in every assessment.
    pub id: String,
    /// Content version, recorded in every assessment.
    pub version: u32,
    /// Title.
    pub title: Text,
}

/// Everything loaded from one questionnaire folder.
#[derive(Clone, Debug, Default)]
pub struct Bundle {
    /// The manifest (`None` when `questionnaire.ron` failed to load).
    pub questionnaire: Option<Questionnaire>,
    /// Checklists sorted by `order`.
    pub checklists: Vec<Checklist>,
    /// Advice entries, cases first.
    pub advice: Vec<Advice>,
    /// Consultation desks.
    pub contacts: Vec<Contact>,
    /// The seed documents by title (`sources.ron`).
    pub sources: Vec<Source>,
    /// UI strings by key.
    pub strings: BTreeMap<String, Text>,
    /// Situation checklists (場面別チェック), sorted by `order`.
    pub situations: Vec<Situation>,
    /// Examples for the information inventory (`inventory/suggestions.ron`), one entry per
    /// category; empty when the folder has no such file.
    pub inventory_suggestions: Vec<CategorySuggestions>,
}

impl Bundle {
    /// The questionnaire id and version, or `("", 0)` when the manifest is missing.
    pub fn id_version(&self) -> (&str, u32) {
        self.questionnaire
            .as_ref()
            .map(|q| (q.id.as_str(), q.version))
            .unwrap_or(("", 0))
    }

    /// A checklist by id.
    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// A question and its checklist by question id.
    pub fn question(&self, id: &str) -> Option<(&Checklist, &Question)> {
        self.checklists
            .iter()
            .find_map(|c| c.questions.iter().find(|q| q.id == id).map(|q| (c, q)))
    }

    /// Every question in display order, with its checklist.
    pub fn questions(&self) -> impl Iterator<Item = (&Checklist, &Question)> {
        self.checklists
            .iter()
            .flat_map(|c| c.questions.iter().map(move |q| (c, q)))
    }

    /// An advice entry by id.
    pub fn advice(&self, id: &str) -> Option<&Advice> {
        self.advice.iter().find(|a| a.id == id)
    }

    /// A contact by id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// A UI string in `lang`; the key itself when it is missing (the validator reports
    /// missing keys, so a shipped build never shows one).
    pub fn s<'a>(&'a self, key: &'a str, lang: Lang) -> &'a str {
        self.strings.get(key).map(|t| t.get(lang)).unwrap_or(key)
    }

    /// The seed document with this file name.
    pub fn source(&self, file: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.file == file)
    }

    /// The title of the seed document `file`, in `lang`; never the file name. A document
    /// missing from `sources.ron` (the loader reports it) reads "a source document not listed".
    pub fn source_title(&self, file: &str, lang: Lang) -> String {
        match self.source(file) {
            Some(s) => s.display_title(lang),
            None => match lang {
                Lang::Ja => "一覧にない出典資料".to_string(),
                Lang::En => "a source document not listed".to_string(),
            },
        }
    }

    /// Title and heading: 「INPIT『営業秘密110番』リーフレット(2019年)「…」」 or
    /// "INPIT leaflet 'Trade Secret Hotline 110' (2019), section “…”".
    pub fn source_line(&self, r: &SourceRef, lang: Lang) -> String {
        let title = self.source_title(&r.file, lang);
        match lang {
            Lang::Ja => format!("{title}「{}」", r.heading),
            Lang::En => format!("{title}, section “{}”", r.heading),
        }
    }

    /// A situation by id.
    pub fn situation(&self, id: &str) -> Option<&Situation> {
        self.situations.iter().find(|s| s.id == id)
    }

    /// The situations with a step about `question_id`, in display order.
    pub fn situations_for_question(&self, question_id: &str) -> Vec<&Situation> {
        self.situations
            .iter()
            .filter(|s| s.relates_to(question_id))
            .collect()
    }
}
