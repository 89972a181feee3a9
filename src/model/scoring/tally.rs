//! The steps of [`super::score`]: each checklist's answers tallied into its score, status and
//! findings, the five objectives and three legal requirements, then the report assembled.

use std::collections::BTreeSet;

use super::{
    applies, checklist_applies, finding_contacts, points, sorted_advice, Acc, AxisScore,
    ChecklistScore, Consult, Finding, ScoreReport, Severity, Status, GOOD_FROM,
};
use crate::model::assessment::Assessment;
use crate::model::region::Desks;
use crate::model::schema::{
    Answer, Bundle, Checklist, ChecklistKind, LegalRequirement, Objective, Question,
};

/// A finding with its checklist's order and its place in the checklist, to sort by.
type Placed = (u32, Option<usize>, Finding);

/// What [`score`] gathers over the checklists.
#[derive(Default)]
pub(super) struct Tally {
    checklists: Vec<ChecklistScore>,
    objectives: [Acc; 5],
    legal: [Acc; 3],
    findings: Vec<Placed>,
    to_confirm: Vec<String>,
    review_later: Vec<String>,
    unanswered: Vec<String>,
    consult: Option<Consult>,
    overall: Acc,
}

/// One checklist's answers: its points, how many questions apply and are answered, and the
/// weak answers.
#[derive(Default)]
struct Answers<'q> {
    acc: Acc,
    answered: usize,
    applicable: usize,
    weak: Vec<(&'q Question, Answer)>,
}

impl Tally {
    /// Adds checklist `c`: its score and status, its findings, the consultation rule.
    pub(super) fn add_checklist(&mut self, bundle: &Bundle, c: &Checklist, a: &Assessment) {
        let applies_here = checklist_applies(c, a);
        let scored = c.kind != ChecklistKind::Screening;
        let t = self.answers(c, a, applies_here, scored);
        let score = if scored { t.acc.score() } else { None };
        let good = score.is_some_and(|s| s >= GOOD_FROM);
        self.add_findings(bundle, c, &t.weak, good);
        if let (Some(rule), true, false) = (&c.consult, applies_here, t.weak.is_empty()) {
            self.consult = Some(Consult {
                checklist_id: c.id.clone(),
                weak_items: t.weak.iter().map(|(q, _)| q.id.clone()).collect(),
                advice: rule.advice.clone(),
                contacts: rule.contacts.clone(),
            });
        }
        if let Some(s) = score {
            self.overall.add(c.weight, s / 100.0);
        }
        self.checklists.push(ChecklistScore {
            id: c.id.clone(),
            kind: c.kind,
            status: status(applies_here, t.answered, t.applicable),
            answered: t.answered,
            applicable: t.applicable,
            score,
        });
    }

    /// Goes through the questions of `c` that apply: lists the unanswered, the "don't know"
    /// and those marked for review; adds the points of a scored checklist to the axes.
    fn answers<'q>(
        &mut self,
        c: &'q Checklist,
        a: &Assessment,
        applies_here: bool,
        scored: bool,
    ) -> Answers<'q> {
        let mut t = Answers::default();
        for q in &c.questions {
            if !(applies_here && applies(q.applies_if.as_ref(), a)) {
                continue;
            }
            t.applicable += 1;
            if a.answers.get(&q.id).is_some_and(|e| e.review_later) {
                self.review_later.push(q.id.clone());
            }
            let Some(ans) = a.answer(&q.id) else {
                self.unanswered.push(q.id.clone());
                continue;
            };
            t.answered += 1;
            if ans == Answer::Unknown {
                self.to_confirm.push(q.id.clone());
            }
            if !scored {
                continue;
            }
            if let Some(p) = points(ans) {
                t.acc.add(f64::from(q.weight), p);
                self.add_to_axes(q, p);
            }
            if ans.is_weak() {
                t.weak.push((q, ans));
            }
        }
        t
    }

    /// Adds `points` for question `q` to the objectives and legal requirements it serves.
    fn add_to_axes(&mut self, q: &Question, points: f64) {
        let w = f64::from(q.weight);
        for o in &q.objectives {
            if let Some(i) = Objective::ALL.iter().position(|x| x == o) {
                self.objectives[i].add(w, points);
            }
        }
        for l in &q.legal {
            if let Some(i) = LegalRequirement::ALL.iter().position(|x| x == l) {
                self.legal[i].add(w, points);
            }
        }
    }

    /// The findings among the weak answers of `c` (see [`severity`]).
    fn add_findings(
        &mut self,
        bundle: &Bundle,
        c: &Checklist,
        weak: &[(&Question, Answer)],
        good: bool,
    ) {
        for (q, ans) in weak {
            let Some(severity) = severity(q.critical, *ans, good) else {
                continue;
            };
            self.findings.push((
                c.order,
                c.questions.iter().position(|x| x.id == q.id),
                Finding {
                    question_id: q.id.clone(),
                    checklist_id: c.id.clone(),
                    answer: *ans,
                    severity,
                    critical: q.critical,
                    advice: sorted_advice(&q.advice),
                    contacts: finding_contacts(bundle, q),
                },
            ));
        }
    }

    /// The report: findings by severity, then checklist and question order; answers to
    /// questions the questionnaire does not have listed; the desks not yet fitted.
    pub(super) fn into_report(mut self, bundle: &Bundle, a: &Assessment) -> ScoreReport {
        self.findings.sort_by_key(|f| (f.2.severity, f.0, f.1));
        let known: BTreeSet<&str> = bundle.questions().map(|(_, q)| q.id.as_str()).collect();
        let orphan_answers = a
            .answers
            .keys()
            .filter(|k| !known.contains(k.as_str()))
            .cloned()
            .collect();
        ScoreReport {
            overall: self.overall.score(),
            checklists: self.checklists,
            objectives: axis_scores(&Objective::ALL, self.objectives),
            legal: axis_scores(&LegalRequirement::ALL, self.legal),
            findings: self.findings.into_iter().map(|f| f.2).collect(),
            to_confirm: self.to_confirm,
            review_later: self.review_later,
            unanswered: self.unanswered,
            consult: self.consult,
            orphan_answers,
            desks: Desks::default(),
            ledger: Vec::new(),
        }
    }
}

/// How severe a weak answer is: to a critical question always a finding (high, medium for
/// "partly"); to another only when its checklist is not good (medium, low for "partly").
fn severity(critical: bool, ans: Answer, checklist_good: bool) -> Option<Severity> {
    match (critical, ans) {
        (true, Answer::Partly) => Some(Severity::Medium),
        (true, _) => Some(Severity::High),
        (false, _) if checklist_good => None,
        (false, Answer::Partly) => Some(Severity::Low),
        (false, _) => Some(Severity::Medium),
    }
}

/// A checklist's status from whether it applies and how many of its questions are answered.
fn status(applies_here: bool, answered: usize, applicable: usize) -> Status {
    if !applies_here {
        Status::NotApplicable
    } else if answered == 0 {
        Status::NotStarted
    } else if answered < applicable {
        Status::InProgress
    } else {
        Status::Done
    }
}

/// One score per axis key, in the keys' order.
fn axis_scores<K: Copy, const N: usize>(keys: &[K; N], accs: [Acc; N]) -> Vec<AxisScore<K>> {
    keys.iter()
        .zip(accs)
        .map(|(k, acc)| AxisScore {
            key: *k,
            score: acc.score(),
            answered: acc.n,
        })
        .collect()
}
