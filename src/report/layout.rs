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
use super::ops::{Metadata, PageOps};
use super::ReportError;

pub use super::page::{
    Bar, Column, Draw, Keep, PageSetup, Placed, Placement, Row, Table, TextStyle, A4_HEIGHT,
    A4_WIDTH,
};

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
    pub(super) meta: Metadata,
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
            meta: Metadata::new(title),
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
            // Up to the first place the block may break (two rows in at least): a list
            // breaks only between items, so its first part can be longer than two rows.
            let k = (2..n.saturating_sub(1))
                .find(|&k| rows[k].breakable)
                .unwrap_or(n);
            heights[..k].iter().sum()
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

    /// Sets the document's metadata (see [`Metadata`]).
    pub fn set_metadata(&mut self, f: impl FnOnce(&mut Metadata)) {
        f(&mut self.meta);
    }

    /// Places the held-back headings (at the end of the document).
    pub(super) fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.ensure(0.0);
        }
    }
}
