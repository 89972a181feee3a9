//! The vocabulary of the layout engine: the page setup, text styles, the rows a block is
//! measured into and their drawing operations, the blocks' descriptions (tables, bars) and
//! the record of where each block went. Plain data: [`super::layout::Layout`] places it,
//! [`super::pdf`] writes it.

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

/// Grey level of rules and grid lines.
pub const GREY_RULE: f32 = 0.55;
