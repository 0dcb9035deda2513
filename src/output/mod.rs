//! Everything `hep` writes: files (atomically), progress on the terminal, and messages that
//! respect `--quiet`, `--verbose`, `NO_COLOR` and whether stderr is a terminal.

pub mod file;
pub mod progress;

use std::fmt::Display;

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
