//! What every page and dialog reads: the questionnaire, the language and how the window
//! looks, with the one helper that gives a UI string in the display language.

use std::cell::RefCell;

use super::Prefs;
use crate::model::assessment::Assessment;
use crate::model::assessment::Mode;
use crate::model::date::Date;
use crate::model::schema::Bundle;
use crate::model::scoring::{score_on, ScoreReport};
use crate::model::text::Lang;
use crate::model::words::Words;

/// What every page reads: the questionnaire, the language and how the window looks.
#[derive(Clone, Copy)]
pub struct View<'a> {
    /// The questionnaires (content and UI strings).
    pub bundle: &'a Bundle,
    /// The display language.
    pub lang: Lang,
    /// Dark mode.
    pub dark: bool,
    /// The projector view (large text, nothing private, no editing).
    pub presentation: bool,
    /// Who uses the app (the settings' mode): which tools the pages offer.
    pub mode: Mode,
    /// Today in the local time zone (the ledger's warnings depend on it).
    pub today: Date,
    /// The app's last score, reused while the check and the day are unchanged.
    scores: &'a ScoreCache,
}

/// The last score worked out and what it was worked out from: a page is drawn on every
/// input event, but the check changes far less often, so [`View::score`] scores it once
/// per change instead of once per frame.
#[derive(Debug, Default)]
pub struct ScoreCache(RefCell<Option<(Assessment, Date, ScoreReport)>>);

impl<'a> View<'a> {
    /// The view of `bundle` with the language and theme of `prefs`, scoring through `scores`.
    pub fn new(
        bundle: &'a Bundle,
        prefs: &Prefs,
        scores: &'a ScoreCache,
        presentation: bool,
    ) -> View<'a> {
        View {
            bundle,
            lang: prefs.lang,
            dark: prefs.dark,
            presentation,
            mode: prefs.nav_mode,
            today: Date::today(),
            scores,
        }
    }

    /// The UI string `key` in the display language.
    pub fn t<'k>(&self, key: &'k str) -> &'k str
    where
        'a: 'k,
    {
        self.bundle.s(key, self.lang)
    }

    /// The score of `a` today, the disclosure ledger's warnings included: the one way every
    /// page scores, so a disclosure without an NDA weighs the same on each.
    pub fn score(&self, a: &Assessment) -> ScoreReport {
        let cache = self.scores;
        if let Some((last, day, r)) = &*cache.0.borrow() {
            if *day == self.today && last == a {
                return r.clone();
            }
        }
        let r = score_on(self.bundle, a, self.today);
        *cache.0.borrow_mut() = Some((a.clone(), self.today, r.clone()));
        r
    }

    /// The shared words for scores and bands ([`Words`]).
    pub fn words(&self) -> Words<'a> {
        Words::new(self.bundle, self.lang)
    }
}
