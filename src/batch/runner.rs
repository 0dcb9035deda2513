//! Running a batch: each plan resolved, laid out, painted and written, the plans side by side
//! on a pool of threads, a progress bar on the terminal, and Ctrl-C stopping between plans.
//!
//! One plan goes through the same steps as a thousand (`hep render jane.yaml`, `hep watch`):
//! [`render_one`] makes the handout and hands its bytes to [`write_handout`], the one place a
//! run writes anything.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::batch::inputs::PlanFile;
use crate::batch::naming::{NameTemplate, collisions, output_path};
use crate::batch::outcome::{Outcome, Status};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::export::ics::follow_up_calendar;
use crate::layout::lay_out;
use crate::load::plan::Plan;
use crate::output::Verbosity;
use crate::output::handout::{Destination, WriteOptions, write_handout};
use crate::output::interrupt;
use crate::output::progress::batch_progress;
use crate::paint::paint;
use crate::workspace::{PlanInput, Scope, Workspace};

/// One plan to render: the plan as read (or why it could not be), the clinic folder it
/// belongs to, and where its PDF goes.
pub struct Job {
    /// The plan file, as the user named it (`<stdin>` for standard input).
    pub plan_path: PathBuf,
    /// The library and clinic the plan renders with.
    pub scope: Arc<Scope>,
    /// The plan, or the problem that kept it from being read.
    pub plan: Result<Plan, Diagnostic>,
    /// Where the PDF goes; `None` when no name can be made for it (a `--name` template needs
    /// the plan, which could not be read).
    pub destination: Option<Destination>,
}

/// How a batch names its PDFs: `-o`, `--out-dir` and `--name`.
#[derive(Debug, Default)]
pub struct Naming<'a> {
    /// `-o`: the one PDF's path, or `-` for standard output.
    pub output: Option<&'a Path>,
    /// `--out-dir`: the folder the PDFs go to, following the plans' relative paths.
    pub out_dir: Option<&'a Path>,
    /// `--name`: a template for the file names.
    pub template: Option<&'a NameTemplate>,
}

impl Job {
    /// Reads a plan and decides where its PDF goes.
    pub fn read(workspace: &Workspace, file: &PlanFile, scope: Arc<Scope>, naming: &Naming) -> Job {
        if let Some(problem) = &file.problem {
            return Job {
                plan_path: file.path.clone(),
                scope,
                plan: Err(problem.clone()),
                destination: None,
            };
        }
        let plan = workspace.plan(PlanInput::File(&file.path));
        let destination =
            match (naming.output, &plan) {
                (Some(path), _) if path.as_os_str() == "-" => Some(Destination::Stdout),
                (Some(path), _) => Some(Destination::File(path.to_path_buf())),
                (None, Ok(plan)) => {
                    let name = naming.template.map(|template| {
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
                        naming.out_dir,
                        name,
                    )))
                }
                (None, Err(_)) if naming.template.is_none() => Some(Destination::File(
                    output_path(&file.path, &file.relative, naming.out_dir, None),
                )),
                (None, Err(_)) => None,
            };
        Job {
            plan_path: file.path.clone(),
            scope,
            plan,
            destination,
        }
    }

    /// The PDF file this job writes, when it writes one.
    fn output_file(&self) -> Option<PathBuf> {
        match &self.destination {
            Some(Destination::File(path)) => Some(path.clone()),
            _ => None,
        }
    }
}

/// Reads every plan of a batch and decides where each PDF goes, before any renders: names may
/// depend on the plans, and no two plans may write one file.
pub fn read_jobs(
    workspace: &Workspace,
    files: &[PlanFile],
    naming: &Naming,
) -> Result<Vec<Job>, Diagnostics> {
    // Each clinic folder's library, once, before the plans are read side by side.
    let scopes = files
        .iter()
        .map(|file| workspace.scope_of_plan(&file.path))
        .collect::<Result<Vec<_>, _>>()?;
    let jobs: Vec<Job> = files
        .par_iter()
        .zip(scopes)
        .map(|(file, scope)| Job::read(workspace, file, scope, naming))
        .collect();
    let clashes = collisions(jobs.iter().filter_map(|job| match &job.destination {
        Some(Destination::File(path)) => Some((job.plan_path.as_path(), path.as_path())),
        _ => None,
    }));
    if !clashes.is_empty() {
        return Err(Diagnostics(
            clashes
                .into_iter()
                .map(|clash| clash.with_kind(Kind::Conflict))
                .collect(),
        ));
    }
    Ok(jobs)
}

/// How a batch runs.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// How the PDFs are written.
    pub write: WriteOptions,
    /// `--jobs`: how many plans render at once; all the cores when not given.
    pub threads: Option<NonZeroUsize>,
    /// Whether to show a progress bar (never when quiet).
    pub verbosity: Verbosity,
}

/// Renders and writes every job, side by side, with a progress bar; a Ctrl-C lets the plans
/// already started finish and starts no others. The outcomes come in the jobs' order.
pub fn run_batch(
    workspace: &Workspace,
    jobs: Vec<Job>,
    options: &RunOptions,
) -> Result<Vec<Outcome>, Diagnostic> {
    let progress = batch_progress(jobs.len(), options.verbosity);
    let plans = jobs.len();
    interrupt::stop_between_plans();
    let render_all = || -> Vec<Outcome> {
        jobs.into_par_iter()
            .map(|job| {
                let outcome = if interrupt::requested() {
                    not_started(job)
                } else {
                    render_one(workspace, job, &options.write)
                };
                progress.inc(1);
                outcome
            })
            .collect()
    };
    let outcomes = match options.threads {
        // More threads than plans would only cost memory (each has its own stack).
        Some(threads) => rayon::ThreadPoolBuilder::new()
            .num_threads(threads.get().min(plans.max(1)))
            .build()
            .map_err(|error| {
                Diagnostic::error(format!("cannot start {threads} threads: {error}"))
                    .with_kind(Kind::Io)
                    .with_hint("try a smaller --jobs")
            })?
            .install(render_all),
        None => render_all(),
    };
    progress.finish_and_clear();
    Ok(outcomes)
}

/// The outcome of a plan that Ctrl-C kept from starting.
fn not_started(job: Job) -> Outcome {
    Outcome {
        output: job.output_file(),
        plan: job.plan_path,
        calendar: None,
        status: Status::Interrupted,
        pages: None,
        exercises: None,
        errors: vec![interrupted("not rendered: interrupted")],
        warnings: Vec::new(),
    }
}

/// Why a plan was not written: the run was stopped.
fn interrupted(message: &str) -> Diagnostic {
    Diagnostic::error(message).with_kind(Kind::Interrupted)
}

/// A compromise the layout made, as a warning about the plan's handout.
pub fn layout_warning(message: &str, plan: &Plan) -> Diagnostic {
    Diagnostic::warning(message.to_string())
        .with_kind(Kind::Layout)
        .in_file(&plan.source.path)
}

/// A handout made and ready to write: the PDF's bytes and what the summary says about it.
struct Made {
    /// The PDF.
    pdf: Vec<u8>,
    /// The follow-up reminder (`.ics`) to write beside it, when asked for and the plan has a
    /// follow-up.
    calendar: Option<String>,
    /// Pages in the PDF.
    pages: usize,
    /// Exercises on the handout.
    exercises: usize,
    /// What the handout could be better at, from resolve and layout.
    warnings: Vec<Diagnostic>,
}

/// Renders one plan and writes it unless the same bytes are already there.
pub fn render_one(workspace: &Workspace, job: Job, options: &WriteOptions) -> Outcome {
    let output = job.output_file();
    let failed = |errors: Vec<Diagnostic>| Outcome {
        plan: job.plan_path.clone(),
        output: output.clone(),
        calendar: None,
        status: Status::Error,
        pages: None,
        exercises: None,
        errors,
        warnings: Vec::new(),
    };
    let made = match job.plan {
        Ok(plan) => make_handout(workspace, &plan, &job.scope, &job.plan_path, options),
        Err(problem) => Err(vec![problem]),
    };
    let made = match made {
        Ok(made) => made,
        Err(problems) => return failed(problems),
    };
    let Some(destination) = &job.destination else {
        return failed(vec![
            Diagnostic::error("there is no file name for this plan's PDF")
                .with_kind(Kind::Usage)
                .in_file(&job.plan_path)
                .with_hint("name it with -o or --out-dir"),
        ]);
    };
    match write_handout(destination, &made.pdf, made.calendar.as_deref(), options) {
        Ok(written) => Outcome {
            plan: job.plan_path,
            output,
            calendar: written.calendar,
            status: if written.changed {
                Status::Ok
            } else {
                Status::Unchanged
            },
            pages: Some(made.pages),
            exercises: Some(made.exercises),
            errors: Vec::new(),
            warnings: made.warnings,
        },
        Err(_) if interrupt::requested() => Outcome {
            status: Status::Interrupted,
            ..failed(vec![interrupted("not written: interrupted")])
        },
        Err(problem) => failed(vec![problem]),
    }
}

/// Resolves, lays out and paints one plan.
fn make_handout(
    workspace: &Workspace,
    plan: &Plan,
    scope: &Scope,
    plan_path: &Path,
    options: &WriteOptions,
) -> Result<Made, Vec<Diagnostic>> {
    let handout = workspace
        .handout_in(plan, scope)
        .map_err(|Diagnostics(problems)| problems)?;
    let document = lay_out(&handout);
    let pdf = paint(&document, handout.record.as_ref(), &workspace.images).map_err(|reason| {
        vec![
            Diagnostic::error(format!("the PDF could not be made: {reason}"))
                .with_kind(reason.kind())
                .in_file(plan_path),
        ]
    })?;
    let warnings = handout
        .warnings
        .iter()
        .cloned()
        .chain(
            document
                .warnings
                .iter()
                .map(|warning| layout_warning(warning, plan)),
        )
        .collect();
    Ok(Made {
        pdf,
        calendar: options
            .calendar
            .then(|| follow_up_calendar(&handout))
            .flatten(),
        pages: document.pages.len(),
        exercises: handout.cards.len(),
        warnings,
    })
}
