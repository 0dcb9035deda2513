//! A client's plan: who, when, which exercises and how much, and when to come back.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::dosage::{Dosage, Side};
use crate::load::follow_up::FollowUp;
use crate::load::frequency::Frequency;
use crate::load::scalar::{CalendarDate, Count, Seconds};
use crate::load::source::SourceFile;
use crate::load::yaml;

/// One prescribed exercise as the plan writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedExercise {
    /// The library id.
    pub id: String,
    /// Where the id is written, for "unknown exercise" errors.
    pub position: Option<Position>,
    /// Dosage fields that override the library's.
    pub dosage: Dosage,
    /// Which side, for one-sided exercises.
    pub side: Option<Side>,
    /// Overrides the library's frequency.
    pub frequency: Option<Frequency>,
    /// A note from the therapist for this exercise.
    pub note: Option<String>,
}

/// An exercise entry in map form; its keys are also the schema's.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlannedExerciseMap {
    id: Spanned<String>,
    sets: Option<Count>,
    reps: Option<Count>,
    hold: Option<Seconds>,
    rest: Option<Seconds>,
    duration: Option<Seconds>,
    side: Option<Side>,
    frequency: Option<Frequency>,
    note: Option<String>,
}

/// One entry of an exercise list: an id, or a map with `id:` and overrides.
pub(crate) struct PlannedExerciseItem(pub(crate) PlannedExercise);

impl<'de> Deserialize<'de> for PlannedExerciseItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = PlannedExerciseItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an exercise id, or a map with `id:` and dosage fields")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(PlannedExerciseItem(PlannedExercise {
                    id: value.trim().to_string(),
                    position: None,
                    dosage: Dosage::default(),
                    side: None,
                    frequency: None,
                    note: None,
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let entry =
                    PlannedExerciseMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(PlannedExerciseItem(PlannedExercise {
                    id: entry.id.value.trim().to_string(),
                    position: Position::from_yaml(entry.id.referenced),
                    dosage: Dosage {
                        sets: entry.sets,
                        reps: entry.reps,
                        hold: entry.hold,
                        rest: entry.rest,
                        duration: entry.duration,
                    },
                    side: entry.side,
                    frequency: entry.frequency,
                    note: entry
                        .note
                        .map(|note| note.trim().to_string())
                        .filter(|note| !note.is_empty()),
                }))
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

/// A plan file as written; its keys are also the schema's (`crate::schema`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanFile {
    client: Spanned<String>,
    therapist: Option<String>,
    date: Option<Spanned<CalendarDate>>,
    clinic: Option<Spanned<String>>,
    notes: Option<String>,
    follow_up: Option<Spanned<FollowUp>>,
    program: Option<Spanned<String>>,
    large_print: Option<bool>,
    log: Option<bool>,
    summary: Option<bool>,
    language: Option<Spanned<LanguageList>>,
    #[serde(default)]
    exercises: Option<Spanned<Vec<Spanned<PlannedExerciseItem>>>>,
    #[serde(default)]
    replace: Vec<Spanned<PlannedExerciseItem>>,
    #[serde(default)]
    remove: Vec<Spanned<String>>,
}

/// An entry with its position: the id's own, or the entry's for the short form.
pub(crate) fn planned_exercise(item: Spanned<PlannedExerciseItem>) -> PlannedExercise {
    let mut exercise = item.value.0;
    exercise.position = exercise.position.or(Position::from_yaml(item.referenced));
    exercise
}

/// `language: fr` or `language: [fr, en]`.
#[derive(Debug, Clone)]
struct LanguageList(Vec<String>);

impl<'de> Deserialize<'de> for LanguageList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = LanguageList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a language code such as `fr`, or a list such as `[fr, en]`")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(LanguageList(vec![value.to_string()]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                let codes = Vec::<String>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                if codes.is_empty() || codes.len() > 2 {
                    return Err(crate::load::refusal::refuse(
                        "a handout has one or two languages",
                        "write `language: fr`, or `language: [fr, en]` for a bilingual handout",
                    ));
                }
                Ok(LanguageList(codes))
            }
        }
        deserializer.deserialize_any(ListVisitor)
    }
}

/// The most exercises one handout holds; the clarity lint warns well before this.
pub const MAX_EXERCISES: usize = 40;
/// The longest note a plan may carry, in characters: about four pages of large type. A note is
/// read by a client at home; a longer text belongs in a letter.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// Control characters other than line breaks and tabs: invisible, and never meant.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t' | '\r')
}

/// A validated plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The client's name as it is printed.
    pub client: String,
    /// The therapist, e.g. "Alex Martin, RMT".
    pub therapist: Option<String>,
    /// The session date, when the plan gives one.
    pub date: Option<CalendarDate>,
    /// The clinic file named by the plan, relative to the plan, with its position.
    pub clinic: Option<(String, Option<Position>)>,
    /// A message to the client.
    pub notes: Option<String>,
    /// When to come back, and where the plan says so.
    pub follow_up: Option<(FollowUp, Option<Position>)>,
    /// Large print for this client, overriding the clinic's default.
    pub large_print: Option<bool>,
    /// A tracking log after the exercises, overriding the clinic's default.
    pub log: Option<bool>,
    /// The table of exercises on page 1: always, never, or (unset) where it costs no paper,
    /// overriding the clinic's default.
    pub summary: Option<bool>,
    /// The handout's language codes (`en`, `fr`; two for a bilingual handout), and where
    /// the plan says so.
    pub language: Option<(Vec<String>, Option<Position>)>,
    /// The program the plan starts from, and where it is named.
    pub program: Option<(String, Option<Position>)>,
    /// The prescribed exercises, in order (added after the program's).
    pub exercises: Vec<PlannedExercise>,
    /// Program exercises changed field by field.
    pub replace: Vec<PlannedExercise>,
    /// Program exercises dropped, by id, with their positions.
    pub remove: Vec<(String, Option<Position>)>,
    /// The plan file, for errors.
    pub source: SourceFile,
}

impl Plan {
    /// Parses and validates a plan file.
    pub fn load(source: SourceFile) -> Result<Plan, Diagnostic> {
        let file: PlanFile = yaml::parse(&source)?;
        let error = |message: &str, position: Option<Position>| {
            Diagnostic::error(message)
                .in_file(&source.path)
                .at(&source.text, position)
        };
        let client = file.client.value.trim().to_string();
        if client.is_empty() {
            return Err(error(
                "the client's name is empty",
                Position::from_yaml(file.client.referenced),
            )
            .with_hint("write the name as it should be printed, e.g. `client: Jane Doe`"));
        }
        let exercises_position = file
            .exercises
            .as_ref()
            .and_then(|list| Position::from_yaml(list.referenced));
        let listed = file.exercises.map(|list| list.value).unwrap_or_default();
        if listed.is_empty() && file.program.is_none() {
            return Err(error("the plan lists no exercises", exercises_position).with_hint(
                "add at least one exercise id under `exercises:`, e.g. `- clamshell`, or start from a `program:`",
            ));
        }
        if listed.len() > MAX_EXERCISES {
            return Err(error(
                &format!(
                    "the plan lists {} exercises; a handout holds at most {MAX_EXERCISES}",
                    listed.len()
                ),
                exercises_position,
            )
            .with_hint("split it into several plans; fewer exercises are done more often"));
        }
        for (what, text, position) in [
            (
                "the client's name contains",
                Some(file.client.value.as_str()),
                Position::from_yaml(file.client.referenced),
            ),
            (
                "the therapist's name contains",
                file.therapist.as_deref(),
                None,
            ),
            ("the notes contain", file.notes.as_deref(), None),
        ] {
            if let Some(bad) = text.and_then(|text| text.chars().find(|c| is_forbidden_control(*c)))
            {
                return Err(error(
                    &format!("{what} the control character U+{:04X}", u32::from(bad)),
                    position,
                )
                .with_hint("retype the text; it may have been pasted from another program"));
            }
        }
        if let Some(notes) = &file.notes {
            let length = notes.chars().count();
            if length > MAX_NOTE_CHARS {
                return Err(error(
                    &format!(
                        "the notes are {length} characters long; a plan's notes may have at \
                         most {MAX_NOTE_CHARS}"
                    ),
                    None,
                )
                .with_hint("shorten the notes to what the client needs to read at home"));
            }
        }
        let exercises = listed.into_iter().map(planned_exercise).collect();
        Ok(Plan {
            client,
            therapist: file
                .therapist
                .map(|name| name.trim().to_string())
                .filter(|name| !name.is_empty()),
            date: file.date.map(|date| date.value),
            clinic: file
                .clinic
                .map(|clinic| (clinic.value, Position::from_yaml(clinic.referenced))),
            notes: file
                .notes
                // A tab has no glyph: it would vanish between two words.
                .map(|notes| notes.replace('\t', " ").trim().to_string())
                .filter(|notes| !notes.is_empty()),
            follow_up: file
                .follow_up
                .map(|follow_up| (follow_up.value, Position::from_yaml(follow_up.referenced))),
            large_print: file.large_print,
            log: file.log,
            summary: file.summary,
            language: file.language.map(|codes| {
                let list = codes
                    .value
                    .0
                    .iter()
                    .map(|code| code.trim().to_lowercase())
                    .collect();
                (list, Position::from_yaml(codes.referenced))
            }),
            program: file.program.map(|program| {
                (
                    program.value.trim().to_string(),
                    Position::from_yaml(program.referenced),
                )
            }),
            exercises,
            replace: file.replace.into_iter().map(planned_exercise).collect(),
            remove: file
                .remove
                .into_iter()
                .map(|id| {
                    (
                        id.value.trim().to_string(),
                        Position::from_yaml(id.referenced),
                    )
                })
                .collect(),
            source,
        })
    }

    /// An error pointing at a position in this plan.
    pub fn error_at(&self, message: impl Into<String>, position: Option<Position>) -> Diagnostic {
        Diagnostic::error(message)
            .in_file(&self.source.path)
            .at(&self.source.text, position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::source::Origin;

    fn load(text: &str) -> Result<Plan, Diagnostic> {
        Plan::load(SourceFile {
            path: "plans/jane.yaml".into(),
            text: text.to_string(),
            origin: Origin::Disk,
        })
    }

    #[test]
    fn short_and_long_exercise_entries() {
        let plan = load(
            "client: Jane Doe\ndate: 2026-11-26\nfollow_up: 2 weeks\nexercises:\n  - clamshell\n  - id: glute-bridge\n    sets: 3\n    side: left\n    frequency: 3x/week\n",
        )
        .unwrap();
        assert_eq!(plan.exercises.len(), 2);
        assert_eq!(plan.exercises[0].id, "clamshell");
        assert_eq!(plan.exercises[0].position.map(|p| p.line), Some(5));
        assert_eq!(plan.exercises[1].id, "glute-bridge");
        assert_eq!(
            plan.exercises[1].position.map(|p| (p.line, p.column)),
            Some((6, 9))
        );
        assert_eq!(plan.exercises[1].dosage.sets, Some(Count(3)));
        assert_eq!(plan.exercises[1].side, Some(Side::Left));
    }

    #[test]
    fn an_empty_exercise_list_is_an_error() {
        let error = load("client: Jane\nexercises: []\n").unwrap_err();
        assert_eq!(error.message, "the plan lists no exercises");
        assert_eq!(error.position.map(|p| p.line), Some(2));
    }

    #[test]
    fn a_bad_date_is_reported_at_its_line() {
        let error = load("client: Jane\ndate: 2026-02-30\nexercises: [clamshell]\n").unwrap_err();
        assert!(error.message.contains("2026-02-30"), "{error}");
        assert_eq!(error.position.map(|p| p.line), Some(2));
        assert!(error.hint.unwrap().contains("YYYY-MM-DD"));
    }

    #[test]
    fn a_bad_frequency_lists_the_accepted_forms() {
        let error = load("client: Jane\nexercises:\n  - id: clamshell\n    frequency: often\n")
            .unwrap_err();
        assert!(error.message.contains("often"), "{error}");
        assert_eq!(error.position.map(|p| p.line), Some(4));
        assert!(error.hint.unwrap().contains("every other day"));
    }

    #[test]
    fn unknown_exercise_field_suggests_the_right_one() {
        let error = load("client: Jane\nexercises:\n  - id: clamshell\n    rep: 10\n").unwrap_err();
        assert_eq!(error.message, "unknown field `rep`");
        assert!(error.hint.unwrap().starts_with("did you mean `reps`?"));
    }
}
