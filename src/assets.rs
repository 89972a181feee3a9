//! Binary assets embedded at build time and shared by the app and the PDF report.

/// The bundled Japanese font (BIZ UDPGothic, SIL OFL 1.1; licence in `assets/fonts/OFL.txt`).
/// It covers Japanese and Latin text; the app draws with it and the report embeds a subset.
pub const JAPANESE_FONT: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf");
