//! Writing the laid-out pages as PDF: the footers, the document's metadata, the font
//! subsets' tags, stream compression, and printpdf's warnings logged.

use printpdf::{PdfPage, PdfSaveOptions, PdfWarnMsg};

use super::font::MissingChar;
use super::layout::Layout;
use super::ops::{producer, Metadata};
use super::page::{TextStyle, GREY_RULE};

impl Layout {
    /// Adds the footer to every page — `left` at the left, "n / N" at the right — and
    /// returns the PDF with the fonts subset to the glyphs used and the metadata set, and
    /// the characters that had to be drawn as 〓.
    pub fn finish(mut self, left: &str) -> Rendered {
        self.flush();
        let total = self.pages.len();
        let style = TextStyle::SMALL;
        let baseline = self.setup.height - self.setup.bottom + 24.0;
        let left_x = self.setup.left;
        let right_edge = self.setup.width - self.setup.right;
        for page in 0..total {
            let number = format!("{} / {}", page + 1, total);
            let w = self.fonts.width(&number, style.size);
            self.line_on(
                page,
                (left_x, baseline - 12.0),
                (right_edge, baseline - 12.0),
                0.4,
                GREY_RULE,
            );
            let left_w = right_edge - left_x - w - 12.0;
            let left_line = self
                .wrap(left, style.size, left_w.max(style.size))
                .into_iter()
                .next()
                .unwrap_or_default();
            self.draw_text(page, left_x, baseline, &left_line, style);
            self.draw_text(page, right_edge - w, baseline, &number, style);
        }
        let (width, height) = (pt_to_mm(self.setup.width), pt_to_mm(self.setup.height));
        let pages: Vec<PdfPage> = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|p| PdfPage::new(width, height, p.ops))
            .collect();
        self.doc.with_pages(pages);
        // Only the fonts that drew something are embedded (the fallback font rarely is).
        if let Ok(parsed) = self.fonts.parsed() {
            for (i, (id, font)) in self.font_ids.iter().zip(parsed).enumerate() {
                if self.fonts.is_used(i) {
                    self.doc
                        .resources
                        .fonts
                        .map
                        .insert(id.clone(), printpdf::PdfFont::new(font.clone()));
                }
            }
        }
        // printpdf compresses every stream at the highest zlib level, which takes most of
        // the time of a report; a middle level costs a few percent in size and is several
        // times faster. So printpdf writes the document uncompressed and we compress here.
        let opts = PdfSaveOptions {
            subset_fonts: true,
            optimize: false,
            ..PdfSaveOptions::default()
        };
        let (mut doc, _logged) = to_lopdf(&self.doc, &opts);
        tag_subsets(&mut doc);
        set_info(&mut doc, &self.meta);
        compress_streams(&mut doc, flate2::Compression::new(COMPRESSION_LEVEL));
        let mut out = Vec::new();
        if let Err(e) = doc.save_to(&mut out) {
            // Writing into a Vec fails only on a broken object; the PDF would be unreadable.
            log::error!("the PDF could not be serialised: {e}");
        }
        Rendered {
            pdf: out,
            missing: self.fonts.missing().to_vec(),
        }
    }
}

/// A finished PDF and what could not be shown in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// Characters no bundled font has, drawn as 〓: tell the user before the file is saved.
    pub missing: Vec<MissingChar>,
}

impl Rendered {
    /// A warning naming the characters drawn as 〓, in English (for standard error);
    /// `None` when every character was shown.
    pub fn warning(&self) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        let list: Vec<String> = self.missing.iter().map(ToString::to_string).collect();
        Some(format!(
            "warning: {} character(s) have no glyph in the bundled fonts and are printed as 〓: {}",
            self.missing.len(),
            list.join(", ")
        ))
    }
}

/// Replaces the document information dictionary: title, subject, author, creator and
/// producer, and the creation and modification dates in local time. printpdf's own carries
/// 1970 dates and a `GTS_PDFXVersion` key (a PDF/X claim this file cannot meet).
fn set_info(doc: &mut lopdf::Document, m: &Metadata) {
    use lopdf::{Dictionary, Object, StringFormat};
    let text = |s: &str| {
        if s.is_ascii() {
            Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
        } else {
            let mut bytes = vec![0xFE, 0xFF];
            for u in s.encode_utf16() {
                bytes.extend_from_slice(&u.to_be_bytes());
            }
            Object::String(bytes, StringFormat::Hexadecimal)
        }
    };
    let date = Object::String(m.written.pdf().into_bytes(), StringFormat::Literal);
    let mut info = Dictionary::new();
    info.set("Title", text(&m.title));
    if !m.subject.trim().is_empty() {
        info.set("Subject", text(m.subject.trim()));
    }
    if !m.author.trim().is_empty() {
        info.set("Author", text(m.author.trim()));
    }
    info.set("Creator", text(&producer()));
    info.set("Producer", text(&producer()));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(info));
        }
        Err(_) => {
            let id = doc.add_object(Object::Dictionary(info));
            doc.trailer.set("Info", id);
        }
    }
}

/// Gives every font subset its own `ABCDEF+` tag, derived from a hash of its glyph set (the
/// glyph ids and widths in the CIDFont's `W` array) and its name: printpdf takes the tag from
/// a font id that is the same in every document.
fn tag_subsets(doc: &mut lopdf::Document) {
    use lopdf::Object;
    let mut renames: Vec<(lopdf::ObjectId, Vec<u8>)> = Vec::new();
    for (id, obj) in &doc.objects {
        let Ok(font) = obj.as_dict() else { continue };
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        let Ok(base) = font.get(b"BaseFont").and_then(Object::as_name) else {
            continue;
        };
        if base.len() < 8 || base[6] != b'+' || !base[..6].iter().all(u8::is_ascii_uppercase) {
            continue;
        }
        let name = &base[7..];
        // The descendant CIDFont, inline or by reference.
        let cid = match font
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
        {
            Some(Object::Reference(r)) => doc.get_dictionary(*r).ok(),
            Some(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        let glyphs = cid
            .and_then(|c| c.get(b"W").ok())
            .map(|w| format!("{w:?}"))
            .unwrap_or_default();
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in glyphs.bytes().chain(name.iter().copied()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut tagged = Vec::with_capacity(7 + name.len());
        for _ in 0..6 {
            tagged.push(b'A' + (hash % 26) as u8);
            hash /= 26;
        }
        tagged.push(b'+');
        tagged.extend_from_slice(name);
        renames.push((*id, tagged));
    }
    for (id, name) in renames {
        let mut refs = Vec::new();
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(id) {
            d.set("BaseFont", Object::Name(name.clone()));
            if let Ok(Object::Array(a)) = d.get_mut(b"DescendantFonts") {
                for o in a.iter_mut() {
                    match o {
                        Object::Reference(r) => refs.push(*r),
                        Object::Dictionary(c) => {
                            c.set("BaseFont", Object::Name(name.clone()));
                            if let Ok(r) = c.get(b"FontDescriptor").and_then(Object::as_reference) {
                                refs.push(r);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        let mut more = Vec::new();
        for r in refs {
            if let Ok(Object::Dictionary(d)) = doc.get_object_mut(r) {
                if d.has(b"BaseFont") {
                    d.set("BaseFont", Object::Name(name.clone()));
                }
                if d.has(b"FontName") {
                    d.set("FontName", Object::Name(name.clone()));
                }
                if let Ok(fd) = d.get(b"FontDescriptor").and_then(Object::as_reference) {
                    more.push(fd);
                }
            }
        }
        for r in more {
            if let Ok(Object::Dictionary(d)) = doc.get_object_mut(r) {
                d.set("FontName", Object::Name(name.clone()));
            }
        }
    }
}

/// The zlib level of the PDF's streams (0–9); see [`Layout::finish`].
const COMPRESSION_LEVEL: u32 = 6;

/// Compresses every stream that is not compressed yet (as lopdf's own `compress` does, at
/// `level` instead of the slowest one).
fn compress_streams(doc: &mut lopdf::Document, level: flate2::Compression) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), level);
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(compressed) = encoder.finish() {
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
}

/// The document as lopdf objects, with printpdf's warnings logged (and returned, as logged).
fn to_lopdf(doc: &printpdf::PdfDocument, opts: &PdfSaveOptions) -> (lopdf::Document, Vec<String>) {
    let mut warnings = Vec::new();
    let out = doc.to_lopdf_document(opts, &mut warnings);
    let logged = log_warnings(&warnings);
    (out, logged)
}

/// Logs printpdf's warnings about the document it wrote (an operator it could not place, a
/// font it could not subset), one line each; returns the lines logged.
fn log_warnings(warnings: &[PdfWarnMsg]) -> Vec<String> {
    let lines: Vec<String> = warnings
        .iter()
        .map(|w| {
            format!(
                "printpdf ({:?}) while writing the PDF, page {} operator {}: {}",
                w.severity,
                w.page + 1,
                w.op_id,
                w.msg
            )
        })
        .collect();
    for line in &lines {
        log::warn!("{line}");
    }
    lines
}

fn pt_to_mm(pt: f32) -> printpdf::Mm {
    printpdf::Mm(pt * 25.4 / 72.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use printpdf::{Mm, Op, PdfDocument, TextItem};

    #[test]
    fn printpdfs_warnings_are_logged_not_dropped() {
        // Text shown outside a text section: printpdf writes it and warns.
        let mut doc = PdfDocument::new("t");
        let ops = vec![Op::ShowText {
            items: vec![TextItem::Text("x".into())],
        }];
        doc.with_pages(vec![PdfPage::new(Mm(210.0), Mm(297.0), ops)]);
        let (_, logged) = to_lopdf(&doc, &PdfSaveOptions::default());
        assert_eq!(logged.len(), 1, "{logged:?}");
        assert!(
            logged[0].contains("outside of a text section"),
            "{logged:?}"
        );
        // A well-formed document: nothing to log.
        let mut doc = PdfDocument::new("t");
        doc.with_pages(vec![PdfPage::new(Mm(210.0), Mm(297.0), Vec::new())]);
        assert!(to_lopdf(&doc, &PdfSaveOptions::default()).1.is_empty());
    }
}
