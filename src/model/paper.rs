//! The sheet a handout is printed on.

use serde::Deserialize;

/// The paper the handout is printed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaperSize {
    /// US Letter, 8.5 x 11 inches (the default, as in Canadian clinics).
    #[default]
    Letter,
    /// ISO A4, 210 x 297 mm.
    A4,
}
