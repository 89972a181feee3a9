//! Glyphs: every character of the UI strings (both languages) and of the questionnaires is in
//! the app's fonts, and thin glyphs such as the en dash leave ink at 100 % and 200 %.

use egui::epaint::text::{Fonts, TextOptions};
use egui::{Color32, FontFamily, FontId};
use mamori::app::theme::font_definitions;

/// Total coverage (0–255 per texel) of the atlas texels of `c` drawn at `size` points.
fn ink(fonts: &mut Fonts, c: char, size: f32, pixels_per_point: f32) -> u64 {
    let font = FontId::new(size, FontFamily::Proportional);
    let galley = fonts
        .with_pixels_per_point(pixels_per_point)
        .layout_no_wrap(format!("1{c}4"), font, Color32::WHITE);
    let glyph = *galley.rows[0]
        .row
        .glyphs
        .iter()
        .find(|g| g.chr == c)
        .unwrap();
    let image = fonts.image();
    let uv = glyph.uv_rect;
    if uv.is_nothing() {
        return 0;
    }
    let mut sum = 0u64;
    for y in uv.min[1]..uv.max[1] {
        for x in uv.min[0]..uv.max[0] {
            sum += u64::from(image[(x as usize, y as usize)].a());
        }
    }
    sum
}

fn fonts(hinting: bool) -> Fonts {
    Fonts::new(TextOptions::default(), font_definitions(hinting))
}

/// Every text size the app uses: egui's small, body and button sizes, the headings and the
/// app's own sizes, in half points.
fn sizes() -> impl Iterator<Item = f32> {
    (18..=80).map(|half| half as f32 / 2.0)
}

#[test]
fn dashes_leave_ink_at_every_text_size() {
    let mut fonts = fonts(false);
    let mut missing = Vec::new();
    for c in ['–', '-', '−', '—', '→', '~', '〜', 'ー'] {
        for ppp in [1.0, 1.5, 2.0] {
            for size in sizes() {
                let ink = ink(&mut fonts, c, size, ppp);
                // At least one fully covered texel's worth of ink.
                if ink < 255 {
                    missing.push(format!("{c:?} {size} pt at {ppp}x: ink {ink}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "glyphs without ink:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_hinted_font_is_what_lost_the_en_dash() {
    // egui's body text is 12.5 pt; BIZ UDPGothic's own hinting drops the en dash there.
    let mut hinted = fonts(true);
    let lost: Vec<f32> = sizes()
        .filter(|&size| ink(&mut hinted, '–', size, 1.0) < 255)
        .collect();
    assert!(!lost.is_empty(), "the hinted en dash never vanished");
}

/// Every character of the questionnaire folder: UI and report strings in both languages,
/// questions, advice, contacts, situations, the inventory and the decision guide.
fn every_character() -> std::collections::BTreeSet<char> {
    fn walk(dir: &std::path::Path, out: &mut std::collections::BTreeSet<char>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "ron") {
                out.extend(std::fs::read_to_string(&path).unwrap().chars());
            }
        }
    }
    let mut out = std::collections::BTreeSet::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires"),
        &mut out,
    );
    out.retain(|c| !c.is_whitespace() && !c.is_control());
    out
}

#[test]
fn every_character_of_every_text_is_drawn_at_100_and_200_percent() {
    let chars = every_character();
    assert!(chars.contains(&'営') && chars.contains(&'–') && chars.contains(&'Q'));
    let mut fonts = fonts(false);
    let mut missing = Vec::new();
    for &c in &chars {
        for ppp in [1.0, 2.0] {
            let font = FontId::new(12.5, FontFamily::Proportional);
            if !fonts.with_pixels_per_point(ppp).has_glyph(&font, c) {
                missing.push(format!("{c:?} (U+{:04X}) not in the fonts", c as u32));
            } else if ink(&mut fonts, c, 12.5, ppp) == 0 {
                missing.push(format!(
                    "{c:?} (U+{:04X}) drawn without ink at {ppp}x",
                    c as u32
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} characters of {}:\n{}",
        missing.len(),
        chars.len(),
        missing.join("\n")
    );
}
