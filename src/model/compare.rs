//! Visits over time: two or more assessments of the same company compared.
//!
//! The newest visit is compared with the one before it (per-checklist score change, findings
//! resolved / new / still open, "to confirm" items cleared); with three or more visits every
//! visit's overall and checklist scores form a trend, oldest first.
//!
//! mamori knows only the questionnaire it has loaded. When two visits were made with different
//! versions of it, they are compared on the questions they share: a question the older file
//! answered but the loaded questionnaire no longer has is listed as removed, and a question the
//! newer file answered that the older file never answered is listed as added; both are left out
//! of the score change and of the finding arithmetic.

use std::collections::BTreeSet;

use super::assessment::Assessment;
use super::date::Date;
use super::schema::{Answer, Bundle, ChecklistKind};
use super::scoring::{score, ScoreReport};

/// One visit's scores.
#[derive(Clone, Debug, PartialEq)]
pub struct VisitScores {
    /// The date of the visit.
    pub date: Date,
    /// The questionnaire version the file was made with.
    pub version: u32,
    /// Overall score 0–100.
    pub overall: Option<f64>,
    /// Scored (non-screening) checklists: `(checklist id, score)`, in display order.
    pub checklists: Vec<(String, Option<f64>)>,
}

/// The change of one checklist's score between the previous and the newest visit.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistChange {
    /// Checklist id.
    pub id: String,
    /// Score at the previous visit.
    pub before: Option<f64>,
    /// Score at the newest visit.
    pub after: Option<f64>,
}

impl ChecklistChange {
    /// `after − before`, when both are known.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// Everything the comparison shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Every visit, oldest first (the newest is last).
    pub visits: Vec<VisitScores>,
    /// Overall score change, newest against previous (on shared questions).
    pub overall: ChecklistChange,
    /// Per scored checklist, newest against previous (on shared questions).
    pub checklists: Vec<ChecklistChange>,
    /// Findings of the previous visit that are gone (question ids).
    pub resolved: Vec<String>,
    /// Findings of the newest visit that the previous one did not have.
    pub new_findings: Vec<String>,
    /// Findings present at both visits.
    pub still_open: Vec<String>,
    /// Findings present at both visits whose answer moved up (e.g. いいえ → 一部): progress.
    pub improved: Vec<String>,
    /// Findings of the previous visit whose question has no answer in the newest visit: not
    /// answered in this visit, never counted as resolved.
    pub not_answered_now: Vec<String>,
    /// Whether the visits were given out of date order and were put in order (the newest
    /// by date is compared with the one before it by date).
    pub reordered: bool,
    /// "To confirm" items of the previous visit now answered otherwise.
    pub confirmed: Vec<String>,
    /// "To confirm" items of both visits.
    pub still_to_confirm: Vec<String>,
    /// Questions answered at the newest visit that the previous file never had (other version).
    pub added_questions: Vec<String>,
    /// Questions answered at the previous visit that the loaded questionnaire does not have.
    pub removed_questions: Vec<String>,
    /// Whether the two visits were made with different questionnaire versions.
    pub versions_differ: bool,
    /// Whether the company names differ (probably not the same company).
    pub company_differs: bool,
}

impl Comparison {
    /// Whether there are enough visits (three or more) for a trend.
    pub fn has_trend(&self) -> bool {
        self.visits.len() >= 3
    }

    /// The question lists every surface shows, in order, each with the key of its title:
    /// resolved, new, still open, improved, not answered now, confirmed, still to confirm.
    pub fn lists(&self) -> [(&'static str, &[String]); 7] {
        [
            ("score.cmp_resolved", &self.resolved),
            ("score.cmp_new", &self.new_findings),
            ("score.cmp_open", &self.still_open),
            ("score.cmp_improved", &self.improved),
            ("score.cmp_not_answered", &self.not_answered_now),
            ("score.cmp_confirmed", &self.confirmed),
            ("score.cmp_still_confirm", &self.still_to_confirm),
        ]
    }

    /// The questions added and removed between questionnaire versions, with the keys of
    /// their titles; empty when both visits used the same version.
    pub fn version_lists(&self) -> Vec<(&'static str, &[String])> {
        if !self.versions_differ {
            return Vec::new();
        }
        vec![
            ("score.cmp_added", &self.added_questions),
            ("score.cmp_removed", &self.removed_questions),
        ]
    }
}

/// Why a comparison cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CompareError {
    /// Fewer than two assessments.
    #[error("a comparison needs at least two assessments of the same company; give the newest first, then one or more older ones")]
    TooFew,
    /// A file answers another questionnaire.
    #[error("visit {index} answers the questionnaire '{found}', not '{expected}'; compare only assessments of the same questionnaire")]
    Foreign {
        /// 1-based position among the given assessments.
        index: usize,
        /// Its questionnaire id.
        found: String,
        /// The loaded questionnaire id.
        expected: String,
    },
}

/// Keeps only the answers to `shared` question ids.
fn restricted(a: &Assessment, shared: &BTreeSet<String>) -> Assessment {
    let mut r = a.clone();
    r.answers.retain(|id, _| shared.contains(id));
    r
}

fn visit(bundle: &Bundle, a: &Assessment, r: &ScoreReport) -> VisitScores {
    VisitScores {
        date: a.date,
        version: a.questionnaire.version,
        overall: r.overall,
        checklists: r
            .checklists
            .iter()
            .filter(|c| c.kind != ChecklistKind::Screening)
            .filter(|c| bundle.checklist(&c.id).is_some())
            .map(|c| (c.id.clone(), c.score))
            .collect(),
    }
}

/// The points an answer scores (none for no answer).
fn points(a: Option<Answer>) -> f64 {
    match a {
        Some(Answer::Yes) => 1.0,
        Some(Answer::Partly) => 0.5,
        _ => 0.0,
    }
}

/// The visits sorted by date: the newest by date, then the others newest first, and whether
/// that differs from the order given. Equal dates keep the order given.
fn by_date(newest: &Assessment, older: &[Assessment]) -> (Assessment, Vec<Assessment>, bool) {
    let given: Vec<&Assessment> = std::iter::once(newest).chain(older).collect();
    let mut sorted: Vec<(usize, &Assessment)> = given.iter().copied().enumerate().collect();
    // Newest date first; for equal dates the order given.
    sorted.sort_by(|(i, a), (j, b)| b.date.cmp(&a.date).then(i.cmp(j)));
    let reordered = sorted[0].0 != 0 || sorted[1].0 != 1;
    let mut it = sorted.into_iter().map(|(_, a)| a.clone());
    let first = it.next().unwrap_or_else(|| newest.clone());
    (first, it.collect(), reordered)
}

/// Compares `newest` with `older` visits (the first of `older` is the previous visit; the
/// rest are earlier still, in any order: the trend is sorted by date).
pub fn compare(
    bundle: &Bundle,
    newest: &Assessment,
    older: &[Assessment],
) -> Result<Comparison, CompareError> {
    if older.is_empty() {
        return Err(CompareError::TooFew);
    }
    let (newest, older, reordered) = by_date(newest, older);
    let (newest, older) = (&newest, &older[..]);
    same_questionnaire(bundle, newest, older)?;
    let pair = Pair::of(bundle, newest, &older[0]);
    let now = score(bundle, &pair.now);
    let before = score(bundle, &pair.before);
    let f = FindingChanges::of(bundle, &pair, &now, &before);
    Ok(Comparison {
        visits: trend(bundle, newest, older),
        overall: ChecklistChange {
            id: String::new(),
            before: before.overall,
            after: now.overall,
        },
        checklists: checklist_changes(&now, &before),
        resolved: f.resolved,
        new_findings: f.new_findings,
        still_open: f.still_open,
        improved: f.improved,
        not_answered_now: f.not_answered_now,
        reordered,
        confirmed: f.confirmed,
        still_to_confirm: f.still_to_confirm,
        added_questions: pair.added,
        removed_questions: pair.removed,
        versions_differ: pair.versions_differ,
        company_differs: older
            .iter()
            .any(|a| a.company.name.trim() != newest.company.name.trim()),
    })
}

/// Refuses a visit of another questionnaire (`index` 1 is the newest).
fn same_questionnaire(
    bundle: &Bundle,
    newest: &Assessment,
    older: &[Assessment],
) -> Result<(), CompareError> {
    let (qid, _) = bundle.id_version();
    for (i, a) in std::iter::once(newest).chain(older).enumerate() {
        if a.questionnaire.id != qid {
            return Err(CompareError::Foreign {
                index: i + 1,
                found: a.questionnaire.id.clone(),
                expected: qid.to_string(),
            });
        }
    }
    Ok(())
}

/// The newest and the previous visit as compared: over a change of questionnaire version,
/// only the questions both can answer, with those added and removed listed apart.
struct Pair {
    now: Assessment,
    before: Assessment,
    added: Vec<String>,
    removed: Vec<String>,
    versions_differ: bool,
}

impl Pair {
    fn of(bundle: &Bundle, newest: &Assessment, previous: &Assessment) -> Pair {
        let versions_differ = newest.questionnaire.version != previous.questionnaire.version;
        if !versions_differ {
            return Pair {
                now: newest.clone(),
                before: previous.clone(),
                added: Vec::new(),
                removed: Vec::new(),
                versions_differ,
            };
        }
        let known: BTreeSet<String> = bundle.questions().map(|(_, q)| q.id.clone()).collect();
        let answered = |a: &Assessment| -> BTreeSet<String> {
            a.answers
                .iter()
                .filter(|(_, e)| e.value.is_some())
                .map(|(k, _)| k.clone())
                .collect()
        };
        let (now_ids, prev_ids) = (answered(newest), answered(previous));
        let shared: BTreeSet<String> = known.intersection(&prev_ids).cloned().collect();
        Pair {
            now: restricted(newest, &shared),
            before: restricted(previous, &shared),
            added: now_ids
                .iter()
                .filter(|id| known.contains(*id) && !prev_ids.contains(*id))
                .cloned()
                .collect(),
            removed: prev_ids.difference(&known).cloned().collect(),
            versions_differ,
        }
    }
}

/// How the findings and the "to confirm" list changed between two visits; every list in
/// question display order, so it reads like the questionnaire.
struct FindingChanges {
    resolved: Vec<String>,
    not_answered_now: Vec<String>,
    new_findings: Vec<String>,
    still_open: Vec<String>,
    improved: Vec<String>,
    confirmed: Vec<String>,
    still_to_confirm: Vec<String>,
}

impl FindingChanges {
    fn of(bundle: &Bundle, pair: &Pair, now: &ScoreReport, before: &ScoreReport) -> Self {
        let ids = |r: &ScoreReport| -> Vec<String> {
            r.findings.iter().map(|f| f.question_id.clone()).collect()
        };
        let (now_f, before_f) = (ids(now), ids(before));
        let order = |mut v: Vec<String>| -> Vec<String> {
            v.sort_by_key(|id| bundle.questions().position(|(_, q)| q.id == *id));
            v
        };
        let (gone, stayed): (Vec<String>, Vec<String>) =
            before_f.into_iter().partition(|id| !now_f.contains(id));
        // A weak answer simply left unanswered now is not resolved: it is not known.
        let (answered_now, unanswered_now): (Vec<String>, Vec<String>) = gone
            .into_iter()
            .partition(|id| pair.now.answer(id).is_some());
        let new_findings = now_f
            .into_iter()
            .filter(|id| !stayed.contains(id))
            .collect();
        let still_open = order(stayed);
        let improved = still_open
            .iter()
            .filter(|id| points(pair.now.answer(id)) > points(pair.before.answer(id)))
            .cloned()
            .collect();
        let (confirmed, still_to_confirm) = before
            .to_confirm
            .iter()
            .filter(|id| now.to_confirm.contains(id) || pair.now.answer(id).is_some())
            .cloned()
            .partition(|id| !now.to_confirm.contains(id));
        FindingChanges {
            resolved: order(answered_now),
            not_answered_now: order(unanswered_now),
            new_findings: order(new_findings),
            still_open,
            improved,
            confirmed,
            still_to_confirm,
        }
    }
}

/// Each scored checklist's score before and after.
fn checklist_changes(now: &ScoreReport, before: &ScoreReport) -> Vec<ChecklistChange> {
    now.checklists
        .iter()
        .filter(|c| c.kind != ChecklistKind::Screening)
        .map(|c| ChecklistChange {
            id: c.id.clone(),
            before: before
                .checklists
                .iter()
                .find(|b| b.id == c.id)
                .and_then(|b| b.score),
            after: c.score,
        })
        .collect()
}

/// The trend: every visit scored in full on its own answers, oldest first.
fn trend(bundle: &Bundle, newest: &Assessment, older: &[Assessment]) -> Vec<VisitScores> {
    let mut visits: Vec<VisitScores> = std::iter::once(newest)
        .chain(older)
        .map(|a| visit(bundle, a, &score(bundle, a)))
        .collect();
    visits.sort_by_key(|v| v.date);
    visits
}
