//! Contrast: every text/background pair of the theme, as egui actually uses it after
//! `theme::apply_style`, meets WCAG 2.x (4.5:1 for text, 3:1 for large text and outlines),
//! in light and dark mode.

use egui::{Color32, Theme};
use mamori::app::theme::{self, band_text, contrast, private_color, severity_color};
use mamori::model::scoring::{Band, Severity};

const TEXT: f64 = 4.5;
const LARGE_OR_OUTLINE: f64 = 3.0;

/// Every (what, foreground, background, minimum) pair drawn in one mode.
fn pairs(dark: bool) -> Vec<(String, Color32, Color32, f64)> {
    let ctx = egui::Context::default();
    theme::apply_style(&ctx, dark);
    let v = ctx
        .style_of(if dark { Theme::Dark } else { Theme::Light })
        .visuals
        .clone();
    assert_eq!(v.dark_mode, dark);
    let backgrounds = [
        ("panel", v.panel_fill),
        ("window", v.window_fill),
        ("text field", v.text_edit_bg_color()),
    ];
    let mut texts = vec![
        ("text".to_owned(), v.text_color()),
        (
            "weak text (hints, legend, sources, disclaimer)".to_owned(),
            v.weak_text_color(),
        ),
        ("link".to_owned(), v.hyperlink_color),
        ("error".to_owned(), v.error_fg_color),
        ("warning".to_owned(), v.warn_fg_color),
        ("private note".to_owned(), private_color(dark)),
    ];
    for band in [
        Some(Band::Good),
        Some(Band::NeedsImprovement),
        Some(Band::ActionNeeded),
        None,
    ] {
        texts.push((format!("band {band:?}"), band_text(band, dark)));
    }
    for s in [Severity::High, Severity::Medium, Severity::Low] {
        texts.push((format!("severity {s:?}"), severity_color(s, dark)));
    }
    let mut out = Vec::new();
    for (name, fg) in &texts {
        for (bg_name, bg) in backgrounds {
            out.push((format!("{name} on {bg_name}"), *fg, bg, TEXT));
        }
    }
    let w = &v.widgets;
    for (state, wv) in [
        ("inactive", w.inactive),
        ("hovered", w.hovered),
        ("active/focused", w.active),
        ("open", w.open),
    ] {
        for (fill_name, fill) in [("weak fill", wv.weak_bg_fill), ("fill", wv.bg_fill)] {
            out.push((
                format!("button text {state} on {fill_name}"),
                wv.text_color(),
                fill,
                TEXT,
            ));
        }
    }
    out.push((
        "selected tab text on selection".to_owned(),
        v.selection.stroke.color,
        v.selection.bg_fill,
        TEXT,
    ));
    out.push((
        "focus outline on panel".to_owned(),
        w.active.bg_stroke.color,
        v.panel_fill,
        LARGE_OR_OUTLINE,
    ));
    out.push((
        "text field focus outline on panel".to_owned(),
        v.selection.stroke.color,
        v.panel_fill,
        LARGE_OR_OUTLINE,
    ));
    out
}

#[test]
fn every_text_pair_meets_wcag_in_light_and_dark() {
    let mut failures = Vec::new();
    for dark in [false, true] {
        for (what, fg, bg, min) in pairs(dark) {
            let c = contrast(fg, bg);
            if c < min {
                failures.push(format!(
                    "{} {what}: {c:.2}:1 < {min}:1",
                    if dark { "dark" } else { "light" }
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "contrast too low:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_contrast_formula_matches_wcag() {
    assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
    // #777777 on white is the well-known 4.48:1.
    assert!((contrast(Color32::from_gray(0x77), Color32::WHITE) - 4.48).abs() < 0.01);
    // egui's default dark selection (text #c0deff on #005c80) is fine; the old app theme's
    // focus-blue text on that background was the 1.55:1 of issue 15.
    assert!(
        contrast(
            Color32::from_rgb(0x1f, 0x6f, 0xeb),
            Color32::from_rgb(0, 92, 128)
        ) < 2.0
    );
}
