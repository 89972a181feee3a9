//! The start page: 「前回の続きから」 (Continue) says what it continues — company, date of the
//! check and how much is answered — never the file's path.

use crate::common::ui::{click, harness_in, has_text, s, start_new};

use egui_kittest::kittest::{NodeT, Queryable};
use mamori::app::{DocCommand, Prefs};
use mamori::model::assessment::Mode;
use mamori::model::date::Date;
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;
use mamori::model::scoring::score;
use mamori::model::text::Lang;

#[test]
fn continue_names_company_date_and_progress_not_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_in(dir.path(), Mode::SelfCheck);
    start_new(&mut h, "株式会社つづき");
    for q in ["quick.rules", "quick.pc", "quick.departing"] {
        h.state_mut()
            .send(DocCommand::Answer(q.into(), Answer::Partly));
        h.run();
    }
    h.state_mut().flush();
    let path = h.state().doc.as_ref().unwrap().path.clone();
    let b = load_embedded().bundle;
    let a = mamori::model::assessment::Assessment::load(&path).unwrap();
    let (n, m) = score(&b, &a).progress();
    assert_eq!(n, 3);

    for lang in Lang::ALL {
        let prefs = Prefs {
            lang,
            last_file: Some(path.clone()),
            ..Prefs::default()
        };
        let mut h = crate::common::ui::harness_sized(dir.path(), prefs, [1100.0, 2000.0]);
        let label = format!(
            "{} (株式会社つづき  {}  {} {n} / {m})",
            s(&h, "ui.continue"),
            Date::today().display(lang),
            s(&h, "score.answered")
        );
        assert!(has_text(&h, &label), "{lang:?}: no '{label}'");
        assert!(
            !has_text(&h, &path.display().to_string()),
            "the path is shown"
        );
        click(&mut h, &label);
        let doc = h.state().doc.as_ref().expect("continue opens the check");
        assert_eq!(doc.assessment.company.name, "株式会社つづき");
    }
}

/// A file whose company is `oops` instead of a `CompanyProfile`: the Japanese window says
/// what happened, where (file:line:col) and what to do in Japanese; the parser's English is
/// only behind 「詳細」.
#[test]
fn a_broken_file_is_explained_in_japanese_with_the_parser_text_behind_details() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_in(dir.path(), Mode::SelfCheck);
    let broken = dir.path().join("壊れた.ron");
    let b = load_embedded().bundle;
    let a = mamori::model::assessment::Assessment::new(&b, Date::today());
    a.save(&broken).unwrap();
    let text = std::fs::read_to_string(&broken).unwrap();
    let start = text.find("company:").expect("the file names its company");
    let end = start + text[start..].find("\n    ),").expect("the company ends") + 7;
    std::fs::write(
        &broken,
        format!("{}company: oops,{}", &text[..start], &text[end..]),
    )
    .unwrap();
    h.state_mut()
        .send(mamori::app::FileCommand::Open(broken.clone()));
    h.run();
    let detail = h.state().error_detail.clone().expect("the detail is kept");
    assert!(detail.contains("CompanyProfile"), "{detail}");
    assert!(detail.contains("oops"), "{detail}");
    let shown: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Label)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let message = h.state().error.clone().unwrap();
    assert!(message.contains("壊れた.ron:"), "{message}");
    for english in [
        "CompanyProfile",
        "Expected",
        "expected",
        "found",
        "docs/",
        "oops",
    ] {
        assert!(
            !shown.iter().any(|l| l.contains(english)),
            "'{english}' outside 詳細: {shown:#?}"
        );
    }
    // 「詳細」 opens the parser's own words.
    let details = s(&h, "ui.error_detail");
    h.get_by_label(&details).click();
    h.run();
    assert!(has_text(&h, "CompanyProfile"));
}
