//! Arbitrary text as a plan, through the whole pipeline to PDF bytes in memory: any stage may
//! refuse the input, none may panic, and a successful render is a PDF.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(plan) = common::plan(data) else {
        return;
    };
    let Ok(handout) = common::workspace().handout(&plan) else {
        return;
    };
    let document = hep::layout::lay_out(&handout);
    if let Ok(pdf) = hep::paint::paint(&document, None, &hep::paint::picture::PdfImages::new()) {
        assert!(pdf.starts_with(b"%PDF"), "the output is not a PDF");
    }
});
