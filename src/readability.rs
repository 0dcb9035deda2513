//! How hard a text is to read: the Flesch-Kincaid grade level, for English steps.

/// The school grade a reader needs for `text`: 0.39 words per sentence + 11.8 syllables per
/// word - 15.59. Short, plain sentences score low; long words and sentences score high.
pub fn flesch_kincaid_grade(text: &str) -> f32 {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let sentences = text
        .split(['.', '!', '?', ';', ':'])
        .filter(|sentence| sentence.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|word| syllables(word)).sum();
    0.39 * (words.len() as f32 / sentences as f32) + 11.8 * (syllables as f32 / words.len() as f32)
        - 15.59
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
    fn plain_steps_read_at_a_low_grade_and_jargon_high() {
        assert!(flesch_kincaid_grade("Lie on your side. Bend your knees.") < 3.0);
        let jargon = "Perform isometric contraction of the gluteus medius musculature while maintaining neutral lumbopelvic alignment throughout the abduction movement.";
        assert!(flesch_kincaid_grade(jargon) > 12.0);
    }
}
