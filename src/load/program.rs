//! A reusable program: a named list of exercises with doses and a default follow-up, that
//! plans start from (`program: it-band-starter`).

use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::follow_up::FollowUp;
use crate::load::localized::Localized;
use crate::load::plan::{PlannedExercise, PlannedExerciseItem, planned_exercise};
use crate::load::source::SourceFile;
use crate::load::yaml;

/// A program file as written; its keys are also the schema's (`crate::schema`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProgramFile {
    id: Option<Spanned<String>>,
    language: Option<String>,
    title: Spanned<Localized<String>>,
    description: Option<Localized<String>>,
    follow_up: Option<FollowUp>,
    exercises: Spanned<Vec<Spanned<PlannedExerciseItem>>>,
}

/// A validated program file.
#[derive(Debug, Clone)]
pub struct Program {
    /// The id plans use: `program: it-band-starter`.
    pub id: String,
    /// "IT band starter", in the program's own language.
    pub title: String,
    /// For the therapist: when to use it, in the program's own language.
    pub description: Option<String>,
    /// The language of `title` and `description`, and of plain (non-map) values in the file.
    pub language: String,
    /// The title in every language the file gives.
    pub titles: Localized<String>,
    /// The description in every language the file gives.
    pub descriptions: Option<Localized<String>>,
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
        let language = file.language.clone().unwrap_or_else(|| "en".to_string());
        let title_position = Position::from_yaml(file.title.referenced);
        let titles = file.title.value.map(|text| text.trim().to_string());
        let Some(title) = titles.get(&language, &language).cloned() else {
            return Err(error(
                format!("the title has no `{language}` text, the program's language"),
                title_position,
            )
            .with_hint(format!(
                "add `{language}:` under `title:`, or set `language:` to the language of the file"
            )));
        };
        if titles.languages(&language).iter().any(|code| {
            titles
                .get(code, &language)
                .is_none_or(|text| text.is_empty())
        }) {
            return Err(
                error("the program has an empty title".into(), title_position).with_hint(
                    "give it a name the therapist recognises, e.g. `title: IT band starter`",
                ),
            );
        }
        let descriptions = file
            .description
            .map(|text| text.map(|text| text.trim().to_string()));
        let description = descriptions
            .as_ref()
            .and_then(|text| text.get(&language, &language).cloned())
            .filter(|text| !text.is_empty());
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
            title,
            description,
            language,
            titles,
            descriptions,
            follow_up: file.follow_up,
            exercises,
            source: Arc::new(source),
        })
    }

    /// The title in `language`, if the file gives one.
    pub fn title_in(&self, language: &str) -> Option<&str> {
        self.titles
            .get(language, &self.language)
            .map(String::as_str)
    }

    /// The description in `language`, if the file gives one.
    pub fn description_in(&self, language: &str) -> Option<&str> {
        self.descriptions
            .as_ref()
            .and_then(|text| text.get(language, &self.language))
            .map(String::as_str)
            .filter(|text| !text.is_empty())
    }

    /// An error pointing into the program file.
    pub fn error_at(&self, message: impl Into<String>, position: Option<Position>) -> Diagnostic {
        Diagnostic::error(message)
            .in_file(&self.source.path)
            .at(&self.source.text, position)
    }
}
