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
    // No transparent huge pages: mimalloc asks for them, and the kernel then zeroes 2 MiB at
    // the first touch of each, most of it never used by a run this short: a quarter of the
    // CPU time of a handout, and twice its memory (bench/README.md). Failing changes nothing.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
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
