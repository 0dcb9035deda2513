//! The pipeline runs one way: load -> resolve -> layout -> paint. Each stage may use its own
//! modules, the one before it, and the modules every stage shares (`model`, `diagnostic`,
//! `fonts`); never a later stage, and never the program around them (commands, batch, output).
//! This test reads the sources and fails on any import that runs backwards or skips a stage.

use std::path::{Path, PathBuf};

/// What each stage may import from the crate, besides itself.
const STAGES: &[(&str, &[&str])] = &[
    ("load", &[]),
    ("resolve", &["load"]),
    ("layout", &["resolve"]),
    ("paint", &["layout"]),
];

/// Modules every stage may use: the shared model, problems in the user's input, the fonts,
/// sharing work over the cores.
const SHARED: &[&str] = &["model", "diagnostic", "fonts", "parallel"];

/// Crates a stage must not use: only `paint` makes PDFs.
const PDF_CRATES: &[&str] = &["krilla", "krilla_svg"];

/// One import of a module of this crate: the file, its line, and the top-level module named.
#[derive(Debug)]
struct Import {
    file: PathBuf,
    line: usize,
    module: String,
}

/// Every `.rs` file below `folder`.
fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The source without comments, keeping line breaks so that line numbers still match.
fn without_comments(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(start) if !line[..start].contains('"') => &line[..start],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifier at the start of `text`.
fn leading_identifier(text: &str) -> &str {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The modules of this crate a file names through `crate::`, with `crate::{a, b::c}` groups
/// opened.
fn crate_imports(file: &Path, source: &str) -> Vec<Import> {
    let code = without_comments(source);
    let mut imports = Vec::new();
    for (offset, _) in code.match_indices("crate::") {
        if code[..offset].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `$crate::` in a macro, or another word ending in "crate"
        }
        let line = code[..offset].matches('\n').count() + 1;
        let rest = &code[offset + "crate::".len()..];
        let mut modules = Vec::new();
        match rest.strip_prefix('{') {
            // A group: the first segment of each member at the top level of the braces.
            Some(group) => {
                let mut depth = 1;
                let mut start = 0;
                for (index, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 1 => {
                            modules.push(leading_identifier(&group[start..index]));
                            start = index + 1;
                        }
                        _ => {}
                    }
                    if depth == 0 {
                        modules.push(leading_identifier(&group[start..index]));
                        break;
                    }
                }
            }
            None => modules.push(leading_identifier(rest)),
        }
        imports.extend(
            modules
                .into_iter()
                .filter(|module| !module.is_empty())
                .map(|module| Import {
                    file: file.to_path_buf(),
                    line,
                    module: module.to_string(),
                }),
        );
    }
    imports
}

#[test]
fn no_import_runs_backwards_through_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (stage, before) in STAGES {
        let files = rust_files(&src.join(stage));
        assert!(!files.is_empty(), "src/{stage} has sources");
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for import in crate_imports(&file, &source) {
                checked += 1;
                let allowed = import.module == *stage
                    || before.contains(&import.module.as_str())
                    || SHARED.contains(&import.module.as_str());
                if !allowed {
                    wrong.push(format!(
                        "{}:{}: the {stage} stage imports crate::{}",
                        import.file.strip_prefix(&src).unwrap().display(),
                        import.line,
                        import.module
                    ));
                }
            }
            if *stage != "paint" {
                let code = without_comments(&source);
                for (number, line) in code.lines().enumerate() {
                    for krate in PDF_CRATES {
                        if line.contains(&format!("{krate}::")) {
                            wrong.push(format!(
                                "{}:{}: the {stage} stage uses {krate}; only paint makes PDFs",
                                file.strip_prefix(&src).unwrap().display(),
                                number + 1
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} imports found: is the scan broken?"
    );
    assert!(
        wrong.is_empty(),
        "imports against the pipeline:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_scan_sees_plain_grouped_and_nested_imports() {
    let source = "use crate::load::plan::Plan;\n\
                  // use crate::paint::paint;\n\
                  use crate::{\n    layout::page::Page,\n    model::{Rgb, paper::PaperSize},\n};\n\
                  fn f() { crate::resolve::resolve(); }\n";
    let imports = crate_imports(Path::new("x.rs"), source);
    let seen: Vec<(usize, &str)> = imports
        .iter()
        .map(|import| (import.line, import.module.as_str()))
        .collect();
    assert_eq!(
        seen,
        [(1, "load"), (3, "layout"), (3, "model"), (7, "resolve")]
    );
}

/// The decimal literals of a file's code outside its tests and its named constants, except
/// 0, 1 and 2 (nothing, one, halving and doubling are arithmetic, not dimensions).
fn bare_numbers(source: &str) -> Vec<String> {
    let code = without_comments(source);
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let mut numbers = Vec::new();
    for line in code.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("const ") || trimmed.starts_with("pub const ") {
            continue;
        }
        let bytes = line.as_bytes();
        let mut index = 0;
        while index < bytes.len() {
            let starts_number = bytes[index].is_ascii_digit()
                && (index == 0
                    || !(bytes[index - 1].is_ascii_alphanumeric()
                        || bytes[index - 1] == b'_'
                        || bytes[index - 1] == b'.'));
            if !starts_number {
                index += 1;
                continue;
            }
            let start = index;
            while index < bytes.len() && (bytes[index].is_ascii_digit() || bytes[index] == b'.') {
                index += 1;
            }
            let literal = &line[start..index];
            if literal.contains('.') && !["0.0", "1.0", "2.0"].contains(&literal) {
                numbers.push(literal.to_string());
            }
        }
    }
    numbers
}

#[test]
fn layout_takes_its_dimensions_from_the_theme() {
    let layout = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/layout");
    let mut found = Vec::new();
    for file in rust_files(&layout) {
        if file.ends_with("theme.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap();
        for number in bare_numbers(&source) {
            found.push(format!("{}: {number}", file.display()));
        }
    }
    assert!(
        found.len() <= 15,
        "{} bare numbers in src/layout outside theme.rs; name them in the theme:\n{}",
        found.len(),
        found.join("\n")
    );
    // The scan finds what it should.
    assert_eq!(
        bare_numbers("let a = x + 6.0; // 7.0\nconst B: f32 = 3.0;\nlet c = y2.5 + 0.0 * 1.5;"),
        ["6.0", "1.5"]
    );
}
