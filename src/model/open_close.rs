//! The patent-or-secret decision (技術のオープン・クローズ戦略) for a technical item of the
//! information inventory: five questions from the sources' criteria, ending in a suggestion —
//! patent, keep as know-how with evidence for prior use, or decide with a desk — and the
//! reasons in the sources' terms.
//!
//! The rules follow the JPO pamphlet's column on 『陸王』 (`000_…`: patent what analysing the
//! product reveals, keep as know-how what cannot be detected when copied), case 02 (technology
//! that is hard to keep secret may be patented) and case 03 (file before showing), and METI's
//! guidance (`004_…`, 「① 権利化・秘匿化の適切な選択基準を持つ」: a quick catch-up favours a
//! patent, a long-lived lead favours secrecy; keep evidence for 先使用権). The texts are data,
//! `questionnaires/decision/open_close.ron`, embedded at build time; each cites its source.

use serde::{Deserialize, Serialize};

use super::diag::{from_ron_error, Diagnostic};
use super::sources::SourceRef;
use super::text::Text;

/// An answer to one criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Choice {
    /// はい
    Yes,
    /// いいえ
    No,
    /// わからない
    NotSure,
}

impl Choice {
    /// All three, in the order offered.
    pub const ALL: [Choice; 3] = [Choice::Yes, Choice::No, Choice::NotSure];

    /// Stable code: `yes`, `no`, `not_sure`.
    pub fn code(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::NotSure => "not_sure",
        }
    }

    /// The key of the label in the strings files.
    pub fn string_key(self) -> String {
        format!("open_close.choice.{}", self.code())
    }
}

/// The five criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Criterion {
    /// Can it be learned by analysing the product?
    Learnable,
    /// Would copying be detectable?
    Detectable,
    /// Must many people know it?
    ManyPeople,
    /// Will it be shown to a partner before a contract?
    ShownBeforeContract,
    /// Does it stay valuable for long?
    LongValue,
}

impl Criterion {
    /// All five, in the order asked.
    pub const ALL: [Criterion; 5] = [
        Criterion::Learnable,
        Criterion::Detectable,
        Criterion::ManyPeople,
        Criterion::ShownBeforeContract,
        Criterion::LongValue,
    ];
}

/// The answers for one inventory item, saved with the item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OpenCloseAnswers {
    /// Can it be learned by analysing the product?
    pub learnable: Option<Choice>,
    /// Would copying be detectable?
    pub detectable: Option<Choice>,
    /// Must many people know it?
    pub many_people: Option<Choice>,
    /// Will it be shown to a partner before a contract?
    pub shown_before_contract: Option<Choice>,
    /// Does it stay valuable for long?
    pub long_value: Option<Choice>,
}

impl OpenCloseAnswers {
    /// The answer to one criterion.
    pub fn get(&self, c: Criterion) -> Option<Choice> {
        match c {
            Criterion::Learnable => self.learnable,
            Criterion::Detectable => self.detectable,
            Criterion::ManyPeople => self.many_people,
            Criterion::ShownBeforeContract => self.shown_before_contract,
            Criterion::LongValue => self.long_value,
        }
    }

    /// Sets (or clears) the answer to one criterion.
    pub fn set(&mut self, c: Criterion, v: Option<Choice>) {
        let slot = match c {
            Criterion::Learnable => &mut self.learnable,
            Criterion::Detectable => &mut self.detectable,
            Criterion::ManyPeople => &mut self.many_people,
            Criterion::ShownBeforeContract => &mut self.shown_before_contract,
            Criterion::LongValue => &mut self.long_value,
        };
        *slot = v;
    }

    /// True when nothing is answered.
    pub fn is_empty(&self) -> bool {
        Criterion::ALL.iter().all(|c| self.get(*c).is_none())
    }
}

/// What the decision suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Suggestion {
    /// Patent it (オープン).
    Patent,
    /// Keep it as know-how, with evidence for prior use (クローズ).
    KeepSecret,
    /// Decide together with the desk.
    AskDesk,
}

impl Suggestion {
    /// All three.
    pub const ALL: [Suggestion; 3] = [
        Suggestion::Patent,
        Suggestion::KeepSecret,
        Suggestion::AskDesk,
    ];

    /// Stable code: `patent`, `keep_secret`, `ask_desk`.
    pub fn code(self) -> &'static str {
        match self {
            Suggestion::Patent => "patent",
            Suggestion::KeepSecret => "keep_secret",
            Suggestion::AskDesk => "ask_desk",
        }
    }
}

/// A reason given with a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reason {
    /// Analysing the product reveals it.
    RevealedByProduct,
    /// It is hidden in the process; the product does not reveal it.
    HiddenInProcess,
    /// Infringement would be found.
    InfringementVisible,
    /// Infringement would hardly be found.
    InfringementHidden,
    /// Many people must know it.
    HardToKeepSecret,
    /// Competitors would catch up quickly.
    QuickCatchUp,
    /// The lead lasts long.
    LongLived,
    /// Shown before a contract: file first.
    FileBeforeShowing,
    /// Shown before a contract while kept secret: NDA, marking, ledger.
    NdaBeforeShowing,
    /// Keep evidence for a prior-user right.
    PriorUseEvidence,
    /// The answers point both ways.
    Conflicting,
    /// A key answer is "not sure".
    NotSure,
}

impl Reason {
    /// Every reason the decision can give.
    pub const ALL: [Reason; 12] = [
        Reason::RevealedByProduct,
        Reason::HiddenInProcess,
        Reason::InfringementVisible,
        Reason::InfringementHidden,
        Reason::HardToKeepSecret,
        Reason::QuickCatchUp,
        Reason::LongLived,
        Reason::FileBeforeShowing,
        Reason::NdaBeforeShowing,
        Reason::PriorUseEvidence,
        Reason::Conflicting,
        Reason::NotSure,
    ];
}

/// The outcome: a suggestion (when the two key questions are answered) and its reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// `None` until "learnable" and "detectable" are answered.
    pub suggestion: Option<Suggestion>,
    /// The reasons, in the order to read them.
    pub reasons: Vec<Reason>,
}

/// Decides from the answers (see the module documentation for the sources).
pub fn decide(a: &OpenCloseAnswers) -> Decision {
    use Choice::{No, NotSure, Yes};
    let (Some(learnable), Some(detectable)) = (a.learnable, a.detectable) else {
        return Decision {
            suggestion: None,
            reasons: Vec::new(),
        };
    };
    let many = a.many_people == Some(Yes);
    let (suggestion, mut reasons) = match (learnable, detectable) {
        (NotSure, _) | (_, NotSure) => (Suggestion::AskDesk, vec![Reason::NotSure]),
        (Yes, Yes) => (
            Suggestion::Patent,
            vec![Reason::RevealedByProduct, Reason::InfringementVisible],
        ),
        (Yes, No) => (
            Suggestion::AskDesk,
            vec![
                Reason::RevealedByProduct,
                Reason::InfringementHidden,
                Reason::Conflicting,
            ],
        ),
        (No, No) if many => (
            Suggestion::AskDesk,
            vec![
                Reason::InfringementHidden,
                Reason::HardToKeepSecret,
                Reason::Conflicting,
            ],
        ),
        (No, No) => (
            Suggestion::KeepSecret,
            vec![Reason::HiddenInProcess, Reason::InfringementHidden],
        ),
        (No, Yes) => by_lifetime(a.long_value, many),
    };
    match (suggestion, a.shown_before_contract) {
        (Suggestion::Patent, Some(Yes)) => reasons.push(Reason::FileBeforeShowing),
        (Suggestion::KeepSecret, Some(Yes)) => reasons.push(Reason::NdaBeforeShowing),
        _ => {}
    }
    if suggestion == Suggestion::KeepSecret {
        reasons.push(Reason::PriorUseEvidence);
    }
    Decision {
        suggestion: Some(suggestion),
        reasons,
    }
}

/// Not revealed by the product but detectable when copied: the lead's lifetime decides.
fn by_lifetime(long_value: Option<Choice>, many: bool) -> (Suggestion, Vec<Reason>) {
    match long_value {
        Some(Choice::No) => (
            Suggestion::Patent,
            vec![Reason::QuickCatchUp, Reason::InfringementVisible],
        ),
        Some(Choice::Yes) if many => (
            Suggestion::AskDesk,
            vec![
                Reason::LongLived,
                Reason::HardToKeepSecret,
                Reason::Conflicting,
            ],
        ),
        Some(Choice::Yes) => (
            Suggestion::KeepSecret,
            vec![Reason::HiddenInProcess, Reason::LongLived],
        ),
        Some(Choice::NotSure) | None => (Suggestion::AskDesk, vec![Reason::NotSure]),
    }
}

/// The wording of one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionText {
    /// Which criterion.
    pub criterion: Criterion,
    /// The question.
    pub question: Text,
    /// What it means.
    pub help: Text,
    /// Where it comes from.
    pub source: SourceRef,
}

/// The wording of one reason.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonText {
    /// Which reason.
    pub reason: Reason,
    /// The reason, in the sources' terms.
    pub text: Text,
    /// Where it comes from.
    pub source: SourceRef,
}

/// The wording of one suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionText {
    /// Which suggestion.
    pub suggestion: Suggestion,
    /// Its title.
    pub title: Text,
    /// What to do next.
    pub next_step: Text,
    /// Where it comes from.
    pub source: SourceRef,
}

/// All texts of the decision.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenCloseGuide {
    /// The desks that advise on 権利化/秘匿化 (contact ids).
    pub contacts: Vec<String>,
    /// The five questions.
    pub criteria: Vec<CriterionText>,
    /// The reasons.
    pub reasons: Vec<ReasonText>,
    /// The suggestions.
    pub suggestions: Vec<SuggestionText>,
}

impl OpenCloseGuide {
    /// The wording of a criterion.
    pub fn criterion(&self, c: Criterion) -> Option<&CriterionText> {
        self.criteria.iter().find(|t| t.criterion == c)
    }

    /// The wording of a reason.
    pub fn reason(&self, r: Reason) -> Option<&ReasonText> {
        self.reasons.iter().find(|t| t.reason == r)
    }

    /// The wording of a suggestion.
    pub fn suggestion(&self, s: Suggestion) -> Option<&SuggestionText> {
        self.suggestions.iter().find(|t| t.suggestion == s)
    }
}

const GUIDE_FILE: &str = "questionnaires/decision/open_close.ron";
const GUIDE: &str = include_str!("../../questionnaires/decision/open_close.ron");

/// The built-in texts (parsed once).
pub fn guide() -> Result<&'static OpenCloseGuide, Diagnostic> {
    static PARSED: std::sync::OnceLock<Result<OpenCloseGuide, Diagnostic>> =
        std::sync::OnceLock::new();
    PARSED
        .get_or_init(|| parse_guide(GUIDE_FILE, GUIDE))
        .as_ref()
        .map_err(Clone::clone)
}

/// Parses a guide file; `shown` names it in messages.
pub fn parse_guide(shown: &str, text: &str) -> Result<OpenCloseGuide, Diagnostic> {
    ron::Options::default()
        .from_str::<OpenCloseGuide>(text)
        .map_err(|e| from_ron_error(shown, text, 0, &e, "docs/questionnaire-format.md"))
}

#[cfg(test)]
mod tests;
