//! `hep check`: validate plans and library files exactly as `render` would, and report every
//! problem with clarity warnings, without writing anything.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::batch::inputs::plan_files;
use crate::batch::runner::layout_warning;
use crate::cli::CheckArgs;
use crate::commands::{CommandResult, Failure, library_sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::lints::{exercise_lints, plan_lints};
use crate::load::source::Origin;
use crate::output::{Messages, StdoutText};
use crate::resolve::card::unusable_illustration;
use crate::resolve::program::prescription;
use crate::workspace::{PlanInput, Scope, Workspace, plan_folder};

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
pub fn run(args: CheckArgs, messages: Messages) -> CommandResult {
    let sources = library_sources(&args.library);
    let workspace = Workspace::new(&sources, args.clinic.clone());
    let mut problems = Vec::new();
    let mut scopes: Vec<Arc<Scope>> = Vec::new();
    // Broken library files count among the exercises checked.
    let mut broken_files = 0;
    let mut use_scope = |workspace: &Workspace, start: &Path, problems: &mut Vec<Diagnostic>| {
        let (scope, found) = workspace.scope_all(start);
        broken_files += found.len();
        problems.extend(found);
        if !scopes.iter().any(|known| Arc::ptr_eq(known, &scope)) {
            scopes.push(Arc::clone(&scope));
        }
        scope
    };
    if args.paths.is_empty() {
        use_scope(&workspace, Path::new("."), &mut problems);
    }
    let mut plans_checked = 0;
    for file in plan_files(&args.paths, &mut problems) {
        plans_checked += 1;
        let scope = use_scope(&workspace, &plan_folder(&file.path), &mut problems);
        match workspace.plan(PlanInput::File(&file.path)) {
            Err(problem) => problems.push(problem),
            Ok(plan) => {
                match workspace.handout_in(&plan, &scope) {
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
                let merged = prescription(&plan, &scope.library)
                    .map(|merged| merged.exercises)
                    .unwrap_or_else(|_| plan.exercises.clone());
                problems.extend(plan_lints(&plan, &merged));
            }
        }
    }
    let mut seen = BTreeSet::new();
    let mut exercises_checked = broken_files;
    for scope in &scopes {
        exercises_checked += check_library(&workspace, scope, &mut seen, &mut problems);
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
        return Err(Failure::Reported);
    }
    Ok(())
}

/// Checks the exercises of a scope's own folders (or of the bundled library when it has no
/// folder): every picture decodes, and clarity lints. Exercises already in `seen` (shared by
/// two clinic folders' scopes) are skipped. Returns how many were checked.
fn check_library(
    workspace: &Workspace,
    scope: &Scope,
    seen: &mut BTreeSet<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) -> usize {
    let mut checked = 0;
    for exercise in scope.library.exercises() {
        let own = match exercise.source.origin {
            Origin::Bundled => scope.sources.folders.is_empty(),
            Origin::Disk | Origin::Stdin => true,
        };
        if !own || !seen.insert(exercise.source.path.clone()) {
            continue;
        }
        checked += 1;
        for illustration in &exercise.illustrations {
            let source = exercise.picture_source(illustration);
            if let Err(reason) = workspace.pictures.load(&source) {
                problems.push(unusable_illustration(exercise, illustration, &reason));
            }
        }
        problems.extend(exercise_lints(exercise));
    }
    checked
}
