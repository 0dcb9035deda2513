//! Sizes, spacing and colours of the handout, derived from the clinic's brand.
//!
//! Clients are often older and in pain: body text is 12 pt (never under 12), headings are
//! clearly larger, and every text colour keeps at least 4.5:1 contrast (WCAG AA) against what
//! is behind it, whatever colours the clinic chose. Every dimension of the layout is named here.

use crate::fonts::FontStyle;
use crate::layout::geometry::{INCH, Pt};
use crate::layout::text::TextStyle;
use crate::model::colour::Rgb;
use crate::resolve::handout::Brand;

/// Near-black for reading text.
pub const INK: Rgb = Rgb::new(0x1C, 0x26, 0x2E);
/// Grey for labels and small print, still AA contrast on white and on the tints.
pub const MUTED: Rgb = Rgb::new(0x4F, 0x5A, 0x63);
/// Hairlines and picture frames.
pub const HAIRLINE: Rgb = Rgb::new(0xD3, 0xD9, 0xDE);
/// The warning colour of precautions; dark enough to read as text.
pub const CAUTION: Rgb = Rgb::new(0xA4, 0x46, 0x12);
/// White.
pub const WHITE: Rgb = Rgb::new(0xFF, 0xFF, 0xFF);
/// The least contrast between any text and what is behind it (WCAG AA for body text).
pub const MIN_TEXT_CONTRAST: f32 = 4.5;

/// Body text size: the smallest size a client has to read.
pub const BODY_SIZE: Pt = 12.0;
/// Line height as a multiple of the size for body text.
pub const BODY_LEADING: f32 = 1.25;
/// The least line height of body text, as a multiple of its size, when pagination sets a
/// card tight: still the "single spacing" of word processors.
pub const TIGHT_BODY_LEADING: f32 = 1.17;
/// Body text size in large print.
pub const LARGE_BODY_SIZE: Pt = 16.0;

/// Page margins.
pub const MARGIN_SIDE: Pt = 0.55 * INCH;
/// Top margin.
pub const MARGIN_TOP: Pt = 0.5 * INCH;
/// Nothing is printed closer than this to the bottom edge: many printers cannot reach it.
pub const BOTTOM_SAFE: Pt = 0.25 * INCH;
/// Vertical space between blocks (the header, cards).
pub const BLOCK_GAP: Pt = 16.0;
/// The least space between blocks when a page is packed tight.
pub const TIGHT_BLOCK_GAP: Pt = 10.0;
/// Vertical space between the parts of the first page's header.
pub const HEADER_GAP: Pt = 8.0;
/// Space between the footer's rule and the content above it: a clear break, so the footer
/// never reads as part of the last card.
pub const FOOTER_CLEARANCE: Pt = 24.0;
/// Space between the footer's rule and its first line.
pub const FOOTER_RULE_GAP: Pt = 5.0;

/// The narrowest a card's picture may be printed: 2 inches, big enough to see the pose.
pub const PICTURE_WIDTH: Pt = 2.0 * INCH;
/// The widest picture in large print.
pub const LARGE_PICTURE_WIDTH: Pt = 3.5 * INCH;
/// Tallest a picture may be, relative to its width: a standing figure stays short enough
/// for two cards to share a page.
pub const MAX_PICTURE_HEIGHT_RATIO: f32 = 0.8;
/// Tallest a picture may be in large print, relative to its width.
pub const LARGE_MAX_PICTURE_HEIGHT_RATIO: f32 = 1.1;
/// Space between two pictures side by side or one above the other.
pub const PICTURE_GAP: Pt = 8.0;
/// Space between the pictures and the text beside them.
pub const COLUMN_GAP: Pt = 14.0;
/// The narrowest values may be beside the pictures; with less room the text goes below them.
pub const MIN_VALUE_BESIDE_PICTURES: Pt = 1.25 * INCH;
/// Padding between a picture and its frame.
pub const FRAME_PADDING: Pt = 3.0;
/// Rounding of picture frames.
pub const FRAME_RADIUS: Pt = 5.0;
/// Rounding of tinted boxes.
pub const BOX_RADIUS: Pt = 6.0;
/// Padding of a caption's tinted label.
pub const CAPTION_PADDING: Pt = 4.0;
/// Diameter of a card's number badge, relative to the exercise name's size.
pub const BADGE_SCALE: f32 = 1.45;
/// Space between the badge and the exercise's name.
pub const BADGE_GAP: Pt = 9.0;
/// Space between a label and the widest value column it may share a row with.
pub const LABEL_GAP: Pt = 10.0;
/// The widest the label column of the card grid may be; longer labels wrap.
pub const MAX_LABEL_COLUMN: Pt = 1.45 * INCH;
/// Space between a step's number and its text.
pub const STEP_NUMBER_GAP: Pt = 6.0;
/// Space between a bullet and its text.
pub const BULLET_GAP: Pt = 6.0;
/// Largest logo: 2.2 inches wide, 0.85 inch tall.
pub const LOGO_MAX_WIDTH: Pt = 2.2 * INCH;
/// See [`LOGO_MAX_WIDTH`].
pub const LOGO_MAX_HEIGHT: Pt = 0.85 * INCH;
/// Gap between the logo and the clinic's name and contact lines.
pub const LOGO_GAP: Pt = 16.0;
/// Space between the clinic's block and the rule in the brand colour under it.
pub const BRAND_RULE_GAP: Pt = 6.0;
/// Thickness of the rule under the clinic's block.
pub const BRAND_RULE: Pt = 2.0;
/// Gap between the "prepared for / therapist / date" fields on one row.
pub const FIELD_GAP: Pt = 28.0;
/// Gap between rows of those fields, when they wrap.
pub const FIELD_ROW_GAP: Pt = 6.0;
/// A point of slack added to a measured width, so that text measured to fit one line is never
/// wrapped by rounding.
pub const MEASURE_SLACK: Pt = 1.0;
/// How much of the block after a heading must fit under it, as a share of a page, for the
/// heading to stay on its page (all of the block when it is shorter).
pub const KEPT_START_SHARE: f32 = 0.25;
/// How many body lines taller a card may be with its pictures one above the other than side
/// by side, and still be set that way for the wider text beside them.
pub const STACKING_ALLOWANCE: f32 = 2.0;
/// Space between a card's title and the hairline under it.
pub const TITLE_RULE_GAP: Pt = 3.0;
/// Thickness of the footer's rule, the same in every print size.
pub const HAIRLINE_WIDTH: Pt = 0.75;
/// How far a picture's caption tab starts from its frame's left edge.
pub const CAPTION_TAB_INSET: Pt = 6.0;
/// How far a caption tab reaches above the middle of its line, and below.
pub const CAPTION_TAB_RISE: Pt = 1.0;
/// The narrowest "Scan to watch" beside a video's QR code.
pub const MIN_QR_LABEL_WIDTH: Pt = 60.0;
/// Padding inside the appointment box.
pub const APPOINTMENT_PADDING: Pt = 11.0;
/// Width of the appointment box's bar in the accent colour.
pub const APPOINTMENT_BAR: Pt = 6.0;
/// How much wider the booking QR code's column is than the code.
pub const QR_COLUMN_MARGIN: Pt = 24.0;
/// Gap between a QR code and its caption.
pub const QR_CAPTION_GAP: Pt = 2.0;
/// Space under a small heading or label, before what it heads.
pub const UNDER_HEADING: Pt = 2.0;
/// Space between paragraphs of one text.
pub const PARAGRAPH_GAP: Pt = 6.0;
/// A small gap: before a rule, around a caption.
pub const SMALL_GAP: Pt = 4.0;

/// Gap between the two exercises of a row of the library's contact sheet.
pub const CATALOG_CELL_GAP: Pt = 16.0;
/// Space under a region's heading on the contact sheet.
pub const CATALOG_HEADING_GAP: Pt = 10.0;
/// Padding around and between the pictures in a contact sheet's frame.
pub const CATALOG_FRAME_PADDING: Pt = 6.0;
/// Height of a contact sheet's picture slot, as a share of its width.
pub const CATALOG_SLOT_ASPECT: f32 = 0.75;

/// Space under the log's heading, before its instruction.
pub const LOG_HEADING_GAP: Pt = 4.0;
/// Space above and below the day names over the log's columns, together.
pub const LOG_HEADER_PADDING: Pt = 6.0;
/// Space above and below an exercise's name in the log.
pub const LOG_ROW_PADDING: Pt = 5.0;
/// What a cell of the log keeps clear: beside the exercise's name, and around its boxes.
pub const LOG_CELL_INSET: Pt = 8.0;
/// Space a tick box keeps above and below it in its row.
pub const LOG_BOX_CLEARANCE: Pt = 6.0;
/// How far a rest day's shading stays inside its cell.
pub const LOG_REST_INSET: Pt = 1.0;
/// Gap between the boxes of one day's cell.
pub const LOG_BOX_GAP: Pt = 4.0;
/// Corner radius of the log's boxes and rest days.
pub const LOG_BOX_RADIUS: Pt = 2.0;

/// The log's grid: sizes that grow in large print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogGrid {
    /// The column of exercise names.
    pub label_width: Pt,
    /// A tick box's side.
    pub box_size: Pt,
    /// A tick box's outline.
    pub box_line: Pt,
}

impl LogGrid {
    /// The grid in regular print.
    pub const REGULAR: LogGrid = LogGrid {
        label_width: 150.0,
        box_size: 13.0,
        box_line: 1.0,
    };
    /// The grid in large print.
    pub const LARGE: LogGrid = LogGrid {
        label_width: 180.0,
        box_size: 17.0,
        box_line: 1.5,
    };
}

/// Share of the width the summary's exercise column takes, badge included.
pub const SUMMARY_NAME_SHARE: f32 = 0.32;
/// Share of the width the summary's "Do" column takes; "How often" has the rest.
pub const SUMMARY_DOSE_SHARE: f32 = 0.38;
/// Gap between the summary's columns.
pub const SUMMARY_CELL_GAP: Pt = 12.0;
/// Space above and below each row of the summary.
pub const SUMMARY_ROW_PADDING: Pt = 5.0;

/// Vertical spacing inside a card. Pagination may use the tight set to keep a card on a page
/// it would miss by a little; [`Spacing::tight`] is the least that still reads as separate
/// parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Below the title row's hairline.
    pub after_title: Pt,
    /// Between the labelled rows (note, tips, cautions).
    pub between_rows: Pt,
    /// Between two steps or two bullets.
    pub between_items: Pt,
    /// Padding inside the tinted prescription box, above and below its rows.
    pub box_padding: Pt,
    /// Between the prescription box and the steps.
    pub after_box: Pt,
    /// Below a card's last line.
    pub card_bottom: Pt,
}

impl Spacing {
    /// The spacing a card normally gets.
    pub const REGULAR: Spacing = Spacing {
        after_title: 8.0,
        between_rows: 6.0,
        between_items: 3.0,
        box_padding: 6.0,
        after_box: 8.0,
        card_bottom: 4.0,
    };

    /// The tightest spacing pagination may use: about half the regular gaps, never none.
    pub const TIGHT: Spacing = Spacing {
        after_title: 5.0,
        between_rows: 3.0,
        between_items: 1.5,
        box_padding: 4.0,
        after_box: 5.0,
        card_bottom: 0.0,
    };

    /// The tight set of this spacing.
    pub fn tight(self) -> Spacing {
        Spacing::TIGHT
    }
}

/// Inset of the card grid from the card's left edge: the padding of the tinted box, so that
/// labels inside and below it share one x.
pub const BOX_INSET: Pt = 8.0;

/// All the styles of one handout.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Large print for low-vision readers: bigger type, pictures and lines.
    pub large_print: bool,
    /// The width of a card's picture (regular print) or the widest picture (large print).
    pub picture_width: Pt,
    /// Tallest a picture may be, relative to its width.
    pub max_picture_height_ratio: f32,
    /// Width of hairlines and picture frames.
    pub line_width: Pt,
    /// Brand colour for headings, labels and numbers: readable on white and on its tint.
    pub primary: Rgb,
    /// Fill of the number badges: the brand colour, dark enough for a white number.
    pub badge: Rgb,
    /// The brand's accent, for the follow-up box's bar (decoration only).
    pub accent: Rgb,
    /// The accent as text on the follow-up box's tint.
    pub accent_text: Rgb,
    /// Background of the dosage box.
    pub primary_tint: Rgb,
    /// Background of the follow-up box.
    pub accent_tint: Rgb,
    /// Secondary text: labels, translations, small print; readable on white and the tints.
    pub muted: Rgb,
    /// Precautions.
    pub caution: Rgb,
    /// Vertical spacing inside cards.
    pub spacing: Spacing,
    /// Lines of small print the footer has room for.
    pub footer_lines: usize,
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
        let colors = Palette::for_brand(brand);
        let primary = colors.primary;
        let muted = colors.muted;
        Theme {
            large_print: false,
            picture_width: PICTURE_WIDTH,
            max_picture_height_ratio: MAX_PICTURE_HEIGHT_RATIO,
            line_width: 0.75,
            primary,
            badge: colors.badge,
            accent: brand.accent,
            accent_text: colors.accent_text,
            primary_tint: colors.primary_tint,
            accent_tint: colors.accent_tint,
            muted,
            caution: colors.caution,
            spacing: Spacing::REGULAR,
            footer_lines: 2,
            body: style(FontStyle::Regular, BODY_SIZE, BODY_LEADING, INK),
            body_bold: style(FontStyle::Bold, BODY_SIZE, BODY_LEADING, INK),
            small: style(FontStyle::Regular, 10.5, 1.25, muted),
            caption: style(FontStyle::Italic, 11.0, 1.2, muted),
            caption_label: style(FontStyle::Bold, 10.5, 1.15, primary),
            title: style(FontStyle::Bold, 22.0, 1.1, INK),
            card_title: style(FontStyle::Bold, 16.0, 1.15, INK),
            heading: style(FontStyle::Bold, BODY_SIZE, BODY_LEADING, primary),
            label: style(FontStyle::Bold, 10.5, 1.2, muted),
            value: style(FontStyle::Bold, 13.0, 1.2, INK),
            emphasis: style(FontStyle::Bold, 15.0, 1.2, INK),
            clinic_name: style(FontStyle::Bold, 15.0, 1.15, primary),
        }
    }

    /// The styles for a brand in large print: body 16 pt, headings 22 pt, pictures up to
    /// 3.5 inches wide, thicker lines.
    pub fn large_print(brand: &Brand) -> Theme {
        let regular = Theme::for_brand(brand);
        let style = TextStyle::new;
        let primary = regular.primary;
        let muted = regular.muted;
        Theme {
            large_print: true,
            picture_width: LARGE_PICTURE_WIDTH,
            max_picture_height_ratio: LARGE_MAX_PICTURE_HEIGHT_RATIO,
            line_width: 1.25,
            // Large print sets a card a page: there is room for a footer in larger type.
            footer_lines: 3,
            body: style(FontStyle::Regular, LARGE_BODY_SIZE, 1.3, INK),
            body_bold: style(FontStyle::Bold, LARGE_BODY_SIZE, 1.3, INK),
            small: style(FontStyle::Regular, 13.0, 1.3, muted),
            caption: style(FontStyle::Italic, 14.0, 1.25, muted),
            caption_label: style(FontStyle::Bold, 14.0, 1.2, primary),
            title: style(FontStyle::Bold, 30.0, 1.15, INK),
            card_title: style(FontStyle::Bold, 22.0, 1.2, INK),
            heading: style(FontStyle::Bold, LARGE_BODY_SIZE, 1.3, primary),
            label: style(FontStyle::Bold, 13.0, 1.3, muted),
            value: style(FontStyle::Bold, 18.0, 1.25, INK),
            emphasis: style(FontStyle::Bold, 22.0, 1.25, INK),
            clinic_name: style(FontStyle::Bold, 21.0, 1.2, primary),
            ..regular
        }
    }

    /// The same theme with the tight spacing that pagination may fall back to: smaller gaps
    /// and body lines closer together, the same sizes.
    pub fn tightened(self) -> Theme {
        let closer = |style: TextStyle| {
            TextStyle::new(style.font, style.size, TIGHT_BODY_LEADING, style.color)
        };
        Theme {
            spacing: self.spacing.tight(),
            body: closer(self.body),
            body_bold: closer(self.body_bold),
            heading: closer(self.heading),
            ..self
        }
    }

    /// The top of the footer: its rule, then its lines of small print ending above the
    /// bottom edge's safe margin.
    pub fn footer_top(&self, page_height: Pt) -> Pt {
        page_height
            - BOTTOM_SAFE
            - self.footer_lines as Pt * self.small.line_height
            - FOOTER_RULE_GAP
    }

    /// The log's grid for this print size.
    pub fn log_grid(&self) -> LogGrid {
        if self.large_print {
            LogGrid::LARGE
        } else {
            LogGrid::REGULAR
        }
    }

    /// The lowest point body content may reach: a gap above the footer.
    pub fn content_bottom(&self, page_height: Pt) -> Pt {
        self.footer_top(page_height) - FOOTER_CLEARANCE
    }

    /// Every pair of text colour and the background it is printed on, named, for checking
    /// contrast: (what, text, background).
    pub fn text_on_backgrounds(&self) -> Vec<(&'static str, Rgb, Rgb)> {
        vec![
            ("body text", INK, WHITE),
            ("body text on the dosage box", INK, self.primary_tint),
            ("body text on the appointment box", INK, self.accent_tint),
            ("headings and labels", self.primary, WHITE),
            ("labels on the dosage box", self.primary, self.primary_tint),
            ("captions on their label", self.primary, self.primary_tint),
            ("the appointment label", self.accent_text, self.accent_tint),
            ("exercise numbers", WHITE, self.badge),
            ("small print", self.muted, WHITE),
            (
                "translations on the dosage box",
                self.muted,
                self.primary_tint,
            ),
            (
                "translations on the appointment box",
                self.muted,
                self.accent_tint,
            ),
            ("precautions", self.caution, WHITE),
        ]
    }
}

/// The colours of a handout, adjusted from the brand's until every text reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Headings, labels, numbers.
    pub primary: Rgb,
    /// Number badges.
    pub badge: Rgb,
    /// The appointment label.
    pub accent_text: Rgb,
    /// The dosage box.
    pub primary_tint: Rgb,
    /// The appointment box.
    pub accent_tint: Rgb,
    /// Secondary text.
    pub muted: Rgb,
    /// Precautions.
    pub caution: Rgb,
}

impl Palette {
    /// The palette of a brand: tints from the brand colours, text colours darkened until they
    /// reach [`MIN_TEXT_CONTRAST`] on white and on their tints.
    pub fn for_brand(brand: &Brand) -> Palette {
        let primary_tint = brand.primary.tint(0.9);
        let accent_tint = brand.accent.tint(0.88);
        let darkest_tint = if luminance(primary_tint) < luminance(accent_tint) {
            primary_tint
        } else {
            accent_tint
        };
        let primary = readable_on(brand.primary, primary_tint);
        Palette {
            primary,
            badge: readable_on(brand.primary, WHITE),
            accent_text: readable_on(brand.accent, accent_tint),
            primary_tint,
            accent_tint,
            muted: readable_on(MUTED, darkest_tint),
            caution: readable_on(CAUTION, WHITE),
        }
    }

    /// What a clinic should hear about its colours: the primary colour (headings, labels and
    /// numbers, the face of the brand) had to be darkened to print as readable text. The
    /// accent is a bar and a tint; its one label is darkened quietly.
    pub fn adjustments(brand: &Brand) -> Vec<String> {
        let palette = Palette::for_brand(brand);
        let mut notes = Vec::new();
        if palette.primary != brand.primary {
            notes.push(format!(
                "the primary colour {} is too light to read as text (contrast {:.1}:1, at least {MIN_TEXT_CONTRAST}:1 is needed); handouts print headings and labels in {} instead",
                hex(brand.primary),
                contrast(brand.primary, palette.primary_tint),
                hex(palette.primary)
            ));
        }
        notes
    }
}

/// A colour as `#RRGGBB`.
pub fn hex(color: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", color.red, color.green, color.blue)
}

/// The relative luminance of a colour, as WCAG defines it: 0 for black, 1 for white.
pub fn luminance(color: Rgb) -> f32 {
    let linear = |channel: u8| {
        let value = f32::from(channel) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
}

/// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color`, darkened step by step (keeping its hue) until it has [`MIN_TEXT_CONTRAST`] against
/// `background`, which must be light. A colour that already reads is returned unchanged.
pub fn readable_on(color: Rgb, background: Rgb) -> Rgb {
    let mut darker = color;
    let mut step = 0;
    while contrast(darker, background) < MIN_TEXT_CONTRAST + 0.05 && step < 100 {
        step += 1;
        let scale = 1.0 - step as f32 / 100.0;
        let darken = |channel: u8| (f32::from(channel) * scale).round() as u8;
        darker = Rgb::new(darken(color.red), darken(color.green), darken(color.blue));
    }
    darker
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::brand::neutral;

    fn brand(primary: Rgb, accent: Rgb) -> Brand {
        Brand {
            primary,
            accent,
            ..neutral()
        }
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast(Rgb::new(0, 0, 0), WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 0.01);
        // #767676 is the lightest grey that passes AA on white.
        assert!(contrast(Rgb::new(0x76, 0x76, 0x76), WHITE) >= 4.5);
    }

    #[test]
    fn every_text_reads_whatever_the_brand_colours() {
        let colours = [
            Rgb::new(0xFF, 0xFF, 0xFF),
            Rgb::new(0xFF, 0xFF, 0x00),
            Rgb::new(0xE9, 0xA2, 0x3B),
            Rgb::new(0x1F, 0x6F, 0x78),
            Rgb::new(0x00, 0x00, 0x00),
            Rgb::new(0x7F, 0xFF, 0xD4),
            Rgb::new(0xFF, 0x00, 0x00),
        ];
        for primary in colours {
            for accent in colours {
                let brand = brand(primary, accent);
                for theme in [Theme::for_brand(&brand), Theme::large_print(&brand)] {
                    for (what, text, background) in theme.text_on_backgrounds() {
                        let ratio = contrast(text, background);
                        assert!(
                            ratio >= MIN_TEXT_CONTRAST,
                            "{what}: {} on {} is {ratio:.2}:1 for {} / {}",
                            hex(text),
                            hex(background),
                            hex(primary),
                            hex(accent)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn dark_brand_colours_are_kept_and_light_ones_reported() {
        let teal = Rgb::new(0x1F, 0x6F, 0x78);
        let gold = Rgb::new(0xE9, 0xA2, 0x3B);
        let palette = Palette::for_brand(&brand(teal, gold));
        assert_eq!(palette.primary, teal);
        assert_ne!(palette.accent_text, gold);
        assert!(Palette::adjustments(&brand(teal, gold)).is_empty());
        let notes = Palette::adjustments(&brand(gold, teal));
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("#E9A23B"), "{}", notes[0]);
    }

    #[test]
    fn tight_lines_keep_their_size_and_stay_apart() {
        let theme = Theme::for_brand(&neutral());
        let tight = theme.tightened();
        assert_eq!(tight.body.size, theme.body.size);
        assert!(tight.body.line_height < theme.body.line_height);
        assert!(tight.body.line_height >= 1.15 * tight.body.size);
    }

    #[test]
    fn tight_spacing_still_separates_parts() {
        let (regular, tight) = (Spacing::REGULAR, Spacing::TIGHT);
        for (loose, close) in [
            (regular.after_title, tight.after_title),
            (regular.between_rows, tight.between_rows),
            (regular.between_items, tight.between_items),
            (regular.box_padding, tight.box_padding),
            (regular.after_box, tight.after_box),
        ] {
            assert!(close > 0.0 && close <= loose && close >= loose * 0.4);
        }
    }
}
