//! The settings: language, text size and light or dark display.

use egui::{Align, Layout, RichText, Ui};

use crate::app::widgets::Cx;
use crate::app::{theme, Prefs};
use crate::model::text::Lang;

/// Draws the settings, changing `prefs` in place.
pub(super) fn ui(cx: &mut Cx, ui: &mut Ui, prefs: &mut Prefs) {
    ui.heading(cx.s("ui.nav_settings"));
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(cx.s("ui.language")));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut prefs.lang, Lang::Ja, "日本語");
        ui.radio_value(&mut prefs.lang, Lang::En, "English");
    });
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(cx.s("ui.text_size")));
    let mut percent = (prefs.text_scale * 100.0).round();
    let range = theme::TEXT_SCALE_RANGE;
    let slider = egui::Slider::new(&mut percent, (range.start() * 100.0)..=(range.end() * 100.0))
        .step_by(10.0)
        .suffix(" %")
        .text(cx.s("ui.text_size"));
    if ui.add(slider).changed() {
        prefs.text_scale = percent / 100.0;
    }
    ui.add_space(theme::ITEM_GAP);
    ui.label(theme::section(cx.s("ui.theme")));
    ui.horizontal_wrapped(|ui| {
        ui.radio_value(&mut prefs.dark, false, cx.s("ui.light"));
        ui.radio_value(&mut prefs.dark, true, cx.s("ui.dark"));
    });
    ui.add_space(theme::SECTION_GAP);
    ui.with_layout(Layout::top_down(Align::Min), |ui| {
        ui.label(RichText::new(cx.s("ui.disclaimer")).weak());
    });
}
