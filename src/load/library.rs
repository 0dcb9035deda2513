//! The exercise library: the bundled starter set, extended or overridden by clinic folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
///
/// Indexed by id when loaded (from the file name, or an `id:` line found by a scan of the text)
/// and each parsed on first use: a plan names a handful of the library's exercises, and
/// parsing all of them was a fifth of a handout's time.
#[derive(Debug, Default)]
pub struct Library {
    exercises: BTreeMap<String, Entry>,
    programs: BTreeMap<String, Program>,
}

/// One exercise file of the library, parsed on first use.
#[derive(Debug)]
struct Entry {
    file: ExerciseSource,
    parsed: OnceLock<Result<Exercise, Diagnostic>>,
}

/// Where an exercise file's text is.
#[derive(Debug, Clone)]
enum ExerciseSource {
    /// A file of the bundled library: its path inside `library/` and its bytes.
    Bundled(&'static Path, &'static [u8]),
    /// A file already read from a library folder.
    Read(SourceFile),
}

impl Entry {
    fn new(file: ExerciseSource) -> Entry {
        Entry {
            file,
            parsed: OnceLock::new(),
        }
    }

    /// The exercise, parsed the first time it is asked for.
    fn exercise(&self) -> &Result<Exercise, Diagnostic> {
        self.parsed.get_or_init(|| match &self.file {
            ExerciseSource::Bundled(path, bytes) => {
                SourceFile::bundled(path, bytes).and_then(Exercise::load)
            }
            ExerciseSource::Read(source) => Exercise::load(source.clone()),
        })
    }

    /// The name of the file, for messages.
    fn path(&self) -> PathBuf {
        match &self.file {
            ExerciseSource::Bundled(path, _) => Path::new("bundled:library").join(path),
            ExerciseSource::Read(source) => source.path.clone(),
        }
    }
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
        let (library, mut problems) = Library::index(sources);
        // Parsed on all cores, reported in id order: the same library, sooner.
        let entries: Vec<&Entry> = library.exercises.values().collect();
        let broken: Vec<Diagnostic> = entries
            .par_iter()
            .filter_map(|entry| entry.exercise().as_ref().err().cloned())
            .collect();
        problems.extend(broken);
        (library, problems)
    }

    /// Indexes the exercises of `sources` by id without parsing them (each is parsed when a
    /// plan names it), and loads the programs; returns the problems found so far: unreadable
    /// folders and files, ids used twice in one folder, programs naming unknown exercises.
    pub fn index(sources: &LibrarySources) -> (Library, Vec<Diagnostic>) {
        let mut library = Library::default();
        let mut problems = Vec::new();
        if sources.bundled {
            let mut files = Vec::new();
            collect_bundled(&BUNDLED_LIBRARY, &mut files);
            let layer = files
                .into_iter()
                .map(|(path, bytes)| Ok(ExerciseSource::Bundled(path, bytes)));
            library.add_layer(layer, &mut problems);
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
                        .map(|path| SourceFile::read(path).map(ExerciseSource::Read))
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
        layer: impl Iterator<Item = Result<ExerciseSource, Diagnostic>>,
        problems: &mut Vec<Diagnostic>,
    ) {
        let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
        for file in layer {
            let entry = match file {
                Ok(file) => Entry::new(file),
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            let id = match entry_id(&entry) {
                Ok(id) => id,
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            let path = entry.path();
            if let Some(first) = seen.get(&id) {
                problems.push(
                    Diagnostic::error(format!("exercise id `{id}` is used twice in one library"))
                        .with_kind(Kind::Conflict)
                        .in_file(&path)
                        .with_hint(format!(
                            "`{}` uses it too; rename one of them (set `id:` or rename the file)",
                            first.display()
                        )),
                );
                continue;
            }
            seen.insert(id.clone(), path);
            self.exercises.insert(id, entry);
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

    /// The exercise with this id, parsed on first use; `None` when there is none, or when its
    /// file is broken (see [`Library::exercise`]).
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercise(id)?.ok()
    }

    /// The exercise with this id, parsed on first use, or what is wrong with its file; `None`
    /// when the library has no such id.
    pub fn exercise(&self, id: &str) -> Option<Result<&Exercise, &Diagnostic>> {
        self.exercises
            .get(id)
            .map(|entry| entry.exercise().as_ref())
    }

    /// Every id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.exercises.keys().map(String::as_str)
    }

    /// Every exercise whose file is not broken, sorted by id; parses those not parsed yet.
    pub fn exercises(&self) -> impl Iterator<Item = &Exercise> {
        let entries: Vec<&Entry> = self.exercises.values().collect();
        entries.par_iter().for_each(|entry| {
            entry.exercise();
        });
        self.exercises
            .values()
            .filter_map(|entry| entry.exercise().as_ref().ok())
    }
}

/// The id of an exercise file without parsing it: a plain `id:` line at the top level of the
/// file, else the file name. A file whose `id:` is written any other way (quoted key, flow
/// style, an unusual value) is parsed now, so that the index always agrees with the parser.
fn entry_id(entry: &Entry) -> Result<String, Diagnostic> {
    let text: std::borrow::Cow<'_, str> = match &entry.file {
        ExerciseSource::Bundled(_, bytes) => String::from_utf8_lossy(bytes),
        ExerciseSource::Read(source) => std::borrow::Cow::Borrowed(source.text.as_str()),
    };
    match scanned_id(&text) {
        Scan::Id(id) => Ok(id.to_string()),
        Scan::FileName => {
            let path = match &entry.file {
                ExerciseSource::Bundled(path, _) => path.to_path_buf(),
                ExerciseSource::Read(source) => source.path.clone(),
            };
            Ok(path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default())
        }
        Scan::Unsure => entry
            .exercise()
            .as_ref()
            .map(|exercise| exercise.id.clone())
            .map_err(Clone::clone),
    }
}

/// What a scan of an exercise file says about its id.
#[derive(Debug, PartialEq)]
enum Scan<'a> {
    /// A plain top-level `id: value` line.
    Id(&'a str),
    /// No `id` key: the file name is the id.
    FileName,
    /// Written in a way only the parser can be trusted with.
    Unsure,
}

fn scanned_id(text: &str) -> Scan<'_> {
    let mut found = None;
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with(['{', '"', '\'', '?', '&', '*', '!', '%', '<'])
            || line == "---" && found.is_some()
        {
            return Scan::Unsure;
        }
        let Some(value) = line.strip_prefix("id:") else {
            continue;
        };
        let value = value.split(" #").next().unwrap_or_default().trim();
        let plain = !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !plain || found.is_some() {
            return Scan::Unsure;
        }
        found = Some(value);
    }
    found.map_or(Scan::FileName, Scan::Id)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_without_parsing_or_left_to_the_parser() {
        assert_eq!(
            scanned_id("name: Clamshell\nid: clamshell\n"),
            Scan::Id("clamshell")
        );
        assert_eq!(
            scanned_id("id: bird-dog # the classic\n"),
            Scan::Id("bird-dog")
        );
        // No top-level `id:` (an indented one belongs to something else): the file name.
        assert_eq!(scanned_id("name: X\nvideo:\n  id: abc\n"), Scan::FileName);
        // Anything unusual is parsed: quoted keys or values, flow style, two ids.
        for text in [
            "\"id\": x\n",
            "id: \"x\"\n",
            "{id: x, name: X}\n",
            "id: x\nid: y\n",
            "id: Not-An-Id\n",
        ] {
            assert_eq!(scanned_id(text), Scan::Unsure, "{text}");
        }
    }

    #[test]
    fn the_index_agrees_with_the_parser_for_every_bundled_exercise() {
        let sources = LibrarySources {
            bundled: true,
            folders: Vec::new(),
        };
        let (library, problems) = Library::index(&sources);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(library.ids().count() >= 36);
        // Nothing is parsed until asked for.
        assert!(
            library
                .exercises
                .values()
                .all(|entry| entry.parsed.get().is_none())
        );
        for (id, entry) in &library.exercises {
            let exercise = entry.exercise().as_ref().unwrap();
            assert_eq!(&exercise.id, id);
        }
    }

    #[test]
    fn a_broken_file_is_reported_when_named_and_by_a_full_load() {
        // Kept, not removed: files read are inputs that hep never writes over (by device and
        // inode), so a removed one could make another test's new file look like an input.
        let folder = tempfile::tempdir().unwrap().keep();
        std::fs::write(folder.join("broken.yaml"), "name: [unclosed\n").unwrap();
        let sources = LibrarySources {
            bundled: true,
            folders: vec![folder.clone()],
        };
        let (library, problems) = Library::index(&sources);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(library.get("clamshell").is_some());
        assert!(matches!(library.exercise("broken"), Some(Err(_))));
        let (_, problems) = Library::load_all(&sources);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].to_string().contains("broken.yaml"),
            "{}",
            problems[0]
        );
    }
}
