//! JSON Schemas (draft 2020-12) of hep's four file formats, for editors: completion of keys
//! and exercise ids, and a red underline under `repz:` before `hep check` runs.
//!
//! The schemas cannot drift from the loader: every object's keys are read from the loader's
//! own serde structs (`PlanFile`, `ExerciseFile`...), and every enum's values from its serde
//! enum, at run time. Each key's type, pattern and description is written here, and a test
//! fails when a loader key has none. The loader stays the authority: a schema never accepts
//! less than hep does, and exercise ids are offered, not required, so a clinic's own ids still
//! pass (an unknown id is the loader's error, with a "did you mean").

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::{Map, Value, json};

use crate::load::appointments::DAY_NAMES;
use crate::load::clinic::{BrandColors, ClinicFile};
use crate::load::dosage::{Dosage, Side};
use crate::load::exercise::{Category, ExerciseFile, IllustrationEntry, Laterality, Region};
use crate::load::follow_up::FollowUpMap;
use crate::load::frequency::FrequencyMap;
use crate::load::plan::{PlanFile, PlannedExerciseMap};
use crate::load::program::ProgramFile;
use crate::load::scalar::MAX_COUNT;
use crate::model::paper::PaperSize;
use crate::resolve::words::LANGUAGES;

/// The file formats that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A client's plan.
    Plan,
    /// An exercise of the library.
    Exercise,
    /// The clinic file.
    Clinic,
    /// A program (a reusable exercise list).
    Program,
}

impl Format {
    /// Every format, in the order `hep init` writes them.
    pub const ALL: [Format; 4] = [
        Format::Plan,
        Format::Exercise,
        Format::Clinic,
        Format::Program,
    ];

    /// `plan`, `exercise`...: the name in `hep schema NAME` and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Format::Plan => "plan",
            Format::Exercise => "exercise",
            Format::Clinic => "clinic",
            Format::Program => "program",
        }
    }

    /// `plan.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }
}

/// The ids editors offer as completions.
#[derive(Debug, Clone, Default)]
pub struct Completions {
    /// Exercise ids, bundled and the clinic's.
    pub exercises: Vec<String>,
    /// Program ids.
    pub programs: Vec<String>,
}

/// The schema of `format`, as pretty JSON text ending with a line break.
pub fn schema_text(format: Format, completions: &Completions) -> String {
    let schema = schema(format, completions);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of `format`.
pub fn schema(format: Format, completions: &Completions) -> Value {
    let (title, body) = match format {
        Format::Plan => ("hep plan", plan(completions)),
        Format::Exercise => ("hep exercise", exercise()),
        Format::Clinic => ("hep clinic file", clinic()),
        Format::Program => ("hep program", program(completions)),
    };
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://hep.invalid/schemas/{}", format.file_name()),
        "title": title,
    });
    if let (Value::Object(schema), Value::Object(body)) = (&mut schema, body) {
        schema.extend(body);
    }
    schema
}

/// An object whose keys are exactly the serde struct `T`'s, each described by `property`.
fn object<'de, T: Deserialize<'de>>(
    description: &str,
    property: fn(&str) -> Option<Value>,
    required: &[&str],
) -> Value {
    let mut properties = Map::new();
    for key in serde_keys::<T>() {
        // A key without a schema here still appears (accepting anything) rather than being
        // refused; the `every_loader_key_has_a_schema` test keeps this from happening.
        properties.insert(key.to_string(), property(key).unwrap_or(json!({})));
    }
    json!({
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn plan(completions: &Completions) -> Value {
    let mut schema = object::<PlanFile>(
        "A client's plan: who, when, which exercises and how much, and when to come back.",
        plan_key,
        &["client"],
    );
    let entry = planned_exercise(&completions.exercises);
    if let Some(properties) = schema["properties"].as_object_mut() {
        properties.insert(
            "exercises".into(),
            json!({
                "description": "The exercises, in order: an id, or a map with `id:` and dosage overrides.",
                "type": "array",
                "items": entry,
                "maxItems": crate::load::plan::MAX_EXERCISES,
            }),
        );
        properties.insert(
            "replace".into(),
            json!({
                "description": "Program exercises changed field by field.",
                "type": "array",
                "items": entry,
            }),
        );
        properties.insert(
            "remove".into(),
            json!({
                "description": "Program exercises left out, by id.",
                "type": "array",
                "items": id_with_completions(&completions.exercises, "An exercise id."),
            }),
        );
        properties.insert(
            "program".into(),
            id_with_completions(
                &completions.programs,
                "Start from a program (see `hep list --programs`); `exercises:` are added after its own.",
            ),
        );
    }
    schema
}

fn plan_key(key: &str) -> Option<Value> {
    Some(match key {
        "client" => text("The client's name as it is printed."),
        "therapist" => text("The therapist, e.g. `Alex Martin, RMT`."),
        "date" => date("The session date (YYYY-MM-DD); leave out for today."),
        "clinic" => text(
            "The clinic file, relative to the plan; `none` for the neutral brand. Default: the clinic folder's clinic.yaml.",
        ),
        "notes" => text("A message to the client; blank lines separate paragraphs."),
        "follow_up" => follow_up(),
        "large_print" => flag("Large print for this client, overriding the clinic's default."),
        "log" => flag("A tracking log after the exercises, overriding the clinic's default."),
        "summary" => flag(
            "The table of exercises on page 1: `true` always, `false` never; leave out to print it where it costs no paper. Overrides the clinic's default.",
        ),
        "language" => {
            let code = language_code();
            json!({
                "description": "The handout's language, or two for a bilingual handout (`[fr, en]`).",
                "anyOf": [code, {"type": "array", "items": code, "minItems": 1, "maxItems": 2}],
            })
        }
        // Filled in with the completions by `plan`.
        "exercises" | "replace" | "remove" | "program" => json!({}),
        _ => return None,
    })
}

/// One entry of a plan's exercise list.
fn planned_exercise(ids: &[String]) -> Value {
    let id = id_with_completions(ids, "An exercise id (`hep list`).");
    let mut map = object::<PlannedExerciseMap>(
        "An exercise with the plan's own dosage.",
        planned_exercise_key,
        &["id"],
    );
    map["properties"]["id"] = id.clone();
    json!({"anyOf": [id, map]})
}

fn planned_exercise_key(key: &str) -> Option<Value> {
    match key {
        "id" => Some(text("An exercise id (`hep list`).")),
        "side" => Some(enumeration::<Side>("Which side, for one-sided exercises.")),
        "frequency" => Some(frequency()),
        "note" => Some(text("A note for this exercise, printed on its card.")),
        _ => dosage_key(key),
    }
}

fn exercise() -> Value {
    object::<ExerciseFile>(
        "An exercise of the library. Its id is the file name unless `id:` says otherwise.",
        exercise_key,
        &["name", "region", "category", "steps"],
    )
}

fn exercise_key(key: &str) -> Option<Value> {
    Some(match key {
        "id" => json!({
            "description": "The id plans use; default: the file name without `.yaml`.",
            "type": "string",
            "pattern": "^ *[a-z0-9-]+ *$",
        }),
        "language" => {
            let mut code = language_code();
            code["description"] = json!("The language of plain texts; default `en`.");
            code
        }
        "name" => localized(text("The exercise's name."), "The exercise's name."),
        "region" => enumeration::<Region>("The body region, for `hep list` and the catalog."),
        "category" => enumeration::<Category>("What kind of exercise it is."),
        "laterality" => enumeration::<Laterality>(
            "Both sides at once (default), one side at a time, or alternating.",
        ),
        "equipment" => localized(
            json!({"type": "array", "items": {"type": "string"}}),
            "What the client needs, e.g. `A resistance band`.",
        ),
        "tags" => strings("Words for `hep list --tag`."),
        "illustrations" => json!({
            "description": "Pictures, in order: a file name beside the exercise, or a map with `file:`.",
            "type": "array",
            "items": {"anyOf": [
                text("A picture file (SVG, PNG or JPEG), relative to the exercise file."),
                object::<IllustrationEntry>("A picture with a caption.", illustration_key, &["file"]),
            ]},
        }),
        "steps" => localized(
            json!({"type": "array", "items": {"type": "string"}, "minItems": 1}),
            "Numbered steps, short and plain.",
        ),
        "cues" => localized(
            json!({"type": "array", "items": {"type": "string"}}),
            "Tips.",
        ),
        "precautions" => localized(
            json!({"type": "array", "items": {"type": "string"}}),
            "Safety notes.",
        ),
        "progression" => localized(text("How to make it harder."), "How to make it harder."),
        "video" => web_link("A video of the exercise, printed as a QR code."),
        "dosage" => object::<Dosage>("How much, unless the plan says otherwise.", dosage_key, &[]),
        "frequency" => frequency(),
        _ => return None,
    })
}

fn illustration_key(key: &str) -> Option<Value> {
    Some(match key {
        "file" => text("The picture file (SVG, PNG or JPEG), relative to the exercise file."),
        "caption" => localized(
            text("A word or two: `Start`, `Hold`."),
            "A word or two: `Start`, `Hold`.",
        ),
        "alt" => localized(
            text("What the picture shows, for screen readers."),
            "What the picture shows, for screen readers.",
        ),
        "credit" => text("Who made the picture, printed small."),
        _ => return None,
    })
}

fn dosage_key(key: &str) -> Option<Value> {
    Some(match key {
        "sets" => count("Number of sets."),
        "reps" => count("Repetitions in each set."),
        "hold" => duration("How long each repetition is held: `30 s`, `1 min`."),
        "rest" => duration("Rest between sets: `30 s`."),
        "duration" => duration("How long the whole exercise lasts: `2 min`."),
        _ => return None,
    })
}

fn program(completions: &Completions) -> Value {
    let mut schema = object::<ProgramFile>(
        "A program: a reusable exercise list that plans start from with `program:`.",
        program_key,
        &["title", "exercises"],
    );
    schema["properties"]["exercises"] = json!({
        "description": "The exercises, in order: an id, or a map with `id:` and dosage.",
        "type": "array",
        "items": planned_exercise(&completions.exercises),
        "minItems": 1,
    });
    schema
}

fn program_key(key: &str) -> Option<Value> {
    Some(match key {
        "id" => text("The id plans use; default: the file name without `.yaml`."),
        "language" => {
            let mut code = language_code();
            code["description"] = json!("The language of plain texts; default `en`.");
            code
        }
        "title" => localized(text("The program's title."), "The program's title."),
        "description" => localized(text("What the program is for."), "What the program is for."),
        "follow_up" => follow_up(),
        "exercises" => json!({}),
        _ => return None,
    })
}

fn clinic() -> Value {
    object::<ClinicFile>(
        "The clinic's branding and booking rules, printed on every handout.",
        clinic_key,
        &["name"],
    )
}

fn clinic_key(key: &str) -> Option<Value> {
    Some(match key {
        "name" => text("The clinic's name as it is printed."),
        "logo" => text("The logo (SVG, PNG or JPEG), relative to the clinic file."),
        "address" => localized(
            json!({"type": "string"}),
            "Street address, one line; one text, or one per language.",
        ),
        "phone" => text("Phone number, printed and used in \"To change it, call ...\"."),
        "email" => text("Email address."),
        "website" => text("Web site."),
        "booking_url" => web_link("Online booking, printed as a QR code in the follow-up box."),
        "colors" => object::<BrandColors>("Brand colours.", colour_key, &[]),
        "page" => enumeration::<PaperSize>("Paper size."),
        "footer" => localized(
            json!({"type": "string"}),
            "A line printed on every page; one text, or one per language.",
        ),
        "large_print" => flag("Large print for every plan that does not say otherwise."),
        "log" => flag("A tracking log for every plan that does not say otherwise."),
        "summary" => flag(
            "The table of exercises on page 1 for every plan that does not say otherwise: `true` always, `false` never; leave out to print it where it costs no paper.",
        ),
        "archive" => flag("Archival PDF/A-3b handouts with their files attached."),
        "timezone" => json!({
            "description": "The clinic's IANA time zone, for timed calendar events, e.g. `America/Toronto`.",
            "type": "string",
            "pattern": "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$",
            "examples": ["America/Toronto", "America/Vancouver", "America/Halifax", "America/Winnipeg", "America/Edmonton", "America/St_Johns"],
        }),
        "appointment_minutes" => json!({
            "description": "How long an appointment lasts, for the calendar file; default 60.",
            "type": "integer",
            "minimum": 5,
            "maximum": crate::load::appointments::MAX_APPOINTMENT_MINUTES,
        }),
        "closed_days" => json!({
            "description": "Days the clinic is closed: day names, or dates. A computed follow-up moves to the next open day.",
            "type": "array",
            "items": {"anyOf": [
                {"type": "string", "enum": DAY_NAMES},
                {"type": "string", "pattern": case_insensitive(&format!("^ *({}) *$", DAY_NAMES.join("|")))},
                date("A date the clinic is closed."),
            ]},
        }),
        "follow_up_note" => localized(
            text("The clinic's sentence under the follow-up date."),
            "Replaces \"If your pain is gone before then, feel free to cancel.\"; a plan's own follow-up note still wins.",
        ),
        _ => return None,
    })
}

fn colour_key(key: &str) -> Option<Value> {
    let description = match key {
        "primary" => "Headings, rules and exercise numbers: `#RRGGBB`.",
        "accent" => "The follow-up box and highlights: `#RRGGBB`.",
        _ => return None,
    };
    Some(json!({
        "description": description,
        "type": "string",
        "pattern": "^ *#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}) *$",
    }))
}

/// The follow-up: a span, a date, or a map.
fn follow_up() -> Value {
    let when = json!({
        "type": "string",
        "pattern": follow_up_pattern(),
        "examples": ["2 weeks", "10 days", "1 month", "2026-12-10"],
    });
    let map = object::<FollowUpMap>(
        "A follow-up with a time or a note.",
        |key| {
            Some(match key {
                "in" => {
                    json!({"description": "A span after the session: `2 weeks`.", "type": "string", "pattern": follow_up_pattern()})
                }
                "date" => date("The follow-up date (YYYY-MM-DD)."),
                "time" => json!({
                    "description": "The appointment's time: `14:30` or `2:30 PM`.",
                    "type": "string",
                    "pattern": "^ *([01]?[0-9]|2[0-3]):[0-5][0-9] *$|^ *(1[0-2]|0?[1-9])(:[0-5][0-9])? *([aApP][mM]) *$",
                }),
                "note" => text("Replaces the sentence under the date."),
                _ => return None,
            })
        },
        &[],
    );
    let mut map = map;
    map["oneOf"] = json!([{"required": ["in"]}, {"required": ["date"]}]);
    json!({
        "description": "When the client should come back: `2 weeks`, a date, or `{date: 2027-03-04, time: \"14:30\"}`.",
        "anyOf": [when, map],
    })
}

/// `2 weeks`, `in 10 days`, `a month`, or a date.
fn follow_up_pattern() -> String {
    let number = "([0-9]+|a|an|one|two|three|four|six)";
    let unit = "(days?|weeks?|wks?|months?)";
    case_insensitive(&format!(
        "^ *((in +)?{number} +{unit}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}) *$"
    ))
}

/// How often: the written forms, or `{per_day: 2, days_per_week: 5}`.
fn frequency() -> Value {
    let number = "([0-9]+|one|once|two|twice|three|four|five|six|seven)";
    let part = format!(
        "(daily|every day|once a day|once daily|1x/day|1x a day|twice daily|twice a day|2x daily|every other day|every second day|alternate days|weekly|once a week|twice a week|twice weekly|{number}x? *(times?|days?)? *(/|a |per |each |every )? *(day|daily|d|week|weekly|wk|w))"
    );
    let pattern = case_insensitive(&format!(
        "^ *(as needed|as necessary|prn|when needed|{part}( *(,| and | on ) *{part})*) *$"
    ));
    let map = object::<FrequencyMap>(
        "A schedule in numbers.",
        |key| {
            Some(match key {
                "per_day" => {
                    json!({"description": "Sessions on each exercise day; default 1.", "type": "integer", "minimum": 1, "maximum": 12})
                }
                "days_per_week" => {
                    json!({"description": "Exercise days a week; default 7.", "type": "integer", "minimum": 1, "maximum": 7})
                }
                _ => return None,
            })
        },
        &[],
    );
    json!({
        "description": "How often: `daily`, `twice daily`, `3x/week`, `every other day`, `as needed`.",
        "anyOf": [
            {
                "type": "string",
                "pattern": pattern,
                "examples": ["daily", "twice daily", "3 times a day", "3x/week", "3 days a week", "every other day", "as needed"],
            },
            map,
        ],
    })
}

/// A whole number from 1 to 100, as a number or in quotes.
fn count(description: &str) -> Value {
    json!({
        "description": description,
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": MAX_COUNT},
            {"type": "string", "pattern": "^ *([1-9][0-9]?|100) *$"},
        ],
    })
}

/// A duration: seconds as a number, or `30 s`, `2 min`, `1 min 30 s`.
fn duration(description: &str) -> Value {
    let unit = "(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hour|hours)";
    let pattern = case_insensitive(&format!(
        "^ *([0-9]+(\\.[0-9]+)? *[ ,]*|([0-9]+(\\.[0-9]+)? *{unit}[ ,]*)+) *$"
    ));
    json!({
        "description": description,
        "anyOf": [
            {"type": "number", "minimum": 0.5, "maximum": 14400},
            {"type": "string", "pattern": pattern, "examples": ["30 s", "45 sec", "1 min", "1 min 30 s"]},
        ],
    })
}

fn date(description: &str) -> Value {
    json!({
        "description": description,
        "type": "string",
        "pattern": "^ *(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) *$",
    })
}

fn text(description: &str) -> Value {
    json!({"description": description, "type": "string"})
}

fn flag(description: &str) -> Value {
    json!({"description": description, "type": "boolean"})
}

fn strings(description: &str) -> Value {
    json!({"description": description, "type": "array", "items": {"type": "string"}})
}

fn web_link(description: &str) -> Value {
    json!({"description": description, "type": "string", "pattern": "^ *https?://[^ ]+ *$"})
}

fn language_code() -> Value {
    let codes: Vec<&str> = LANGUAGES.iter().map(|words| words.code).collect();
    json!({"description": "A language code.", "type": "string", "enum": codes})
}

/// A value in the file's language, or a map by language code (`{en: ..., fr: ...}`).
fn localized(value: Value, description: &str) -> Value {
    json!({
        "description": description,
        "anyOf": [
            value,
            {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z]{2,3}$"},
                "additionalProperties": value,
                "minProperties": 1,
            },
        ],
    })
}

/// A string offering `ids` as completions while accepting any other (the loader decides).
fn id_with_completions(ids: &[String], description: &str) -> Value {
    json!({
        "description": description,
        "anyOf": [
            {"type": "string", "enum": ids},
            {"type": "string", "pattern": "^ *[A-Za-z0-9][A-Za-z0-9_-]* *$"},
        ],
    })
}

/// A string enum whose values are the serde enum `T`'s.
fn enumeration<'de, T: Deserialize<'de>>(description: &str) -> Value {
    json!({"description": description, "type": "string", "enum": serde_variants::<T>()})
}

/// Makes a pattern case-insensitive the way JSON Schema allows (it has no flags): every ASCII
/// letter becomes a class of both cases. Patterns here use no escapes that are letters.
fn case_insensitive(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 3);
    let mut in_class = false;
    for c in pattern.chars() {
        match c {
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
        if c.is_ascii_alphabetic() && !in_class {
            out.push('[');
            out.push(c.to_ascii_lowercase());
            out.push(c.to_ascii_uppercase());
            out.push(']');
        } else {
            out.push(c);
        }
    }
    out
}

/// The keys of a serde struct, as its derived `Deserialize` declares them.
pub(crate) fn serde_keys<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    probe::<T>().0
}

/// The values of a serde enum of unit variants, as its derived `Deserialize` declares them.
pub(crate) fn serde_variants<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    probe::<T>().1
}

/// Asks a type's `Deserialize` for its struct fields or enum variants: serde hands them to the
/// deserializer, which here records them and stops.
fn probe<'de, T: Deserialize<'de>>() -> (&'static [&'static str], &'static [&'static str]) {
    let mut found = Probe::default();
    let _ = T::deserialize(&mut found);
    (found.fields, found.variants)
}

#[derive(Default)]
struct Probe {
    fields: &'static [&'static str],
    variants: &'static [&'static str],
}

impl<'de> Deserializer<'de> for &mut Probe {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("probed"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.fields = fields;
        Err(de::Error::custom("probed"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.variants = variants;
        Err(de::Error::custom("probed"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_come_from_the_loader() {
        assert!(serde_keys::<PlanFile>().contains(&"follow_up"));
        assert!(serde_keys::<Dosage>().contains(&"reps"));
        assert!(serde_keys::<FollowUpMap>().contains(&"in"));
        assert!(serde_variants::<Region>().contains(&"lower-back"));
        assert_eq!(serde_variants::<PaperSize>(), ["letter", "a4"]);
    }

    #[test]
    fn every_loader_key_has_a_schema() {
        type KeySchema = fn(&str) -> Option<Value>;
        let tables: [(&str, &[&str], KeySchema); 8] = [
            ("plan", serde_keys::<PlanFile>(), plan_key),
            (
                "plan exercise",
                serde_keys::<PlannedExerciseMap>(),
                planned_exercise_key,
            ),
            ("exercise", serde_keys::<ExerciseFile>(), exercise_key),
            (
                "illustration",
                serde_keys::<IllustrationEntry>(),
                illustration_key,
            ),
            ("dosage", serde_keys::<Dosage>(), dosage_key),
            ("program", serde_keys::<ProgramFile>(), program_key),
            ("clinic", serde_keys::<ClinicFile>(), clinic_key),
            ("colors", serde_keys::<BrandColors>(), colour_key),
        ];
        for (what, keys, property) in tables {
            assert!(!keys.is_empty(), "{what}: no keys probed");
            for key in keys {
                assert!(property(key).is_some(), "{what} key `{key}` has no schema");
            }
        }
        // The follow-up and frequency maps describe their keys inline.
        let follow_up = follow_up();
        for key in serde_keys::<FollowUpMap>() {
            assert_ne!(follow_up["anyOf"][1]["properties"][key], json!({}), "{key}");
        }
        let frequency = frequency();
        for key in serde_keys::<FrequencyMap>() {
            assert_ne!(frequency["anyOf"][1]["properties"][key], json!({}), "{key}");
        }
    }

    #[test]
    fn patterns_are_case_insensitive_outside_classes() {
        assert_eq!(case_insensitive("a[a-z]b"), "[aA][a-z][bB]");
    }
}
