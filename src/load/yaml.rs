//! Turning YAML text into typed values, with every error pointing at the user's line.

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Kind, Position, did_you_mean};
use crate::load::source::SourceFile;

/// Separates a message from its hint inside a serde custom error, so that value parsers
/// (durations, frequencies, dates) can say how to fix what they refuse.
pub const HINT_SEPARATOR: &str = " \u{2016}hint\u{2016} ";

/// Builds a serde error message carrying a hint; see [`HINT_SEPARATOR`].
pub fn message_with_hint(message: impl std::fmt::Display, hint: impl std::fmt::Display) -> String {
    format!("{message}{HINT_SEPARATOR}{hint}")
}

/// Parses `source` as YAML into `T`, refusing unknown keys, alias bombs and deep nesting.
pub fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T, Diagnostic> {
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    if source.text.trim().is_empty() {
        return Err(Diagnostic::error("the file is empty")
            .in_file(&source.path)
            .with_hint("see the README for what this file should contain"));
    }
    if let Some(diagnostic) = non_decimal_number(source) {
        return Err(diagnostic);
    }
    serde_saphyr::from_str_with_options::<T>(&source.text, options)
        .map_err(|error| yaml_error_to_diagnostic(&error, source))
}

/// An unquoted `0x10`, `0o17` or `0b101` value: YAML reads it as 16, 15 or 5, which is never
/// what a therapist typing a dose meant.
fn non_decimal_number(source: &SourceFile) -> Option<Diagnostic> {
    source.text.lines().enumerate().find_map(|(index, line)| {
        let content = line.split(" #").next().unwrap_or(line);
        let value_at = content.find(": ").map(|at| at + 2).or_else(|| {
            content
                .trim_start()
                .starts_with("- ")
                .then(|| content.find("- ").map_or(0, |at| at + 2))
        })?;
        let value = content[value_at..].trim();
        let offset = content[value_at..].len() - content[value_at..].trim_start().len();
        let lower = value.to_ascii_lowercase();
        let digits = lower
            .strip_prefix("0x")
            .or_else(|| lower.strip_prefix("0o"))
            .or_else(|| lower.strip_prefix("0b"))?;
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit() || c == '_') {
            return None;
        }
        let position = Position {
            line: index + 1,
            column: content[..value_at + offset].chars().count() + 1,
        };
        Some(
            Diagnostic::error(format!(
                "`{value}` is a number in another base (hexadecimal, octal or binary)"
            ))
            .in_file(&source.path)
            .at(&source.text, Some(position))
            .with_hint("write plain decimal numbers such as 12, or put text in quotes"),
        )
    })
}

fn yaml_error_to_diagnostic(error: &serde_saphyr::Error, source: &SourceFile) -> Diagnostic {
    let position = error.location().and_then(Position::from_yaml);
    let raw = error.without_snippet().to_string();
    let raw = strip_location_suffix(&raw);
    let hint_given = raw.contains(HINT_SEPARATOR);
    let (message, hint) = match raw.split_once(HINT_SEPARATOR) {
        Some((message, hint)) => (message.to_string(), Some(hint.to_string())),
        None => (raw.to_string(), None),
    };
    let (message, hint) = match (hint, error.without_snippet()) {
        (Some(hint), _) => (message, Some(hint)),
        (
            None,
            serde_saphyr::Error::SerdeUnknownField {
                field, expected, ..
            },
        ) => unknown_name("field", field, expected),
        (
            None,
            serde_saphyr::Error::SerdeUnknownVariant {
                variant, expected, ..
            },
        ) => unknown_name("value", variant, expected),
        (None, serde_saphyr::Error::DuplicateMappingKey { key, .. }) => (
            match key {
                Some(key) => format!("`{key}` is given twice"),
                None => "a key is given twice".to_string(),
            },
            Some("keep one of the two lines".to_string()),
        ),
        (None, serde_saphyr::Error::Budget { breach, .. }) => budget_message(breach),
        (None, _) => explain_serde_message(&message),
    };
    Diagnostic::error(message)
        .with_kind(kind_of(error.without_snippet(), hint_given))
        .in_file(&source.path)
        .at(&source.text, position)
        .with_optional_hint(hint)
}

/// The kind of a YAML error: the file's syntax, its keys, or one of its values. A message
/// with a hint comes from one of our own value parsers, so it is about a value.
fn kind_of(error: &serde_saphyr::Error, hint_given: bool) -> Kind {
    use serde_saphyr::Error;
    if hint_given {
        return Kind::BadValue;
    }
    match error {
        Error::AliasError { error, .. } => kind_of(error, false),
        Error::SerdeUnknownField { .. } => Kind::UnknownField,
        Error::SerdeMissingField { .. } => Kind::MissingField,
        Error::DuplicateMappingKey { .. } => Kind::DuplicateKey,
        Error::Budget { .. }
        | Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Kind::TooLarge,
        Error::Message { msg, .. } if msg.starts_with("missing field `") => Kind::MissingField,
        Error::Message { msg, .. } if msg.starts_with("recursion limit exceeded") => Kind::TooLarge,
        Error::Message { .. }
        | Error::Unexpected { .. }
        | Error::InvalidBooleanStrict { .. }
        | Error::InvalidCharNull { .. }
        | Error::InvalidCharNotSingleScalar { .. }
        | Error::NullIntoString { .. }
        | Error::UnexpectedValueForUnit { .. }
        | Error::UnexpectedValueForUnitEnumVariant { .. }
        | Error::InvalidScalar { .. }
        | Error::NonFiniteFloat { .. }
        | Error::SerdeInvalidType { .. }
        | Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::SerdeUnknownVariant { .. }
        | Error::SerdeVariantId { .. }
        | Error::TaggedEnumMismatch { .. } => Kind::BadValue,
        _ => Kind::YamlSyntax,
    }
}

/// Drops a trailing " at line N, column M" that some messages carry: we show the position
/// ourselves, with the line.
fn strip_location_suffix(message: &str) -> &str {
    let message = message.trim();
    match message.rfind(" at line ") {
        Some(cut) if message[cut..].contains("column") => message[..cut].trim_end(),
        _ => message,
    }
}

/// "unknown field `exercise`" with "did you mean `exercises`?" and the allowed names.
fn unknown_name(noun: &str, word: &str, allowed: &[&'static str]) -> (String, Option<String>) {
    let listing = allowed
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match did_you_mean(word, allowed.iter().copied()) {
        Some(suggestion) => format!("{suggestion} (allowed: {listing})"),
        None if allowed.is_empty() => "remove it".to_string(),
        None => format!("allowed: {listing}"),
    };
    (format!("unknown {noun} `{word}`"), Some(hint))
}

/// What a YAML file that is too big or too intricate to read safely did wrong.
fn budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> (String, Option<String>) {
    use serde_saphyr::budget::BudgetBreach;
    let message = match breach {
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::MergeKeys { .. } => {
            "the file repeats its anchors (`&name`) and aliases (`*name`) too often to be read safely"
        }
        BudgetBreach::Depth { .. } | BudgetBreach::InclusionDepth { .. } => {
            "the file is nested too deeply to be read safely"
        }
        _ => "the file is too large or too intricate to be read safely",
    };
    (
        message.to_string(),
        Some("write plans as plain lists of exercises with their fields; hep needs no anchors or deep nesting".to_string()),
    )
}

/// Rewrites serde's remaining generic messages into plainer ones.
fn explain_serde_message(message: &str) -> (String, Option<String>) {
    if message.starts_with("recursion limit exceeded") {
        return (
            "the file is nested too deeply to be read safely".to_string(),
            Some("plans need only a few levels: a list of exercises with their fields".to_string()),
        );
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        return (
            format!("missing field `{field}`"),
            Some(format!("add a line `{field}: ...`")),
        );
    }
    if message.starts_with("non-finite float") {
        return (
            "this is not a number (`.nan` and `.inf` are YAML's words for \"no number\")"
                .to_string(),
            Some("write a whole number such as 12".to_string()),
        );
    }
    if message.starts_with("multiple YAML documents") {
        return (
            "the file holds a second YAML document after a `---` line".to_string(),
            Some(
                "a file holds one plan, clinic or exercise: remove the `---` line and what \
                 follows, or move it into a file of its own"
                    .to_string(),
            ),
        );
    }
    if message.starts_with("tabs disallowed") {
        return (
            "a tab is used to indent this line; YAML indents with spaces only".to_string(),
            Some("replace the tab with spaces, lined up with the lines above".to_string()),
        );
    }
    if message.starts_with("cannot deserialize null") {
        return (
            "this value is empty (`null`, `~` or nothing after the colon)".to_string(),
            Some(
                "write a value here; put it in quotes (`\"null\"`) if you mean the word"
                    .to_string(),
            ),
        );
    }
    // Whatever else the YAML reader says is written for programmers; keep only what it
    // refused, in our words.
    let programmer_words = [
        "Option<",
        "deserialize",
        "from_str",
        "serde",
        "policy",
        "struct ",
    ];
    if programmer_words.iter().any(|word| message.contains(word)) {
        return (
            "this value cannot be read here".to_string(),
            Some("check the value against the examples in the README".to_string()),
        );
    }
    (message.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::source::Origin;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        client: String,
        exercises: Vec<String>,
    }

    fn source(text: &str) -> SourceFile {
        SourceFile {
            path: "plan.yaml".into(),
            text: text.to_string(),
            origin: Origin::Disk,
        }
    }

    #[test]
    fn unknown_field_points_at_the_key_and_suggests_the_right_one() {
        let error = parse::<Sample>(&source("client: Jane\nexercise: [a]\n")).unwrap_err();
        assert_eq!(error.message, "unknown field `exercise`");
        assert_eq!(error.position.map(|p| p.line), Some(2));
        let hint = error.hint.unwrap();
        assert!(hint.starts_with("did you mean `exercises`?"), "{hint}");
    }

    #[test]
    fn wrong_type_names_the_line() {
        let error = parse::<Sample>(&source("client: Jane\nexercises: 3\n")).unwrap_err();
        assert_eq!(error.position.map(|p| p.line), Some(2), "{error}");
    }

    #[test]
    fn a_key_given_twice_says_so_in_plain_words() {
        let message = parse::<Sample>(&source("client: A\nclient: B\nexercises: []\n"))
            .unwrap_err()
            .to_string();
        assert!(message.contains("`client` is given twice"), "{message}");
        assert!(!message.contains("DuplicateKeyPolicy"), "{message}");
        assert!(message.contains("2:1"), "{message}");
    }

    #[test]
    fn alias_bombs_are_refused_in_plain_words() {
        let bomb = format!("client: x\nexercises: [&a x{}]\n", ", *a".repeat(60_000));
        let message = parse::<Sample>(&source(&bomb)).unwrap_err().to_string();
        assert!(
            !message.contains("budget") && !message.contains("Aliases"),
            "{message}"
        );
        assert!(message.contains("read safely"), "{message}");
    }
}
