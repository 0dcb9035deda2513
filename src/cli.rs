//! The command line, as clap parses it. Validation beyond shape happens in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Make branded home-exercise handouts (PDF) from a YAML plan.
#[derive(Debug, Parser)]
#[command(name = "hep", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a plan into a PDF handout.
    Render(RenderArgs),
}

/// Where exercises come from; shared by every command that reads the library.
#[derive(Debug, Clone, Args)]
pub struct LibraryArgs {
    /// Add a library folder (repeatable); its exercises override bundled ones with the same id.
    /// Default: the colon-separated folders in HEP_LIBRARY.
    #[arg(long = "library", value_name = "DIR")]
    pub library: Vec<PathBuf>,

    /// Do not use the bundled starter library.
    #[arg(long)]
    pub no_bundled_library: bool,
}

/// Arguments of `hep render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The plan file, or `-` to read it from standard input.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Where to write the PDF; `-` writes it to standard output. Default: PLAN with `.pdf`.
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: Option<PathBuf>,

    /// The clinic file, overriding the plan's `clinic:`. Default: HEP_CLINIC.
    #[arg(long, value_name = "FILE", env = "HEP_CLINIC")]
    pub clinic: Option<PathBuf>,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}
