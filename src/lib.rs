//! `hep` turns a YAML exercise library and a short YAML plan into a branded PDF handout.
//!
//! The pipeline runs one way, one stage per module:
//! [`load`] (YAML -> validated structs with positions) -> [`resolve`] (plan + library + clinic
//! -> [`resolve::handout::Handout`]) -> [`layout`] (handout -> pages of positioned boxes, pure)
//! -> [`paint`] (boxes -> PDF bytes with krilla). Each stage uses only the one before it and
//! what they all share: [`model`] (colours, paper, the record), [`diagnostic`] and [`fonts`].
//! `tests/architecture.rs` keeps it so.

// Diagnostics travel only on the error path, once per problem; keeping them unboxed keeps the
// code plain at no measurable cost.
#![allow(clippy::result_large_err)]

pub mod batch;
pub mod cli;
pub mod clinic_folder;
pub mod commands;
pub mod diagnostic;
pub mod export;
pub mod fonts;
pub mod layout;
pub mod lints;
pub mod load;
pub mod model;
pub mod output;
pub mod paint;
pub mod parallel;
pub mod readability;
pub mod resolve;
pub mod schema;
pub mod workspace;
