//! Text lines as real, selectable PDF text in the embedded, subset fonts.

use krilla::geom::Point;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::fonts::{FontStyle, Fonts};
use crate::layout::page::TextLine;
use crate::paint::shape::color;

/// The bundled fonts as krilla fonts, made once per document.
pub struct PdfFonts {
    regular: Font,
    bold: Font,
    italic: Font,
}

impl PdfFonts {
    /// Wraps the bundled font bytes; krilla subsets them when the document is finished.
    pub fn new() -> PdfFonts {
        let fonts = Fonts::bundled();
        let load = |data: &'static [u8]| match Font::new(data.into(), 0) {
            Some(font) => font,
            // The same bytes parsed for layout; failing here is a build bug, not bad input.
            None => unreachable!("a bundled font failed to load in krilla"),
        };
        PdfFonts {
            regular: load(fonts.regular.data),
            bold: load(fonts.bold.data),
            italic: load(fonts.italic.data),
        }
    }

    fn get(&self, style: FontStyle) -> Font {
        match style {
            FontStyle::Regular => self.regular.clone(),
            FontStyle::Bold => self.bold.clone(),
            FontStyle::Italic => self.italic.clone(),
        }
    }
}

/// Draws one line with the glyphs layout shaped, so the PDF shows exactly what was measured.
pub fn draw_line(surface: &mut Surface, fonts: &PdfFonts, line: &TextLine) {
    if line.glyphs.is_empty() {
        return;
    }
    let glyphs: Vec<KrillaGlyph> = line
        .glyphs
        .iter()
        .map(|glyph| {
            KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.glyph_id)),
                glyph.x_advance_em,
                glyph.x_offset_em,
                glyph.y_offset_em,
                0.0,
                glyph.text_range.clone(),
                None,
            )
        })
        .collect();
    surface.set_fill(Some(Fill {
        paint: color(line.color).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
    surface.set_stroke(None);
    surface.draw_glyphs(
        Point::from_xy(line.x, line.baseline),
        &glyphs,
        fonts.get(line.style),
        &line.text,
        line.size,
        false,
    );
}
