//! What one invocation loads once and shares across plans: each clinic folder's library, the
//! picture cache, today's date. `render` and `check` go through the same steps here, so a plan
//! that checks clean renders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::clinic_folder::ClinicFolder;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::clinic::Clinic;
use crate::load::library::{Library, LibrarySources};
use crate::load::plan::Plan;
use crate::load::source::SourceFile;
use crate::model::record::SourceRecord;
use crate::paint::picture::PdfImages;
use crate::resolve::handout::Handout;
use crate::resolve::picture::PictureLoader;
use crate::resolve::{RunSettings, resolve};

/// The shared state of a run.
pub struct Workspace {
    /// Decoded pictures, each file once.
    pub pictures: PictureLoader,
    /// The PDF image of each raster picture, made once and shared by every handout.
    pub images: PdfImages,
    /// The clinic file given on the command line or by HEP_CLINIC, overriding plans'.
    pub clinic_override: Option<PathBuf>,
    /// The session date for plans that do not give one, and `--large-print`.
    pub settings: RunSettings,
    /// The bundled library and the folders given by `--library` or HEP_LIBRARY.
    sources: LibrarySources,
    /// Each clinic folder's library, loaded once however many plans it holds.
    scopes: Mutex<BTreeMap<Option<ClinicFolder>, Arc<Scope>>>,
}

/// What the plans of one clinic folder share: its library and its default clinic file. Plans
/// outside any clinic folder share the scope without one.
#[derive(Debug)]
pub struct Scope {
    /// The clinic folder, when there is one.
    pub folder: Option<ClinicFolder>,
    /// Where the library came from, in order.
    pub sources: LibrarySources,
    /// Every exercise and program these plans may name.
    pub library: Library,
}

/// Where a plan comes from.
pub enum PlanInput<'a> {
    /// A file.
    File(&'a Path),
    /// Standard input.
    Stdin,
}

impl Workspace {
    /// A workspace whose libraries are the bundled one and `sources`' folders, on top of each
    /// clinic folder's own.
    pub fn new(sources: &LibrarySources, clinic_override: Option<PathBuf>) -> Workspace {
        Workspace {
            pictures: PictureLoader::new(),
            images: PdfImages::new(),
            clinic_override,
            settings: RunSettings {
                today: jiff::ZonedDateTime::now().date(),
                large_print: false,
                language: None,
                allow_fallback: false,
                archive: false,
                source_date: source_date_epoch(),
            },
            sources: sources.clone(),
            scopes: Mutex::new(BTreeMap::new()),
        }
    }

    /// A workspace with the current folder's scope loaded; every broken library file is
    /// reported.
    pub fn load(
        sources: &LibrarySources,
        clinic_override: Option<PathBuf>,
    ) -> Result<Workspace, Diagnostics> {
        let workspace = Workspace::new(sources, clinic_override);
        workspace.scope(Path::new("."))?;
        Ok(workspace)
    }

    /// The scope of plans in the folder `start`: its clinic folder's library, indexed on first
    /// use; each exercise file is parsed when a plan names it, so a render reads only the
    /// exercises it prints (and a broken file it does not use is `hep check`'s to report).
    pub fn scope(&self, start: &Path) -> Result<Arc<Scope>, Diagnostics> {
        let (scope, problems) = self.scope_loaded_by(start, Library::index);
        if problems.is_empty() {
            Ok(scope)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// Like [`Workspace::scope`], but loads what can be loaded and returns the problems with
    /// the rest (the first time only), for `check`.
    pub fn scope_all(&self, start: &Path) -> (Arc<Scope>, Vec<Diagnostic>) {
        self.scope_loaded_by(start, Library::load_all)
    }

    /// The scope of `start`, its library loaded by `load` the first time (a process asks for
    /// scopes one way: `render` and `watch` lazily, `check` wholly).
    fn scope_loaded_by(
        &self,
        start: &Path,
        load: fn(&LibrarySources) -> (Library, Vec<Diagnostic>),
    ) -> (Arc<Scope>, Vec<Diagnostic>) {
        let folder = ClinicFolder::find(start);
        let loaded = |scopes: &Mutex<BTreeMap<_, Arc<Scope>>>, folder: &Option<ClinicFolder>| {
            let scopes = scopes.lock().unwrap_or_else(PoisonError::into_inner);
            scopes.get(folder).map(Arc::clone)
        };
        if let Some(scope) = loaded(&self.scopes, &folder) {
            return (scope, Vec::new());
        }
        // Loaded with no lock held: the loader runs on rayon, whose threads may come back here.
        let sources = scope_sources(&self.sources, folder.as_ref());
        let (library, problems) = load(&sources);
        let scope = Arc::new(Scope {
            folder: folder.clone(),
            sources,
            library,
        });
        let mut scopes = self.scopes.lock().unwrap_or_else(PoisonError::into_inner);
        match scopes.get(&folder) {
            // Another thread loaded it meanwhile and reported its problems.
            Some(first) => (Arc::clone(first), Vec::new()),
            None => {
                scopes.insert(folder, Arc::clone(&scope));
                (scope, problems)
            }
        }
    }

    /// The scope of a plan file: the clinic folder at or above it.
    pub fn scope_of_plan(&self, plan: &Path) -> Result<Arc<Scope>, Diagnostics> {
        self.scope(&plan_folder(plan))
    }

    /// Reads and validates a plan.
    pub fn plan(&self, input: PlanInput) -> Result<Plan, Diagnostic> {
        let source = match input {
            PlanInput::File(path) => SourceFile::read(path).map_err(|error| error.in_file(path))?,
            PlanInput::Stdin => SourceFile::read_stdin()?,
        };
        Plan::load(source)
    }

    /// The plan's handout, exactly as `render` makes it, with the library of the plan's
    /// clinic folder.
    pub fn handout(&self, plan: &Plan) -> Result<Handout, Diagnostics> {
        let scope = self.scope(&plan.source.base_dir())?;
        self.handout_in(plan, &scope)
    }

    /// The plan's handout with a scope already found.
    pub fn handout_in(&self, plan: &Plan, scope: &Scope) -> Result<Handout, Diagnostics> {
        let clinic = self.clinic_for(plan, scope)?;
        let mut handout = resolve(
            plan,
            clinic.as_ref(),
            &scope.library,
            &self.pictures,
            &self.settings,
        )?;
        if self.settings.archive || clinic.as_ref().is_some_and(|clinic| clinic.archive) {
            let record =
                SourceRecord::collect(plan, clinic.as_ref(), &scope.library, &self.settings)?;
            handout.record = Some(record);
        }
        Ok(handout)
    }

    /// The clinic file of a plan: `--clinic`/HEP_CLINIC, else the plan's `clinic:` (relative
    /// to the plan; `none` for the neutral brand), else the clinic folder's `clinic.yaml`.
    pub fn clinic_path(&self, plan: &Plan, scope: &Scope) -> Result<Option<PathBuf>, Diagnostic> {
        match (&self.clinic_override, &plan.clinic) {
            (Some(path), _) => Ok(Some(path.clone())),
            (None, Some((relative, _))) if relative.trim() == NO_CLINIC => Ok(None),
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
                Ok(Some(path))
            }
            (None, None) => Ok(scope.folder.as_ref().map(ClinicFolder::clinic_file)),
        }
    }

    /// The plan's clinic, loaded.
    pub fn clinic_for(&self, plan: &Plan, scope: &Scope) -> Result<Option<Clinic>, Diagnostic> {
        let Some(path) = self.clinic_path(plan, scope)? else {
            return Ok(None);
        };
        let source = SourceFile::read(&path)?;
        Clinic::load(source).map(Some)
    }
}

/// A plan's `clinic: none`: the neutral brand even inside a clinic folder.
pub const NO_CLINIC: &str = "none";

/// The folder a plan file is in, `.` for a bare file name.
pub fn plan_folder(plan: &Path) -> PathBuf {
    match plan.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The library of a scope, in order of precedence (later overrides earlier by id): the
/// bundled library, the clinic folder's `library/`, then `--library` or HEP_LIBRARY folders.
pub fn scope_sources(explicit: &LibrarySources, folder: Option<&ClinicFolder>) -> LibrarySources {
    let own = folder.and_then(ClinicFolder::library);
    let mut folders: Vec<PathBuf> = own.into_iter().collect();
    for extra in &explicit.folders {
        let same = folders.iter().any(|known| same_folder(known, extra));
        if !same {
            folders.push(extra.clone());
        }
    }
    LibrarySources {
        bundled: explicit.bundled,
        folders,
    }
}

/// Whether two paths name the same folder (`library` and `./library`), so a clinic that still
/// passes `--library library` does not load its exercises twice.
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
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
