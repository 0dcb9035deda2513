//! `hep new plan`: print a plan skeleton with today's date, ready to fill in.

use crate::cli::NewPlanArgs;
use crate::commands::{CommandResult, library_here};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind, did_you_mean};
use crate::load::library::Library;
use crate::output::write_stdout_quietly;

/// Prints the skeleton on standard output; unknown exercise ids are refused with suggestions.
pub fn run(args: NewPlanArgs) -> CommandResult {
    let library = Library::load(&library_here(&args.library))?;
    let ids: Vec<String> = args
        .exercises
        .iter()
        .flat_map(|list| list.split(','))
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty())
        .collect();
    let unknown: Vec<Diagnostic> = ids
        .iter()
        .filter(|id| library.get(id).is_none())
        .map(|id| {
            Diagnostic::error(format!("unknown exercise `{id}`"))
                .with_kind(Kind::UnknownExercise)
                .with_optional_hint(did_you_mean(id, library.ids()))
        })
        .collect();
    if !unknown.is_empty() {
        return Err(Diagnostics(unknown).into());
    }
    let program = match &args.program {
        None => None,
        Some(id) => Some(library.program(id).ok_or_else(|| {
            Diagnostics::from(
                Diagnostic::error(format!("unknown program `{id}`"))
                    .with_kind(Kind::UnknownProgram)
                    .with_optional_hint(
                        did_you_mean(id, library.programs().map(|program| program.id.as_str())).or(
                            Some("run `hep list --programs` to see the programs".to_string()),
                        ),
                    ),
            )
        })?),
    };
    let today = jiff::ZonedDateTime::now().date();
    let mut text = skeleton(
        args.client.as_deref(),
        &ids,
        &today.to_string(),
        program.is_some(),
    );
    if let Some(program) = program {
        let listed: Vec<&str> = program
            .exercises
            .iter()
            .map(|entry| entry.id.as_str())
            .collect();
        text.push_str(&format!(
            "program: {}                # {}: {}\n\
             # replace:                    # change the dose of a program exercise\n\
             #   - id: {}\n\
             #     reps: 12\n\
             # remove: [{}]        # drop program exercises\n",
            program.id,
            program.title,
            listed.join(", "),
            listed.first().copied().unwrap_or("clamshell"),
            listed.last().copied().unwrap_or("clamshell"),
        ));
    }
    Ok(write_stdout_quietly(text.as_bytes())?)
}

/// The first line of a new plan: editors with the YAML language server (VS Code's YAML
/// extension) complete and check the plan against the schema `hep init` writes, for a plan
/// saved in the clinic folder's `plans/`.
pub const SCHEMA_LINE: &str = "# yaml-language-server: $schema=../schemas/plan.schema.json";

/// The plan text: every field present, the optional ones commented. With a program, the
/// follow-up and the exercises come from it unless the plan adds its own.
fn skeleton(client: Option<&str>, ids: &[String], date: &str, from_program: bool) -> String {
    let client = match client {
        Some(name) => yaml_string(name),
        None => "\"\"                        # the client's name, as it is printed".to_string(),
    };
    let mut text = format!(
        "{SCHEMA_LINE}\n\
         client: {client}\n\
         therapist: \"\"                   # e.g. Alex Martin, RMT\n\
         date: {date}\n\
         # clinic: ../clinic.yaml          # default: the clinic folder's clinic.yaml\n\
         # notes: |\n\
         #   A message to the client.\n"
    );
    if from_program {
        text.push_str("# follow_up: 2 weeks             # default: the program's\n");
    } else {
        text.push_str("follow_up: 2 weeks\n");
    }
    if ids.is_empty() && from_program {
        text.push_str("# exercises: []                # more exercises to add to the program's\n");
    } else if ids.is_empty() {
        text.push_str("exercises: []                   # add ids from `hep list`, one per line: - clamshell\n");
    } else {
        text.push_str("exercises:\n");
        for id in ids {
            text.push_str(&format!("  - {id}\n"));
        }
    }
    text
}

/// Quotes a value when YAML would otherwise misread it.
fn yaml_string(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.contains([':', '#', '"', '\'', '\n'])
        && !value.starts_with(|c: char| "-?[]{}!&*|>%@`,".contains(c) || c.is_whitespace());
    if plain {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_is_a_plan_once_filled_in() {
        let text = skeleton(
            Some("Jane: Doe"),
            &["clamshell".to_string()],
            "2026-11-27",
            false,
        );
        assert!(
            text.starts_with(&format!("{SCHEMA_LINE}\nclient: \"Jane: Doe\"\n")),
            "{text}"
        );
        assert!(text.contains("date: 2026-11-27\n"));
        assert!(text.contains("exercises:\n  - clamshell\n"));
    }
}
