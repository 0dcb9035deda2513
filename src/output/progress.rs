//! A progress bar for batches, shown only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output::Verbosity;

/// Creates a bar for `total` plans; hidden for one plan, when quiet, or off a terminal.
pub fn batch_progress(total: usize, verbosity: Verbosity) -> ProgressBar {
    let visible = total > 1 && verbosity >= Verbosity::Normal && std::io::stderr().is_terminal();
    if !visible {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} plans  {elapsed}") {
        bar.set_style(style);
    }
    bar
}
