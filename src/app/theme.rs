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
/// Extra zoom of the projector (presentation) view.
pub const PRESENTATION_ZOOM: f32 = 1.6;
/// Smallest and largest text size setting.
pub const TEXT_SCALE_RANGE: std::ops::RangeInclusive<f32> = 1.0..=2.0;
/// The text sizes offered as buttons in the settings.
pub const TEXT_SCALE_PRESETS: [f32; 3] = [1.0, 1.5, 2.0];
/// How much Ctrl + and Ctrl − change the text size.
pub const TEXT_SCALE_STEP: f32 = 0.1;
/// The smallest window: below it the page has too little room to read.
pub const MIN_WINDOW_SIZE: [f32; 2] = [640.0, 480.0];
/// The window's size when it opens.
pub const WINDOW_SIZE: [f32; 2] = [1100.0, 820.0];
/// Size of section headings.
pub const SECTION_SIZE: f32 = 18.0;
/// Widest the page's column grows in a wide window.
pub const PAGE_MAX_WIDTH: f32 = 980.0;
/// Width of the error dialog.
pub const DIALOG_WIDTH: f32 = 560.0;
/// Width of the dialogs that ask for a path or a passphrase.
pub const WIDE_DIALOG_WIDTH: f32 = 640.0;
/// Width of a path field in a dialog.
pub const PATH_FIELD_WIDTH: f32 = 600.0;
/// Width of a passphrase field.
pub const PASS_FIELD_WIDTH: f32 = 400.0;
/// Width of a text field in a form.
pub const FIELD_WIDTH: f32 = 320.0;
/// Width of the typed-path field on the start page.
pub const OPEN_PATH_WIDTH: f32 = 360.0;
/// Width of a finding's owner field.
pub const OWNER_WIDTH: f32 = 180.0;
/// Width of a date field.
pub const DATE_WIDTH: f32 = 120.0;
/// Space between the columns and rows of the start form.
pub const FORM_SPACING: [f32; 2] = [12.0, 8.0];
/// Widest a checklist's progress bar grows on the overview.
pub const PROGRESS_WIDTH: f32 = 320.0;
/// Bars in charts: narrowest and widest, and the room kept beside them for the score words.
pub const BAR_WIDTH: std::ops::RangeInclusive<f32> = 60.0..=420.0;
/// Room beside a bar for its score and band words.
pub const BAR_WORDS_ROOM: f32 = 220.0;
/// Corner radius of a bar.
pub const BAR_ROUNDING: f32 = 3.0;
/// Width of the frame around highlighted cards (consultation, private notes).
pub const CARD_STROKE: f32 = 2.0;

/// A text size within [`TEXT_SCALE_RANGE`], rounded to whole percent.
pub fn text_scale(scale: f32) -> f32 {
    let (lo, hi) = (*TEXT_SCALE_RANGE.start(), *TEXT_SCALE_RANGE.end());
    (scale.clamp(lo, hi) * 100.0).round() / 100.0
}

/// Registers the Japanese font first in both families, so no text is drawn as tofu.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions(false));
}

/// The app's fonts: BIZ UDPGothic first in both families, then egui's defaults.
///
/// With `hinting` false the font is drawn from its outlines as they are. BIZ UDPGothic's
/// TrueType instructions snap thin horizontal strokes to the pixel grid, and at 100 % text
/// size they collapse the en dash of 「1–4」「8:30–17:15」 to nothing (tests/it/glyphs.rs).
pub fn font_definitions(hinting: bool) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let data = FontData::from_static(JAPANESE_FONT);
    let data = if hinting {
        data
    } else {
        data.tweak(egui::FontTweak {
            hinting: Some(false),
            ..Default::default()
        })
    };
    fonts
        .font_data
        .insert("biz_udp_gothic".to_owned(), Arc::new(data));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "biz_udp_gothic".to_owned());
    }
    fonts
}

/// The text and background colours of one mode (light or dark). Every text colour here has a
/// contrast of at least 4.5:1 against every background it is drawn on (tests/it/contrast.rs).
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Page and window background.
    pub panel: Color32,
    /// Text field background.
    pub field: Color32,
    /// Normal text.
    pub text: Color32,
    /// Secondary text: hints, legends, sources, the disclaimer.
    pub weak: Color32,
    /// Background of a selected tab or item.
    pub selection_bg: Color32,
    /// Text of a selected tab or item, and the keyboard-focus outline.
    pub selection_text: Color32,
    /// Links.
    pub link: Color32,
    /// Error messages.
    pub error: Color32,
    /// Warnings.
    pub warn: Color32,
    /// Button backgrounds: at rest, hovered, pressed (or focused), open.
    pub button_bg: [Color32; 4],
    /// Button text in the same four states.
    pub button_text: [Color32; 4],
}

const LIGHT: Palette = Palette {
    panel: Color32::from_gray(248),
    field: Color32::from_gray(255),
    text: Color32::from_gray(34),
    weak: Color32::from_gray(88),
    selection_bg: Color32::from_rgb(0xcf, 0xe3, 0xff),
    selection_text: Color32::from_rgb(0x0a, 0x4a, 0xa8),
    link: Color32::from_rgb(0x0b, 0x57, 0xc2),
    error: Color32::from_rgb(0xb0, 0x00, 0x20),
    warn: Color32::from_rgb(0x8a, 0x4b, 0x00),
    button_bg: [
        Color32::from_gray(228),
        Color32::from_gray(214),
        Color32::from_gray(196),
        Color32::from_gray(214),
    ],
    button_text: [
        Color32::from_gray(24),
        Color32::BLACK,
        Color32::BLACK,
        Color32::BLACK,
    ],
};

const DARK: Palette = Palette {
    panel: Color32::from_gray(27),
    field: Color32::from_gray(10),
    text: Color32::from_gray(222),
    weak: Color32::from_gray(168),
    selection_bg: Color32::from_rgb(0x11, 0x3f, 0x6e),
    selection_text: Color32::from_rgb(0xa8, 0xd0, 0xff),
    link: Color32::from_rgb(0x8c, 0xc4, 0xff),
    error: Color32::from_rgb(0xff, 0x8a, 0x80),
    warn: Color32::from_rgb(0xff, 0xc1, 0x4d),
    button_bg: [
        Color32::from_gray(52),
        Color32::from_gray(66),
        Color32::from_gray(44),
        Color32::from_gray(46),
    ],
    button_text: [
        Color32::from_gray(232),
        Color32::from_gray(245),
        Color32::WHITE,
        Color32::from_gray(225),
    ],
};

/// The palette of light or dark mode.
pub fn palette(dark: bool) -> Palette {
    if dark {
        DARK
    } else {
        LIGHT
    }
}

/// Applies light or dark mode, the palette and a visible keyboard focus.
pub fn apply_style(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    for (theme, p) in [(egui::Theme::Light, LIGHT), (egui::Theme::Dark, DARK)] {
        ctx.style_mut_of(theme, |style| {
            style.spacing.item_spacing = egui::vec2(8.0, 6.0);
            style.spacing.button_padding = egui::vec2(10.0, 5.0);
            apply_palette(&mut style.visuals, &p);
        });
    }
}

fn apply_palette(v: &mut egui::Visuals, p: &Palette) {
    v.panel_fill = p.panel;
    v.window_fill = p.panel;
    v.extreme_bg_color = p.field;
    v.text_edit_bg_color = Some(p.field);
    v.override_text_color = None;
    v.weak_text_color = Some(p.weak);
    v.hyperlink_color = p.link;
    v.error_fg_color = p.error;
    v.warn_fg_color = p.warn;
    // The selected tab's text and the focus outline of text fields share this stroke.
    v.selection.bg_fill = p.selection_bg;
    v.selection.stroke = egui::Stroke::new(2.0, p.selection_text);
    let w = &mut v.widgets;
    w.noninteractive.fg_stroke.color = p.text;
    w.noninteractive.bg_fill = p.panel;
    w.noninteractive.weak_bg_fill = p.panel;
    let states = [&mut w.inactive, &mut w.hovered, &mut w.active, &mut w.open];
    for (i, state) in states.into_iter().enumerate() {
        state.weak_bg_fill = p.button_bg[i];
        state.bg_fill = p.button_bg[i];
        state.fg_stroke.color = p.button_text[i];
    }
    // egui draws a widget with keyboard focus in its "active" look: give that look a thick
    // outline, so Tab shows where the focus is on every button, not only text fields.
    w.active.bg_stroke = egui::Stroke::new(2.5, p.selection_text);
}

/// The colour of a band's fill in charts (always shown together with the band's words).
pub fn band_color(band: Option<Band>) -> Color32 {
    match band {
        Some(Band::Good) => Color32::from_rgb(0x2e, 0x8b, 0x57),
        Some(Band::NeedsImprovement) => Color32::from_rgb(0xd4, 0x8a, 0x00),
        Some(Band::ActionNeeded) => Color32::from_rgb(0xc0, 0x39, 0x2b),
        None => Color32::GRAY,
    }
}

/// The colour of a band's words on the page background.
pub fn band_text(band: Option<Band>, dark: bool) -> Color32 {
    match (band, dark) {
        (Some(Band::Good), false) => Color32::from_rgb(0x1e, 0x6b, 0x3f),
        (Some(Band::NeedsImprovement), false) => Color32::from_rgb(0x85, 0x55, 0x00),
        (Some(Band::ActionNeeded), false) => Color32::from_rgb(0xa8, 0x26, 0x1a),
        (Some(Band::Good), true) => Color32::from_rgb(0x6c, 0xd4, 0x97),
        (Some(Band::NeedsImprovement), true) => Color32::from_rgb(0xf2, 0xb8, 0x3a),
        (Some(Band::ActionNeeded), true) => Color32::from_rgb(0xff, 0x8a, 0x7a),
        (None, _) => palette(dark).weak,
    }
}

/// The colour of a severity's words on the page background (always shown with the words).
pub fn severity_color(severity: Severity, dark: bool) -> Color32 {
    match severity {
        Severity::High => band_text(Some(Band::ActionNeeded), dark),
        Severity::Medium => band_text(Some(Band::NeedsImprovement), dark),
        Severity::Low if dark => Color32::from_rgb(0x9c, 0xc0, 0xe6),
        Severity::Low => Color32::from_rgb(0x3d, 0x5a, 0x78),
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

/// The colour of the adviser's private notes, frame and words (also labelled in words).
pub fn private_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xcf, 0xa6, 0xe8)
    } else {
        Color32::from_rgb(0x7a, 0x33, 0x96)
    }
}

/// WCAG 2.x relative luminance of an sRGB colour (alpha ignored).
pub fn luminance(c: Color32) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG 2.x contrast ratio of two colours (1.0 to 21.0).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Text styled as a section heading.
pub fn section(text: &str) -> RichText {
    RichText::new(text).size(SECTION_SIZE).strong()
}
