//! A workshop class merged into one anonymous picture.
//!
//! [`load_set`] reads many assessment files; a broken file, or one that answers another
//! questionnaire, is listed with the reason and skipped, and the rest still aggregate. Files
//! made with another version of the loaded questionnaire are merged on the questions it has
//! (answers are matched by question id).
//!
//! [`ClassAggregate`] holds only counts and scores: no company name, assessor name, note or
//! adviser note is ever copied into it, so nothing built from it can show one.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::assessment::Assessment;
use super::schema::{Answer, Bundle, ChecklistKind, Objective};
use super::scoring::{score, Severity};

/// Why a file was left out, in words that cannot name a participant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    /// The file or folder could not be read.
    Unreadable,
    /// Not a valid (or readable) mamori assessment file.
    NotAnAssessment,
    /// An assessment of another questionnaire.
    OtherQuestionnaire,
}

impl SkipKind {
    /// Every kind, in display order.
    pub const ALL: [SkipKind; 3] = [
        SkipKind::Unreadable,
        SkipKind::NotAnAssessment,
        SkipKind::OtherQuestionnaire,
    ];

    /// Stable code (JSON).
    pub fn code(self) -> &'static str {
        match self {
            SkipKind::Unreadable => "unreadable",
            SkipKind::NotAnAssessment => "not_an_assessment",
            SkipKind::OtherQuestionnaire => "other_questionnaire",
        }
    }

    /// Key of its label in the UI strings.
    pub fn string_key(self) -> String {
        format!("score.agg_skip.{}", self.code())
    }
}

/// A file left out of the aggregate, and why: for the trainer's own eyes only (the console,
/// the app outside the projector view), since a file name or a parser message can quote a
/// company. The class picture itself keeps only the [`SkipKind`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file name (without its folder).
    pub file: String,
    /// What is wrong with it.
    pub reason: String,
    /// The kind of problem.
    pub kind: SkipKind,
}

/// The readable files of a set, and those skipped.
#[derive(Clone, Debug, Default)]
pub struct LoadedSet {
    /// The assessments that will be aggregated.
    pub assessments: Vec<Assessment>,
    /// The files left out.
    pub skipped: Vec<Skipped>,
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Reads every file; files that cannot be used are listed in [`LoadedSet::skipped`].
/// A folder is read for its `*.ron` files (not recursively), sorted by name.
pub fn load_set(bundle: &Bundle, paths: &[PathBuf]) -> LoadedSet {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut set = LoadedSet::default();
    for p in paths {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "ron"))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => set.skipped.push(Skipped {
                    file: file_name(p),
                    reason: format!("the folder cannot be read: {e}"),
                    kind: SkipKind::Unreadable,
                }),
            }
        } else {
            files.push(p.clone());
        }
    }
    let (qid, _) = bundle.id_version();
    for f in files {
        let shown = file_name(&f);
        let bytes = match std::fs::read(&f) {
            Ok(b) => b,
            Err(e) => {
                set.skipped.push(Skipped {
                    file: shown,
                    reason: format!("cannot be read: {e}"),
                    kind: SkipKind::Unreadable,
                });
                continue;
            }
        };
        match Assessment::from_bytes(&shown, &bytes) {
            Ok(a) if a.questionnaire.id != qid => set.skipped.push(Skipped {
                file: shown,
                reason: format!(
                    "answers the questionnaire '{}', not '{qid}'",
                    a.questionnaire.id
                ),
                kind: SkipKind::OtherQuestionnaire,
            }),
            Ok(a) => set.assessments.push(a),
            Err(e) => set.skipped.push(Skipped {
                file: shown,
                reason: e.to_string(),
                kind: SkipKind::NotAnAssessment,
            }),
        }
    }
    set
}

/// How the class answered one question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionCounts {
    /// Question id.
    pub question_id: String,
    /// Its checklist.
    pub checklist_id: String,
    /// Participants per answer, in the order of [`Answer::ALL`] (yes, partly, no, unknown, na).
    pub counts: [usize; 5],
    /// Participants for whom it applies but who did not answer.
    pub unanswered: usize,
}

impl QuestionCounts {
    /// The number of participants who gave `a`.
    pub fn count(&self, a: Answer) -> usize {
        Answer::ALL
            .iter()
            .position(|x| *x == a)
            .map(|i| self.counts[i])
            .unwrap_or(0)
    }
}

/// A mean score over the participants that have one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeanScore {
    /// Checklist id or objective code.
    pub id: String,
    /// Mean 0–100, `None` when no participant has a score.
    pub mean: Option<f64>,
    /// Participants with a score.
    pub scored: usize,
}

/// How often a question is a finding in the class.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FindingCount {
    /// Question id.
    pub question_id: String,
    /// Participants with this finding.
    pub count: usize,
    /// Of them, at high severity.
    pub high: usize,
    /// The linked cases (`case01`–`case04`).
    pub cases: Vec<String>,
}

/// The anonymous picture of a class.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassAggregate {
    /// Files aggregated.
    pub participants: usize,
    /// Why files were left out, in file order: the kind only, never the file name or the
    /// parser's message (either can quote a company; [`LoadedSet::skipped`] has them).
    pub skipped: Vec<SkipKind>,
    /// Questionnaire versions present (merged on the loaded questionnaire's questions).
    pub versions: Vec<u32>,
    /// Mean overall score.
    pub overall: MeanScore,
    /// Answer distribution per question, in questionnaire order (screening questions too).
    pub questions: Vec<QuestionCounts>,
    /// Mean score per scored checklist, in questionnaire order.
    pub checklists: Vec<MeanScore>,
    /// Scored checklists with a mean, weakest first.
    pub weakest: Vec<MeanScore>,
    /// The five objectives for the class as a whole.
    pub objectives: Vec<MeanScore>,
    /// Findings by frequency, most frequent first.
    pub findings: Vec<FindingCount>,
}

impl ClassAggregate {
    /// How many files were left out for each kind of problem (kinds with none are omitted).
    pub fn skipped_counts(&self) -> Vec<(SkipKind, usize)> {
        SkipKind::ALL
            .iter()
            .map(|k| (*k, self.skipped.iter().filter(|s| *s == k).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

fn mean(id: &str, values: &[f64]) -> MeanScore {
    MeanScore {
        id: id.to_string(),
        mean: (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64),
        scored: values.len(),
    }
}

/// Aggregates a loaded set. Only counts and scores go in; nothing identifying.
pub fn aggregate(bundle: &Bundle, set: &LoadedSet) -> ClassAggregate {
    let checklists: Vec<&str> = bundle
        .checklists
        .iter()
        .filter(|c| c.kind != ChecklistKind::Screening)
        .map(|c| c.id.as_str())
        .collect();
    let n_questions = bundle.questions().count();
    let mut counts = vec![[0usize; 5]; n_questions];
    let mut unanswered = vec![0usize; n_questions];
    let mut overall = Vec::new();
    let mut per_checklist: Vec<Vec<f64>> = vec![Vec::new(); checklists.len()];
    let mut per_objective: Vec<Vec<f64>> = vec![Vec::new(); Objective::ALL.len()];
    let mut finding_counts: Vec<(usize, usize)> = vec![(0, 0); n_questions];
    let index: std::collections::HashMap<&str, usize> = bundle
        .questions()
        .enumerate()
        .map(|(i, (_, q))| (q.id.as_str(), i))
        .collect();
    let mut versions: Vec<u32> = Vec::new();

    for a in &set.assessments {
        if !versions.contains(&a.questionnaire.version) {
            versions.push(a.questionnaire.version);
        }
        let r = score(bundle, a);
        for id in &r.unanswered {
            if let Some(&i) = index.get(id.as_str()) {
                unanswered[i] += 1;
            }
        }
        for (id, e) in &a.answers {
            let (Some(&i), Some(v)) = (index.get(id.as_str()), e.value) else {
                continue;
            };
            if let Some(k) = Answer::ALL.iter().position(|x| *x == v) {
                counts[i][k] += 1;
            }
        }
        if let Some(s) = r.overall {
            overall.push(s);
        }
        for cs in &r.checklists {
            if let (Some(k), Some(s)) = (checklists.iter().position(|c| *c == cs.id), cs.score) {
                per_checklist[k].push(s);
            }
        }
        for (k, o) in r.objectives.iter().enumerate() {
            if let Some(s) = o.score {
                per_objective[k].push(s);
            }
        }
        for f in &r.findings {
            if let Some(&i) = index.get(f.question_id.as_str()) {
                finding_counts[i].0 += 1;
                if f.severity == Severity::High {
                    finding_counts[i].1 += 1;
                }
            }
        }
    }
    versions.sort_unstable();

    let questions: Vec<QuestionCounts> = bundle
        .questions()
        .enumerate()
        .map(|(i, (c, q))| QuestionCounts {
            question_id: q.id.clone(),
            checklist_id: c.id.clone(),
            counts: counts[i],
            unanswered: unanswered[i],
        })
        .collect();
    let checklist_means: Vec<MeanScore> = checklists
        .iter()
        .zip(&per_checklist)
        .map(|(id, v)| mean(id, v))
        .collect();
    let mut weakest: Vec<MeanScore> = checklist_means
        .iter()
        .filter(|m| m.mean.is_some())
        .cloned()
        .collect();
    weakest.sort_by(|a, b| {
        a.mean
            .unwrap_or(0.0)
            .total_cmp(&b.mean.unwrap_or(0.0))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut findings: Vec<(usize, FindingCount)> = bundle
        .questions()
        .enumerate()
        .filter(|(i, _)| finding_counts[*i].0 > 0)
        .map(|(i, (_, q))| {
            (
                i,
                FindingCount {
                    question_id: q.id.clone(),
                    count: finding_counts[i].0,
                    high: finding_counts[i].1,
                    cases: q
                        .advice
                        .iter()
                        .filter(|id| id.starts_with("case"))
                        .cloned()
                        .collect(),
                },
            )
        })
        .collect();
    findings.sort_by_key(|(i, f)| (std::cmp::Reverse(f.count), std::cmp::Reverse(f.high), *i));

    ClassAggregate {
        participants: set.assessments.len(),
        skipped: set.skipped.iter().map(|s| s.kind).collect(),
        versions,
        overall: mean("overall", &overall),
        questions,
        checklists: checklist_means,
        weakest,
        objectives: Objective::ALL
            .iter()
            .zip(&per_objective)
            .map(|(o, v)| mean(o.code(), v))
            .collect(),
        findings: findings.into_iter().map(|(_, f)| f).collect(),
    }
}
