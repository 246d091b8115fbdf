//! A small page layout for the PDF summary: blocks (headings, paragraphs,
//! lists, tables, the chart, framed sections, two columns) are placed top
//! to bottom, lines broken to the column's width, and a block that does not
//! fit goes on to a new page. Each piece of text placed gets a slot that the
//! tag tree points at, so a screen reader reads the page in the order the
//! blocks were given, whatever their position. When the blocks need more
//! than one page they are placed again with room for a running header on
//! every page after the first ("… page 2 (continued)") and a last line on
//! every page before the last ("continued on page 2"), so a page that
//! follows is never mistaken for another document and nothing is cut.

use super::font::Fonts;

/// Points per millimetre.
pub(super) const MM: f32 = 72.0 / 25.4;
/// Line height over font size: a little tighter than the HTML's 1.2, as
/// the built-in font is wider than the browser's system font and the page is one.
const LINE: f32 = 1.16;

/// A piece of a paragraph in one weight.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub text: String,
    pub bold: bool,
}

pub(super) fn plain(text: impl Into<String>) -> Vec<Run> {
    vec![Run { text: text.into(), bold: false }]
}

pub(super) fn bold(text: impl Into<String>) -> Vec<Run> {
    vec![Run { text: text.into(), bold: true }]
}

/// Size and shade of a paragraph's text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub size: f32,
    /// 0 black … 255 white.
    pub grey: u8,
}

pub(super) const BODY: Style = Style { size: 7.5, grey: 0 };
pub(super) const SMALL: Style = Style { size: 7.1, grey: 0x33 };
pub(super) const FOOT: Style = Style { size: 6.5, grey: 0x22 };

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Marker {
    None,
    Bullet,
}

/// A table: header cells, rows, each column's share of the width and
/// whether its numbers sit on the right.
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub widths: Vec<f32>,
    pub right: Vec<bool>,
    pub size: f32,
}

/// What the summary's sections are made of.
#[derive(Debug, Clone)]
pub(super) enum Block {
    /// A heading; `plain` leaves out the rule under it and the space above
    /// (the attention box's, whose frame sets it apart).
    Heading {
        level: u16,
        text: String,
        plain: bool,
    },
    Para {
        runs: Vec<Run>,
        style: Style,
    },
    List {
        marker: Marker,
        items: Vec<Vec<Run>>,
        style: Style,
    },
    Table(Table),
    /// The chart: SVG text, what it shows in words, height over width.
    Figure {
        svg: String,
        alt: String,
        aspect: f32,
    },
    /// A section; `framed` draws a box around it, `rule` a line above it.
    Section {
        framed: bool,
        rule: bool,
        blocks: Vec<Block>,
    },
    /// Two columns side by side, the left one `split` of the width; read
    /// left column first.
    Columns {
        left: Vec<Block>,
        right: Vec<Block>,
        split: f32,
    },
}

/// A structure element of the tag tree.
#[derive(Debug, Clone)]
pub(super) enum Role {
    Sect,
    H(u16, String),
    P,
    L(Marker),
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    TH,
    TD,
    Figure(String),
}

#[derive(Debug, Clone)]
pub(super) enum TagNode {
    Group(Role, Vec<TagNode>),
    /// The content drawn with this slot number.
    Leaf(usize),
}

/// Something drawn on a page, in page coordinates (points, y down).
#[derive(Debug, Clone)]
pub(super) enum Item {
    /// One line's text in one weight; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        style: Style,
        bold: bool,
        text: String,
        slot: usize,
    },
    /// A line that only decorates (a rule, a table border): an artifact.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        grey: u8,
    },
    /// A frame around a section: an artifact.
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width: f32,
    },
    Figure {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        svg: String,
        slot: usize,
    },
    /// The running header of a page after the first, or the line that
    /// says a page follows: pagination, an artifact that is not read as
    /// part of the summary.
    Running {
        x: f32,
        y: f32,
        text: String,
        header: bool,
    },
}

/// The page's size and the area inside its margins.
#[derive(Debug, Clone, Copy)]
pub(super) struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Geometry {
    /// The HTML page's margins (8 mm top and bottom) and its 186 mm column,
    /// centred, which fits Letter and A4 alike.
    pub fn for_paper(width: f32, height: f32) -> Geometry {
        let content = (186.0 * MM).min(width - 20.0 * MM);
        let left = (width - content) / 2.0;
        Geometry { width, height, left, top: 8.0 * MM, right: left + content, bottom: height - 8.0 * MM }
    }
}

/// A heading for the outline (bookmarks): its text, page and height.
#[derive(Debug, Clone)]
pub(super) struct Mark {
    pub text: String,
    pub page: usize,
    pub y: f32,
}

/// Where the next block goes.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    page: usize,
    y: f32,
    x: f32,
    w: f32,
}

/// The placed page contents, the tag tree and the outline.
pub(super) struct Laid {
    pub pages: Vec<Vec<Item>>,
    pub tags: Vec<TagNode>,
    pub slots: usize,
    pub marks: Vec<Mark>,
}

/// The words of the running header and the last line, by page number.
pub(super) struct Running<'a> {
    /// The header of page `n` (from 2).
    pub header: &'a dyn Fn(usize) -> String,
    /// The last line of a page followed by page `n`.
    pub footer: &'a dyn Fn(usize) -> String,
}

/// The running header's and last line's text, and the room each takes.
pub(super) const RUNNING: Style = Style { size: 7.1, grey: 0x22 };
const RUNNING_ROOM: f32 = 4.5 * MM;

pub(super) fn lay_out(blocks: &[Block], fonts: &Fonts, g: Geometry, running: &Running) -> Laid {
    let once = place(blocks, fonts, g, g.top, g.bottom);
    if once.pages.len() <= 1 {
        return once;
    }
    let mut laid = place(blocks, fonts, g, g.top + RUNNING_ROOM, g.bottom - RUNNING_ROOM);
    let last = laid.pages.len();
    for (i, items) in laid.pages.iter_mut().enumerate() {
        if i > 0 {
            // Drawn first, so the page's text starts with it.
            let (y, rule) = (g.top + RUNNING.size * 0.95, g.top + RUNNING.size * LINE + 0.3 * MM);
            let header = Item::Running { x: g.left, y, text: (running.header)(i + 1), header: true };
            let line = Item::Rule { x1: g.left, y1: rule, x2: g.right, y2: rule, width: 0.2 * MM, grey: 0x55 };
            items.splice(0..0, [header, line]);
        }
        if i + 1 < last {
            let text = (running.footer)(i + 2);
            let x = g.right - fonts.regular.width(&text, RUNNING.size);
            items.push(Item::Running { x, y: g.bottom - RUNNING.size * 0.3, text, header: false });
        }
    }
    laid
}

/// The blocks placed from the top margin of the first page and from
/// `next_top` on the others, down to `bottom`.
fn place(blocks: &[Block], fonts: &Fonts, g: Geometry, next_top: f32, bottom: f32) -> Laid {
    let mut l = Layout {
        fonts,
        g,
        next_top,
        bottom,
        laid: Laid { pages: vec![Vec::new()], tags: Vec::new(), slots: 0, marks: Vec::new() },
    };
    let mut at = Cursor { page: 0, y: g.top, x: g.left, w: g.right - g.left };
    let mut tags = Vec::new();
    for block in blocks {
        tags.extend(l.block(block, &mut at));
    }
    l.laid.tags = tags;
    l.laid
}

struct Layout<'f> {
    fonts: &'f Fonts,
    g: Geometry,
    /// Where the pages after the first begin, under any running header.
    next_top: f32,
    /// Where every page's content ends, above any last line.
    bottom: f32,
    laid: Laid,
}

/// A line of a paragraph: its pieces (text, bold, x offset) and width.
struct Line {
    pieces: Vec<(String, bool, f32)>,
    width: f32,
    /// The width of the space that ends the line, which takes no room.
    trail: f32,
}

impl Layout<'_> {
    fn slot(&mut self) -> usize {
        self.laid.slots += 1;
        self.laid.slots - 1
    }

    fn push(&mut self, page: usize, item: Item) {
        while self.laid.pages.len() <= page {
            self.laid.pages.push(Vec::new());
        }
        if let Some(items) = self.laid.pages.get_mut(page) {
            items.push(item);
        }
    }

    /// Makes room for `h` points: a new page when they do not fit below
    /// (unless the cursor is already at the top, where nothing would gain).
    fn room(&self, at: &mut Cursor, h: f32) {
        let top = if at.page == 0 { self.g.top } else { self.next_top };
        if at.y + h > self.bottom && at.y > top + 0.5 {
            at.page += 1;
            at.y = self.next_top;
        }
    }

    fn block(&mut self, block: &Block, at: &mut Cursor) -> Vec<TagNode> {
        match block {
            Block::Heading { level, text, plain } => vec![self.heading(*level, text, *plain, at)],
            Block::Para { runs, style } => {
                at.y += 0.6 * MM;
                let node = TagNode::Group(Role::P, self.text(runs, *style, at, false));
                at.y += 0.6 * MM;
                vec![node]
            }
            Block::List { marker, items, style } => vec![self.list(*marker, items, *style, at)],
            Block::Table(table) => vec![self.table(table, at)],
            Block::Figure { svg, alt, aspect } => {
                let h = at.w * aspect;
                self.room(at, h);
                let slot = self.slot();
                self.push(at.page, Item::Figure { x: at.x, y: at.y, w: at.w, h, svg: svg.clone(), slot });
                at.y += h;
                vec![TagNode::Group(Role::Figure(alt.clone()), vec![TagNode::Leaf(slot)])]
            }
            Block::Section { framed, rule, blocks } => vec![self.section(*framed, *rule, blocks, at)],
            Block::Columns { left, right, split } => {
                let gap = 4.0 * MM;
                let left_w = (at.w - gap) * split;
                let mut l_at = Cursor { w: left_w, ..*at };
                let mut r_at = Cursor { x: at.x + left_w + gap, w: at.w - gap - left_w, ..*at };
                let mut tags: Vec<TagNode> = left.iter().flat_map(|b| self.block(b, &mut l_at)).collect();
                tags.extend(right.iter().flat_map(|b| self.block(b, &mut r_at)).collect::<Vec<_>>());
                let end = if (l_at.page, l_at.y) >= (r_at.page, r_at.y) { l_at } else { r_at };
                (at.page, at.y) = (end.page, end.y);
                tags
            }
        }
    }

    fn heading(&mut self, level: u16, text: &str, plain: bool, at: &mut Cursor) -> TagNode {
        let (size, above, below) = match (level, plain) {
            (1, _) => (12.5, 0.0, 0.8 * MM),
            (_, true) => (8.6, 0.0, 0.4 * MM),
            _ => (8.6, 1.6 * MM, 0.6 * MM),
        };
        let shown = if level == 1 { text.to_owned() } else { text.to_uppercase() };
        // A heading keeps its first lines of content with it.
        self.room(at, above + size * LINE + 3.0 * BODY.size * LINE);
        at.y += above;
        self.laid.marks.push(Mark { text: text.to_owned(), page: at.page, y: at.y });
        let style = Style { size, grey: 0 };
        let leaves = self.text(&bold(shown), style, at, false);
        if level > 1 {
            self.push(
                at.page,
                Item::Rule { x1: at.x, y1: at.y + 0.5, x2: at.x + at.w, y2: at.y + 0.5, width: 0.3 * MM, grey: 0 },
            );
            at.y += 0.3 * MM;
        }
        at.y += below;
        TagNode::Group(Role::H(level, text.to_owned()), leaves)
    }

    /// Places a paragraph's lines at the cursor; returns one leaf a line.
    fn text(&mut self, runs: &[Run], style: Style, at: &mut Cursor, right: bool) -> Vec<TagNode> {
        let lines = self.wrap(runs, style.size, at.w);
        let lh = style.size * LINE;
        let mut leaves = Vec::new();
        for line in lines {
            self.room(at, lh);
            let slot = self.slot();
            let x0 = if right { at.x + at.w - line.width } else { at.x };
            let baseline = at.y + style.size * 0.95;
            for (text, bold, dx) in line.pieces {
                self.push(at.page, Item::Text { x: x0 + dx, y: baseline, style, bold, text, slot });
            }
            leaves.push(TagNode::Leaf(slot));
            at.y += lh;
        }
        leaves
    }

    /// Breaks runs into lines no wider than `width`, at spaces; a word
    /// longer than a line is broken between characters.
    fn wrap(&self, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
        let mut lines = vec![Line { pieces: Vec::new(), width: 0.0, trail: 0.0 }];
        for run in runs {
            let face = self.fonts.face(run.bold);
            let text = self.fonts.printable(&run.text);
            for word in text.split_inclusive(' ') {
                let w = face.width(word, size);
                let trimmed = face.width(word.trim_end(), size);
                let Some(line) = lines.last_mut() else { continue };
                if line.width + trimmed > width && line.width > 0.0 {
                    lines.push(Line { pieces: Vec::new(), width: 0.0, trail: 0.0 });
                }
                if trimmed > width {
                    // A very long word: as many characters as fit a line.
                    for c in word.chars() {
                        let cw = face.width(c.encode_utf8(&mut [0; 4]), size);
                        if lines.last().is_some_and(|l| l.width + cw > width && l.width > 0.0) {
                            lines.push(Line { pieces: Vec::new(), width: 0.0, trail: 0.0 });
                        }
                        if let Some(line) = lines.last_mut() {
                            add(line, &c.to_string(), run.bold, cw, 0.0);
                        }
                    }
                    continue;
                }
                if let Some(line) = lines.last_mut() {
                    add(line, word, run.bold, w, w - trimmed);
                }
            }
        }
        for line in &mut lines {
            line.width -= line.trail;
        }
        lines.retain(|l| !l.pieces.is_empty());
        lines
    }

    fn list(&mut self, marker: Marker, items: &[Vec<Run>], style: Style, at: &mut Cursor) -> TagNode {
        let indent = if marker == Marker::None { 0.0 } else { 5.0 * MM };
        at.y += 0.4 * MM;
        let mut children = Vec::new();
        for item in items {
            let mut li = Vec::new();
            let mut body_at = Cursor { x: at.x + indent, w: at.w - indent, ..*at };
            body_at.y += 0.1 * MM;
            // An item of a few lines is kept on one page; a longer one may
            // go on over the break.
            let lines = self.wrap(item, style.size, body_at.w).len().clamp(1, 4);
            self.room(&mut body_at, lines as f32 * style.size * LINE);
            let label = match marker {
                Marker::None => None,
                Marker::Bullet => Some("•".to_owned()),
            };
            if let Some(label) = label {
                let slot = self.slot();
                let x = at.x + indent - 1.5 * MM - self.fonts.regular.width(&label, style.size);
                let y = body_at.y + style.size * 0.95;
                self.push(body_at.page, Item::Text { x, y, style, bold: false, text: label, slot });
                li.push(TagNode::Group(Role::Lbl, vec![TagNode::Leaf(slot)]));
            }
            let body = self.text(item, style, &mut body_at, false);
            li.push(TagNode::Group(Role::LBody, vec![TagNode::Group(Role::P, body)]));
            children.push(TagNode::Group(Role::LI, li));
            (at.page, at.y) = (body_at.page, body_at.y + 0.2 * MM);
        }
        at.y += 0.4 * MM;
        TagNode::Group(Role::L(marker), children)
    }

    fn table(&mut self, t: &Table, at: &mut Cursor) -> TagNode {
        let total: f32 = t.widths.iter().sum::<f32>().max(f32::EPSILON);
        let pad = 1.0 * MM;
        let xs: Vec<(f32, f32)> = t
            .widths
            .iter()
            .scan(at.x, |x, w| {
                let width = w / total * at.w;
                let col = (*x, width);
                *x += width;
                Some(col)
            })
            .collect();
        let style = Style { size: t.size, grey: 0 };
        at.y += 0.6 * MM;
        let head = self.row(&t.head, &xs, &t.right, style, true, at, pad);
        let rows: Vec<TagNode> = t.rows.iter().map(|r| self.row(r, &xs, &t.right, style, false, at, pad)).collect();
        at.y += 0.6 * MM;
        TagNode::Group(Role::Table, vec![TagNode::Group(Role::THead, vec![head]), TagNode::Group(Role::TBody, rows)])
    }

    #[allow(clippy::too_many_arguments)] // one row: its cells and where the columns are
    fn row(
        &mut self,
        cells: &[String],
        xs: &[(f32, f32)],
        right: &[bool],
        style: Style,
        head: bool,
        at: &mut Cursor,
        pad: f32,
    ) -> TagNode {
        let runs = |c: &String| if head { bold(c.clone()) } else { plain(c.clone()) };
        let height = cells
            .iter()
            .zip(xs)
            .map(|(c, (_, w))| self.wrap(&runs(c), style.size, w - 2.0 * pad).len().max(1))
            .max()
            .unwrap_or(1) as f32
            * style.size
            * LINE
            + 0.4 * MM;
        self.room(at, height);
        let mut tds = Vec::new();
        for (i, (cell, (x, w))) in cells.iter().zip(xs).enumerate() {
            let mut cell_at = Cursor { x: x + pad, w: w - 2.0 * pad, y: at.y + 0.2 * MM, ..*at };
            let align_right = right.get(i).copied().unwrap_or(false);
            let leaves = self.text(&runs(cell), style, &mut cell_at, align_right);
            tds.push(TagNode::Group(if head { Role::TH } else { Role::TD }, leaves));
        }
        at.y += height;
        let (x1, x2) = (xs.first().map_or(at.x, |c| c.0), xs.last().map_or(at.x + at.w, |c| c.0 + c.1));
        let (width, grey) = if head { (0.3 * MM, 0) } else { (0.2 * MM, 0xbb) };
        self.push(at.page, Item::Rule { x1, y1: at.y, x2, y2: at.y, width, grey });
        TagNode::Group(Role::TR, tds)
    }

    fn section(&mut self, framed: bool, rule: bool, blocks: &[Block], at: &mut Cursor) -> TagNode {
        let pad = if framed { 2.0 * MM } else { 0.0 };
        if framed {
            // A framed section is kept whole: measured first, then placed.
            let mut probe = Layout {
                fonts: self.fonts,
                g: self.g,
                next_top: self.next_top,
                bottom: self.bottom,
                laid: Laid { pages: vec![Vec::new()], tags: Vec::new(), slots: 0, marks: Vec::new() },
            };
            let mut p_at = Cursor { page: 0, y: self.g.top, x: at.x + pad, w: at.w - 2.0 * pad };
            for b in blocks {
                probe.block(b, &mut p_at);
            }
            let h = p_at.y - self.g.top + 2.0 * pad;
            at.y += 1.5 * MM;
            self.room(at, h);
        }
        if rule {
            at.y += 1.2 * MM;
            self.push(at.page, Item::Rule { x1: at.x, y1: at.y, x2: at.x + at.w, y2: at.y, width: 0.3 * MM, grey: 0 });
            at.y += 0.8 * MM;
        }
        let (start_page, start_y) = (at.page, at.y);
        let mut inner = Cursor { x: at.x + pad, w: at.w - 2.0 * pad, y: at.y + pad * 0.5, ..*at };
        let tags: Vec<TagNode> = blocks.iter().flat_map(|b| self.block(b, &mut inner)).collect();
        (at.page, at.y) = (inner.page, inner.y + pad * 0.5);
        if framed && at.page == start_page {
            // The stroke sits inside the column, so the margins stay clear.
            let width = 0.6 * MM;
            let (x, y, w, h) = (at.x + width / 2.0, start_y + width / 2.0, at.w - width, at.y - start_y - width);
            self.push(at.page, Item::Frame { x, y, w, h, width });
            at.y += 1.5 * MM;
        }
        TagNode::Group(Role::Sect, tags)
    }
}

fn add(line: &mut Line, text: &str, bold: bool, w: f32, trail: f32) {
    match line.pieces.last_mut() {
        Some((t, b, _)) if *b == bold => t.push_str(text),
        _ => line.pieces.push((text.to_owned(), bold, line.width)),
    }
    line.width += w;
    line.trail = trail;
}
