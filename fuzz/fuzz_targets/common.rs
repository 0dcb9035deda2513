//! What both targets share: the bundled library loaded once, and the fuzzer's bytes as a plan.

use std::path::PathBuf;
use std::sync::OnceLock;

use hep::load::library::LibrarySources;
use hep::load::plan::Plan;
use hep::load::source::{Origin, SourceFile};
use hep::workspace::Workspace;

/// The bundled library, loaded once per fuzzing process.
pub fn workspace() -> &'static Workspace {
    static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
    WORKSPACE.get_or_init(|| {
        let sources = LibrarySources {
            bundled: true,
            folders: vec![],
        };
        match Workspace::load(&sources, None) {
            Ok(workspace) => workspace,
            Err(problems) => panic!("the bundled library does not load: {problems:?}"),
        }
    })
}

/// The bytes as a plan file beside the examples, so `clinic: ../clinic.yaml` finds the
/// example clinic (logo included) exactly as `hep render examples/plans/x.yaml` would.
pub fn plan(data: &[u8]) -> Option<Plan> {
    let text = std::str::from_utf8(data).ok()?;
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/plans/fuzz-input.yaml"
    ));
    Plan::load(SourceFile {
        path,
        text: text.to_string(),
        origin: Origin::Disk,
    })
    .ok()
}
