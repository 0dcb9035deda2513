//! `hep catalog`: a contact sheet of the whole library for choosing exercises.

use crate::cli::{CatalogArgs, PageArg};
use crate::commands::{CommandResult, library_here};
use crate::diagnostic::Diagnostic;
use crate::layout::catalog::lay_out_catalog;
use crate::load::library::Library;
use crate::model::paper::PaperSize;
use crate::output::Messages;
use crate::output::file::{write_file, write_stdout};
use crate::paint::paint;
use crate::paint::picture::PdfImages;
use crate::resolve::catalog::catalog;
use crate::resolve::picture::PictureLoader;

/// Renders the catalog PDF.
pub fn run(args: CatalogArgs, messages: Messages) -> CommandResult {
    let library = Library::load(&library_here(&args.library))?;
    let paper = match args.page {
        PageArg::Letter => PaperSize::Letter,
        PageArg::A4 => PaperSize::A4,
    };
    let catalog = catalog(&library, &PictureLoader::new(), paper)?;
    let document = lay_out_catalog(&catalog);
    let bytes = paint(&document, None, &PdfImages::new()).map_err(|reason| {
        Diagnostic::error(format!("the catalog could not be made: {reason}"))
            .with_kind(reason.kind())
    })?;
    if args.output.as_os_str() == "-" {
        write_stdout(&bytes)?;
    } else {
        write_file(&args.output, &bytes)?;
        messages.info(format_args!(
            "Wrote {} ({} pages)",
            args.output.display(),
            document.pages.len()
        ));
    }
    Ok(())
}
