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
use crate::load::library::LibrarySources;
use crate::output::{Messages, Verbosity};
use crate::workspace::scope_sources;

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> anyhow::Result<()> {
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
