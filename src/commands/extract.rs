//! `hep extract`: write out the record an archival handout carries (plan, clinic, exercises,
//! settings) and say how to render the same handout again.

use std::path::Path;

use anyhow::Result;

use crate::cli::ExtractArgs;
use crate::diagnostic::Diagnostic;
use crate::load::bounded_read::{ReadError, read_input_file};
use crate::load::record::{RecordedSettings, attached_files};
use crate::load::source::io_reason;
use crate::model::record::{CLINIC_FOLDER, LIBRARY_FOLDER, RecordFile, SETTINGS_FILE};
use crate::output::Messages;
use crate::output::file::{check_inside, holds_bytes, write_inside};

/// Largest PDF read: an archival handout with 40 exercises and their photos is a few MiB.
pub const MAX_PDF_BYTES: u64 = 100 * 1024 * 1024;

/// Writes the handout's record into the folder.
pub fn run(args: ExtractArgs, messages: Messages) -> Result<()> {
    let files = read_record(&args.pdf)?;
    check_names(&files, &args.pdf)?;
    for file in &files {
        check_inside(&args.dir, Path::new(&file.path))?;
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
        .with_hint("extract into an empty folder, or pass --force to replace them")
        .into());
    }
    std::fs::create_dir_all(&args.dir).map_err(|error| {
        anyhow::anyhow!(
            "cannot create the folder `{}`: {}",
            args.dir.display(),
            io_reason(&error)
        )
    })?;
    for file in &files {
        write_inside(&args.dir, Path::new(&file.path), &file.data)?;
    }
    let command = render_command(&files, &args.dir)?;
    if args.json {
        let report = serde_json::json!({
            "pdf": args.pdf,
            "dir": args.dir,
            "files": files.iter().map(|file| &file.path).collect::<Vec<_>>(),
            "render": command,
        });
        println!("{report}");
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

/// The files attached to the PDF, refusing a PDF that has none.
fn read_record(pdf: &Path) -> Result<Vec<RecordFile>> {
    let cannot = |reason: String| {
        Diagnostic::error(format!("cannot read `{}`: {reason}", pdf.display()))
            .with_hint("give a handout rendered by `hep render --archive`")
    };
    let bytes = read_input_file(pdf, MAX_PDF_BYTES).map_err(|error| match error {
        ReadError::TooLarge { .. } => cannot(format!(
            "it is larger than {} MiB, far more than any handout",
            MAX_PDF_BYTES >> 20
        )),
        other => cannot(other.to_string()),
    })?;
    let files = attached_files(&bytes).map_err(cannot)?;
    if files.is_empty() {
        return Err(Diagnostic::error(format!(
            "`{}` carries no record: it has no files attached",
            pdf.display()
        ))
        .with_hint("only handouts rendered with `hep render --archive` (or a clinic file with `archive: true`) carry their plan and exercises")
        .into());
    }
    Ok(files)
}

/// Refuses a record whose names clash: two attachments of one name, or one named like the
/// folder of another. Neither comes from hep, and writing them would lose one silently or
/// stop halfway.
fn check_names(files: &[RecordFile], pdf: &Path) -> Result<()> {
    let mut names = std::collections::BTreeSet::new();
    for file in files {
        if !names.insert(file.path.as_str()) {
            return Err(Diagnostic::error(format!(
                "`{}` has two attachments named `{}`; hep's handouts never do",
                pdf.display(),
                file.path
            ))
            .with_hint("give a handout rendered by `hep render --archive`, unchanged")
            .into());
        }
    }
    for file in files {
        let mut folder = Path::new(&file.path).parent();
        while let Some(parent) = folder.filter(|parent| !parent.as_os_str().is_empty()) {
            if let Some(name) = parent.to_str().filter(|name| names.contains(name)) {
                return Err(Diagnostic::error(format!(
                    "`{}` has an attachment named `{name}` and another inside a folder of that \
                     name, `{}`; hep's handouts never do",
                    pdf.display(),
                    file.path
                ))
                .with_hint("give a handout rendered by `hep render --archive`, unchanged")
                .into());
            }
            folder = parent.parent();
        }
    }
    Ok(())
}

/// The command (program and arguments) that renders the extracted plan into the same PDF.
fn render_command(files: &[RecordFile], dir: &Path) -> Result<Vec<String>> {
    let top_level_yaml = |file: &&RecordFile| !file.path.contains('/') && is_yaml(&file.path);
    let plan = files
        .iter()
        .filter(top_level_yaml)
        .find(|file| file.path != SETTINGS_FILE)
        .ok_or_else(|| anyhow::anyhow!("the handout's record has no plan"))?;
    let settings = match files.iter().find(|file| file.path == SETTINGS_FILE) {
        Some(file) => {
            RecordedSettings::parse(&String::from_utf8_lossy(&file.data)).map_err(|reason| {
                anyhow::anyhow!("the record's {SETTINGS_FILE} is broken: {reason}")
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
