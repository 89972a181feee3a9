//! Scoring: checklist and overall scores, bands, the two axes, findings and the to-confirm list.
//!
//! The rules (also in the README, with the reasons):
//! - points per answer: yes 1, partly 0.5, no 0, unknown 0 (and listed under "to confirm");
//!   `na` and unanswered questions leave the denominator; a question's weight (1–3) multiplies
//!   its points;
//! - a checklist's score is `100 × Σ weight·points / Σ weight` over its answered, applicable
//!   questions; no answered question → no score;
//! - the overall score is the mean of the checklist scores weighted by checklist weight
//!   (screening checklists are not scored);
//! - bands: 80 and above 良好 (good), 50 to under 80 要改善 (needs improvement), under 50 要対策
//!   (action needed);
//! - findings: a weak answer (no / partly / unknown) to a critical question is always a
//!   finding (no/unknown: high, partly: medium); to another question it is a finding when its
//!   checklist is not "good" (no/unknown: medium, partly: low). Sorted by severity, then by
//!   checklist and question order.
//! - the disclosure ledger's warnings are findings too ([`LedgerFinding`], set by [`score_on`],
//!   which is given today's date): each is a lesson of case 02. A disclosure without an NDA is
//!   high — it is exactly case 02's failure, and nothing else protects what was given. An
//!   unmarked document or sample, a verbal disclosure not confirmed in writing and a return
//!   date passed are medium: an NDA exists, but the marking it requires, the evidence of what
//!   was said or the recovery of the material is missing, which weakens the protection
//!   without removing it.

use serde::Serialize;

use super::assessment::Assessment;
use super::date::Date;
use super::ledger::{LedgerEntry, LedgerWarning};
use super::region::Desks;
use super::schema::{
    Answer, Bundle, Checklist, ChecklistKind, LegalRequirement, Objective, Question,
};

mod tally;

/// Score at and above which a checklist or the whole is "good".
pub const GOOD_FROM: f64 = 80.0;
/// Score at and above which it "needs improvement" (below: "action needed").
pub const IMPROVE_FROM: f64 = 50.0;

/// A band: the score in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// 良好
    Good,
    /// 要改善
    NeedsImprovement,
    /// 要対策
    ActionNeeded,
}

impl Band {
    /// The band of a 0–100 score.
    pub fn of(score: f64) -> Band {
        if score >= GOOD_FROM {
            Band::Good
        } else if score >= IMPROVE_FROM {
            Band::NeedsImprovement
        } else {
            Band::ActionNeeded
        }
    }

    /// Stable id used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Band::Good => "good",
            Band::NeedsImprovement => "needs_improvement",
            Band::ActionNeeded => "action_needed",
        }
    }

    /// The key of the band's label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("band.{}", self.code())
    }
}

/// How urgent a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 高
    High,
    /// 中
    Medium,
    /// 低
    Low,
}

impl Severity {
    /// Stable id used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }

    /// The key of the severity's label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("severity.{}", self.code())
    }
}

/// Progress of one checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No applicable question answered.
    NotStarted,
    /// Some answered.
    InProgress,
    /// All applicable questions answered.
    Done,
    /// The checklist does not apply.
    NotApplicable,
}

impl Status {
    /// Stable id used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// The key of the status label in `strings.ron`.
    pub fn string_key(self) -> String {
        format!("status.{}", self.code())
    }
}

/// One checklist's result.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistScore {
    /// Checklist id.
    pub id: String,
    /// Checklist kind.
    pub kind: ChecklistKind,
    /// Progress.
    pub status: Status,
    /// Applicable questions answered (including `na`).
    pub answered: usize,
    /// Applicable questions.
    pub applicable: usize,
    /// 0–100, `None` when nothing scorable is answered (or not scored).
    pub score: Option<f64>,
}

impl ChecklistScore {
    /// The band of the score.
    pub fn band(&self) -> Option<Band> {
        self.score.map(Band::of)
    }
}

/// A score along one axis (an objective or a legal requirement).
#[derive(Clone, Debug, PartialEq)]
pub struct AxisScore<K> {
    /// Which objective or requirement.
    pub key: K,
    /// 0–100, `None` when no answered question maps to it.
    pub score: Option<f64>,
    /// Answered scored questions mapped to it.
    pub answered: usize,
}

/// A weak answer worth acting on.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The question.
    pub question_id: String,
    /// Its checklist.
    pub checklist_id: String,
    /// The answer given.
    pub answer: Answer,
    /// How urgent.
    pub severity: Severity,
    /// Whether the question is critical.
    pub critical: bool,
    /// Advice ids to read (cases first).
    pub advice: Vec<String>,
    /// Desks that fit.
    pub contacts: Vec<String>,
}

/// The quick check's verdict: one weak item is enough to consult a desk.
#[derive(Clone, Debug, PartialEq)]
pub struct Consult {
    /// The quick check's id.
    pub checklist_id: String,
    /// Weak items (question ids).
    pub weak_items: Vec<String>,
    /// The advice entry explaining the rule.
    pub advice: String,
    /// Desks to call.
    pub contacts: Vec<String>,
}

/// Everything the app, the CLI and the report show about one assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreReport {
    /// Overall score 0–100.
    pub overall: Option<f64>,
    /// Per checklist, in display order.
    pub checklists: Vec<ChecklistScore>,
    /// The five objectives.
    pub objectives: Vec<AxisScore<Objective>>,
    /// The three legal requirements.
    pub legal: Vec<AxisScore<LegalRequirement>>,
    /// Findings, most severe first.
    pub findings: Vec<Finding>,
    /// Questions answered "unknown" (screening questions included): to find out.
    pub to_confirm: Vec<String>,
    /// Questions flagged "review later".
    pub review_later: Vec<String>,
    /// Applicable questions with no answer.
    pub unanswered: Vec<String>,
    /// Set when a quick-check item is weak.
    pub consult: Option<Consult>,
    /// Answers to questions the questionnaire does not have (kept, never dropped).
    pub orphan_answers: Vec<String>,
    /// The desks for this company (by its prefecture): recommended, other, information.
    pub desks: Desks,
    /// The disclosure ledger's warnings as findings, most severe first, then in entry order;
    /// set by [`score_on`] (they depend on the date), empty from [`score`].
    pub ledger: Vec<LedgerFinding>,
}

/// A warning of the disclosure ledger, weighed like a finding (case 02).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LedgerFinding {
    /// The entry's index in `Assessment::ledger`.
    pub entry: usize,
    /// What is wrong.
    pub warning: LedgerWarning,
    /// How urgent (see the module doc).
    pub severity: Severity,
}

impl LedgerFinding {
    /// The severity of a ledger warning: no NDA high, the others medium (module doc).
    pub fn severity_of(w: LedgerWarning) -> Severity {
        match w {
            LedgerWarning::NoNda => Severity::High,
            LedgerWarning::Unmarked
            | LedgerWarning::VerbalNotConfirmed
            | LedgerWarning::ReturnOverdue => Severity::Medium,
        }
    }
}

/// Every ledger warning on `today` as a finding, most severe first, then in entry order.
pub fn ledger_findings(ledger: &[LedgerEntry], today: Date) -> Vec<LedgerFinding> {
    let mut out: Vec<LedgerFinding> = super::ledger::all_warnings(ledger, today)
        .into_iter()
        .map(|(entry, warning)| LedgerFinding {
            entry,
            warning,
            severity: LedgerFinding::severity_of(warning),
        })
        .collect();
    out.sort_by_key(|f| (f.severity, f.entry, f.warning));
    out
}

/// Scores an assessment on `today`: [`score`] plus the disclosure ledger's findings.
pub fn score_on(bundle: &Bundle, a: &Assessment, today: Date) -> ScoreReport {
    let mut r = score(bundle, a);
    r.ledger = ledger_findings(&a.ledger, today);
    if !r.ledger.is_empty() {
        let named = r.desks.recommended.clone();
        let case02 = bundle.advice(LEDGER_ADVICE).map(|adv| adv.contacts.iter());
        r.desks = Desks::choose(
            bundle,
            &a.company.prefecture,
            named.iter().chain(case02.into_iter().flatten()),
        );
    }
    r
}

/// The case the ledger's findings are linked to.
pub const LEDGER_ADVICE: &str = "case02";

impl ScoreReport {
    /// The overall band.
    pub fn band(&self) -> Option<Band> {
        self.overall.map(Band::of)
    }

    /// The consultation desks recommended for this result: the regional desks serving the
    /// company first, then those named by the consultation rule and the findings, in
    /// first-named order. Never an information contact, never a desk of another region.
    pub fn contacts(&self) -> Vec<String> {
        self.desks.recommended.clone()
    }

    /// How far the check is: questions answered and applicable over the scored checklists
    /// (screening questions left out). The 「回答済み N / M」 of the app, the PDF's cover and
    /// the command line all come from here.
    pub fn progress(&self) -> (usize, usize) {
        self.checklists
            .iter()
            .filter(|c| c.kind != ChecklistKind::Screening)
            .fold((0, 0), |(n, m), c| (n + c.answered, m + c.applicable))
    }

    /// The one desk to call first, and whether it is recommended for these results: the
    /// first recommended consultation desk (see [`ScoreReport::contacts`]); when nothing is
    /// weak, the first other desk that serves the company (`false`), for a question or a
    /// second opinion. The app's results page and the PDF's first page both name this desk.
    pub fn desk_to_call(&self) -> Option<(&str, bool)> {
        match self.desks.recommended.first() {
            Some(id) => Some((id, true)),
            None => self.desks.other.first().map(|id| (id.as_str(), false)),
        }
    }

    /// Every advice id named by a finding, cases first then in first-named order.
    pub fn advice(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if !self.ledger.is_empty() {
            out.push(LEDGER_ADVICE.to_string());
        }
        for id in self.findings.iter().flat_map(|f| f.advice.iter()) {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
        out.sort_by_key(|id| !id.starts_with("case"));
        out
    }
}

/// Whether a checklist applies given the answers so far.
pub fn checklist_applies(c: &Checklist, a: &Assessment) -> bool {
    applies(c.applies_if.as_ref(), a)
}

/// Whether a question applies (its checklist must apply too).
pub fn question_applies(c: &Checklist, q: &Question, a: &Assessment) -> bool {
    checklist_applies(c, a) && applies(q.applies_if.as_ref(), a)
}

fn applies(cond: Option<&super::schema::Condition>, a: &Assessment) -> bool {
    match cond {
        None => true,
        Some(c) => c.eval(&|id| a.answer(id)) != Some(false),
    }
}

fn points(answer: Answer) -> Option<f64> {
    match answer {
        Answer::Yes => Some(1.0),
        Answer::Partly => Some(0.5),
        Answer::No | Answer::Unknown => Some(0.0),
        Answer::Na => None,
    }
}

/// Accumulates Σ weight·points and Σ weight.
#[derive(Default, Clone, Copy)]
struct Acc {
    got: f64,
    max: f64,
    n: usize,
}

impl Acc {
    fn add(&mut self, weight: f64, pts: f64) {
        self.got += weight * pts;
        self.max += weight;
        self.n += 1;
    }
    fn score(self) -> Option<f64> {
        (self.max > 0.0).then(|| 100.0 * self.got / self.max)
    }
}

/// Scores an assessment against a questionnaire: each checklist in order
/// (`tally::Tally::add_checklist`), then the findings sorted and the desks fitted.
pub fn score(bundle: &Bundle, a: &Assessment) -> ScoreReport {
    let mut tally = tally::Tally::default();
    for c in &bundle.checklists {
        tally.add_checklist(bundle, c, a);
    }
    let mut report = tally.into_report(bundle, a);
    fit_desks(bundle, &a.company.prefecture, &mut report);
    report
}

/// Chooses the desks for the company's prefecture and keeps, in every finding and in the
/// consultation rule, only the desks that fit it (regional desks serving it first).
fn fit_desks(bundle: &Bundle, prefecture: &str, r: &mut ScoreReport) {
    let consult = r.consult.iter().flat_map(|c| c.contacts.iter());
    let named = consult.chain(r.findings.iter().flat_map(|f| f.contacts.iter()));
    r.desks = Desks::choose(bundle, prefecture, named);
    for f in &mut r.findings {
        f.contacts = r.desks.fitting(bundle, &f.contacts);
    }
    if let Some(c) = &mut r.consult {
        c.contacts = r.desks.fitting(bundle, &c.contacts);
    }
}

fn sorted_advice(ids: &[String]) -> Vec<String> {
    let mut v = ids.to_vec();
    v.sort_by_key(|id| !id.starts_with("case"));
    v
}

/// The question's own desks, or else those of its advice entries.
fn finding_contacts(bundle: &Bundle, q: &Question) -> Vec<String> {
    if !q.contacts.is_empty() {
        return q.contacts.clone();
    }
    let mut out: Vec<String> = Vec::new();
    for id in q
        .advice
        .iter()
        .filter_map(|id| bundle.advice(id))
        .flat_map(|a| a.contacts.iter())
    {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

/// The answers to questions the questionnaire no longer has, in words, one line each:
/// `question id: answer (note)`. They are kept in the file and shown, never dropped.
pub fn orphan_answer_lines(
    bundle: &Bundle,
    a: &Assessment,
    r: &ScoreReport,
    lang: crate::model::text::Lang,
) -> Vec<String> {
    r.orphan_answers
        .iter()
        .map(|id| {
            let entry = a.answers.get(id);
            let value = entry
                .and_then(|e| e.value)
                .map(|v| bundle.s(v.string_key(), lang).to_string())
                .unwrap_or_else(|| "—".to_string());
            match entry.map(|e| e.note.trim()).filter(|n| !n.is_empty()) {
                Some(note) => format!("{id}: {value} ({note})"),
                None => format!("{id}: {value}"),
            }
        })
        .collect()
}
