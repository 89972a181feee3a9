//! The settings: language, text size (100–200 %) and light or dark; kept between runs.

use egui::{Align, Layout, RichText, Ui};

use super::View;
use crate::app::{theme, Prefs};
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
    ui.label(theme::section(v.t("ui.text_size")));
    let mut percent = (prefs.text_scale * 100.0).round();
    let range = theme::TEXT_SCALE_RANGE;
    let slider = egui::Slider::new(
        &mut percent,
        (range.start() * 100.0)..=(range.end() * 100.0),
    )
    .step_by(10.0)
    .suffix(" %")
    .text(v.t("ui.text_size"));
    if ui.add(slider).changed() {
        prefs.text_scale = percent / 100.0;
    }
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
