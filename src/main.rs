//! The `hep` command: parse the arguments, run the command, turn failures into exit codes.

use std::process::ExitCode;

use clap::Parser;
use hep::commands::render::UsageError;
use hep::diagnostic::{AlreadyReported, Diagnostic, Diagnostics};
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
        Err(failure) => {
            if failure.is::<Interrupted>() {
                return ExitCode::from(INTERRUPTED_EXIT_STATUS);
            }
            if failure.is::<AlreadyReported>() {
                return ExitCode::from(1);
            }
            if let Some(usage) = failure.downcast_ref::<UsageError>() {
                messages.problem(usage);
                return ExitCode::from(2);
            }
            if let Some(problems) = failure.downcast_ref::<Diagnostics>() {
                messages.problem(problems);
            } else if let Some(problem) = failure.downcast_ref::<Diagnostic>() {
                messages.problem(problem);
            } else {
                messages.problem(format_args!("error: {failure:#}"));
            }
            ExitCode::from(1)
        }
    }
}
