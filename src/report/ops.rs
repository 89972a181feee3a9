//! The drawing operators of a page as printpdf ops (text runs, rectangles, lines, with the
//! graphics state they leave, so no operator is repeated), and the document's metadata.

use printpdf::{
    Codepoint, Color, Greyscale, Line, LinePoint, Op, PdfFontHandle, Point, Pt, Rect, TextItem,
};

use super::page::TextStyle;
use crate::model::clock::LocalTime;

/// The document information a PDF reader shows (File › Properties).
#[derive(Clone, Debug, PartialEq)]
pub struct Metadata {
    /// The title.
    pub title: String,
    /// What the document is about (e.g. the company's name).
    pub subject: String,
    /// Who made it (the assessor, when given).
    pub author: String,
    /// When it was written; also its modification date.
    pub written: LocalTime,
}

impl Metadata {
    /// Metadata titled `title`, written now.
    pub fn new(title: &str) -> Metadata {
        Metadata {
            title: title.to_string(),
            subject: String::new(),
            author: String::new(),
            written: LocalTime::now(),
        }
    }
}

/// `mamori VERSION`: the Creator and Producer of every PDF.
pub fn producer() -> String {
    format!("mamori {}", env!("CARGO_PKG_VERSION"))
}

/// The drawing operations of one page and the graphics state they leave.
#[derive(Default)]
pub(super) struct PageOps {
    pub(super) ops: Vec<printpdf::Op>,
    pub(super) font: Option<(usize, f32)>,
    pub(super) fill: Option<f32>,
    pub(super) stroke: Option<f32>,
    pub(super) thickness: Option<f32>,
}

impl PageOps {
    fn fill(&mut self, g: f32) {
        if self.fill != Some(g) {
            self.fill = Some(g);
            self.ops.push(Op::SetFillColor { col: grey(g) });
        }
    }

    fn stroke(&mut self, g: f32, thickness: f32) {
        if self.stroke != Some(g) {
            self.stroke = Some(g);
            self.ops.push(Op::SetOutlineColor { col: grey(g) });
        }
        if self.thickness != Some(thickness) {
            self.thickness = Some(thickness);
            self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        }
    }

    /// Text runs of one font each, starting at (`x`, `y`) in PDF coordinates.
    pub(super) fn text(
        &mut self,
        fonts: &[printpdf::FontId],
        x: f32,
        y: f32,
        runs: &[(usize, Vec<(u16, char)>)],
        style: TextStyle,
    ) {
        if runs.is_empty() {
            return;
        }
        self.fill(style.grey);
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        });
        for (font, glyphs) in runs {
            if self.font != Some((*font, style.size)) {
                self.font = Some((*font, style.size));
                self.ops.push(Op::SetFont {
                    font: PdfFontHandle::External(fonts[*font].clone()),
                    size: Pt(style.size),
                });
            }
            // Glyph ids looked up by us (fast), each with its text for copy and paste.
            let items = glyphs
                .iter()
                .map(|(gid, c)| Codepoint {
                    gid: *gid,
                    offset: 0.0,
                    cid: Some(c.to_string()),
                })
                .collect();
            self.ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(items)],
            });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// A rectangle (bottom-left `x`, `y` in PDF coordinates), filled and/or outlined.
    pub(super) fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<f32>,
        line: Option<f32>,
    ) {
        let mode = match (fill, line) {
            (Some(g), _) => {
                self.fill(g);
                printpdf::PaintMode::Fill
            }
            (None, Some(t)) => {
                self.stroke(0.0, t);
                printpdf::PaintMode::Stroke
            }
            (None, None) => return,
        };
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(w),
                height: Pt(h),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    /// A straight line in PDF coordinates.
    pub(super) fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, shade: f32) {
        self.stroke(shade, thickness);
        let point = |(x, y): (f32, f32)| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(from), point(to)],
                is_closed: false,
            },
        });
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level.clamp(0.0, 1.0),
        icc_profile: None,
    })
}
