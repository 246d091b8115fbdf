//! Turns the laid-out pages into PDF bytes with krilla: text in the
//! built-in font (subsetted), rules, frames and the running header and
//! last line of a longer summary marked as artifacts, the
//! chart's SVG through usvg and krilla-svg, the tag tree in reading order,
//! an outline of the headings, and metadata that says only what the page
//! says. krilla checks the result against PDF/UA-1 before it returns it.

use std::sync::Arc;

use krilla::color::rgb;
use krilla::configure::{Configuration, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind,
    TagTree,
};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::font::{self, Fonts};
use super::layout::{Geometry, Item, Laid, Marker, RUNNING, Role, TagNode};

/// What the document says about itself: nothing that is not on the page.
pub(super) struct Meta {
    pub title: String,
    pub made: crate::journal::Stamp,
}

/// The chart's labels, as the HTML page's stylesheet sets them.
const CHART_STYLE: &str = ".label { font-size: 9px; fill: #222; }";

pub(super) fn pdf(laid: &Laid, fonts: &Fonts, g: Geometry, meta: &Meta) -> Result<Vec<u8>, String> {
    let settings = SerializeSettings {
        configuration: Configuration::new_with_validator(Validator::UA1),
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let svg_options = svg_options();
    let mut ids: Vec<Vec<Identifier>> = vec![Vec::new(); laid.slots];
    for items in &laid.pages {
        let settings = PageSettings::from_wh(g.width, g.height).ok_or("the paper has no size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for item in items {
            draw(&mut surface, item, fonts, &svg_options, &mut ids)?;
        }
        surface.finish();
        page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some("en".to_owned()));
    for node in &laid.tags {
        if let Some(node) = tag_node(node, &mut ids) {
            tree.push(node);
        }
    }
    document.set_tag_tree(tree);
    let mut outline = Outline::new();
    for mark in &laid.marks {
        outline.push_child(OutlineNode::new(
            mark.text.clone(),
            XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y)),
        ));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(meta));
    document.finish().map_err(|e| format!("{e:?}"))
}

fn draw(
    surface: &mut Surface,
    item: &Item,
    fonts: &Fonts,
    svg_options: &usvg::Options,
    ids: &mut [Vec<Identifier>],
) -> Result<(), String> {
    match item {
        Item::Text { x, y, style, bold, text, slot } => {
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.set_fill(Some(fill(style.grey)));
            surface.draw_text(
                Point::from_xy(*x, *y),
                fonts.face(*bold).krilla.clone(),
                style.size,
                text,
                false,
                TextDirection::Auto,
            );
            surface.end_tagged();
            if let Some(slot) = ids.get_mut(*slot) {
                slot.push(id);
            }
        }
        Item::Running { x, y, text, header } => {
            // Pagination: marked as the page's header or footer, so a screen
            // reader does not read it into the summary.
            let kind = if *header { ArtifactType::Header } else { ArtifactType::Footer };
            surface.start_tagged(ContentTag::Artifact(kind));
            surface.set_fill(Some(fill(RUNNING.grey)));
            surface.draw_text(
                Point::from_xy(*x, *y),
                fonts.face(*header).krilla.clone(),
                RUNNING.size,
                text,
                false,
                TextDirection::Auto,
            );
            surface.end_tagged();
        }
        Item::Rule { x1, y1, x2, y2, width, grey } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y1);
            path.line_to(*x2, *y2);
            stroke(surface, path, *width, *grey);
        }
        Item::Frame { x, y, w, h, width } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            stroke(surface, path, *width, 0);
        }
        Item::Figure { x, y, w, h, svg, slot } => {
            let tree = usvg::Tree::from_str(svg, svg_options).map_err(|e| format!("the chart: {e}"))?;
            let size = Size::from_wh(*w, *h).ok_or("the chart has no size")?;
            let id = surface.start_tagged(ContentTag::Other);
            surface.push_transform(&Transform::from_translate(*x, *y));
            surface.draw_svg(&tree, size, SvgSettings::default());
            surface.pop();
            surface.end_tagged();
            if let Some(slot) = ids.get_mut(*slot) {
                slot.push(id);
            }
        }
    }
    Ok(())
}

fn fill(grey: u8) -> Fill {
    Fill { paint: rgb::Color::new(grey, grey, grey).into(), ..Fill::default() }
}

/// Strokes a decoration, marked as an artifact so it is not read aloud.
fn stroke(surface: &mut Surface, path: PathBuilder, width: f32, grey: u8) {
    let Some(path) = path.finish() else { return };
    surface.start_tagged(ContentTag::Artifact(ArtifactType::Other));
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke { paint: rgb::Color::new(grey, grey, grey).into(), width, ..Stroke::default() }));
    surface.draw_path(&path);
    surface.set_stroke(None);
    surface.end_tagged();
}

/// usvg reads the chart with the built-in font only: no system fonts are
/// searched, so the chart looks the same everywhere and starts fast.
fn svg_options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(font::REGULAR)));
    db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(font::BOLD)));
    usvg::Options {
        font_family: font::FAMILY.to_owned(),
        fontdb: Arc::new(db),
        style_sheet: Some(CHART_STYLE.to_owned()),
        ..usvg::Options::default()
    }
}

fn tag_node(node: &TagNode, ids: &mut [Vec<Identifier>]) -> Option<Node> {
    match node {
        TagNode::Leaf(slot) => {
            let taken = std::mem::take(ids.get_mut(*slot)?);
            match taken.len() {
                0 => None,
                1 => taken.into_iter().next().map(Node::from),
                // A slot drawn in pieces: a span holding them all.
                _ => Some(TagGroup::with_children(Tag::Span, taken.into_iter().map(Node::from).collect()).into()),
            }
        }
        TagNode::Group(role, children) => {
            let children: Vec<Node> = children.iter().filter_map(|c| tag_node(c, ids)).collect();
            (!children.is_empty()).then(|| TagGroup::with_children(kind(role), children).into())
        }
    }
}

fn kind(role: &Role) -> TagKind {
    match role {
        Role::Sect => Tag::Section.into(),
        Role::H(level, title) => {
            Tag::Hn(std::num::NonZeroU16::new(*level).unwrap_or(std::num::NonZeroU16::MIN), Some(title.clone())).into()
        }
        Role::P => Tag::P.into(),
        Role::L(marker) => Tag::L(match marker {
            Marker::None => ListNumbering::None,
            Marker::Bullet => ListNumbering::Disc,
        })
        .into(),
        Role::LI => Tag::LI.into(),
        Role::Lbl => Tag::Lbl.into(),
        Role::LBody => Tag::LBody.into(),
        Role::Table => Tag::Table.into(),
        Role::THead => Tag::THead.into(),
        Role::TBody => Tag::TBody.into(),
        Role::TR => Tag::TR.into(),
        Role::TH => Tag::TH(TableHeaderScope::Column).into(),
        Role::TD => Tag::TD.into(),
        Role::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
    }
}

/// The title, the language, the tool, and the day the summary was made
/// (all printed on the page); no author, so a name never sits in hidden
/// metadata.
fn metadata(meta: &Meta) -> Metadata {
    use chrono::{Datelike, Timelike};
    let m = meta.made;
    let offset = m.offset().local_minus_utc() / 60;
    let date = DateTime::new(u16::try_from(m.year()).unwrap_or(2000))
        .month(m.month() as u8)
        .day(m.day() as u8)
        .hour(m.hour() as u8)
        .minute(m.minute() as u8)
        .utc_offset_hour((offset / 60) as i8)
        .utc_offset_minute((offset.abs() % 60) as u8);
    Metadata::new()
        .title(meta.title.clone())
        .language("en".to_owned())
        .creator("easeoff".to_owned())
        .creation_date(date)
}
