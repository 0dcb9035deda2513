//! The exercise library: the bundled starter set, extended or overridden by clinic folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, DirEntry, include_dir};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::diagnostic::{Kind, did_you_mean};
use crate::load::exercise::Exercise;
use crate::load::program::Program;
use crate::load::source::{SourceFile, io_reason};

/// The repository's `library/` folder, compiled into the binary so `hep` works from anywhere.
static BUNDLED_LIBRARY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/library");

/// A file of the bundled library, by its path inside `library/`.
pub fn bundled_file(path: &Path) -> Option<&'static [u8]> {
    BUNDLED_LIBRARY.get_file(path).map(|file| file.contents())
}

/// Where exercises come from, in order: later places override earlier ones by id.
#[derive(Debug, Clone, Default)]
pub struct LibrarySources {
    /// Whether the bundled starter library is included (first).
    pub bundled: bool,
    /// Clinic library folders, in the order given.
    pub folders: Vec<PathBuf>,
}

/// All exercises that plans may name, by id.
#[derive(Debug, Clone, Default)]
pub struct Library {
    exercises: BTreeMap<String, Exercise>,
    programs: BTreeMap<String, Program>,
}

impl Library {
    /// Loads every exercise from `sources`, reporting every broken file, not only the first.
    pub fn load(sources: &LibrarySources) -> Result<Library, Diagnostics> {
        let (library, problems) = Library::load_all(sources);
        if problems.is_empty() {
            Ok(library)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// Loads every exercise that can be loaded, and the problems with the rest.
    pub fn load_all(sources: &LibrarySources) -> (Library, Vec<Diagnostic>) {
        let mut library = Library::default();
        let mut problems = Vec::new();
        if sources.bundled {
            let mut files = Vec::new();
            collect_bundled(&BUNDLED_LIBRARY, &mut files);
            // Parsed on all cores, added in file order: the same library, sooner.
            let layer: Vec<_> = files
                .into_par_iter()
                .map(|(path, bytes)| SourceFile::bundled(path, bytes).and_then(Exercise::load))
                .collect();
            library.add_layer(layer.into_iter(), &mut problems);
            if let Some(programs) = BUNDLED_LIBRARY.get_dir(PROGRAMS_FOLDER) {
                let mut files: Vec<_> = programs
                    .files()
                    .filter(|file| is_yaml(file.path()))
                    .map(|file| (file.path(), file.contents()))
                    .collect();
                files.sort_by_key(|(path, _)| *path);
                let layer = files
                    .into_iter()
                    .map(|(path, bytes)| SourceFile::bundled(path, bytes).and_then(Program::load));
                library.add_programs(layer, &mut problems);
            }
        }
        for folder in &sources.folders {
            match yaml_files_in(folder) {
                Ok(paths) => {
                    let layer: Vec<_> = paths
                        .par_iter()
                        .map(|path| SourceFile::read(path).and_then(Exercise::load))
                        .collect();
                    library.add_layer(layer.into_iter(), &mut problems);
                }
                Err(problem) => problems.push(problem),
            }
            let programs = folder.join(PROGRAMS_FOLDER);
            if programs.is_dir() {
                match yaml_files_in(&programs) {
                    Ok(paths) => {
                        let layer = paths
                            .iter()
                            .map(|path| SourceFile::read(path).and_then(Program::load));
                        library.add_programs(layer, &mut problems);
                    }
                    Err(problem) => problems.push(problem),
                }
            }
        }
        problems.extend(library.check_programs());
        (library, problems)
    }

    /// Adds one folder's exercises: ids must be unique inside a folder, and replace earlier ones.
    fn add_layer(
        &mut self,
        layer: impl Iterator<Item = Result<Exercise, Diagnostic>>,
        problems: &mut Vec<Diagnostic>,
    ) {
        let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
        for loaded in layer {
            match loaded {
                Ok(exercise) => {
                    if let Some(first) = seen.get(&exercise.id) {
                        problems.push(
                            Diagnostic::error(format!(
                                "exercise id `{}` is used twice in one library",
                                exercise.id
                            ))
                            .with_kind(Kind::Conflict)
                            .in_file(&exercise.source.path)
                            .with_hint(format!(
                                "`{}` uses it too; rename one of them (set `id:` or rename the file)",
                                first.display()
                            )),
                        );
                        continue;
                    }
                    seen.insert(exercise.id.clone(), exercise.source.path.clone());
                    self.exercises.insert(exercise.id.clone(), exercise);
                }
                Err(problem) => problems.push(problem),
            }
        }
    }

    /// Adds one folder's programs; later folders replace earlier ones with the same id.
    fn add_programs(
        &mut self,
        layer: impl Iterator<Item = Result<Program, Diagnostic>>,
        problems: &mut Vec<Diagnostic>,
    ) {
        for loaded in layer {
            match loaded {
                Ok(program) => {
                    self.programs.insert(program.id.clone(), program);
                }
                Err(problem) => problems.push(problem),
            }
        }
    }

    /// Every program names only exercises that exist.
    fn check_programs(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for program in self.programs.values() {
            for entry in &program.exercises {
                if self.exercises.contains_key(&entry.id) {
                    continue;
                }
                problems.push(
                    program
                        .error_at(
                            format!(
                                "program `{}` names unknown exercise `{}`",
                                program.id, entry.id
                            ),
                            entry.position,
                        )
                        .with_kind(Kind::UnknownExercise)
                        .with_optional_hint(did_you_mean(&entry.id, self.ids())),
                );
            }
        }
        problems
    }

    /// The program with this id.
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.get(id)
    }

    /// Every program, sorted by id.
    pub fn programs(&self) -> impl Iterator<Item = &Program> {
        self.programs.values()
    }

    /// The exercise with this id.
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.get(id)
    }

    /// Every id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.exercises.keys().map(String::as_str)
    }

    /// Every exercise, sorted by id.
    pub fn exercises(&self) -> impl Iterator<Item = &Exercise> {
        self.exercises.values()
    }
}

/// The folder of a library that holds programs rather than exercises.
const PROGRAMS_FOLDER: &str = "programs";

/// Folders inside a library that hold something other than exercises.
const RESERVED_FOLDERS: [&str; 1] = [PROGRAMS_FOLDER];

fn is_exercise_file(name: &str) -> bool {
    !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

fn is_yaml(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(is_exercise_file)
}

fn collect_bundled(dir: &'static Dir<'static>, files: &mut Vec<(&'static Path, &'static [u8])>) {
    for entry in dir.entries() {
        match entry {
            DirEntry::Dir(sub) => {
                let name = sub
                    .path()
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("");
                if !name.starts_with('.') && !RESERVED_FOLDERS.contains(&name) {
                    collect_bundled(sub, files);
                }
            }
            DirEntry::File(file) => {
                let name = file
                    .path()
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("");
                if is_exercise_file(name) {
                    files.push((file.path(), file.contents()));
                }
            }
        }
    }
    files.sort_by_key(|(path, _)| *path);
}

/// Every exercise YAML file below `folder`, sorted so that loading is deterministic.
fn yaml_files_in(folder: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let unreadable = |error: std::io::Error| {
        Diagnostic::error(format!(
            "cannot read library folder `{}`: {}",
            folder.display(),
            io_reason(&error)
        ))
        .with_kind(Kind::of_io(&error))
        .with_hint("pass an existing folder to --library (or HEP_LIBRARY)")
    };
    if !folder.is_dir() {
        return Err(unreadable(std::io::Error::from(
            std::io::ErrorKind::NotFound,
        )));
    }
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && !RESERVED_FOLDERS.contains(&name.as_str()) {
                    pending.push(path);
                }
            } else if is_exercise_file(&name) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
