//! The card grid: where every card's labels and values start, the same on every card and page
//! of a handout, so that a reader finds "How often" and "Be careful" in the same place.

use crate::layout::geometry::Pt;
use crate::layout::text::single_line;
use crate::layout::theme::{BOX_INSET, LABEL_GAP, MAX_LABEL_COLUMN, Theme};
use crate::resolve::handout::Handout;
use crate::resolve::words::Words;

/// The columns of every card of one handout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardGrid {
    /// The card's left edge: the number badge and the tinted box start here.
    pub x: Pt,
    /// The card's width.
    pub width: Pt,
    /// Where labels start (Do, How often, Tips, Be careful...), and step numbers.
    pub label_x: Pt,
    /// How wide the label column is; longer labels wrap inside it.
    pub label_width: Pt,
    /// Where values start, beside their labels.
    pub value_x: Pt,
}

impl CardGrid {
    /// The grid of `handout`'s cards across `(x, width)`: the label column is as wide as the
    /// widest label the handout can print, in either language, up to [`MAX_LABEL_COLUMN`].
    pub fn for_handout(handout: &Handout, theme: &Theme, (x, width): (Pt, Pt)) -> CardGrid {
        let style = theme.heading;
        let widest = card_labels(handout)
            .iter()
            .map(|label| single_line(label, style).width)
            .fold(0.0, Pt::max);
        let scale = theme.body.size / crate::layout::theme::BODY_SIZE;
        let label_width = widest.min(MAX_LABEL_COLUMN * scale).ceil();
        let label_x = x + BOX_INSET;
        CardGrid {
            x,
            width,
            label_x,
            label_width,
            value_x: label_x + label_width + LABEL_GAP * scale,
        }
    }

    /// The card's right edge.
    pub fn right(&self) -> Pt {
        self.x + self.width
    }
}

/// Every label a card of `handout` may print, in each of its languages.
fn card_labels(handout: &Handout) -> Vec<String> {
    let languages = std::iter::once(handout.words).chain(handout.second_words);
    let mut labels = Vec::new();
    for words in languages {
        labels.extend(words.card_labels().map(str::to_string));
        labels.push(note_label(words, handout.therapist.as_deref()));
    }
    labels
}

/// The label of the therapist's note on a card: "From Alex", "De la part d’Alex", or "Note"
/// when the plan names no therapist.
pub fn note_label(words: &Words, therapist: Option<&str>) -> String {
    match therapist.and_then(first_name) {
        Some(name) => words.note_from(name),
        None => words.note_heading.to_string(),
    }
}

/// The first name in "Alex Martin, RMT": the first word, without trailing punctuation.
pub fn first_name(therapist: &str) -> Option<&str> {
    therapist
        .split_whitespace()
        .next()
        .map(|word| word.trim_end_matches([',', ';', '.']))
        .filter(|word| !word.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::words::{ENGLISH, FRENCH};

    #[test]
    fn the_note_is_signed_with_the_therapists_first_name() {
        assert_eq!(first_name("Alex Martin, RMT"), Some("Alex"));
        assert_eq!(first_name("Alex, RMT"), Some("Alex"));
        assert_eq!(note_label(&ENGLISH, Some("Alex Martin, RMT")), "From Alex");
        assert_eq!(
            note_label(&FRENCH, Some("Alex Martin")),
            "De la part d’Alex"
        );
        assert_eq!(
            note_label(&FRENCH, Some("Émilie Roy")),
            "De la part d’Émilie"
        );
        assert_eq!(
            note_label(&FRENCH, Some("Marie Roy")),
            "De la part de Marie"
        );
        assert_eq!(note_label(&ENGLISH, None), "Note");
    }
}
