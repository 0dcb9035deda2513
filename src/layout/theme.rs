//! Sizes, spacing and colours of the handout, derived from the clinic's brand.
//!
//! Clients are often older and in pain: body text is 12 pt (never under 12), headings are
//! clearly larger, and the palette keeps strong contrast on a black-and-white printer.

use crate::fonts::FontStyle;
use crate::layout::geometry::{INCH, Pt};
use crate::layout::text::TextStyle;
use crate::resolve::handout::{Brand, Rgb};

/// Near-black for reading text.
pub const INK: Rgb = Rgb::new(0x1C, 0x26, 0x2E);
/// Grey for labels and small print, still AA contrast on white.
pub const MUTED: Rgb = Rgb::new(0x55, 0x61, 0x6B);
/// Hairlines and picture frames.
pub const HAIRLINE: Rgb = Rgb::new(0xD3, 0xD9, 0xDE);
/// The warning colour of precautions; dark enough to read as text.
pub const CAUTION: Rgb = Rgb::new(0xA4, 0x46, 0x12);
/// White.
pub const WHITE: Rgb = Rgb::new(0xFF, 0xFF, 0xFF);

/// Body text size: the smallest size a client has to read.
pub const BODY_SIZE: Pt = 12.0;
/// Line height as a multiple of the size for body text.
pub const BODY_LEADING: f32 = 1.28;

/// Page margins.
pub const MARGIN_SIDE: Pt = 0.55 * INCH;
/// Top margin.
pub const MARGIN_TOP: Pt = 0.5 * INCH;
/// Nothing is printed closer than this to the bottom edge: many printers cannot reach it.
pub const BOTTOM_SAFE: Pt = 0.25 * INCH;
/// Vertical space between blocks (the header, cards).
pub const BLOCK_GAP: Pt = 18.0;
/// Vertical space between the parts of the first page's header.
pub const HEADER_GAP: Pt = 10.0;

/// Width of the picture column of an exercise card: 2 inches, big enough to see the pose.
pub const PICTURE_COLUMN: Pt = 2.0 * INCH;
/// Space between the picture column and the text column.
pub const COLUMN_GAP: Pt = 18.0;

/// All the styles of one handout.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Large print for low-vision readers: bigger type, pictures and lines.
    pub large_print: bool,
    /// Width of the picture column (regular print) or the widest picture (large print).
    pub picture_width: Pt,
    /// Width of hairlines and picture frames.
    pub line_width: Pt,
    /// Brand colour for headings and numbers.
    pub primary: Rgb,
    /// Brand colour for the follow-up box.
    pub accent: Rgb,
    /// Background of the dosage box.
    pub primary_tint: Rgb,
    /// Background of the follow-up box.
    pub accent_tint: Rgb,
    /// Body text.
    pub body: TextStyle,
    /// Bold body text.
    pub body_bold: TextStyle,
    /// Small print: contact details, footers.
    pub small: TextStyle,
    /// Picture captions.
    pub caption: TextStyle,
    /// Picture captions on a label inside the picture's frame.
    pub caption_label: TextStyle,
    /// The handout's title.
    pub title: TextStyle,
    /// An exercise's name.
    pub card_title: TextStyle,
    /// Section headings inside cards.
    pub heading: TextStyle,
    /// Labels above values ("Prepared for").
    pub label: TextStyle,
    /// Values under labels.
    pub value: TextStyle,
    /// The follow-up date.
    pub emphasis: TextStyle,
    /// The clinic name in the header.
    pub clinic_name: TextStyle,
}

impl Theme {
    /// The styles for a brand, in regular print.
    pub fn for_brand(brand: &Brand) -> Theme {
        let style = TextStyle::new;
        let primary = readable(brand.primary);
        Theme {
            large_print: false,
            picture_width: PICTURE_COLUMN,
            line_width: 0.75,
            primary,
            accent: readable(brand.accent),
            primary_tint: brand.primary.tint(0.9),
            accent_tint: brand.accent.tint(0.88),
            body: style(FontStyle::Regular, BODY_SIZE, BODY_LEADING, INK),
            body_bold: style(FontStyle::Bold, BODY_SIZE, BODY_LEADING, INK),
            small: style(FontStyle::Regular, 10.5, 1.3, MUTED),
            caption: style(FontStyle::Italic, 11.0, 1.25, MUTED),
            caption_label: style(FontStyle::Bold, 10.5, 1.2, primary),
            title: style(FontStyle::Bold, 25.0, 1.15, INK),
            card_title: style(FontStyle::Bold, 18.0, 1.2, INK),
            heading: style(FontStyle::Bold, BODY_SIZE, BODY_LEADING, primary),
            label: style(FontStyle::Bold, 10.5, 1.3, MUTED),
            value: style(FontStyle::Bold, 14.0, 1.25, INK),
            emphasis: style(FontStyle::Bold, 17.0, 1.25, INK),
            clinic_name: style(FontStyle::Bold, 17.0, 1.2, primary),
        }
    }
}

impl Theme {
    /// The top of the footer: its rule, then two lines of small print ending above the
    /// bottom edge's safe margin.
    pub fn footer_top(&self, page_height: Pt) -> Pt {
        page_height - BOTTOM_SAFE - 2.0 * self.small.line_height - 8.0
    }

    /// The lowest point body content may reach: a gap above the footer.
    pub fn content_bottom(&self, page_height: Pt) -> Pt {
        self.footer_top(page_height) - 10.0
    }

    /// The styles for a brand in large print: body 16 pt, headings 22 pt, pictures up to
    /// 3.5 inches wide, thicker lines.
    pub fn large_print(brand: &Brand) -> Theme {
        let regular = Theme::for_brand(brand);
        let style = TextStyle::new;
        let primary = regular.primary;
        Theme {
            large_print: true,
            picture_width: 3.5 * INCH,
            line_width: 1.25,
            body: style(FontStyle::Regular, LARGE_BODY_SIZE, 1.3, INK),
            body_bold: style(FontStyle::Bold, LARGE_BODY_SIZE, 1.3, INK),
            small: style(FontStyle::Regular, 13.0, 1.3, MUTED),
            caption: style(FontStyle::Italic, 14.0, 1.25, MUTED),
            caption_label: style(FontStyle::Bold, 14.0, 1.2, primary),
            title: style(FontStyle::Bold, 30.0, 1.15, INK),
            card_title: style(FontStyle::Bold, 22.0, 1.2, INK),
            heading: style(FontStyle::Bold, LARGE_BODY_SIZE, 1.3, primary),
            label: style(FontStyle::Bold, 13.0, 1.3, MUTED),
            value: style(FontStyle::Bold, 18.0, 1.25, INK),
            emphasis: style(FontStyle::Bold, 22.0, 1.25, INK),
            clinic_name: style(FontStyle::Bold, 21.0, 1.2, primary),
            ..regular
        }
    }
}

/// Body text size in large print.
pub const LARGE_BODY_SIZE: Pt = 16.0;

/// Darkens a brand colour that is too light to read as text on white.
fn readable(color: Rgb) -> Rgb {
    let luminance = 0.2126 * f32::from(color.red)
        + 0.7152 * f32::from(color.green)
        + 0.0722 * f32::from(color.blue);
    if luminance <= 140.0 {
        return color;
    }
    let scale = 140.0 / luminance;
    let darken = |channel: u8| (f32::from(channel) * scale).round() as u8;
    Rgb::new(darken(color.red), darken(color.green), darken(color.blue))
}
