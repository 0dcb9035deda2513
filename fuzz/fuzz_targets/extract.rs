//! Arbitrary bytes as a handout for `hep extract`: reading its attachments may fail with a
//! message but must never panic, and never yield a path outside the folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(files) = hep::load::record::attached_files(data) {
        for file in files {
            assert!(hep::model::record::is_safe_record_path(&file.path));
        }
    }
});
