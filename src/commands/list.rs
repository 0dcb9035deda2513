//! `hep list`: the library as a table or JSON.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cli::ListArgs;
use crate::commands::{CommandResult, library_here};
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::exercise::{Category, Exercise, Region};
use crate::load::library::Library;
use crate::output::{Messages, StdoutText};

/// One row of `hep list --json`.
#[derive(Debug, Serialize)]
struct ExerciseRow<'a> {
    id: &'a str,
    name: &'a str,
    region: &'a str,
    category: &'a str,
    tags: &'a [String],
    equipment: &'a [String],
    file: String,
}

/// Prints the exercises that match the filters.
pub fn run(args: ListArgs, messages: Messages) -> CommandResult {
    let library = Library::load(&library_here(&args.library))?;
    if args.programs {
        return list_programs(&library, args.json, messages);
    }
    let region = args
        .region
        .as_deref()
        .map(|name| parse_name("region", name, Region::ALL.iter().map(|region| region.id())))
        .transpose()?;
    let category = args
        .category
        .as_deref()
        .map(|name| {
            parse_name(
                "category",
                name,
                Category::ALL.iter().map(|category| category.id()),
            )
        })
        .transpose()?;
    let mut exercises: Vec<&Exercise> = library
        .exercises()
        .filter(|exercise| {
            region
                .as_deref()
                .is_none_or(|region| exercise.region.id() == region)
        })
        .filter(|exercise| {
            category
                .as_deref()
                .is_none_or(|category| exercise.category.id() == category)
        })
        .filter(|exercise| {
            args.tag.as_deref().is_none_or(|tag| {
                exercise
                    .tags
                    .iter()
                    .any(|own| own.eq_ignore_ascii_case(tag))
            })
        })
        .collect();
    exercises.sort_by(|a, b| (a.region, &a.id).cmp(&(b.region, &b.id)));

    let mut out = StdoutText::default();
    if args.json {
        let rows: Vec<ExerciseRow> = exercises
            .iter()
            .map(|exercise| ExerciseRow {
                id: &exercise.id,
                name: &exercise.name,
                region: exercise.region.id(),
                category: exercise.category.id(),
                tags: &exercise.tags,
                equipment: &exercise.equipment,
                file: exercise.source.path.display().to_string(),
            })
            .collect();
        out.line(serde_json::to_string_pretty(&rows)?);
        return Ok(out.print()?);
    }
    let header = ("ID", "NAME", "REGION", "CATEGORY");
    let id_width = exercises
        .iter()
        .map(|e| e.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(header.0.len());
    let name_width = exercises
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(header.1.len());
    let region_width = exercises
        .iter()
        .map(|e| e.region.id().len())
        .max()
        .unwrap_or(0)
        .max(header.2.len());
    out.line(format_args!(
        "{:id_width$}  {:name_width$}  {:region_width$}  {}",
        header.0, header.1, header.2, header.3
    ));
    for exercise in &exercises {
        out.line(format_args!(
            "{:id_width$}  {:name_width$}  {:region_width$}  {}",
            exercise.id,
            exercise.name,
            exercise.region.id(),
            exercise.category.id()
        ));
    }
    out.print()?;
    messages.info(format_args!(
        "{} {}",
        exercises.len(),
        if exercises.len() == 1 {
            "exercise"
        } else {
            "exercises"
        }
    ));
    Ok(())
}

/// Checks a filter value against the known names, suggesting the closest.
fn parse_name<'a>(
    what: &str,
    name: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Result<String, Diagnostics> {
    if known.clone().any(|candidate| candidate == name) {
        return Ok(name.to_string());
    }
    let listing = known.clone().collect::<Vec<_>>().join(", ");
    let hint = match did_you_mean(name, known) {
        Some(suggestion) => format!("{suggestion} ({what}s: {listing})"),
        None => format!("{what}s: {listing}"),
    };
    Err(Diagnostic::usage(format!("unknown {what} `{name}`"))
        .with_hint(hint)
        .into())
}

/// One row of `hep list --programs --json`.
#[derive(Debug, Serialize)]
struct ProgramRow<'a> {
    id: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    /// The title in every language the program gives, by language code.
    titles: BTreeMap<String, &'a str>,
    exercises: Vec<&'a str>,
    file: String,
}

/// Prints the programs as a table or JSON.
fn list_programs(library: &Library, json: bool, messages: Messages) -> CommandResult {
    let mut out = StdoutText::default();
    let programs: Vec<_> = library.programs().collect();
    if json {
        let rows: Vec<ProgramRow> = programs
            .iter()
            .map(|program| ProgramRow {
                id: &program.id,
                title: &program.title,
                description: program.description.as_deref(),
                titles: program
                    .titles
                    .languages(&program.language)
                    .into_iter()
                    .filter_map(|code| {
                        let title = program.title_in(&code)?;
                        Some((code, title))
                    })
                    .collect(),
                exercises: program
                    .exercises
                    .iter()
                    .map(|entry| entry.id.as_str())
                    .collect(),
                file: program.source.path.display().to_string(),
            })
            .collect();
        out.line(serde_json::to_string_pretty(&rows)?);
        return Ok(out.print()?);
    }
    let id_width = programs
        .iter()
        .map(|program| program.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(2);
    let title_width = programs
        .iter()
        .map(|program| program.title.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    out.line(format_args!(
        "{:id_width$}  {:title_width$}  EXERCISES",
        "ID", "TITLE"
    ));
    for program in &programs {
        let ids: Vec<&str> = program
            .exercises
            .iter()
            .map(|entry| entry.id.as_str())
            .collect();
        out.line(format_args!(
            "{:id_width$}  {:title_width$}  {}",
            program.id,
            program.title,
            ids.join(", ")
        ));
    }
    out.print()?;
    messages.info(format_args!(
        "{} {}",
        programs.len(),
        if programs.len() == 1 {
            "program"
        } else {
            "programs"
        }
    ));
    Ok(())
}
