//! Widgets shared by the pages: a labelled bar with its score and band in words.

use egui::{RichText, Ui};

use super::theme;
use crate::model::scoring::Band;

/// One labelled bar: label, the bar, and the score and band in words beside it. In a narrow
/// window (large text) the label goes on its own line above the bar, whole.
pub fn bar_ui(ui: &mut Ui, dark: bool, label: &str, score: Option<f64>, words: &str) {
    let narrow = ui.available_width() < theme::CHART_LABEL_WIDTH + 420.0;
    if narrow {
        ui.label(label);
    }
    ui.horizontal_wrapped(|ui| {
        if !narrow {
            ui.add_sized(
                [theme::CHART_LABEL_WIDTH, theme::BAR_HEIGHT],
                egui::Label::new(label).truncate(),
            );
        }
        let width = (ui.available_width() - 220.0).clamp(60.0, 420.0);
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(width, theme::BAR_HEIGHT), egui::Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, theme::track_color(dark));
        if let Some(s) = score {
            let mut fill = rect;
            fill.set_width(rect.width() * (s as f32 / 100.0).clamp(0.0, 1.0));
            painter.rect_filled(fill, 3.0, theme::band_color(Some(Band::of(s))));
        }
        let number = score
            .map(|s| format!("{s:.0}"))
            .unwrap_or_else(|| "—".into());
        ui.label(RichText::new(format!("{number}  {words}")).strong());
    });
}
