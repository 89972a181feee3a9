//! The desktop app driven headless through its AccessKit labels (egui_kittest). kittest also
//! panics on any glyph the fonts lack, so every page visited here is proven free of tofu.

use crate::common::ui::{click, harness_sized, has_text, s, tab_to};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use mamori::app::{DocCommand, FileCommand, MamoriApp, Nav, Prefs, Screen};
use mamori::model::assessment::{Assessment, Mode};
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;
use mamori::model::text::Lang;

fn harness(dir: &std::path::Path, prefs: Prefs) -> Harness<'static, MamoriApp> {
    harness_sized(dir, prefs, [1100.0, 3000.0])
}

fn answer_label(h: &Harness<'_, MamoriApp>, a: Answer) -> String {
    let i = Answer::ALL.iter().position(|x| *x == a).unwrap() + 1;
    format!("{i}  {}", s(h, a.string_key()))
}

fn start_new(h: &mut Harness<'_, MamoriApp>, company: &str) {
    h.state_mut().form.company = company.into();
    let begin = s(h, "ui.begin");
    click(h, &begin);
}

fn current_question(h: &Harness<'_, MamoriApp>) -> String {
    match &h.state().screen {
        Screen::Question(q) => q.clone(),
        other => panic!("not on a question page: {other:?}"),
    }
}

#[test]
fn quick_check_by_clicking_ends_on_results_with_findings_and_case_links() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "株式会社テスト");
    let bundle = load_embedded().bundle;
    let quick = bundle.checklist("quick").unwrap();
    for (i, q) in quick.questions.iter().enumerate() {
        assert_eq!(current_question(&h), q.id);
        assert!(has_text(&h, q.text.get(Lang::Ja)), "{}", q.id);
        let a = if i == 0 { Answer::No } else { Answer::Yes };
        let label = answer_label(&h, a);
        click(&mut h, &label);
    }
    // The end of the quick check: the overview, with the leaflet's advice to consult.
    assert_eq!(h.state().screen, Screen::Overview);
    assert!(has_text(&h, &s(&h, "ui.consult_heading")));
    assert!(
        has_text(&h, &s(&h, "ui.suggested")),
        "the weak area is suggested first"
    );
    assert_eq!(
        h.state().checklist_order()[2],
        "rules",
        "quick.rules was weak, so rules comes first"
    );

    let results = s(&h, "ui.nav_results");
    click(&mut h, &results);
    assert_eq!(h.state().screen, Screen::Results);
    let rules_q = &quick.questions[0];
    assert!(
        has_text(&h, rules_q.text.get(Lang::Ja)),
        "the finding names the question"
    );
    assert!(has_text(&h, &s(&h, "severity.high")));
    // Each finding offers its advice; opening it shows the case page.
    let first_advice = bundle.advice(&rules_q.advice[0]).unwrap();
    let read = format!("{}: {}", s(&h, "ui.read"), first_advice.title.get(Lang::Ja));
    click(&mut h, &read);
    assert_eq!(
        h.state().screen,
        Screen::Cases(Some(first_advice.id.clone()))
    );
    assert!(has_text(&h, first_advice.first_step.get(Lang::Ja)));
}

#[test]
fn keys_one_to_five_answer_and_advance() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "");
    h.key_press(egui::Key::Num3);
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    h.key_press(egui::Key::Num4);
    h.run();
    let a = &h.state().doc.as_ref().unwrap().assessment;
    assert_eq!(a.answer("quick.rules"), Some(Answer::No));
    assert_eq!(a.answer("quick.pc"), Some(Answer::Yes));
    assert_eq!(a.answer("quick.departing"), Some(Answer::Unknown));
    assert_eq!(current_question(&h), "quick.marking");
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(current_question(&h), "quick.departing");
    // Undo restores the last answer change.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state()
            .doc
            .as_ref()
            .unwrap()
            .assessment
            .answer("quick.departing"),
        None
    );
}

#[test]
fn screening_no_hides_the_licence_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "");
    assert!(h.state().flow().iter().any(|q| q.starts_with("license.")));
    h.state_mut()
        .send(Nav::Go(Screen::Question("screen.licensing".into())));
    h.run();
    let no = answer_label(&h, Answer::No);
    click(&mut h, &no);
    assert!(!h.state().flow().iter().any(|q| q.starts_with("license.")));
    h.state_mut().send(Nav::Go(Screen::Overview));
    h.run();
    assert!(has_text(&h, &s(&h, "ui.not_applicable_why")));
}

#[test]
fn language_switch_changes_labels_and_content() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "");
    let bundle = load_embedded().bundle;
    let q = bundle.question("quick.rules").unwrap().1.clone();
    assert!(has_text(&h, &q.text.ja));
    let settings = s(&h, "ui.nav_settings");
    click(&mut h, &settings);
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().prefs.lang, Lang::En);
    assert!(h.query_by_role_and_label(Role::Button, "Results").is_some());
    h.state_mut()
        .send(Nav::Go(Screen::Question("quick.rules".into())));
    h.run();
    assert!(has_text(&h, &q.text.en));
    assert!(!has_text(&h, &q.text.ja));
}

#[test]
fn a_broken_file_shows_an_error_and_keeps_the_open_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "開いている会社");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Assessment(\n    format_version: 1,\n    questionnaire: (id: \"mamori\", version: 1),\n    date: \"2026-11-22\",\n    mode: Boss,\n)\n").unwrap();
    let before = std::fs::read(&broken).unwrap();
    h.state_mut().send(Nav::Go(Screen::Start));
    h.run();
    h.state_mut().form.open_path = broken.display().to_string();
    let open = s(&h, "ui.open_typed");
    click(&mut h, &open);
    let err = h.state().error.clone().expect("an error is shown");
    assert!(err.contains("broken.ron:5:11"), "{err}");
    assert!(has_text(&h, "broken.ron:5:11"));
    assert_eq!(
        h.state().doc.as_ref().unwrap().assessment.company.name,
        "開いている会社"
    );
    assert_eq!(
        std::fs::read(&broken).unwrap(),
        before,
        "the bad file is untouched"
    );
    let close = s(&h, "ui.close");
    click(&mut h, &close);
    assert!(h.state().error.is_none());

    // A PDF renamed to .ron.
    std::fs::write(&broken, b"%PDF-1.7\n\xff\xfe junk").unwrap();
    h.state_mut().send(FileCommand::Open(broken.clone()));
    h.run();
    let detail = h.state().error_detail.clone().unwrap();
    assert!(detail.contains("UTF-8"), "{detail}");
}

#[test]
fn every_answer_is_autosaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "自動保存");
    let no = answer_label(&h, Answer::No);
    click(&mut h, &no);
    let path = h.state().doc.as_ref().unwrap().path.clone();
    assert!(path.starts_with(dir.path()));
    let saved = Assessment::load(&path).unwrap();
    assert_eq!(saved.company.name, "自動保存");
    assert_eq!(saved.answer("quick.rules"), Some(Answer::No));
    assert_eq!(h.state().prefs.last_file.as_deref(), Some(path.as_path()));
    // A note is saved shortly after typing stops, and at the latest when the app saves.
    h.state_mut()
        .doc
        .as_mut()
        .unwrap()
        .assessment
        .answers
        .get_mut("quick.rules")
        .unwrap()
        .note = "メモ".into();
    h.state_mut().send(DocCommand::Edited);
    h.run();
    h.state_mut().flush();
    assert_eq!(
        Assessment::load(&path).unwrap().answers["quick.rules"].note,
        "メモ"
    );
}

#[test]
fn adviser_notes_are_visible_in_adviser_mode_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "");
    let private = s(&h, "ui.adviser_note");
    assert!(!has_text(&h, &private));

    let mut h = harness(dir.path(), Prefs::default());
    h.state_mut().form.mode = Mode::Adviser;
    start_new(&mut h, "");
    assert!(has_text(&h, &private));
    h.get_by_label(&private).focus();
    h.run();
    h.state_mut()
        .doc
        .as_mut()
        .unwrap()
        .assessment
        .adviser
        .per_question
        .insert("quick.rules".into(), "非公開".into());
    let results = s(&h, "ui.nav_results");
    click(&mut h, &results);
    // The visit-wide private note is named as private, never as the company's note.
    let general = s(&h, "ui.adviser_general");
    assert_eq!(
        h.get_by_label(&general).accesskit_node().role(),
        Role::MultilineTextInput
    );
    assert!(h.query_by_label(&s(&h, "ui.note")).is_none());
}

#[test]
fn the_start_form_is_empty_again_after_a_check_has_started() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    h.state_mut().form.industry = "金属加工".into();
    start_new(&mut h, "株式会社まえの会社");
    assert_eq!(
        h.state().doc.as_ref().unwrap().assessment.company.name,
        "株式会社まえの会社"
    );
    assert_eq!(h.state().form.company, "");
    assert_eq!(h.state().form.industry, "");
}

#[test]
fn every_page_draws_in_both_languages_at_200_percent() {
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let prefs = Prefs {
            lang,
            text_scale: 2.0,
            ..Prefs::default()
        };
        // kittest keeps its own scale, so 200 % of a 1100-pixel-wide window is modelled
        // as the 550 points it leaves for the layout.
        let mut h = harness_sized(dir.path(), prefs, [550.0, 3000.0]);
        h.state_mut().send(FileCommand::OpenExample(0));
        h.run();
        for screen in [
            Screen::Start,
            Screen::Overview,
            Screen::Question("rules.written_policy".into()),
            Screen::Results,
            Screen::Cases(Some("case04".into())),
            Screen::Contacts,
            Screen::Settings,
        ] {
            h.state_mut().send(Nav::Go(screen.clone()));
            h.run();
            assert_eq!(h.state().screen, screen);
            // Nothing runs off the right edge: text wraps instead.
            let right = h.ctx.content_rect().right();
            assert!(right < 600.0, "{right}");
            for role in [
                Role::Button,
                Role::Label,
                Role::RadioButton,
                Role::TextInput,
            ] {
                for node in h.query_all_by_role(role) {
                    let r = node.rect();
                    assert!(
                        r.right() <= right + 1.0,
                        "{screen:?} {lang:?}: {role:?} {:?} ends at {} beyond {right}",
                        format!("{node:?}").chars().take(160).collect::<String>(),
                        r.right()
                    );
                }
            }
        }
        h.state_mut().send(Nav::TogglePresentation);
        h.run();
        assert!(h.state().presentation);
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(!h.state().presentation);
    }
}

#[test]
fn windows_and_macos_always_have_a_file_dialog_linux_needs_a_portal_or_zenity() {
    use mamori::app::dialogs_available_on;
    let empty = tempfile::tempdir().unwrap();
    let no_zenity = Some(empty.path().as_os_str().to_owned());
    // The Windows build once asked for a typed path because neither D-Bus nor zenity exists there.
    assert!(dialogs_available_on("windows", None, no_zenity.clone()));
    assert!(dialogs_available_on("macos", None, None));
    assert!(!dialogs_available_on("linux", None, no_zenity.clone()));
    assert!(!dialogs_available_on(
        "linux",
        Some("".into()),
        no_zenity.clone()
    ));
    assert!(dialogs_available_on(
        "linux",
        Some("unix:path=/run/bus".into()),
        no_zenity
    ));
    let with_zenity = tempfile::tempdir().unwrap();
    std::fs::write(with_zenity.path().join("zenity"), "").unwrap();
    let path = Some(with_zenity.path().as_os_str().to_owned());
    assert!(dialogs_available_on("linux", None, path));
}

#[test]
fn without_a_file_dialog_save_as_and_open_ask_for_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    assert!(!h.state().file_dialogs, "tests never open a real dialog");
    start_new(&mut h, "入力テスト株式会社");
    h.key_press(egui::Key::Num1);
    h.run();
    // Ctrl+Shift+S: no dialog on this system, so a prompt asks for the path.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.run();
    assert!(has_text(&h, &s(&h, "ui.dialog_unavailable")));
    let copy = dir.path().join("コピー.ron");
    let field = s(&h, "ui.path_label");
    h.get_by_label(&field).focus();
    h.run();
    h.state_mut().path_prompt.as_mut().unwrap().text.clear();
    h.get_by_label(&field)
        .type_text(&copy.display().to_string());
    h.run();
    let save = s(&h, "ui.save_here");
    click(&mut h, &save);
    h.run();
    assert!(h.state().path_prompt.is_none());
    assert_eq!(h.state().doc.as_ref().unwrap().path, copy);
    let saved = Assessment::load(&copy).unwrap();
    assert_eq!(saved.answer("quick.rules"), Some(Answer::Yes));

    // Ctrl+O, then Escape: the prompt closes and nothing changes.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert_eq!(
        h.state().path_prompt.as_ref().map(|p| p.purpose),
        Some(mamori::app::PathPurpose::Open)
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().path_prompt.is_none());
    assert_eq!(h.state().doc.as_ref().unwrap().path, copy);
}

#[test]
fn a_check_can_be_started_and_answered_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    // The company name is the first field of the form, before the open/file controls.
    let company = s(&h, "ui.company");
    let to_company = tab_to(&mut h, &company);
    h.get_by_label(&company).type_text("キーボード株式会社");
    h.run();
    let begin = s(&h, "ui.begin");
    let to_begin = tab_to(&mut h, &begin);
    assert!(to_begin >= 5, "Tab goes through the form fields first");
    assert!(to_company < 20, "the form comes early in the tab order");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(current_question(&h), "quick.rules");
    h.key_press(egui::Key::Num3);
    h.run();
    let doc = h.state().doc.as_ref().unwrap();
    assert_eq!(doc.assessment.company.name, "キーボード株式会社");
    assert_eq!(doc.assessment.answer("quick.rules"), Some(Answer::No));
    // From the question page, Tab reaches the results button; Enter opens the results.
    let results = s(&h, "ui.nav_results");
    tab_to(&mut h, &results);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().screen, Screen::Results);
}

#[test]
fn pages_cite_documents_by_title_and_desks_show_their_date() {
    let dir = tempfile::tempdir().unwrap();
    let b = load_embedded().bundle;
    for lang in Lang::ALL {
        let prefs = Prefs {
            lang,
            ..Prefs::default()
        };
        let mut h = harness(dir.path(), prefs);
        h.state_mut().send(FileCommand::OpenExample(0));
        h.run();
        let pages = [
            (
                Screen::Question("quick.rules".into()),
                "001_1578f215ca40627e.txt",
            ),
            (
                Screen::Cases(Some("case01".into())),
                "000_2e82ae27a30af10f.txt",
            ),
            (Screen::Contacts, "003_311f4a32c2067400.txt"),
        ];
        for (screen, cited) in pages {
            h.state_mut().send(Nav::Go(screen.clone()));
            h.run();
            let title = b.source_title(cited, lang);
            assert!(has_text(&h, &title), "{screen:?} {lang:?}: {title}");
            for f in mamori::model::schema::SEED_FILES {
                assert!(!has_text(&h, &f[4..20]), "{screen:?} {lang:?}: {f}");
            }
        }
        for c in &b.contacts {
            assert!(has_text(&h, c.as_of.get(lang)), "{lang:?}: {}", c.id);
        }
    }
}

#[test]
fn a_missing_file_is_explained_in_the_users_language_with_the_detail_behind_a_toggle() {
    for lang in [Lang::Ja, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let prefs = Prefs {
            lang,
            ..Prefs::default()
        };
        let mut h = harness(dir.path(), prefs);
        let missing = dir.path().join("ない.ron");
        h.state_mut().send(FileCommand::Open(missing.clone()));
        h.run();
        let err = h.state().error.clone().expect("an error is shown");
        // What happened, where, what to do — and no OS jargon.
        assert!(err.contains(&s(&h, "ui.error_kind_not_found")), "{err}");
        assert!(err.contains(&s(&h, "ui.error_todo_not_found")), "{err}");
        assert!(err.contains("ない.ron"), "{err}");
        assert!(!err.contains("os error"), "{err}");
        assert!(!has_text(&h, "os error"), "the detail is folded away");
        // 「詳細」 shows the technical text.
        let details = s(&h, "ui.error_detail");
        h.get_by_label(&details).click();
        h.run();
        assert!(has_text(&h, "os error 2"), "the detail opens");
        assert!(h
            .state()
            .error_detail
            .as_ref()
            .unwrap()
            .contains("os error 2"));
        let close = s(&h, "ui.close");
        click(&mut h, &close);
        assert!(h.state().error.is_none() && h.state().error_detail.is_none());
    }
}

#[test]
fn every_error_kind_has_its_words_in_both_languages() {
    let b = load_embedded().bundle;
    for kind in mamori::model::assessment::ErrorKind::ALL {
        for part in ["kind", "todo"] {
            let key = format!("ui.error_{part}_{}", kind.key());
            for lang in [Lang::Ja, Lang::En] {
                let text = b.s(&key, lang);
                assert!(!text.is_empty() && text != key, "{key} missing in {lang:?}");
            }
        }
    }
}

/// The results page says the verdict, not the score's band: an otherwise all-yes company with
/// one critical gap reads 要改善 with that gap's first step, never 良好.
#[test]
fn results_show_the_verdict_and_the_first_step_of_a_critical_gap() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "株式会社判定");
    let bundle = load_embedded().bundle;
    let gap = "nda.sign_before_disclose";
    {
        let a = &mut h.state_mut().doc.as_mut().unwrap().assessment;
        for (_, q) in bundle.questions() {
            a.set_answer(&q.id, Some(Answer::Yes));
        }
        a.set_answer(gap, Some(Answer::No));
    }
    h.state_mut().send(Nav::Go(Screen::Results));
    h.run();
    let verdict = s(&h, "verdict.heading");
    assert!(has_text(
        &h,
        &format!("{verdict}:{}", s(&h, "band.needs_improvement"))
    ));
    assert!(!has_text(&h, &format!("{verdict}:{}", s(&h, "band.good"))));
    let step = bundle.question(gap).unwrap().1.first_step.clone().unwrap();
    assert!(has_text(&h, &step.ja), "the gap's first step is shown");
}

/// The desks page: with a check open for a company in 埼玉県 the Kansai desk (近畿 only) is not
/// offered, and the pamphlet's enquiry line is listed apart as an information contact.
#[test]
fn desks_page_follows_the_prefecture_and_lists_information_contacts_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Prefs::default());
    start_new(&mut h, "株式会社埼玉");
    h.state_mut()
        .doc
        .as_mut()
        .unwrap()
        .assessment
        .company
        .prefecture = "埼玉県".into();
    h.state_mut().send(Nav::Go(Screen::Contacts));
    h.run();
    let bundle = load_embedded().bundle;
    let name = |id: &str| bundle.contact(id).unwrap().name.ja.clone();
    // The 110 desk's note names the Kansai desk, so look for the Kansai desk's own number.
    let kansai = bundle
        .contact("kansai_senmon")
        .unwrap()
        .phone_display(Lang::Ja)
        .unwrap();
    assert!(!has_text(&h, &kansai));
    assert!(has_text(&h, &name("jpo_kikaku")));
    assert!(has_text(&h, bundle.s("desks.information", Lang::Ja)));
    h.state_mut()
        .doc
        .as_mut()
        .unwrap()
        .assessment
        .company
        .prefecture = "大阪府".into();
    h.run();
    assert!(has_text(&h, &kansai));
}
