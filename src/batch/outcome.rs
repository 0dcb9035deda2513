//! What happened to each plan of a batch, for the summary and for `--json`.

use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::Diagnostic;

/// How one plan ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A new or changed PDF was written.
    Ok,
    /// The PDF already there has the same bytes; it was left alone.
    Unchanged,
    /// The plan could not be rendered; nothing was written.
    Error,
    /// Ctrl-C (or SIGTERM) came before the plan was written; nothing was written.
    Interrupted,
}

/// One line of `hep render --json`.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The plan file.
    pub plan: PathBuf,
    /// The PDF, when one was (or would have been) written.
    pub output: Option<PathBuf>,
    /// The calendar reminder written beside it (`--ics`), when the plan has a follow-up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<PathBuf>,
    /// How it ended.
    pub status: Status,
    /// Pages of the handout.
    pub pages: Option<usize>,
    /// Exercises on the handout.
    pub exercises: Option<usize>,
    /// Why the plan could not be rendered (empty unless `status` is `error`); in JSON each is
    /// `{"code", "file", "line", "column", "message", "hint"}`.
    pub errors: Vec<Diagnostic>,
    /// What the handout could be better at (a missing translation under --allow-fallback),
    /// in the same form as `errors`.
    pub warnings: Vec<Diagnostic>,
}

/// Counts for the closing summary.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Written.
    pub rendered: usize,
    /// Left alone because they did not change.
    pub unchanged: usize,
    /// Failed.
    pub failed: usize,
    /// Not written because the run was interrupted.
    pub interrupted: usize,
}

impl Summary {
    /// Counts the outcomes.
    pub fn of(outcomes: &[Outcome]) -> Summary {
        let count = |status| {
            outcomes
                .iter()
                .filter(|outcome| outcome.status == status)
                .count()
        };
        Summary {
            rendered: count(Status::Ok),
            unchanged: count(Status::Unchanged),
            failed: count(Status::Error),
            interrupted: count(Status::Interrupted),
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} rendered", self.rendered)?;
        if self.unchanged > 0 {
            write!(f, ", {} unchanged", self.unchanged)?;
        }
        write!(f, ", {} failed", self.failed)?;
        if self.interrupted > 0 {
            write!(f, ", {} not rendered (interrupted)", self.interrupted)?;
        }
        Ok(())
    }
}

/// Renders a batch with its files written as one (see [`crate::output::staged`]): all are
/// flushed to disk a chunk at a time, not one by one. A file that could not be put in place
/// after its plan was reported written turns that plan's outcome into an error.
pub fn with_staged_writes<E>(
    render: impl FnOnce() -> Result<Vec<Outcome>, E>,
) -> Result<Vec<Outcome>, E> {
    let (outcomes, unwritten) = crate::output::staged::batch(render);
    let mut outcomes = outcomes?;
    for file in unwritten {
        let wrote_it = |outcome: &&mut Outcome| {
            outcome.output.as_ref() == Some(&file.path)
                || outcome.calendar.as_ref() == Some(&file.path)
        };
        if let Some(outcome) = outcomes.iter_mut().find(wrote_it) {
            outcome.status = Status::Error;
            outcome.errors.push(
                Diagnostic::error(file.error.message.clone())
                    .with_kind(file.error.kind)
                    .in_file(&file.path)
                    .with_hint(crate::output::handout::WRITE_HINT),
            );
        }
    }
    Ok(outcomes)
}
