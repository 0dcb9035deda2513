//! Problems with the user's input, reported against their own files.
//!
//! Every stage that reads something a user wrote reports problems as a [`Diagnostic`]: the file,
//! the line and column where there is one, what is wrong, and how to fix it. The same type is
//! printed by `render` and, later, by `check`, so a message always looks the same.

use std::fmt;
use std::path::PathBuf;

/// A position inside a text file, counted from 1 like an editor does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The 1-based line number.
    pub line: usize,
    /// The 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// Converts a serde-saphyr location, which is unknown (line 0) for synthesized values.
    pub fn from_yaml(location: serde_saphyr::Location) -> Option<Position> {
        let line = location.line() as usize;
        let column = location.column() as usize;
        (line > 0).then_some(Position {
            line,
            column: column.max(1),
        })
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input cannot be used; nothing is written.
    Error,
    /// The input works but could be clearer.
    Warning,
}

/// Declares [`Kind`] from one list, so that every kind has its code and is in [`Kind::ALL`].
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident => $code:literal,)*) => {
        /// What kind of problem a diagnostic reports: decides the exit status and gives scripts a
        /// stable `code` to match on (`hep render --json`, `hep check --json`).
        ///
        /// The codes are part of hep's interface and documented in the README (a test checks
        /// the table against this list): new kinds may be added, but a code never changes its
        /// meaning or its spelling.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
        }

        impl Kind {
            /// Every kind, in the README's order.
            pub const ALL: &[Kind] = &[$(Kind::$kind,)*];

            /// The stable kebab-case name scripts see in `--json` output.
            pub fn code(self) -> &'static str {
                match self {
                    $(Kind::$kind => $code,)*
                }
            }
        }
    };
}

kinds! {
    /// The command line does not make sense: a bad flag value or flags that do not go
    /// together. The only kind that exits with status 2.
    Usage => "usage",
    /// The file is not valid YAML (bad indentation, an unclosed quote...).
    YamlSyntax => "yaml-syntax",
    /// A key the file does not allow, usually a misspelling.
    UnknownField => "unknown-field",
    /// A key the file must have is not there.
    MissingField => "missing-field",
    /// A key given twice in one mapping.
    DuplicateKey => "duplicate-key",
    /// A value that cannot be used: wrong type, out of range, not a duration... The default
    /// for errors.
    BadValue => "bad-value",
    /// A file too large or too intricate to read safely.
    TooLarge => "too-large",
    /// A plan (or `hep show`, `hep new`) names an exercise the library does not have.
    UnknownExercise => "unknown-exercise",
    /// A plan (or `hep show`, `hep new`) names a program the library does not have.
    UnknownProgram => "unknown-program",
    /// An exercise has no text in the handout's language.
    MissingTranslation => "missing-translation",
    /// A file or folder named by the user does not exist.
    MissingFile => "missing-file",
    /// A picture (illustration or logo) cannot be read or decoded.
    BadPicture => "bad-picture",
    /// Text uses characters the handout's font cannot print.
    UnprintableText => "unprintable-text",
    /// Two things would take the same place: two plans writing one PDF, two exercises with
    /// one id, files already there.
    Conflict => "conflict",
    /// A PDF given to `hep extract` carries no handout record.
    NoRecord => "no-record",
    /// A file given to `hep extract` is not a PDF that can be read (or is encrypted).
    NotAPdf => "not-a-pdf",
    /// A PDF given to `hep extract` carries a record hep did not make or that was damaged:
    /// broken attachments, names that clash, no plan, an unreadable settings file.
    BrokenRecord => "broken-record",
    /// Reading or writing failed for a reason outside the input (permissions, a full disk).
    Io => "io",
    /// A warning: the handout works but could be clearer for the client. The default for
    /// warnings.
    Clarity => "clarity",
    /// A warning: the layout had to compromise to fit the page and stay legible (a footer cut
    /// short, a brand colour darkened for contrast).
    Layout => "layout",
    /// Ctrl-C (or SIGTERM) stopped a batch before this plan was written.
    Interrupted => "interrupted",
    /// Anything else; report it if you see it.
    Other => "other",
}

impl Kind {
    /// The kind of a failure to read or write a file: missing, or something else.
    pub fn of_io(error: &std::io::Error) -> Kind {
        match error.kind() {
            std::io::ErrorKind::NotFound => Kind::MissingFile,
            _ => Kind::Io,
        }
    }

    /// The exit status of a command that fails with this kind of error: 2 for usage, 1 for
    /// everything else.
    pub fn exit_status(self) -> u8 {
        match self {
            Kind::Usage => 2,
            _ => 1,
        }
    }
}

/// One problem in the user's input, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem it is; decides the exit status and the code scripts see.
    pub kind: Kind,
    /// The file the problem is in, as the user named it (or `<stdin>`).
    pub file: Option<PathBuf>,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// The line of the file at `position`, shown under the message.
    pub source_line: Option<String>,
    /// The user's own text the problem is about, exactly as written and starting at
    /// `position` (`3 parsecs`, `holdx`), when the reader knows where it ends; underlined
    /// under the line.
    pub offending: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when we can say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error with a message and nothing else yet; its kind is [`Kind::BadValue`] until
    /// [`Diagnostic::with_kind`] says otherwise.
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            kind: Kind::BadValue,
            file: None,
            position: None,
            source_line: None,
            offending: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A command line that does not make sense (exit status 2).
    pub fn usage(message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).with_kind(Kind::Usage)
    }

    /// A warning: the input works but could be clearer ([`Kind::Clarity`]).
    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            kind: Kind::Clarity,
            ..Diagnostic::error(message)
        }
    }

    /// Whether this is an error (rather than a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Says what kind of problem this is.
    pub fn with_kind(mut self, kind: Kind) -> Diagnostic {
        self.kind = kind;
        self
    }

    /// Turns an error into a warning of the same kind (a problem that `--allow-fallback`
    /// lets through).
    pub fn into_warning(mut self) -> Diagnostic {
        self.severity = Severity::Warning;
        self
    }

    /// Names the file the problem is in.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Diagnostic {
        self.file = Some(file.into());
        self
    }

    /// Points at a position in a source text, keeping the line to show it.
    pub fn at(mut self, source: &str, position: Option<Position>) -> Diagnostic {
        if let Some(position) = position {
            self.source_line = source
                .lines()
                .nth(position.line - 1)
                .map(|line| line.to_string());
            self.position = Some(position);
        }
        self
    }

    /// Names the text the problem is about, when it is known and on one line (a span that
    /// runs over several lines is left to the underline's own guess).
    pub fn with_offending(mut self, text: Option<&str>) -> Diagnostic {
        self.offending = text
            .filter(|text| !text.is_empty() && !text.contains('\n'))
            .map(str::to_string);
        self
    }

    /// Adds advice on how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when there is one.
    pub fn with_optional_hint(mut self, hint: Option<String>) -> Diagnostic {
        self.hint = hint.or(self.hint);
        self
    }
}

/// How wide a report may be; longer source lines are cut around the position.
const REPORT_WIDTH: usize = 100;

impl fmt::Display for Diagnostic {
    /// The report people read, in the style of rustc: the message, the file and position,
    /// the user's line with the offending text underlined, and the hint. `{:#}` adds colour;
    /// the printer strips it off a terminal or with `NO_COLOR`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
        let renderer = if f.alternate() {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .term_width(REPORT_WIDTH);
        let title = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        }
        .primary_title(escape_invisible(&self.message));
        let file = self
            .file
            .as_ref()
            .map(|file| escape_invisible(&file.display().to_string()));
        // Invisible characters are written out (`\u{202E}`), which moves the column along.
        let line = self
            .source_line
            .as_ref()
            .zip(self.position)
            .map(|(line, position)| {
                let before: String = line
                    .chars()
                    .take(position.column.saturating_sub(1))
                    .collect();
                let column = escape_invisible(&before).chars().count() + 1;
                (escape_invisible(line), column)
            });
        let report = match (&file, self.position, &line) {
            (Some(file), Some(position), Some((line, column))) => title.element(
                Snippet::source(line.as_str())
                    .line_start(position.line)
                    .path(file.as_str())
                    .annotation(AnnotationKind::Primary.span(underlined(
                        line,
                        *column,
                        self.offending.as_deref(),
                    ))),
            ),
            (Some(file), Some(position), None) => title.element(
                Origin::path(file.as_str())
                    .line(position.line)
                    .char_column(position.column),
            ),
            (Some(file), None, _) => title.element(Origin::path(file.as_str())),
            (None, ..) => Group::with_title(title),
        };
        let hint = self.hint.as_deref().map(escape_invisible);
        let hint = hint.as_deref();
        let rendered = if file.is_none() {
            // With no file to point at, the hint stands on its own line, as rustc's does.
            let mut rendered = renderer.render(&[report]);
            if let Some(hint) = hint {
                rendered.push('\n');
                rendered +=
                    &renderer.render(&[Group::with_title(Level::HELP.secondary_title(hint))]);
            }
            rendered
        } else {
            let help = hint.map(|hint| Level::HELP.message(hint));
            renderer.render(&[report.elements(help)])
        };
        writeln!(f, "{rendered}")
    }
}

/// The bytes of `line` to underline: the offending text at `column` (1-based, in characters)
/// when it is there, else the token starting at `column`.
fn underlined(line: &str, column: usize, offending: Option<&str>) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(index, _)| index);
    let width = match offending {
        Some(text) if line[start..].starts_with(&escape_invisible(text)) => {
            escape_invisible(text).chars().count()
        }
        _ => underline_width(&line[start..]),
    };
    let end = line[start..]
        .char_indices()
        .nth(width)
        .map_or(line.len(), |(index, _)| start + index);
    start..end
}

/// `text` with control characters and the invisible characters that reorder or hide text
/// (bidi overrides such as U+202E, zero-width spaces) written as `\u{202E}`: printed raw, they
/// would garble the terminal or make a message read backwards.
pub fn escape_invisible(text: &str) -> String {
    let invisible = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(
                c,
                '\u{061C}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2069}'
                    | '\u{FEFF}'
            )
    };
    if !text.chars().any(invisible) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if invisible(c) {
                format!("\\u{{{:04X}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// How many characters to underline: the token at the position, without a trailing comment.
fn underline_width(rest: &str) -> usize {
    let token = rest.split(" #").next().unwrap_or(rest).trim_end();
    let token = token.strip_prefix("- ").unwrap_or(token);
    // On a `key: value` line pointed at its key, underline the key only.
    let token = match token.split_once(": ") {
        Some((key, _)) if !key.contains(' ') => key,
        _ => token,
    };
    // Inside a flow list or map, stop at the end of the item.
    let token = match token.find([',', ']', '}']) {
        Some(end) if end > 0 => &token[..end],
        _ => token,
    };
    token.chars().count().clamp(1, 60)
}

/// A failure of a whole command: one or more diagnostics about the user's input.
#[derive(Debug)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            if f.alternate() {
                write!(f, "{diagnostic:#}")?;
            } else {
                write!(f, "{diagnostic}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl Diagnostics {
    /// The exit status of a command that failed with these problems: 2 when one is a usage
    /// error, otherwise 1.
    pub fn exit_status(&self) -> u8 {
        self.0
            .iter()
            .filter(|problem| problem.is_error())
            .map(|problem| problem.kind.exit_status())
            .max()
            .unwrap_or(1)
    }
}

impl serde::Serialize for Diagnostic {
    /// The form scripts read (`--json`): `{"code", "file", "line", "column", "message",
    /// "hint"}`, with `null` for what is unknown and never a terminal escape code.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut object = serializer.serialize_struct("Diagnostic", 6)?;
        object.serialize_field("code", self.kind.code())?;
        object.serialize_field(
            "file",
            &self.file.as_ref().map(|file| file.display().to_string()),
        )?;
        object.serialize_field("line", &self.position.map(|position| position.line))?;
        object.serialize_field("column", &self.position.map(|position| position.column))?;
        object.serialize_field("message", &self.message)?;
        object.serialize_field("hint", &self.hint)?;
        object.end()
    }
}

impl std::error::Error for Diagnostic {}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Diagnostics {
        Diagnostics(vec![diagnostic])
    }
}

/// Suggests the closest of `candidates` to a misspelt `word`, as "did you mean `x`?".
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let closest = closest_matches(word, candidates, 3);
    match closest.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean `{one}`?")),
        many => Some(format!(
            "did you mean one of {}?",
            many.iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The candidates most like `word`, best first, at most `limit` of them.
pub fn closest_matches<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|candidate| {
            let lower = candidate.to_lowercase();
            let mut score = strsim::jaro_winkler(&word, &lower);
            if lower.contains(&word) || word.contains(&lower) {
                score = score.max(0.85);
            }
            (score, candidate)
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(limit)
        .map(|(_, candidate)| candidate)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_users_line_with_a_caret() {
        let source = "client: Jane\nexercises:\n  - clamshel\n";
        let diagnostic = Diagnostic::error("unknown exercise `clamshel`")
            .in_file("plans/jane.yaml")
            .at(source, Some(Position { line: 3, column: 5 }))
            .with_hint("did you mean `clamshell`?");
        let shown = diagnostic.to_string();
        assert!(shown.contains("--> plans/jane.yaml:3:5"), "{shown}");
        assert!(
            shown.contains("3 |   - clamshel\n  |     ^^^^^^^^"),
            "{shown}"
        );
        assert!(shown.contains("help: did you mean `clamshell`?"), "{shown}");
    }

    #[test]
    fn the_offending_text_is_underlined_whole() {
        let source = "client: Jane\nhold: 3 parsecs # per side\n";
        let problem = Diagnostic::error("`3 parsecs` is not a duration")
            .in_file("plan.yaml")
            .at(source, Some(Position { line: 2, column: 7 }))
            .with_offending(Some("3 parsecs"));
        let shown = problem.to_string();
        assert!(
            shown.contains("2 | hold: 3 parsecs # per side\n  |       ^^^^^^^^^\n"),
            "{shown}"
        );
        // The underline is the text the reader named, not a guess at the token there.
        let number_only = Diagnostic {
            offending: Some("3".to_string()),
            ..problem
        }
        .to_string();
        assert!(number_only.contains("  |       ^\n"), "{number_only}");
    }

    #[test]
    fn long_lines_are_cut_around_the_position() {
        let line = format!("exercises: {}x{}", "[".repeat(500), "]".repeat(500));
        let problem = Diagnostic::error("too deep").in_file("deep.yaml").at(
            &format!("client: A\n{line}\n"),
            Some(Position {
                line: 2,
                column: 512,
            }),
        );
        let shown = problem.to_string();
        assert!(
            shown.lines().all(|row| row.chars().count() < 120),
            "{shown}"
        );
        let source_row = shown.lines().find(|row| row.starts_with("2 | ")).unwrap();
        let caret_row = shown.lines().find(|row| row.contains('^')).unwrap();
        let x = source_row.chars().position(|c| c == 'x').unwrap();
        assert_eq!(caret_row.chars().position(|c| c == '^'), Some(x), "{shown}");
        assert!(
            source_row.starts_with("2 | ...[[[") && source_row.ends_with("]]..."),
            "{shown}"
        );
    }

    #[test]
    fn codes_are_unique_kebab_case_and_only_usage_exits_2() {
        let codes: std::collections::BTreeSet<&str> =
            Kind::ALL.iter().map(|kind| kind.code()).collect();
        assert_eq!(codes.len(), Kind::ALL.len());
        for code in codes {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
        }
        for &kind in Kind::ALL {
            assert_eq!(kind.exit_status(), if kind == Kind::Usage { 2 } else { 1 });
        }
        let mixed = Diagnostics(vec![
            Diagnostic::error("bad"),
            Diagnostic::usage("no such flag value"),
        ]);
        assert_eq!(mixed.exit_status(), 2);
        assert_eq!(Diagnostics::from(Diagnostic::error("bad")).exit_status(), 1);
    }

    #[test]
    fn scripts_read_code_file_position_message_and_hint() {
        let problem = Diagnostic::error("unknown exercise `clamshel`")
            .with_kind(Kind::UnknownExercise)
            .in_file("plans/jane.yaml")
            .at(
                "a\nb\n  - clamshel\n",
                Some(Position { line: 3, column: 5 }),
            )
            .with_hint("did you mean `clamshell`?");
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            r#"{"code":"unknown-exercise","file":"plans/jane.yaml","line":3,"column":5,"message":"unknown exercise `clamshel`","hint":"did you mean `clamshell`?"}"#
        );
        assert_eq!(
            serde_json::to_string(&Diagnostic::usage("no")).unwrap(),
            r#"{"code":"usage","file":null,"line":null,"column":null,"message":"no","hint":null}"#
        );
    }

    #[test]
    fn colour_only_when_asked_for() {
        let problem = Diagnostic::warning("long step").in_file("a.yaml");
        assert!(!problem.to_string().contains('\u{1b}'));
        assert!(format!("{problem:#}").contains('\u{1b}'));
        let shown = problem.to_string();
        assert_eq!(shown, "warning: long step\n--> a.yaml\n");
    }

    #[test]
    fn suggests_close_names_only() {
        let ids = ["clamshell", "glute-bridge", "calf-raise"];
        assert_eq!(
            did_you_mean("clamshel", ids).as_deref(),
            Some("did you mean `clamshell`?")
        );
        assert_eq!(did_you_mean("zzzz", ids), None);
    }
}
