//! The one typeface of the PDF summary, `DejaVu Sans` regular and bold
//! (`assets/fonts/`, licence beside them), built into the binary so the PDF
//! looks the same on every machine. Measures text for line breaking and
//! replaces every character the font has no glyph for (emoji, most CJK) with
//! a visible stand-in, so nothing a person wrote disappears without a trace.

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

pub(super) const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
pub(super) const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name usvg looks the chart's text up by.
pub(super) const FAMILY: &str = "DejaVu Sans";

/// What is printed in place of a character the font cannot draw: a white
/// square, the same width as a letter, which a reader sees as "something
/// was here" (and which the README explains).
pub const STAND_IN: char = '□';

/// One face: the krilla font that is embedded, and skrifa's view of the
/// same bytes to measure advances and to ask whether a glyph exists.
pub(super) struct Face {
    pub krilla: krilla::text::Font,
    // Read once: looking the tables up again for every word was a tenth
    // of a long summary's time.
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(data).ok()?;
        let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        let krilla = krilla::text::Font::new(data.into(), 0)?;
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        Some(Face { krilla, charmap, metrics, units_per_em })
    }

    /// Whether the face has a real glyph (not `.notdef`) for `c`.
    fn has(&self, c: char) -> bool {
        self.charmap.map(c).is_some_and(|g| g.to_u32() != 0)
    }

    /// The width of `text` at `size` points, from the glyphs' advances. The
    /// shaper's kerning only ever narrows the font's pairs a little, so a line
    /// measured this way never overflows its column.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 =
            text.chars().filter_map(|c| self.charmap.map(c)).filter_map(|g| self.metrics.advance_width(g)).sum();
        units * size / self.units_per_em
    }
}

/// Both faces.
pub(super) struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// The built-in faces; `None` only if the bytes built into the binary
    /// were not a font, which a unit test rules out.
    pub fn load() -> Option<Fonts> {
        Some(Fonts { regular: Face::load(REGULAR)?, bold: Face::load(BOLD)? })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// `text` with every character that either face lacks replaced by
    /// [`STAND_IN`]. The invisible parts of one emoji (a joiner, a variation
    /// selector, a skin tone) join the stand-in before them, so 👍🏽 is one
    /// square, not three. Line breaks and tabs become spaces: a paragraph
    /// of the summary is one flowing line of text.
    pub fn printable(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        // After a stand-in: the emoji's modifiers, and whatever a joiner
        // joins to it, belong to the same square.
        let (mut after_stand_in, mut joined) = (false, false);
        for c in text.chars() {
            if c.is_whitespace() {
                out.push(' ');
                (after_stand_in, joined) = (false, false);
            } else if is_invisible(c) {
                // A joiner or a variation selector draws nothing itself:
                // after a square it is part of it, else kept as it was.
                if after_stand_in {
                    joined = c == '\u{200D}';
                } else if self.regular.has(c) && self.bold.has(c) {
                    out.push(c);
                }
            } else if self.regular.has(c) && self.bold.has(c) {
                out.push(c);
                (after_stand_in, joined) = (false, false);
            } else if joined || (after_stand_in && is_emoji_modifier(c)) {
                joined = false;
            } else {
                out.push(STAND_IN);
                after_stand_in = true;
            }
        }
        out
    }
}

/// Characters that are never drawn themselves: the zero-width joiner and
/// the variation selectors (text or emoji style).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// Characters that only modify the emoji before them: skin tones, the
/// tags of a flag, a keycap.
fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' | '\u{20E3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_faces_load_and_draw_the_summarys_own_symbols() {
        let fonts = Fonts::load().expect("the fonts in assets/ are fonts");
        // Every symbol the summary's own words and chart use has a glyph.
        for c in "—–·→≥▼Ψ□éèüñçøß€".chars() {
            assert!(fonts.regular.has(c) && fonts.bold.has(c), "{c} has no glyph");
        }
    }

    #[test]
    fn a_character_without_a_glyph_becomes_one_visible_square() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(fonts.printable("Crème brûlée, naïve"), "Crème brûlée, naïve");
        // DejaVu draws the emoticon faces (in black and white), not the rest.
        assert_eq!(fonts.printable("slept 😴 ok"), "slept 😴 ok");
        assert_eq!(fonts.printable("thanks 🙏 ok"), "thanks □ ok");
        assert_eq!(fonts.printable("👍🏽 thumbs, ❤️ heart"), "□ thumbs, ❤\u{fe0f} heart", "❤ is in DejaVu");
        assert_eq!(fonts.printable("two 💪💪"), "two □□", "two emoji are two squares");
        assert_eq!(fonts.printable("family 👨\u{200D}👩\u{200D}👧."), "family □.", "one joined emoji, one square");
        assert_eq!(fonts.printable("line\none\ttab"), "line one tab");
        assert_eq!(fonts.printable("睡眠"), "□□");
    }

    #[test]
    fn widths_grow_with_the_text_and_the_size() {
        let fonts = Fonts::load().unwrap();
        let w = fonts.regular.width("easeoff", 10.0);
        assert!(w > 30.0 && w < 50.0, "{w}");
        assert!((fonts.regular.width("easeoff", 20.0) - 2.0 * w).abs() < 0.01);
        assert!(fonts.bold.width("easeoff", 10.0) > w);
    }
}
