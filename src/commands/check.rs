//! `hep check`: validate plans and library files exactly as `render` would, and report every
//! problem with clarity warnings, without writing anything.

use anyhow::Result;
use serde::Serialize;

use crate::batch::inputs::plan_files;
use crate::cli::CheckArgs;
use crate::commands::library_sources;
use crate::commands::render::layout_warning;
use crate::diagnostic::{AlreadyReported, Diagnostic, Diagnostics, Kind};
use crate::lints::{exercise_lints, plan_lints};
use crate::load::library::LibrarySources;
use crate::load::source::Origin;
use crate::output::{Messages, StdoutText};
use crate::resolve::program::prescription;
use crate::workspace::{PlanInput, Workspace};

/// The report of `hep check --json`: what was checked, and every problem in the form
/// `hep render --json` uses.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    exercises: usize,
    plans: usize,
    errors: Vec<&'a Diagnostic>,
    warnings: Vec<&'a Diagnostic>,
}

/// Checks the library and the plans; exit status 1 when there is an error.
pub fn run(args: CheckArgs, messages: Messages) -> Result<()> {
    let sources = library_sources(&args.library);
    let (workspace, mut problems) = Workspace::load_all(&sources, args.clinic.clone());
    let library_problems = problems.len();
    let exercises_checked = check_library(&workspace, &sources, &mut problems) + library_problems;
    let mut plans_checked = 0;
    for file in plan_files(&args.paths, &mut problems) {
        plans_checked += 1;
        match workspace.plan(PlanInput::File(&file.path)) {
            Err(problem) => problems.push(problem),
            Ok(plan) => {
                match workspace.handout(&plan) {
                    Err(Diagnostics(found)) => problems.extend(found),
                    Ok(handout) => {
                        problems.extend(handout.warnings.iter().cloned());
                        // The layout says what it had to change: colours, a crowded footer.
                        let document = crate::layout::lay_out(&handout);
                        problems.extend(
                            document
                                .warnings
                                .iter()
                                .map(|warning| layout_warning(warning, &plan)),
                        );
                    }
                }
                let merged = prescription(&plan, &workspace.library)
                    .map(|merged| merged.exercises)
                    .unwrap_or_else(|_| plan.exercises.clone());
                problems.extend(plan_lints(&plan, &merged));
            }
        }
    }
    let errors = problems.iter().filter(|problem| problem.is_error()).count();
    let warnings = problems.len() - errors;
    if args.json {
        let (errors, warnings) = problems.iter().partition(|problem| problem.is_error());
        let report = JsonReport {
            exercises: exercises_checked,
            plans: plans_checked,
            errors,
            warnings,
        };
        let mut out = StdoutText::default();
        out.line(serde_json::to_string(&report)?);
        out.print()?;
    } else {
        for problem in &problems {
            messages.problem(problem);
        }
        let plural = |count: usize, noun: &str| {
            format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
        };
        messages.info(format_args!(
            "Checked {} and {}: {}, {}.",
            plural(exercises_checked, "exercise"),
            plural(plans_checked, "plan"),
            plural(errors, "error"),
            plural(warnings, "warning")
        ));
    }
    if errors > 0 {
        return Err(AlreadyReported.into());
    }
    Ok(())
}

/// Checks the exercises of the clinic's folders (or of the bundled library when no folder is
/// given): every picture decodes, and clarity lints. Returns how many were checked.
fn check_library(
    workspace: &Workspace,
    sources: &LibrarySources,
    problems: &mut Vec<Diagnostic>,
) -> usize {
    let mut checked = 0;
    for exercise in workspace.library.exercises() {
        let own = match exercise.source.origin {
            Origin::Bundled => sources.folders.is_empty(),
            Origin::Disk | Origin::Stdin => true,
        };
        if !own {
            continue;
        }
        checked += 1;
        for illustration in &exercise.illustrations {
            let source = exercise.picture_source(illustration);
            if let Err(reason) = workspace.pictures.load(&source) {
                problems.push(
                    Diagnostic::error(format!("cannot use illustration `{}`: {reason}", source.display()))
                        .with_kind(Kind::BadPicture)
                        .in_file(&exercise.source.path)
                        .at(&exercise.source.text, illustration.position)
                        .with_hint("illustration paths are relative to the exercise file; use an SVG, PNG or JPEG"),
                );
            }
        }
        problems.extend(exercise_lints(exercise));
    }
    checked
}
