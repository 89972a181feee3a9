//! A small page-layout engine on top of printpdf: A4 pages with margins, headings, wrapped
//! paragraphs, bullet lists, tables whose header repeats on every page, labelled vector bar
//! charts and a footer on every page.
//!
//! Use it as a flow: create a [`Layout`], call the block methods ([`Layout::heading`],
//! [`Layout::paragraph`], [`Layout::bullets`], [`Layout::table`], [`Layout::bar_chart`] …)
//! in reading order; each block starts where the previous one ended and moves to a new page
//! when it does not fit. [`Layout::finish`] adds the footers ("n / N" needs the page count)
//! and returns the PDF bytes. All lengths are in PDF points (1/72 inch), measured from the
//! top-left corner of the page; text is measured with the font's real glyph advances and
//! broken by [`super::linebreak::break_lines`], so nothing runs past the margins.

use printpdf::{
    Codepoint, Color, FontId, Greyscale, Line, LinePoint, Op, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::font::FontMetrics;
use super::linebreak::break_lines;
use super::ReportError;

/// A4 width in points.
pub const A4_WIDTH: f32 = 595.28;
/// A4 height in points.
pub const A4_HEIGHT: f32 = 841.89;

/// Page size and margins, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSetup {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left margin.
    pub left: f32,
    /// Right margin.
    pub right: f32,
    /// Top margin.
    pub top: f32,
    /// Bottom margin (the footer sits inside it).
    pub bottom: f32,
}

impl PageSetup {
    /// A4 portrait with 18 mm side margins, 20 mm top and bottom.
    pub const A4: PageSetup = PageSetup {
        width: A4_WIDTH,
        height: A4_HEIGHT,
        left: 51.0,
        right: 51.0,
        top: 57.0,
        bottom: 57.0,
    };

    /// The width between the margins.
    pub fn body_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    /// The lowest point (from the top) body text may reach.
    pub fn body_bottom(&self) -> f32 {
        self.height - self.bottom
    }
}

/// Font size and line height of a block of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    /// Line height as a multiple of the size.
    pub leading: f32,
    /// Grey level of the text: 0.0 black … 1.0 white.
    pub grey: f32,
}

impl TextStyle {
    /// Body text.
    pub const BODY: TextStyle = TextStyle {
        size: 9.5,
        leading: 1.45,
        grey: 0.0,
    };
    /// Small print (table cells, notes).
    pub const SMALL: TextStyle = TextStyle {
        size: 8.5,
        leading: 1.4,
        grey: 0.0,
    };
    /// The document title.
    pub const TITLE: TextStyle = TextStyle {
        size: 22.0,
        leading: 1.3,
        grey: 0.0,
    };

    /// The height of one line.
    pub fn line_height(&self) -> f32 {
        self.size * self.leading
    }

    /// The heading style of `level` (1 = section, 2 = subsection, 3 = item title).
    pub fn heading(level: u8) -> TextStyle {
        let size = match level {
            0 | 1 => 15.0,
            2 => 12.0,
            _ => 10.5,
        };
        TextStyle {
            size,
            leading: 1.35,
            grey: 0.0,
        }
    }
}

/// One column of a [`Table`].
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header text.
    pub title: String,
    /// Share of the body width (the shares of a table are normalised to add up to 1).
    pub share: f32,
}

/// A table: a header row repeated on every page it runs over, and rows of wrapped cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column (missing cells are empty).
    pub rows: Vec<Vec<String>>,
    /// The least height of a body row, e.g. to leave room for handwriting.
    pub min_row_height: f32,
    /// Leave out the header row (for label/value lists); the column titles are then unused.
    pub no_header: bool,
}

/// One bar of a [`Layout::bar_chart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What the bar measures, in words.
    pub label: String,
    /// The value, 0 to 100; `None` draws no bar.
    pub value: Option<f32>,
    /// The value in words and numbers, printed after the bar (e.g. `72 / 100 要改善`).
    pub caption: String,
}

/// Where a text run was placed: for checks that nothing leaves the page body.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Page index (0-based).
    pub page: usize,
    /// Left edge, points from the left of the page.
    pub x: f32,
    /// Baseline, points from the top of the page.
    pub y: f32,
    /// Width of the run.
    pub width: f32,
    /// The text.
    pub text: String,
}

const CELL_PAD: f32 = 3.5;
const GREY_RULE: f32 = 0.55;
const GREY_HEADER: f32 = 0.88;

/// The drawing operations of one page and the graphics state they leave, so unchanged
/// settings (font size, colours, line width) are not repeated.
#[derive(Default)]
struct PageOps {
    ops: Vec<Op>,
    font_size: Option<f32>,
    fill: Option<f32>,
    stroke: Option<f32>,
    thickness: Option<f32>,
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
}

/// The flow layout of one document. See the module documentation.
pub struct Layout {
    metrics: FontMetrics,
    font: FontId,
    doc: PdfDocument,
    setup: PageSetup,
    pages: Vec<PageOps>,
    y: f32,
    placed: Vec<Placed>,
}

impl std::fmt::Debug for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layout")
            .field("pages", &self.pages.len())
            .field("y", &self.y)
            .finish_non_exhaustive()
    }
}

impl Layout {
    /// Starts a document titled `title` (PDF metadata) with the bundled font, on one empty
    /// page.
    pub fn new(title: &str, setup: PageSetup) -> Result<Layout, ReportError> {
        let metrics = FontMetrics::bundled()?;
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(super::font::embeddable_font(), 0, &mut warnings)
            .ok_or_else(|| {
                ReportError::Font(super::font::FontError {
                    message: format!(
                        "printpdf could not parse it ({} warning(s))",
                        warnings.len()
                    ),
                })
            })?;
        let mut doc = PdfDocument::new(title);
        let font = doc.add_font(&parsed);
        Ok(Layout {
            metrics,
            font,
            doc,
            setup,
            pages: vec![PageOps::default()],
            y: setup.top,
            placed: Vec::new(),
        })
    }

    /// The page setup.
    pub fn setup(&self) -> PageSetup {
        self.setup
    }

    /// The font metrics used for measuring.
    pub fn metrics(&self) -> &FontMetrics {
        &self.metrics
    }

    /// The width of `text` at `size` points.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        self.metrics.width(text, size)
    }

    /// Breaks `text` into lines of at most `width` points at `size`.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        break_lines(text, width, &|s| self.metrics.width(s, size))
    }

    /// The current vertical position (points from the top of the page).
    pub fn cursor(&self) -> f32 {
        self.y
    }

    /// The number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Every text run placed so far.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    /// The space left on the current page.
    pub fn remaining(&self) -> f32 {
        self.setup.body_bottom() - self.y
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(PageOps::default());
        self.y = self.setup.top;
    }

    /// Starts a new page unless `height` points still fit on this one (or the page is empty).
    pub fn ensure(&mut self, height: f32) {
        if height > self.remaining() && self.y > self.setup.top + 0.5 {
            self.new_page();
        }
    }

    /// Adds vertical space (never carried over to a new page).
    pub fn space(&mut self, height: f32) {
        self.y = (self.y + height).min(self.setup.body_bottom());
    }

    fn page(&mut self) -> &mut PageOps {
        if self.pages.is_empty() {
            self.pages.push(PageOps::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Draws one line of text with its baseline at `baseline` (from the top), starting at
    /// `x`, on the current page. Low-level: no wrapping, no page break.
    pub fn text_at(&mut self, x: f32, baseline: f32, text: &str, style: TextStyle) {
        if text.is_empty() {
            return;
        }
        let page = self.pages.len().saturating_sub(1);
        self.draw_text(page, x, baseline, text, style);
    }

    fn draw_text(&mut self, page: usize, x: f32, baseline: f32, text: &str, style: TextStyle) {
        let width = self.metrics.width(text, style.size);
        let h = self.setup.height;
        let font = self.font.clone();
        if let Some(p) = self.pages.get_mut(page) {
            p.fill(style.grey);
            p.ops.push(Op::StartTextSection);
            if p.font_size != Some(style.size) {
                p.font_size = Some(style.size);
                p.ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font),
                    size: Pt(style.size),
                });
            }
            p.ops.push(Op::SetTextCursor {
                pos: Point {
                    x: Pt(x),
                    y: Pt(h - baseline),
                },
            });
            // Glyph ids looked up here (fast), each with its text for copy and paste;
            // printpdf's own per-character look-up in this large CJK font is slow.
            let glyphs = text
                .chars()
                .map(|c| Codepoint {
                    gid: self.metrics.glyph_id(c),
                    offset: 0.0,
                    cid: Some(c.to_string()),
                })
                .collect();
            p.ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            });
            p.ops.push(Op::EndTextSection);
        }
        self.placed.push(Placed {
            page,
            x,
            y: baseline,
            width,
            text: text.to_string(),
        });
    }

    /// Draws a filled rectangle (top-left corner `x`, `top`), grey level `fill`.
    pub fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, fill: f32) {
        let h = self.setup.height;
        let p = self.page();
        p.fill(fill);
        p.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(h - top - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(printpdf::PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// Draws the outline of a rectangle.
    pub fn stroke_rect(&mut self, x: f32, top: f32, width: f32, height: f32, line: f32) {
        let h = self.setup.height;
        let p = self.page();
        p.stroke(0.0, line);
        p.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(h - top - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(printpdf::PaintMode::Stroke),
                winding_order: None,
            },
        });
    }

    /// Draws a straight line between two points (from the top-left), grey level `shade`.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, shade: f32) {
        let page = self.pages.len().saturating_sub(1);
        self.line_on(page, from, to, thickness, shade);
    }

    fn line_on(
        &mut self,
        page: usize,
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        shade: f32,
    ) {
        let h = self.setup.height;
        let Some(p) = self.pages.get_mut(page) else {
            return;
        };
        p.stroke(shade, thickness);
        p.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(from.0),
                            y: Pt(h - from.1),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(to.0),
                            y: Pt(h - to.1),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    /// A horizontal rule across the body.
    pub fn rule(&mut self) {
        self.ensure(6.0);
        let y = self.y + 3.0;
        let (l, r) = (self.setup.left, self.setup.width - self.setup.right);
        self.line((l, y), (r, y), 0.5, GREY_RULE);
        self.y += 6.0;
    }

    /// Wrapped text starting `indent` points from the left margin, breaking pages between
    /// lines as needed.
    pub fn paragraph_indented(&mut self, text: &str, style: TextStyle, indent: f32) {
        let width = self.setup.body_width() - indent;
        let lh = style.line_height();
        for line in self.wrap(text, style.size, width) {
            self.ensure(lh);
            let baseline = self.y + style.size * (1.0 + (style.leading - 1.0) / 2.0) * 0.88;
            let x = self.setup.left + indent;
            self.text_at(x, baseline, &line, style);
            self.y += lh;
        }
    }

    /// A wrapped paragraph across the body, followed by a little space.
    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        self.paragraph_indented(text, style, 0.0);
        self.space(style.size * 0.4);
    }

    /// A heading of `level` (1–3); it is moved to the next page rather than left alone at
    /// the bottom of one.
    pub fn heading(&mut self, text: &str, level: u8) {
        let style = TextStyle::heading(level);
        let lines = self.wrap(text, style.size, self.setup.body_width()).len();
        let before = if self.y > self.setup.top + 0.5 {
            style.size * 0.8
        } else {
            0.0
        };
        // Keep with at least three lines of what follows.
        self.ensure(
            before + lines as f32 * style.line_height() + 3.0 * TextStyle::BODY.line_height(),
        );
        if self.y > self.setup.top + 0.5 {
            self.space(before);
        }
        self.paragraph_indented(text, style, 0.0);
        if level <= 1 {
            let y = self.y + 1.0;
            let (l, r) = (self.setup.left, self.setup.width - self.setup.right);
            self.line((l, y), (r, y), 0.8, 0.0);
            self.y += 5.0;
        } else {
            self.y += 2.0;
        }
    }

    /// A bullet list; each item wraps under its own first character.
    pub fn bullets(&mut self, items: &[String], style: TextStyle) {
        let indent = style.size * 1.2;
        for item in items {
            let width = self.setup.body_width() - indent;
            let lh = style.line_height();
            for (i, line) in self.wrap(item, style.size, width).into_iter().enumerate() {
                self.ensure(lh);
                let baseline = self.y + style.size * (1.0 + (style.leading - 1.0) / 2.0) * 0.88;
                if i == 0 {
                    // A small square: the same mark in every language.
                    let side = style.size * 0.3;
                    let top = baseline - style.size * 0.35 - side / 2.0;
                    self.fill_rect(
                        self.setup.left + style.size * 0.3,
                        top,
                        side,
                        side,
                        style.grey,
                    );
                }
                self.text_at(self.setup.left + indent, baseline, &line, style);
                self.y += lh;
            }
        }
        self.space(style.size * 0.4);
    }

    /// A table (see [`Table`]): the header row is drawn shaded at the top and again on every
    /// page the table continues on; a row taller than a page is split between lines.
    pub fn table(&mut self, table: &Table, style: TextStyle) {
        let body = self.setup.body_width();
        let total: f32 = table.columns.iter().map(|c| c.share.max(0.0)).sum();
        let total = if total > 0.0 { total } else { 1.0 };
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| body * c.share.max(0.0) / total)
            .collect();
        let lh = style.line_height();
        let wrap_row = |this: &Layout, cells: &[String]| -> Vec<Vec<String>> {
            widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let text = cells.get(i).map(String::as_str).unwrap_or("");
                    this.wrap(text, style.size, (w - 2.0 * CELL_PAD).max(style.size))
                })
                .collect()
        };
        let header: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let header_lines = wrap_row(self, &header);
        let header_h =
            header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD;
        let header_h = if table.no_header { 0.0 } else { header_h };
        // The header plus one line of the first row must fit.
        self.ensure(header_h + lh + 2.0 * CELL_PAD);
        if table.no_header {
            let right = self.setup.left + widths.iter().sum::<f32>();
            self.line((self.setup.left, self.y), (right, self.y), 0.6, 0.0);
        } else {
            self.table_row(&widths, &header_lines, 0, header_h, style, true);
        }
        for row in &table.rows {
            let cells = wrap_row(self, row);
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let full_h = (n as f32 * lh + 2.0 * CELL_PAD).max(table.min_row_height);
            let mut start = 0;
            loop {
                let left = n - start;
                let need =
                    (left as f32 * lh + 2.0 * CELL_PAD).max(if start == 0 { full_h } else { 0.0 });
                if need <= self.remaining() {
                    self.table_row(&widths, &cells, start, need, style, false);
                    break;
                }
                // Split: as many lines as fit here, the rest after a new header.
                let fit = ((self.remaining() - 2.0 * CELL_PAD) / lh).floor().max(0.0) as usize;
                if fit >= 2 || (fit >= 1 && left <= 2) {
                    let fit = fit.min(left);
                    let h = fit as f32 * lh + 2.0 * CELL_PAD;
                    let part: Vec<Vec<String>> = cells
                        .iter()
                        .map(|c| c.iter().skip(start).take(fit).cloned().collect())
                        .collect();
                    self.table_row(&widths, &part, 0, h, style, false);
                    start += fit;
                    if start >= n {
                        break;
                    }
                }
                self.new_page();
                if !table.no_header {
                    self.table_row(&widths, &header_lines, 0, header_h, style, true);
                }
            }
        }
        self.space(style.size * 0.6);
    }

    /// Draws one table row of height `h` at the cursor from line `start` of each cell.
    fn table_row(
        &mut self,
        widths: &[f32],
        cells: &[Vec<String>],
        start: usize,
        h: f32,
        style: TextStyle,
        header: bool,
    ) {
        let top = self.y;
        let mut x = self.setup.left;
        if header {
            self.fill_rect(x, top, widths.iter().sum(), h, GREY_HEADER);
        }
        let lh = style.line_height();
        for (w, lines) in widths.iter().zip(cells) {
            for (i, line) in lines.iter().skip(start).enumerate() {
                let line_top = top + CELL_PAD + i as f32 * lh;
                if line_top + lh > top + h + 0.01 {
                    break;
                }
                let baseline = line_top + style.size * (1.0 + (style.leading - 1.0) / 2.0) * 0.88;
                self.text_at(x + CELL_PAD, baseline, line, style);
            }
            x += w;
        }
        // Grid: the bottom line of the row and the column separators.
        let right = self.setup.left + widths.iter().sum::<f32>();
        if header {
            self.line((self.setup.left, top), (right, top), 0.6, 0.0);
        }
        self.line((self.setup.left, top + h), (right, top + h), 0.5, GREY_RULE);
        let mut x = self.setup.left;
        for w in widths.iter().take(widths.len().saturating_sub(1)) {
            x += w;
            self.line((x, top), (x, top + h), 0.4, GREY_RULE);
        }
        self.y = top + h;
    }

    /// A horizontal bar chart: one row per [`Bar`], the label on the left (wrapped), a bar
    /// scaled 0–100 with tick marks at `marks` (e.g. the band limits), and the caption in
    /// words and numbers after the bar, so it reads in black and white.
    pub fn bar_chart(&mut self, bars: &[Bar], marks: &[f32], style: TextStyle) {
        let body = self.setup.body_width();
        let label_w = body * 0.38;
        let caption_w = body * 0.24;
        let bar_w = body - label_w - caption_w - 12.0;
        let lh = style.line_height();
        let bar_h = style.size * 1.1;
        let x_bar = self.setup.left + label_w + 6.0;
        for bar in bars {
            let label = self.wrap(&bar.label, style.size, label_w - 4.0);
            let caption = self.wrap(&bar.caption, style.size, caption_w);
            let n = label.len().max(caption.len()).max(1);
            let h = (n as f32 * lh).max(bar_h + 4.0) + 4.0;
            self.ensure(h);
            let top = self.y + 2.0;
            let baseline = top + style.size * (1.0 + (style.leading - 1.0) / 2.0) * 0.88;
            for (i, l) in label.iter().enumerate() {
                self.text_at(self.setup.left, baseline + i as f32 * lh, l, style);
            }
            let bar_top = top + (lh - bar_h) / 2.0;
            self.stroke_rect(x_bar, bar_top, bar_w, bar_h, 0.5);
            if let Some(v) = bar.value {
                let v = v.clamp(0.0, 100.0);
                if v > 0.0 {
                    self.fill_rect(x_bar, bar_top, bar_w * v / 100.0, bar_h, 0.35);
                }
            }
            for m in marks {
                let mx = x_bar + bar_w * m.clamp(0.0, 100.0) / 100.0;
                self.line((mx, bar_top - 2.0), (mx, bar_top + bar_h + 2.0), 0.6, 0.0);
            }
            let cx = x_bar + bar_w + 6.0;
            for (i, l) in caption.iter().enumerate() {
                self.text_at(cx, baseline + i as f32 * lh, l, style);
            }
            self.y = top + h - 2.0;
        }
        self.space(style.size * 0.6);
    }

    /// Adds the footer to every page — `left` at the left, "n / N" at the right — and
    /// returns the PDF with the font subset to the glyphs used.
    pub fn finish(mut self, left: &str) -> Vec<u8> {
        let total = self.pages.len();
        let style = TextStyle::SMALL;
        let baseline = self.setup.height - self.setup.bottom + 24.0;
        let left_x = self.setup.left;
        let right_edge = self.setup.width - self.setup.right;
        for page in 0..total {
            let number = format!("{} / {}", page + 1, total);
            let w = self.metrics.width(&number, style.size);
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
        let pages: Vec<PdfPage> = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|p| {
                PdfPage::new(
                    pt_to_mm(self.setup.width),
                    pt_to_mm(self.setup.height),
                    p.ops,
                )
            })
            .collect();
        self.doc.with_pages(pages);
        // printpdf compresses every stream at the highest zlib level, which takes most of
        // the time of a report; a middle level costs a few percent in size and is several
        // times faster. So printpdf writes the document uncompressed and we compress here.
        let opts = PdfSaveOptions {
            subset_fonts: true,
            optimize: false,
            ..PdfSaveOptions::default()
        };
        let mut doc = self.doc.to_lopdf_document(&opts, &mut Vec::new());
        compress_streams(&mut doc, flate2::Compression::new(COMPRESSION_LEVEL));
        let mut out = Vec::new();
        // Writing into a Vec cannot fail.
        let _ = doc.save_to(&mut out);
        out
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

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level.clamp(0.0, 1.0),
        icc_profile: None,
    })
}

fn pt_to_mm(pt: f32) -> printpdf::Mm {
    printpdf::Mm(pt * 25.4 / 72.0)
}
