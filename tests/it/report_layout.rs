//! The report's page-break rules, metadata and missing characters, checked on the PDFs
//! parsed back (and on the engine's record of where each block went).
use crate::common;
use crate::common::pdf::{squash, Parsed};

use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::load::load_embedded;
use mamori::model::schema::{Answer, Bundle, ChecklistKind};
use mamori::model::text::Lang;
use mamori::report::content::lay_out;
use mamori::report::layout::{Keep, TextStyle};
use mamori::report::{render, render_report, ReportOptions};

fn bundle() -> Bundle {
    load_embedded().bundle
}

fn opts(lang: Lang, adviser_copy: bool) -> ReportOptions {
    ReportOptions {
        lang,
        adviser_copy,
        today: Date::parse("2026-12-01").unwrap(),
    }
}

fn workshop(name: &str) -> Assessment {
    Assessment::load(&common::root().join("examples/workshop").join(name)).unwrap()
}

/// The reports every rule is checked on: worst case, all yes, workshop companies, empty.
fn samples(b: &Bundle) -> Vec<(String, Assessment)> {
    let mut out = vec![
        ("worst case".to_string(), common::all(b, Answer::No)),
        ("all yes".to_string(), common::all(b, Answer::Yes)),
        ("all unknown".to_string(), common::all(b, Answer::Unknown)),
        (
            "empty".to_string(),
            Assessment::new(b, Date::parse("2026-11-22").unwrap()),
        ),
    ];
    for e in std::fs::read_dir(common::root().join("examples/workshop")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "ron") {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            out.push((name.clone(), workshop(&name)));
        }
    }
    out
}

const HEADING_SIZES: [f32; 3] = [15.0, 12.0, 10.5];

fn is_heading(size: f32) -> bool {
    HEADING_SIZES.iter().any(|h| (h - size).abs() < 0.01)
}

/// No page's body ends with a heading.
fn assert_no_heading_ends_a_page(name: &str, p: &Parsed) {
    let bottom = p.height - mamori::report::layout::PageSetup::A4.bottom;
    for (i, page) in p.pages.iter().enumerate().take(p.pages.len() - 1) {
        let last = page
            .iter()
            .filter(|r| r.y <= bottom)
            .max_by(|a, b| a.y.total_cmp(&b.y));
        if let Some(r) = last {
            assert!(
                !is_heading(r.size),
                "{name}: page {} ends with the heading {:?}",
                i + 1,
                r.text
            );
        }
    }
}

/// Every phone number of a desk is printed whole (with its extension) on one line.
fn assert_phones_whole(name: &str, b: &Bundle, lang: Lang, p: &Parsed) {
    for c in &b.contacts {
        let (Some(phone), Some(display)) = (&c.phone, c.phone_display(lang)) else {
            continue;
        };
        for (i, page) in p.pages.iter().enumerate() {
            for r in page {
                if r.text.contains(phone.as_str()) {
                    assert!(
                        r.text.contains(&display),
                        "{name}: page {}: {display} broken: {:?}",
                        i + 1,
                        r.text
                    );
                }
            }
        }
        // No line ends with the start of an extension.
        for r in p.body() {
            let t = r.text.trim_end();
            assert!(
                !t.ends_with("(ext.") && !t.ends_with("(内線") && !t.ends_with("(内線"),
                "{name}: a line ends inside an extension: {t:?}"
            );
        }
    }
}

#[test]
fn no_heading_ends_a_page_and_phone_numbers_stay_whole() {
    let b = bundle();
    for (name, a) in samples(&b) {
        for lang in Lang::ALL {
            let pdf = render(&b, &a, &opts(lang, true)).unwrap();
            let p = Parsed::new(&pdf);
            let name = format!("{name} {lang:?}");
            assert_no_heading_ends_a_page(&name, &p);
            assert_phones_whole(&name, &b, lang, &p);
            assert!(!p.text().contains('\u{fffd}'), "{name}: undecodable glyphs");
        }
    }
}

#[test]
fn blocks_rows_and_charts_are_never_split_and_paragraphs_keep_two_lines_together() {
    let b = bundle();
    for (name, a) in samples(&b) {
        for lang in Lang::ALL {
            let l = lay_out(&b, &a, &opts(lang, true)).unwrap();
            let placements = l.placements();
            assert!(placements.len() > 20, "{name}");
            for (i, pl) in placements.iter().enumerate() {
                let split = pl.rows_per_page.len() > 1;
                if pl.keep == Keep::Whole && !pl.over_tall {
                    assert!(!split, "{name} {lang:?}: block {i} split: {pl:?}");
                }
                if split {
                    // Neither the first nor the last part is a single line.
                    assert!(
                        pl.rows_per_page.first() >= Some(&2) && pl.rows_per_page.last() >= Some(&2),
                        "{name} {lang:?}: block {i} leaves a single line: {pl:?}"
                    );
                }
                if pl.heading {
                    // A heading starts on the page where what follows it starts.
                    let next = &placements[i + 1..];
                    if let Some(n) = next
                        .iter()
                        .find(|n| n.rows_per_page.iter().sum::<usize>() > 0)
                    {
                        assert_eq!(
                            n.first_page, pl.last_page,
                            "{name} {lang:?}: heading {i} left alone: {pl:?} then {n:?}"
                        );
                    }
                }
            }
        }
    }
    // The worst case has findings and rows taller than nothing: the check is not vacuous.
    let l = lay_out(&b, &common::all(&b, Answer::No), &opts(Lang::En, false)).unwrap();
    assert!(l
        .placements()
        .iter()
        .any(|p| p.rows_per_page.len() > 1 || p.first_page > 0));
}

#[test]
fn every_finding_row_and_chart_is_on_one_page_of_the_pdf() {
    let b = bundle();
    let a = common::all(&b, Answer::No);
    for lang in Lang::ALL {
        let p = Parsed::new(&render(&b, &a, &opts(lang, false)).unwrap());
        let bottom = p.height - mamori::report::layout::PageSetup::A4.bottom;
        let pages: Vec<String> = p
            .pages
            .iter()
            .map(|page| {
                squash(
                    &page
                        .iter()
                        .filter(|r| r.y <= bottom)
                        .map(|r| r.text.as_str())
                        .collect::<String>(),
                )
            })
            .collect();
        // Every question of a finding appears whole on some page (block and row unsplit).
        for (_, q) in b.questions() {
            let text = squash(q.text.get(lang));
            let all: String = pages.concat();
            if all.contains(&text) {
                assert!(
                    pages.iter().any(|pg| pg.contains(&text)),
                    "{lang:?}: {} split across pages",
                    q.id
                );
            }
        }
        // The checklist chart: every checklist title on the page of the chart's heading.
        let heading = squash(b.s("score.checklists", lang));
        let page = pages.iter().find(|pg| pg.contains(&heading)).unwrap();
        for c in b
            .checklists
            .iter()
            .filter(|c| c.kind != ChecklistKind::Screening)
        {
            assert!(
                page.contains(&squash(c.title.get(lang))),
                "{lang:?}: chart split before {}",
                c.id
            );
        }
    }
}

fn info(pdf: &[u8]) -> lopdf::Dictionary {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary(id).unwrap().clone()
}

fn info_text(d: &lopdf::Dictionary, key: &[u8]) -> String {
    match d.get(key) {
        Ok(lopdf::Object::String(bytes, _)) => {
            if bytes.starts_with(&[0xFE, 0xFF]) {
                let units: Vec<u16> = bytes[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16(&units).unwrap()
            } else {
                String::from_utf8(bytes.clone()).unwrap()
            }
        }
        _ => String::new(),
    }
}

fn subset_tags(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut tags = Vec::new();
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict() {
            if let Ok(name) = d.get(b"FontName").and_then(lopdf::Object::as_name) {
                tags.push(String::from_utf8_lossy(name).to_string());
            }
        }
    }
    tags
}

#[test]
fn metadata_dates_producer_and_no_pdfx_claim() {
    let b = bundle();
    let a = workshop("kohazeya.ron");
    let pdf = render(&b, &a, &opts(Lang::Ja, false)).unwrap();
    let d = info(&pdf);
    let version = format!("mamori {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(info_text(&d, b"Producer"), version);
    assert_eq!(info_text(&d, b"Creator"), version);
    assert_eq!(info_text(&d, b"Title"), b.s("report.title", Lang::Ja));
    assert_eq!(info_text(&d, b"Subject"), a.company.name.trim());
    assert_eq!(info_text(&d, b"Author"), a.assessor.trim());
    for key in [&b"CreationDate"[..], b"ModDate"] {
        let date = info_text(&d, key);
        assert!(
            date.starts_with("D:20") && !date.starts_with("D:1970"),
            "{date}"
        );
        // D:YYYYMMDDHHmmSS+HH'mm' with the offset of the local zone.
        assert_eq!(date.len(), 23, "{date}");
        let year: i32 = date[2..6].parse().unwrap();
        assert!(year >= 2026, "{date}");
    }
    assert!(d.get(b"GTS_PDFXVersion").is_err(), "PDF/X claim");
    assert!(!String::from_utf8_lossy(&pdf).contains("GTS_PDFX"));
    // No author key when no assessor is given.
    let mut anon = a.clone();
    anon.assessor.clear();
    let d = info(&render(&b, &anon, &opts(Lang::En, false)).unwrap());
    assert!(d.get(b"Author").is_err());
    // Different glyph sets, different subset tags; the same report, the same tag.
    let t1 = subset_tags(&pdf);
    let t2 =
        subset_tags(&render(&b, &common::all(&b, Answer::Yes), &opts(Lang::En, false)).unwrap());
    let t3 = subset_tags(&render(&b, &a, &opts(Lang::Ja, false)).unwrap());
    assert_eq!(t1.len(), 1, "{t1:?}");
    assert!(t1[0].as_bytes()[6] == b'+', "{t1:?}");
    assert_ne!(t1, t2);
    assert_eq!(t1, t3);
}

#[test]
fn characters_no_font_has_are_printed_as_geta_and_named() {
    let b = bundle();
    let mut a = workshop("kohazeya.ron");
    a.company.name = "株式会社テスト😀工房".into();
    let r = render_report(&b, &a, &opts(Lang::Ja, false)).unwrap();
    let chars: Vec<char> = r.missing.iter().map(|m| m.0).collect();
    assert_eq!(chars, ['😀']);
    let warning = r.warning().unwrap();
    assert!(
        warning.contains("😀") && warning.contains("U+1F600"),
        "{warning}"
    );
    let p = Parsed::new(&r.pdf);
    assert!(p.has("株式会社テスト〓工房"), "{}", p.text());
    // An ordinary report: nothing missing, no warning.
    let r = render_report(&b, &workshop("kohazeya.ron"), &opts(Lang::En, false)).unwrap();
    assert!(
        r.missing.is_empty() && r.warning().is_none(),
        "{:?}",
        r.missing
    );
    // The command line names the character on standard error and still writes the file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    a.save(&file).unwrap();
    let out = dir.path().join("a.pdf");
    let o = common::mamori(&["report", common::p(&file), "--out", common::p(&out)]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let err = common::stderr(&o);
    assert!(err.contains("U+1F600") && err.contains('〓'), "{err}");
    assert!(out.exists());
}

#[test]
fn the_styles_of_non_headings_differ_from_heading_sizes() {
    // The PDF checks above tell headings by their size: no other style may share one.
    for s in [
        TextStyle::BODY,
        TextStyle::SMALL,
        TextStyle::LEAD,
        TextStyle::STRONG,
        TextStyle::TITLE,
    ] {
        assert!(!is_heading(s.size), "{s:?}");
    }
}

/// The worst case: every screening question yes (every checklist applies), every other no.
fn worst_case(b: &Bundle) -> Assessment {
    common::all(b, Answer::No)
}

#[test]
fn page_budget_worst_case_and_all_yes() {
    let b = bundle();
    for (name, a, ja, en) in [
        ("worst case", worst_case(&b), 16, 20),
        ("all yes", common::all(&b, Answer::Yes), 4, 4),
    ] {
        for (lang, budget) in [(Lang::Ja, ja), (Lang::En, en)] {
            for adviser_copy in [false, true] {
                let p = Parsed::new(&render(&b, &a, &opts(lang, adviser_copy)).unwrap());
                assert!(
                    p.pages.len() <= budget,
                    "{name} {lang:?} adviser {adviser_copy}: {} pages, budget {budget}",
                    p.pages.len()
                );
            }
        }
    }
    // The worst case has every checklist applicable and its findings in the report: the
    // budget is not met by leaving things out.
    let r = mamori::model::scoring::score(&b, &worst_case(&b));
    assert!(r.findings.len() > 100, "{}", r.findings.len());
}

#[test]
fn no_page_but_the_last_is_less_than_a_quarter_full() {
    let b = bundle();
    let setup = mamori::report::layout::PageSetup::A4;
    let body = setup.body_bottom() - setup.top;
    for (name, a) in samples(&b) {
        for lang in Lang::ALL {
            for adviser_copy in [false, true] {
                let p = Parsed::new(&render(&b, &a, &opts(lang, adviser_copy)).unwrap());
                let bottom = p.height - setup.bottom;
                for (i, page) in p.pages.iter().enumerate().take(p.pages.len() - 1) {
                    let lowest = page
                        .iter()
                        .filter(|r| r.y <= bottom)
                        .map(|r| r.y)
                        .fold(0.0f32, f32::max);
                    assert!(
                        lowest - setup.top >= body / 4.0,
                        "{name} {lang:?} adviser {adviser_copy}: page {} of {} is {:.0} % full",
                        i + 1,
                        p.pages.len(),
                        100.0 * (lowest - setup.top) / body
                    );
                }
            }
        }
    }
}

/// The text of each page's body, without white space.
fn page_texts(p: &Parsed) -> Vec<String> {
    let bottom = p.height - mamori::report::layout::PageSetup::A4.bottom;
    p.pages
        .iter()
        .map(|page| {
            squash(
                &page
                    .iter()
                    .filter(|r| r.y <= bottom)
                    .map(|r| r.text.as_str())
                    .collect::<String>(),
            )
        })
        .collect()
}

#[test]
fn page_one_has_the_verdict_once_the_top_three_and_the_desk_page_two_the_charts() {
    use mamori::model::plan::ActionPlan;
    use mamori::model::scoring::score;
    let b = bundle();
    for (name, a) in [
        ("worst case", worst_case(&b)),
        ("kohazeya", workshop("kohazeya.ron")),
    ] {
        let r = score(&b, &a);
        let plan = ActionPlan::of(&b, &a, &r);
        for lang in Lang::ALL {
            let p = Parsed::new(&render(&b, &a, &opts(lang, false)).unwrap());
            let pages = page_texts(&p);
            let one = &pages[0];
            let verdict = squash(&mamori::report::verdict::verdict_line(&b, lang, &r));
            assert!(
                one.contains(&verdict),
                "{name} {lang:?}: {verdict} not on page 1"
            );
            // The overall score's label once on the page: no second "総合点" line.
            let label = squash(b.s("score.overall", lang));
            assert_eq!(one.matches(&label).count(), 1, "{name} {lang:?}: {one}");
            for action in plan.top3() {
                let t = squash(action.title.get(lang));
                assert!(
                    one.contains(&t),
                    "{name} {lang:?}: top action {t} not on page 1"
                );
                let step = squash(action.first_step().text.get(lang));
                assert!(
                    one.contains(&step),
                    "{name} {lang:?}: first step not on page 1"
                );
            }
            let desk = b.contact(&r.desks.recommended[0]).unwrap();
            assert!(
                one.contains(&squash(desk.name.get(lang))),
                "{name} {lang:?}"
            );
            if let Some(phone) = desk.phone_display(lang) {
                assert!(one.contains(&squash(&phone)), "{name} {lang:?}: {phone}");
            }
            // Page 2 starts with the charts, all three whole on it.
            assert!(pages[1].starts_with(&squash(b.s("report.charts", lang))));
            for key in ["score.checklists", "score.objectives", "score.legal"] {
                assert!(
                    pages[1].contains(&squash(b.s(key, lang))),
                    "{name} {lang:?}: {key}"
                );
            }
        }
    }
}

/// With nothing weak there is no desk to recommend, but page 1 still names one to ask (the
/// first that serves the company, regional first), and the charts start on page 1.
#[test]
fn an_all_good_report_names_a_desk_on_page_one_and_starts_its_charts_there() {
    use mamori::model::scoring::score;
    let b = bundle();
    let mut a = common::all(&b, Answer::Yes);
    a.company.prefecture = "東京都".into();
    let r = score(&b, &a);
    assert!(r.desks.recommended.is_empty());
    let desk = b.contact(&r.desks.other[0]).unwrap();
    for lang in Lang::ALL {
        for adviser_copy in [false, true] {
            let p = Parsed::new(&render(&b, &a, &opts(lang, adviser_copy)).unwrap());
            let one = &page_texts(&p)[0];
            let heading = squash(b.s("report.call.questions", lang));
            assert!(one.contains(&heading), "{lang:?} {adviser_copy}: {one}");
            assert!(one.contains(&squash(desk.name.get(lang))), "{lang:?}");
            let phone = desk.phone_display(lang).unwrap();
            assert!(one.contains(&squash(&phone)), "{lang:?}: {phone}");
            for key in ["report.charts", "score.checklists"] {
                assert!(one.contains(&squash(b.s(key, lang))), "{lang:?}: {key}");
            }
        }
    }
}

#[test]
fn each_action_once_and_each_finding_once_under_it() {
    use mamori::model::plan::ActionPlan;
    use mamori::model::scoring::score;
    let b = bundle();
    let a = worst_case(&b);
    let r = score(&b, &a);
    let plan = ActionPlan::of(&b, &a, &r);
    for lang in Lang::ALL {
        let p = Parsed::new(&render(&b, &a, &opts(lang, false)).unwrap());
        let pages = page_texts(&p);
        let rest: String = pages[1..].concat();
        for (i, action) in plan.actions.iter().enumerate() {
            let head = squash(&format!("{}. {}", i + 1, action.title.get(lang)));
            assert_eq!(rest.matches(&head).count(), 1, "{lang:?}: action {head}");
        }
        // The action plan's part of the text (cases may quote a question's words).
        let all: String = pages.concat();
        let from = all.find(&squash(b.s("report.plan", lang))).unwrap();
        let to = all.find(&squash(b.s("report.cases", lang))).unwrap();
        let plan_text = &all[from..to];
        // Every finding in the plan exactly once, headed by its tag: a serious one as a
        // block, the others as a table row.
        for f in &r.findings {
            let (_, q) = b.question(&f.question_id).unwrap();
            let sep = if lang == Lang::Ja { "・" } else { "," };
            let head = squash(&format!(
                "[{}{sep}{}]{}",
                b.s(&f.severity.string_key(), lang),
                b.s(f.answer.string_key(), lang),
                q.text.get(lang)
            ));
            assert_eq!(plan_text.matches(&head).count(), 1, "{lang:?}: {}", q.id);
        }
        // An action's first step once at its head; every weak point, serious or not, shows
        // its own step too when it differs from that first step (a medium or low one after
        // an arrow in its table row).
        for action in &plan.actions {
            let first = action.first_step().text.get(lang);
            for s in &action.steps {
                let own = s.text.get(lang);
                if s.severity != mamori::model::scoring::Severity::High
                    && s.ledger.is_none()
                    && own != first
                {
                    let row = squash(&format!("→ {own}"));
                    assert!(plan_text.contains(&row), "{lang:?}: {}", s.question_id);
                }
            }
            let expected = plan
                .actions
                .iter()
                .map(|x| {
                    let own = x.first_step().text.get(lang) == first;
                    let repeated = x.steps.iter().filter(|s| {
                        s.ledger.is_none()
                            && s.text.get(lang) == first
                            && x.first_step().text.get(lang) != first
                    });
                    usize::from(own) + repeated.count()
                })
                .sum::<usize>();
            let found = plan_text.matches(&squash(first)).count();
            assert_eq!(found, expected, "{lang:?}: {first}");
        }
        // The quick check's desk number is no longer printed dozens of times.
        let hotline = b.contact(&r.desks.recommended[0]).unwrap();
        let phone = squash(&hotline.phone_display(lang).unwrap());
        assert!(all.matches(&phone).count() <= 2, "{lang:?}: {phone}");
    }
}
