//! PDFs parsed back with printpdf's own parser: the text runs of every page with their
//! position and size.

use mamori::report::layout::PageSetup;
use printpdf::{Op, PdfDocument, PdfParseOptions, TextItem};

/// One text run as placed on a page: x, baseline from the top, font size, text.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

/// The PDF parsed back with printpdf's own parser.
pub struct Parsed {
    pub pages: Vec<Vec<Run>>,
    pub height: f32,
    pub width: f32,
}

impl Parsed {
    pub fn new(bytes: &[u8]) -> Parsed {
        let doc = PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut Vec::new()).unwrap();
        let mut pages = Vec::new();
        let (mut width, mut height) = (0.0, 0.0);
        for page in &doc.pages {
            width = page.media_box.width.0;
            height = page.media_box.height.0;
            let mut runs = Vec::new();
            let (mut x, mut y, mut size) = (0.0, 0.0, 0.0);
            for op in &page.ops {
                match op {
                    Op::SetFont { size: s, .. } => size = s.0,
                    Op::SetTextCursor { pos } => {
                        x = pos.x.0;
                        y = height - pos.y.0;
                    }
                    Op::SetTextMatrix { matrix } => {
                        let m = matrix.as_array();
                        x = m[4];
                        y = height - m[5];
                    }
                    Op::ShowText { items } => {
                        let mut text = String::new();
                        for item in items {
                            match item {
                                TextItem::Text(t) => text.push_str(t),
                                TextItem::GlyphIds(g) => {
                                    for c in g {
                                        text.push_str(c.cid.as_deref().unwrap_or("\u{fffd}"));
                                    }
                                }
                                TextItem::Offset(_) => {}
                            }
                        }
                        runs.push(Run { x, y, size, text });
                    }
                    _ => {}
                }
            }
            pages.push(runs);
        }
        Parsed {
            pages,
            height,
            width,
        }
    }

    /// The runs of the page bodies (without the footers), pages in order.
    pub fn body(&self) -> impl Iterator<Item = &Run> {
        let bottom = self.height - PageSetup::A4.bottom;
        self.pages.iter().flatten().filter(move |r| r.y <= bottom)
    }

    /// Every line of the page bodies, joined by newlines.
    pub fn text(&self) -> String {
        self.body()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The text without any white space, so sentences wrapped over lines can be searched
    /// with [`squash`]ed needles.
    pub fn flat(&self) -> String {
        squash(&self.body().map(|r| r.text.as_str()).collect::<String>())
    }

    /// Whether `needle` appears, ignoring white space (lines break at spaces).
    pub fn has(&self, needle: &str) -> bool {
        self.flat().contains(&squash(needle))
    }
}

pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every text run of the PDF, footers included, without white space (lines wrap at spaces).
pub fn all_text(bytes: &[u8]) -> String {
    let p = Parsed::new(bytes);
    squash(
        &p.pages
            .iter()
            .flatten()
            .map(|r| r.text.as_str())
            .collect::<String>(),
    )
}

/// Whether `needle` is in `text` from [`all_text`], ignoring white space.
pub fn has(text: &str, needle: &str) -> bool {
    text.contains(&squash(needle))
}
