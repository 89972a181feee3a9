//! `mamori score FILE`: the checklists, the overall band, the findings, the desks and the
//! to-confirm list, as text or as the stable `score --json` document (docs/cli.md).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::shared::open_checked;
use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::plan::ActionPlan;
use crate::model::schema::{Bundle, ChecklistKind};
use crate::model::scoring::{
    orphan_answer_lines, score_on, ScoreReport, Status, GOOD_FROM, IMPROVE_FROM, LEDGER_ADVICE,
};
use crate::model::text::Lang;
use crate::model::verdict::Verdict;
use crate::model::words::Words;

/// Arguments of `mamori score`.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// Print JSON (field names documented in docs/cli.md).
    #[arg(long)]
    pub json: bool,
    /// Language of the texts: ja or en.
    #[arg(long, default_value = "ja")]
    pub lang: Lang,
    /// The passphrase of an encrypted file: the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

pub(super) fn run(
    args: ScoreArgs,
    questionnaires: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let (bundle, _, a) = open_checked(
        questionnaires,
        &args.file,
        args.passphrase_file.as_deref(),
        err,
    )?;
    let report = score_on(&bundle, &a, Date::today());
    if args.json {
        let v = score_json(&bundle, &a, &report, args.lang);
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        let text = TextOut {
            b: &bundle,
            a: &a,
            r: &report,
            lang: args.lang,
        };
        text.write(out)?;
    }
    Ok(0)
}

/// The text output of `mamori score`, one method per section.
struct TextOut<'a> {
    b: &'a Bundle,
    a: &'a Assessment,
    r: &'a ScoreReport,
    lang: Lang,
}

impl TextOut<'_> {
    fn s(&self, key: &str) -> String {
        self.words().owned(key)
    }

    /// The words for bands, scores, answers and severities (shared with the app and the PDF).
    fn words(&self) -> Words<'_> {
        Words::new(self.b, self.lang)
    }

    fn write(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        self.overall(out)?;
        self.verdict(out)?;
        self.checklists(out)?;
        self.axes(out)?;
        self.findings(out)?;
        self.lists(out)?;
        self.consult(out)?;
        self.contacts(out)
    }

    fn overall(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (a, r, lang) = (self.a, self.r, self.lang);
        writeln!(out, "{}", self.s("score.heading"))?;
        if !a.company.name.is_empty() {
            writeln!(out, "{}: {}", self.s("score.company"), a.company.name)?;
        }
        writeln!(out, "{}: {}", self.s("score.date"), a.date.display(lang))?;
        let verdict = Verdict::of(r);
        writeln!(
            out,
            "{}: {}  ({}: {} / 100)",
            self.s("verdict.heading"),
            verdict.word(self.b, lang),
            self.s("score.overall"),
            Words::score(r.overall),
        )?;
        writeln!(out, "  ({})", self.words().band_rule())?;
        Ok(())
    }

    /// Why the verdict is what it is, and the three actions to take first with their steps.
    fn verdict(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (b, lang) = (self.b, self.lang);
        let verdict = Verdict::of(self.r);
        let why = verdict.explanation(b, lang, self.r.overall);
        if !why.is_empty() {
            writeln!(out, "{why}")?;
        }
        for line in verdict.reason_lines(b, lang) {
            writeln!(out, "  - {line}")?;
        }
        let plan = ActionPlan::of(b, self.a, self.r);
        if plan.actions.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{}", self.s("plan.heading"))?;
        for (i, action) in plan.top3().iter().enumerate() {
            let step = action.first_step();
            writeln!(out, "{}. {}", i + 1, action.title.get(lang))?;
            writeln!(
                out,
                "   {}: {}",
                self.s(step.kind.string_key()),
                step.text.get(lang)
            )?;
            let closes = action.steps.len().to_string();
            writeln!(out, "   {}", self.s("plan.closes").replace("{n}", &closes))?;
        }
        Ok(())
    }

    fn checklists(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "\n{}", self.s("score.checklists"))?;
        for cs in &self.r.checklists {
            let Some(c) = self.b.checklist(&cs.id) else {
                continue;
            };
            let title = c.title.get(self.lang);
            if cs.status == Status::NotApplicable {
                writeln!(out, "  {}  {}", title, self.s("status.not_applicable"))?;
                continue;
            }
            if c.kind == ChecklistKind::Screening {
                // Unscored: only how many of its questions are answered.
                let (n, of) = (cs.answered, cs.applicable);
                writeln!(out, "  {title}  {} {n}/{of}", self.s("score.answered"))?;
                continue;
            }
            writeln!(
                out,
                "  {}  {}  {}  {} {}/{}",
                title,
                Words::score(cs.score),
                self.words().band(cs.band()),
                self.s("score.answered"),
                cs.answered,
                cs.applicable
            )?;
        }
        Ok(())
    }

    fn axes(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "\n{}", self.s("score.objectives"))?;
        for o in &self.r.objectives {
            let label = self.s(&o.key.string_key());
            writeln!(out, "  {}  {}", label, Words::score(o.score))?;
        }
        writeln!(out, "\n{}", self.s("score.legal"))?;
        for l in &self.r.legal {
            let label = self.s(&l.key.string_key());
            writeln!(out, "  {}  {}", label, Words::score(l.score))?;
        }
        Ok(())
    }

    fn findings(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (b, lang) = (self.b, self.lang);
        writeln!(out, "\n{}", self.s("score.findings"))?;
        if self.r.findings.is_empty() && self.r.ledger.is_empty() {
            writeln!(out, "  {}", self.s("score.no_findings"))?;
        }
        let words = Words::new(b, lang);
        for f in &self.r.ledger {
            let line = words.ledger_finding(&self.a.ledger, f);
            writeln!(out, "  [{}] {line}", self.s(&f.severity.string_key()))?;
        }
        for f in &self.r.findings {
            let Some((_, q)) = b.question(&f.question_id) else {
                continue;
            };
            writeln!(
                out,
                "  [{}] {}  {} — {}",
                self.words().severity(f.severity),
                q.id,
                q.text.get(lang),
                self.words().answer(f.answer)
            )?;
            for id in &f.advice {
                if let Some(adv) = b.advice(id) {
                    let label = self.s("score.advice");
                    writeln!(out, "      {label}: {id} {}", adv.title.get(lang))?;
                }
            }
            let desks: Vec<String> = f
                .contacts
                .iter()
                .filter_map(|id| b.contact(id))
                .map(|c| match c.phone_display(lang) {
                    Some(p) => format!("{} {}", c.name.get(lang), p),
                    None => c.name.get(lang).to_string(),
                })
                .collect();
            if !desks.is_empty() {
                writeln!(
                    out,
                    "      {}: {}",
                    self.s("score.contact"),
                    desks.join(" / ")
                )?;
            }
            if let Some(note) = self
                .a
                .answers
                .get(&f.question_id)
                .map(|e| e.note.trim())
                .filter(|n| !n.is_empty())
            {
                writeln!(out, "      {}: {}", self.s("score.note"), note)?;
            }
        }
        Ok(())
    }

    fn question_lines(&self, ids: &[String], out: &mut dyn Write) -> anyhow::Result<()> {
        for id in ids {
            if let Some((_, q)) = self.b.question(id) {
                writeln!(out, "  {}  {}", id, q.text.get(self.lang))?;
            }
        }
        Ok(())
    }

    /// Each "don't know" answer with how to find out; a screening one also says which
    /// checklists or questions it keeps open.
    fn to_confirm_lines(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (b, lang) = (self.b, self.lang);
        for t in ActionPlan::build(b, self.r).to_confirm {
            self.question_lines(std::slice::from_ref(&t.question_id), out)?;
            writeln!(
                out,
                "    {}: {}",
                self.s("plan.step.find_out"),
                t.find_out.get(lang)
            )?;
            if t.keeps_open.is_empty() {
                continue;
            }
            let items: Vec<&str> = t
                .keeps_open
                .iter()
                .map(|id| match (b.checklist(id), b.question(id)) {
                    (Some(c), _) => c.title.get(lang),
                    (None, Some((_, q))) => q.text.get(lang),
                    (None, None) => id.as_str(),
                })
                .collect();
            let sep = if lang == Lang::Ja { "、" } else { ", " };
            let line = self
                .s("plan.keeps_open")
                .replace("{items}", &items.join(sep));
            writeln!(out, "    {line}")?;
        }
        Ok(())
    }

    /// To confirm, review later, unanswered, and answers to questions no longer asked.
    fn lists(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let r = self.r;
        writeln!(out, "\n{}", self.s("score.to_confirm"))?;
        if r.to_confirm.is_empty() {
            writeln!(out, "  {}", self.s("score.to_confirm_none"))?;
        }
        self.to_confirm_lines(out)?;
        if !r.review_later.is_empty() {
            writeln!(out, "\n{}", self.s("score.review_later"))?;
            self.question_lines(&r.review_later, out)?;
        }
        if !r.unanswered.is_empty() {
            writeln!(
                out,
                "\n{}: {}",
                self.s("score.unanswered"),
                r.unanswered.len()
            )?;
        }
        if !r.orphan_answers.is_empty() {
            writeln!(out, "\n{}:", self.s("score.orphans"))?;
            for line in orphan_answer_lines(self.b, self.a, r, self.lang) {
                writeln!(out, "  {line}")?;
            }
        }
        Ok(())
    }

    fn consult(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "\n{}", self.s("score.consult"))?;
        match &self.r.consult {
            Some(c) => {
                if let Some(adv) = self.b.advice(&c.advice) {
                    writeln!(out, "  {}", adv.problem.get(self.lang))?;
                }
            }
            None => writeln!(out, "  {}", self.s("score.consult_none"))?,
        }
        Ok(())
    }

    fn contacts(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let contacts = self.r.contacts();
        if contacts.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{}", self.s("score.contacts"))?;
        for id in contacts {
            let Some(c) = self.b.contact(&id) else {
                continue;
            };
            let mut line = format!("  {}", c.name.get(self.lang));
            for part in [c.phone.as_deref(), c.email.as_deref(), c.url.as_deref()]
                .into_iter()
                .flatten()
            {
                line.push_str("  ");
                line.push_str(part);
            }
            if let Some(h) = &c.hours {
                let hours = self.s("score.hours");
                line.push_str(&format!("  ({hours}: {})", h.get(self.lang)));
            }
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}
/// The `score --json` document (field names documented in `docs/cli.md`, stable).
pub(super) fn score_json(b: &Bundle, a: &Assessment, r: &ScoreReport, lang: Lang) -> Value {
    let s = |k: &str| b.s(k, lang).to_string();
    let question_text = |id: &str| b.question(id).map(|(_, q)| q.text.get(lang).to_string());
    let contact_json = |id: &str| {
        b.contact(id).map(|c| {
            json!({
                "id": c.id,
                "name": c.name.get(lang),
                "phone": c.phone,
                "extension": c.extension,
                "hours": c.hours.as_ref().map(|h| h.get(lang)),
                "email": c.email,
                "url": c.url,
            })
        })
    };
    let mut doc = json!({
        "format": "mamori-score/2",
        "lang": lang.code(),
        "questionnaire": { "id": a.questionnaire.id, "version": a.questionnaire.version },
        "company": a.company.name,
        "date": a.date.to_string(),
        "overall": {
            "score": r.overall,
            "band": r.band().map(|x| x.code()),
            "band_label": Words::new(b, lang).band(r.band()),
        },
        "bands": { "good_from": GOOD_FROM, "needs_improvement_from": IMPROVE_FROM },
        "checklists": r.checklists.iter().map(|cs| json!({
            "id": cs.id,
            "kind": cs.kind.code(),
            "title": b.checklist(&cs.id).map(|c| c.title.get(lang)),
            "status": cs.status.code(),
            "answered": cs.answered,
            "applicable": cs.applicable,
            "score": cs.score,
            "band": cs.band().map(|x| x.code()),
        })).collect::<Vec<_>>(),
        "objectives": r.objectives.iter().map(|o| json!({
            "id": o.key.code(), "label": s(&o.key.string_key()), "score": o.score, "answered": o.answered,
        })).collect::<Vec<_>>(),
        "legal": r.legal.iter().map(|o| json!({
            "id": o.key.code(), "label": s(&o.key.string_key()), "score": o.score, "answered": o.answered,
        })).collect::<Vec<_>>(),
        "findings": r.findings.iter().map(|f| json!({
            "question_id": f.question_id,
            "checklist_id": f.checklist_id,
            "question": question_text(&f.question_id),
            "answer": f.answer.code(),
            "severity": f.severity.code(),
            "critical": f.critical,
            "advice": f.advice,
            "contacts": f.contacts,
            "note": a.answers.get(&f.question_id).map(|e| e.note.clone()).unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "to_confirm": r.to_confirm.iter().map(|id| json!({ "question_id": id, "question": question_text(id) })).collect::<Vec<_>>(),
        "review_later": r.review_later.iter().map(|id| json!({ "question_id": id, "question": question_text(id) })).collect::<Vec<_>>(),
        "unanswered": r.unanswered,
        "orphan_answers": r.orphan_answers,
        "consult": {
            "recommended": r.consult.is_some(),
            "weak_items": r.consult.as_ref().map(|c| c.weak_items.clone()).unwrap_or_default(),
            "advice": r.consult.as_ref().map(|c| c.advice.clone()),
        },
        "contacts": r.contacts().iter().filter_map(|id| contact_json(id)).collect::<Vec<_>>(),
    });
    doc["ledger_findings"] = ledger_json(b, a, r, lang);
    add_plan_json(&mut doc, b, a, r, lang);
    doc
}

/// The ledger's findings for `score --json`: entry index, warning code, severity, text.
fn ledger_json(b: &Bundle, a: &Assessment, r: &ScoreReport, lang: Lang) -> Value {
    let words = Words::new(b, lang);
    r.ledger
        .iter()
        .map(|f| {
            json!({
                "entry": f.entry,
                "warning": f.warning.code(),
                "severity": f.severity.code(),
                "advice": LEDGER_ADVICE,
                "text": words.ledger_finding(&a.ledger, f),
            })
        })
        .collect::<Vec<_>>()
        .into()
}

/// Adds `verdict`, `actions` and `top3` (mamori-score/2) to the `score --json` document.
fn add_plan_json(doc: &mut Value, b: &Bundle, a: &Assessment, r: &ScoreReport, lang: Lang) {
    let verdict = Verdict::of(r);
    let plan = ActionPlan::of(b, a, r);
    doc["verdict"] = json!({
        "level": verdict.level.map(|x| x.code()),
        "label": verdict.word(b, lang),
        "score_band": verdict.score_band.map(|x| x.code()),
        "capped": verdict.is_capped(),
        "explanation": verdict.explanation(b, lang, r.overall),
        "reasons": verdict.reasons.iter().map(|x| json!({
            "checklist_id": x.checklist_id,
            "band": x.band.map(|band| band.code()),
            "critical": x.critical,
            "text": Verdict::reason_line(b, lang, x),
        })).collect::<Vec<_>>(),
        "ledger_no_nda": verdict.ledger_no_nda,
        "reason_lines": verdict.reason_lines(b, lang),
    });
    doc["actions"] = plan
        .actions
        .iter()
        .map(|action| {
            json!({
                "advice_id": action.advice_id,
                "title": action.title.get(lang),
                "severity": action.severity.code(),
                "points": action.points,
                "steps": action.steps.iter().map(|st| json!({
                    "question_id": st.question_id,
                    "ledger_entry": st.ledger.map(|f| f.entry),
                    "ledger_warning": st.ledger.map(|f| f.warning.code()),
                    "answer": st.answer.code(),
                    "severity": st.severity.code(),
                    "kind": st.kind.code(),
                    "text": st.text.get(lang),
                })).collect::<Vec<_>>(),
            })
        })
        .collect::<Vec<_>>()
        .into();
    doc["top3"] = json!((0..plan.top3().len()).collect::<Vec<_>>());
}
