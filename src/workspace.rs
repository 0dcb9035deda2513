//! What one invocation loads once and shares across plans: the library, the picture cache,
//! today's date. `render` and `check` go through the same steps here, so a plan that checks
//! clean renders.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::clinic::Clinic;
use crate::load::library::{Library, LibrarySources};
use crate::load::plan::Plan;
use crate::load::source::SourceFile;
use crate::resolve::handout::Handout;
use crate::resolve::picture::PictureLoader;
use crate::resolve::record::SourceRecord;
use crate::resolve::{RunSettings, resolve};

/// The shared state of a run.
pub struct Workspace {
    /// Every exercise plans may name.
    pub library: Library,
    /// Decoded pictures, each file once.
    pub pictures: PictureLoader,
    /// The clinic file given on the command line or by HEP_CLINIC, overriding plans'.
    pub clinic_override: Option<PathBuf>,
    /// The session date for plans that do not give one, and `--large-print`.
    pub settings: RunSettings,
}

/// Where a plan comes from.
pub enum PlanInput<'a> {
    /// A file.
    File(&'a Path),
    /// Standard input.
    Stdin,
}

impl Workspace {
    /// Indexes the library for rendering: each exercise file is parsed when a plan names it,
    /// and a broken one is reported then; unreadable folders and clashing ids are reported now.
    pub fn load(
        sources: &LibrarySources,
        clinic_override: Option<PathBuf>,
    ) -> Result<Workspace, Diagnostics> {
        let (library, problems) = Library::index(sources);
        if problems.is_empty() {
            Ok(Workspace::with_library(library, clinic_override))
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// Loads every library file that can be loaded and returns the problems with the rest,
    /// for `check`.
    pub fn load_all(
        sources: &LibrarySources,
        clinic_override: Option<PathBuf>,
    ) -> (Workspace, Vec<Diagnostic>) {
        let (library, problems) = Library::load_all(sources);
        (Workspace::with_library(library, clinic_override), problems)
    }

    fn with_library(library: Library, clinic_override: Option<PathBuf>) -> Workspace {
        Workspace {
            library,
            pictures: PictureLoader::new(),
            clinic_override,
            settings: RunSettings {
                today: jiff::ZonedDateTime::now().date(),
                large_print: false,
                language: None,
                allow_fallback: false,
                archive: false,
                source_date: source_date_epoch(),
            },
        }
    }

    /// Reads and validates a plan.
    pub fn plan(&self, input: PlanInput) -> Result<Plan, Diagnostic> {
        let source = match input {
            PlanInput::File(path) => SourceFile::read(path).map_err(|error| error.in_file(path))?,
            PlanInput::Stdin => SourceFile::read_stdin()?,
        };
        Plan::load(source)
    }

    /// The plan's handout, exactly as `render` makes it.
    pub fn handout(&self, plan: &Plan) -> Result<Handout, Diagnostics> {
        let clinic = self.clinic_for(plan)?;
        let mut handout = resolve(
            plan,
            clinic.as_ref(),
            &self.library,
            &self.pictures,
            &self.settings,
        )?;
        if self.settings.archive || clinic.as_ref().is_some_and(|clinic| clinic.archive) {
            let record =
                SourceRecord::collect(plan, clinic.as_ref(), &self.library, &self.settings)?;
            handout.record = Some(record);
        }
        Ok(handout)
    }

    /// The clinic from `--clinic`/HEP_CLINIC, else the plan's `clinic:` (relative to the plan).
    fn clinic_for(&self, plan: &Plan) -> Result<Option<Clinic>, Diagnostic> {
        let path = match (&self.clinic_override, &plan.clinic) {
            (Some(path), _) => path.clone(),
            (None, Some((relative, position))) => {
                let path = plan.source.base_dir().join(relative);
                if !path.is_file() {
                    return Err(plan
                        .error_at(
                            format!("the clinic file `{}` does not exist", path.display()),
                            *position,
                        )
                        .with_hint("the path is relative to the plan file; check its spelling"));
                }
                path
            }
            (None, None) => return Ok(None),
        };
        let source = SourceFile::read(&path)?;
        Clinic::load(source).map(Some)
    }
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970, UTC), the reproducible-builds convention for "the
/// time to write into outputs"; unset or unreadable means the session date is used.
fn source_date_epoch() -> Option<jiff::Timestamp> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    jiff::Timestamp::from_second(seconds).ok()
}
