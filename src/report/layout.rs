//! A small page-layout engine on top of printpdf: A4 pages with margins, headings, wrapped
//! paragraphs, bullet lists, tables whose header repeats on every page, labelled vector bar
//! charts and a footer on every page.
//!
//! Use it as a flow: create a [`Layout`], call the block methods ([`Layout::heading`],
//! [`Layout::paragraph`], [`Layout::bullets`], [`Layout::table`], [`Layout::bar_chart`] …)
//! in reading order; each block starts where the previous one ended. [`Layout::finish`]
//! adds the footers ("n / N" needs the page count) and returns the PDF bytes. All lengths
//! are in PDF points (1/72 inch), measured from the top-left corner of the page; text is
//! measured with the fonts' real glyph advances and broken by
//! [`super::linebreak::break_lines`], so nothing runs past the margins.
//!
//! Page breaks follow rules a typesetter would:
//! - every block is measured first as a list of [`Row`]s (a line of text, a table row, a
//!   bar), then placed;
//! - a heading is held back and placed with the start of what follows it, so a heading
//!   never ends a page;
//! - a paragraph or list splits only with at least two lines on each side (no single line
//!   alone at the top or bottom of a page);
//! - a table row, a chart and a group made with [`Layout::keep_together`] never split,
//!   unless one is taller than a whole page: then it splits with at least two lines on
//!   each side;
//! - a table's header is drawn again at the top of each page the table continues on.

use printpdf::{FontId, PdfDocument};

use super::font::{FontSet, MissingChar};
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
    /// A prominent line that is not a heading (the company's name, the overall result).
    pub const LEAD: TextStyle = TextStyle {
        size: 14.0,
        leading: 1.35,
        grey: 0.0,
    };
    /// An emphasised line that is not a heading (a banner, the disclaimer).
    pub const STRONG: TextStyle = TextStyle {
        size: 10.0,
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

pub use super::blocks::{Bar, Column, Table};

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

/// One drawing operation of a [`Row`], relative to the row's top-left corner (x from the
/// page's left edge, y from the row's top).
#[derive(Clone, Debug, PartialEq)]
pub enum Draw {
    /// One line of text; `y` is its baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline below the row's top.
        y: f32,
        /// The text (no line breaks).
        text: String,
        /// Size and grey level.
        style: TextStyle,
    },
    /// A filled rectangle.
    Fill {
        /// Left edge.
        x: f32,
        /// Top below the row's top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Grey level 0.0 (black) … 1.0 (white).
        grey: f32,
    },
    /// The outline of a rectangle.
    Stroke {
        /// Left edge.
        x: f32,
        /// Top below the row's top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Line width.
        line: f32,
    },
    /// A straight line.
    Line {
        /// Start (x, y below the row's top).
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Line width.
        thickness: f32,
        /// Grey level.
        grey: f32,
    },
}

/// An unbreakable horizontal strip of a block: a line of text, a table row's line, a bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// Its height.
    pub height: f32,
    /// What it draws.
    pub draws: Vec<Draw>,
    /// Whether a page may break right before it (inside a block).
    pub breakable: bool,
    /// Empty space only: dropped at the top of a page.
    pub spacer: bool,
}

impl Row {
    /// Empty space of `height`.
    pub fn spacer(height: f32) -> Row {
        Row {
            height,
            draws: Vec::new(),
            breakable: true,
            spacer: true,
        }
    }
}

/// How a block may be split across pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Never split, unless taller than a page (then with at least two rows on each side).
    Whole,
    /// Split between rows, with at least two rows on each side.
    Lines,
}

/// How a block was placed: for checks of the page-break rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// First page (0-based).
    pub first_page: usize,
    /// Last page.
    pub last_page: usize,
    /// Whether the block was taller than a page's body.
    pub over_tall: bool,
    /// How it was to be kept.
    pub keep: Keep,
    /// Rows on each page it touched (spacers not counted).
    pub rows_per_page: Vec<usize>,
    /// Whether the block is a heading placed with what follows it.
    pub heading: bool,
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

/// The flow layout of one document. See the module documentation.
pub struct Layout {
    pub(super) fonts: FontSet,
    pub(super) font_ids: Vec<FontId>,
    pub(super) doc: PdfDocument,
    pub(super) setup: PageSetup,
    pub(super) pages: Vec<PageOps>,
    y: f32,
    /// Where the body of the current page starts (below a repeated table header).
    page_start: f32,
    placed: Vec<Placed>,
    placements: Vec<Placement>,
    /// Headings waiting to be placed with what follows them.
    pending: Vec<Row>,
    /// Rows collected by [`Layout::keep_together`].
    collect: Option<Vec<Row>>,
    /// Rows drawn at the top of every page a block continues on (a table's header).
    pub(super) repeat: Vec<Row>,
    pub(super) meta: super::pdf::Metadata,
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
    /// Starts a document titled `title` (PDF metadata) with the bundled fonts, on one empty
    /// page.
    pub fn new(title: &str, setup: PageSetup) -> Result<Layout, ReportError> {
        let fonts = FontSet::bundled()?;
        // Parsed once per run; an unreadable font is reported here, before any layout.
        fonts.parsed()?;
        // The fonts are added to the document when it is finished, and only those used.
        let font_ids = (0..fonts.embeddable().len())
            .map(|i| FontId(format!("MAMORIFONT{}", char::from(b'A' + i as u8))))
            .collect();
        let doc = PdfDocument::new(title);
        Ok(Layout {
            fonts,
            font_ids,
            doc,
            setup,
            pages: vec![PageOps::default()],
            y: setup.top,
            page_start: setup.top,
            placed: Vec::new(),
            placements: Vec::new(),
            pending: Vec::new(),
            collect: None,
            repeat: Vec::new(),
            meta: super::pdf::Metadata::new(title),
        })
    }

    /// The page setup.
    pub fn setup(&self) -> PageSetup {
        self.setup
    }

    /// The fonts used for measuring and drawing.
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// The width of `text` at `size` points.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        self.fonts.width(text, size)
    }

    /// Breaks `text` into lines of at most `width` points at `size`.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        break_lines(text, width, &|s| self.fonts.width(s, size))
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

    /// How every block was placed, in order.
    pub fn placements(&self) -> &[Placement] {
        &self.placements
    }

    /// Characters that no bundled font has, drawn as 〓 (each once, in order of first use).
    pub fn missing_chars(&self) -> &[MissingChar] {
        self.fonts.missing()
    }

    /// The space left on the current page.
    pub fn remaining(&self) -> f32 {
        self.setup.body_bottom() - self.y
    }

    fn fresh(&self) -> bool {
        self.y <= self.page_start + 0.5
    }

    /// Starts a new page; the rows in [`Layout::repeat`] (a table header) are drawn at its top.
    pub fn new_page(&mut self) {
        self.pages.push(PageOps::default());
        self.y = self.setup.top;
        let repeat = std::mem::take(&mut self.repeat);
        for row in &repeat {
            self.draw_row(row);
        }
        self.repeat = repeat;
        self.page_start = self.y;
    }

    /// Starts a new page unless `height` points still fit on this one (or the page is
    /// empty); held-back headings are placed first, with the `height` that follows them.
    pub fn ensure(&mut self, height: f32) {
        let pending: f32 = self.pending.iter().map(|r| r.height).sum();
        if pending + height > self.remaining() && !self.fresh() {
            self.new_page();
        }
        self.flush_pending();
    }

    /// Adds vertical space (dropped at the top of a page).
    pub fn space(&mut self, height: f32) {
        if let Some(c) = &mut self.collect {
            c.push(Row::spacer(height));
        } else if !self.pending.is_empty() {
            self.pending.push(Row::spacer(height));
        } else if !self.fresh() {
            self.y = (self.y + height).min(self.setup.body_bottom());
        }
    }

    /// Lays out what `f` adds as one block that is never split across pages (unless it is
    /// taller than a page): a finding, a desk's entry, a chart with its title.
    pub fn keep_together(&mut self, f: impl FnOnce(&mut Layout)) {
        if self.collect.is_some() {
            f(self);
            return;
        }
        self.collect = Some(Vec::new());
        f(self);
        let rows = self.collect.take().unwrap_or_default();
        self.place(rows, Keep::Whole);
    }

    /// Holds `rows` (a heading) back until the next block, and places them with its start.
    pub fn hold(&mut self, rows: Vec<Row>) {
        if let Some(c) = &mut self.collect {
            c.extend(rows);
        } else {
            self.pending.extend(rows);
        }
    }

    fn flush_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.pending);
        let page = self.pages.len() - 1;
        let count = rows.iter().filter(|r| !r.spacer).count();
        for row in &rows {
            if !(row.spacer && self.fresh()) {
                self.draw_row(row);
            }
        }
        self.placements.push(Placement {
            first_page: page,
            last_page: page,
            over_tall: false,
            keep: Keep::Whole,
            rows_per_page: vec![count],
            heading: true,
        });
    }

    /// Places a block of rows by the rules of the module documentation.
    pub fn place(&mut self, rows: Vec<Row>, keep: Keep) {
        if let Some(c) = &mut self.collect {
            c.extend(rows);
            return;
        }
        // Trailing spacers may run into the bottom margin; leading ones go at a page top.
        let content = rows.iter().rposition(|r| !r.spacer).map_or(0, |i| i + 1);
        let n = content;
        let heights: Vec<f32> = rows.iter().map(|r| r.height).collect();
        let total: f32 = heights[..n].iter().sum();
        let pending: f32 = self.pending.iter().map(|r| r.height).sum();
        let body = self.setup.body_bottom() - self.setup.top - self.repeat_height();
        let over_tall = total > body;
        let whole = !over_tall && (keep == Keep::Whole || n < 4 || total + pending <= body);
        let first: f32 = if whole && (keep == Keep::Whole || n < 4) {
            total
        } else {
            heights[..n.min(2)].iter().sum()
        };
        if pending + first > self.remaining() + 0.01 && !self.fresh() {
            self.new_page();
        }
        self.flush_pending();
        let mut placement = Placement {
            first_page: self.pages.len() - 1,
            last_page: self.pages.len() - 1,
            over_tall,
            keep,
            rows_per_page: vec![0],
            heading: false,
        };
        let mut i = 0;
        while i < rows.len() {
            let mut fit = 0;
            let mut h = 0.0;
            while i + fit < n && h + heights[i + fit] <= self.remaining() + 0.01 {
                h += heights[i + fit];
                fit += 1;
            }
            if i + fit >= n {
                for row in &rows[i..] {
                    self.draw_counted(row, &mut placement);
                }
                break;
            }
            let mut k = i + fit;
            while k > i && !(k - i >= 2 && n - k >= 2 && rows[k].breakable) {
                k -= 1;
            }
            if k == i {
                if !self.fresh() {
                    self.new_page();
                    placement.rows_per_page.push(0);
                    continue;
                }
                // A page cannot hold two rows: place what fits, at least one.
                k = i + fit.max(1);
            }
            for row in &rows[i..k] {
                self.draw_counted(row, &mut placement);
            }
            i = k;
            self.new_page();
            placement.rows_per_page.push(0);
        }
        placement.last_page = self.pages.len() - 1;
        // A page break that came before anything was drawn is not a split.
        while placement.rows_per_page.len() > 1 && placement.rows_per_page[0] == 0 {
            placement.rows_per_page.remove(0);
            placement.first_page += 1;
        }
        self.placements.push(placement);
    }

    fn draw_counted(&mut self, row: &Row, placement: &mut Placement) {
        if row.spacer && self.fresh() {
            return;
        }
        self.draw_row(row);
        if !row.spacer {
            if let Some(last) = placement.rows_per_page.last_mut() {
                *last += 1;
            }
        }
    }

    fn repeat_height(&self) -> f32 {
        self.repeat.iter().map(|r| r.height).sum()
    }

    /// Draws `row` at the cursor and moves the cursor below it.
    fn draw_row(&mut self, row: &Row) {
        let top = self.y;
        let page = self.pages.len() - 1;
        for d in &row.draws {
            match d {
                Draw::Text { x, y, text, style } => {
                    self.draw_text(page, *x, top + y, text, *style);
                }
                Draw::Fill { x, y, w, h, grey } => {
                    self.rect_on(page, *x, top + y, *w, *h, Some(*grey), None)
                }
                Draw::Stroke { x, y, w, h, line } => {
                    self.rect_on(page, *x, top + y, *w, *h, None, Some(*line))
                }
                Draw::Line {
                    from,
                    to,
                    thickness,
                    grey,
                } => self.line_on(
                    page,
                    (from.0, top + from.1),
                    (to.0, top + to.1),
                    *thickness,
                    *grey,
                ),
            }
        }
        self.y = (top + row.height).min(self.setup.body_bottom().max(top));
    }

    /// Draws one line of text with its baseline at `baseline` (from the top), starting at
    /// `x`, on the current page. Low-level: no wrapping, no page break.
    pub fn text_at(&mut self, x: f32, baseline: f32, text: &str, style: TextStyle) {
        if text.is_empty() {
            return;
        }
        let page = self.pages.len() - 1;
        self.draw_text(page, x, baseline, text, style);
    }

    pub(super) fn draw_text(
        &mut self,
        page: usize,
        x: f32,
        baseline: f32,
        text: &str,
        style: TextStyle,
    ) {
        let width = self.fonts.width(text, style.size);
        let runs = self.fonts.runs(text);
        let h = self.setup.height;
        let Some(p) = self.pages.get_mut(page) else {
            return;
        };
        p.text(&self.font_ids, x, h - baseline, &runs, style);
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
        let page = self.pages.len() - 1;
        self.rect_on(page, x, top, width, height, Some(fill), None);
    }

    /// Draws the outline of a rectangle.
    pub fn stroke_rect(&mut self, x: f32, top: f32, width: f32, height: f32, line: f32) {
        let page = self.pages.len() - 1;
        self.rect_on(page, x, top, width, height, None, Some(line));
    }

    /// Draws a straight line from `from` to `to` (points from the top-left) on the current
    /// page.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, shade: f32) {
        let page = self.pages.len() - 1;
        self.line_on(page, from, to, thickness, shade);
    }

    #[allow(clippy::too_many_arguments)]
    fn rect_on(
        &mut self,
        page: usize,
        x: f32,
        top: f32,
        w: f32,
        h: f32,
        fill: Option<f32>,
        line: Option<f32>,
    ) {
        let ph = self.setup.height;
        if let Some(p) = self.pages.get_mut(page) {
            p.rect(x, ph - top - h, w, h, fill, line);
        }
    }

    pub(super) fn line_on(
        &mut self,
        page: usize,
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        shade: f32,
    ) {
        let h = self.setup.height;
        if let Some(p) = self.pages.get_mut(page) {
            p.line((from.0, h - from.1), (to.0, h - to.1), thickness, shade);
        }
    }

    /// Sets the document's metadata (see [`super::pdf::Metadata`]).
    pub fn set_metadata(&mut self, f: impl FnOnce(&mut super::pdf::Metadata)) {
        f(&mut self.meta);
    }

    /// Places the held-back headings (at the end of the document).
    pub(super) fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.ensure(0.0);
        }
    }
}
