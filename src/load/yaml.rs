//! Turning YAML text into typed values, with every error pointing at the user's line.

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Kind, Position, did_you_mean};
use crate::load::refusal::Refusal;
use crate::load::source::SourceFile;

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
    Refusal::forget_handed();
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

/// The YAML reader's error as a problem in the user's file: its position, and the
/// explanation in our words.
fn yaml_error_to_diagnostic(error: &serde_saphyr::Error, source: &SourceFile) -> Diagnostic {
    let location = error.location();
    let position = location.and_then(Position::from_yaml);
    // The text the reader stopped at, exactly as written (`3 parsecs`, `holdx`).
    let offending = location.and_then(|location| {
        let span = location.span();
        let start = usize::try_from(span.byte_offset()?).ok()?;
        let length = usize::try_from(span.byte_len()?).ok()?;
        source
            .text
            .get(start..start.checked_add(length)?)
            // A list or map is marked by its opening bracket only; the underline's own guess
            // does better there.
            .filter(|text| !matches!(*text, "[" | "{"))
    });
    let Explained {
        kind,
        message,
        hint,
    } = explain(error.without_snippet());
    Diagnostic::error(message)
        .with_kind(kind)
        .in_file(&source.path)
        .at(&source.text, position)
        .with_offending(offending)
        .with_optional_hint(hint)
}

/// A YAML reader's error, explained: its kind, a message about the user's file, a hint.
struct Explained {
    kind: Kind,
    message: String,
    hint: Option<String>,
}

impl Explained {
    fn new(kind: Kind, message: impl Into<String>, hint: impl Into<String>) -> Explained {
        Explained {
            kind,
            message: message.into(),
            hint: Some(hint.into()),
        }
    }
}

/// Explains an error of the YAML reader from its variant. Only a free-form message carries
/// nothing but text: our own refusals come back as data ([`Refusal::take_handed`]); any
/// other is shown as it is unless written for programmers ([`in_plain_words`]).
fn explain(error: &serde_saphyr::Error) -> Explained {
    use serde_saphyr::granit_parser::ErrorKind as Scan;
    use serde_saphyr::{Error, ExternalMessageSource};
    match error {
        Error::AliasError { error, .. } => explain(error),
        Error::Message { msg, .. } => match Refusal::take_handed(msg) {
            Some(refusal) => Explained {
                kind: Kind::BadValue,
                message: refusal.message,
                hint: refusal.hint,
            },
            None => in_plain_words(msg),
        },
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_name(Kind::UnknownField, "field", field, expected),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => unknown_name(Kind::BadValue, "value", variant, expected),
        Error::SerdeMissingField { field, .. } => Explained::new(
            Kind::MissingField,
            format!("missing field `{field}`"),
            format!("add a line `{field}: ...`"),
        ),
        Error::DuplicateMappingKey { key, .. } => Explained::new(
            Kind::DuplicateKey,
            match key {
                Some(key) => format!("`{key}` is given twice"),
                None => "a key is given twice".to_string(),
            },
            "keep one of the two lines",
        ),
        Error::Budget { breach, .. } => too_intricate(budget_message(breach)),
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => too_intricate(
            "the file repeats its anchors (`&name`) and aliases (`*name`) too often to be read safely",
        ),
        Error::NonFiniteFloat { .. } => Explained::new(
            Kind::BadValue,
            "this is not a number (`.nan` and `.inf` are YAML's words for \"no number\")",
            "write a whole number such as 12",
        ),
        Error::MultipleDocuments { .. } => Explained::new(
            Kind::YamlSyntax,
            "the file holds a second YAML document after a `---` line",
            "a file holds one plan, clinic or exercise: remove the `---` line and what \
             follows, or move it into a file of its own",
        ),
        Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => Explained::new(
            Kind::BadValue,
            "this value is empty (`null`, `~` or nothing after the colon)",
            "write a value here; put it in quotes (`\"null\"`) if you mean the word",
        ),
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => match scan.kind() {
                Scan::TabNotAllowed
                | Scan::TabInBlockIndentation
                | Scan::TabAtBlockScalarStart
                | Scan::TabInIndentation
                | Scan::TabInPlainScalar => Explained::new(
                    Kind::YamlSyntax,
                    "a tab is used to indent this line; YAML indents with spaces only",
                    "replace the tab with spaces, lined up with the lines above",
                ),
                Scan::RecursionLimitExceeded => too_intricate(NESTED_TOO_DEEPLY),
                _ => syntax(error),
            },
            _ => syntax(error),
        },
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => wrong_value(unexpected, expected),
        Error::InvalidBooleanStrict { .. } => Explained::new(
            Kind::BadValue,
            "this is not `true` or `false`",
            "write `true` or `false`",
        ),
        Error::InvalidScalar { ty, .. } if ty.contains("bool") => Explained::new(
            Kind::BadValue,
            "this is not `true` or `false`",
            "write `true` or `false`",
        ),
        Error::Unexpected { expected, .. } => match *expected {
            "string scalar" | "scalar" => Explained::new(
                Kind::BadValue,
                "expected a single value here, not a list or a map",
                "write the value on the same line, after the colon",
            ),
            "sequence start" => Explained::new(
                Kind::BadValue,
                "expected a list here",
                "write a list: `[a, b]`, or one `- item` per line below the key",
            ),
            "mapping start" => Explained::new(
                Kind::BadValue,
                "expected `key: value` lines here",
                SCHEMA_HINT,
            ),
            _ => in_plain_words(strip_location_suffix(&error.to_string())),
        },
        Error::InvalidCharNotSingleScalar { .. }
        | Error::UnexpectedValueForUnit { .. }
        | Error::UnexpectedValueForUnitEnumVariant { .. }
        | Error::InvalidScalar { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::SerdeVariantId { .. }
        | Error::TaggedEnumMismatch { .. } => {
            in_plain_words(strip_location_suffix(&error.to_string()))
        }
        _ => syntax(error),
    }
}

/// Where to see what a field takes, for refusals that cannot say more.
const SCHEMA_HINT: &str =
    "`hep schema plan` (or `exercise`, `clinic`, `program`) shows what each field takes";

/// A value of the wrong type or form: serde says what it found and what was expected, in our
/// words unless those name Rust types.
fn wrong_value(unexpected: &str, expected: &str) -> Explained {
    let plain = in_plain_words(expected);
    if plain.message != expected {
        return plain;
    }
    Explained::new(
        Kind::BadValue,
        format!("expected {expected} here, not {unexpected}"),
        format!("write {expected}"),
    )
}

/// What a file nested too deeply says.
const NESTED_TOO_DEEPLY: &str = "the file is nested too deeply to be read safely";

/// A file too large or intricate to read safely.
fn too_intricate(message: &str) -> Explained {
    Explained::new(
        Kind::TooLarge,
        message,
        "write plans as plain lists of exercises with their fields; hep needs no anchors or deep nesting",
    )
}

/// Any other error of the YAML reader: the file is not valid YAML, as the reader says.
fn syntax(error: &serde_saphyr::Error) -> Explained {
    Explained {
        kind: Kind::YamlSyntax,
        message: strip_location_suffix(&error.to_string()).to_string(),
        hint: None,
    }
}

/// A value refused with the YAML reader's or serde's message, unless that is written for
/// programmers (it names Rust types or serde's policies): then only that the value was
/// refused, in our words.
fn in_plain_words(message: &str) -> Explained {
    let programmer_words = [
        "Option<",
        "deserialize",
        "from_str",
        "serde",
        "policy",
        "struct ",
    ];
    if programmer_words.iter().any(|word| message.contains(word)) {
        Explained::new(
            Kind::BadValue,
            "this value cannot be read here",
            "check the value against the examples in the README",
        )
    } else {
        Explained::new(Kind::BadValue, message, SCHEMA_HINT)
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
fn unknown_name(kind: Kind, noun: &str, word: &str, allowed: &[&'static str]) -> Explained {
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
    Explained::new(kind, format!("unknown {noun} `{word}`"), hint)
}

/// What a YAML file that is too big or too intricate to read safely did wrong.
fn budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> &'static str {
    use serde_saphyr::budget::BudgetBreach;
    match breach {
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::MergeKeys { .. } => {
            "the file repeats its anchors (`&name`) and aliases (`*name`) too often to be read safely"
        }
        BudgetBreach::Depth { .. } | BudgetBreach::InclusionDepth { .. } => NESTED_TOO_DEEPLY,
        _ => "the file is too large or too intricate to be read safely",
    }
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
    fn a_value_of_the_wrong_shape_says_what_to_write() {
        let list = parse::<Sample>(&source("client: Jane\nexercises: 3\n")).unwrap_err();
        assert_eq!(list.kind, Kind::BadValue);
        assert_eq!(list.message, "expected a list here");
        assert!(list.hint.unwrap().starts_with("write a list"));
        let text = parse::<Sample>(&source("client: [Jane]\nexercises: []\n")).unwrap_err();
        assert_eq!(
            text.message,
            "expected a single value here, not a list or a map"
        );
        assert_eq!(text.position.map(|p| (p.line, p.column)), Some((1, 9)));
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Flag {
            large_print: bool,
        }
        let flag = parse::<Flag>(&source("large_print: maybe\n")).unwrap_err();
        assert_eq!(flag.hint.as_deref(), Some("write `true` or `false`"));
    }

    #[test]
    fn a_refused_value_keeps_its_hint_as_data() {
        let error = parse::<Dose>(&source("hold: 3 parsecs\n")).unwrap_err();
        assert_eq!(error.kind, Kind::BadValue);
        assert_eq!(error.message, "`3 parsecs` is not a duration");
        assert_eq!(
            error.hint.as_deref(),
            Some(crate::load::scalar::DURATION_FORMS)
        );
        assert_eq!(error.position.map(|p| (p.line, p.column)), Some((1, 7)));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Dose {
        hold: crate::load::scalar::Seconds,
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
