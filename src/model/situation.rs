//! Situation checklists (場面別チェック): what to do at the moment a secret may leave the
//! company — before a trade show, when samples go out, when someone leaves or joins, before a
//! joint development or licence contract, when a leak is suspected.
//!
//! Each situation is one file under `questionnaires/situations/`, loaded and validated with
//! the rest of the folder by [`super::load`] (every step cited, links checked, `file:line:col`
//! errors). A step may show the company's answer to a question of the check, and may open the
//! disclosure ledger or the patent-or-secret decision. Ticked steps are saved in the
//! assessment file with the date (`Assessment::ticked`, `Assessment::set_ticked`); the situations
//! are found through `Bundle::situation`.

use serde::{Deserialize, Serialize};

use super::sources::SourceRef;
use super::text::Text;

/// A page of mamori that a step opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tool {
    /// The disclosure ledger (開示記録).
    Ledger,
    /// The patent-or-secret decision (オープン・クローズ).
    OpenClose,
}

/// A question of the check whose answer a step shows, with a short label
/// (e.g. 「誓約書のひな形」 → 「誓約書のひな形: はい」).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerLink {
    /// The question id.
    pub question: String,
    /// A short label for the answer line.
    pub label: Text,
}

/// One step of a situation checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// `<situation id>.<name>`, unique over all situations; the key under which a tick is saved.
    pub id: String,
    /// What to do.
    pub text: Text,
    /// Why, in the terms of the linked case or topic.
    pub why: Text,
    /// Linked advice ids (cases and topics); at least one.
    pub advice: Vec<String>,
    /// The question whose answer the step shows.
    #[serde(default)]
    pub answer: Option<AnswerLink>,
    /// A page the step opens.
    #[serde(default)]
    pub opens: Option<Tool>,
    /// Where it comes from.
    pub source: SourceRef,
}

/// One situation checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// Stable id (`trade_show`), used on the command line.
    pub id: String,
    /// Display order.
    pub order: u32,
    /// Title: the moment (「展示会・商談会の前」).
    pub title: Text,
    /// Why the moment matters.
    pub summary: Text,
    /// The desks to call (contact ids); at least one.
    pub contacts: Vec<String>,
    /// Where the situation comes from.
    pub source: SourceRef,
    /// The steps; at least one.
    pub steps: Vec<Step>,
}

impl Situation {
    /// True when one of its steps shows the answer to `question_id`.
    pub fn relates_to(&self, question_id: &str) -> bool {
        self.steps
            .iter()
            .any(|s| s.answer.as_ref().is_some_and(|l| l.question == question_id))
    }
}
