//! The report's verdict block: the verdict in words (never 良好 while a critical gap remains,
//! see [`crate::model::verdict`]), why, and the three actions to take first with their first
//! steps ([`crate::model::plan`]). The same words as the app and `mamori score`.

use crate::model::plan::ActionPlan;
use crate::model::schema::Bundle;
use crate::model::scoring::ScoreReport;
use crate::model::text::Lang;
use crate::model::verdict::Verdict;

use super::layout::{Layout, TextStyle};

/// The verdict line, e.g. 「判定:要改善(総合点 88 / 100)」.
pub fn verdict_line(b: &Bundle, lang: Lang, r: &ScoreReport) -> String {
    let verdict = Verdict::of(r).labelled(b, lang);
    match r.overall {
        Some(s) => format!("{verdict} ({} {s:.0} / 100)", b.s("score.overall", lang)),
        None => verdict,
    }
}

/// Why the verdict is what it is, then the top three actions of `plan`, each with its first
/// step and the number of weak points it closes.
pub fn verdict_section(l: &mut Layout, b: &Bundle, lang: Lang, r: &ScoreReport, plan: &ActionPlan) {
    let v = Verdict::of(r);
    let why = v.explanation(b, lang, r.overall);
    if !why.is_empty() {
        l.paragraph(&why, TextStyle::BODY);
    }
    let reasons = v.reason_lines(b, lang);
    if !reasons.is_empty() {
        // One paragraph, not a list: the first page holds the verdict, the top three and
        // the desk however many checklists are weak.
        let sep = if lang == Lang::Ja { "/" } else { "; " };
        l.paragraph(&reasons.join(sep), TextStyle::SMALL);
    }
    if plan.actions.is_empty() {
        return;
    }
    l.heading(b.s("plan.heading", lang), 2);
    for (i, action) in plan.top3().iter().enumerate() {
        let step = action.first_step();
        let title = format!("{}. {}", i + 1, action.title.get(lang));
        let step_line = format!(
            "{}: {}",
            b.s(step.kind.string_key(), lang),
            step.text.get(lang)
        );
        let closes = b
            .s("plan.closes", lang)
            .replace("{n}", &action.steps.len().to_string());
        l.keep_together(|l| {
            l.paragraph(&title, TextStyle::STRONG);
            l.paragraph(&format!("{step_line} ({closes})"), TextStyle::SMALL);
        });
    }
}
