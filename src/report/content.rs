//! The report's content: the order of its sections, laid out with
//! [`super::layout::Layout`] from the score report and the questionnaire's texts. The
//! sections: the first page ([`super::cover`]: verdict, top three actions, the desk to call),
//! the charts on page 2 ([`super::charts`]), the action plan grouped by action
//! ([`super::findings`]), the linked cases, the to-confirm list, the desks, the sources by
//! title and, in the adviser's copy only, the private notes ([`super::reference`]).

use crate::model::assessment::Assessment;
use crate::model::plan::ActionPlan;
use crate::model::schema::Bundle;
use crate::model::scoring::score_on;
use crate::model::words::Words;

use super::layout::{Layout, PageSetup};
use super::parts::adviser_mark;
use super::{charts, cover, findings, reference};
use super::{ReportError, ReportOptions};

/// Renders the whole report.
pub fn render(
    bundle: &Bundle,
    a: &Assessment,
    options: &ReportOptions,
) -> Result<super::Rendered, ReportError> {
    let w = Words {
        bundle,
        lang: options.lang,
    };
    let l = lay_out(bundle, a, options)?;
    let mut footer = format!(
        "{}  {}",
        w.s("report.title"),
        options.today.display(options.lang)
    );
    if options.adviser_copy {
        footer = format!("{}  ({})", footer, adviser_mark(&w));
    }
    Ok(l.finish(&footer))
}

/// Lays the report out (without the footers), for [`render`] and for checks of where each
/// block went ([`Layout::placements`]).
pub fn lay_out(
    bundle: &Bundle,
    a: &Assessment,
    options: &ReportOptions,
) -> Result<Layout, ReportError> {
    let w = Words {
        bundle,
        lang: options.lang,
    };
    let report = score_on(bundle, a, options.today);
    let title = w.s("report.title");
    let mut l = Layout::new(title, PageSetup::A4)?;
    l.set_metadata(|m| {
        m.subject = a.company.name.trim().to_string();
        m.author = a.assessor.trim().to_string();
    });

    let plan = ActionPlan::of(bundle, a, &report);
    cover::first_page(&mut l, &w, a, &report, &plan, options);
    charts::charts(&mut l, &w, &report);
    findings::action_plan(&mut l, &w, a, &report, &plan);
    reference::cases(&mut l, &w, &report);
    findings::to_confirm(&mut l, &w, &report, &plan);
    reference::desks(&mut l, &w, &report, options.adviser_copy);
    reference::sources(&mut l, &w, &report);
    super::inventory::inventory_appendix(&mut l, bundle, options.lang, a)?;
    let (lang, ledger) = (options.lang, &a.ledger);
    super::guide::ledger_appendix(&mut l, bundle, lang, ledger, options.today);
    if options.adviser_copy {
        reference::private_notes(&mut l, &w, a);
    }
    Ok(l)
}
