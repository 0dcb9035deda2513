//! Reading an archival handout's record back: the files attached to the PDF, and the settings
//! hep was run with.

use lopdf::{Dictionary, Document, Object};
use serde::Deserialize;

use crate::diagnostic::Kind;
use crate::model::record::{RecordFile, is_safe_record_path};

/// Largest attachment read back: far above any plan, exercise or photo.
const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Most attachments read back; a handout of 40 exercises with 3 pictures each has 160.
const MAX_FILES: usize = 2_000;
/// How deep the PDF's name tree of attachments may go.
const MAX_TREE_DEPTH: usize = 16;

/// Why the record of a PDF cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The file is not a PDF that can be read; what the PDF reader said.
    NotPdf(String),
    /// The PDF is encrypted, which hep's handouts never are.
    Encrypted,
    /// The attachments are nested too deeply or too many to read safely.
    TooLarge(String),
    /// An attachment is broken or was not made by hep; the sentence says which and why.
    Broken(String),
    /// The record's settings file cannot be read; what the YAML reader said.
    BrokenSettings(String),
}

impl RecordError {
    /// The kind of problem, for the exit status and scripts.
    pub fn kind(&self) -> Kind {
        match self {
            RecordError::NotPdf(_) | RecordError::Encrypted => Kind::NotAPdf,
            RecordError::TooLarge(_) => Kind::TooLarge,
            RecordError::Broken(_) | RecordError::BrokenSettings(_) => Kind::BrokenRecord,
        }
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::NotPdf(why) => write!(f, "it is not a readable PDF ({why})"),
            RecordError::Encrypted => f.write_str(
                "it is encrypted (protected by a password), and hep's handouts never are; \
                 give the handout exactly as hep wrote it",
            ),
            RecordError::TooLarge(why)
            | RecordError::Broken(why)
            | RecordError::BrokenSettings(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for RecordError {}

/// The files attached to a PDF, in the order of their names.
pub fn attached_files(pdf: &[u8]) -> Result<Vec<RecordFile>, RecordError> {
    let document =
        Document::load_mem(pdf).map_err(|error| RecordError::NotPdf(error.to_string()))?;
    if document.trailer.get(b"Encrypt").is_ok() {
        return Err(RecordError::Encrypted);
    }
    let catalog = document
        .catalog()
        .map_err(|error| RecordError::NotPdf(format!("it has no document catalog: {error}")))?;
    let Some(tree) = catalog
        .get_deref(b"Names", &document)
        .and_then(Object::as_dict)
        .ok()
        .and_then(|names| names.get_deref(b"EmbeddedFiles", &document).ok())
        .and_then(|tree| tree.as_dict().ok())
    else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    collect(&document, tree, 0, &mut files)?;
    Ok(files)
}

/// Walks one node of the name tree of attachments.
fn collect(
    document: &Document,
    node: &Dictionary,
    depth: usize,
    files: &mut Vec<RecordFile>,
) -> Result<(), RecordError> {
    if depth > MAX_TREE_DEPTH {
        return Err(RecordError::TooLarge(
            "its list of attachments is nested too deeply".to_string(),
        ));
    }
    if let Ok(names) = node.get(b"Names").and_then(Object::as_array) {
        for pair in names.chunks(2) {
            let [_, spec] = pair else { continue };
            let spec = document
                .dereference(spec)
                .and_then(|(_, spec)| spec.as_dict())
                .map_err(|error| {
                    RecordError::Broken(format!("an attachment is broken ({error})"))
                })?;
            files.push(read_file_spec(document, spec)?);
            if files.len() > MAX_FILES {
                return Err(RecordError::TooLarge(format!(
                    "it has more than {MAX_FILES} attachments"
                )));
            }
        }
    }
    if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            if let Ok((_, Object::Dictionary(kid))) = document.dereference(kid) {
                collect(document, kid, depth + 1, files)?;
            }
        }
    }
    Ok(())
}

/// One attachment: its name, description and bytes.
fn read_file_spec(document: &Document, spec: &Dictionary) -> Result<RecordFile, RecordError> {
    let name = [b"UF".as_slice(), b"F"]
        .iter()
        .find_map(|key| spec.get(key).ok())
        .and_then(|name| lopdf::decode_text_string(name).ok())
        .ok_or_else(|| RecordError::Broken("an attachment has no name".to_string()))?;
    if !is_safe_record_path(&name) {
        return Err(RecordError::Broken(format!(
            "the attachment `{name}` would be written outside the folder; it was not made by hep"
        )));
    }
    let description = spec
        .get(b"Desc")
        .ok()
        .and_then(|text| lopdf::decode_text_string(text).ok())
        .unwrap_or_default();
    let stream = spec
        .get_deref(b"EF", document)
        .and_then(Object::as_dict)
        .and_then(|embedded| embedded.get_deref(b"F", document))
        .and_then(Object::as_stream)
        .map_err(|error| {
            RecordError::Broken(format!("the attachment `{name}` has no contents ({error})"))
        })?;
    let data = if stream
        .filters()
        .map(|filters| filters.is_empty())
        .unwrap_or(true)
    {
        stream.content.clone()
    } else {
        stream
            .decompressed_content_with_limit(MAX_FILE_BYTES)
            .map_err(|error| {
                RecordError::Broken(format!(
                    "the attachment `{name}` cannot be unpacked ({error})"
                ))
            })?
    };
    Ok(RecordFile {
        path: name,
        data,
        description,
    })
}

/// The settings file of a record (`hep-render.yaml`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct RecordedSettings {
    /// The version of hep that made the handout.
    pub hep: Option<String>,
    /// The session date.
    pub date: Option<String>,
    /// Whether it was archival (always, for a record).
    #[serde(default)]
    pub archive: bool,
    /// `--lang`.
    pub language: Option<String>,
    /// `--large-print`.
    #[serde(default)]
    pub large_print: bool,
    /// `--allow-fallback`.
    #[serde(default)]
    pub allow_fallback: bool,
    /// `SOURCE_DATE_EPOCH`, when it was set.
    pub source_date_epoch: Option<i64>,
}

impl RecordedSettings {
    /// Parses the settings file; keys from a later hep are ignored.
    pub fn parse(text: &str) -> Result<RecordedSettings, RecordError> {
        serde_saphyr::from_str(text)
            .map_err(|error| RecordError::BrokenSettings(error.without_snippet().to_string()))
    }
}
