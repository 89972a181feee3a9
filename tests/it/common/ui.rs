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
    let mut h = Harness::builder()
        .with_size(size)
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
