//! `hep completions SHELL` and `hep man`: generated from the clap definitions, so they never
//! drift from the real flags.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::commands::CommandResult;
use crate::output::write_stdout_quietly;

/// Prints a completion script for the shell on standard output.
pub fn completions(args: CompletionsArgs) -> CommandResult {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "hep", &mut script);
    Ok(write_stdout_quietly(&script)?)
}

/// Prints the man page (roff) on standard output.
pub fn man() -> CommandResult {
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .map_err(|error| {
            crate::output::file::WriteError::io(
                format!("the man page could not be made: {error}"),
                &error,
            )
        })?;
    Ok(write_stdout_quietly(&page)?)
}
