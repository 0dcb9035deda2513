//! Many plans at once: which files are plans, where each PDF goes, rendering them side by
//! side, and the outcome of each.

pub mod inputs;
pub mod naming;
pub mod outcome;
pub mod runner;
pub mod shard;
