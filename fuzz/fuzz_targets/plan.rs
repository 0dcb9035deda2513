//! Arbitrary text as a plan: loading it, and resolving it against the bundled library, may
//! fail with a message but must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    if let Some(plan) = common::plan(data) {
        let _ = common::workspace().handout(&plan);
    }
});
