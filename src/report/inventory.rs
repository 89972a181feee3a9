//! The information inventory as an appendix of the normal report, with the patent-or-secret
//! decision (オープン・クローズ) of each item that has one: the suggestion, its reasons in the
//! sources' terms, the next step and the desk that advises on it.

use crate::model::assessment::Assessment;
use crate::model::export::inventory_row;
use crate::model::inventory::InventoryItem;
use crate::model::open_close::{decide, guide, OpenCloseGuide};
use crate::model::region::Desks;
use crate::model::schema::Bundle;
use crate::model::text::Lang;

use super::layout::{Layout, Table, TextStyle};
use super::parts::columns;
use super::ReportError;

/// The information inventory as an appendix of the normal report (only when it has rows),
/// then the decisions made for its technical items.
pub fn inventory_appendix(
    l: &mut Layout,
    b: &Bundle,
    lang: Lang,
    a: &Assessment,
) -> Result<(), ReportError> {
    if a.inventory.is_empty() {
        return Ok(());
    }
    l.heading(b.s("report.inv_heading", lang), 1);
    l.paragraph(b.s("report.inv_intro", lang), TextStyle::BODY);
    let rows = a
        .inventory
        .iter()
        .map(|item| inventory_row(b, item, lang))
        .collect();
    l.table(
        &Table {
            columns: columns(
                b,
                lang,
                &[
                    ("score.csv_inv_name", 0.28),
                    ("score.csv_inv_category", 0.17),
                    ("score.csv_inv_rank", 0.13),
                    ("score.csv_inv_locations", 0.2),
                    ("score.csv_inv_access", 0.22),
                ],
            ),
            rows,
            min_row_height: 0.0,
            no_header: false,
        },
        TextStyle::SMALL,
    );
    let g = guide().map_err(|d| ReportError::OpenCloseTexts(d.to_string()))?;
    // Only the desks that serve the company's prefecture (a regional desk elsewhere is not).
    let desks = Desks::choose(b, &a.company.prefecture, g.contacts.iter());
    let desks = desks.fitting(b, &g.contacts);
    open_close_section(l, (b, lang), g, &desks, &a.inventory);
    Ok(())
}

/// Each item with a suggestion: 「品名: 特許で守る(オープン)」, the reasons, the next step
/// and the desks; nothing when no item has one.
fn open_close_section(
    l: &mut Layout,
    (b, lang): (&Bundle, Lang),
    g: &OpenCloseGuide,
    desks: &[String],
    items: &[InventoryItem],
) {
    let decided: Vec<_> = items
        .iter()
        .filter_map(|item| {
            let d = decide(&item.open_close);
            Some((item, d.suggestion?, d.reasons))
        })
        .collect();
    if decided.is_empty() {
        return;
    }
    l.heading(b.s("report.oc.heading", lang), 2);
    l.paragraph(b.s("report.oc.intro", lang), TextStyle::SMALL);
    let desks: Vec<String> = desks
        .iter()
        .filter_map(|id| b.contact(id))
        .map(|c| match c.phone_display(lang) {
            Some(p) => format!("{} {p}", c.name.get(lang)),
            None => c.name.get(lang).to_string(),
        })
        .collect();
    for (item, suggestion, reasons) in decided {
        let title = g
            .suggestion(suggestion)
            .map(|t| t.title.get(lang))
            .unwrap_or(suggestion.code());
        let reasons: Vec<String> = reasons
            .iter()
            .filter_map(|r| g.reason(*r))
            .map(|t| t.text.get(lang).to_string())
            .collect();
        l.keep_together(|l| {
            l.paragraph(&format!("{}: {title}", item.name), TextStyle::STRONG);
            l.bullets(&reasons, TextStyle::SMALL);
        });
        if let Some(t) = g.suggestion(suggestion) {
            let next = format!("{}: {}", b.s("report.oc.next", lang), t.next_step.get(lang));
            l.paragraph(&next, TextStyle::SMALL);
        }
    }
    let line = format!("{}: {}", b.s("report.oc.desks", lang), desks.join(" / "));
    l.paragraph(&line, TextStyle::SMALL);
}
