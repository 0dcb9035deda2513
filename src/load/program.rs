//! A reusable program: a named list of exercises with doses and a default follow-up, that
//! plans start from (`program: it-band-starter`).

use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::follow_up::FollowUp;
use crate::load::plan::{PlannedExercise, PlannedExerciseItem, planned_exercise};
use crate::load::source::SourceFile;
use crate::load::yaml;

/// A program file as written; its keys are also the schema's (`crate::schema`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProgramFile {
    id: Option<Spanned<String>>,
    title: Spanned<String>,
    description: Option<String>,
    follow_up: Option<FollowUp>,
    exercises: Spanned<Vec<Spanned<PlannedExerciseItem>>>,
}

/// A validated program file.
#[derive(Debug, Clone)]
pub struct Program {
    /// The id plans use: `program: it-band-starter`.
    pub id: String,
    /// "IT band starter".
    pub title: String,
    /// For the therapist: when to use it.
    pub description: Option<String>,
    /// The follow-up a plan gets unless it says otherwise.
    pub follow_up: Option<FollowUp>,
    /// The exercises with their doses, in the plan's exercise syntax.
    pub exercises: Vec<PlannedExercise>,
    /// The file, for errors.
    pub source: Arc<SourceFile>,
}

impl Program {
    /// Parses a program file; the id defaults to the file stem.
    pub fn load(source: SourceFile) -> Result<Program, Diagnostic> {
        let file: ProgramFile = yaml::parse(&source)?;
        let error = |message: String, position: Option<Position>| {
            Diagnostic::error(message)
                .in_file(&source.path)
                .at(&source.text, position)
        };
        let id = match &file.id {
            Some(id) => id.value.trim().to_string(),
            None => source
                .path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        if file.title.value.trim().is_empty() {
            return Err(error(
                "the program has an empty title".into(),
                Position::from_yaml(file.title.referenced),
            )
            .with_hint("give it a name the therapist recognises, e.g. `title: IT band starter`"));
        }
        if file.exercises.value.is_empty() {
            return Err(error(
                "the program lists no exercises".into(),
                Position::from_yaml(file.exercises.referenced),
            )
            .with_hint("list exercise ids under `exercises:`, as in a plan"));
        }
        let exercises: Vec<PlannedExercise> = file
            .exercises
            .value
            .into_iter()
            .map(planned_exercise)
            .collect();
        for (index, exercise) in exercises.iter().enumerate() {
            if exercises[..index]
                .iter()
                .any(|earlier| earlier.id == exercise.id)
            {
                return Err(error(
                    format!("`{}` is listed twice in the program", exercise.id),
                    exercise.position,
                )
                .with_hint("list each exercise once"));
            }
        }
        Ok(Program {
            id,
            title: file.title.value.trim().to_string(),
            description: file
                .description
                .map(|text| text.trim().to_string())
                .filter(|text| !text.is_empty()),
            follow_up: file.follow_up,
            exercises,
            source: Arc::new(source),
        })
    }

    /// An error pointing into the program file.
    pub fn error_at(&self, message: impl Into<String>, position: Option<Position>) -> Diagnostic {
        Diagnostic::error(message)
            .in_file(&self.source.path)
            .at(&self.source.text, position)
    }
}
