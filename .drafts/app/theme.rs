//! Design tokens: every colour, size and spacing of the app lives here, nowhere else.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, RichText};

use crate::model::scoring::{Band, Severity};

pub use crate::assets::JAPANESE_FONT;

/// Space between sections.
pub const SECTION_GAP: f32 = 14.0;
/// Space between items in a list.
pub const ITEM_GAP: f32 = 6.0;
/// Width of the labels column in bar charts.
pub const CHART_LABEL_WIDTH: f32 = 260.0;
/// Height of one bar in a chart.
pub const BAR_HEIGHT: f32 = 18.0;
/// Size of the question text.
pub const QUESTION_SIZE: f32 = 22.0;
/// Size of the big score on the results page.
pub const SCORE_SIZE: f32 = 40.0;
/// Size of the text on answer buttons.
pub const ANSWER_SIZE: f32 = 18.0;
/// The widest a page gets, however wide the window.
pub const PAGE_MAX_WIDTH: f32 = 980.0;
/// Width of a message dialog.
pub const DIALOG_WIDTH: f32 = 560.0;
/// Width of a dialog with a path field.
pub const WIDE_DIALOG_WIDTH: f32 = 640.0;
/// Width of a typed-path field.
pub const PATH_FIELD_WIDTH: f32 = 600.0;
/// Width of a passphrase field.
pub const PASSPHRASE_WIDTH: f32 = 400.0;
/// Width of a field of the start form.
pub const FIELD_WIDTH: f32 = 320.0;
/// Space between the columns and rows of the start form.
pub const FORM_SPACING: [f32; 2] = [12.0, 8.0];
/// Width of the "open this path" field on the start page.
pub const OPEN_PATH_WIDTH: f32 = 360.0;
/// Widest progress bar of a checklist on the overview.
pub const PROGRESS_WIDTH: f32 = 320.0;
/// Width of a finding's owner field.
pub const OWNER_WIDTH: f32 = 180.0;
/// Width of a date field.
pub const DATE_WIDTH: f32 = 120.0;
/// Narrowest and widest bar of a chart, and the room kept beside it for its caption.
pub const BAR_MIN_WIDTH: f32 = 60.0;
/// See [`BAR_MIN_WIDTH`].
pub const BAR_MAX_WIDTH: f32 = 420.0;
/// See [`BAR_MIN_WIDTH`].
pub const BAR_CAPTION_WIDTH: f32 = 220.0;
/// Corner rounding of a bar.
pub const BAR_ROUNDING: f32 = 3.0;
/// Width of the coloured frame of a card (consultation, private notes).
pub const CARD_STROKE: f32 = 2.0;
/// Size of a section heading.
pub const SECTION_SIZE: f32 = 18.0;
/// Extra zoom of the projector (presentation) view.
pub const PRESENTATION_ZOOM: f32 = 1.6;
/// Smallest and largest text size setting.
pub const TEXT_SCALE_RANGE: std::ops::RangeInclusive<f32> = 1.0..=2.0;

/// Registers the Japanese font first in both families, so no text is drawn as tofu.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "biz_udp_gothic".to_owned(),
        Arc::new(FontData::from_static(JAPANESE_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "biz_udp_gothic".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Applies light or dark mode and a visible keyboard focus.
pub fn apply_style(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
        // A thick, high-contrast outline on the focused widget.
        style.visuals.selection.stroke = egui::Stroke::new(2.0, FOCUS);
        // egui draws a widget with keyboard focus in its "active" look: give that look the
        // same outline, so Tab shows where the focus is on every button, not only text fields.
        style.visuals.widgets.active.bg_stroke = egui::Stroke::new(2.5, FOCUS);
    });
}

/// The focus outline colour.
pub const FOCUS: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xeb);

/// The colour of a band (always shown together with the band's words).
pub fn band_color(band: Option<Band>) -> Color32 {
    match band {
        Some(Band::Good) => Color32::from_rgb(0x2e, 0x8b, 0x57),
        Some(Band::NeedsImprovement) => Color32::from_rgb(0xd4, 0x8a, 0x00),
        Some(Band::ActionNeeded) => Color32::from_rgb(0xc0, 0x39, 0x2b),
        None => Color32::GRAY,
    }
}

/// The colour of a severity (always shown together with its words).
pub fn severity_color(severity: Severity) -> Color32 {
    match severity {
        Severity::High => Color32::from_rgb(0xc0, 0x39, 0x2b),
        Severity::Medium => Color32::from_rgb(0xd4, 0x8a, 0x00),
        Severity::Low => Color32::from_rgb(0x55, 0x77, 0x99),
    }
}

/// The background of a chart's empty track.
pub fn track_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(60)
    } else {
        Color32::from_gray(225)
    }
}

/// The frame colour of the adviser's private notes (also labelled in words).
pub const PRIVATE: Color32 = Color32::from_rgb(0x8e, 0x44, 0xad);

/// Text styled as a section heading.
pub fn section(text: &str) -> RichText {
    RichText::new(text).size(SECTION_SIZE).strong()
}
