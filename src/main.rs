//! The `hep` command: parse the arguments, run the command, turn failures into exit codes.

use std::process::ExitCode;

use clap::Parser;
use hep::commands::Failure;
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
        Err(failure) => {
            if let Failure::Problems(problems) = &failure {
                messages.problem(problems);
            }
            ExitCode::from(failure.exit_status())
        }
    }
}
