//! `hep watch PLAN`: render the plan, then render it again whenever the plan, its clinic file
//! (or logo), or an exercise file or picture it uses changes, until Ctrl-C. A broken plan
//! prints its error and leaves the last good PDF in place.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use crate::batch::outcome::Status;
use crate::batch::runner::{Job, render_one};
use crate::cli::WatchArgs;
use crate::commands::{CommandResult, library_sources};
use crate::diagnostic::{Diagnostic, Kind};
use crate::load::asset::PictureSource;
use crate::load::library::LibrarySources;
use crate::load::plan::Plan;
use crate::load::source::Origin;
use crate::output::Messages;
use crate::output::handout::{Destination, WriteOptions};
use crate::workspace::{PlanInput, Scope, Workspace, plan_folder};

/// How long the files must be quiet before a render: an editor's save is often several writes.
const QUIET: Duration = Duration::from_millis(150);

/// What wakes the loop.
enum Wake {
    /// Files changed.
    Changed(Vec<PathBuf>),
    /// Ctrl-C.
    Stop,
}

/// Renders on every change until Ctrl-C.
pub fn run(args: WatchArgs, messages: Messages) -> CommandResult {
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.plan.with_extension("pdf"));
    let sources = library_sources(&args.library);
    let (wake, woken) = mpsc::channel();
    let stop = wake.clone();
    crate::output::interrupt::wake_on_interrupt(move || {
        let _ = stop.send(Wake::Stop);
    });
    let changes = wake.clone();
    let mut debouncer = new_debouncer(QUIET, move |result: DebounceEventResult| {
        if let Ok(events) = result {
            let paths = events.into_iter().map(|event| event.path).collect();
            let _ = changes.send(Wake::Changed(paths));
        }
    })
    .map_err(|error| {
        Diagnostic::error(format!("cannot watch files for changes: {error}"))
            .with_kind(Kind::Io)
            .with_hint("the system may limit how many files one user watches (fs.inotify.max_user_watches)")
    })?;

    let mut watched_folders: BTreeSet<PathBuf> = BTreeSet::new();
    let mut inputs = Inputs::default();
    messages.info(format_args!(
        "Watching {} (Ctrl-C to stop)",
        args.plan.display()
    ));
    loop {
        inputs = render(&args, &sources, &output, messages).unwrap_or(inputs);
        inputs.files.insert(normal(&args.plan));
        let folders = inputs.folders();
        for gone in watched_folders.difference(&folders) {
            let _ = debouncer.watcher().unwatch(gone);
        }
        for added in folders.difference(&watched_folders) {
            // A folder that cannot be watched (removed meanwhile) is tried again next time.
            let _ = debouncer
                .watcher()
                .watch(added, RecursiveMode::NonRecursive);
        }
        watched_folders = folders;
        // Wait for a change to something the handout is made from. Reading a file is an event
        // too (hep's own reads included), so only a new size or time counts.
        let before = inputs.fingerprints();
        loop {
            match woken.recv() {
                Ok(Wake::Changed(paths))
                    if paths.iter().any(|path| inputs.uses(path))
                        && (inputs.fingerprints() != before
                            || paths.iter().any(|path| inputs.is_new_library_file(path))) =>
                {
                    break;
                }
                Ok(Wake::Changed(_)) => continue,
                Ok(Wake::Stop) | Err(_) => {
                    messages.info("Stopped.");
                    return Ok(());
                }
            }
        }
    }
}

/// The files a handout is made from, by absolute path.
#[derive(Debug, Default, Clone)]
struct Inputs {
    files: BTreeSet<PathBuf>,
    /// Library folders: a new or renamed exercise there may be the one the plan names.
    libraries: BTreeSet<PathBuf>,
}

impl Inputs {
    /// The folders to watch: each file's own (editors often save by renaming a new file over
    /// the old one, which a watch on the file itself would lose) and the library folders.
    fn folders(&self) -> BTreeSet<PathBuf> {
        self.files
            .iter()
            .filter_map(|file| file.parent().map(Path::to_path_buf))
            .chain(self.libraries.iter().cloned())
            .collect()
    }

    /// Whether a change to `path` can change the handout.
    fn uses(&self, path: &Path) -> bool {
        self.files.contains(&normal(path)) || self.is_new_library_file(path)
    }

    /// An exercise file in a library folder that the handout does not use yet: a new or
    /// renamed exercise may be the one the plan names.
    fn is_new_library_file(&self, path: &Path) -> bool {
        let path = normal(path);
        !self.files.contains(&path)
            && path
                .parent()
                .is_some_and(|folder| self.libraries.contains(folder))
            && path
                .extension()
                .is_some_and(|extension| extension == "yaml" || extension == "yml")
    }

    /// The size and modification time of every file, to tell a write from a read.
    fn fingerprints(&self) -> Vec<Option<(std::time::SystemTime, u64)>> {
        self.files
            .iter()
            .map(|file| {
                std::fs::metadata(file)
                    .and_then(|metadata| Ok((metadata.modified()?, metadata.len())))
                    .ok()
            })
            .collect()
    }
}

/// Renders once, printing one line, and returns what the handout was made from (`None` when
/// the plan could not be read, to keep watching what was used before).
fn render(
    args: &WatchArgs,
    sources: &LibrarySources,
    output: &Path,
    messages: Messages,
) -> Option<Inputs> {
    // A fresh workspace each time: library files and pictures may have changed.
    let workspace = Workspace::new(sources, args.clinic.clone());
    let now = jiff::ZonedDateTime::now().time();
    let clock = format!("{:02}:{:02}:{:02}", now.hour(), now.minute(), now.second());
    let scope = match workspace.scope(&plan_folder(&args.plan)) {
        Ok(scope) => scope,
        Err(problems) => {
            messages.problem(format_args!("{clock} {problems:#}"));
            kept(output, messages);
            return None;
        }
    };
    let plan = workspace.plan(PlanInput::File(&args.plan));
    let inputs = plan
        .as_ref()
        .ok()
        .map(|plan| inputs_of(&workspace, plan, &scope));
    let options = WriteOptions {
        force: false,
        create_folders: false,
        calendar: false,
    };
    let job = Job {
        plan_path: args.plan.clone(),
        scope,
        plan,
        destination: Some(Destination::File(output.to_path_buf())),
    };
    let outcome = render_one(&workspace, job, &options);
    for warning in &outcome.warnings {
        messages.problem(warning);
    }
    match (&outcome.status, &outcome.errors) {
        (Status::Error, errors) => {
            messages.problem(format_args!("{clock}"));
            for error in errors {
                messages.problem(error);
            }
            kept(output, messages);
        }
        (status, _) => {
            let pages = outcome.pages.unwrap_or(0);
            let what = if *status == Status::Unchanged {
                "Unchanged:"
            } else {
                "Wrote"
            };
            messages.info(format_args!(
                "{clock} {what} {} ({pages} {})",
                output.display(),
                if pages == 1 { "page" } else { "pages" }
            ));
        }
    }
    inputs
}

/// Says that the last good PDF is still there.
fn kept(output: &Path, messages: Messages) {
    if output.is_file() {
        messages.info(format_args!(
            "  kept the last good {}; fix the plan and save to try again",
            output.display()
        ));
    }
}

/// The plan, its clinic file and logo, and the exercise files and pictures it names.
fn inputs_of(workspace: &Workspace, plan: &Plan, scope: &Scope) -> Inputs {
    let mut inputs = Inputs::default();
    inputs.files.insert(normal(&plan.source.path));
    if let Ok(Some(clinic)) = workspace.clinic_path(plan, scope) {
        if let Ok(Some(loaded)) = workspace.clinic_for(plan, scope)
            && let Some((logo, _)) = &loaded.logo
        {
            inputs
                .files
                .insert(normal(&loaded.source.base_dir().join(logo)));
        }
        inputs.files.insert(normal(&clinic));
    }
    let ids = plan
        .exercises
        .iter()
        .chain(&plan.replace)
        .map(|planned| planned.id.as_str());
    let program = plan
        .program
        .as_ref()
        .and_then(|(id, _)| scope.library.program(id));
    if let Some(program) = program
        && program.source.origin == Origin::Disk
    {
        inputs.files.insert(normal(&program.source.path));
    }
    let program_ids = program
        .into_iter()
        .flat_map(|program| program.exercises.iter().map(|entry| entry.id.as_str()));
    for id in ids.chain(program_ids) {
        let Some(exercise) = scope.library.get(id) else {
            continue;
        };
        if exercise.source.origin != Origin::Disk {
            continue;
        }
        inputs.files.insert(normal(&exercise.source.path));
        for illustration in &exercise.illustrations {
            if let PictureSource::Disk(path) = exercise.picture_source(illustration) {
                inputs.files.insert(normal(&path));
            }
        }
    }
    inputs.libraries = scope.sources.folders.iter().map(|f| normal(f)).collect();
    inputs
}

/// An absolute path with its folder's symbolic links resolved, so paths from the watcher and
/// from the plan compare equal; the file itself may be missing (mid-save).
fn normal(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(folder), Some(name)) => folder
            .canonicalize()
            .map(|folder| folder.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}
