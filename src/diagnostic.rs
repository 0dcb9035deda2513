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

/// One problem in the user's input, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in, as the user named it (or `<stdin>`).
    pub file: Option<PathBuf>,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// The line of the file at `position`, shown under the message.
    pub source_line: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when we can say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error with a message and nothing else yet.
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            position: None,
            source_line: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning: the input works but could be clearer.
    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Whether this is an error (rather than a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (label, color) = match self.severity {
            Severity::Error => ("error", anstyle::AnsiColor::Red),
            Severity::Warning => ("warning", anstyle::AnsiColor::Yellow),
        };
        // `{:#}` asks for colour; the printer strips it off a terminal or with NO_COLOR.
        let message = escape_invisible(&self.message);
        if f.alternate() {
            let style = anstyle::Style::new().bold().fg_color(Some(color.into()));
            let bold = anstyle::Style::new().bold();
            writeln!(f, "{style}{label}{style:#}{bold}: {message}{bold:#}")?;
        } else {
            writeln!(f, "{label}: {message}")?;
        }
        if let Some(file) = &self.file {
            match self.position {
                Some(position) => writeln!(
                    f,
                    "  --> {}:{}:{}",
                    file.display(),
                    position.line,
                    position.column
                )?,
                None => writeln!(f, "  --> {}", file.display())?,
            }
        }
        if let (Some(position), Some(line)) = (self.position, &self.source_line) {
            let number = position.line.to_string();
            let gutter = " ".repeat(number.len());
            // Escapes make the line longer: the column moves by what was added before it.
            let before: String = line
                .chars()
                .take(position.column.saturating_sub(1))
                .collect();
            let column = escape_invisible(&before).chars().count() + 1;
            let line = escape_invisible(&line.replace('\t', " "));
            let (shown, column) = cropped(&line, column);
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{number} | {shown}")?;
            let indent: String = shown
                .chars()
                .take(column.saturating_sub(1))
                .map(|_| ' ')
                .collect();
            let rest: String = shown.chars().skip(column.saturating_sub(1)).collect();
            let underline = underline_width(&rest);
            writeln!(f, "{gutter} | {indent}{}", "^".repeat(underline))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = help: {}", escape_invisible(hint))?;
        }
        Ok(())
    }
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

/// Longest stretch of a source line shown; longer lines are cut around the position.
const SHOWN_LINE_CHARS: usize = 100;

/// The part of `line` to show around `column` (1-based, in characters), with `…` where it
/// was cut, and the column within what is shown.
fn cropped(line: &str, column: usize) -> (String, usize) {
    let length = line.chars().count();
    if length <= SHOWN_LINE_CHARS {
        return (line.to_string(), column);
    }
    let start = column
        .saturating_sub(SHOWN_LINE_CHARS / 3)
        .min(length - SHOWN_LINE_CHARS);
    let end = start + SHOWN_LINE_CHARS;
    let mut shown: String = line.chars().skip(start).take(SHOWN_LINE_CHARS).collect();
    let mut column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if end < length {
        shown.push('…');
    }
    (shown, column)
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

impl std::error::Error for Diagnostic {}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Diagnostics {
        Diagnostics(vec![diagnostic])
    }
}

/// A failure whose problems were already printed: the command exits 1 without another message.
#[derive(Debug)]
pub struct AlreadyReported;

impl fmt::Display for AlreadyReported {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for AlreadyReported {}

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
            source_row.contains("…[[[") && source_row.ends_with(']') || source_row.ends_with('…')
        );
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
