//! The `hep` command: parse the arguments, run the command, turn failures into exit codes.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hep::cli::Cli::parse();
    match hep::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) if failure.is::<hep::diagnostic::AlreadyReported>() => ExitCode::from(1),
        Err(failure) => {
            eprint!("{failure}");
            if !failure.to_string().ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(1)
        }
    }
}
