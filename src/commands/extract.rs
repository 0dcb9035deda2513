//! `hep extract`: write out the record an archival handout carries (plan, clinic, exercises,
//! settings) and say how to render the same handout again.

use std::path::Path;

use anyhow::Result;

use crate::cli::ExtractArgs;
use crate::diagnostic::Diagnostic;
use crate::load::record::{RecordedSettings, attached_files};
use crate::output::Messages;
use crate::output::file::write_atomically;
use crate::resolve::record::{CLINIC_FOLDER, LIBRARY_FOLDER, RecordFile, SETTINGS_FILE};

/// Largest PDF read.
const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;

/// Writes the handout's record into the folder.
pub fn run(args: ExtractArgs, messages: Messages) -> Result<()> {
    let files = read_record(&args.pdf)?;
    let conflicts: Vec<String> = files
        .iter()
        .filter(|file| {
            let target = args.dir.join(&file.path);
            target.exists() && std::fs::read(&target).ok().as_deref() != Some(&file.data[..])
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
    for file in &files {
        let target = args.dir.join(&file.path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).map_err(|error| {
                anyhow::anyhow!("cannot create the folder `{}`: {error}", folder.display())
            })?;
        }
        write_atomically(&target, &file.data)?;
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
    let size = std::fs::metadata(pdf)
        .map_err(|error| cannot(error.to_string()))?
        .len();
    if size > MAX_PDF_BYTES {
        return Err(cannot(format!("it is larger than {} MiB", MAX_PDF_BYTES >> 20)).into());
    }
    let bytes = std::fs::read(pdf).map_err(|error| cannot(error.to_string()))?;
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
