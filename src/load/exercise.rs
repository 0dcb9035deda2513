//! One exercise of a library: its name, pictures, steps and default dosage.

use std::fmt;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::dosage::Dosage;
use crate::load::frequency::Frequency;
use crate::load::localized::Localized;
use crate::load::source::SourceFile;
use crate::load::yaml;

/// The body region an exercise is filed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Region {
    Neck,
    Shoulder,
    Chest,
    UpperBack,
    LowerBack,
    Core,
    Hip,
    Knee,
    AnkleFoot,
    ElbowWristHand,
    FullBody,
}

impl Region {
    /// Every region, in the order a catalog lists them (head to toe).
    pub const ALL: [Region; 11] = [
        Region::Neck,
        Region::Shoulder,
        Region::Chest,
        Region::UpperBack,
        Region::LowerBack,
        Region::Core,
        Region::Hip,
        Region::Knee,
        Region::AnkleFoot,
        Region::ElbowWristHand,
        Region::FullBody,
    ];

    /// The heading a catalog prints for the region.
    pub fn title(self) -> &'static str {
        match self {
            Region::Neck => "Neck",
            Region::Shoulder => "Shoulder",
            Region::UpperBack => "Upper back",
            Region::LowerBack => "Lower back",
            Region::Chest => "Chest",
            Region::Core => "Core",
            Region::Hip => "Hip",
            Region::Knee => "Knee and thigh",
            Region::AnkleFoot => "Ankle and foot",
            Region::ElbowWristHand => "Elbow, wrist and hand",
            Region::FullBody => "Full body",
        }
    }

    /// The name used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Region::Neck => "neck",
            Region::Shoulder => "shoulder",
            Region::UpperBack => "upper-back",
            Region::LowerBack => "lower-back",
            Region::Chest => "chest",
            Region::Core => "core",
            Region::Hip => "hip",
            Region::Knee => "knee",
            Region::AnkleFoot => "ankle-foot",
            Region::ElbowWristHand => "elbow-wrist-hand",
            Region::FullBody => "full-body",
        }
    }
}

/// What kind of exercise it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Category {
    Stretch,
    Mobility,
    Strength,
    Balance,
    Breathing,
    Cardio,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 6] = [
        Category::Stretch,
        Category::Mobility,
        Category::Strength,
        Category::Balance,
        Category::Breathing,
        Category::Cardio,
    ];

    /// The name used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Category::Stretch => "stretch",
            Category::Mobility => "mobility",
            Category::Strength => "strength",
            Category::Balance => "balance",
            Category::Breathing => "breathing",
            Category::Cardio => "cardio",
        }
    }
}

/// Whether an exercise works both sides at once, one side at a time, or alternates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Laterality {
    /// Both sides together (a bridge).
    #[default]
    Bilateral,
    /// One side at a time; without a `side`, the plan means each side.
    Unilateral,
    /// Sides taking turns within a set (a dead bug).
    Alternating,
}

/// A picture of the exercise, as the exercise file names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IllustrationEntry {
    /// The image file, relative to the exercise file.
    pub file: String,
    /// A word or two on the picture ("Start", "Hold"), in one or more languages.
    pub caption: Option<Localized<String>>,
    /// A description for readers who cannot see the picture, in one or more languages.
    pub alt: Option<Localized<String>>,
    /// Who made the picture and under which licence, printed small under it.
    pub credit: Option<String>,
}

/// Accepts `- clamshell.svg` as shorthand for `- file: clamshell.svg`.
fn illustration_entry<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<IllustrationEntry, D::Error> {
    struct EntryVisitor;
    impl<'de> Visitor<'de> for EntryVisitor {
        type Value = IllustrationEntry;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a file name or a map with `file:`")
        }
        fn visit_str<E: de::Error>(self, value: &str) -> Result<IllustrationEntry, E> {
            Ok(IllustrationEntry {
                file: value.to_string(),
                caption: None,
                alt: None,
                credit: None,
            })
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<IllustrationEntry, A::Error> {
            IllustrationEntry::deserialize(de::value::MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_any(EntryVisitor)
}

#[derive(Debug, Deserialize)]
#[serde(transparent)]
struct IllustrationItem(#[serde(deserialize_with = "illustration_entry")] IllustrationEntry);

/// An exercise file as written; its keys are also the schema's (`crate::schema`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExerciseFile {
    id: Option<Spanned<String>>,
    language: Option<String>,
    name: Spanned<Localized<String>>,
    region: Region,
    category: Category,
    #[serde(default)]
    laterality: Laterality,
    equipment: Option<Localized<Vec<String>>>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    illustrations: Vec<Spanned<IllustrationItem>>,
    steps: Spanned<Localized<Vec<Spanned<String>>>>,
    cues: Option<Localized<Vec<String>>>,
    precautions: Option<Localized<Vec<String>>>,
    progression: Option<Localized<String>>,
    video: Option<String>,
    #[serde(default)]
    dosage: Dosage,
    frequency: Option<Frequency>,
}

/// An illustration with the place in the exercise file that named it.
#[derive(Debug, Clone)]
pub struct Illustration {
    /// What the file says about the picture.
    pub entry: IllustrationEntry,
    /// Where the entry is, for errors about the image.
    pub position: Option<Position>,
}

/// An exercise's texts as the file gives them, in one or more languages.
#[derive(Debug, Clone)]
pub struct LocalizedTexts {
    /// The name.
    pub name: Localized<String>,
    /// The steps.
    pub steps: Localized<Vec<String>>,
    /// The tips.
    pub cues: Option<Localized<Vec<String>>>,
    /// The safety notes.
    pub precautions: Option<Localized<Vec<String>>>,
    /// How to make it harder.
    pub progression: Option<Localized<String>>,
    /// Things the client needs.
    pub equipment: Option<Localized<Vec<String>>>,
}

/// The texts of an exercise in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseText {
    /// The name.
    pub name: String,
    /// The steps.
    pub steps: Vec<String>,
    /// The tips.
    pub cues: Vec<String>,
    /// The safety notes.
    pub precautions: Vec<String>,
    /// How to make it harder.
    pub progression: Option<String>,
    /// The pictures' captions, in order (`None` where a picture has none).
    pub captions: Vec<Option<String>>,
    /// The pictures' descriptions for screen readers, in order (`None` where a picture has none).
    pub alts: Vec<Option<String>>,
    /// Things the client needs.
    pub equipment: Vec<String>,
}

/// A validated exercise from a library file.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// The id plans use to name it.
    pub id: String,
    /// The name printed on the handout.
    pub name: String,
    /// Where on the body.
    pub region: Region,
    /// What kind of exercise.
    pub category: Category,
    /// One side or both.
    pub laterality: Laterality,
    /// Things the client needs, in the exercise's language.
    pub equipment: Vec<String>,
    /// Free-form labels for finding exercises.
    pub tags: Vec<String>,
    /// Pictures, in order.
    pub illustrations: Vec<Illustration>,
    /// What to do, one sentence or two each.
    pub steps: Vec<String>,
    /// Where each step is written, for clarity warnings.
    pub step_positions: Vec<Option<Position>>,
    /// Tips for doing it well.
    pub cues: Vec<String>,
    /// Safety notes.
    pub precautions: Vec<String>,
    /// How to make it harder later.
    pub progression: Option<String>,
    /// The language of the texts above, and of plain (non-map) values in the file.
    pub language: String,
    /// The texts in every language the file gives, for handouts in other languages.
    pub localized: LocalizedTexts,
    /// A link to a video of the exercise.
    pub video: Option<String>,
    /// The default amount.
    pub dosage: Dosage,
    /// The default frequency.
    pub frequency: Option<Frequency>,
    /// The file it came from, for errors and for finding its pictures.
    pub source: Arc<SourceFile>,
}

impl Exercise {
    /// Parses and validates one exercise file; the id defaults to the file stem.
    pub fn load(source: SourceFile) -> Result<Exercise, Diagnostic> {
        let file: ExerciseFile = yaml::parse(&source)?;
        let stem = source
            .path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let error = |message: String, position: Option<Position>| {
            Diagnostic::error(message)
                .in_file(&source.path)
                .at(&source.text, position)
        };
        let (id, id_position) = match &file.id {
            Some(id) => (
                id.value.trim().to_string(),
                Position::from_yaml(id.referenced),
            ),
            None => (stem, None),
        };
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(
                error(format!("`{id}` is not a usable exercise id"), id_position)
                    .with_hint("use lowercase letters, digits and dashes, e.g. `glute-bridge`"),
            );
        }
        let language = file.language.clone().unwrap_or_else(|| "en".to_string());
        let missing = |field: &str, position: Option<Position>| {
            error(
                format!("`{field}` has no `{language}` text, the exercise's language"),
                position,
            )
            .with_hint(format!(
                "add `{language}:` under `{field}:`, or set `language:` to the language of the file"
            ))
        };
        let name_position = Position::from_yaml(file.name.referenced);
        let name = file
            .name
            .value
            .get(&language, &language)
            .ok_or_else(|| missing("name", name_position))?
            .trim()
            .to_string();
        if name.is_empty() {
            return Err(
                error("the exercise has an empty name".into(), name_position)
                    .with_hint("give it the name the client will read, e.g. `name: Clamshell`"),
            );
        }
        let steps_position = Position::from_yaml(file.steps.referenced);
        let own_steps = file
            .steps
            .value
            .get(&language, &language)
            .ok_or_else(|| missing("steps", steps_position))?;
        if own_steps.is_empty() {
            return Err(error("the exercise has no steps".into(), steps_position)
                .with_hint("list what to do under `steps:`, one short sentence per item"));
        }
        let mut steps = Vec::with_capacity(own_steps.len());
        let mut step_positions = Vec::with_capacity(own_steps.len());
        for step in own_steps {
            let text = step.value.trim();
            if text.is_empty() {
                return Err(error(
                    "a step is empty".into(),
                    Position::from_yaml(step.referenced),
                )
                .with_hint("write the step, or remove the empty `-` line"));
            }
            steps.push(text.to_string());
            step_positions.push(Position::from_yaml(step.referenced));
        }
        let localized = LocalizedTexts {
            name: file.name.value.map(|name| name.trim().to_string()),
            steps: file.steps.value.map(|steps| {
                steps
                    .into_iter()
                    .map(|step| step.value.trim().to_string())
                    .collect()
            }),
            cues: file.cues.map(|cues| cues.map(trimmed)),
            precautions: file.precautions.map(|precautions| precautions.map(trimmed)),
            progression: file
                .progression
                .map(|progression| progression.map(|text| text.trim().to_string())),
            equipment: file.equipment.map(|equipment| equipment.map(trimmed)),
        };
        let own = |list: &Option<Localized<Vec<String>>>| {
            list.as_ref()
                .and_then(|list| list.get(&language, &language).cloned())
                .unwrap_or_default()
        };
        let cues = own(&localized.cues);
        let precautions = own(&localized.precautions);
        let equipment = own(&localized.equipment);
        let progression = localized
            .progression
            .as_ref()
            .and_then(|text| text.get(&language, &language).cloned())
            .filter(|text| !text.is_empty());
        let illustrations = file
            .illustrations
            .into_iter()
            .map(|item| Illustration {
                entry: item.value.0,
                position: Position::from_yaml(item.referenced),
            })
            .collect();
        Ok(Exercise {
            id,
            name,
            region: file.region,
            category: file.category,
            laterality: file.laterality,
            equipment,
            tags: file.tags,
            illustrations,
            steps,
            step_positions,
            cues,
            precautions,
            progression,
            language,
            localized,
            video: file.video,
            dosage: file.dosage,
            frequency: file.frequency,
            source: Arc::new(source),
        })
    }
}

impl Exercise {
    /// The texts in `language`, or the name of the first field that has no text in it.
    pub fn text_in(&self, language: &str) -> Result<ExerciseText, &'static str> {
        let own = self.language.as_str();
        let per_picture = |field: &'static str,
                           text: fn(&IllustrationEntry) -> &Option<Localized<String>>|
         -> Result<Vec<Option<String>>, &'static str> {
            self.illustrations
                .iter()
                .map(|illustration| match text(&illustration.entry) {
                    None => Ok(None),
                    Some(values) => values.get(language, own).cloned().map(Some).ok_or(field),
                })
                .collect()
        };
        if language == self.language {
            return Ok(ExerciseText {
                name: self.name.clone(),
                steps: self.steps.clone(),
                cues: self.cues.clone(),
                precautions: self.precautions.clone(),
                progression: self.progression.clone(),
                equipment: self.equipment.clone(),
                captions: per_picture("caption", |entry| &entry.caption)?,
                alts: per_picture("alt", |entry| &entry.alt)?,
            });
        }
        let texts = &self.localized;
        let list = |field: &Option<Localized<Vec<String>>>, name: &'static str| match field {
            None => Ok(Vec::new()),
            Some(values) => values.get(language, own).cloned().ok_or(name),
        };
        // Fields in the order of the file, so the first missing one is named.
        Ok(ExerciseText {
            name: texts.name.get(language, own).cloned().ok_or("name")?,
            equipment: list(&texts.equipment, "equipment")?,
            captions: per_picture("caption", |entry| &entry.caption)?,
            alts: per_picture("alt", |entry| &entry.alt)?,
            steps: texts.steps.get(language, own).cloned().ok_or("steps")?,
            cues: list(&texts.cues, "cues")?,
            precautions: list(&texts.precautions, "precautions")?,
            progression: match &texts.progression {
                None => None,
                Some(values) => Some(values.get(language, own).cloned().ok_or("progression")?),
            },
        })
    }
}

fn trimmed(items: Vec<String>) -> Vec<String> {
    items
        .into_iter()
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::source::Origin;

    fn load(text: &str) -> Result<Exercise, Diagnostic> {
        Exercise::load(SourceFile {
            path: "library/hip/clamshell.yaml".into(),
            text: text.to_string(),
            origin: Origin::Disk,
        })
    }

    const CLAMSHELL: &str = "name: Clamshell\nregion: hip\ncategory: strength\nlaterality: unilateral\nillustrations:\n  - clamshell.svg\n  - file: end.svg\n    caption: Finish\nsteps:\n  - Lie on your side.\n  - Lift your top knee.\ndosage: {sets: 2, reps: 12, rest: 30s}\nfrequency: daily\n";

    #[test]
    fn loads_a_complete_exercise() {
        let exercise = load(CLAMSHELL).unwrap();
        assert_eq!(exercise.id, "clamshell");
        assert_eq!(exercise.illustrations.len(), 2);
        assert_eq!(exercise.illustrations[0].entry.file, "clamshell.svg");
        assert_eq!(
            exercise.text_in("en").unwrap().captions,
            vec![None, Some("Finish".to_string())]
        );
        assert_eq!(exercise.illustrations[1].position.map(|p| p.line), Some(7));
        assert_eq!(exercise.steps.len(), 2);
        assert_eq!(exercise.frequency, Some(Frequency::DAILY));
    }

    #[test]
    fn alt_and_equipment_may_be_plain_or_by_language() {
        let plain = load(&CLAMSHELL.replace(
            "    caption: Finish\n",
            "    caption: Finish\n    alt: Top knee lifted\n",
        ))
        .unwrap();
        let english = plain.text_in("en").unwrap();
        assert_eq!(
            english.alts,
            vec![None, Some("Top knee lifted".to_string())]
        );
        assert_eq!(plain.text_in("fr"), Err("name"));

        let bilingual = CLAMSHELL
            .replace("name: Clamshell", "name: {en: Clamshell, fr: Palourde}")
            .replace(
                "    caption: Finish\n",
                "    caption: {en: Finish, fr: Fin}\n    alt: {en: Top knee lifted, fr: Genou du dessus levé}\n",
            )
            .replace(
                "steps:\n  - Lie on your side.\n  - Lift your top knee.\n",
                "equipment: {en: [resistance band], fr: [bande élastique]}\nsteps:\n  en: [Lie on your side.]\n  fr: [Couchez-vous sur le côté.]\n",
            );
        let exercise = load(&bilingual).unwrap();
        assert_eq!(exercise.equipment, vec!["resistance band".to_string()]);
        let french = exercise.text_in("fr").unwrap();
        assert_eq!(french.equipment, vec!["bande élastique".to_string()]);
        assert_eq!(
            french.alts,
            vec![None, Some("Genou du dessus levé".to_string())]
        );

        let no_french_alt = bilingual.replace(", fr: Genou du dessus levé", "");
        assert_eq!(load(&no_french_alt).unwrap().text_in("fr"), Err("alt"));
        let no_french_equipment = bilingual.replace(", fr: [bande élastique]", "");
        assert_eq!(
            load(&no_french_equipment).unwrap().text_in("fr"),
            Err("equipment")
        );
    }

    #[test]
    fn unknown_region_suggests_the_right_one() {
        let error = load(&CLAMSHELL.replace("region: hip", "region: hips")).unwrap_err();
        assert_eq!(error.message, "unknown value `hips`");
        assert!(error.hint.unwrap().starts_with("did you mean `hip`?"));
        assert_eq!(error.position.map(|p| p.line), Some(2));
    }

    #[test]
    fn an_exercise_needs_steps() {
        let error = load(&CLAMSHELL.replace(
            "steps:\n  - Lie on your side.\n  - Lift your top knee.\n",
            "steps: []\n",
        ))
        .unwrap_err();
        assert_eq!(error.message, "the exercise has no steps");
    }

    #[test]
    fn zero_sets_are_refused_at_their_line() {
        let error = load(&CLAMSHELL.replace("sets: 2", "sets: 0")).unwrap_err();
        assert!(error.message.contains("at least 1"), "{error}");
        assert_eq!(error.position.map(|p| p.line), Some(12));
    }
}
