//! How much of an exercise to do: sets, repetitions, holds, rests and durations.

use serde::Deserialize;

use crate::load::scalar::{Count, Seconds};

/// Any subset of the dosage fields; an exercise's defaults, overridden field by field by a plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dosage {
    /// Number of sets.
    pub sets: Option<Count>,
    /// Repetitions in each set.
    pub reps: Option<Count>,
    /// How long each repetition is held.
    pub hold: Option<Seconds>,
    /// Rest between sets.
    pub rest: Option<Seconds>,
    /// How long the whole exercise lasts, for timed exercises.
    pub duration: Option<Seconds>,
}

impl Dosage {
    /// This dosage with every field that `overrides` sets replaced.
    pub fn overridden_by(self, overrides: Dosage) -> Dosage {
        Dosage {
            sets: overrides.sets.or(self.sets),
            reps: overrides.reps.or(self.reps),
            hold: overrides.hold.or(self.hold),
            rest: overrides.rest.or(self.rest),
            duration: overrides.duration.or(self.duration),
        }
    }

    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Dosage::default()
    }
}

/// Which side of the body a one-sided exercise is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Only the left side.
    Left,
    /// Only the right side.
    Right,
    /// Each side in turn.
    Each,
    /// Both sides together.
    Both,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_fields_override_library_fields_one_by_one() {
        let library = Dosage {
            sets: Some(Count(2)),
            reps: Some(Count(12)),
            rest: Some(Seconds(30)),
            ..Dosage::default()
        };
        let plan = Dosage {
            reps: Some(Count(10)),
            ..Dosage::default()
        };
        let merged = library.overridden_by(plan);
        assert_eq!(merged.sets, Some(Count(2)));
        assert_eq!(merged.reps, Some(Count(10)));
        assert_eq!(merged.rest, Some(Seconds(30)));
    }
}
