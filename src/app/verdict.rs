//! The verdict on the results page: the verdict word (never 良好 while a critical gap remains,
//! see [`crate::model::verdict`]), why, and the three actions to take first with their first
//! steps ([`crate::model::plan`]) — the same words as the PDF and `mamori score`.

use egui::{Label, RichText, Ui};

use super::theme;
use crate::model::plan::ActionPlan;
use crate::model::schema::Bundle;
use crate::model::scoring::ScoreReport;
use crate::model::text::Lang;
use crate::model::verdict::Verdict;

/// The verdict in large type next to the score.
pub fn verdict_word_ui(ui: &mut Ui, b: &Bundle, lang: Lang, r: &ScoreReport) {
    let v = Verdict::of(r);
    let text = RichText::new(v.labelled(b, lang))
        .size(theme::SCORE_SIZE)
        .strong()
        .color(theme::band_text(v.level, ui.visuals().dark_mode));
    // Never broken inside the word (「要対」 / 「策」): in a wrapping row it moves down whole.
    ui.add(Label::new(text).extend());
}

/// Why the verdict is what it is, then the top three actions with their first steps (the
/// disclosure ledger's action among them).
pub fn verdict_reasons_ui(ui: &mut Ui, b: &Bundle, lang: Lang, r: &ScoreReport, plan: &ActionPlan) {
    let v = Verdict::of(r);
    let why = v.explanation(b, lang, r.overall);
    if !why.is_empty() {
        ui.label(why);
    }
    for line in v.reason_lines(b, lang) {
        ui.label(format!("・{line}"));
    }
    if plan.actions.is_empty() {
        return;
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(theme::section(b.s("plan.heading", lang)));
    for (i, action) in plan.top3().iter().enumerate() {
        let step = action.first_step();
        ui.label(RichText::new(format!("{}. {}", i + 1, action.title.get(lang))).strong());
        ui.label(format!(
            "{}: {}",
            b.s(step.kind.string_key(), lang),
            step.text.get(lang)
        ));
    }
}
