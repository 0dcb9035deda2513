//! One module per subcommand; each turns parsed arguments into work and a result.

pub mod catalog;
pub mod check;
pub mod extract;
pub mod init;
pub mod list;
pub mod new;
pub mod render;
pub mod schema;
pub mod shell;
pub mod show;
pub mod watch;

use std::path::Path;

use crate::cli::{Cli, Command, LibraryArgs};
use crate::clinic_folder::ClinicFolder;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::load::library::LibrarySources;
use crate::output::file::WriteError;
use crate::output::handout::WRITE_HINT;
use crate::output::interrupt::INTERRUPTED_EXIT_STATUS;
use crate::output::{Messages, Verbosity};
use crate::resolve::words::{LANGUAGES, Words};
use crate::workspace::scope_sources;

/// Why a command failed; decides what is still to print and the exit status.
#[derive(Debug)]
pub enum Failure {
    /// Problems to print. Their kinds decide the status: 2 when one is a usage error, else 1.
    Problems(Diagnostics),
    /// The problems were printed as they were found (a batch, `hep check`): status 1.
    Reported,
    /// Ctrl-C or SIGTERM stopped the command after it said what was written: status 130.
    Interrupted,
}

impl Failure {
    /// The exit status of the command.
    pub fn exit_status(&self) -> u8 {
        match self {
            Failure::Problems(problems) => problems.exit_status(),
            Failure::Reported => 1,
            Failure::Interrupted => INTERRUPTED_EXIT_STATUS,
        }
    }
}

impl From<Diagnostic> for Failure {
    fn from(problem: Diagnostic) -> Failure {
        Failure::Problems(problem.into())
    }
}

impl From<Diagnostics> for Failure {
    fn from(problems: Diagnostics) -> Failure {
        Failure::Problems(problems)
    }
}

impl From<WriteError> for Failure {
    /// A failure to write: of kind [`Kind::Io`], or [`Kind::MissingFile`] when a folder is
    /// missing.
    fn from(failure: WriteError) -> Failure {
        Diagnostic::error(failure.message)
            .with_kind(failure.kind)
            .with_hint(WRITE_HINT)
            .into()
    }
}

impl From<serde_json::Error> for Failure {
    /// JSON that could not be made: only hep's own data is ever written as JSON.
    fn from(failure: serde_json::Error) -> Failure {
        Diagnostic::error(format!("the JSON report could not be made: {failure}"))
            .with_kind(Kind::Other)
            .into()
    }
}

/// What a command returns.
pub type CommandResult = Result<(), Failure>;

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> CommandResult {
    let messages = Messages {
        verbosity: Verbosity::from_flags(cli.quiet, cli.verbose),
    };
    match cli.command {
        Command::Render(args) => render::run(args, messages),
        Command::Check(args) => check::run(args, messages),
        Command::List(args) => list::run(args, messages),
        Command::Show(args) => show::run(args),
        Command::Catalog(args) => catalog::run(args, messages),
        Command::Init(args) => init::run(args, messages),
        Command::New(crate::cli::NewCommand::Plan(args)) => new::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Watch(args) => watch::run(args, messages),
        Command::Extract(args) => extract::run(args, messages),
        Command::Completions(args) => shell::completions(args),
        Command::Man => shell::man(),
    }
}

/// `--lang CODE`: the words of a language hep makes handouts in; any other is a usage error.
pub fn language_flag(code: &str) -> Result<&'static Words, Diagnostic> {
    Words::for_code(code).ok_or_else(|| {
        let known: Vec<&str> = LANGUAGES.iter().map(|words| words.code).collect();
        Diagnostic::usage(format!("hep has no `{code}` handouts"))
            .with_hint(format!("use --lang with one of: {}", known.join(", ")))
    })
}

/// The library of commands that read no plan (`list`, `show`, `catalog`, `new`): the clinic
/// folder at or above the current folder, then the flags' or HEP_LIBRARY's folders.
pub fn library_here(args: &LibraryArgs) -> LibrarySources {
    let folder = ClinicFolder::find(Path::new("."));
    scope_sources(&library_sources(args), folder.as_ref())
}

/// The library folders from the flags, or from HEP_LIBRARY when no flag names one.
pub fn library_sources(args: &LibraryArgs) -> LibrarySources {
    let folders = if args.library.is_empty() {
        std::env::var_os("HEP_LIBRARY")
            .map(|value| {
                std::env::split_paths(&value)
                    .filter(|path| !path.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default()
    } else {
        args.library.clone()
    };
    LibrarySources {
        bundled: !args.no_bundled_library,
        folders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_failure_decides_the_exit_status() {
        let usage = Failure::from(Diagnostics(vec![
            Diagnostic::error("bad"),
            Diagnostic::usage("no such flag value"),
        ]));
        assert_eq!(usage.exit_status(), 2);
        assert_eq!(Failure::from(Diagnostic::error("bad")).exit_status(), 1);
        assert_eq!(Failure::Reported.exit_status(), 1);
        assert_eq!(Failure::Interrupted.exit_status(), 130);
    }

    #[test]
    fn a_failure_to_write_is_one_problem_of_its_kind() {
        let error = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let denied = WriteError::io(format!("cannot write `jane.pdf`: {error}"), &error);
        let Failure::Problems(problems) = Failure::from(denied) else {
            panic!("a failure to write has a problem to print");
        };
        assert_eq!(problems.0.len(), 1);
        assert_eq!(problems.0[0].kind, Kind::Io);
        assert!(
            problems.0[0]
                .message
                .starts_with("cannot write `jane.pdf`: ")
        );
        let Failure::Problems(problems) = Failure::from(WriteError::refused("disk on fire")) else {
            panic!("a failure to write has a problem to print");
        };
        assert_eq!(problems.0[0].kind, Kind::Io);
        assert_eq!(problems.0[0].hint.as_deref(), Some(WRITE_HINT));
        let error = std::io::Error::from(std::io::ErrorKind::NotFound);
        let missing = WriteError::io("cannot write `out/jane.pdf`", &error);
        let Failure::Problems(problems) = Failure::from(missing) else {
            panic!("a failure to write has a problem to print");
        };
        assert_eq!(problems.0[0].kind, Kind::MissingFile);
    }
}
