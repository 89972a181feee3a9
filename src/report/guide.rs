//! Guidance on paper: the one-page printable checklist of a situation (`mamori playbook pdf`,
//! 場面別チェック) with the desks to call, and the disclosure-ledger appendix of the report.

use crate::model::assessment::Assessment;
use crate::model::date::Date;
use crate::model::ledger::LedgerEntry;
use crate::model::schema::{Bundle, Contact};
use crate::model::scoring::LedgerFinding;
use crate::model::situation::{Situation, Step};
use crate::model::text::Lang;

use super::layout::{Column, Layout, PageSetup, Table, TextStyle};
use super::{Rendered, ReportError};

/// `label: value` with the colon of `lang`.
fn kv(b: &Bundle, lang: Lang, key: &str, value: &str) -> String {
    let colon = if lang == Lang::Ja { ":" } else { ": " };
    format!("{}{colon}{value}", b.s(key, lang))
}

/// The sizes a playbook is drawn with, largest first; the first that fits one page is used.
const PLAYBOOK_STYLES: [(TextStyle, TextStyle); 2] = [
    (TextStyle::BODY, TextStyle::SMALL),
    (
        TextStyle::SMALL,
        TextStyle {
            size: 7.5,
            leading: 1.3,
            grey: 0.0,
        },
    ),
];

/// Renders the one-page checklist of `s`: the steps with a box to tick (ticked ones with
/// their date, and the company's answer where `a` has one), why each matters, and the desks
/// to call with their phone numbers.
pub fn render_playbook(
    b: &Bundle,
    s: &Situation,
    a: Option<&Assessment>,
    lang: Lang,
    today: Date,
) -> Result<Rendered, ReportError> {
    let mut last = None;
    for (main, small) in PLAYBOOK_STYLES {
        let l = playbook_layout(b, s, a, lang, (main, small))?;
        if l.page_count() == 1 {
            return Ok(finish_playbook(l, b, lang, today));
        }
        last = Some(l);
    }
    // Longer than a page even in the small size: print it on as many pages as it needs.
    let l = match last {
        Some(l) => l,
        None => playbook_layout(b, s, a, lang, PLAYBOOK_STYLES[0])?,
    };
    Ok(finish_playbook(l, b, lang, today))
}

fn finish_playbook(l: Layout, b: &Bundle, lang: Lang, today: Date) -> Rendered {
    let footer = format!(
        "mamori — {}  {}",
        b.s("guide.playbook.kicker", lang),
        today.display(lang)
    );
    l.finish(&footer)
}

fn playbook_layout(
    b: &Bundle,
    s: &Situation,
    a: Option<&Assessment>,
    lang: Lang,
    (main, small): (TextStyle, TextStyle),
) -> Result<Layout, ReportError> {
    let mut l = Layout::new(s.title.get(lang), PageSetup::A4)?;
    l.paragraph(b.s("guide.playbook.kicker", lang), small);
    l.paragraph(s.title.get(lang), TextStyle::heading(1));
    if let Some(a) = a {
        let name = a.company.name.trim();
        let company = if name.is_empty() {
            b.s("report.company_none", lang)
        } else {
            name
        };
        l.paragraph(&kv(b, lang, "report.company", company), small);
    }
    l.paragraph(s.summary.get(lang), main);
    for (i, step) in s.steps.iter().enumerate() {
        playbook_step(&mut l, b, a, lang, (i, step), (main, small));
    }
    playbook_desks(&mut l, b, s, lang, small);
    let mut files: Vec<&str> = s.steps.iter().map(|st| st.source.file.as_str()).collect();
    files.push(&s.source.file);
    files.sort_unstable();
    files.dedup();
    let titles: Vec<String> = files.iter().map(|f| b.source_title(f, lang)).collect();
    l.paragraph(&kv(b, lang, "report.source", &titles.join(" / ")), small);
    Ok(l)
}

fn playbook_step(
    l: &mut Layout,
    b: &Bundle,
    a: Option<&Assessment>,
    lang: Lang,
    (i, step): (usize, &Step),
    (main, small): (TextStyle, TextStyle),
) {
    let indent = main.size * 2.2;
    let ticked = a.and_then(|a| a.ticked.get(&step.id));
    let mark = match ticked {
        Some(_) => "■",
        None => "□",
    };
    l.paragraph_indented(
        &format!("{mark} {}. {}", i + 1, step.text.get(lang)),
        main,
        0.0,
    );
    if let Some(d) = ticked {
        let done = kv(b, lang, "guide.done_on", &d.display(lang));
        l.paragraph_indented(&done, small, indent);
    }
    l.paragraph_indented(&kv(b, lang, "guide.why", step.why.get(lang)), small, indent);
    if let Some((link, ans)) = a.and_then(|a| a.step_answer(step)) {
        let line = format!("{}: {}", link.label.get(lang), b.s(ans.string_key(), lang));
        l.paragraph_indented(&kv(b, lang, "guide.your_answer", &line), small, indent);
    }
    l.space(main.size * 0.35);
}

fn playbook_desks(l: &mut Layout, b: &Bundle, s: &Situation, lang: Lang, small: TextStyle) {
    l.paragraph(b.s("guide.playbook.desks", lang), TextStyle::heading(3));
    let desks: Vec<&Contact> = s.contacts.iter().filter_map(|id| b.contact(id)).collect();
    for d in desks {
        let mut line = d.name.get(lang).to_string();
        if let Some(p) = d.phone_display(lang) {
            line.push_str(&format!("  TEL {p}"));
        }
        if let Some(h) = &d.hours {
            line.push_str(&format!("  {}", h.get(lang)));
        }
        if d.phone.is_none() {
            if let Some(u) = d.email.as_ref().or(d.url.as_ref()) {
                line.push_str(&format!("  {u}"));
            }
        }
        l.paragraph_indented(&line, small, 0.0);
    }
    l.space(small.size * 0.6);
}

/// The disclosure ledger as an appendix of the report (only when it has entries): one row per
/// entry with its warnings in words, given `today`.
pub fn ledger_appendix(
    l: &mut Layout,
    b: &Bundle,
    lang: Lang,
    ledger: &[LedgerEntry],
    today: Date,
) {
    if ledger.is_empty() {
        return;
    }
    l.heading(b.s("guide.ledger.heading", lang), 1);
    l.paragraph(b.s("guide.ledger.intro", lang), TextStyle::BODY);
    let rows = ledger
        .iter()
        .map(|e| ledger_row(b, lang, e, today))
        .collect();
    let columns = [
        ("guide.ledger.col.date", 0.12),
        ("guide.ledger.col.partner", 0.16),
        ("guide.ledger.col.what", 0.2),
        ("guide.ledger.col.form", 0.1),
        ("guide.ledger.col.nda", 0.14),
        ("guide.ledger.col.return_by", 0.1),
        ("guide.ledger.col.warnings", 0.18),
    ]
    .iter()
    .map(|(k, share)| Column {
        title: b.s(k, lang).to_string(),
        share: *share,
    })
    .collect();
    let table = Table {
        columns,
        rows,
        min_row_height: 0.0,
        no_header: false,
    };
    l.table(&table, TextStyle::SMALL);
}

fn ledger_row(b: &Bundle, lang: Lang, e: &LedgerEntry, today: Date) -> Vec<String> {
    let mut form = b.s(&e.form.string_key(), lang).to_string();
    if e.marked {
        form.push_str(&format!(" / {}", b.s("guide.ledger.marked", lang)));
    }
    let nda = match &e.nda {
        Some(n) if e.has_nda() => {
            let mut s = n.reference.clone();
            if let Some(d) = n.date {
                s.push_str(&format!(" ({})", d.display(lang)));
            }
            if !n.purpose.trim().is_empty() {
                s.push_str(&format!(" {}", n.purpose.trim()));
            }
            s
        }
        _ => b.s("guide.ledger.no_nda", lang).to_string(),
    };
    let mut what = e.what.clone();
    if let Some(item) = &e.item {
        what.push_str(&format!(" [{item}]"));
    }
    let warnings: Vec<String> = e
        .warnings(today)
        .iter()
        .map(|w| {
            let key = LedgerFinding::severity_of(*w).string_key();
            format!("※ [{}] {}", b.s(&key, lang), b.s(&w.string_key(), lang))
        })
        .collect();
    let return_by = match e.return_by {
        Some(d) => format!(
            "{} ({})",
            d.display(lang),
            b.s(&e.status.string_key(), lang)
        ),
        None => b.s(&e.status.string_key(), lang).to_string(),
    };
    vec![
        e.date.display(lang),
        e.partner.clone(),
        what,
        form,
        nda,
        return_by,
        if warnings.is_empty() {
            b.s("guide.ledger.ok", lang).to_string()
        } else {
            warnings.join("\n")
        },
    ]
}
