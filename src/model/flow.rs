//! The order in which a check walks the questions: the quick check, the screening questions,
//! then the detailed checklists, those whose quick-check item is weak first. Only applicable
//! questions are walked. The app follows it; it holds no GUI code, so it is tested here.

use super::assessment::Assessment;
use super::schema::{Answer, Bundle, ChecklistKind};
use super::scoring::{checklist_applies, question_applies};

/// Where to go after answering a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// The next question of the flow.
    Question(String),
    /// The quick check is done: the overview, with its suggestion.
    Overview,
    /// Every question is done: the results.
    Results,
}

/// Whether a detailed checklist is suggested first: its quick-check item
/// (`quick.<checklist id>`) is answered weakly.
pub fn is_suggested(a: &Assessment, checklist_id: &str) -> bool {
    a.answer(&format!("quick.{checklist_id}"))
        .is_some_and(Answer::is_weak)
}

/// Checklist ids in walking order: quick, screening, suggested detailed, other detailed; by
/// `order` within each group. Without an assessment nothing is suggested.
pub fn checklist_order(bundle: &Bundle, a: Option<&Assessment>) -> Vec<String> {
    let weak = |id: &str| a.is_some_and(|a| is_suggested(a, id));
    let mut lists: Vec<(u8, u32, String)> = bundle
        .checklists
        .iter()
        .map(|c| {
            let rank = match c.kind {
                ChecklistKind::Quick => 0,
                ChecklistKind::Screening => 1,
                ChecklistKind::Detailed if weak(&c.id) => 2,
                ChecklistKind::Detailed => 3,
            };
            (rank, c.order, c.id.clone())
        })
        .collect();
    lists.sort();
    lists.into_iter().map(|l| l.2).collect()
}

/// The applicable question ids in walking order.
pub fn flow(bundle: &Bundle, a: &Assessment) -> Vec<String> {
    checklist_order(bundle, Some(a))
        .into_iter()
        .filter_map(|id| bundle.checklist(&id))
        .filter(|c| checklist_applies(c, a))
        .flat_map(|c| {
            c.questions
                .iter()
                .filter(move |q| question_applies(c, q, a))
                .map(|q| q.id.clone())
        })
        .collect()
}

/// Where to go after answering `id`; `None` when `id` is not in the flow.
pub fn next_after(bundle: &Bundle, a: &Assessment, id: &str) -> Option<Next> {
    let flow = flow(bundle, a);
    let i = flow.iter().position(|q| q == id)?;
    let kind = |q: &str| bundle.question(q).map(|(c, _)| c.kind);
    Some(match flow.get(i + 1) {
        Some(next) => {
            let quick_done =
                kind(id) == Some(ChecklistKind::Quick) && kind(next) != Some(ChecklistKind::Quick);
            if quick_done {
                Next::Overview
            } else {
                Next::Question(next.clone())
            }
        }
        None => Next::Results,
    })
}

/// The first unanswered question of the flow, if any.
pub fn next_unanswered(bundle: &Bundle, a: &Assessment) -> Option<String> {
    flow(bundle, a).into_iter().find(|q| a.answer(q).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;
    use crate::model::load::load_embedded;

    fn fresh() -> (Bundle, Assessment) {
        let b = load_embedded().bundle;
        let date = Date::parse("2026-12-01").expect("a valid date");
        let a = Assessment::new(&b, date);
        (b, a)
    }

    fn kind_of(b: &Bundle, id: &str) -> ChecklistKind {
        b.question(id)
            .map(|(c, _)| c.kind)
            .expect("a known question")
    }

    #[test]
    fn the_quick_check_comes_first_then_screening_then_detailed() {
        let (b, a) = fresh();
        let kinds: Vec<ChecklistKind> = flow(&b, &a).iter().map(|q| kind_of(&b, q)).collect();
        let first_screening = kinds.iter().position(|k| *k == ChecklistKind::Screening);
        let first_detailed = kinds.iter().position(|k| *k == ChecklistKind::Detailed);
        assert_eq!(kinds[0], ChecklistKind::Quick);
        assert!(first_screening < first_detailed, "{kinds:?}");
        let last_quick = kinds.iter().rposition(|k| *k == ChecklistKind::Quick);
        assert!(last_quick < first_screening, "{kinds:?}");
    }

    #[test]
    fn a_weak_quick_item_puts_its_checklist_first_among_the_detailed() {
        let (b, mut a) = fresh();
        let detailed: Vec<String> = checklist_order(&b, Some(&a))
            .into_iter()
            .filter(|id| {
                b.checklist(id)
                    .is_some_and(|c| c.kind == ChecklistKind::Detailed)
            })
            .collect();
        // A later detailed checklist that has a quick-check item.
        let later = detailed
            .iter()
            .skip(1)
            .find(|id| b.question(&format!("quick.{id}")).is_some())
            .expect("a detailed checklist with a quick-check item")
            .clone();
        assert!(!is_suggested(&a, &later));
        a.set_answer(&format!("quick.{later}"), Some(Answer::Unknown));
        assert!(is_suggested(&a, &later));
        let order = checklist_order(&b, Some(&a));
        let first_detailed = order.iter().find(|id| {
            b.checklist(id)
                .is_some_and(|c| c.kind == ChecklistKind::Detailed)
        });
        assert_eq!(first_detailed, Some(&later));
        a.set_answer(&format!("quick.{later}"), Some(Answer::Yes));
        assert!(!is_suggested(&a, &later));
    }

    #[test]
    fn answering_moves_on_to_the_overview_after_the_quick_check_and_to_the_results_at_the_end() {
        let (b, mut a) = fresh();
        let f = flow(&b, &a);
        let last_quick = f
            .iter()
            .rposition(|q| kind_of(&b, q) == ChecklistKind::Quick)
            .expect("a quick check");
        assert_eq!(
            next_after(&b, &a, &f[0]),
            Some(Next::Question(f[1].clone()))
        );
        assert_eq!(next_after(&b, &a, &f[last_quick]), Some(Next::Overview));
        assert_eq!(next_after(&b, &a, "no.such.question"), None);
        while let Some(q) = next_unanswered(&b, &a) {
            a.set_answer(&q, Some(Answer::Yes));
        }
        let f = flow(&b, &a);
        let last = f.last().expect("questions");
        assert_eq!(next_after(&b, &a, last), Some(Next::Results));
        assert_eq!(next_unanswered(&b, &a), None);
    }

    #[test]
    fn the_first_unanswered_question_skips_answered_ones() {
        let (b, mut a) = fresh();
        let f = flow(&b, &a);
        assert_eq!(next_unanswered(&b, &a).as_ref(), f.first());
        a.set_answer(&f[0], Some(Answer::No));
        assert_eq!(next_unanswered(&b, &a).as_ref(), f.get(1));
    }
}
