//! `hep schema FORMAT`: print the JSON Schema of a file format, with the library's exercise
//! and program ids (bundled and the clinic folder's) offered as completions.

use crate::cli::SchemaArgs;
use crate::commands::{CommandResult, library_here};
use crate::load::library::Library;
use crate::output::StdoutText;
use crate::schema::{Completions, schema_text};

/// Prints the schema on standard output.
pub fn run(args: SchemaArgs) -> CommandResult {
    let library = Library::load(&library_here(&args.library))?;
    let mut out = StdoutText::default();
    out.line(schema_text(args.format, &completions(&library)).trim_end());
    Ok(out.print()?)
}

/// The ids of `library`, for editors to offer.
pub fn completions(library: &Library) -> Completions {
    Completions {
        exercises: library.ids().map(str::to_string).collect(),
        programs: library
            .programs()
            .map(|program| program.id.clone())
            .collect(),
    }
}
