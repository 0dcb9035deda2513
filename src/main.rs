//! The `hep` command: parse the arguments, run the command, turn failures into exit codes.

use std::process::ExitCode;

use clap::Parser;
use hep::commands::Failure;
use hep::output::{Messages, Verbosity};

/// mimalloc rather than the system allocator: see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// No transparent huge pages: mimalloc asks for them, and the kernel then zeroes 2 MiB at the
/// first touch of each, most of it never used by a run this short: a quarter of the CPU time of
/// a handout, and twice its memory (bench/README.md). Set before anything else runs, as a
/// `.preinit_array` function: mimalloc sets itself up and touches its first two huge pages
/// before `main` (13% of a bundled-art handout's CPU when this was done in `main`). Failing
/// changes nothing.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".preinit_array")]
static NO_TRANSPARENT_HUGE_PAGES: extern "C" fn() = {
    extern "C" fn disable() {
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
    disable
};

fn main() -> ExitCode {
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
