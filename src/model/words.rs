//! The words every surface shows for scores: the band words, a score as a number or a dash,
//! the band rule with its limits, answers, severities and changes between visits. The app,
//! the command line and the PDF all take them from here, so they always agree; the limits
//! come only from [`GOOD_FROM`] and [`IMPROVE_FROM`].

use super::ledger::LedgerEntry;
use super::schema::{Answer, Bundle, ChecklistKind};
use super::scoring::{Band, LedgerFinding, ScoreReport, Severity, Status, GOOD_FROM, IMPROVE_FROM};
use super::text::Lang;

/// The questionnaire's strings in one language.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    /// The questionnaire whose strings are used.
    pub bundle: &'a Bundle,
    /// The language.
    pub lang: Lang,
}

impl<'a> Words<'a> {
    /// The words of `bundle` in `lang`.
    pub fn new(bundle: &'a Bundle, lang: Lang) -> Self {
        Words { bundle, lang }
    }

    /// The string `key` (the key itself when the questionnaire lacks it).
    pub fn s(&self, key: &'a str) -> &'a str {
        self.bundle.s(key, self.lang)
    }

    /// The string `key`, owned (for keys built at run time).
    pub fn owned(&self, key: &str) -> String {
        self.bundle.s(key, self.lang).to_string()
    }

    /// A band's word, or the word for "no score yet".
    pub fn band(&self, band: Option<Band>) -> String {
        match band {
            Some(b) => self.owned(&b.string_key()),
            None => self.owned("band.none"),
        }
    }

    /// The band word of a score.
    pub fn band_of(&self, score: Option<f64>) -> String {
        self.band(score.map(Band::of))
    }

    /// A score as a whole number, or a dash when there is none.
    pub fn score(score: Option<f64>) -> String {
        score
            .map(|v| format!("{v:.0}"))
            .unwrap_or_else(|| "—".into())
    }

    /// 「回答済み N / M」: how far the check is ([`ScoreReport::progress`]).
    pub fn progress(&self, r: &ScoreReport) -> String {
        let (n, m) = r.progress();
        format!("{} {n} / {m}", self.s("score.answered"))
    }

    /// The quick check's result and the leaflet's rule, in one sentence: how many of its
    /// items are weak (consult a desk), all good, or not finished yet.
    pub fn quick_check(&self, r: &ScoreReport) -> String {
        match &r.consult {
            Some(c) => self
                .owned("report.quick.weak")
                .replace("{n}", &c.weak_items.len().to_string()),
            None => {
                let quick = r.checklists.iter().find(|c| c.kind == ChecklistKind::Quick);
                if quick.is_some_and(|q| q.status == Status::Done) {
                    self.owned("report.quick.ok")
                } else {
                    self.owned("report.quick.open")
                }
            }
        }
    }

    /// The rule of the bands in words, with the limits filled in.
    pub fn band_rule(&self) -> String {
        self.owned("score.band_rule")
            .replace("{good}", &format!("{GOOD_FROM:.0}"))
            .replace("{improve}", &format!("{IMPROVE_FROM:.0}"))
    }

    /// An answer's word.
    pub fn answer(&self, a: Answer) -> &'a str {
        self.bundle.s(a.string_key(), self.lang)
    }

    /// A severity's word.
    pub fn severity(&self, s: Severity) -> String {
        self.owned(&s.string_key())
    }

    /// A ledger finding in words: 「開示記録: D社「試験データ」(2026年11月2日) — 警告」.
    pub fn ledger_finding(&self, ledger: &[LedgerEntry], f: &LedgerFinding) -> String {
        let Some(e) = ledger.get(f.entry) else {
            return self.owned(&f.warning.string_key());
        };
        self.owned("ledger.finding")
            .replace("{partner}", &e.partner)
            .replace("{what}", &e.what)
            .replace("{date}", &e.date.display(self.lang))
            .replace("{warning}", &self.owned(&f.warning.string_key()))
    }

    /// The word for a change between visits ("up", "down", "same"), never a sign alone;
    /// empty when there is nothing to compare.
    pub fn change(&self, delta: Option<f64>) -> String {
        match delta {
            Some(d) if d.round() > 0.0 => self.owned("score.cmp_up"),
            Some(d) if d.round() < 0.0 => self.owned("score.cmp_down"),
            Some(_) => self.owned("score.cmp_same"),
            None => String::new(),
        }
    }

    /// A change with its sign and word: `+12 上がった`, `±0 変わらず`, or a dash.
    pub fn signed_change(&self, delta: Option<f64>) -> String {
        match delta {
            Some(d) if d.round() == 0.0 => format!("±0 {}", self.change(delta)),
            Some(d) => format!("{d:+.0} {}", self.change(delta)),
            None => "—".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::load_embedded;

    #[test]
    fn band_words_follow_the_limits() {
        let b = load_embedded().bundle;
        let w = Words::new(&b, Lang::Ja);
        assert_eq!(w.band_of(Some(GOOD_FROM)), w.band(Some(Band::Good)));
        assert_eq!(
            w.band_of(Some(GOOD_FROM - 0.5)),
            w.band(Some(Band::NeedsImprovement))
        );
        assert_eq!(
            w.band_of(Some(IMPROVE_FROM - 0.5)),
            w.band(Some(Band::ActionNeeded))
        );
        assert_eq!(w.band_of(None), b.s("band.none", Lang::Ja));
        assert_eq!(Words::score(Some(79.6)), "80");
        assert_eq!(Words::score(None), "—");
        let rule = w.band_rule();
        assert!(
            rule.contains("80") && rule.contains("50") && !rule.contains('{'),
            "{rule}"
        );
    }

    #[test]
    fn a_change_is_told_in_words_with_its_sign() {
        let b = load_embedded().bundle;
        let w = Words::new(&b, Lang::En);
        assert_eq!(
            w.signed_change(Some(12.4)),
            format!("+12 {}", b.s("score.cmp_up", Lang::En))
        );
        assert_eq!(
            w.signed_change(Some(-3.0)),
            format!("-3 {}", b.s("score.cmp_down", Lang::En))
        );
        assert_eq!(
            w.signed_change(Some(0.2)),
            format!("±0 {}", b.s("score.cmp_same", Lang::En))
        );
        assert_eq!(w.signed_change(None), "—");
        assert_eq!(w.change(None), "");
    }
}
