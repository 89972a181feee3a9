//! The settings: language, text size (preset buttons 100 / 150 / 200 %, and Ctrl + / Ctrl −
//! for the steps between), light or dark, and who uses the app (the pages it shows); applied at once and kept between runs.

use egui::{Align, Layout, RichText, Ui};

use super::View;
use crate::app::{theme, Prefs};
use crate::model::assessment::Mode;
use crate::model::text::Lang;

/// Draws the settings; changes apply to `prefs` at once.
pub fn ui(ui: &mut Ui, v: &View<'_>, prefs: &mut Prefs) {
    ui.heading(v.t("ui.nav_settings"));
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(v.t("ui.language")));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut prefs.lang, Lang::Ja, "日本語");
        ui.radio_value(&mut prefs.lang, Lang::En, "English");
    });
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(v.t("ui.nav_mode")));
    ui.horizontal_wrapped(|ui| {
        for m in Mode::ALL {
            ui.radio_value(&mut prefs.nav_mode, m, v.t(m.string_key()));
        }
    });
    ui.label(RichText::new(v.t(nav_mode_hint(prefs.nav_mode))).weak());
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(v.t("ui.text_size")));
    ui.horizontal_wrapped(|ui| {
        for preset in theme::TEXT_SCALE_PRESETS {
            let on = (prefs.text_scale - preset).abs() < 0.005;
            let label = format!("{:.0} %", preset * 100.0);
            if ui.add(egui::Button::new(label).selected(on)).clicked() {
                prefs.text_scale = preset;
            }
        }
    });
    ui.label(format!(
        "{}: {:.0} %",
        v.t("ui.text_size_now"),
        prefs.text_scale * 100.0
    ));
    ui.label(RichText::new(v.t("ui.text_size_keys")).weak());
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(v.t("ui.theme")));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut prefs.dark, false, v.t("ui.light"));
        ui.radio_value(&mut prefs.dark, true, v.t("ui.dark"));
    });
    ui.add_space(theme::SECTION_GAP);
    ui.with_layout(Layout::top_down(Align::Min), |ui| {
        ui.label(RichText::new(v.t("ui.disclaimer")).weak());
    });
}

/// What the navigation bar shows in `mode`, in words.
fn nav_mode_hint(mode: Mode) -> &'static str {
    match mode {
        Mode::SelfCheck => "ui.nav_mode_self",
        Mode::Adviser => "ui.nav_mode_adviser",
        Mode::Workshop => "ui.nav_mode_workshop",
    }
}
