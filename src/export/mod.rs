//! Files written beside the PDF, one module per format.

pub mod ics;
