//! The `hep` command: parse the arguments, run the command, turn failures into exit codes.

use std::process::ExitCode;

use clap::Parser;
use hep::diagnostic::Diagnostics;
use hep::output::interrupt::{INTERRUPTED_EXIT_STATUS, Interrupted};
use hep::output::{Messages, Verbosity};

/// mimalloc rather than the system allocator: see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    hep::output::interrupt::install();
    let cli = hep::cli::Cli::parse();
    let messages = Messages {
        verbosity: Verbosity::from_flags(cli.quiet, cli.verbose),
    };
    match hep::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // Ctrl-C: what was and was not written is already said; the shell's status for it.
        Err(failure) if failure.is::<Interrupted>() => ExitCode::from(INTERRUPTED_EXIT_STATUS),
        Err(failure) => {
            // The kind of each problem decides the status: 2 for usage, 1 for bad input.
            let problems = Diagnostics::from_failure(failure);
            if !problems.0.is_empty() {
                messages.problem(&problems);
            }
            ExitCode::from(problems.exit_status())
        }
    }
}
