//! Arbitrary bytes as a clinic's photo: decoding it (scaled JPEG decoding, EXIF orientation,
//! re-encoding, PNG) may refuse it with a message but must never panic.
#![no_main]

use hep::resolve::picture::{PrintSize, raster_picture};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for size in [PrintSize::Regular, PrintSize::Large] {
        let _ = raster_picture(data.to_vec(), size);
    }
});
