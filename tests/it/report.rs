//! The PDF report, parsed back: text, order, page numbers, languages, private notes, margins,
//! atomic writing and size.
use crate::common;

use crate::common::mamori;

use std::path::Path;

use crate::common::pdf::{squash, Parsed};
use mamori::model::assessment::Assessment;
use mamori::model::date::Date;
use mamori::model::load::load_embedded;
use mamori::model::schema::{Answer, Bundle};
use mamori::model::scoring::score;
use mamori::model::text::Lang;
use mamori::report::font::FontMetrics;
use mamori::report::layout::PageSetup;
use mamori::report::linebreak::is_cjk;
use mamori::report::{render, write, ReportOptions};

fn bundle() -> Bundle {
    let out = load_embedded();
    assert!(out.is_clean(), "{:#?}", out.diagnostics);
    out.bundle
}

fn kohazeya() -> Assessment {
    Assessment::load(&common::root().join("examples/workshop/kohazeya.ron")).unwrap()
}

/// The desks the report of `a` lists: those that serve its prefecture, consultation desks
/// first, information contacts apart (a regional desk elsewhere is not shown).
fn served<'b>(b: &'b Bundle, a: &Assessment) -> Vec<&'b mamori::model::schema::Contact> {
    let d = score(b, a).desks;
    [d.recommended, d.other, d.information]
        .concat()
        .iter()
        .filter_map(|id| b.contact(id))
        .collect()
}

fn opts(lang: Lang, adviser_copy: bool) -> ReportOptions {
    ReportOptions {
        lang,
        adviser_copy,
        today: Date::parse("2026-11-29").unwrap(),
    }
}

#[test]
fn japanese_report_round_trips_headings_findings_cases_and_desks() {
    let b = bundle();
    let a = kohazeya();
    let pdf = render(&b, &a, &opts(Lang::Ja, false)).unwrap();
    let p = Parsed::new(&pdf);
    let text = p.text();
    let flat = p.flat();
    assert!(!text.contains('\u{fffd}'), "undecodable glyphs");
    for key in [
        "report.title",
        "report.call",
        "report.charts",
        "report.confirm",
        "report.plan",
        "report.cases",
        "report.desks",
        "report.sources",
        "report.disclaimer",
    ] {
        assert!(flat.contains(&squash(b.s(key, Lang::Ja))), "missing {key}");
    }
    assert!(flat.contains(&squash(&a.company.name)), "company name");
    assert!(
        flat.contains(&squash("2026年11月22日")),
        "date of the check"
    );
    let r = score(&b, &a);
    assert!(r.findings.len() > 20);
    // Findings grouped by action, in the order of the action plan: high ones as blocks
    // headed "[高・いいえ] question", medium and low ones as rows of the action's table.
    use mamori::model::plan::ActionPlan;
    use mamori::model::scoring::Severity;
    let plan = ActionPlan::of(&b, &a, &r);
    let plan_at = flat.find(&squash(b.s("report.plan", Lang::Ja))).unwrap();
    let mut at = plan_at;
    for (i, action) in plan.actions.iter().enumerate() {
        let title = squash(&format!("{}. {}", i + 1, action.title.ja));
        at += flat[at..]
            .find(&title)
            .unwrap_or_else(|| panic!("action {i} {title} missing or out of order"));
        for s in &action.steps {
            let (_, q) = b.question(&s.question_id).unwrap();
            // A serious one as a block, the others as a row of the one-column table: both
            // headed by 「[重要度・回答]」 and the whole question.
            let needle = squash(&format!(
                "[{}・{}] {}",
                b.s(&s.severity.string_key(), Lang::Ja),
                b.s(s.answer.string_key(), Lang::Ja),
                q.text.ja
            ));
            let found = flat[at..]
                .find(&needle)
                .unwrap_or_else(|| panic!("finding {} {needle} missing or out of order", q.id));
            at += found + needle.len();
        }
    }
    assert!(r.findings.iter().any(|f| f.severity == Severity::High));
    assert!(r.findings.iter().any(|f| f.severity != Severity::High));
    // Case pages for every linked case, with title and key points.
    for id in r.advice() {
        let adv = b.advice(&id).unwrap();
        if adv.case_no.is_some() {
            assert!(
                flat.contains(&squash(&adv.title.ja)),
                "case title {}",
                adv.title.ja
            );
            assert!(
                flat.contains(&squash(&adv.actions[0].ja)),
                "case point of {id}"
            );
        }
    }
    // Every desk that serves the company (埼玉県) with its phone number; the Kansai desk,
    // which serves only 近畿, is not listed.
    let desks = served(&b, &a);
    assert!(desks.iter().all(|c| c.id != "kansai_senmon"));
    assert!(
        desks.iter().any(|c| c.id == "jpo_kikaku"),
        "information contacts listed"
    );
    for c in desks {
        assert!(flat.contains(&squash(&c.name.ja)), "desk {}", c.id);
        if let Some(phone) = c.phone_display(Lang::Ja) {
            assert!(flat.contains(&squash(&phone)), "phone of {}", c.id);
        }
    }
}

#[test]
fn every_page_is_numbered_n_of_total_and_dated() {
    let b = bundle();
    let pdf = render(&b, &kohazeya(), &opts(Lang::Ja, false)).unwrap();
    let p = Parsed::new(&pdf);
    let n = p.pages.len();
    assert!(n > 3, "{n} pages");
    for (i, page) in p.pages.iter().enumerate() {
        let want = format!("{} / {}", i + 1, n);
        let numbers: Vec<&str> = page
            .iter()
            .map(|r| r.text.as_str())
            .filter(|t| {
                t.contains(" / ")
                    && t.chars()
                        .all(|c| c.is_ascii_digit() || c == ' ' || c == '/')
            })
            .collect();
        assert_eq!(numbers, [want.as_str()], "page {}", i + 1);
        assert!(
            page.iter().any(|r| r.text.contains("2026年11月29日")),
            "date on page {}",
            i + 1
        );
    }
    assert!(
        (p.width - 595.28).abs() < 0.5 && (p.height - 841.89).abs() < 0.5,
        "A4"
    );
}

/// Kohazeya with the company's own Japanese texts replaced, so that any Japanese left in the
/// English report comes from the program.
fn kohazeya_in_english() -> Assessment {
    let mut a = kohazeya();
    a.company.name = "Kohazeya (fictional)".into();
    a.assessor = "Workshop".into();
    for e in a.answers.values_mut() {
        e.note.clear();
    }
    a.adviser = Default::default();
    a
}

/// Every English text of the questionnaire and the strings, one per line.
fn english_corpus(b: &Bundle) -> String {
    let mut out: Vec<&str> = b.strings.values().map(|t| t.en.as_str()).collect();
    for (c, q) in b.questions() {
        out.extend([c.title.en.as_str(), q.text.en.as_str(), q.help.en.as_str()]);
    }
    for a in &b.advice {
        out.extend([
            a.title.en.as_str(),
            a.problem.en.as_str(),
            a.first_step.en.as_str(),
        ]);
        out.extend(a.actions.iter().map(|t| t.en.as_str()));
    }
    for c in &b.contacts {
        out.extend([
            c.name.en.as_str(),
            c.organisation.en.as_str(),
            c.handles.en.as_str(),
        ]);
        out.extend(c.hours.iter().map(|t| t.en.as_str()));
        out.extend(c.note.iter().map(|t| t.en.as_str()));
    }
    out.join("\n")
}

#[test]
fn english_report_has_no_japanese_only_text() {
    let b = bundle();
    let a = kohazeya_in_english();
    for adviser_copy in [false, true] {
        let pdf = render(&b, &a, &opts(Lang::En, adviser_copy)).unwrap();
        let p = Parsed::new(&pdf);
        // Japanese may appear only where the English content itself quotes a Japanese term,
        // e.g. "secrecy management (秘密管理性)"; no Japanese label or text may leak in.
        let english = english_corpus(&b);
        let text = p.text();
        let mut leaked = Vec::new();
        for line in text.lines() {
            for run in line.split(|c: char| !is_cjk(c)).filter(|r| !r.is_empty()) {
                if !english.contains(run) {
                    leaked.push(line.to_string());
                }
            }
        }
        assert!(
            leaked.is_empty(),
            "Japanese in the English report: {leaked:#?}"
        );
        let flat = p.flat();
        assert!(flat.contains(&squash(b.s("report.plan", Lang::En))));
        assert!(flat.contains(&squash("2026-11-29")));
        for c in served(&b, &a) {
            if let Some(phone) = c.phone_display(Lang::En) {
                assert!(flat.contains(&squash(&phone)), "phone of {}", c.id);
            }
        }
    }
    // The company's own name and notes are printed as written, also in English.
    let pdf = render(&b, &kohazeya(), &opts(Lang::En, false)).unwrap();
    assert!(Parsed::new(&pdf).flat().contains("こはぜ屋"));
}

#[test]
fn private_notes_only_in_the_advisers_copy() {
    let b = bundle();
    let mut a = kohazeya();
    a.adviser.general = "PRIVATE-GENERAL 社長は退職者対策に消極的".into();
    a.adviser.per_question.insert(
        "quick.rules".into(),
        "PRIVATE-QUESTION 規程の草案あり".into(),
    );
    for lang in Lang::ALL {
        let company = Parsed::new(&render(&b, &a, &opts(lang, false)).unwrap()).flat();
        assert!(
            !company.contains(&squash("PRIVATE")),
            "{lang:?}: private note in the company's copy"
        );
        assert!(!company.contains(&squash(b.s("report.private", lang))));
        let adviser = Parsed::new(&render(&b, &a, &opts(lang, true)).unwrap()).flat();
        assert!(
            adviser.contains(&squash("PRIVATE-GENERAL 社長は退職者対策に消極的")),
            "{lang:?}"
        );
        assert!(
            adviser.contains(&squash("PRIVATE-QUESTION 規程の草案あり")),
            "{lang:?}"
        );
        assert!(adviser.contains(&squash(b.s("report.private", lang))));
        assert!(adviser.contains(&squash(b.s("report.adviser_copy", lang))));
    }
}

fn assert_inside_margins(pdf: &[u8]) -> Parsed {
    let p = Parsed::new(pdf);
    let m = FontMetrics::bundled().unwrap();
    let s = PageSetup::A4;
    for (i, page) in p.pages.iter().enumerate() {
        for r in page {
            let w = m.width(&r.text, r.size);
            assert!(r.size > 0.0, "{r:?}");
            assert!(
                r.x >= s.left - 0.5,
                "page {}: left of the margin: {r:?}",
                i + 1
            );
            assert!(
                r.x + w <= p.width - s.right + 0.5,
                "page {}: past the right margin by {:.1} pt: {r:?}",
                i + 1,
                r.x + w - (p.width - s.right)
            );
            assert!(
                r.y - r.size >= s.top - 12.0,
                "page {}: above the top margin: {r:?}",
                i + 1
            );
            assert!(
                r.y <= p.height - 20.0,
                "page {}: below the page body: {r:?}",
                i + 1
            );
        }
    }
    p
}

#[test]
fn edge_cases_render_inside_the_margins() {
    let b = bundle();
    // Empty assessment.
    let empty = Assessment::new(&b, Date::parse("2026-11-22").unwrap());
    for lang in Lang::ALL {
        let p = assert_inside_margins(&render(&b, &empty, &opts(lang, true)).unwrap());
        assert!(p.has(b.s("report.summary.none", lang)));
        assert!(p.has(b.s("report.company_none", lang)));
    }
    // All yes: no findings, no action plan, no case pages.
    let yes = common::all(&b, Answer::Yes);
    let p = assert_inside_margins(&render(&b, &yes, &opts(Lang::Ja, false)).unwrap());
    let flat = p.flat();
    assert!(flat.contains(&squash(b.s("report.plan.none", Lang::Ja))));
    assert!(flat.contains(&squash(b.s("report.cases.none", Lang::Ja))));
    assert!(!flat.contains(&squash(&format!("[{}・", b.s("severity.high", Lang::Ja)))));
    // All no, with a 500-character company name, assessor and notes, in both languages.
    let mut no = common::all(&b, Answer::No);
    let long_ja = "株式会社とても長い名前の会社「秘密」、".repeat(25);
    no.company.name = long_ja.chars().take(500).collect();
    no.assessor = "Averyveryverylongassessornamewithoutanyspaces".repeat(11);
    let note = format!("{} {}", "メモ:(確認)ー".repeat(40), "word ".repeat(40));
    for e in no.answers.values_mut() {
        e.note = note.clone();
    }
    no.adviser.general = "x".repeat(500);
    no.adviser
        .per_question
        .insert("quick.rules".into(), note.clone());
    for lang in Lang::ALL {
        let p = assert_inside_margins(&render(&b, &no, &opts(lang, true)).unwrap());
        assert!(p.has(&no.company.name), "{lang:?}: the long name, whole");
        assert!(
            p.has(&no.assessor),
            "{lang:?}: the long word, whole: {}",
            p.text()
        );
    }
}

#[test]
fn a_table_header_repeats_on_every_page_it_runs_over() {
    use mamori::report::layout::{Column, Layout, Table, TextStyle};
    let mut l = Layout::new("t", PageSetup::A4).unwrap();
    let col = |title: &str| Column {
        title: title.into(),
        share: 0.5,
    };
    let rows = (1..=150)
        .map(|i| vec![format!("row {i}"), "cell".to_string()])
        .collect();
    l.table(
        &Table {
            columns: vec![col("HeadA"), col("HeadB")],
            rows,
            min_row_height: 0.0,
            no_header: false,
        },
        TextStyle::SMALL,
    );
    let p = Parsed::new(&l.finish("footer").pdf);
    assert!(p.pages.len() >= 3, "{}", p.pages.len());
    for (i, page) in p.pages.iter().enumerate() {
        let first = page
            .iter()
            .min_by(|a, b| a.y.total_cmp(&b.y))
            .map(|r| r.text.as_str());
        assert_eq!(first, Some("HeadA"), "page {}", i + 1);
    }
}

#[test]
fn full_reports_stay_under_300_kb_with_a_subset_font() {
    let b = bundle();
    for (name, a) in [
        ("kohazeya", kohazeya()),
        ("all no", common::all(&b, Answer::No)),
    ] {
        for lang in Lang::ALL {
            let pdf = render(&b, &a, &opts(lang, false)).unwrap();
            assert!(
                pdf.len() < 300 * 1024,
                "{name} {lang:?}: {} KB",
                pdf.len() / 1024
            );
            // The whole font is 4.6 MB: only a subset can fit.
            assert!(pdf.len() < mamori::assets::JAPANESE_FONT.len() / 10);
        }
    }
}

#[test]
fn write_is_atomic() {
    let b = bundle();
    let a = kohazeya();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    write(&out, &b, &a, &opts(Lang::Ja, false)).unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "temp file left behind");
    // A missing folder: an error that names the path, and no file.
    let bad = dir.path().join("missing/r.pdf");
    let e = write(&bad, &b, &a, &opts(Lang::Ja, false))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("missing/r.pdf") && e.contains("no file was left"),
        "{e}"
    );
    assert!(!bad.exists());
    // An assessment of another questionnaire: refused, the old report stays.
    let before = std::fs::read(&out).unwrap();
    let mut other = a.clone();
    other.questionnaire.id = "other".into();
    assert!(write(&out, &b, &other, &opts(Lang::Ja, false)).is_err());
    assert_eq!(std::fs::read(&out).unwrap(), before);
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn cli_report_writes_the_pdf_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let kohazeya = common::root().join("examples/workshop/kohazeya.ron");
    let out = dir.path().join("k.pdf");
    let o = mamori(&["report", s(&kohazeya), "--out", s(&out), "--lang", "en"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p = Parsed::new(&std::fs::read(&out).unwrap());
    assert!(p.has("Trade secret and IP partnership self-check report"));
    // Unwritable path.
    let bad = dir.path().join("no/such/folder/k.pdf");
    let o = mamori(&["report", s(&kohazeya), "--out", s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("writing the report failed"), "{err}");
    assert!(!bad.exists());
    // Invalid assessment: error with file:line:col, no PDF.
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "Assessment(format_version: 1, questionnaire: (id: \"mamori\"",
    )
    .unwrap();
    let out2 = dir.path().join("b.pdf");
    let o = mamori(&["report", s(&broken), "--out", s(&out2)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.ron:1:"), "{err}");
    assert!(!out2.exists());
}

#[test]
fn every_report_string_used_in_the_code_exists_in_both_languages() {
    let b = bundle();
    let mut keys = Vec::new();
    for f in std::fs::read_dir(common::root().join("src/report")).unwrap() {
        let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
        for part in text.split('"').skip(1).step_by(2) {
            if part.starts_with("report.") && !part.ends_with('.') {
                keys.push(part.to_string());
            }
        }
    }
    assert!(keys.len() > 30, "{keys:?}");
    for k in keys {
        let t = b.strings.get(&k).unwrap_or_else(|| panic!("{k} missing"));
        assert!(!t.ja.trim().is_empty() && !t.en.trim().is_empty(), "{k}");
        assert!(
            !t.en.chars().any(is_cjk),
            "{k}: Japanese in the English string"
        );
    }
}

#[test]
fn the_report_names_sources_and_desk_dates_but_never_a_seed_file() {
    let b = bundle();
    let a = kohazeya();
    for lang in Lang::ALL {
        let p = Parsed::new(&render(&b, &a, &opts(lang, false)).unwrap());
        let flat = p.flat();
        for f in mamori::model::schema::SEED_FILES {
            assert!(
                !flat.contains(f) && !flat.contains(&f[4..20]),
                "{lang:?}: {f}"
            );
        }
        let leaflet = b.source_title("001_1578f215ca40627e.txt", lang);
        assert!(p.has(&leaflet), "{lang:?}: {leaflet}");
        for c in served(&b, &a) {
            assert!(
                p.has(c.as_of.get(lang)),
                "{lang:?}: {} {}",
                c.id,
                c.as_of.get(lang)
            );
        }
    }
}

#[test]
fn the_to_confirm_section_lists_unknown_answers_or_says_in_one_line_there_are_none() {
    use mamori::model::schema::ChecklistKind;
    let b = bundle();
    let mut a = common::all(&b, Answer::Yes);
    let flat = |a: &Assessment| Parsed::new(&render(&b, a, &opts(Lang::Ja, false)).unwrap()).flat();
    let s = |key: &str| squash(b.s(key, Lang::Ja));
    let none = flat(&a);
    assert!(none.contains(&s("report.confirm.nothing")));
    assert!(!none.contains(&s("report.confirm.unknown")));
    // One "don't know": both lists, the question under the first.
    let (_, q) = b
        .questions()
        .find(|(c, _)| c.kind != ChecklistKind::Screening)
        .unwrap();
    a.answers.get_mut(&q.id).unwrap().value = Some(Answer::Unknown);
    let one = flat(&a);
    assert!(!one.contains(&s("report.confirm.nothing")));
    let unknown = one
        .find(&s("report.confirm.unknown"))
        .expect("the list of unknowns");
    let review = one
        .find(&s("report.confirm.review"))
        .expect("the flagged list");
    let asked = one[unknown..review].contains(&squash(&q.text.ja));
    assert!(asked, "{} under 「わからない」", q.id);
}
