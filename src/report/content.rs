//! The report's content: the order of its sections, laid out with
//! [`super::layout::Layout`] from the score report and the questionnaire's texts. The
//! sections are drawn by [`super::cover`] (the first page), [`super::charts`],
//! [`super::findings`] and [`super::reference`] (cases, desks, sources, private notes).

use crate::model::assessment::Assessment;
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

    cover::cover(&mut l, &w, a, &report, options);
    cover::summary(&mut l, &w, &report);
    charts::charts(&mut l, &w, &report);
    findings::findings(&mut l, &w, a, &report);
    findings::to_confirm(&mut l, &w, &report);
    findings::action_plan(&mut l, &w, &report);
    reference::cases(&mut l, &w, &report);
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
