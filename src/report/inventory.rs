//! The information inventory as an appendix of the normal report.

use crate::model::assessment::Assessment;
use crate::model::schema::Bundle;
use crate::model::text::Lang;

use super::layout::{Layout, Table, TextStyle};
use super::parts::columns;

/// The information inventory as an appendix of the normal report (only when it has rows).
pub fn inventory_appendix(l: &mut Layout, b: &Bundle, lang: Lang, a: &Assessment) {
    if a.inventory.is_empty() {
        return;
    }
    l.heading(b.s("report.inv_heading", lang), 1);
    l.paragraph(b.s("report.inv_intro", lang), TextStyle::BODY);
    let rows = a
        .inventory
        .iter()
        .map(|item| {
            let locations: Vec<String> = item
                .locations
                .iter()
                .map(|x| b.s(&x.string_key(), lang).to_string())
                .collect();
            vec![
                item.name.clone(),
                item.category
                    .map(|c| b.s(&c.string_key(), lang).to_string())
                    .unwrap_or_default(),
                item.rank
                    .map(|r| b.s(&r.string_key(), lang).to_string())
                    .unwrap_or_default(),
                locations.join(" / "),
                item.access.clone(),
            ]
        })
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
}
