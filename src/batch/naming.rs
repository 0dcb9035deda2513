//! Output file names: beside the plan, under `--out-dir` following the plan's relative path,
//! or from a `--name` template such as `{date}-{client}`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// The placeholders a name template may use.
pub const PLACEHOLDERS: [&str; 3] = ["{client}", "{date}", "{plan}"];

/// A checked `--name` template.
#[derive(Debug, Clone)]
pub struct NameTemplate(String);

impl NameTemplate {
    /// Checks that the template uses only known placeholders and names no folder.
    pub fn parse(template: &str) -> Result<NameTemplate, Diagnostic> {
        let hint = format!(
            "use {} and plain text, e.g. `{{date}}-{{client}}`",
            PLACEHOLDERS.join(", ")
        );
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let Some(end) = rest[start..].find('}') else {
                return Err(Diagnostic::error(format!(
                    "the name template `{template}` has an unclosed `{{`"
                ))
                .with_hint(hint));
            };
            let placeholder = &rest[start..start + end + 1];
            if !PLACEHOLDERS.contains(&placeholder) {
                return Err(Diagnostic::error(format!(
                    "unknown placeholder `{placeholder}` in the name template"
                ))
                .with_hint(hint));
            }
            rest = &rest[start + end + 1..];
        }
        if template.contains(['/', '\\']) || template.trim().is_empty() {
            return Err(Diagnostic::error(format!(
                "`{template}` is not a usable file name template"
            ))
            .with_hint(hint));
        }
        Ok(NameTemplate(template.to_string()))
    }

    /// The file name (with `.pdf`) for a plan.
    pub fn file_name(&self, client: &str, date: &str, plan_stem: &str) -> String {
        let name = self
            .0
            .replace("{client}", &slug(client))
            .replace("{date}", date)
            .replace("{plan}", &slug(plan_stem));
        format!("{}.pdf", safe_file_name(&name))
    }
}

/// "Marie-Hélène Côté" -> "marie-helene-cote": lowercase ASCII letters, digits and dashes.
pub fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "plan".to_string()
    } else {
        slug
    }
}

/// Drops the accent of common Latin letters; other characters pass through.
fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        _ => "",
    };
    let single = folded.is_empty().then_some(c);
    folded.chars().chain(single)
}

/// Keeps only characters that are safe in file names on every system.
fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(['-', '.']);
    if trimmed.is_empty() {
        "plan".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Where a plan's PDF goes: `out_dir/relative.pdf`, or beside the plan, or a template name.
pub fn output_path(
    plan: &Path,
    relative: &Path,
    out_dir: Option<&Path>,
    file_name: Option<String>,
) -> PathBuf {
    let folder = match out_dir {
        Some(out_dir) => out_dir.join(relative.parent().unwrap_or(Path::new(""))),
        None => plan.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    match file_name {
        Some(name) => folder.join(name),
        None => folder.join(
            relative
                .with_extension("pdf")
                .file_name()
                .unwrap_or_default(),
        ),
    }
}

/// Two or more plans that would be written to the same file.
pub fn collisions<'a>(outputs: impl Iterator<Item = (&'a Path, &'a Path)>) -> Vec<Diagnostic> {
    let mut by_output: BTreeMap<&Path, Vec<&Path>> = BTreeMap::new();
    for (plan, output) in outputs {
        by_output.entry(output).or_default().push(plan);
    }
    by_output
        .into_iter()
        .filter(|(_, plans)| plans.len() > 1)
        .map(|(output, plans)| {
            let names: Vec<String> = plans
                .iter()
                .map(|plan| format!("`{}`", plan.display()))
                .collect();
            Diagnostic::error(format!(
                "{} would all be written to `{}`",
                names.join(", "),
                output.display()
            ))
            .with_hint("add `{plan}` or `{date}` to --name so each plan gets its own file")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_readable() {
        assert_eq!(slug("Marie-Hélène Côté"), "marie-helene-cote");
        assert_eq!(slug("  O'Brien, Jr. "), "o-brien-jr");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("李"), "plan");
    }

    #[test]
    fn templates() {
        let template = NameTemplate::parse("{date}-{client}").unwrap();
        assert_eq!(
            template.file_name("Jane Doe", "2026-11-26", "jane"),
            "2026-11-26-jane-doe.pdf"
        );
        assert!(NameTemplate::parse("{clinet}").is_err());
        assert!(NameTemplate::parse("a/{client}").is_err());
        assert!(NameTemplate::parse("{client").is_err());
    }

    #[test]
    fn outputs_follow_the_relative_path() {
        let path = output_path(
            Path::new("plans/2026/jane.yaml"),
            Path::new("2026/jane.yaml"),
            Some(Path::new("handouts")),
            None,
        );
        assert_eq!(path, PathBuf::from("handouts/2026/jane.pdf"));
        let path = output_path(
            Path::new("plans/jane.yaml"),
            Path::new("jane.yaml"),
            None,
            None,
        );
        assert_eq!(path, PathBuf::from("plans/jane.pdf"));
    }

    #[test]
    fn clobbering_is_detected() {
        let pairs = [
            (Path::new("a.yaml"), Path::new("out/x.pdf")),
            (Path::new("b.yaml"), Path::new("out/x.pdf")),
            (Path::new("c.yaml"), Path::new("out/y.pdf")),
        ];
        let found = collisions(pairs.iter().map(|(a, b)| (*a, *b)));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`a.yaml`, `b.yaml`"));
    }
}
