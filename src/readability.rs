//! How hard a text is to read: the Flesch-Kincaid grade level for English, and the
//! Kandel-Moles reading ease (Flesch's formula refitted for French) for French.

/// The school grade a reader needs for `text`: 0.39 words per sentence + 11.8 syllables per
/// word - 15.59. Short, plain sentences score low; long words and sentences score high.
pub fn flesch_kincaid_grade(text: &str) -> f32 {
    match counts(text, syllables, false) {
        Some((words, sentences, syllables)) => {
            0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
        }
        None => 0.0,
    }
}

/// Words, sentences and syllables of a text.
/// French elisions (l’arrière) split at the apostrophe; English contractions (don’t) do not.
fn counts(
    text: &str,
    syllables_of: fn(&str) -> usize,
    split_elisions: bool,
) -> Option<(f32, f32, f32)> {
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || c == '/' || c == '-' || (split_elisions && (c == '’' || c == '\''))
        })
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = text
        .split(['.', '!', '?', ';', ':'])
        .filter(|sentence| sentence.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|word| syllables_of(word)).sum();
    Some((words.len() as f32, sentences as f32, syllables as f32))
}

/// Kandel-Moles reading ease of a French text: 207 - 1.015 words per sentence - 73.6
/// syllables per word. 60 and above reads like plain everyday French (about grade 8 or lower).
pub fn kandel_moles_ease(text: &str) -> f32 {
    match counts(text, french_syllables, true) {
        Some((words, sentences, syllables)) => {
            207.0 - 1.015 * (words / sentences) - 73.6 * (syllables / words)
        }
        None => 100.0,
    }
}

/// Syllables in a French word: groups of vowels, less a mute final "e" or "es".
pub fn french_syllables(word: &str) -> usize {
    let lower = word.to_lowercase();
    let is_vowel = |c: char| "aeiouyàâäéèêëîïôöùûüœæ".contains(c);
    let mut count = 0;
    let mut previous_vowel = false;
    for c in lower.chars() {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let mute = ["es", "e"]
        .iter()
        .any(|ending| lower.ends_with(ending) && lower.chars().count() > ending.len() + 1);
    if mute && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// Syllables in an English word, counted as groups of vowels, less a silent final "e".
pub fn syllables(word: &str) -> usize {
    let lower: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'à');
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &lower {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let ends_with_silent_e = lower.len() > 2
        && lower.last() == Some(&'e')
        && !is_vowel(lower[lower.len() - 2])
        && lower[lower.len() - 2] != 'l';
    if ends_with_silent_e && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_counts() {
        for (word, count) in [
            ("lie", 1),
            ("knee", 1),
            ("slowly", 2),
            ("shoulder", 2),
            ("table", 2),
            ("gentle", 2),
            ("abduction", 3),
            ("resistance", 3),
        ] {
            assert_eq!(syllables(word), count, "{word}");
        }
    }

    #[test]
    fn french_reading_ease() {
        assert!(kandel_moles_ease("Couchez-vous sur le dos. Pliez les genoux.") > 70.0);
        let jargon = "Effectuez une contraction isométrique de la musculature glutéale en maintenant un alignement lombopelvien neutre tout au long du mouvement d’abduction.";
        assert!(kandel_moles_ease(jargon) < 40.0);
        assert_eq!(french_syllables("genoux"), 2);
        assert_eq!(french_syllables("lentement"), 3);
    }

    #[test]
    fn plain_steps_read_at_a_low_grade_and_jargon_high() {
        assert!(flesch_kincaid_grade("Lie on your side. Bend your knees.") < 3.0);
        let jargon = "Perform isometric contraction of the gluteus medius musculature while maintaining neutral lumbopelvic alignment throughout the abduction movement.";
        assert!(flesch_kincaid_grade(jargon) > 12.0);
    }
}
