//! `hep render`: plans -> PDFs. One plan behaves like a classic Unix filter; many plans (or
//! folders) render in parallel, share the library, fonts and pictures, and end with a summary.

use std::path::{Path, PathBuf};

use crate::batch::inputs::plan_files;
use crate::batch::naming::NameTemplate;
use crate::batch::outcome::{Outcome, Status, Summary, with_staged_writes};
use crate::batch::runner::{Job, Naming, RunOptions, read_jobs, render_one, run_batch};
use crate::cli::RenderArgs;
use crate::commands::{CommandResult, Failure, language_flag, library_sources};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::output::handout::{Destination, WriteOptions};
use crate::output::interrupt;
use crate::output::{Messages, StdoutText, Verbosity};
use crate::workspace::{PlanInput, Workspace};

/// Renders the plans and writes the PDFs, or explains why not. With `--json`, a failure before
/// any plan is rendered (a usage error, a plan that does not exist) still answers on standard
/// output, as one line in the plans' form with `"plan": null`.
pub fn run(args: RenderArgs, messages: Messages) -> CommandResult {
    let json = args.json;
    let result = render(args, messages);
    if json && let Err(Failure::Problems(problems)) = &result {
        let line = Unrendered {
            plan: None,
            output: None,
            status: Status::Error,
            pages: None,
            exercises: None,
            errors: &problems.0,
            warnings: &[],
        };
        let mut out = StdoutText::default();
        out.line(serde_json::to_string(&line)?);
        out.print()?;
    }
    result
}

/// The JSON line of a render that failed before any plan: an [`Outcome`]'s fields, in its
/// order, without a plan.
#[derive(serde::Serialize)]
struct Unrendered<'a> {
    plan: Option<&'a Path>,
    output: Option<&'a Path>,
    status: Status,
    pages: Option<usize>,
    exercises: Option<usize>,
    errors: &'a [Diagnostic],
    warnings: &'a [Diagnostic],
}

/// What [`run`] does, failures returned rather than printed.
fn render(args: RenderArgs, messages: Messages) -> CommandResult {
    let from_stdin = args.plans.iter().any(|plan| plan.as_os_str() == "-");
    if from_stdin && args.plans.len() > 1 {
        return Err(usage_with_hint(
            "`-` (standard input) cannot be mixed with other plans",
            "render the plan from standard input on its own, then the others",
        ));
    }
    let template = args
        .name
        .as_deref()
        .map(|template| {
            NameTemplate::parse(template).map_err(|problem| problem.with_kind(Kind::Usage))
        })
        .transpose()?;
    let mut workspace = Workspace::new(&library_sources(&args.library), args.clinic.clone());
    workspace.settings.large_print = args.large_print;
    workspace.settings.allow_fallback = args.allow_fallback;
    workspace.settings.archive = args.archive;
    if let Some(date) = args.date {
        workspace.settings.today = date;
    }
    if let Some(code) = &args.lang {
        workspace.settings.language = Some(language_flag(code)?);
    }

    if from_stdin {
        let destination = match &args.output {
            Some(path) if path.as_os_str() == "-" => Destination::Stdout,
            Some(path) => Destination::File(path.clone()),
            None => {
                return Err(usage_with_hint(
                    "the plan comes from standard input, so there is no file name for the PDF",
                    "say where it goes: `-o jane.pdf`, or `-o -` for standard output",
                ));
            }
        };
        let scope = workspace.scope(Path::new("."))?;
        let plan = workspace.plan(PlanInput::Stdin)?;
        if args.ics && matches!(destination, Destination::Stdout) {
            return Err(usage_with_hint(
                "--ics writes a file beside the PDF, so the PDF must go to a file too",
                "name a file with -o, or leave out --ics",
            ));
        }
        let options = WriteOptions {
            force: args.force,
            create_folders: false,
            calendar: args.ics,
        };
        let job = Job {
            plan_path: PathBuf::from("<stdin>"),
            scope,
            plan: Ok(plan),
            destination: Some(destination),
        };
        let outcome = render_one(&workspace, job, &options);
        return finish(vec![outcome], &args, messages, true);
    }

    let mut problems = Vec::new();
    let files = plan_files(&args.plans, &mut problems);
    if !problems.is_empty() {
        return Err(Diagnostics(problems).into());
    }
    if files.is_empty() {
        return Err(Diagnostics::from(
            Diagnostic::error("no plans found")
                .with_kind(Kind::MissingFile)
                .with_hint("plans are YAML files with a `client:` line"),
        )
        .into());
    }
    let mut files = files;
    if let Some(shard) = args.shard {
        files.retain(|file| shard.contains(&file.relative));
    }
    let single = files.len() == 1 && args.plans.iter().all(|path| !path.is_dir());
    if args.ics
        && args
            .output
            .as_deref()
            .is_some_and(|path| path.as_os_str() == "-")
    {
        return Err(usage_with_hint(
            "--ics writes a file beside the PDF, so the PDF must go to a file too",
            "name a file with -o, or leave out --ics",
        ));
    }
    if args.output.is_some() && files.len() != 1 {
        return Err(usage_with_hint(
            "-o names one PDF, but there are several plans",
            "use --out-dir DIR to write one PDF per plan",
        ));
    }

    let naming = Naming {
        output: args.output.as_deref(),
        out_dir: args.out_dir.as_deref(),
        template: template.as_ref(),
    };
    let jobs = read_jobs(&workspace, &files, &naming)?;
    let options = RunOptions {
        write: WriteOptions {
            force: args.force,
            create_folders: args.out_dir.is_some(),
            calendar: args.ics,
        },
        threads: args.jobs,
        verbosity: messages.verbosity,
    };
    let outcomes = with_staged_writes(|| run_batch(&workspace, jobs, &options))?;
    finish(outcomes, &args, messages, single)
}

/// Prints the outcomes (JSON lines, or messages and a summary) and sets the exit status.
fn finish(
    outcomes: Vec<Outcome>,
    args: &RenderArgs,
    messages: Messages,
    single: bool,
) -> CommandResult {
    if args.json {
        let mut out = StdoutText::default();
        for outcome in &outcomes {
            out.line(serde_json::to_string(outcome)?);
        }
        out.print()?;
    }
    let summary = Summary::of(&outcomes);
    for outcome in &outcomes {
        if !args.json && messages.verbosity >= Verbosity::Normal {
            for warning in &outcome.warnings {
                messages.problem(warning);
            }
        }
        match outcome.status {
            Status::Error if !args.json => {
                if !single {
                    messages.problem(format_args!("{}:", outcome.plan.display()));
                }
                for problem in &outcome.errors {
                    messages.problem(problem);
                }
            }
            Status::Ok | Status::Unchanged if single => {
                if let Some(output) = &outcome.output {
                    let pages = outcome.pages.unwrap_or(0);
                    let exercises = outcome.exercises.unwrap_or(0);
                    let what = if outcome.status == Status::Ok {
                        "Wrote"
                    } else {
                        "Unchanged:"
                    };
                    messages.info(format_args!(
                        "{what} {} ({pages} {}, {exercises} {})",
                        output.display(),
                        if pages == 1 { "page" } else { "pages" },
                        if exercises == 1 {
                            "exercise"
                        } else {
                            "exercises"
                        },
                    ));
                }
            }
            Status::Ok => {
                if let Some(output) = &outcome.output {
                    messages.detail(format_args!("Wrote {}", output.display()));
                }
            }
            _ => {}
        }
    }
    if !single || interrupt::requested() {
        messages.info(summary);
    }
    if interrupt::requested() {
        messages.problem("error: interrupted; the PDFs listed as rendered were written whole, no others were written");
        return Err(Failure::Interrupted);
    }
    if summary.failed > 0 {
        return Err(Failure::Reported);
    }
    Ok(())
}

/// A usage error (arguments clap accepts but that do not make sense together), with advice.
fn usage_with_hint(message: &str, hint: &str) -> Failure {
    Diagnostic::usage(message).with_hint(hint).into()
}
