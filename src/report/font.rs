//! Glyph advances read from the embedded TrueType font, so text is measured exactly as the
//! PDF viewer will draw it.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::{GlyphMetrics, Metrics};
use skrifa::{FontRef, MetadataProvider};

/// Why the font could not be read.
#[derive(Debug, thiserror::Error)]
#[error("the bundled font could not be read: {message}. The program files may be damaged; reinstall mamori")]
pub struct FontError {
    /// What failed.
    pub message: String,
}

/// Horizontal metrics of one font: advance width of each character, in font units.
pub struct FontMetrics {
    charmap: skrifa::charmap::Charmap<'static>,
    glyphs: GlyphMetrics<'static>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
}

impl std::fmt::Debug for FontMetrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontMetrics")
            .field("units_per_em", &self.units_per_em)
            .finish_non_exhaustive()
    }
}

impl FontMetrics {
    /// Reads the metrics of a TrueType/OpenType font held for the whole program run.
    pub fn new(bytes: &'static [u8]) -> Result<FontMetrics, FontError> {
        let font = FontRef::new(bytes).map_err(|e| FontError {
            message: e.to_string(),
        })?;
        let metrics = Metrics::new(&font, Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        Ok(FontMetrics {
            charmap: font.charmap(),
            glyphs: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascent: metrics.ascent,
            descent: metrics.descent,
        })
    }

    /// The metrics of the bundled Japanese font ([`crate::assets::JAPANESE_FONT`]).
    pub fn bundled() -> Result<FontMetrics, FontError> {
        FontMetrics::new(crate::assets::JAPANESE_FONT)
    }

    /// Whether the font has a glyph for `c` (a missing one is drawn as an empty box).
    pub fn has_glyph(&self, c: char) -> bool {
        self.charmap.map(c).is_some()
    }

    /// The glyph id of `c` in the font (0, the `.notdef` box, when the font lacks it).
    pub fn glyph_id(&self, c: char) -> u16 {
        self.charmap
            .map(c)
            .map(|g| u16::try_from(g.to_u32()).unwrap_or(0))
            .unwrap_or(0)
    }

    /// The advance of `c` in em (1.0 = the font size); a missing glyph measures as the
    /// font's `.notdef` box.
    pub fn advance_em(&self, c: char) -> f32 {
        let gid = self.charmap.map(c).unwrap_or_default();
        self.glyphs.advance_width(gid).unwrap_or(0.0) / self.units_per_em
    }

    /// The width of `text` in points at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c)).sum::<f32>() * size
    }

    /// The ascent above the baseline in em.
    pub fn ascent_em(&self) -> f32 {
        self.ascent / self.units_per_em
    }

    /// The descent below the baseline in em (positive).
    pub fn descent_em(&self) -> f32 {
        self.descent.abs() / self.units_per_em
    }
}

/// A character that no bundled font has: drawn as 〓 and reported to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissingChar(pub char);

impl std::fmt::Display for MissingChar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "「{}」(U+{:04X})", self.0, u32::from(self.0))
    }
}

/// Drawn in place of a character no bundled font has (the geta mark, 〓).
pub const REPLACEMENT: char = '\u{3013}';

/// Whether `c` is drawn as nothing: variation selectors, joiners, the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x200B..=0x200D | 0x2060 | 0xFEFF | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

/// The fonts of a document in order of preference: each character is drawn with the first
/// font that has it; one that none has is drawn as [`REPLACEMENT`] and remembered.
pub struct FontSet {
    fonts: Vec<FontMetrics>,
    bytes: Vec<&'static [u8]>,
    missing: Vec<MissingChar>,
    used: Vec<bool>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("fonts", &self.fonts.len())
            .field("missing", &self.missing)
            .finish()
    }
}

impl FontSet {
    /// The bundled fonts: BIZ UDPGothic, then the fallback font
    /// ([`crate::assets::FALLBACK_FONT`]) for what it lacks.
    pub fn bundled() -> Result<FontSet, FontError> {
        Ok(FontSet {
            fonts: vec![
                FontMetrics::new(crate::assets::JAPANESE_FONT)?,
                FontMetrics::new(crate::assets::FALLBACK_FONT)?,
            ],
            bytes: vec![embeddable_font(), crate::assets::FALLBACK_FONT],
            missing: Vec::new(),
            used: vec![false; 2],
        })
    }

    /// The font programs to embed, in the order of preference.
    pub fn embeddable(&self) -> Vec<&'static [u8]> {
        self.bytes.clone()
    }

    /// Which font draws `c` and with which glyph; `None` when no font has it.
    pub fn pick(&self, c: char) -> Option<(usize, u16)> {
        self.fonts
            .iter()
            .enumerate()
            .find(|(_, f)| f.has_glyph(c))
            .map(|(i, f)| (i, f.glyph_id(c)))
    }

    /// Whether some bundled font has `c` (or it is drawn as nothing).
    pub fn covers(&self, c: char) -> bool {
        is_invisible(c) || c.is_control() || self.pick(c).is_some()
    }

    /// The character actually drawn for `c`: a control character as a space, one no font
    /// has as [`REPLACEMENT`]; `None` for an invisible one.
    fn shown(&self, c: char) -> Option<char> {
        if is_invisible(c) {
            None
        } else if c.is_control() {
            Some(' ')
        } else if self.pick(c).is_some() {
            Some(c)
        } else {
            Some(REPLACEMENT)
        }
    }

    /// The width of `text` in points at `size` points, as drawn.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter_map(|c| self.shown(c))
            .map(|c| match self.pick(c) {
                Some((i, _)) => self.fonts[i].advance_em(c),
                None => self.fonts[0].advance_em(c),
            })
            .sum::<f32>()
            * size
    }

    /// `text` cut into runs of one font each: (font index, [(glyph id, character shown)]).
    /// Characters no font has are remembered (see [`FontSet::missing`]).
    pub fn runs(&mut self, text: &str) -> Vec<(usize, Vec<(u16, char)>)> {
        let mut out: Vec<(usize, Vec<(u16, char)>)> = Vec::new();
        for c in text.chars() {
            let Some(shown) = self.shown(c) else {
                continue;
            };
            if shown == REPLACEMENT && c != REPLACEMENT && !self.missing.contains(&MissingChar(c)) {
                self.missing.push(MissingChar(c));
            }
            let (font, gid) = self.pick(shown).unwrap_or((0, 0));
            if let Some(u) = self.used.get_mut(font) {
                *u = true;
            }
            match out.last_mut() {
                Some((f, glyphs)) if *f == font => glyphs.push((gid, shown)),
                _ => out.push((font, vec![(gid, shown)])),
            }
        }
        out
    }

    /// Whether font `i` has drawn anything so far.
    pub fn is_used(&self, i: usize) -> bool {
        self.used.get(i).copied().unwrap_or(false)
    }

    /// The font programs parsed for printpdf, once per program run (parsing takes
    /// milliseconds; a clone is cheap).
    pub fn parsed(&self) -> Result<&'static [printpdf::ParsedFont], FontError> {
        static PARSED: std::sync::OnceLock<Result<Vec<printpdf::ParsedFont>, String>> =
            std::sync::OnceLock::new();
        let bytes = self.bytes.clone();
        PARSED
            .get_or_init(|| {
                bytes
                    .iter()
                    .map(|b| {
                        let mut warnings = Vec::new();
                        printpdf::ParsedFont::from_bytes(b, 0, &mut warnings).ok_or_else(|| {
                            format!(
                                "printpdf could not parse it ({} warning(s))",
                                warnings.len()
                            )
                        })
                    })
                    .collect()
            })
            .as_deref()
            .map_err(|e| FontError { message: e.clone() })
    }

    /// The characters drawn as [`REPLACEMENT`] so far, in order of first use.
    pub fn missing(&self) -> &[MissingChar] {
        &self.missing
    }

    /// The characters of `text` that no bundled font has, each once (without drawing).
    pub fn missing_in(&self, text: &str) -> Vec<MissingChar> {
        let mut out = Vec::new();
        for c in text.chars() {
            if !self.covers(c) && !out.contains(&MissingChar(c)) {
                out.push(MissingChar(c));
            }
        }
        out
    }
}

/// The bundled font as embedded in PDFs: [`strip_hinting`] applied once per run (the
/// original font when stripping fails).
pub fn embeddable_font() -> &'static [u8] {
    static STRIPPED: std::sync::OnceLock<Option<Vec<u8>>> = std::sync::OnceLock::new();
    STRIPPED
        .get_or_init(|| strip_hinting(crate::assets::JAPANESE_FONT))
        .as_deref()
        .unwrap_or(crate::assets::JAPANESE_FONT)
}

/// Reads a big-endian u16 at `at`.
fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

/// Reads a big-endian u32 at `at`.
fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

fn table_checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// Removes the TrueType hinting (glyph instructions and the `fpgm`, `prep`, `cvt ` tables)
/// and the tables a PDF does not use (`GSUB`, vertical metrics, `DSIG`) from a TrueType
/// font. The outlines and advances stay the same; PDF viewers scale glyphs smoothly without
/// hints, and the embedded subset gets about a quarter smaller. Returns `None` when the font
/// is not a TrueType (`glyf`) font this function understands.
pub fn strip_hinting(ttf: &[u8]) -> Option<Vec<u8>> {
    let num_tables = usize::from(be16(ttf, 4)?);
    let mut tables: Vec<([u8; 4], usize, usize)> = Vec::new();
    for i in 0..num_tables {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = ttf.get(rec..rec + 4)?.try_into().ok()?;
        let off = be32(ttf, rec + 8)? as usize;
        let len = be32(ttf, rec + 12)? as usize;
        ttf.get(off..off.checked_add(len)?)?;
        tables.push((tag, off, len));
    }
    let find = |t: &[u8; 4]| tables.iter().find(|x| &x.0 == t).map(|x| (x.1, x.2));
    let (head_off, head_len) = find(b"head")?;
    let (maxp_off, _) = find(b"maxp")?;
    let (loca_off, _) = find(b"loca")?;
    let (glyf_off, glyf_len) = find(b"glyf")?;
    let long_loca = be16(ttf, head_off + 50)? == 1;
    let num_glyphs = usize::from(be16(ttf, maxp_off + 4)?);
    let loca = |i: usize| -> Option<usize> {
        if long_loca {
            Some(be32(ttf, loca_off + 4 * i)? as usize)
        } else {
            Some(2 * usize::from(be16(ttf, loca_off + 2 * i)?))
        }
    };
    let glyf = ttf.get(glyf_off..glyf_off + glyf_len)?;
    let (mut new_glyf, mut new_loca) = strip_glyf(glyf, num_glyphs, loca)?;
    let mut head = ttf.get(head_off..head_off + head_len)?.to_vec();
    // Checksum adjustment zeroed (set again below); the new `loca` is the long format.
    head.get_mut(8..12)?.copy_from_slice(&[0, 0, 0, 0]);
    head.get_mut(50..52)?.copy_from_slice(&[0, 1]);
    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, off, len) in &tables {
        let data = match tag {
            b"fpgm" | b"prep" | b"cvt " | b"DSIG" | b"GSUB" | b"vhea" | b"vmtx" | b"gasp" => {
                continue
            }
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"head" => std::mem::take(&mut head),
            _ => ttf.get(*off..off + len)?.to_vec(),
        };
        out_tables.push((*tag, data));
    }
    write_sfnt(ttf.get(0..4)?, out_tables)
}

/// The `glyf` table without glyph instructions, and its new `loca` table (long format).
/// `loca(i)` is the offset of glyph `i` in the old table.
fn strip_glyf(
    glyf: &[u8],
    num_glyphs: usize,
    loca: impl Fn(usize) -> Option<usize>,
) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut new_glyf: Vec<u8> = Vec::with_capacity(glyf.len());
    let mut new_loca: Vec<u8> = Vec::with_capacity(4 * (num_glyphs + 1));
    for i in 0..num_glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let (s, e) = (loca(i)?, loca(i + 1)?);
        if e <= s {
            continue;
        }
        let g = glyf.get(s..e)?;
        let contours = be16(g, 0)? as i16;
        if contours >= 0 {
            let at = 10 + 2 * contours as usize;
            let il = usize::from(be16(g, at)?);
            new_glyf.extend_from_slice(g.get(..at)?);
            new_glyf.extend_from_slice(&[0, 0]);
            new_glyf.extend_from_slice(g.get(at + 2 + il..)?);
        } else {
            strip_composite(g, &mut new_glyf)?;
        }
        while !new_glyf.len().is_multiple_of(4) {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    Some((new_glyf, new_loca))
}

/// Copies a composite glyph's components to `out` and drops its trailing instructions.
fn strip_composite(g: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let mut at = 10;
    out.extend_from_slice(g.get(..10)?);
    loop {
        let flags = be16(g, at)?;
        let mut len = 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
        len += if flags & 0x0008 != 0 {
            2
        } else if flags & 0x0040 != 0 {
            4
        } else if flags & 0x0080 != 0 {
            8
        } else {
            0
        };
        let flag_at = out.len();
        out.extend_from_slice(g.get(at..at + len)?);
        // WE_HAVE_INSTRUCTIONS cleared.
        let cleared = (flags & !0x0100).to_be_bytes();
        out[flag_at] = cleared[0];
        out[flag_at + 1] = cleared[1];
        at += len;
        if flags & 0x0020 == 0 {
            return Some(());
        }
    }
}

/// A TrueType file of `tables` (sorted here by tag) with version `sfnt_version`, the table
/// directory and checksums written, and `head`'s checksum adjustment set.
fn write_sfnt(sfnt_version: &[u8], mut out_tables: Vec<([u8; 4], Vec<u8>)>) -> Option<Vec<u8>> {
    out_tables.sort_by_key(|t| t.0);
    let n = out_tables.len();
    let mut out = Vec::new();
    out.extend_from_slice(sfnt_version);
    let n16 = n as u16;
    let pow = 1u16 << (15 - n16.leading_zeros().min(15));
    let pow = if pow > n16 { pow / 2 } else { pow };
    let search_range = pow * 16;
    let entry_selector = pow.trailing_zeros() as u16;
    out.extend_from_slice(&n16.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&entry_selector.to_be_bytes());
    out.extend_from_slice(&(n16 * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * n;
    let mut head_at = None;
    for (tag, data) in &out_tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&table_checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (tag, data) in &out_tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    let adjust = 0xB1B0_AFBAu32.wrapping_sub(table_checksum(&out));
    let at = head_at? + 8;
    out.get_mut(at..at + 4)?
        .copy_from_slice(&adjust.to_be_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_real_advances() {
        let m = FontMetrics::bundled().unwrap();
        // A kanji is one em; Latin letters are narrower and differ from each other.
        assert!(
            (m.advance_em('秘') - 1.0).abs() < 0.01,
            "{}",
            m.advance_em('秘')
        );
        assert!(m.advance_em('i') < m.advance_em('m'));
        assert!(
            (m.width("ab", 10.0) - 10.0 * (m.advance_em('a') + m.advance_em('b'))).abs() < 1e-4
        );
        assert!(m.has_glyph('秘') && m.has_glyph('A'));
    }

    #[test]
    fn stripped_font_keeps_outlines_and_advances() {
        let stripped = strip_hinting(crate::assets::JAPANESE_FONT).unwrap();
        assert!(stripped.len() < crate::assets::JAPANESE_FONT.len() * 9 / 10);
        let leaked: &'static [u8] = Box::leak(stripped.into_boxed_slice());
        let a = FontMetrics::bundled().unwrap();
        let b = FontMetrics::new(leaked).unwrap();
        for c in ['あ', '秘', 'A', 'm', '。', '1'] {
            assert_eq!(a.advance_em(c), b.advance_em(c), "{c}");
        }
        let font = FontRef::new(leaked).unwrap();
        use skrifa::raw::types::Tag;
        use skrifa::raw::TableProvider;
        assert!(font.table_data(Tag::new(b"fpgm")).is_none());
        assert!(font.table_data(Tag::new(b"prep")).is_none());
        assert!(font.glyf().is_ok() && font.loca(None).is_ok());
    }
}

#[cfg(test)]
mod fallback_tests {
    use super::*;

    #[test]
    fn the_fallback_font_draws_what_the_main_font_lacks() {
        let set = FontSet::bundled().unwrap();
        let main = FontMetrics::bundled().unwrap();
        for c in ['𠮷', '⚠', '丄'] {
            assert!(!main.has_glyph(c), "{c}: the main font has it now");
            assert_eq!(set.pick(c).map(|p| p.0), Some(1), "{c}");
        }
        // Characters of the main font stay in the main font.
        for c in ['秘', '髙', '﨑', 'A', '〓'] {
            assert_eq!(set.pick(c).map(|p| p.0), Some(0), "{c}");
        }
        assert!(set.missing_in("株式会社😀").iter().map(|m| m.0).eq(['😀']));
    }
}
