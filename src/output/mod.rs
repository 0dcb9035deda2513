//! Everything `hep` writes: files (atomically), progress on the terminal, and messages that
//! respect `--quiet`, `--verbose`, `NO_COLOR` and whether stderr is a terminal.

pub mod file;
pub mod handout;
pub mod interrupt;
pub mod progress;
pub mod staged;

use std::fmt::Display;

use crate::output::file::WriteError;

/// How much to tell the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Errors, warnings and a line of result.
    Normal,
    /// Also every file written.
    Verbose,
}

impl Verbosity {
    /// From the `--quiet` and `--verbose` flags.
    pub fn from_flags(quiet: bool, verbose: bool) -> Verbosity {
        match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        }
    }
}

/// Prints human messages on stderr, in colour only on a terminal without `NO_COLOR`.
#[derive(Debug, Clone, Copy)]
pub struct Messages {
    /// How much to print.
    pub verbosity: Verbosity,
}

impl Messages {
    /// A result line ("Wrote ..."), unless quiet.
    pub fn info(&self, message: impl Display) {
        if self.verbosity >= Verbosity::Normal {
            anstream::eprintln!("{message}");
        }
    }

    /// A detail line, only when verbose.
    pub fn detail(&self, message: impl Display) {
        if self.verbosity >= Verbosity::Verbose {
            anstream::eprintln!("{message}");
        }
    }

    /// A problem: always printed; `{:#}` lets diagnostics style their labels.
    pub fn problem(&self, problem: impl Display) {
        let text = format!("{problem:#}");
        if text.ends_with('\n') {
            anstream::eprint!("{text}");
        } else {
            anstream::eprintln!("{text}");
        }
    }
}

/// Text for standard output, gathered and written in one piece; a reader that stops early
/// (`hep list | head`) is not an error.
#[derive(Debug, Default)]
pub struct StdoutText(String);

impl StdoutText {
    /// Adds a line.
    pub fn line(&mut self, text: impl Display) {
        use std::fmt::Write;
        // Writing into a String cannot fail.
        let _ = writeln!(self.0, "{text}");
    }

    /// Adds text as it is.
    pub fn push(&mut self, text: &str) {
        self.0.push_str(text);
    }

    /// Writes everything to standard output.
    pub fn print(self) -> Result<(), WriteError> {
        write_stdout_quietly(self.0.as_bytes())
    }
}

/// Writes bytes to standard output; a closed pipe ends the output quietly.
pub fn write_stdout_quietly(bytes: &[u8]) -> Result<(), WriteError> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(WriteError::io(
            format!("cannot write to standard output: {}", file::reason(&error)),
            &error,
        )),
        Ok(()) => Ok(()),
    }
}
