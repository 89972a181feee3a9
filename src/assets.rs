//! Binary assets embedded at build time and shared by the app and the PDF report.

/// The bundled Japanese font (BIZ UDPGothic, SIL OFL 1.1; licence in `assets/fonts/OFL.txt`).
/// It covers Japanese and Latin text; the app draws with it and the report embeds a subset.
pub const JAPANESE_FONT: &[u8] = include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf");

/// The report's fallback font: a subset of Noto Sans CJK JP (SIL OFL 1.1; licence in
/// `assets/fonts/OFL-NotoSansCJK.txt`) with the JIS X 0213 characters and common symbols that
/// BIZ UDPGothic lacks (names such as 𠮷, symbols such as ✔). Made once by
/// `scripts/make-fallback-font.py`.
pub const FALLBACK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKjp-Fallback.ttf");
