//! Shaping text with rustybuzz and breaking it into lines by the fonts' real metrics.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::fonts::{FontStyle, Fonts};
use crate::layout::geometry::Pt;
use crate::layout::page::{ShapedGlyph, TextLine};
use crate::model::colour::Rgb;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Which face.
    pub font: FontStyle,
    /// Font size.
    pub size: Pt,
    /// Distance from one baseline to the next.
    pub line_height: Pt,
    /// Colour.
    pub color: Rgb,
}

impl TextStyle {
    /// A style with a line height of `leading` times the size, but never less than the font's
    /// own ascender-to-descender height, so lines never overlap.
    pub fn new(font: FontStyle, size: Pt, leading: f32, color: Rgb) -> TextStyle {
        let face = Fonts::bundled().face(font);
        let content = (face.ascender_em() + face.descender_em()) * size;
        TextStyle {
            font,
            size,
            line_height: (size * leading).max(content),
            color,
        }
    }

    /// The same style in another colour.
    pub fn colored(self, color: Rgb) -> TextStyle {
        TextStyle { color, ..self }
    }

    /// How far the first baseline sits below the top of a block of this text.
    pub fn first_baseline(&self) -> Pt {
        let face = Fonts::bundled().face(self.font);
        let content = (face.ascender_em() + face.descender_em()) * self.size;
        (self.line_height - content) / 2.0 + face.ascender_em() * self.size
    }
}

/// A line of text shaped and measured but not yet placed.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedLine {
    /// The characters of the line, without trailing spaces.
    pub text: String,
    /// Glyphs, with ranges into `text`.
    pub glyphs: Vec<ShapedGlyph>,
    /// Advance width at the style's size.
    pub width: Pt,
}

impl ShapedLine {
    /// Places the line with its baseline's left end at (`x`, `baseline`).
    pub fn place(self, x: Pt, baseline: Pt, style: TextStyle) -> TextLine {
        TextLine {
            x,
            baseline,
            style: style.font,
            size: style.size,
            color: style.color,
            text: self.text,
            glyphs: self.glyphs,
            width: self.width,
        }
    }
}

/// Shapes `text` in one face, left to right, into glyphs whose ranges index `text`. Each text is
/// shaped once per process and face: a batch prints the same library sentences on many
/// handouts, and shaping them again was a sixth of its time.
pub fn shape(text: &str, font: FontStyle) -> Vec<ShapedGlyph> {
    /// Shaped texts of one face, and roughly how many bytes they hold.
    type Shaped = (HashMap<String, Vec<ShapedGlyph>>, usize);
    /// Past this many bytes in one face's cache it starts again, so memory stays bounded.
    const CACHE_BYTES: usize = 8 << 20;
    static CACHES: [Mutex<Option<Shaped>>; 3] = [const { Mutex::new(None) }; 3];
    let cache = &CACHES[match font {
        FontStyle::Regular => 0,
        FontStyle::Bold => 1,
        FontStyle::Italic => 2,
    }];
    let lock = || {
        cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    if let Some(glyphs) = lock().as_ref().and_then(|(map, _)| map.get(text)) {
        return glyphs.clone();
    }
    let glyphs = shape_uncached(text, font);
    let bytes = text.len() + glyphs.len() * std::mem::size_of::<ShapedGlyph>() + 64;
    let mut guard = lock();
    let (map, size) = guard.get_or_insert_with(Default::default);
    if *size + bytes > CACHE_BYTES {
        map.clear();
        *size = 0;
    }
    if map.insert(text.to_string(), glyphs.clone()).is_none() {
        *size += bytes;
    }
    glyphs
}

fn shape_uncached(text: &str, font: FontStyle) -> Vec<ShapedGlyph> {
    let face = Fonts::bundled().face(font);
    let units_per_em = face.units_per_em();
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    // A tab has no glyph (it would print as a missing-glyph box, which PDF/UA forbids): it is
    // a space here, byte for byte, so glyph ranges still index `text`.
    buffer.push_str(&text.replace('\t', " "));
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    let output = rustybuzz::shape(&face.face, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    for (index, (info, position)) in infos.iter().zip(positions).enumerate() {
        let start = info.cluster as usize;
        let end = infos[index + 1..]
            .iter()
            .map(|next| next.cluster as usize)
            .find(|&cluster| cluster != start)
            .unwrap_or(text.len());
        glyphs.push(ShapedGlyph {
            glyph_id: info.glyph_id as u16,
            x_advance_em: position.x_advance as f32 / units_per_em,
            x_offset_em: position.x_offset as f32 / units_per_em,
            y_offset_em: position.y_offset as f32 / units_per_em,
            text_range: start..end.max(start),
        });
    }
    glyphs
}

/// The advance width of `text` on one line.
pub fn measure(text: &str, font: FontStyle, size: Pt) -> Pt {
    shape(text, font)
        .iter()
        .map(|glyph| glyph.x_advance_em)
        .sum::<f32>()
        * size
}

/// Shapes `text` as a single line, however long.
pub fn single_line(text: &str, style: TextStyle) -> ShapedLine {
    let glyphs = shape(text, style.font);
    let width = glyphs.iter().map(|glyph| glyph.x_advance_em).sum::<f32>() * style.size;
    ShapedLine {
        text: text.replace('\t', " "),
        glyphs,
        width,
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\n' || c == '\u{2009}'
}

fn breaks_after(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '/')
}

/// Breaks `text` into lines no wider than `max_width`, at spaces and after dashes; a word wider
/// than a whole line is broken between letters rather than overflowing.
pub fn wrap(text: &str, style: TextStyle, max_width: Pt) -> Vec<ShapedLine> {
    let glyphs = shape(text, style.font);
    let advance = |glyph: &ShapedGlyph| glyph.x_advance_em * style.size;
    let first_char =
        |glyph: &ShapedGlyph| text[glyph.text_range.clone()].chars().next().unwrap_or(' ');
    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        while start < glyphs.len() && is_space(first_char(&glyphs[start])) {
            start += 1;
        }
        if start >= glyphs.len() {
            break;
        }
        let mut width = 0.0;
        let mut last_break: Option<usize> = None;
        let mut end = glyphs.len();
        for index in start..glyphs.len() {
            let glyph = &glyphs[index];
            let c = first_char(glyph);
            if is_space(c) {
                last_break = Some(index);
                width += advance(glyph);
                continue;
            }
            if width + advance(glyph) > max_width && index > start {
                end = match last_break {
                    Some(at) if at > start => at,
                    _ => index,
                };
                break;
            }
            width += advance(glyph);
            if breaks_after(c)
                && glyphs
                    .get(index + 1)
                    .is_some_and(|next| !is_space(first_char(next)))
            {
                last_break = Some(index + 1);
            }
        }
        lines.push(line_from(text, &glyphs[start..end], style));
        start = end;
    }
    lines
}

/// Breaks `text` into lines of which the first `narrow_lines` are at most `narrow_width` wide
/// and the rest at most `width` (text running beside a picture, then below it).
pub fn wrap_narrow_first(
    text: &str,
    style: TextStyle,
    (narrow_lines, narrow_width): (usize, Pt),
    width: Pt,
) -> Vec<ShapedLine> {
    let mut lines = wrap(text, style, narrow_width);
    if lines.len() <= narrow_lines || narrow_width >= width {
        return lines;
    }
    // Each line's text is a slice of `text`, in order: find where the narrow ones end.
    let mut end = 0;
    for line in &lines[..narrow_lines] {
        match text[end..].find(line.text.as_str()) {
            Some(at) => end += at + line.text.len(),
            None => return lines,
        }
    }
    lines.truncate(narrow_lines);
    lines.extend(wrap(text[end..].trim_start(), style, width));
    lines
}

/// Builds a line from a run of glyphs, dropping trailing spaces and re-basing text ranges.
fn line_from(text: &str, glyphs: &[ShapedGlyph], style: TextStyle) -> ShapedLine {
    let mut glyphs = glyphs.to_vec();
    while glyphs
        .last()
        .is_some_and(|glyph| text[glyph.text_range.clone()].chars().all(is_space))
    {
        glyphs.pop();
    }
    let Some(byte_start) = glyphs.iter().map(|glyph| glyph.text_range.start).min() else {
        return ShapedLine {
            text: String::new(),
            glyphs,
            width: 0.0,
        };
    };
    let byte_end = glyphs
        .iter()
        .map(|glyph| glyph.text_range.end)
        .max()
        .unwrap_or(byte_start);
    for glyph in &mut glyphs {
        glyph.text_range = glyph.text_range.start - byte_start..glyph.text_range.end - byte_start;
    }
    let width = glyphs.iter().map(|glyph| glyph.x_advance_em).sum::<f32>() * style.size;
    ShapedLine {
        text: text[byte_start..byte_end].replace('\t', " "),
        glyphs,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> TextStyle {
        TextStyle::new(FontStyle::Regular, 12.5, 1.3, Rgb::new(0, 0, 0))
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "Lie on your side with your hips and knees bent. Keep your feet together and lift your top knee as far as you can without rolling back.";
        let lines = wrap(text, body(), 200.0);
        assert!(lines.len() >= 3);
        for line in &lines {
            assert!(line.width <= 200.0, "{} is {} wide", line.text, line.width);
            assert!(!line.text.ends_with(' '));
        }
        let joined = lines
            .iter()
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, text);
    }

    #[test]
    fn a_huge_word_is_broken_instead_of_overflowing() {
        let word = "a".repeat(5000);
        let lines = wrap(&word, body(), 300.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|line| line.width <= 300.0));
        assert_eq!(
            lines.iter().map(|line| line.text.len()).sum::<usize>(),
            5000
        );
    }

    #[test]
    fn glyph_ranges_cover_the_line_text_exactly() {
        let lines = wrap("Café “quoted” – don’t ½", body(), 1000.0);
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        let covered: String = line
            .glyphs
            .iter()
            .map(|glyph| &line.text[glyph.text_range.clone()])
            .collect();
        assert_eq!(covered, line.text);
    }

    #[test]
    fn breaks_after_hyphens() {
        let width = measure("side-ly", FontStyle::Regular, 12.5);
        let lines = wrap("side-lying hip abduction", body(), width);
        assert_eq!(lines[0].text, "side-");
    }
}
