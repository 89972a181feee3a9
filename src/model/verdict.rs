//! The verdict: the overall result in words, which never hides a critical gap.
//!
//! The weighted score averages every answer, so one missing NDA clause (case 02) or one
//! exclusive licence without a minimum guarantee (case 04) barely moves it. The verdict is
//! the score's band, except that it is never "good" (良好) while
//! - any finding is of high severity (a critical question answered no or don't know), or
//! - any applicable checklist is "action needed" (要対策), or
//! - the disclosure ledger records a disclosure without an NDA (a high ledger finding: case
//!   02's failure itself);
//!
//! then it is at best "needs improvement" (要改善), and its reasons name each checklist with
//! the critical gaps in it, e.g. 「取引先との秘密保持契約(NDA): 要対策・重大な弱点2件」.
//! METI's 営業秘密管理チェックシート treats its essential items as required, and CISA's CSET
//! ranks questions so that a critical gap is never averaged away; this follows both.

use super::schema::{Bundle, ChecklistKind};
use super::scoring::{Band, ScoreReport, Severity};
use super::text::Lang;

/// The overall result in words, with the reasons that decided it.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// The verdict; `None` while nothing scorable is answered.
    pub level: Option<Band>,
    /// The band of the weighted score alone (shown beside the score).
    pub score_band: Option<Band>,
    /// The checklists with critical gaps or "action needed", worst first.
    pub reasons: Vec<Reason>,
    /// Disclosures in the ledger given without an NDA (entry indices, in entry order).
    pub ledger_no_nda: Vec<usize>,
}

/// One checklist that keeps the verdict from being better.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// The checklist.
    pub checklist_id: String,
    /// The checklist's band (`ActionNeeded` makes it a reason on its own).
    pub band: Option<Band>,
    /// Its high-severity findings (question ids), in finding order.
    pub critical: Vec<String>,
}

impl Verdict {
    /// The verdict of a scored assessment.
    pub fn of(r: &ScoreReport) -> Verdict {
        let mut reasons: Vec<(usize, Reason)> = Vec::new();
        for (order, cs) in r.checklists.iter().enumerate() {
            if cs.kind == ChecklistKind::Screening {
                continue;
            }
            let critical: Vec<String> = r
                .findings
                .iter()
                .filter(|f| f.checklist_id == cs.id && f.severity == Severity::High)
                .map(|f| f.question_id.clone())
                .collect();
            let band = cs.band();
            if !critical.is_empty() || band == Some(Band::ActionNeeded) {
                let id = cs.id.clone();
                let reason = Reason {
                    checklist_id: id,
                    band,
                    critical,
                };
                reasons.push((order, reason));
            }
        }
        reasons.sort_by_key(|(order, x)| {
            let action_needed = x.band == Some(Band::ActionNeeded);
            (std::cmp::Reverse(x.critical.len()), !action_needed, *order)
        });
        let mut ledger_no_nda: Vec<usize> = r
            .ledger
            .iter()
            .filter(|f| f.severity == Severity::High)
            .map(|f| f.entry)
            .collect();
        ledger_no_nda.sort_unstable();
        ledger_no_nda.dedup();
        let score_band = r.overall.map(Band::of);
        let level = match score_band {
            Some(Band::Good) if !reasons.is_empty() || !ledger_no_nda.is_empty() => {
                Some(Band::NeedsImprovement)
            }
            other => other,
        };
        Verdict {
            level,
            score_band,
            reasons: reasons.into_iter().map(|(_, x)| x).collect(),
            ledger_no_nda,
        }
    }

    /// Whether the critical gaps made the verdict worse than the score's band.
    pub fn is_capped(&self) -> bool {
        self.level != self.score_band
    }

    /// Every high-severity finding named by the reasons (question ids).
    pub fn critical(&self) -> impl Iterator<Item = &String> {
        self.reasons.iter().flat_map(|x| x.critical.iter())
    }

    /// The verdict with its heading, as the app and the report show it: 「判定:要対策」,
    /// "Verdict: Action needed".
    pub fn labelled(&self, b: &Bundle, lang: Lang) -> String {
        let colon = match lang {
            Lang::Ja => ":",
            Lang::En => ": ",
        };
        format!(
            "{}{colon}{}",
            b.s("verdict.heading", lang),
            self.word(b, lang)
        )
    }

    /// The verdict in one word (良好 / 要改善 / 要対策 / 未回答).
    pub fn word<'a>(&self, b: &'a Bundle, lang: Lang) -> &'a str {
        match self.level {
            Some(band) => b.s(band_key(band), lang),
            None => b.s("band.none", lang),
        }
    }

    /// One sentence saying why the verdict is what it is (empty while nothing is scored).
    pub fn explanation(&self, b: &Bundle, lang: Lang, overall: Option<f64>) -> String {
        let score = overall.map(|s| format!("{s:.0}")).unwrap_or_default();
        let no_reason = self.reasons.is_empty() && self.ledger_no_nda.is_empty();
        let key = match (self.level, self.is_capped(), no_reason) {
            (None, _, _) => return String::new(),
            (Some(_), true, _) => "verdict.capped",
            (Some(Band::Good), false, _) => "verdict.good",
            (Some(_), false, true) => "verdict.score_only",
            (Some(_), false, false) => "verdict.gaps",
        };
        b.s(key, lang).replace("{score}", &score)
    }

    /// A reason in words, e.g. 「取引先との秘密保持契約(NDA): 要対策・重大な弱点2件」.
    pub fn reason_line(b: &Bundle, lang: Lang, x: &Reason) -> String {
        let title = b
            .checklist(&x.checklist_id)
            .map(|c| c.title.get(lang))
            .unwrap_or(x.checklist_id.as_str());
        let band = x.band.filter(|band| *band == Band::ActionNeeded);
        let key = match (band, x.critical.is_empty()) {
            (Some(_), false) => "verdict.reason.both",
            (Some(_), true) => "verdict.reason.band",
            (None, _) => "verdict.reason.critical",
        };
        b.s(key, lang)
            .replace("{checklist}", title)
            .replace("{band}", b.s(band_key(Band::ActionNeeded), lang))
            .replace("{n}", &x.critical.len().to_string())
    }

    /// Every reason in words, worst first; the ledger's disclosures without an NDA last
    /// (「開示記録: NDAなしの開示1件(事例02)」).
    pub fn reason_lines(&self, b: &Bundle, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = self
            .reasons
            .iter()
            .map(|x| Verdict::reason_line(b, lang, x))
            .collect();
        if !self.ledger_no_nda.is_empty() {
            let n = self.ledger_no_nda.len().to_string();
            out.push(b.s("verdict.reason.ledger", lang).replace("{n}", &n));
        }
        out
    }
}

fn band_key(band: Band) -> &'static str {
    match band {
        Band::Good => "band.good",
        Band::NeedsImprovement => "band.needs_improvement",
        Band::ActionNeeded => "band.action_needed",
    }
}
