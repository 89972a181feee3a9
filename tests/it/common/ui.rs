//! Helpers for the tests that drive the app through kittest and its AccessKit labels.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mamori::app::{MamoriApp, Prefs};
use mamori::model::load::load_embedded;

/// The app on the built-in questionnaires, data in `dir`, in a window of `size`, one frame run.
pub fn harness_sized(
    dir: &std::path::Path,
    prefs: Prefs,
    size: [f32; 2],
) -> Harness<'static, MamoriApp> {
    let mut app = MamoriApp::new(load_embedded().bundle, prefs, dir.to_path_buf());
    // Encrypted saves at a low scrypt work factor: fast, and only ever in tests.
    app.work_factor = mamori::model::crypt::WorkFactor::LogN(4);
    // A few more frames than kittest's default four may follow a click: work taken from a
    // worker thread repaints once more when it arrives.
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut MamoriApp| app.ui(ui), app);
    h.run();
    h
}

/// The UI string `key` in the app's current language.
pub fn s(h: &Harness<'_, MamoriApp>, key: &str) -> String {
    h.state().t(key).to_string()
}

/// Clicks the first button whose label is exactly `label`.
pub fn click(h: &mut Harness<'_, MamoriApp>, label: &str) {
    h.get_all_by_role_and_label(Role::Button, label)
        .next()
        .unwrap_or_else(|| panic!("no button '{label}'"))
        .click();
    h.run();
}

/// Whether any widget's label contains `text`.
pub fn has_text(h: &Harness<'_, MamoriApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// Clicks the button labelled with the UI string `key`.
pub fn click_key(h: &mut Harness<'_, MamoriApp>, key: &str) {
    let label = s(h, key);
    click(h, &label);
}

/// Focuses the field labelled `label` and types `text` into it.
pub fn type_into(h: &mut Harness<'_, MamoriApp>, label: &str, text: &str) {
    first(h, label).focus();
    h.run();
    first(h, label).type_text(text);
    h.run();
    h.run();
}

/// The first widget labelled `label` (a page may repeat a plain label, e.g. each ledger
/// entry's 「相手先」 above the add form's).
pub fn first<'h>(h: &'h Harness<'_, MamoriApp>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no widget '{label}'"))
}

/// Starts a new check for `company` from the start form.
pub fn start_new(h: &mut Harness<'_, MamoriApp>, company: &str) {
    h.state_mut().form.company = company.into();
    let begin = s(h, "ui.begin");
    click(h, &begin);
}

/// The open check as saved on disk.
pub fn saved(h: &Harness<'_, MamoriApp>) -> mamori::model::assessment::Assessment {
    mamori::model::assessment::Assessment::load(&h.state().doc.as_ref().unwrap().path).unwrap()
}

/// A tall window for the adviser's pages, in adviser mode.
pub fn harness(dir: &std::path::Path) -> Harness<'static, MamoriApp> {
    harness_in(dir, mamori::model::assessment::Mode::Adviser)
}

/// A tall window in the navigation mode `mode` (see `Prefs::nav_mode`).
pub fn harness_in(
    dir: &std::path::Path,
    mode: mamori::model::assessment::Mode,
) -> Harness<'static, MamoriApp> {
    let prefs = Prefs {
        nav_mode: mode,
        ..Prefs::default()
    };
    harness_sized(dir, prefs, [1100.0, 4000.0])
}

/// A visit of the fictional company 比較精工 on `date`, every question answered `v`.
pub fn visit(
    date: &str,
    v: mamori::model::schema::Answer,
) -> mamori::model::assessment::Assessment {
    let b = load_embedded().bundle;
    let mut a = crate::common::all(&b, v);
    a.date = mamori::model::date::Date::parse(date).unwrap();
    a.company.name = "比較精工".into();
    a
}

/// The label of the control that has the keyboard focus.
pub fn focused_label(h: &Harness<'_, MamoriApp>) -> Option<String> {
    use egui_kittest::kittest::NodeT;
    for role in [
        Role::Button,
        Role::TextInput,
        Role::RadioButton,
        Role::ComboBox,
        Role::CheckBox,
        Role::DisclosureTriangle,
    ] {
        if let Some(n) = h.query_all_by_role(role).find(|n| n.is_focused()) {
            return Some(n.accesskit_node().label().unwrap_or_default());
        }
    }
    None
}

/// Presses Tab until the control labelled `label` has the focus; returns how many presses.
pub fn tab_to(h: &mut Harness<'_, MamoriApp>, label: &str) -> usize {
    let mut seen = Vec::new();
    for presses in 1..=60 {
        h.key_press(egui::Key::Tab);
        h.run();
        let focused = focused_label(h);
        if focused.as_deref() == Some(label) {
            return presses;
        }
        seen.push(focused);
    }
    panic!("Tab never reached '{label}'; focus went through {seen:?}");
}

/// Steps frames while `busy` says work on a worker thread is still running (the window keeps
/// repainting a spinner meanwhile, so `run` would not settle); fails after twenty seconds.
pub fn step_while(
    h: &mut Harness<'_, MamoriApp>,
    (what, secs): (&str, u64),
    busy: impl Fn(&MamoriApp) -> bool,
) {
    let started = std::time::Instant::now();
    while busy(h.state()) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(secs),
            "{what} did not finish within {secs} seconds"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
}

/// Steps frames until the passphrase dialog's work on the worker thread (opening or saving
/// encrypted) is taken (or the dialog closed), then lets the window settle; fails after ten
/// seconds.
pub fn wait_for_opening(h: &mut Harness<'_, MamoriApp>) {
    step_while(h, ("opening the file", 10), |a| {
        a.pass_prompt.as_ref().is_some_and(|p| p.work.is_some())
    });
    h.run();
}
