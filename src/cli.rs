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

    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print each file written.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a plan into a PDF handout.
    Render(RenderArgs),
    /// Check plans and library files without rendering; exit 1 on errors.
    Check(CheckArgs),
    /// List the exercises in the library.
    List(ListArgs),
    /// Show one exercise as the client would read it.
    Show(ShowArgs),
    /// Render a contact sheet of the whole library, grouped by region.
    Catalog(CatalogArgs),
    /// Create a clinic folder: clinic file, own library, sample plan.
    Init(InitArgs),
    /// Print a new file to fill in.
    #[command(subcommand)]
    New(NewCommand),
    /// Print the JSON Schema of a file format, for editors.
    Schema(SchemaArgs),
    /// Render a plan again every time it, its clinic file or its exercises change.
    Watch(WatchArgs),
    /// Write out the files an archival handout was made from, ready to render again.
    Extract(ExtractArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page.
    Man,
}

/// What `hep new` makes.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A plan skeleton with today's date, on standard output.
    Plan(NewPlanArgs),
}

/// Arguments of `hep init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (it may exist, but not contain the files).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// Arguments of `hep new plan`.
#[derive(Debug, Args)]
pub struct NewPlanArgs {
    /// The client's name.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,

    /// Exercise ids, comma-separated.
    #[arg(long, value_name = "ID,ID")]
    pub exercises: Vec<String>,

    /// Start from a program: the plan names it and shows its exercises.
    #[arg(long, value_name = "ID")]
    pub program: Option<String>,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Arguments of `hep schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file format.
    #[arg(value_enum)]
    pub format: crate::schema::Format,

    /// Library options (their exercise ids are offered as completions).
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Arguments of `hep watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The plan to render on every change.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Where to write the PDF. Default: the plan's path with `.pdf`.
    #[arg(short, long, value_name = "OUT.pdf")]
    pub output: Option<PathBuf>,

    /// The clinic file, overriding the plan's. Default: HEP_CLINIC.
    #[arg(long, value_name = "FILE", env = "HEP_CLINIC")]
    pub clinic: Option<PathBuf>,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Arguments of `hep completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    /// Plan files, or folders searched for plans; `-` reads one plan from standard input.
    #[arg(value_name = "PLAN|DIR", required = true)]
    pub plans: Vec<PathBuf>,

    /// Where to write the PDF of a single plan; `-` writes it to standard output.
    /// Default: the plan's path with `.pdf`.
    #[arg(short, long, value_name = "OUT.pdf", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write PDFs into this folder, following each plan's path below the folder given.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Name output files from a template: {client}, {date}, {plan}, e.g. `{date}-{client}`.
    #[arg(long, value_name = "TEMPLATE")]
    pub name: Option<String>,

    /// Plans rendered at once. Default: one per processor core.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,

    /// Rewrite PDFs even when their bytes would not change.
    #[arg(long)]
    pub force: bool,

    /// Print one JSON object per plan on standard output.
    #[arg(long)]
    pub json: bool,

    /// Large print for low-vision clients: 16 pt body, bigger pictures, thicker lines.
    #[arg(long)]
    pub large_print: bool,

    /// The handout's language (`en`, `fr`), overriding the plan's `language:`.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,

    /// Where an exercise has no text in the handout's language, print its own language's text
    /// with a warning instead of failing.
    #[arg(long)]
    pub allow_fallback: bool,

    /// Also write NAME.ics beside each PDF: a calendar reminder on the follow-up date.
    #[arg(long)]
    pub ics: bool,

    /// Write archival PDF/A-3b for the client's record, with the plan, clinic file and
    /// exercises attached (`hep extract` writes them back out). Default: the clinic's
    /// `archive:`.
    #[arg(long)]
    pub archive: bool,

    /// The session date of plans that give no `date:`. Default: today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = session_date)]
    pub date: Option<jiff::civil::Date>,

    /// Render only shard K of N (e.g. `2/8`), chosen by a stable hash of each plan's path, so
    /// N machines share a batch with no coordination.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::batch::shard::Shard>,

    /// The clinic file, overriding the plans' `clinic:`. Default: HEP_CLINIC.
    #[arg(long, value_name = "FILE", env = "HEP_CLINIC")]
    pub clinic: Option<PathBuf>,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Arguments of `hep extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A handout rendered with `--archive`.
    #[arg(value_name = "HANDOUT.pdf")]
    pub pdf: PathBuf,

    /// The folder to write the files into; created when missing.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Replace files in DIR that differ from the handout's.
    #[arg(long)]
    pub force: bool,

    /// Print what was written as one JSON object on standard output.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `hep check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Plan files or folders of plans. Without any, only the library is checked.
    #[arg(value_name = "PLAN|DIR")]
    pub paths: Vec<PathBuf>,

    /// The clinic file, overriding the plans' `clinic:`. Default: HEP_CLINIC.
    #[arg(long, value_name = "FILE", env = "HEP_CLINIC")]
    pub clinic: Option<PathBuf>,

    /// Print the problems as JSON on standard output.
    #[arg(long)]
    pub json: bool,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Arguments of `hep list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only exercises for this region (e.g. `hip`, `lower-back`).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// Only exercises of this category (e.g. `stretch`, `strength`).
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// Only exercises with this tag (e.g. `it-band`).
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,

    /// List the programs (reusable exercise lists) instead of exercises.
    #[arg(long, conflicts_with_all = ["region", "category", "tag"])]
    pub programs: bool,

    /// Print JSON on standard output instead of a table.
    #[arg(long)]
    pub json: bool,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Arguments of `hep show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The exercise id.
    #[arg(
        value_name = "ID",
        required_unless_present = "program",
        conflicts_with = "program"
    )]
    pub id: Option<String>,

    /// Show a program instead of an exercise.
    #[arg(long, value_name = "ID")]
    pub program: Option<String>,

    /// The language to show it in (`en`, `fr`), as a handout in that language would print
    /// it; the exercise's (or program's) own language when not given.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Arguments of `hep catalog`.
#[derive(Debug, Args)]
pub struct CatalogArgs {
    /// Where to write the PDF; `-` writes it to standard output.
    #[arg(short, long, value_name = "OUT.pdf", default_value = "catalog.pdf")]
    pub output: PathBuf,

    /// Paper size.
    #[arg(long, value_enum, default_value = "letter")]
    pub page: PageArg,

    /// Library options.
    #[command(flatten)]
    pub library: LibraryArgs,
}

/// Paper sizes on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PageArg {
    /// US Letter.
    Letter,
    /// ISO A4.
    A4,
}

/// `--date`: the same dates, and the same checks, as a plan's `date:`.
fn session_date(text: &str) -> Result<jiff::civil::Date, crate::load::refusal::Refusal> {
    crate::load::scalar::CalendarDate::parse(text).map(|date| date.0)
}
