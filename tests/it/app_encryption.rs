//! Encryption in the app: "Save encrypted…" asks the passphrase twice, autosave stays
//! encrypted with no plaintext copy anywhere, opening an encrypted file asks its passphrase
//! (a wrong one is refused and the file left as it is).

use crate::common::ui::{click, harness_sized, has_text, s, wait_for_opening};

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use mamori::app::{DocCommand, FileCommand, MamoriApp, Nav, Prefs, Screen};
use mamori::model::assessment::Assessment;
use mamori::model::crypt::{is_encrypted, SecretString, WorkFactor};
use mamori::model::load::load_embedded;
use mamori::model::schema::Answer;

const COMPANY: &str = "株式会社ひみつ工業";
const PASS: &str = "正しい 合言葉";

fn harness(dir: &std::path::Path) -> Harness<'static, MamoriApp> {
    let prefs = Prefs {
        nav_mode: mamori::model::assessment::Mode::Adviser,
        ..Prefs::default()
    };
    harness_sized(dir, prefs, [1100.0, 3000.0])
}

fn type_into(h: &mut Harness<'_, MamoriApp>, label_key: &str, text: &str) {
    let label = s(h, label_key);
    h.get_by_label(&label).focus();
    h.run();
    h.get_by_label(&label).type_text(text);
    h.run();
}

fn answer(h: &mut Harness<'_, MamoriApp>, a: Answer) {
    let i = Answer::ALL.iter().position(|x| *x == a).unwrap() + 1;
    let label = format!("{i}  {}", s(h, a.string_key()));
    click(h, &label);
}

/// Every file under `dir` (recursively) whose bytes contain `needle`.
fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            found.extend(files_containing(&p, needle));
        } else if std::fs::read(&p)
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
        {
            found.push(p);
        }
    }
    found
}

#[test]
fn save_encrypted_then_autosave_leaves_no_plaintext_anywhere() {
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(data.path());
    h.state_mut().form.company = COMPANY.into();
    let begin = s(&h, "ui.begin");
    click(&mut h, &begin);
    answer(&mut h, Answer::No);
    answer(&mut h, Answer::Yes);
    let plain_path = h.state().doc.as_ref().unwrap().path.clone();
    assert!(!files_containing(data.path(), COMPANY).is_empty());

    let save_enc = s(&h, "ui.save_encrypted");
    click(&mut h, &save_enc);
    assert!(h.state().pass_prompt.is_some());
    // The passphrase field is a password field, named for screen readers.
    let pass_label = s(&h, "ui.passphrase");
    let node = h.get_by_label(&pass_label);
    assert_eq!(node.accesskit_node().role(), Role::PasswordInput);
    // Two different passphrases: refused, said in the dialog.
    type_into(&mut h, "ui.passphrase", PASS);
    type_into(&mut h, "ui.passphrase_again", "違う");
    let go = s(&h, "ui.save_encrypted_do");
    click(&mut h, &go);
    let mismatch = s(&h, "ui.pass_mismatch");
    assert!(h.query_all_by_label_contains(&mismatch).next().is_some());
    assert!(h.state().doc.as_ref().unwrap().passphrase.is_none());
    type_into(&mut h, "ui.passphrase_again", PASS);
    click(&mut h, &go);
    wait_for_opening(&mut h);
    assert!(h.state().pass_prompt.is_none());
    let enc_path = h.state().doc.as_ref().unwrap().path.clone();
    assert_ne!(enc_path, plain_path);
    assert!(
        !enc_path.to_string_lossy().contains(COMPANY),
        "{enc_path:?}"
    );
    assert!(is_encrypted(&std::fs::read(&enc_path).unwrap()));

    // More answers and a note: autosaved (off the UI thread), still encrypted.
    h.state_mut().send(Nav::Go(Screen::Overview));
    h.run();
    let flow = h.state().flow();
    for q in flow.iter().take(4) {
        h.state_mut()
            .send(DocCommand::Answer(q.clone(), Answer::Partly));
        h.run();
    }
    h.state_mut()
        .doc
        .as_mut()
        .unwrap()
        .assessment
        .answers
        .get_mut(&flow[0])
        .unwrap()
        .note = format!("{COMPANY}の秘密メモ");
    h.state_mut().send(DocCommand::Edited);
    h.run();
    h.state_mut().flush();
    assert!(h.state().error.is_none(), "{:?}", h.state().error);

    // No plaintext copy on disk: file, backup, temp files, the data folder.
    let leaks = files_containing(data.path(), COMPANY);
    assert!(leaks.is_empty(), "plaintext company name in {leaks:?}");
    assert!(!plain_path.exists());
    let bak = mamori::model::fsutil::backup_path(&enc_path);
    assert!(is_encrypted(&std::fs::read(&bak).unwrap()));
    // The file holds the latest edits.
    let pass = SecretString::from(PASS.to_string());
    let a = Assessment::load_with(&enc_path, Some(&pass)).unwrap();
    assert_eq!(a.company.name, COMPANY);
    assert_eq!(a.answer(&flow[3]), Some(Answer::Partly));
    assert!(a.answers[&flow[0]].note.contains("秘密メモ"));
    // The old plaintext path is gone from the recent list.
    assert!(!h.state().prefs.recent.contains(&plain_path));
}

#[test]
fn opening_an_encrypted_file_asks_its_passphrase_and_refuses_a_wrong_one() {
    let data = tempfile::tempdir().unwrap();
    let b = load_embedded().bundle;
    let mut a = Assessment::new(&b, mamori::model::date::Date::parse("2026-11-22").unwrap());
    a.company.name = COMPANY.into();
    a.set_answer("quick.rules", Some(Answer::No));
    let file = data.path().join("secret.ron");
    a.save_with_work(
        &file,
        Some(&SecretString::from(PASS.to_string())),
        WorkFactor::LogN(4),
    )
    .unwrap();
    let before = std::fs::read(&file).unwrap();

    let mut h = harness(data.path());
    h.state_mut().form.company = "株式会社いま開いている".into();
    let begin = s(&h, "ui.begin");
    click(&mut h, &begin);
    h.state_mut().send(FileCommand::Open(file.clone()));
    h.run();
    let title = s(&h, "ui.pass_open_title");
    assert!(h.query_all_by_label_contains(&title).next().is_some());
    // A wrong passphrase: said in the dialog; the open check stays, the file is unchanged.
    type_into(&mut h, "ui.passphrase", "違う合言葉");
    let open = s(&h, "ui.pass_open_do");
    click(&mut h, &open);
    wait_for_opening(&mut h);
    let wrong = s(&h, "ui.pass_wrong");
    assert!(h.query_all_by_label_contains(&wrong).next().is_some());
    assert_eq!(
        h.state().doc.as_ref().unwrap().assessment.company.name,
        "株式会社いま開いている"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // The right one opens it; the check is then saved encrypted.
    type_into(&mut h, "ui.passphrase", PASS);
    click(&mut h, &open);
    wait_for_opening(&mut h);
    assert!(h.state().pass_prompt.is_none());
    let doc = h.state().doc.as_ref().unwrap();
    assert_eq!(doc.path, file);
    assert_eq!(doc.assessment.company.name, COMPANY);
    assert!(doc.passphrase.is_some());
    h.state_mut()
        .send(DocCommand::Answer("quick.pc".into(), Answer::Yes));
    h.run();
    h.state_mut().flush();
    assert!(is_encrypted(&std::fs::read(&file).unwrap()));
    assert!(files_containing(data.path(), COMPANY).is_empty());

    // A damaged encrypted file: a clear error, nothing changed.
    let damaged = data.path().join("damaged.ron");
    let mut bytes = before.clone();
    let n = bytes.len();
    bytes[n - 5] ^= 0xff;
    std::fs::write(&damaged, &bytes).unwrap();
    h.state_mut().send(FileCommand::Open(damaged.clone()));
    h.run();
    type_into(&mut h, "ui.passphrase", PASS);
    click(&mut h, &open);
    wait_for_opening(&mut h);
    let err = h.state().error_detail.clone().unwrap_or_default();
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(h.state().doc.as_ref().unwrap().path, file);
    assert_eq!(std::fs::read(&damaged).unwrap(), bytes);
}

#[test]
fn continue_with_an_encrypted_last_file_asks_its_passphrase_escape_cancels_enter_opens() {
    let data = tempfile::tempdir().unwrap();
    let b = load_embedded().bundle;
    let mut a = Assessment::new(&b, mamori::model::date::Date::parse("2026-11-22").unwrap());
    a.company.name = COMPANY.into();
    let file = data.path().join("last.ron");
    a.save_with_work(
        &file,
        Some(&SecretString::from(PASS.to_string())),
        WorkFactor::LogN(4),
    )
    .unwrap();
    let prefs = Prefs {
        last_file: Some(file.clone()),
        ..Prefs::default()
    };
    let mut app = MamoriApp::new(load_embedded().bundle, prefs, data.path().to_path_buf());
    app.work_factor = WorkFactor::LogN(4);
    // As in common::ui::harness_sized: the opened file's result repaints once more.
    let mut h = Harness::builder()
        .with_size([1100.0, 3000.0])
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut MamoriApp| app.ui(ui), app);
    h.run();
    let cont = s(&h, "ui.continue");
    // The encrypted last file is named neutrally, not by its path.
    assert!(!has_text(&h, &file.display().to_string()));
    let last = continue_label(&h);
    assert!(last.starts_with(&cont), "{last}");
    click(&mut h, &last);
    assert!(h.state().pass_prompt.is_some());
    assert!(h.state().doc.is_none());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().pass_prompt.is_none());
    assert!(h.state().doc.is_none());
    // Again, with the passphrase: the check opens.
    click(&mut h, &last);
    type_into(&mut h, "ui.passphrase", PASS);
    h.key_press(egui::Key::Enter);
    h.run();
    wait_for_opening(&mut h);
    let doc = h.state().doc.as_ref().expect("Enter did not open it");
    assert_eq!(doc.assessment.company.name, COMPANY);
}

/// The label of the 「前回の続きから」 button: the UI string and the file's shown name.
fn continue_label(h: &Harness<'_, MamoriApp>) -> String {
    let neutral = s(h, "ui.recent_encrypted");
    let prefix = neutral.split("{date}").next().unwrap().to_string();
    h.query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with(&s(h, "ui.continue")) && l.contains(&prefix))
        .expect("the continue button names the encrypted file neutrally")
}

/// Opening an encrypted file runs on a worker thread: the frame after the passphrase is given
/// draws the dialog with its spinner and 「暗号を解いています…」 while the work is pending, and
/// the check appears afterwards; "Save encrypted…" likewise with 「暗号化して保存しています…」.
/// The files are written with a higher work factor than the other tests use, so the key
/// derivation takes a noticeable time.
#[test]
fn an_encrypted_file_opens_on_a_worker_thread_while_the_window_draws_a_spinner() {
    let data = tempfile::tempdir().unwrap();
    let b = load_embedded().bundle;
    let mut a = Assessment::new(&b, mamori::model::date::Date::parse("2026-11-22").unwrap());
    a.company.name = COMPANY.into();
    let file = data.path().join("slow.ron");
    let pass = SecretString::from(PASS.to_string());
    a.save_with_work(&file, Some(&pass), WorkFactor::LogN(14))
        .unwrap();
    let mut h = harness(data.path());
    h.state_mut().send(FileCommand::Open(file.clone()));
    h.run();
    type_into(&mut h, "ui.passphrase", PASS);
    h.key_press(egui::Key::Enter);
    // The frame that takes the Enter starts the work; the next frame draws while it runs.
    h.step();
    let started = std::time::Instant::now();
    assert!(h.state().pass_prompt.as_ref().unwrap().work.is_some());
    h.step();
    let frame = started.elapsed();
    let working = s(&h, "ui.decrypting");
    assert!(
        has_text(&h, &working),
        "no spinner label while the work runs"
    );
    assert_eq!(
        h.query_all_by_role(egui::accesskit::Role::ProgressIndicator)
            .count(),
        1
    );
    // The same work on this thread, for comparison: the frame above did not wait for it
    // (about 10 ms against 800 ms on the development machine).
    let t = std::time::Instant::now();
    Assessment::load_with(&file, Some(&pass)).unwrap();
    let work = t.elapsed();
    assert!(
        frame * 4 < work,
        "the frame took {frame:?}, the work {work:?}"
    );
    wait_for_opening(&mut h);
    let doc = h
        .state()
        .doc
        .as_ref()
        .expect("the check opens after the work");
    assert_eq!(doc.assessment.company.name, COMPANY);
    assert!(!has_text(&h, &working), "the spinner is gone");

    // "Save encrypted…" runs on the worker thread too, at the same work factor.
    h.state_mut().work_factor = WorkFactor::LogN(14);
    let target = data.path().join("again.ron");
    let save = s(&h, "ui.save_encrypted");
    click(&mut h, &save);
    h.state_mut().pass_prompt.as_mut().unwrap().path = target.display().to_string();
    type_into(&mut h, "ui.passphrase", PASS);
    type_into(&mut h, "ui.passphrase_again", PASS);
    let go = s(&h, "ui.save_encrypted_do");
    h.get_by_label(&go).click();
    h.step();
    h.step();
    let encrypting = s(&h, "ui.encrypting");
    assert!(has_text(&h, &encrypting), "no spinner label while saving");
    wait_for_opening(&mut h);
    assert!(!has_text(&h, &encrypting));
    assert_eq!(h.state().doc.as_ref().unwrap().path, target);
    assert!(is_encrypted(&std::fs::read(&target).unwrap()));
}
