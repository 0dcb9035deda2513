//! `hep render`: plans -> PDFs. One plan behaves like a classic Unix filter; many plans (or
//! folders) render in parallel, share the library, fonts and pictures, and end with a summary.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use rayon::prelude::*;

use crate::batch::inputs::{PlanFile, plan_files};
use crate::batch::naming::{NameTemplate, collisions, output_path};
use crate::batch::outcome::{Outcome, Status, Summary, with_staged_writes};
use crate::cli::RenderArgs;
use crate::commands::library_sources;
use crate::diagnostic::{AlreadyReported, Diagnostic, Diagnostics, Kind};
use crate::export::ics::follow_up_calendar;
use crate::layout::lay_out;
use crate::load::plan::Plan;
use crate::output::file::{holds_bytes, write_file, write_stdout};
use crate::output::interrupt::{self, Interrupted};
use crate::output::progress::batch_progress;
use crate::output::{Messages, StdoutText, Verbosity};
use crate::paint::paint;
use crate::resolve::handout::Handout;
use crate::resolve::words::{LANGUAGES, Words};
use crate::workspace::{PlanInput, Scope, Workspace};

/// Where one plan's PDF goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Destination {
    /// A file, written atomically.
    File(PathBuf),
    /// Standard output.
    Stdout,
}

/// One plan to render.
struct Job {
    plan_path: PathBuf,
    scope: Arc<Scope>,
    plan: Result<Plan, Diagnostic>,
    destination: Option<Destination>,
}

/// Renders the plans and writes the PDFs, or explains why not.
pub fn run(args: RenderArgs, messages: Messages) -> Result<()> {
    let from_stdin = args.plans.iter().any(|plan| plan.as_os_str() == "-");
    if from_stdin && args.plans.len() > 1 {
        return Err(usage(
            "`-` (standard input) cannot be mixed with other plans",
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
        workspace.settings.language = Some(Words::for_code(code).ok_or_else(|| {
            let known: Vec<&str> = LANGUAGES.iter().map(|words| words.code).collect();
            usage_with_hint(
                &format!("hep has no `{code}` handouts"),
                &format!("use --lang with one of: {}", known.join(", ")),
            )
        })?);
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
            return Err(usage(
                "--ics writes a file beside the PDF, so the PDF must go to a file too",
            ));
        }
        let options = WriteOptions {
            force: args.force,
            create_folders: false,
            calendar: args.ics,
        };
        let outcome = render_one(
            &workspace,
            PathBuf::from("<stdin>"),
            &scope,
            Ok(plan),
            Some(destination),
            &options,
        );
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
        return Err(usage(
            "--ics writes a file beside the PDF, so the PDF must go to a file too",
        ));
    }
    if args.output.is_some() && files.len() != 1 {
        return Err(usage(
            "-o names one PDF, but there are several plans; use --out-dir",
        ));
    }

    // Each clinic folder's library, once, before the plans render side by side.
    let mut scopes = Vec::with_capacity(files.len());
    for file in &files {
        scopes.push(workspace.scope_of_plan(&file.path)?);
    }
    // Read every plan first: names may depend on them, and no two plans may share a file.
    let jobs: Vec<Job> = files
        .par_iter()
        .zip(scopes)
        .map(|(file, scope)| plan_job(&workspace, file, scope, &args, template.as_ref()))
        .collect();
    let clashes = collisions(jobs.iter().filter_map(|job| match &job.destination {
        Some(Destination::File(path)) => Some((job.plan_path.as_path(), path.as_path())),
        _ => None,
    }));
    if !clashes.is_empty() {
        let clashes = clashes
            .into_iter()
            .map(|clash| clash.with_kind(Kind::Conflict))
            .collect();
        return Err(Diagnostics(clashes).into());
    }

    let options = WriteOptions {
        force: args.force,
        create_folders: args.out_dir.is_some(),
        calendar: args.ics,
    };
    let progress = batch_progress(jobs.len(), messages.verbosity);
    let plans = jobs.len();
    interrupt::stop_between_plans();
    let render_all = || -> Vec<Outcome> {
        jobs.into_par_iter()
            .map(|job| {
                let outcome = if interrupt::requested() {
                    not_started(job)
                } else {
                    render_one(
                        &workspace,
                        job.plan_path,
                        &job.scope,
                        job.plan,
                        job.destination,
                        &options,
                    )
                };
                progress.inc(1);
                outcome
            })
            .collect()
    };
    let outcomes = with_staged_writes(|| {
        Ok::<_, anyhow::Error>(match args.jobs {
            // More threads than plans would only cost memory (each has its own stack).
            Some(threads) => rayon::ThreadPoolBuilder::new()
                .num_threads(threads.get().min(plans.max(1)))
                .build()?
                .install(render_all),
            None => render_all(),
        })
    })?;
    progress.finish_and_clear();
    finish(outcomes, &args, messages, single)
}

/// Reads a plan and decides where its PDF goes.
fn plan_job(
    workspace: &Workspace,
    file: &PlanFile,
    scope: Arc<Scope>,
    args: &RenderArgs,
    template: Option<&NameTemplate>,
) -> Job {
    if let Some(problem) = &file.problem {
        return Job {
            plan_path: file.path.clone(),
            scope,
            plan: Err(problem.clone()),
            destination: None,
        };
    }
    let plan = workspace.plan(PlanInput::File(&file.path));
    let destination = match (&args.output, &plan) {
        (Some(path), _) if path.as_os_str() == "-" => Some(Destination::Stdout),
        (Some(path), _) => Some(Destination::File(path.clone())),
        (None, Ok(plan)) => {
            let name = template.map(|template| {
                let date = plan
                    .date
                    .map(|date| date.0)
                    .unwrap_or(workspace.settings.today)
                    .to_string();
                let stem = file.path.file_stem().unwrap_or_default().to_string_lossy();
                template.file_name(&plan.client, &date, &stem)
            });
            Some(Destination::File(output_path(
                &file.path,
                &file.relative,
                args.out_dir.as_deref(),
                name,
            )))
        }
        (None, Err(_)) if template.is_none() => Some(Destination::File(output_path(
            &file.path,
            &file.relative,
            args.out_dir.as_deref(),
            None,
        ))),
        (None, Err(_)) => None,
    };
    Job {
        plan_path: file.path.clone(),
        scope,
        plan,
        destination,
    }
}

/// The outcome of a plan that Ctrl-C kept from starting.
fn not_started(job: Job) -> Outcome {
    Outcome {
        warnings: Vec::new(),
        plan: job.plan_path,
        output: match job.destination {
            Some(Destination::File(path)) => Some(path),
            _ => None,
        },
        calendar: None,
        status: Status::Interrupted,
        pages: None,
        exercises: None,
        errors: vec![interrupted("not rendered: interrupted")],
    }
}

/// Why a plan was not written: the run was stopped.
fn interrupted(message: &str) -> Diagnostic {
    Diagnostic::error(message).with_kind(Kind::Interrupted)
}

/// How PDFs are written.
pub(crate) struct WriteOptions {
    /// Rewrite even when the bytes are the same.
    pub(crate) force: bool,
    /// Create missing folders (under `--out-dir`).
    pub(crate) create_folders: bool,
    /// Also write the follow-up as an .ics file beside the PDF.
    pub(crate) calendar: bool,
}

/// A compromise the layout made, as a warning about the plan's handout.
pub fn layout_warning(message: &str, plan: &Plan) -> Diagnostic {
    Diagnostic::warning(message.to_string())
        .with_kind(Kind::Layout)
        .in_file(&plan.source.path)
}

/// Renders one plan and writes it unless the same bytes are already there.
pub(crate) fn render_one(
    workspace: &Workspace,
    plan_path: PathBuf,
    scope: &Scope,
    plan: Result<Plan, Diagnostic>,
    destination: Option<Destination>,
    options: &WriteOptions,
) -> Outcome {
    let output = match &destination {
        Some(Destination::File(path)) => Some(path.clone()),
        _ => None,
    };
    let failed = |errors: Vec<Diagnostic>| Outcome {
        warnings: Vec::new(),
        plan: plan_path.clone(),
        output: output.clone(),
        calendar: None,
        status: Status::Error,
        pages: None,
        exercises: None,
        errors,
    };
    // Failures to write name the file written, so that scripts see which one.
    let cannot_write = |error: anyhow::Error, path: Option<&Path>| {
        let kind = match Kind::of_failure(&error) {
            Kind::Other => Kind::Io,
            kind => kind,
        };
        let problem = Diagnostic::error(format!("{error:#}")).with_kind(kind);
        vec![match path {
            Some(path) => problem.in_file(path),
            None => problem,
        }]
    };
    let plan = match plan {
        Ok(plan) => plan,
        Err(problem) => return failed(vec![problem]),
    };
    let handout = match workspace.handout_in(&plan, scope) {
        Ok(handout) => handout,
        Err(Diagnostics(problems)) => return failed(problems),
    };
    let document = lay_out(&handout);
    let bytes = match paint(&document, handout.record.as_ref(), &workspace.images) {
        Ok(bytes) => bytes,
        Err(reason) => {
            return failed(vec![
                Diagnostic::error(format!("the PDF could not be made: {reason}"))
                    .with_kind(Kind::Other)
                    .in_file(&plan_path),
            ]);
        }
    };
    let status = match destination {
        Some(Destination::Stdout) => write_stdout(&bytes).map(|()| Status::Ok),
        Some(Destination::File(path)) if !options.force && holds_bytes(&path, &bytes) => {
            Ok(Status::Unchanged)
        }
        Some(Destination::File(path)) => create_parent(&path, options.create_folders)
            .and_then(|()| write_file(&path, &bytes))
            .map(|()| Status::Ok),
        None => Err(anyhow::anyhow!("no output file")),
    };
    let calendar = match (&status, &output) {
        (Ok(_), Some(path)) if options.calendar => {
            match write_calendar(&handout, path, options.force) {
                Ok(written) => written,
                Err(error) => {
                    return failed(cannot_write(error, Some(&path.with_extension("ics"))));
                }
            }
        }
        _ => None,
    };
    match status {
        Ok(status) => Outcome {
            warnings: handout
                .warnings
                .iter()
                .cloned()
                .chain(
                    document
                        .warnings
                        .iter()
                        .map(|warning| layout_warning(warning, &plan)),
                )
                .collect(),
            plan: plan_path,
            output,
            calendar,
            status,
            pages: Some(document.pages.len()),
            exercises: Some(handout.cards.len()),
            errors: Vec::new(),
        },
        Err(_) if interrupt::requested() => Outcome {
            status: Status::Interrupted,
            ..failed(vec![interrupted("not written: interrupted")])
        },
        Err(error) => failed(cannot_write(error, output.as_deref())),
    }
}

/// Writes the follow-up reminder beside the PDF; `None` when the plan has no follow-up.
fn write_calendar(handout: &Handout, pdf: &Path, force: bool) -> Result<Option<PathBuf>> {
    let Some(text) = follow_up_calendar(handout) else {
        return Ok(None);
    };
    let path = pdf.with_extension("ics");
    if force || !holds_bytes(&path, text.as_bytes()) {
        write_file(&path, text.as_bytes())?;
    }
    Ok(Some(path))
}

/// Creates the folder of `path` when asked to.
fn create_parent(path: &Path, create: bool) -> Result<()> {
    match path.parent() {
        Some(parent) if create && !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent)
            .map_err(|error| {
                anyhow::anyhow!("cannot create the folder `{}`: {error}", parent.display())
            }),
        _ => Ok(()),
    }
}

/// Prints the outcomes (JSON lines, or messages and a summary) and sets the exit status.
fn finish(
    outcomes: Vec<Outcome>,
    args: &RenderArgs,
    messages: Messages,
    single: bool,
) -> Result<()> {
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
        return Err(Interrupted.into());
    }
    if summary.failed > 0 {
        return Err(AlreadyReported.into());
    }
    Ok(())
}

/// A usage error: arguments clap accepts but that do not make sense together.
fn usage(message: &str) -> anyhow::Error {
    Diagnostics::from(Diagnostic::usage(message)).into()
}

/// A usage error with advice.
fn usage_with_hint(message: &str, hint: &str) -> anyhow::Error {
    Diagnostics::from(Diagnostic::usage(message).with_hint(hint)).into()
}
