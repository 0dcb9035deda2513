//! The bundled fonts: Atkinson Hyperlegible, designed by the Braille Institute for low-vision
//! readers, under the SIL Open Font License (see `fonts/OFL.txt`).
//!
//! Layout measures text with these faces through rustybuzz, and paint embeds the very same
//! bytes, so what is measured is what is drawn.

use std::sync::OnceLock;

/// Which face of the family a piece of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontStyle {
    /// Body text.
    Regular,
    /// Headings, labels and emphasis.
    Bold,
    /// Captions and credits.
    Italic,
}

/// One font file, parsed once for shaping.
pub struct FontFace {
    /// The font file's bytes, embedded in the binary.
    pub data: &'static [u8],
    /// The parsed face used for shaping and measuring.
    pub face: rustybuzz::Face<'static>,
}

impl FontFace {
    fn parse(data: &'static [u8]) -> FontFace {
        match rustybuzz::Face::from_slice(data, 0) {
            Some(face) => FontFace { data, face },
            // The fonts are compiled in and checked by the tests; a broken one is a build bug.
            None => unreachable!("a bundled font failed to parse"),
        }
    }

    /// Design units per em, to scale font units to points.
    pub fn units_per_em(&self) -> f32 {
        f32::from(self.face.units_per_em() as u16)
    }

    /// How far above the baseline the tallest letters reach, as a fraction of the font size.
    pub fn ascender_em(&self) -> f32 {
        f32::from(self.face.ascender()) / self.units_per_em()
    }

    /// How far below the baseline descenders reach, as a positive fraction of the font size.
    pub fn descender_em(&self) -> f32 {
        -f32::from(self.face.descender()) / self.units_per_em()
    }

    /// The height of capital letters, as a fraction of the font size.
    pub fn cap_height_em(&self) -> f32 {
        self.face
            .capital_height()
            .map(|height| f32::from(height) / self.units_per_em())
            .unwrap_or(0.7)
    }

    /// Whether the font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }
}

/// The family of faces used on every handout.
pub struct Fonts {
    /// Body text.
    pub regular: FontFace,
    /// Headings and labels.
    pub bold: FontFace,
    /// Captions.
    pub italic: FontFace,
}

impl Fonts {
    /// The bundled family, parsed on first use and shared by every handout of a batch.
    pub fn bundled() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            regular: FontFace::parse(include_bytes!("../fonts/AtkinsonHyperlegible-Regular.ttf")),
            bold: FontFace::parse(include_bytes!("../fonts/AtkinsonHyperlegible-Bold.ttf")),
            italic: FontFace::parse(include_bytes!("../fonts/AtkinsonHyperlegible-Italic.ttf")),
        })
    }

    /// The face for a style.
    pub fn face(&self, style: FontStyle) -> &FontFace {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
            FontStyle::Italic => &self.italic,
        }
    }

    /// The characters of `text` that no face can draw, each once, in order.
    pub fn missing_characters(&self, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        for c in text.chars() {
            let drawable = c.is_whitespace() || self.regular.covers(c);
            if !drawable && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_cover_what_handouts_print() {
        let fonts = Fonts::bundled();
        assert!(
            fonts
                .missing_characters("Café – “quoted” don’t × ½ é à ç « »")
                .is_empty()
        );
        assert_eq!(fonts.missing_characters("☐ ok ☐"), vec!['☐']);
        assert!(fonts.bold.ascender_em() > 0.5);
    }
}
