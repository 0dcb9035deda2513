//! The handout's record: the files it was made from (plan, clinic, logo, each exercise with its
//! pictures, the program), laid out as a folder that renders the same handout again. An
//! archival PDF carries them, so the chart shows exactly what was prescribed even after the
//! library changes; `hep extract` writes them back out.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use crate::diagnostic::{Diagnostic, Kind};
use crate::load::clinic::Clinic;
use crate::load::library::Library;
use crate::load::plan::Plan;
use crate::resolve::RunSettings;
use crate::resolve::picture::{PictureError, read_bytes};
use crate::resolve::program::prescription;

use crate::model::record::{
    CLINIC_FOLDER, LIBRARY_FOLDER, RecordFile, SETTINGS_FILE, SourceRecord,
};

impl SourceRecord {
    /// Collects the record of `plan`: what `render` read to make its handout.
    pub fn collect(
        plan: &Plan,
        clinic: Option<&Clinic>,
        library: &Library,
        settings: &RunSettings,
    ) -> Result<SourceRecord, Diagnostic> {
        let mut files = Files::default();
        let plan_name = file_name(&plan.source.path).unwrap_or_else(|| "plan.yaml".to_string());
        files.add(
            plan_name,
            plan.source.text.as_bytes().to_vec(),
            "The plan: the exercises, doses and follow-up the therapist prescribed",
        )?;
        files.add(
            SETTINGS_FILE.to_string(),
            settings_text(plan, settings).into_bytes(),
            "How hep was run: its version, the session date and the options given",
        )?;
        if let Some(clinic) = clinic {
            let name = file_name(&clinic.source.path).unwrap_or_else(|| "clinic.yaml".into());
            files.add(
                format!("{CLINIC_FOLDER}/{name}"),
                clinic.source.text.as_bytes().to_vec(),
                "The clinic: name, logo, colours and contact details",
            )?;
            if let Some((logo, _)) = &clinic.logo {
                let source =
                    crate::load::asset::PictureSource::Disk(clinic.source.base_dir().join(logo));
                let bytes = read_bytes(&source).map_err(|reason| cannot_read(&source, &reason))?;
                files.add(
                    format!("{CLINIC_FOLDER}/{}", inside(logo)?),
                    bytes,
                    "The clinic's logo",
                )?;
            }
        }
        let prescription = prescription(plan, library).map_err(|mut problems| {
            problems
                .pop()
                .unwrap_or_else(|| Diagnostic::error("the plan's exercises could not be merged"))
        })?;
        if let Some((id, _)) = &plan.program
            && let Some(program) = library.program(id)
        {
            files.add(
                format!("{LIBRARY_FOLDER}/programs/{}.yaml", program.id),
                program.source.text.as_bytes().to_vec(),
                &format!("The program `{}` that the plan starts from", program.id),
            )?;
        }
        for planned in &prescription.exercises {
            let Some(exercise) = library.get(&planned.id) else {
                continue;
            };
            let folder = format!("{LIBRARY_FOLDER}/{}", exercise.id);
            let described = |what: &str| format!("{what} of the exercise `{}`", exercise.id);
            files.add(
                format!("{folder}/{}.yaml", exercise.id),
                exercise.source.text.as_bytes().to_vec(),
                &described("The library entry (name, steps, cues, pictures)"),
            )?;
            for illustration in &exercise.illustrations {
                let source = exercise.picture_source(illustration);
                let bytes = read_bytes(&source).map_err(|reason| cannot_read(&source, &reason))?;
                files.add(
                    format!("{folder}/{}", inside(&illustration.entry.file)?),
                    bytes,
                    &described("A picture"),
                )?;
            }
        }
        Ok(SourceRecord {
            files: files.0.into_values().collect(),
        })
    }
}

/// Files by path; the same path twice must hold the same bytes.
#[derive(Default)]
struct Files(BTreeMap<String, RecordFile>);

impl Files {
    fn add(&mut self, path: String, data: Vec<u8>, description: &str) -> Result<(), Diagnostic> {
        if let Some(existing) = self.0.get(&path) {
            if existing.data == data {
                return Ok(());
            }
            return Err(Diagnostic::error(format!(
                "two different files would be kept as `{path}` in the handout's record"
            ))
            .with_kind(Kind::Conflict)
            .with_hint("give the pictures of your exercises distinct file names"));
        }
        self.0.insert(
            path.clone(),
            RecordFile {
                path,
                data,
                description: description.to_string(),
            },
        );
        Ok(())
    }
}

/// The record's settings file: what, besides the files, decided how the handout looks.
fn settings_text(plan: &Plan, settings: &RunSettings) -> String {
    let session = plan.date.map(|date| date.0).unwrap_or(settings.today);
    let mut text = format!(
        "# How hep made this handout. `hep extract` prints the command that makes it again.\n\
         hep: {}\n\
         date: {session}\n\
         archive: true\n",
        env!("CARGO_PKG_VERSION")
    );
    if let Some(words) = settings.language {
        text.push_str(&format!("language: {}\n", words.code));
    }
    if settings.large_print {
        text.push_str("large_print: true\n");
    }
    if settings.allow_fallback {
        text.push_str("allow_fallback: true\n");
    }
    if let Some(time) = settings.source_date {
        text.push_str(&format!("source_date_epoch: {}\n", time.as_second()));
    }
    text
}

/// The last part of a path.
fn file_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    (!name.is_empty() && !name.starts_with('<')).then_some(name)
}

/// A relative path that stays inside its folder, with `/` between parts.
fn inside(relative: &str) -> Result<String, Diagnostic> {
    let mut parts = Vec::new();
    for component in Path::new(relative).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return Err(outside(relative)),
        }
    }
    if parts.is_empty() {
        return Err(outside(relative));
    }
    Ok(parts.join("/"))
}

fn outside(relative: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "`{relative}` is outside the folder of the file that names it, so an archival \
         handout cannot keep it in its record"
    ))
    .with_hint("move the picture into the folder (or a sub-folder) of its YAML file")
}

fn cannot_read(source: &crate::load::asset::PictureSource, reason: &PictureError) -> Diagnostic {
    Diagnostic::error(format!("cannot read `{}`: {reason}", source.display()))
        .with_kind(reason.kind())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::is_safe_record_path;

    #[test]
    fn record_paths_stay_inside_their_folder() {
        assert!(is_safe_record_path("library/clamshell/clamshell.yaml"));
        for unsafe_path in [
            "",
            "/etc/passwd",
            "../x.yaml",
            "library/../../x",
            "./a/../b",
        ] {
            assert!(!is_safe_record_path(unsafe_path), "{unsafe_path}");
        }
        assert_eq!(inside("./photos/start.jpg").unwrap(), "photos/start.jpg");
        assert!(inside("../shared/logo.png").is_err());
        assert!(inside("/srv/logo.png").is_err());
    }
}
