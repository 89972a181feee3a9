//! The report's reference pages: the linked cases, the consultation desks, the sources by
//! title and, in the adviser's copy only, the private notes.

use crate::model::assessment::Assessment;
use crate::model::schema::{Advice, Contact, SEED_FILES};
use crate::model::scoring::ScoreReport;
use crate::model::text::Lang;
use crate::model::words::Words;

use super::layout::{Layout, TextStyle};
use super::parts::{Say, ITEM_GAP};

pub(super) fn cases(l: &mut Layout, w: &Words, r: &ScoreReport) {
    let linked: Vec<&Advice> = r
        .advice()
        .iter()
        .filter_map(|id| w.bundle.advice(id))
        .filter(|a| a.case_no.is_some())
        .collect();
    l.heading(w.s("report.cases"), 1);
    if linked.is_empty() {
        l.paragraph(w.s("report.cases.none"), TextStyle::BODY);
    }
    for adv in linked {
        l.heading(adv.title.get(w.lang), 2);
        l.paragraph(
            &w.kv("report.cases.problem", adv.problem.get(w.lang)),
            TextStyle::BODY,
        );
        l.heading(w.s("report.cases.points"), 3);
        let points: Vec<String> = adv
            .actions
            .iter()
            .map(|t| t.get(w.lang).to_string())
            .collect();
        l.bullets(&points, TextStyle::BODY);
        l.paragraph(
            &w.kv("report.first_step", adv.first_step.get(w.lang)),
            TextStyle::BODY,
        );
        l.paragraph(
            &source_line(w, &adv.source.file, Some(&adv.source.heading)),
            TextStyle::SMALL,
        );
    }
}

/// The document's title from `sources.ron`, never its file name.
pub(super) fn source_title(w: &Words, file: &str) -> String {
    w.bundle.source_title(file, w.lang)
}

/// "Source: title「heading」" — the heading only in Japanese, as it stands in the document.
pub(super) fn source_line(w: &Words, file: &str, heading: Option<&str>) -> String {
    let mut s = w.kv("report.source", &source_title(w, file));
    if let (Lang::Ja, Some(h)) = (w.lang, heading) {
        s.push_str(&format!("「{h}」"));
    }
    s
}

pub(super) fn desks(l: &mut Layout, w: &Words, r: &ScoreReport, adviser_copy: bool) {
    l.heading(w.s("report.desks"), 1);
    // Consultation desks that serve the company (recommended first, a regional desk only
    // where it serves the prefecture), then, apart, the information contacts, which are
    // never recommended.
    let recommended = r.contacts();
    let groups = [
        (None, &r.desks.recommended),
        (Some("desks.other"), &r.desks.other),
        (Some("desks.information"), &r.desks.information),
    ];
    for (heading, ids) in groups {
        if ids.is_empty() {
            continue;
        }
        if let Some(key) = heading {
            l.heading(w.s(key), 2);
        }
        for d in ids.iter().filter_map(|id| w.bundle.contact(id)) {
            l.keep_together(|l| desk(l, w, d, &recommended, adviser_copy));
        }
    }
}

/// One desk's entry, never split across pages.
/// One desk's entry; the note on the sources (where they disagree, with their dates) only in
/// the adviser's copy.
pub(super) fn desk(
    l: &mut Layout,
    w: &Words,
    d: &Contact,
    recommended: &[String],
    adviser_copy: bool,
) {
    let style = TextStyle::SMALL;
    let indent = 12.0;
    let mut title = d.name.get(w.lang).to_string();
    if recommended.contains(&d.id) {
        title.push_str(&format!(" ({})", w.s("report.desks.recommended")));
    }
    l.heading(&title, 3);
    // Phone and hours on one line, e-mail and web on the next (each kept whole by the
    // line breaker).
    let lines = [
        vec![
            d.phone_display(w.lang)
                .map(|p| w.kv("report.desks.phone", &p)),
            d.hours
                .as_ref()
                .map(|h| w.kv("report.desks.hours", h.get(w.lang))),
        ],
        vec![
            d.email.as_ref().map(|e| w.kv("report.desks.email", e)),
            d.url.as_ref().map(|u| w.kv("report.desks.url", u)),
        ],
    ];
    for parts in lines {
        let parts: Vec<String> = parts.into_iter().flatten().collect();
        if !parts.is_empty() {
            l.paragraph_indented(&parts.join("  /  "), style, indent);
        }
    }
    // Who runs it, what to ask and the date of the details, in one paragraph.
    let about = [
        w.kv("report.desks.org", d.organisation.get(w.lang)),
        w.kv("report.desks.handles", d.handles.get(w.lang)),
        w.kv("report.desks.date", d.as_of.get(w.lang)),
    ];
    l.paragraph_indented(&about.join("  /  "), style, indent);
    if let Some(n) = d.note.as_ref().filter(|_| adviser_copy) {
        l.paragraph_indented(n.get(w.lang), style, indent);
    }
    l.space(ITEM_GAP);
}

pub(super) fn sources(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.heading(w.s("report.sources"), 1);
    l.paragraph(w.s("report.sources.help"), TextStyle::BODY);
    // Every document cited by a shown finding, case or desk, in the order of SEED_FILES.
    let mut cited: Vec<&str> = Vec::new();
    for f in &r.findings {
        if let Some((_, q)) = w.bundle.question(&f.question_id) {
            cited.push(&q.source.file);
        }
    }
    for id in r.advice() {
        if let Some(a) = w.bundle.advice(&id) {
            cited.push(&a.source.file);
        }
    }
    for d in &w.bundle.contacts {
        cited.push(&d.source.file);
    }
    let items: Vec<String> = SEED_FILES
        .iter()
        .filter(|f| cited.contains(f))
        .map(|f| source_title(w, f))
        .collect();
    l.bullets(&items, TextStyle::BODY);
    l.paragraph(w.s("report.disclaimer"), TextStyle::STRONG);
}

pub(super) fn private_notes(l: &mut Layout, w: &Words, a: &Assessment) {
    l.paragraph(
        &format!("■ {}", w.s("report.adviser_copy")),
        TextStyle::STRONG,
    );
    l.heading(w.s("report.private"), 1);
    if a.adviser.is_empty() {
        l.paragraph(w.s("report.private.none"), TextStyle::BODY);
        return;
    }
    if !a.adviser.general.trim().is_empty() {
        l.heading(w.s("report.private.general"), 2);
        l.paragraph(a.adviser.general.trim(), TextStyle::BODY);
    }
    for (id, note) in &a.adviser.per_question {
        if note.trim().is_empty() {
            continue;
        }
        let title = w
            .bundle
            .question(id)
            .map(|(_, q)| q.text.get(w.lang).to_string())
            .unwrap_or_else(|| id.clone());
        l.heading(&title, 3);
        l.paragraph_indented(note.trim(), TextStyle::BODY, 12.0);
        l.space(ITEM_GAP);
    }
}
