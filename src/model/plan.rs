//! The action plan: findings grouped into actions, most important first.
//!
//! Each finding belongs to exactly one action: the one of the first advice entry its question
//! names (a case such as `case02` or a topic such as `marking`), so the quick check's "rules"
//! item and the detailed rules questions end up in one action. An action says what to do
//! (the advice's `action`, else its title), which findings it closes, its priority and the
//! case or topic to read. Its priority comes from severity and weight: the most severe
//! finding first, then the sum over its findings of severity points (high 3, medium 2, low 1)
//! times the question's weight (1–3).
//!
//! Every finding carries its own step: for a "don't know" answer the step is to find out
//! (the question's `find_out`, else its checklist's, else a general one); otherwise the
//! question's `first_step`, else the first step of its case (or of its first advice entry).
//!
//! The disclosure ledger's findings ([`ScoreReport::ledger`]) make one more action of their
//! own, linked to case 02: one step per warning, naming the entry, with the step of its kind
//! (`ledger.step.*` in the strings, e.g. sign an NDA and write its reference in the ledger).
//! A no-NDA warning weighs like an essential question (3), the others like important ones (2).

use super::assessment::Assessment;
use super::ledger::LedgerWarning;
use super::schema::{Answer, Bundle, Checklist, Question};
use super::scoring::{Finding, LedgerFinding, ScoreReport, Severity, LEDGER_ADVICE};
use super::text::Text;

/// What kind of step a finding's step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Fix the weakness.
    Fix,
    /// Find out first (the answer was "don't know").
    FindOut,
}

impl StepKind {
    /// Stable id used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            StepKind::Fix => "fix",
            StepKind::FindOut => "find_out",
        }
    }

    /// The key of the step's label in `strings/`.
    pub fn string_key(self) -> &'static str {
        match self {
            StepKind::Fix => "plan.step.fix",
            StepKind::FindOut => "plan.step.find_out",
        }
    }
}

/// One finding inside an action, with its own step.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The question; empty for a step of the disclosure ledger.
    pub question_id: String,
    /// The ledger finding the step closes (then `answer` is `No`: the measure is missing).
    pub ledger: Option<LedgerFinding>,
    /// The answer given.
    pub answer: Answer,
    /// The finding's severity.
    pub severity: Severity,
    /// Fix, or find out first.
    pub kind: StepKind,
    /// What to do, concrete enough to do this week.
    pub text: Text,
}

/// One action: a group of findings closed by the same piece of work.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    /// The linked case or topic (an advice id); the checklist id when the question names no
    /// advice.
    pub advice_id: String,
    /// What to do.
    pub title: Text,
    /// The most severe finding's severity.
    pub severity: Severity,
    /// Σ severity points × weight over its findings.
    pub points: u32,
    /// The findings it closes, most severe first, each with its step.
    pub steps: Vec<Step>,
}

impl Action {
    /// The first step of the action: its most severe finding's step.
    pub fn first_step(&self) -> &Step {
        &self.steps[0]
    }

    /// The question ids of the findings it closes.
    pub fn closes(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().map(|s| s.question_id.as_str())
    }
}

/// A "don't know" answer to confirm, with what it keeps open.
#[derive(Clone, Debug, PartialEq)]
pub struct ToConfirm {
    /// The question.
    pub question_id: String,
    /// Whether it is a screening question (unscored; it decides what applies).
    pub screening: bool,
    /// For a screening question: the checklists and questions shown only because it is
    /// not known (ids, in display order).
    pub keeps_open: Vec<String>,
    /// How to find out.
    pub find_out: Text,
}

/// All actions, most important first, and the answers to confirm.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ActionPlan {
    /// Every action, most important first.
    pub actions: Vec<Action>,
    /// Every "don't know" answer (screening ones included), in display order.
    pub to_confirm: Vec<ToConfirm>,
}

impl ActionPlan {
    /// Groups the findings of `r` into actions and lists what to confirm; the ledger's
    /// findings (`a`'s ledger) make one more action.
    pub fn of(b: &Bundle, a: &Assessment, r: &ScoreReport) -> ActionPlan {
        let mut plan = ActionPlan::build(b, r);
        if let Some(action) = ledger_action(b, a, &r.ledger) {
            plan.actions.push(action);
            plan.actions
                .sort_by_key(|x| (x.severity, std::cmp::Reverse(x.points)));
        }
        plan
    }

    /// Groups the findings of `r` on the questions into actions and lists what to confirm
    /// (without the ledger: see [`ActionPlan::of`]).
    pub fn build(b: &Bundle, r: &ScoreReport) -> ActionPlan {
        let mut actions: Vec<Action> = Vec::new();
        for f in &r.findings {
            let Some((c, q)) = b.question(&f.question_id) else {
                continue;
            };
            let key = q.advice.first().cloned().unwrap_or_else(|| c.id.clone());
            let step = step(b, c, q, f);
            let points = severity_points(f.severity) * u32::from(q.weight.max(1));
            match actions.iter_mut().find(|a| a.advice_id == key) {
                Some(a) => {
                    a.points += points;
                    a.steps.push(step);
                }
                None => actions.push(Action {
                    title: action_title(b, &key, c),
                    advice_id: key,
                    severity: f.severity,
                    points,
                    steps: vec![step],
                }),
            }
        }
        // Findings come most severe first, so each action's first step is its most severe,
        // and the first-seen order breaks ties.
        let order: Vec<String> = actions.iter().map(|a| a.advice_id.clone()).collect();
        actions.sort_by_key(|a| {
            let seen = order.iter().position(|id| *id == a.advice_id);
            (a.severity, std::cmp::Reverse(a.points), seen)
        });
        ActionPlan {
            actions,
            to_confirm: to_confirm(b, r),
        }
    }

    /// The three most important actions (fewer when there are fewer).
    pub fn top3(&self) -> &[Action] {
        &self.actions[..self.actions.len().min(3)]
    }

    /// The position (0-based) of the action that closes the finding on `question_id`.
    pub fn action_of(&self, question_id: &str) -> Option<usize> {
        self.actions
            .iter()
            .position(|a| a.closes().any(|id| id == question_id))
    }

    /// The step of the finding on `question_id`.
    pub fn step_of(&self, question_id: &str) -> Option<&Step> {
        self.actions
            .iter()
            .flat_map(|a| a.steps.iter())
            .find(|s| s.question_id == question_id)
    }
}

/// The action closing the ledger's findings, linked to case 02; `None` when there are none.
fn ledger_action(b: &Bundle, a: &Assessment, findings: &[LedgerFinding]) -> Option<Action> {
    let first = findings.first()?;
    let steps: Vec<Step> = findings
        .iter()
        .map(|f| Step {
            question_id: String::new(),
            ledger: Some(*f),
            answer: Answer::No,
            severity: f.severity,
            kind: StepKind::Fix,
            text: ledger_step_text(b, a, f),
        })
        .collect();
    let weight = |w: LedgerWarning| if w == LedgerWarning::NoNda { 3 } else { 2 };
    Some(Action {
        advice_id: LEDGER_ADVICE.to_string(),
        title: b.strings.get("ledger.action").cloned().unwrap_or_default(),
        severity: first.severity,
        points: findings
            .iter()
            .map(|f| severity_points(f.severity) * weight(f.warning))
            .sum(),
        steps,
    })
}

/// A ledger step in words: the entry (partner and what), then what to do.
fn ledger_step_text(b: &Bundle, a: &Assessment, f: &LedgerFinding) -> Text {
    let key = format!("ledger.step.{}", f.warning.code());
    let step = b.strings.get(&key).cloned().unwrap_or_default();
    let (partner, what) = a
        .ledger
        .get(f.entry)
        .map(|e| (e.partner.as_str(), e.what.as_str()))
        .unwrap_or_default();
    Text {
        ja: format!("{partner}「{what}」: {}", step.ja),
        en: format!("{partner}, \"{what}\": {}", step.en),
    }
}

fn severity_points(s: Severity) -> u32 {
    match s {
        Severity::High => 3,
        Severity::Medium => 2,
        Severity::Low => 1,
    }
}

fn action_title(b: &Bundle, key: &str, c: &Checklist) -> Text {
    match b.advice(key) {
        Some(adv) => adv.action.clone().unwrap_or_else(|| adv.title.clone()),
        None => c.title.clone(),
    }
}

fn step(b: &Bundle, c: &Checklist, q: &Question, f: &Finding) -> Step {
    let (kind, text) = if f.answer == Answer::Unknown {
        (StepKind::FindOut, find_out(b, c, q))
    } else {
        (StepKind::Fix, fix(b, q))
    };
    Step {
        question_id: q.id.clone(),
        ledger: None,
        answer: f.answer,
        severity: f.severity,
        kind,
        text,
    }
}

/// How to find out the answer to `q`.
pub fn find_out(b: &Bundle, c: &Checklist, q: &Question) -> Text {
    q.find_out
        .clone()
        .or_else(|| c.find_out.clone())
        .or_else(|| b.strings.get("plan.find_out.generic").cloned())
        .unwrap_or_default()
}

/// The first step to fix a weak answer to `q`.
pub fn fix(b: &Bundle, q: &Question) -> Text {
    if let Some(t) = &q.first_step {
        return t.clone();
    }
    let linked = || q.advice.iter().filter_map(|id| b.advice(id));
    linked()
        .find(|a| a.case_no.is_some())
        .or_else(|| linked().next())
        .map(|a| a.first_step.clone())
        .unwrap_or_default()
}

fn to_confirm(b: &Bundle, r: &ScoreReport) -> Vec<ToConfirm> {
    r.to_confirm
        .iter()
        .filter_map(|id| {
            let (c, q) = b.question(id)?;
            let screening = c.kind == super::schema::ChecklistKind::Screening;
            let keeps_open = if screening {
                gated_by(b, id)
            } else {
                Vec::new()
            };
            Some(ToConfirm {
                question_id: id.clone(),
                screening,
                keeps_open,
                find_out: find_out(b, c, q),
            })
        })
        .collect()
}

/// The checklists (and questions outside them) whose condition names `question_id`.
fn gated_by(b: &Bundle, question_id: &str) -> Vec<String> {
    let names = |cond: &Option<super::schema::Condition>| {
        cond.as_ref()
            .is_some_and(|c| c.questions().contains(&question_id))
    };
    let mut out = Vec::new();
    for c in &b.checklists {
        if names(&c.applies_if) {
            out.push(c.id.clone());
            continue;
        }
        out.extend(
            c.questions
                .iter()
                .filter(|q| names(&q.applies_if))
                .map(|q| q.id.clone()),
        );
    }
    out
}
