//! The report's content: the cover and the sections of the report, laid out with
//! [`super::layout::Layout`] from the score report and the questionnaire's texts.

use crate::model::assessment::Assessment;
use crate::model::schema::{Advice, Bundle, ChecklistKind, SEED_FILES};
use crate::model::scoring::{
    score, Band, Finding, ScoreReport, Severity, Status, GOOD_FROM, IMPROVE_FROM,
};
use crate::model::text::Lang;
use crate::model::verdict::Verdict;

use super::layout::{Bar, Column, Layout, PageSetup, Table, TextStyle};
use super::{ReportError, ReportOptions};

/// Space left under a finding or a desk entry.
const ITEM_GAP: f32 = 6.0;

/// Strings of one language, with `{name}` placeholders filled in.
struct Words<'a> {
    bundle: &'a Bundle,
    lang: Lang,
}

impl<'a> Words<'a> {
    fn s(&self, key: &'a str) -> &'a str {
        self.bundle.s(key, self.lang)
    }

    fn fill(&self, key: &'a str, vars: &[(&str, String)]) -> String {
        let mut out = self.s(key).to_string();
        for (name, value) in vars {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    fn colon(&self) -> &'static str {
        match self.lang {
            Lang::Ja => ":",
            Lang::En => ": ",
        }
    }

    /// `label: value`.
    fn kv(&self, key: &'a str, value: &str) -> String {
        format!("{}{}{}", self.s(key), self.colon(), value)
    }

    fn band(&self, band: Option<Band>) -> String {
        match band {
            Some(b) => self.bundle.s(&b.string_key(), self.lang).to_string(),
            None => self.s("band.none").to_string(),
        }
    }
}

fn fmt_score(s: f64) -> String {
    format!("{s:.0}")
}

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
    let report = score(bundle, a);
    let title = w.s("report.title");
    let mut l = Layout::new(title, PageSetup::A4)?;
    l.set_metadata(|m| {
        m.subject = a.company.name.trim().to_string();
        m.author = a.assessor.trim().to_string();
    });

    cover(&mut l, &w, a, &report, options);
    summary(&mut l, &w, &report);
    charts(&mut l, &w, &report);
    findings(&mut l, &w, a, &report);
    to_confirm(&mut l, &w, &report);
    action_plan(&mut l, &w, &report);
    cases(&mut l, &w, &report);
    desks(&mut l, &w, &report, options.adviser_copy);
    sources(&mut l, &w, &report);
    super::inventory::inventory_appendix(&mut l, bundle, options.lang, a);
    if options.adviser_copy {
        private_notes(&mut l, &w, a);
    }
    Ok(l)
}

fn adviser_mark(w: &Words) -> String {
    let full = w.s("report.adviser_copy");
    // The first clause only: "アドバイザー控え" / "Adviser's copy".
    full.split(['(', '('])
        .next()
        .unwrap_or(full)
        .trim()
        .to_string()
}

fn cover(l: &mut Layout, w: &Words, a: &Assessment, r: &ScoreReport, o: &ReportOptions) {
    if o.adviser_copy {
        l.paragraph(
            &format!("■ {}", w.s("report.adviser_copy")),
            TextStyle::STRONG,
        );
    }
    l.space(12.0);
    l.paragraph(w.s("report.title"), TextStyle::TITLE);
    l.space(10.0);
    let company = if a.company.name.trim().is_empty() {
        w.s("report.company_none").to_string()
    } else {
        a.company.name.trim().to_string()
    };
    l.paragraph(&company, TextStyle::LEAD);
    l.rule();
    let assessor = if a.assessor.trim().is_empty() {
        w.s("report.assessor_none").to_string()
    } else {
        a.assessor.trim().to_string()
    };
    let (answered, applicable) = r
        .checklists
        .iter()
        .filter(|c| c.kind != ChecklistKind::Screening)
        .fold((0, 0), |(x, y), c| (x + c.answered, y + c.applicable));
    let rows = vec![
        vec![w.s("report.company").to_string(), company],
        vec![w.s("report.date").to_string(), a.date.display(w.lang)],
        vec![w.s("report.assessor").to_string(), assessor],
        vec![
            w.s("report.mode").to_string(),
            w.s(a.mode.string_key()).to_string(),
        ],
        vec![
            w.s("report.progress").to_string(),
            w.fill(
                "report.progress_value",
                &[
                    ("answered", answered.to_string()),
                    ("applicable", applicable.to_string()),
                ],
            ),
        ],
        vec![w.s("report.made_on").to_string(), o.today.display(w.lang)],
    ];
    l.table(
        &Table {
            columns: vec![
                Column {
                    title: String::new(),
                    share: 0.3,
                },
                Column {
                    title: String::new(),
                    share: 0.7,
                },
            ],
            rows,
            min_row_height: 0.0,
            no_header: true,
        },
        TextStyle::BODY,
    );
    l.space(14.0);
    let overall = match r.overall {
        Some(s) => w.fill("report.score_of", &[("score", fmt_score(s))]),
        None => w.s("report.no_score").to_string(),
    };
    l.paragraph(&w.kv("report.overall", &overall), TextStyle::LEAD);
    l.paragraph(
        &super::verdict::verdict_line(w.bundle, w.lang, r),
        TextStyle::LEAD,
    );
    l.paragraph(&band_rule(w), TextStyle::SMALL);
}

fn band_rule(w: &Words) -> String {
    w.s("score.band_rule")
        .replace("{good}", &format!("{GOOD_FROM:.0}"))
        .replace("{improve}", &format!("{IMPROVE_FROM:.0}"))
}

fn count(r: &ScoreReport, s: Severity) -> usize {
    r.findings.iter().filter(|f| f.severity == s).count()
}

fn summary(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.space(10.0);
    l.heading(w.s("report.summary"), 1);
    let vars = [
        ("score", r.overall.map(fmt_score).unwrap_or_default()),
        ("n", r.findings.len().to_string()),
        ("high", count(r, Severity::High).to_string()),
    ];
    // The verdict, not the score's band: a critical gap never reads as good.
    let key = match Verdict::of(r).level {
        Some(Band::Good) => "report.summary.good",
        Some(Band::NeedsImprovement) => "report.summary.needs_improvement",
        Some(Band::ActionNeeded) => "report.summary.action_needed",
        None => "report.summary.none",
    };
    l.paragraph(&w.fill(key, &vars), TextStyle::BODY);
    super::verdict::verdict_section(l, w.bundle, w.lang, r);

    l.heading(w.s("report.quick"), 2);
    let quick = r.checklists.iter().find(|c| c.kind == ChecklistKind::Quick);
    match &r.consult {
        Some(c) => {
            l.paragraph(
                &w.fill(
                    "report.quick.weak",
                    &[("n", c.weak_items.len().to_string())],
                ),
                TextStyle::BODY,
            );
            let items: Vec<String> = c
                .weak_items
                .iter()
                .filter_map(|id| w.bundle.question(id))
                .map(|(_, q)| {
                    let ans = r
                        .findings
                        .iter()
                        .find(|f| f.question_id == q.id)
                        .map(|f| format!("({})", w.s(f.answer.string_key())))
                        .unwrap_or_default();
                    format!("{}{}", q.text.get(w.lang), ans)
                })
                .collect();
            l.bullets(&items, TextStyle::BODY);
            let desks: Vec<String> = c
                .contacts
                .iter()
                .filter_map(|id| w.bundle.contact(id))
                .map(|d| desk_short(w, d))
                .collect();
            if !desks.is_empty() {
                l.paragraph(
                    &w.kv("report.quick.call", &desks.join(" / ")),
                    TextStyle::BODY,
                );
            }
        }
        None => {
            let done = quick.is_some_and(|q| q.status == Status::Done);
            let key = if done {
                "report.quick.ok"
            } else {
                "report.quick.open"
            };
            l.paragraph(w.s(key), TextStyle::BODY);
            l.paragraph(w.s("score.consult_none"), TextStyle::BODY);
        }
    }
}

fn desk_short(w: &Words, d: &crate::model::schema::Contact) -> String {
    match d.phone_display(w.lang) {
        Some(p) => format!("{} {}", d.name.get(w.lang), p),
        None => d.name.get(w.lang).to_string(),
    }
}

fn caption(w: &Words, score: Option<f64>, empty: &str) -> String {
    match score {
        Some(s) => format!(
            "{} {}",
            w.fill("report.score_of", &[("score", fmt_score(s))]),
            w.band(Some(Band::of(s)))
        ),
        None => empty.to_string(),
    }
}

fn charts(l: &mut Layout, w: &Words, r: &ScoreReport) {
    // The charts have a page of their own: page 2.
    l.new_page();
    l.heading(w.s("report.charts"), 1);
    l.paragraph(w.s("report.charts.help"), TextStyle::SMALL);
    let marks = [IMPROVE_FROM as f32, GOOD_FROM as f32];
    let bars: Vec<Bar> = r
        .checklists
        .iter()
        .filter(|c| c.kind != ChecklistKind::Screening)
        .filter_map(|c| {
            let title = w.bundle.checklist(&c.id)?.title.get(w.lang).to_string();
            let empty = if c.status == Status::NotApplicable {
                w.s("report.not_applicable")
            } else {
                w.s("report.not_answered")
            };
            Some(Bar {
                label: title,
                value: c.score.map(|s| s as f32),
                caption: caption(w, c.score, empty),
            })
        })
        .collect();
    l.heading(w.s("score.checklists"), 2);
    l.bar_chart(&bars, &marks, TextStyle::SMALL);
    let axis = |key: String, s: Option<f64>| Bar {
        label: w.bundle.s(&key, w.lang).to_string(),
        value: s.map(|v| v as f32),
        caption: caption(w, s, w.s("report.not_answered")),
    };
    l.heading(w.s("score.objectives"), 2);
    let bars: Vec<Bar> = r
        .objectives
        .iter()
        .map(|o| axis(o.key.string_key(), o.score))
        .collect();
    l.bar_chart(&bars, &marks, TextStyle::SMALL);
    l.heading(w.s("score.legal"), 2);
    let bars: Vec<Bar> = r
        .legal
        .iter()
        .map(|o| axis(o.key.string_key(), o.score))
        .collect();
    l.bar_chart(&bars, &marks, TextStyle::SMALL);
}

/// The case a finding links to, else its first advice entry.
fn main_advice<'a>(w: &Words<'a>, ids: &[String]) -> Option<&'a Advice> {
    ids.iter().filter_map(|id| w.bundle.advice(id)).next()
}

fn findings(l: &mut Layout, w: &Words, a: &Assessment, r: &ScoreReport) {
    l.heading(w.s("report.findings"), 1);
    if r.findings.is_empty() {
        l.paragraph(w.s("score.no_findings"), TextStyle::BODY);
        return;
    }
    l.paragraph(
        &w.fill(
            "report.findings.count",
            &[
                ("n", r.findings.len().to_string()),
                ("high", count(r, Severity::High).to_string()),
                ("medium", count(r, Severity::Medium).to_string()),
                ("low", count(r, Severity::Low).to_string()),
            ],
        ),
        TextStyle::BODY,
    );
    let mut compact = Vec::new();
    for (i, f) in r.findings.iter().enumerate() {
        let Some((c, q)) = w.bundle.question(&f.question_id) else {
            continue;
        };
        if f.severity == Severity::High {
            let head = format!(
                "{}. [{}] {}",
                i + 1,
                w.bundle.s(&f.severity.string_key(), w.lang),
                q.text.get(w.lang)
            );
            l.keep_together(|l| finding(l, w, a, f, &head));
        } else {
            compact.push(vec![
                (i + 1).to_string(),
                w.bundle.s(&f.severity.string_key(), w.lang).to_string(),
                q.text.get(w.lang).to_string(),
                w.s(f.answer.string_key()).to_string(),
                c.title.get(w.lang).to_string(),
            ]);
        }
    }
    if !compact.is_empty() {
        // Medium and low findings: one table row each; the action plan has their steps.
        l.heading(w.s("report.findings.other"), 2);
        let col = |key: &str, share: f32| Column {
            title: w.bundle.s(key, w.lang).to_string(),
            share,
        };
        l.table(
            &Table {
                columns: vec![
                    col("report.plan.no", 0.06),
                    col("report.severity", 0.08),
                    col("report.plan.finding", 0.52),
                    col("report.answer", 0.11),
                    col("report.checklist", 0.23),
                ],
                rows: compact,
                min_row_height: 0.0,
                no_header: false,
            },
            TextStyle::SMALL,
        );
    }
}

/// One finding as a block that never splits across pages.
fn finding(l: &mut Layout, w: &Words, a: &Assessment, f: &Finding, head: &str) {
    let indent = 12.0;
    let Some((c, q)) = w.bundle.question(&f.question_id) else {
        return;
    };
    {
        l.heading(head, 3);
        let style = TextStyle::SMALL;
        l.paragraph_indented(
            &format!(
                "{}  /  {}",
                w.kv("report.answer", w.s(f.answer.string_key())),
                w.kv("report.checklist", c.title.get(w.lang))
            ),
            style,
            indent,
        );
        l.paragraph_indented(&w.kv("report.why", q.help.get(w.lang)), style, indent);
        if let Some(adv) = main_advice(w, &f.advice) {
            let line = match adv.case_no {
                // The case titles name the case ("事例01 …", "Case 01: …").
                Some(_) => format!("{} {}", adv.title.get(w.lang), w.s("report.case_page")),
                None => w.kv("report.topic", adv.title.get(w.lang)),
            };
            l.paragraph_indented(&line, style, indent);
            l.paragraph_indented(
                &w.kv("report.first_step", adv.first_step.get(w.lang)),
                style,
                indent,
            );
        }
        if let Some(note) = a
            .answers
            .get(&f.question_id)
            .map(|e| e.note.trim())
            .filter(|n| !n.is_empty())
        {
            l.paragraph_indented(&w.kv("report.note", note), style, indent);
        }
        l.space(ITEM_GAP);
    }
}

fn question_list(w: &Words, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| w.bundle.question(id))
        .map(|(_, q)| q.text.get(w.lang).to_string())
        .collect()
}

fn to_confirm(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.heading(w.s("report.confirm"), 1);
    for (key, ids) in [
        ("report.confirm.unknown", &r.to_confirm),
        ("report.confirm.review", &r.review_later),
    ] {
        l.heading(w.s(key), 2);
        if ids.is_empty() {
            l.paragraph(w.s("report.confirm.none"), TextStyle::BODY);
        } else {
            l.bullets(&question_list(w, ids), TextStyle::BODY);
        }
    }
    if !r.unanswered.is_empty() {
        l.paragraph(
            &w.fill(
                "report.confirm.unanswered",
                &[("n", r.unanswered.len().to_string())],
            ),
            TextStyle::BODY,
        );
    }
    if !r.orphan_answers.is_empty() {
        l.paragraph(
            &w.fill(
                "report.orphans",
                &[("n", r.orphan_answers.len().to_string())],
            ),
            TextStyle::BODY,
        );
    }
}

fn action_plan(l: &mut Layout, w: &Words, r: &ScoreReport) {
    l.heading(w.s("report.plan"), 1);
    if r.findings.is_empty() {
        l.paragraph(w.s("report.plan.none"), TextStyle::BODY);
        return;
    }
    l.paragraph(w.s("report.plan.help"), TextStyle::SMALL);
    let rows = r
        .findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (_, q) = w.bundle.question(&f.question_id)?;
            let step = main_advice(w, &f.advice)
                .map(|a| a.first_step.get(w.lang).to_string())
                .unwrap_or_default();
            Some(vec![
                (i + 1).to_string(),
                q.text.get(w.lang).to_string(),
                step,
                String::new(),
                String::new(),
            ])
        })
        .collect();
    let col = |key: &str, share: f32| Column {
        title: w.bundle.s(key, w.lang).to_string(),
        share,
    };
    l.table(
        &Table {
            columns: vec![
                col("report.plan.no", 0.06),
                col("report.plan.finding", 0.36),
                col("report.plan.step", 0.34),
                col("report.plan.owner", 0.12),
                col("report.plan.due", 0.12),
            ],
            rows,
            min_row_height: 26.0,
            no_header: false,
        },
        TextStyle::SMALL,
    );
}

fn cases(l: &mut Layout, w: &Words, r: &ScoreReport) {
    let linked: Vec<&Advice> = r
        .advice()
        .iter()
        .filter_map(|id| w.bundle.advice(id))
        .filter(|a| a.case_no.is_some())
        .collect();
    if !linked.is_empty() {
        // The cases start a page; without any, one line says so.
        l.new_page();
    }
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
fn source_title(w: &Words, file: &str) -> String {
    w.bundle.source_title(file, w.lang)
}

/// "Source: title「heading」" — the heading only in Japanese, as it stands in the document.
fn source_line(w: &Words, file: &str, heading: Option<&str>) -> String {
    let mut s = w.kv("report.source", &source_title(w, file));
    if let (Lang::Ja, Some(h)) = (w.lang, heading) {
        s.push_str(&format!("「{h}」"));
    }
    s
}

fn desks(l: &mut Layout, w: &Words, r: &ScoreReport, adviser_copy: bool) {
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
fn desk(
    l: &mut Layout,
    w: &Words,
    d: &crate::model::schema::Contact,
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
    l.paragraph_indented(
        &w.kv("report.desks.org", d.organisation.get(w.lang)),
        style,
        indent,
    );
    if let Some(p) = d.phone_display(w.lang) {
        l.paragraph_indented(&w.kv("report.desks.phone", &p), style, indent);
    }
    if let Some(h) = &d.hours {
        l.paragraph_indented(&w.kv("report.desks.hours", h.get(w.lang)), style, indent);
    }
    if let Some(e) = &d.email {
        l.paragraph_indented(&w.kv("report.desks.email", e), style, indent);
    }
    if let Some(u) = &d.url {
        l.paragraph_indented(&w.kv("report.desks.url", u), style, indent);
    }
    l.paragraph_indented(
        &w.kv("report.desks.handles", d.handles.get(w.lang)),
        style,
        indent,
    );
    l.paragraph_indented(
        &w.kv("report.desks.date", d.as_of.get(w.lang)),
        style,
        indent,
    );
    if let Some(n) = d.note.as_ref().filter(|_| adviser_copy) {
        l.paragraph_indented(n.get(w.lang), style, indent);
    }
    l.space(ITEM_GAP);
}

fn sources(l: &mut Layout, w: &Words, r: &ScoreReport) {
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

fn private_notes(l: &mut Layout, w: &Words, a: &Assessment) {
    l.new_page();
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
