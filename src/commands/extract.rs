//! `hep extract`: write out the record an archival handout carries (plan, clinic, exercises,
//! settings) and say how to render the same handout again.

use std::path::Path;

use serde::Serialize;

use crate::cli::ExtractArgs;
use crate::commands::CommandResult;
use crate::diagnostic::{Diagnostic, Kind};
use crate::load::bounded_read::{ReadError, read_input_file};
use crate::load::record::{RecordedSettings, attached_files};
use crate::load::source::io_reason;
use crate::model::record::{CLINIC_FOLDER, LIBRARY_FOLDER, RecordFile, SETTINGS_FILE};
use crate::output::file::{check_inside, holds_bytes, write_inside};
use crate::output::handout::WRITE_HINT;
use crate::output::{Messages, StdoutText};

/// Largest PDF read: an archival handout with 40 exercises and their photos is a few MiB.
pub const MAX_PDF_BYTES: u64 = 100 * 1024 * 1024;

/// What `hep extract --json` prints: the files written and the command that renders the
/// handout again, or (both empty) the problem that stopped it, in the form `render --json`
/// uses.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    pdf: &'a Path,
    dir: &'a Path,
    files: Vec<&'a str>,
    render: Vec<&'a str>,
    errors: Vec<&'a Diagnostic>,
}

/// Writes the handout's record into the folder. With `--json`, a failure is also a line on
/// standard output, its problem in the form `hep render --json` uses.
pub fn run(args: ExtractArgs, messages: Messages) -> CommandResult {
    let (files, command) = match extract(&args) {
        Ok(extracted) => extracted,
        Err(problem) => {
            if args.json {
                let report = JsonReport {
                    pdf: &args.pdf,
                    dir: &args.dir,
                    files: Vec::new(),
                    render: Vec::new(),
                    errors: vec![&problem],
                };
                let mut out = StdoutText::default();
                out.line(serde_json::to_string(&report)?);
                out.print()?;
            }
            return Err(problem.into());
        }
    };
    if args.json {
        let report = JsonReport {
            pdf: &args.pdf,
            dir: &args.dir,
            files: files.iter().map(|file| file.path.as_str()).collect(),
            render: command.iter().map(String::as_str).collect(),
            errors: Vec::new(),
        };
        let mut out = StdoutText::default();
        out.line(serde_json::to_string(&report)?);
        out.print()?;
    } else {
        messages.info(format_args!(
            "Wrote {} files from {} into {}",
            files.len(),
            args.pdf.display(),
            args.dir.display()
        ));
        for file in &files {
            messages.detail(format_args!("  {}  ({})", file.path, file.description));
        }
        messages.info("To render the same handout again:");
        messages.info(format_args!("  {}", shell_words(&command)));
    }
    Ok(())
}

/// Reads the record, checks it all before writing anything, and writes it: the files written
/// and the command that renders the handout again.
fn extract(args: &ExtractArgs) -> Result<(Vec<RecordFile>, Vec<String>), Diagnostic> {
    let files = read_record(&args.pdf)?;
    check_names(&files, &args.pdf)?;
    let command = render_command(&files, &args.pdf, &args.dir)?;
    for file in &files {
        check_inside(&args.dir, Path::new(&file.path)).map_err(|refused| {
            Diagnostic::error(format!("{refused:#}"))
                .with_kind(Kind::Conflict)
                .in_file(&args.dir)
                .with_hint("extract into a new, empty folder")
        })?;
    }
    let conflicts: Vec<String> = files
        .iter()
        .filter(|file| {
            let target = args.dir.join(&file.path);
            std::fs::symlink_metadata(&target).is_ok() && !holds_bytes(&target, &file.data)
        })
        .map(|file| format!("`{}`", args.dir.join(&file.path).display()))
        .collect();
    if !conflicts.is_empty() && !args.force {
        return Err(Diagnostic::error(format!(
            "{} already holds different files: {}",
            args.dir.display(),
            conflicts.join(", ")
        ))
        .with_kind(Kind::Conflict)
        .in_file(&args.dir)
        .with_hint("extract into an empty folder, or pass --force to replace them"));
    }
    std::fs::create_dir_all(&args.dir).map_err(|error| {
        Diagnostic::error(format!(
            "cannot create the folder `{}`: {}",
            args.dir.display(),
            io_reason(&error)
        ))
        .with_kind(Kind::Io)
        .in_file(&args.dir)
        .with_hint("choose a folder you may write to")
    })?;
    for file in &files {
        write_inside(&args.dir, Path::new(&file.path), &file.data).map_err(|failure| {
            Diagnostic::error(failure.message)
                .with_kind(failure.kind)
                .with_hint(WRITE_HINT)
                .in_file(args.dir.join(&file.path))
        })?;
    }
    Ok((files, command))
}

/// The files attached to the PDF, refusing a PDF that has none.
fn read_record(pdf: &Path) -> Result<Vec<RecordFile>, Diagnostic> {
    let cannot = |reason: String, kind: Kind| {
        Diagnostic::error(format!("cannot read `{}`: {reason}", pdf.display()))
            .with_kind(kind)
            .in_file(pdf)
            .with_hint(match kind {
                Kind::MissingFile => "check the file name (a path from the current folder)",
                Kind::Io => "check that you may read the file",
                _ => "give a handout rendered by `hep render --archive`",
            })
    };
    let bytes = read_input_file(pdf, MAX_PDF_BYTES).map_err(|error| match error {
        ReadError::TooLarge { .. } => cannot(
            format!(
                "it is larger than {} MiB, far more than any handout",
                MAX_PDF_BYTES >> 20
            ),
            Kind::TooLarge,
        ),
        ReadError::NotFound => cannot(error.to_string(), Kind::MissingFile),
        ReadError::PermissionDenied | ReadError::Other(_) => cannot(error.to_string(), Kind::Io),
        ReadError::Folder | ReadError::NotRegular(_) => cannot(error.to_string(), Kind::NotAPdf),
    })?;
    let files = attached_files(&bytes).map_err(|error| cannot(error.to_string(), error.kind()))?;
    if files.is_empty() {
        return Err(Diagnostic::error(format!(
            "`{}` carries no record: it has no files attached",
            pdf.display()
        ))
        .with_kind(Kind::NoRecord)
        .in_file(pdf)
        .with_hint("only handouts rendered with `hep render --archive` (or a clinic file with `archive: true`) carry their plan and exercises"));
    }
    Ok(files)
}

/// A record hep did not make, or that was damaged since.
fn broken_record(pdf: &Path, message: String) -> Diagnostic {
    Diagnostic::error(message)
        .with_kind(Kind::BrokenRecord)
        .in_file(pdf)
        .with_hint("give a handout rendered by `hep render --archive`, unchanged")
}

/// Refuses a record whose names clash: two attachments of one name, or one named like the
/// folder of another. Neither comes from hep, and writing them would lose one silently or
/// stop halfway.
fn check_names(files: &[RecordFile], pdf: &Path) -> Result<(), Diagnostic> {
    let mut names = std::collections::BTreeSet::new();
    for file in files {
        if !names.insert(file.path.as_str()) {
            return Err(broken_record(
                pdf,
                format!(
                    "`{}` has two attachments named `{}`; hep's handouts never do",
                    pdf.display(),
                    file.path
                ),
            ));
        }
    }
    for file in files {
        let mut folder = Path::new(&file.path).parent();
        while let Some(parent) = folder.filter(|parent| !parent.as_os_str().is_empty()) {
            if let Some(name) = parent.to_str().filter(|name| names.contains(name)) {
                return Err(broken_record(
                    pdf,
                    format!(
                        "`{}` has an attachment named `{name}` and another inside a folder of \
                         that name, `{}`; hep's handouts never do",
                        pdf.display(),
                        file.path
                    ),
                ));
            }
            folder = parent.parent();
        }
    }
    Ok(())
}

/// The command (program and arguments) that renders the extracted plan into the same PDF.
fn render_command(files: &[RecordFile], pdf: &Path, dir: &Path) -> Result<Vec<String>, Diagnostic> {
    let top_level_yaml = |file: &&RecordFile| !file.path.contains('/') && is_yaml(&file.path);
    let plan = files
        .iter()
        .filter(top_level_yaml)
        .find(|file| file.path != SETTINGS_FILE)
        .ok_or_else(|| broken_record(pdf, "the handout's record has no plan".to_string()))?;
    let settings = match files.iter().find(|file| file.path == SETTINGS_FILE) {
        Some(file) => {
            RecordedSettings::parse(&String::from_utf8_lossy(&file.data)).map_err(|reason| {
                broken_record(
                    pdf,
                    format!("the record's {SETTINGS_FILE} is broken: {reason}"),
                )
            })?
        }
        None => RecordedSettings::default(),
    };
    let path = |relative: &str| dir.join(relative).display().to_string();
    let mut command = Vec::new();
    if let Some(seconds) = settings.source_date_epoch {
        command.push(format!("SOURCE_DATE_EPOCH={seconds}"));
    }
    command.extend(["hep".to_string(), "render".to_string(), path(&plan.path)]);
    let stem = Path::new(&plan.path)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "handout".to_string());
    command.extend(["-o".to_string(), path(&format!("{stem}.pdf"))]);
    if let Some(clinic) = files.iter().find(|file| {
        Path::new(&file.path).parent() == Some(Path::new(CLINIC_FOLDER)) && is_yaml(&file.path)
    }) {
        command.extend(["--clinic".to_string(), path(&clinic.path)]);
    }
    if files
        .iter()
        .any(|file| file.path.starts_with(&format!("{LIBRARY_FOLDER}/")))
    {
        command.extend(["--library".to_string(), path(LIBRARY_FOLDER)]);
    }
    if let Some(date) = settings.date {
        command.extend(["--date".to_string(), date]);
    }
    if let Some(language) = settings.language {
        command.extend(["--lang".to_string(), language]);
    }
    if settings.large_print {
        command.push("--large-print".to_string());
    }
    if settings.allow_fallback {
        command.push("--allow-fallback".to_string());
    }
    command.push("--archive".to_string());
    Ok(command)
}

fn is_yaml(path: &str) -> bool {
    path.ends_with(".yaml") || path.ends_with(".yml")
}

/// The command as a shell would need it typed: words with spaces or quotes single-quoted.
fn shell_words(command: &[String]) -> String {
    command
        .iter()
        .map(|word| {
            let plain = word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@".contains(c));
            if plain && !word.is_empty() {
                word.clone()
            } else {
                format!("'{}'", word.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_with_spaces_or_quotes_are_quoted_for_the_shell() {
        let command = ["hep", "render", "My plans/O'Neill.yaml"].map(String::from);
        assert_eq!(
            shell_words(&command),
            r"hep render 'My plans/O'\''Neill.yaml'"
        );
    }
}
