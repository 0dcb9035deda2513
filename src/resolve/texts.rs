//! Every text a handout prints (or gives a screen reader), in one list. The language's typography is applied to each and
//! each is checked against the font, so no text can get one and miss the other (French
//! equipment and captions once missed their no-break spaces this way).

use crate::resolve::handout::{ExerciseCard, FollowUpBox, Handout};
use crate::resolve::words::Words;

/// One text printed on the handout, with the language it is written in and where it is.
pub struct PrintedText<'a> {
    /// The text, to read or to rewrite in place.
    pub text: &'a mut String,
    /// The language it is written in, whose typography it follows.
    pub words: &'static Words,
    /// Where it is printed, for a message: "a step of exercise 2 (Clamshell)".
    pub place: String,
    /// Whether the font draws it; a picture's description is only read aloud, from the tags.
    pub drawn: bool,
}

impl Handout {
    /// Every text the handout prints that comes from the plan, the clinic or the library, and
    /// every sentence hep writes about them; not the fixed words of the page (headings, labels),
    /// which are typeset where they are written.
    pub fn printed_texts(&mut self) -> Vec<PrintedText<'_>> {
        let words = self.words;
        let mut texts = vec![printed(&mut self.client, words, "the client's name")];
        if let Some(therapist) = &mut self.therapist {
            texts.push(printed(therapist, words, "the therapist's name"));
        }
        for note in &mut self.notes {
            texts.push(printed(note, words, "the notes"));
        }
        if let Some(follow_up) = &mut self.follow_up {
            follow_up_texts(follow_up, words, self.second_words, &mut texts);
        }
        let brand = &mut self.brand;
        if let Some(name) = &mut brand.clinic_name {
            texts.push(printed(name, words, "the clinic's name"));
        }
        for line in brand
            .contact_lines
            .iter_mut()
            .chain(&mut brand.footer_contact)
            .chain(&mut brand.website)
            .chain(&mut brand.footer_note)
        {
            texts.push(printed(line, words, "the clinic's details"));
        }
        for card in &mut self.cards {
            card_texts(card, words, self.second_words, &mut texts);
        }
        texts
    }

    /// Applies each text's typography (French no-break spaces before `:` `;` `!` `?`).
    pub fn typeset(mut self) -> Handout {
        for printed in self.printed_texts() {
            *printed.text = printed.words.typeset(printed.text);
        }
        self
    }
}

/// One printed text.
fn printed<'a>(text: &'a mut String, words: &'static Words, place: &str) -> PrintedText<'a> {
    PrintedText {
        text,
        words,
        place: place.to_string(),
        drawn: true,
    }
}

/// The follow-up box's texts, and its second language's.
fn follow_up_texts<'a>(
    follow_up: &'a mut FollowUpBox,
    words: &'static Words,
    second_words: Option<&'static Words>,
    texts: &mut Vec<PrintedText<'a>>,
) {
    for text in [
        &mut follow_up.date,
        &mut follow_up.distance,
        &mut follow_up.note,
    ] {
        texts.push(printed(text, words, "the follow-up"));
    }
    if let (Some(second), Some(second_words)) = (&mut follow_up.second, second_words) {
        follow_up_texts(second, second_words, None, texts);
    }
}

/// A card's texts, and its second language's.
fn card_texts<'a>(
    card: &'a mut ExerciseCard,
    words: &'static Words,
    second_words: Option<&'static Words>,
    texts: &mut Vec<PrintedText<'a>>,
) {
    let exercise = format!("exercise {} ({})", card.number, card.name);
    let place = |what: &str| format!("{what} of {exercise}");
    texts.push(printed(&mut card.name, words, &place("the name")));
    texts.push(printed(&mut card.frequency, words, &place("the frequency")));
    if let Some(dosage) = &mut card.dosage {
        texts.push(printed(dosage, words, &place("the dose")));
    }
    if let Some(equipment) = &mut card.equipment {
        texts.push(printed(equipment, words, &place("the equipment")));
    }
    for step in &mut card.steps {
        texts.push(printed(step, words, &place("a step")));
    }
    for text in card
        .cues
        .iter_mut()
        .chain(&mut card.precautions)
        .chain(&mut card.progression)
        .chain(&mut card.note)
    {
        texts.push(printed(text, words, &place("the text")));
    }
    for picture in &mut card.pictures {
        for text in picture.caption.iter_mut().chain(&mut picture.credit) {
            texts.push(printed(text, words, &place("a caption")));
        }
        if let Some(alt) = &mut picture.alt {
            texts.push(PrintedText {
                drawn: false,
                ..printed(alt, words, &place("a picture's description"))
            });
        }
    }
    if let (Some(second), Some(second_words)) = (&mut card.second, second_words) {
        card_texts(second, second_words, None, texts);
    }
}
