//! Encrypted files beyond the open check: the comparison and the class view ask for their
//! passphrase, "Save encrypted…" asks what to do with the unencrypted original, and the recent
//! files name encrypted files neutrally.

use crate::common::ui::{
    click, click_key, harness, has_text, s, start_new, step_while, type_into, visit,
    wait_for_opening,
};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use mamori::app::secure::PassPurpose;
use mamori::app::{ClassCommand, CompareCommand, FileCommand, MamoriApp, Nav, Screen};
use mamori::model::crypt::{is_encrypted, SecretString, WorkFactor};
use mamori::model::schema::Answer;

const PASS: &str = "研修の合言葉";

fn save_encrypted(a: &mamori::model::assessment::Assessment, path: &std::path::Path) {
    let pass = SecretString::from(PASS.to_string());
    a.save_with_work(path, Some(&pass), WorkFactor::LogN(4))
        .unwrap();
}

fn type_key(h: &mut Harness<'_, MamoriApp>, key: &str, text: &str) {
    let label = s(h, key);
    type_into(h, &label, text);
}

fn purpose(h: &Harness<'_, MamoriApp>) -> Option<PassPurpose> {
    h.state().pass_prompt.as_ref().map(|p| p.purpose.clone())
}

#[test]
fn the_comparison_and_the_class_view_ask_the_passphrase_of_encrypted_files() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    save_encrypted(&visit("2026-01-10", Answer::No), &old);
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    visit("2026-11-22", Answer::No)
        .save(&class.join("p1.ron"))
        .unwrap();
    visit("2026-11-22", Answer::Partly)
        .save(&class.join("p2.ron"))
        .unwrap();
    save_encrypted(&visit("2026-11-22", Answer::Yes), &class.join("p3.ron"));

    let mut h = harness(dir.path());
    start_new(&mut h, "比較精工");
    h.state_mut().send(Nav::Go(Screen::Compare));
    h.state_mut().send(CompareCommand::Add(old.clone()));
    h.run();
    assert_eq!(purpose(&h), Some(PassPurpose::Compare(old.clone())));
    assert!(has_text(&h, &s(&h, "ui.pass_compare_title")));
    type_key(&mut h, "ui.passphrase", "違う");
    click_key(&mut h, "ui.pass_open_do");
    wait_for_opening(&mut h);
    assert!(has_text(&h, &s(&h, "ui.pass_wrong")));
    assert!(h.state().compare.older.is_empty());
    type_key(&mut h, "ui.passphrase", PASS);
    click_key(&mut h, "ui.pass_open_do");
    wait_for_opening(&mut h);
    assert!(h.state().pass_prompt.is_none());
    assert_eq!(h.state().compare.older.len(), 1);
    assert!(has_text(&h, &s(&h, "score.cmp_resolved")));

    // The class: the two plain files at once, the encrypted one after its passphrase.
    h.state_mut().send(Nav::Go(Screen::Class));
    h.state_mut().send(ClassCommand::Add(class.clone()));
    h.run();
    assert_eq!(purpose(&h), Some(PassPurpose::Class(class.join("p3.ron"))));
    assert!(has_text(&h, &s(&h, "ui.pass_class_title")));
    let participants = |n: usize| format!("{}: {n}", s(&h, "score.agg_participants"));
    let (two, three) = (participants(2), participants(3));
    assert!(has_text(&h, &two));
    // Until then it is listed as encrypted, in the window's language (the English technical
    // reason only on hover), and counted as such, not as a broken file.
    let listed = format!("・p3.ron: {}", s(&h, "ui.error_kind_encrypted"));
    assert!(has_text(&h, &listed), "{listed}");
    assert!(!h
        .query_all_by_label_contains("the file is encrypted")
        .any(|_| true));
    let counted = format!("・{}: 1", s(&h, "score.agg_skip.encrypted"));
    assert!(has_text(&h, &counted), "{counted}");
    type_key(&mut h, "ui.passphrase", PASS);
    submit_class_passphrase(&mut h);
    wait_for_class(&mut h);
    assert!(has_text(&h, &three), "the encrypted participant is counted");
}

/// Opens `file`, asks "Save encrypted…" to `target`, types the passphrase twice, and picks
/// `choice` (a UI string key) for the original when given.
fn save_encrypted_as(
    h: &mut Harness<'_, MamoriApp>,
    file: &std::path::Path,
    target: &std::path::Path,
    choice: Option<&str>,
) {
    h.state_mut().send(FileCommand::Open(file.to_path_buf()));
    h.run();
    click_key(h, "ui.save_encrypted");
    h.state_mut().pass_prompt.as_mut().unwrap().path = target.display().to_string();
    h.run();
    type_key(h, "ui.passphrase", PASS);
    type_key(h, "ui.passphrase_again", PASS);
    if let Some(key) = choice {
        h.get_by_label(&s(h, key)).click();
        h.run();
    }
    click_key(h, "ui.save_encrypted_do");
    wait_for_opening(h);
    assert!(h.state().pass_prompt.is_none(), "{:?}", h.state().error);
    assert!(is_encrypted(&std::fs::read(target).unwrap()));
}

#[test]
fn save_encrypted_asks_about_the_plaintext_original_and_recent_files_stay_neutral() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let own = dir.path().join("mine");
    std::fs::create_dir_all(&own).unwrap();
    let (kept, deleted) = (own.join("比較精工-1.ron"), own.join("比較精工-2.ron"));
    visit("2026-05-10", Answer::Partly).save(&kept).unwrap();
    visit("2026-09-10", Answer::Yes).save(&deleted).unwrap();
    let mut h = harness(&data);

    // The user's own file: the dialog asks, "keep" is chosen first and said after saving.
    h.state_mut().send(FileCommand::Open(kept.clone()));
    h.run();
    click_key(&mut h, "ui.save_encrypted");
    h.state_mut().pass_prompt.as_mut().unwrap().path =
        own.join("secret-1.ron").display().to_string();
    h.run();
    assert!(has_text(&h, &s(&h, "ui.original_heading")));
    assert!(h
        .state()
        .pass_prompt
        .as_ref()
        .is_some_and(|p| !p.delete_original));
    click_key(&mut h, "ui.cancel");
    save_encrypted_as(&mut h, &kept, &own.join("secret-1.ron"), None);
    assert!(kept.is_file(), "the original was to be kept");
    let notice = h.state().notice.clone().unwrap_or_default();
    assert!(notice.contains(&s(&h, "ui.original_kept")), "{notice}");

    // Chosen: delete. The original and its backup are gone.
    std::fs::write(mamori::model::fsutil::backup_path(&deleted), b"old").unwrap();
    save_encrypted_as(
        &mut h,
        &deleted,
        &own.join("secret-2.ron"),
        Some("ui.original_delete"),
    );
    assert!(!deleted.exists());
    assert!(!mamori::model::fsutil::backup_path(&deleted).exists());
    assert!(!h.state().prefs.recent.contains(&deleted));

    // The start page names the encrypted files neutrally; the kept plaintext file by its path.
    h.state_mut().send(Nav::Go(Screen::Start));
    h.run();
    let prefix = s(&h, "ui.recent_encrypted")
        .split("{date}")
        .next()
        .unwrap()
        .to_string();
    let buttons: Vec<String> = h
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(
        buttons.iter().filter(|l| l.starts_with(&prefix)).count(),
        2,
        "{buttons:?}"
    );
    assert!(
        !buttons.iter().any(|l| l.contains("secret-")),
        "{buttons:?}"
    );
    assert!(buttons.contains(&kept.display().to_string()), "{buttons:?}");
    click(
        &mut h,
        &buttons
            .iter()
            .find(|l| l.starts_with(&prefix))
            .unwrap()
            .clone(),
    );
    assert!(matches!(purpose(&h), Some(PassPurpose::Open(_))));
}

/// Clicks 「開く」 in the class view's passphrase dialog and steps frames until the
/// passphrase is checked (the class's spinner then keeps repainting, so no `run`).
fn submit_class_passphrase(h: &mut Harness<'_, MamoriApp>) {
    h.get_by_label(&s(h, "ui.pass_open_do")).click();
    step_while(h, ("checking the passphrase", 20), |a| {
        a.pass_prompt.is_some()
    });
}

/// Steps frames until the class view's files are read (on its worker thread).
fn wait_for_class(h: &mut Harness<'_, MamoriApp>) {
    step_while(h, ("reading the class", 20), |a| a.class.reading.is_some());
    h.run();
}

/// With a passphrase the class's encrypted files are read on a worker thread: the window
/// goes on drawing, the page says what it is doing, and the picture appears afterwards.
#[test]
fn the_class_views_encrypted_files_are_read_while_the_window_draws() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    // A real work factor, so the key derivation takes a noticeable time.
    let pass = SecretString::from(PASS.to_string());
    visit("2026-11-22", Answer::Yes)
        .save_with_work(&class.join("p1.ron"), Some(&pass), WorkFactor::LogN(14))
        .unwrap();
    let mut h = harness(dir.path());
    h.state_mut().send(Nav::Go(Screen::Class));
    h.state_mut().send(ClassCommand::Add(class.clone()));
    h.run();
    type_key(&mut h, "ui.passphrase", PASS);
    submit_class_passphrase(&mut h);
    assert!(h.state().class.reading.is_some(), "read on a worker thread");
    let frames_before = h.ctx.cumulative_frame_nr();
    h.step();
    assert!(
        h.ctx.cumulative_frame_nr() > frames_before,
        "the window drew a frame"
    );
    assert!(has_text(&h, &s(&h, "ui.class_reading")), "the page says so");
    wait_for_class(&mut h);
    assert!(!has_text(&h, &s(&h, "ui.class_reading")));
    let one = format!("{}: 1", s(&h, "score.agg_participants"));
    assert!(has_text(&h, &one), "the encrypted participant is counted");
}
