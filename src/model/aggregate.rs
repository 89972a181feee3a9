//! A workshop class merged into one anonymous picture.
//!
//! [`aggregate_files`] reads many assessment files, one at a time (memory does not grow with
//! their number); a broken file, or one that answers another questionnaire, is listed with the
//! reason and skipped, and the rest still aggregate. Files
//! made with another version of the loaded questionnaire are merged on the questions it has
//! (answers are matched by question id).
//!
//! [`ClassAggregate`] holds only counts and scores: no company name, assessor name, note or
//! adviser note is ever copied into it, so nothing built from it can show one.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::assessment::{Assessment, AssessmentError, ErrorKind};
use super::crypt::SecretString;
use super::fsutil::kind_of;
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
    /// An encrypted file without its passphrase, or with a wrong one.
    Encrypted,
    /// An assessment of another questionnaire.
    OtherQuestionnaire,
}

impl SkipKind {
    /// Every kind, in display order.
    pub const ALL: [SkipKind; 4] = [
        SkipKind::Unreadable,
        SkipKind::NotAnAssessment,
        SkipKind::Encrypted,
        SkipKind::OtherQuestionnaire,
    ];

    /// Stable code (JSON).
    pub fn code(self) -> &'static str {
        match self {
            SkipKind::Unreadable => "unreadable",
            SkipKind::NotAnAssessment => "not_an_assessment",
            SkipKind::Encrypted => "encrypted",
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
    /// What is wrong with it (English, technical: the console and the app's 「詳細」).
    pub reason: String,
    /// The kind of problem.
    pub kind: SkipKind,
    /// The file error, when reading the file failed: the app words it in the user's language.
    #[serde(skip)]
    pub error: Option<ErrorKind>,
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn unreadable(p: &Path, reason: String) -> Skipped {
    Skipped {
        file: file_name(p),
        reason,
        kind: SkipKind::Unreadable,
        error: None,
    }
}

/// The files to read: each file given, and the `*.ron` entries of each folder given (not
/// recursively, sorted by name). What is left out is listed with the reason: a folder that
/// cannot be read, and a `*.ron` entry that is not a regular file (a FIFO, a socket, a
/// device, a folder, a link that points nowhere or in a loop). Other names (backups, PDFs,
/// lock files) are not assessment files and are passed over silently.
pub fn list_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if !p.is_dir() {
            files.push(p.clone());
            continue;
        }
        let entries = match std::fs::read_dir(p) {
            Ok(entries) => entries,
            Err(e) => {
                skipped.push(unreadable(p, format!("the folder cannot be read: {e}")));
                continue;
            }
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.extension().is_some_and(|x| x == "ron"))
            .collect();
        found.sort();
        for f in found {
            match std::fs::metadata(&f) {
                Ok(m) if m.is_file() => files.push(f),
                Ok(m) => skipped.push(unreadable(
                    &f,
                    format!("it is {}, not an assessment file", kind_of(&m)),
                )),
                Err(e) => skipped.push(unreadable(
                    &f,
                    format!("it cannot be opened (a link that points nowhere or in a loop?): {e}"),
                )),
            }
        }
    }
    (files, skipped)
}

/// Reads the files one at a time and merges each into the class at once, so memory does not
/// grow with the number of files. Files that cannot be used are listed in the second value
/// (with names and reasons, for the trainer's eyes only). Encrypted files are opened with
/// `passphrase`; without one they are skipped.
pub fn aggregate_files(
    bundle: &Bundle,
    paths: &[PathBuf],
    passphrase: Option<&SecretString>,
) -> (ClassAggregate, Vec<Skipped>) {
    let (files, mut skipped) = list_files(paths);
    let mut class = Aggregator::new(bundle);
    skipped.iter().for_each(|s| class.skip(s.kind));
    let (qid, _) = bundle.id_version();
    for f in files {
        let shown = file_name(&f);
        let problem = match Assessment::load_with(&f, passphrase) {
            Ok(a) if a.questionnaire.id != qid => Skipped {
                reason: format!(
                    "answers the questionnaire '{}', not '{qid}'",
                    a.questionnaire.id
                ),
                file: shown,
                kind: SkipKind::OtherQuestionnaire,
                error: None,
            },
            Ok(a) => {
                class.add(&a);
                continue;
            }
            Err(e) => Skipped {
                file: shown,
                kind: match e.kind() {
                    ErrorKind::NotFound | ErrorKind::NoPermission | ErrorKind::Io => {
                        SkipKind::Unreadable
                    }
                    ErrorKind::Encrypted | ErrorKind::WrongPassphrase => SkipKind::Encrypted,
                    _ => SkipKind::NotAnAssessment,
                },
                reason: match e {
                    AssessmentError::Io { .. } => format!("cannot be read: {e}"),
                    _ => e.to_string(),
                },
                error: Some(e.kind()),
            },
        };
        class.skip(problem.kind);
        skipped.push(problem);
    }
    (class.finish(), skipped)
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

/// A running mean: the sum and the number of values.
#[derive(Clone, Copy, Default)]
struct Running(f64, usize);

impl Running {
    fn push(&mut self, v: f64) {
        self.0 += v;
        self.1 += 1;
    }

    fn mean(self, id: &str) -> MeanScore {
        MeanScore {
            id: id.to_string(),
            mean: (self.1 > 0).then(|| self.0 / self.1 as f64),
            scored: self.1,
        }
    }
}

/// A class merged one assessment at a time: only counts and running sums are kept, nothing
/// identifying and nothing that grows with the number of participants (but the skip kinds).
pub struct Aggregator<'b> {
    bundle: &'b Bundle,
    checklists: Vec<&'b str>,
    index: std::collections::HashMap<&'b str, usize>,
    counts: Vec<[usize; 5]>,
    unanswered: Vec<usize>,
    /// Per question: (findings, of them high).
    findings: Vec<(usize, usize)>,
    overall: Running,
    per_checklist: Vec<Running>,
    per_objective: Vec<Running>,
    versions: Vec<u32>,
    participants: usize,
    skipped: Vec<SkipKind>,
}

impl<'b> Aggregator<'b> {
    /// An empty class of `bundle`'s questionnaire.
    pub fn new(bundle: &'b Bundle) -> Aggregator<'b> {
        let n = bundle.questions().count();
        let checklists: Vec<&str> = bundle
            .checklists
            .iter()
            .filter(|c| c.kind != ChecklistKind::Screening)
            .map(|c| c.id.as_str())
            .collect();
        Aggregator {
            bundle,
            index: bundle
                .questions()
                .enumerate()
                .map(|(i, (_, q))| (q.id.as_str(), i))
                .collect(),
            counts: vec![[0; 5]; n],
            unanswered: vec![0; n],
            findings: vec![(0, 0); n],
            overall: Running::default(),
            per_checklist: vec![Running::default(); checklists.len()],
            per_objective: vec![Running::default(); Objective::ALL.len()],
            checklists,
            versions: Vec::new(),
            participants: 0,
            skipped: Vec::new(),
        }
    }

    /// Counts a file left out (its kind only).
    pub fn skip(&mut self, kind: SkipKind) {
        self.skipped.push(kind);
    }

    /// Merges one participant's assessment.
    pub fn add(&mut self, a: &Assessment) {
        self.participants += 1;
        if !self.versions.contains(&a.questionnaire.version) {
            self.versions.push(a.questionnaire.version);
        }
        let r = score(self.bundle, a);
        for id in &r.unanswered {
            if let Some(&i) = self.index.get(id.as_str()) {
                self.unanswered[i] += 1;
            }
        }
        for (id, e) in &a.answers {
            let (Some(&i), Some(v)) = (self.index.get(id.as_str()), e.value) else {
                continue;
            };
            if let Some(k) = Answer::ALL.iter().position(|x| *x == v) {
                self.counts[i][k] += 1;
            }
        }
        if let Some(s) = r.overall {
            self.overall.push(s);
        }
        for cs in &r.checklists {
            let k = self.checklists.iter().position(|c| *c == cs.id);
            if let (Some(k), Some(s)) = (k, cs.score) {
                self.per_checklist[k].push(s);
            }
        }
        for (k, o) in r.objectives.iter().enumerate() {
            if let Some(s) = o.score {
                self.per_objective[k].push(s);
            }
        }
        for f in &r.findings {
            if let Some(&i) = self.index.get(f.question_id.as_str()) {
                self.findings[i].0 += 1;
                if f.severity == Severity::High {
                    self.findings[i].1 += 1;
                }
            }
        }
    }

    /// The class picture.
    pub fn finish(mut self) -> ClassAggregate {
        self.versions.sort_unstable();
        let bundle = self.bundle;
        let questions: Vec<QuestionCounts> = bundle
            .questions()
            .enumerate()
            .map(|(i, (c, q))| QuestionCounts {
                question_id: q.id.clone(),
                checklist_id: c.id.clone(),
                counts: self.counts[i],
                unanswered: self.unanswered[i],
            })
            .collect();
        let checklist_means: Vec<MeanScore> = self
            .checklists
            .iter()
            .zip(&self.per_checklist)
            .map(|(id, v)| v.mean(id))
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
        ClassAggregate {
            participants: self.participants,
            findings: self.finding_counts(),
            skipped: self.skipped,
            versions: self.versions,
            overall: self.overall.mean("overall"),
            questions,
            checklists: checklist_means,
            weakest,
            objectives: Objective::ALL
                .iter()
                .zip(&self.per_objective)
                .map(|(o, v)| v.mean(o.code()))
                .collect(),
        }
    }

    /// Findings by frequency, most frequent first.
    fn finding_counts(&self) -> Vec<FindingCount> {
        let mut findings: Vec<(usize, FindingCount)> = self
            .bundle
            .questions()
            .enumerate()
            .filter(|(i, _)| self.findings[*i].0 > 0)
            .map(|(i, (_, q))| {
                let cases = q.advice.iter().filter(|id| id.starts_with("case"));
                (
                    i,
                    FindingCount {
                        question_id: q.id.clone(),
                        count: self.findings[i].0,
                        high: self.findings[i].1,
                        cases: cases.cloned().collect(),
                    },
                )
            })
            .collect();
        findings.sort_by_key(|(i, f)| (std::cmp::Reverse(f.count), std::cmp::Reverse(f.high), *i));
        findings.into_iter().map(|(_, f)| f).collect()
    }
}

/// Aggregates assessments already in memory (for files, use [`aggregate_files`]).
pub fn aggregate(bundle: &Bundle, assessments: &[Assessment]) -> ClassAggregate {
    let mut class = Aggregator::new(bundle);
    assessments.iter().for_each(|a| class.add(a));
    class.finish()
}
