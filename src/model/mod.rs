//! What every stage of the pipeline shares: plain values with no YAML, layout or PDF behind
//! them (a colour, a paper size, a decoded picture, the files of a handout's record). Any stage
//! may use `model`; `model` uses no stage.

pub mod colour;
pub mod paper;
pub mod picture;
pub mod record;
