//! The exercises a plan prescribes: its program's (minus `remove:`, changed by `replace:`),
//! then its own. Doses merge field by field: plan over program over library.

use crate::diagnostic::{Diagnostic, Kind, did_you_mean};
use crate::load::follow_up::FollowUp;
use crate::load::library::Library;
use crate::load::plan::{MAX_EXERCISES, Plan, PlannedExercise};

/// The merged exercise list and the follow-up (the plan's, else the program's).
#[derive(Debug, Clone)]
pub struct Prescription {
    /// Exercises in order, with merged overrides.
    pub exercises: Vec<PlannedExercise>,
    /// The follow-up, when the plan or its program has one.
    pub follow_up: Option<FollowUp>,
}

/// Merges a plan with its program; every problem is reported.
pub fn prescription(plan: &Plan, library: &Library) -> Result<Prescription, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut follow_up = plan
        .follow_up
        .as_ref()
        .map(|(follow_up, _)| follow_up.clone());
    let mut exercises: Vec<PlannedExercise> = Vec::new();
    let mut program_title = String::new();
    match &plan.program {
        Some((id, position)) => match library.program(id) {
            Some(program) => {
                exercises = program.exercises.clone();
                follow_up = follow_up.or_else(|| program.follow_up.clone());
                program_title = format!("program `{}`", program.id);
            }
            None => {
                let hint = did_you_mean(id, library.programs().map(|program| program.id.as_str()))
                    .unwrap_or_else(|| "run `hep list --programs` to see the programs".to_string());
                problems.push(
                    plan.error_at(format!("unknown program `{id}`"), *position)
                        .with_kind(Kind::UnknownProgram)
                        .with_hint(hint),
                );
                return Err(problems);
            }
        },
        None => {
            for (position, field) in plan
                .replace
                .iter()
                .map(|entry| (entry.position, "replace"))
                .chain(
                    plan.remove
                        .iter()
                        .map(|(_, position)| (*position, "remove")),
                )
                .take(1)
            {
                problems.push(
                    plan.error_at(format!("`{field}:` changes a program, but the plan names none"), position)
                        .with_hint("add `program: ID` (see `hep list --programs`), or list the exercises under `exercises:`"),
                );
            }
        }
    }

    let not_in_program = |id: &str, position, exercises: &[PlannedExercise]| {
        plan.error_at(format!("`{id}` is not in {program_title}"), position)
            .with_kind(Kind::UnknownExercise)
            .with_optional_hint(did_you_mean(
                id,
                exercises.iter().map(|entry| entry.id.as_str()),
            ))
    };
    for (id, position) in &plan.remove {
        match exercises.iter().position(|entry| &entry.id == id) {
            Some(index) => {
                exercises.remove(index);
            }
            None if plan.program.is_some() => {
                problems.push(not_in_program(id, *position, &exercises))
            }
            None => {}
        }
    }
    for change in &plan.replace {
        match exercises.iter_mut().find(|entry| entry.id == change.id) {
            Some(entry) => {
                entry.dosage = entry.dosage.overridden_by(change.dosage);
                entry.side = change.side.or(entry.side);
                entry.frequency = change.frequency.or(entry.frequency);
                entry.note = change.note.clone().or(entry.note.take());
                entry.position = change.position;
            }
            None if plan.program.is_some() => {
                problems.push(not_in_program(&change.id, change.position, &exercises))
            }
            None => {}
        }
    }
    for added in &plan.exercises {
        if plan.program.is_some() && exercises.iter().any(|entry| entry.id == added.id) {
            problems.push(
                plan.error_at(
                    format!("`{}` is already in {program_title}", added.id),
                    added.position,
                )
                .with_hint("change its dose under `replace:` instead of listing it again"),
            );
            continue;
        }
        exercises.push(added.clone());
    }
    if exercises.is_empty() {
        problems.push(
            plan.error_at("the plan removes every exercise of its program", None)
                .with_hint("keep at least one, or add some under `exercises:`"),
        );
    }
    if exercises.len() > MAX_EXERCISES {
        problems.push(
            plan.error_at(
                format!(
                    "the plan has {} exercises; a handout holds at most {MAX_EXERCISES}",
                    exercises.len()
                ),
                None,
            )
            .with_hint("split it into several plans"),
        );
    }
    if problems.is_empty() {
        Ok(Prescription {
            exercises,
            follow_up,
        })
    } else {
        Err(problems)
    }
}
