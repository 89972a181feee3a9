//! The block methods of [`Layout`]: paragraphs, headings, bullet lists, rules, tables and
//! bar charts, each measured as [`Row`]s first and then placed by the page-break rules.

use super::layout::Layout;
use super::page::{Bar, Draw, Keep, Row, Table, TextStyle, GREY_RULE};

const CELL_PAD: f32 = 2.5;
const GREY_HEADER: f32 = 0.88;

/// The baseline of a line of `style` below the top of its line box.
fn baseline(style: TextStyle) -> f32 {
    style.size * (1.0 + (style.leading - 1.0) / 2.0) * 0.88
}

impl Layout {
    /// The rows of wrapped text `indent` points from the left margin.
    pub fn text_rows(&self, text: &str, style: TextStyle, indent: f32) -> Vec<Row> {
        let width = self.setup.body_width() - indent;
        let x = self.setup.left + indent;
        self.wrap(text, style.size, width)
            .into_iter()
            .map(|line| Row {
                height: style.line_height(),
                draws: if line.is_empty() {
                    Vec::new()
                } else {
                    vec![Draw::Text {
                        x,
                        y: baseline(style),
                        text: line,
                        style,
                    }]
                },
                breakable: true,
                spacer: false,
            })
            .collect()
    }

    /// A horizontal rule across the body.
    pub fn rule(&mut self) {
        let (l, r) = (self.setup.left, self.setup.width - self.setup.right);
        let row = Row {
            height: 6.0,
            draws: vec![Draw::Line {
                from: (l, 3.0),
                to: (r, 3.0),
                thickness: 0.5,
                grey: GREY_RULE,
            }],
            breakable: true,
            spacer: false,
        };
        self.place(vec![row], Keep::Whole);
    }

    /// Wrapped text starting `indent` points from the left margin; it splits across pages
    /// only with at least two lines on each side.
    pub fn paragraph_indented(&mut self, text: &str, style: TextStyle, indent: f32) {
        let rows = self.text_rows(text, style, indent);
        self.place(rows, Keep::Lines);
    }

    /// A wrapped paragraph across the body, followed by a little space.
    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        let mut rows = self.text_rows(text, style, 0.0);
        rows.push(Row::spacer(style.size * 0.4));
        self.place(rows, Keep::Lines);
    }

    /// A heading of `level` (1–3). It is held back and placed with the start of what
    /// follows, so it never ends a page.
    pub fn heading(&mut self, text: &str, level: u8) {
        let style = TextStyle::heading(level);
        let mut rows = vec![Row::spacer(style.size * 0.8)];
        rows.extend(self.text_rows(text, style, 0.0));
        for r in rows.iter_mut().skip(2) {
            r.breakable = false;
        }
        if level <= 1 {
            let (l, r) = (self.setup.left, self.setup.width - self.setup.right);
            rows.push(Row {
                height: 5.0,
                draws: vec![Draw::Line {
                    from: (l, 1.0),
                    to: (r, 1.0),
                    thickness: 0.8,
                    grey: 0.0,
                }],
                breakable: false,
                spacer: false,
            });
        } else {
            rows.push(Row {
                height: 2.0,
                breakable: false,
                ..Row::default()
            });
        }
        self.hold(rows);
    }

    /// A bullet list; each item wraps under its own first character. The list splits
    /// between items (or inside an item of four lines or more), with at least two lines on
    /// each side.
    pub fn bullets(&mut self, items: &[String], style: TextStyle) {
        let indent = style.size * 1.2;
        let mut rows = Vec::new();
        for item in items {
            let mut lines = self.text_rows(item, style, indent);
            let n = lines.len();
            for (i, r) in lines.iter_mut().enumerate() {
                r.breakable = i == 0 || (n >= 4 && i >= 2 && i + 2 <= n);
            }
            if let Some(first) = lines.first_mut() {
                // A small square: the same mark in every language.
                let side = style.size * 0.3;
                first.draws.push(Draw::Fill {
                    x: self.setup.left + style.size * 0.3,
                    y: baseline(style) - style.size * 0.35 - side / 2.0,
                    w: side,
                    h: side,
                    grey: style.grey,
                });
            }
            rows.extend(lines);
        }
        rows.push(Row::spacer(style.size * 0.4));
        self.place(rows, Keep::Lines);
    }

    /// A table (see [`Table`]): the header is kept with the first row and drawn again on
    /// every page the table continues on; a row never splits unless it is taller than a
    /// page.
    pub fn table(&mut self, table: &Table, style: TextStyle) {
        let body = self.setup.body_width();
        let total: f32 = table.columns.iter().map(|c| c.share.max(0.0)).sum();
        let total = if total > 0.0 { total } else { 1.0 };
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| body * c.share.max(0.0) / total)
            .collect();
        let header = if table.no_header {
            let right = self.setup.left + widths.iter().sum::<f32>();
            vec![Row {
                height: 0.0,
                draws: vec![Draw::Line {
                    from: (self.setup.left, 0.0),
                    to: (right, 0.0),
                    thickness: 0.6,
                    grey: 0.0,
                }],
                breakable: false,
                spacer: false,
            }]
        } else {
            let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
            let mut rows = self.table_row(&widths, &titles, style, 0.0, true);
            for r in &mut rows {
                r.breakable = false;
            }
            vec![merge_rows(rows)]
        };
        self.hold(header.clone());
        for (i, row) in table.rows.iter().enumerate() {
            let rows = self.table_row(&widths, row, style, table.min_row_height, false);
            self.place(rows, Keep::Whole);
            if i == 0 && !table.no_header {
                self.repeat = header.clone();
            }
        }
        self.repeat.clear();
        self.space(style.size * 0.6);
    }

    /// The rows (one per line) of one table row: cells wrapped, grid lines drawn.
    fn table_row(
        &self,
        widths: &[f32],
        cells: &[String],
        style: TextStyle,
        min_height: f32,
        header: bool,
    ) -> Vec<Row> {
        let lh = style.line_height();
        let wrapped: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                self.wrap(text, style.size, (w - 2.0 * CELL_PAD).max(style.size))
            })
            .collect();
        let n = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let left = self.setup.left;
        let right = left + widths.iter().sum::<f32>();
        let full = (n as f32 * lh + 2.0 * CELL_PAD).max(min_height);
        let mut rows = Vec::new();
        for i in 0..n {
            let first = i == 0;
            let last = i + 1 == n;
            let top_pad = if first { CELL_PAD } else { 0.0 };
            let mut height = lh + top_pad;
            if last {
                height = full - (n - 1) as f32 * lh - CELL_PAD;
            }
            let mut draws = Vec::new();
            if header && first {
                draws.push(Draw::Fill {
                    x: left,
                    y: 0.0,
                    w: right - left,
                    h: full,
                    grey: GREY_HEADER,
                });
                draws.push(Draw::Line {
                    from: (left, 0.0),
                    to: (right, 0.0),
                    thickness: 0.6,
                    grey: 0.0,
                });
            }
            let mut x = left;
            for (w, lines) in widths.iter().zip(&wrapped) {
                if let Some(line) = lines.get(i).filter(|l| !l.is_empty()) {
                    draws.push(Draw::Text {
                        x: x + CELL_PAD,
                        y: top_pad + baseline(style),
                        text: line.clone(),
                        style,
                    });
                }
                x += w;
            }
            let mut x = left;
            for w in widths.iter().take(widths.len().saturating_sub(1)) {
                x += w;
                draws.push(Draw::Line {
                    from: (x, 0.0),
                    to: (x, height),
                    thickness: 0.4,
                    grey: GREY_RULE,
                });
            }
            if last {
                draws.push(Draw::Line {
                    from: (left, height),
                    to: (right, height),
                    thickness: 0.5,
                    grey: GREY_RULE,
                });
            }
            rows.push(Row {
                height,
                draws,
                breakable: true,
                spacer: false,
            });
        }
        rows
    }

    /// A horizontal bar chart: one row per [`Bar`], the label on the left (wrapped), a bar
    /// scaled 0–100 with tick marks at `marks` (e.g. the band limits), and the caption in
    /// words and numbers after the bar, so it reads in black and white. A bar whose value
    /// is `None` is drawn as its caption only (e.g. 「対象外」), with no empty frame that
    /// could read as a score of 0. The chart is never split across pages.
    pub fn bar_chart(&mut self, bars: &[Bar], marks: &[f32], style: TextStyle) {
        let rows = self.chart_rows(bars, marks, style);
        self.place(rows, Keep::Whole);
        self.space(style.size * 0.6);
    }

    /// The rows of a bar chart (see [`Layout::bar_chart`]).
    pub fn chart_rows(&self, bars: &[Bar], marks: &[f32], style: TextStyle) -> Vec<Row> {
        let body = self.setup.body_width();
        let label_w = body * 0.38;
        let caption_w = body * 0.24;
        let bar_w = body - label_w - caption_w - 12.0;
        let lh = style.line_height();
        let bar_h = style.size * 1.1;
        let x_bar = self.setup.left + label_w + 6.0;
        let mut rows = Vec::new();
        for bar in bars {
            let label = self.wrap(&bar.label, style.size, label_w - 4.0);
            let caption = self.wrap(&bar.caption, style.size, caption_w);
            let n = label.len().max(caption.len()).max(1);
            let h = (n as f32 * lh).max(bar_h + 4.0) + 4.0;
            let top = 2.0;
            let base = top + baseline(style);
            let mut draws = Vec::new();
            for (i, l) in label.iter().enumerate() {
                draws.push(Draw::Text {
                    x: self.setup.left,
                    y: base + i as f32 * lh,
                    text: l.clone(),
                    style,
                });
            }
            let bar_top = top + (lh - bar_h) / 2.0;
            let caption_x = if let Some(v) = bar.value {
                draws.push(Draw::Stroke {
                    x: x_bar,
                    y: bar_top,
                    w: bar_w,
                    h: bar_h,
                    line: 0.5,
                });
                let v = v.clamp(0.0, 100.0);
                if v > 0.0 {
                    draws.push(Draw::Fill {
                        x: x_bar,
                        y: bar_top,
                        w: bar_w * v / 100.0,
                        h: bar_h,
                        grey: 0.35,
                    });
                }
                for m in marks {
                    let mx = x_bar + bar_w * m.clamp(0.0, 100.0) / 100.0;
                    draws.push(Draw::Line {
                        from: (mx, bar_top - 2.0),
                        to: (mx, bar_top + bar_h + 2.0),
                        thickness: 0.6,
                        grey: 0.0,
                    });
                }
                x_bar + bar_w + 6.0
            } else {
                x_bar
            };
            for (i, l) in caption.iter().enumerate() {
                draws.push(Draw::Text {
                    x: caption_x,
                    y: base + i as f32 * lh,
                    text: l.clone(),
                    style,
                });
            }
            rows.push(Row {
                height: h,
                draws,
                breakable: true,
                spacer: false,
            });
        }
        rows
    }
}

/// One row made of several (their draws stacked).
fn merge_rows(rows: Vec<Row>) -> Row {
    let mut out = Row::default();
    for r in rows {
        let dy = out.height;
        out.draws.extend(r.draws.into_iter().map(|d| shift(d, dy)));
        out.height += r.height;
    }
    out
}

fn shift(d: Draw, dy: f32) -> Draw {
    match d {
        Draw::Text { x, y, text, style } => Draw::Text {
            x,
            y: y + dy,
            text,
            style,
        },
        Draw::Fill { x, y, w, h, grey } => Draw::Fill {
            x,
            y: y + dy,
            w,
            h,
            grey,
        },
        Draw::Stroke { x, y, w, h, line } => Draw::Stroke {
            x,
            y: y + dy,
            w,
            h,
            line,
        },
        Draw::Line {
            from,
            to,
            thickness,
            grey,
        } => Draw::Line {
            from: (from.0, from.1 + dy),
            to: (to.0, to.1 + dy),
            thickness,
            grey,
        },
    }
}
