//! Stage 1: read the user's YAML files into validated structs that remember where each value
//! came from, so later stages can point back at the user's own line.

pub mod appointments;
pub mod asset;
pub mod bounded_read;
pub mod clinic;
pub mod dosage;
pub mod exercise;
pub mod follow_up;
pub mod frequency;
pub mod library;
pub mod localized;
pub mod plan;
pub mod program;
pub mod record;
pub mod refusal;
pub mod scalar;
pub mod source;
pub mod yaml;
