//! Helpers for tests that run the real `hep` binary on real files and read the PDF back.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder holding `files` (paths relative to it, folders created as needed).
pub fn folder_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Runs `hep` with `args` in `dir`, with no HEP_* variables from the environment.
pub fn hep_in(dir: &Path, args: &[&str]) -> Output {
    hep_with_stdin(dir, args, None)
}

/// Runs `hep` with `args` in the repository root.
pub fn hep(args: &[&str]) -> Output {
    hep_in(&repo(), args)
}

/// Runs `hep`, feeding `stdin` to it.
pub fn hep_with_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    hep_with(dir, args, stdin, &[])
}

/// Runs `hep` with extra environment variables (`SOURCE_DATE_EPOCH`...).
pub fn hep_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    hep_with(dir, args, None, env)
}

/// A workspace over the bundled library and `folders`, as `hep render --library` has it.
pub fn workspace_with(folders: Vec<PathBuf>) -> hep::workspace::Workspace {
    hep::workspace::Workspace::load(
        &hep::load::library::LibrarySources {
            bundled: true,
            folders,
        },
        None,
    )
    .unwrap()
}

/// Every example plan, with the library folders it needs.
pub const EXAMPLES: &[(&str, &[&str])] = &[
    ("jane-doe", &[]),
    ("sam-lee", &[]),
    ("neutral-low-back", &[]),
    ("large-print", &[]),
    ("with-log", &[]),
    ("jean-tremblay-fr", &[]),
    ("bilingual", &[]),
    ("runner-video", &["examples/library"]),
    ("desk-and-hips", &[]),
];

fn hep_with(dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hep"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("HEP_CLINIC")
        .env_remove("HEP_LIBRARY")
        .env_remove("SOURCE_DATE_EPOCH")
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("hep runs");
    if let Some(bytes) = stdin {
        use std::io::Write;
        // hep may refuse the call before it reads a byte (a usage error): a closed pipe
        // then is expected, and the exit status is what the test checks.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    child.wait_with_output().expect("hep finishes")
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that `hep` succeeded, showing its messages when it did not.
pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "hep failed with {:?}:\n{}",
        output.status.code(),
        stderr(output)
    );
}

/// Runs a tool from poppler-utils or qpdf and returns its standard output.
pub fn tool(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{program} must be installed (see .ci/run): {error}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF in drawing order, as a reader's copy-and-paste would give it.
pub fn pdf_text(pdf: &Path) -> String {
    tool(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    )
}

/// Text with all white space removed, so wrapped lines compare equal to the source sentence.
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts that `needle` appears in the PDF text, ignoring line breaks and spacing.
pub fn assert_reads(text: &str, needle: &str) {
    assert!(
        squeezed(text).contains(&squeezed(needle)),
        "the handout should read {needle:?}, but its text is:\n{text}"
    );
}

/// The number of pages of a PDF.
pub fn page_count(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// One element of a PDF's structure tree (its tags for screen readers).
#[derive(Debug, Clone)]
pub struct StructElement {
    /// How deep it is: 0 for the document.
    pub depth: usize,
    /// The structure type: `H2`, `Figure`, `LI`...
    pub role: String,
    /// Alternative text (figures).
    pub alt: Option<String>,
    /// Title (headings).
    pub title: Option<String>,
    /// Language, when set on the element.
    pub lang: Option<String>,
    /// How many pieces of marked content (text, pictures) it holds directly.
    pub content: usize,
}

/// The structure tree of a PDF in reading order, read with lopdf.
pub fn structure_tree(pdf: &Path) -> Vec<StructElement> {
    use lopdf::{Document, Object};
    let document = Document::load(pdf).unwrap();
    let catalog = document.catalog().unwrap();
    let root = catalog
        .get_deref(b"StructTreeRoot", &document)
        .and_then(Object::as_dict)
        .expect("a tagged PDF has a structure tree");
    let text = |dict: &lopdf::Dictionary, key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|value| lopdf::decode_text_string(value).ok())
    };
    fn walk(
        document: &Document,
        object: &Object,
        depth: usize,
        out: &mut Vec<StructElement>,
        text: &dyn Fn(&lopdf::Dictionary, &[u8]) -> Option<String>,
    ) {
        let Ok((_, object)) = document.dereference(object) else {
            return;
        };
        match object {
            Object::Array(kids) => {
                for kid in kids {
                    walk(document, kid, depth, out, text);
                }
            }
            Object::Dictionary(dict) => {
                let Ok(role) = dict.get(b"S").and_then(Object::as_name) else {
                    return;
                };
                let is_content = |kid: &Object| match kid {
                    Object::Integer(_) => true,
                    Object::Dictionary(kid) => kid.get(b"MCID").is_ok(),
                    _ => false,
                };
                let content = match dict.get(b"K") {
                    Ok(Object::Array(kids)) => kids.iter().filter(|kid| is_content(kid)).count(),
                    Ok(kid) => usize::from(is_content(kid)),
                    Err(_) => 0,
                };
                out.push(StructElement {
                    depth,
                    role: String::from_utf8_lossy(role).into_owned(),
                    alt: text(dict, b"Alt"),
                    title: text(dict, b"T"),
                    lang: text(dict, b"Lang"),
                    content,
                });
                if let Ok(kids) = dict.get(b"K") {
                    walk(document, kids, depth + 1, out, text);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(kids) = root.get(b"K") {
        walk(&document, kids, 0, &mut out, &text);
    }
    out
}

/// The titles of a PDF's bookmarks, top level only, in order.
pub fn bookmarks(pdf: &Path) -> Vec<String> {
    use lopdf::{Document, Object};
    let document = Document::load(pdf).unwrap();
    let catalog = document.catalog().unwrap();
    let Ok(outlines) = catalog
        .get_deref(b"Outlines", &document)
        .and_then(Object::as_dict)
    else {
        return Vec::new();
    };
    let mut titles = Vec::new();
    let mut next = outlines.get(b"First").ok().cloned();
    while let Some(reference) = next {
        let Ok((_, Object::Dictionary(item))) = document.dereference(&reference) else {
            break;
        };
        titles.extend(
            item.get(b"Title")
                .ok()
                .and_then(|title| lopdf::decode_text_string(title).ok()),
        );
        next = item.get(b"Next").ok().cloned();
        if titles.len() > 1000 {
            break;
        }
    }
    titles
}

/// An example plan rendered by the real binary, with the text a reader would copy out of it.
#[derive(Debug)]
pub struct RenderedExample {
    /// The example's name (`jane-doe`), as in [`EXAMPLES`].
    pub name: &'static str,
    /// The library folders it was rendered with.
    pub libraries: &'static [&'static str],
    /// The PDF.
    pub pdf: PathBuf,
    /// Its text, from [`pdf_text`].
    pub text: String,
}

/// Every example rendered once per test process: each test that only reads an example's PDF
/// shares one render instead of making its own.
static RENDERED: [std::sync::OnceLock<RenderedExample>; EXAMPLES.len()] =
    [const { std::sync::OnceLock::new() }; EXAMPLES.len()];

/// The example `name`, rendered on first use (with the library folders [`EXAMPLES`] gives it).
pub fn rendered_example(name: &str) -> &'static RenderedExample {
    let index = EXAMPLES
        .iter()
        .position(|(example, _)| *example == name)
        .unwrap_or_else(|| panic!("{name} is not in EXAMPLES"));
    RENDERED[index].get_or_init(|| {
        let (name, libraries) = EXAMPLES[index];
        // One folder per test binary, overwritten by each run: nothing piles up in /tmp.
        let binary = std::env::current_exe().unwrap();
        let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("rendered-examples")
            .join(binary.file_stem().unwrap());
        std::fs::create_dir_all(&folder).unwrap();
        let pdf = folder.join(format!("{name}.pdf"));
        let plan = format!("examples/plans/{name}.yaml");
        let mut args = vec!["render", &plan, "-o", pdf.to_str().unwrap(), "--force"];
        for library in libraries {
            args.extend(["--library", library]);
        }
        assert_success(&hep(&args));
        let text = pdf_text(&pdf);
        RenderedExample {
            name,
            libraries,
            pdf,
            text,
        }
    })
}

/// Every example, rendered once per test process.
pub fn rendered_examples() -> impl Iterator<Item = &'static RenderedExample> {
    EXAMPLES.iter().map(|(name, _)| rendered_example(name))
}

/// The ids of the bundled exercises, from the files in `library/` (not from hep): one YAML
/// file per exercise, programs aside. Tests compare with this rather than a number that goes
/// stale whenever an exercise is added.
pub fn bundled_exercise_files() -> Vec<PathBuf> {
    fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                if name != "programs" {
                    walk(&path, found);
                }
            } else if name.ends_with(".yaml") || name.ends_with(".yml") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&repo().join("library"), &mut found);
    found.sort();
    found
}

/// CRC-32 as PNG chunks use it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG whose header claims `width` x `height` pixels (its data is a few bytes).
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc32(&body).to_be_bytes());
    };
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    chunk(b"IEND", &[]);
    png
}
