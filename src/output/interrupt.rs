//! Ctrl-C and `kill`: stop cleanly. A batch stops starting plans, finishes or drops the ones
//! under way, says what was written and exits 130; no temporary file is left behind. A second
//! signal, or one during a command that does not stop by itself, removes the temporary files
//! and exits at once.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// The exit status after an interruption: 128 + SIGINT, as shells report it.
pub const INTERRUPTED_EXIT_STATUS: u8 = 130;

static REQUESTED: AtomicBool = AtomicBool::new(false);
static COOPERATIVE: AtomicBool = AtomicBool::new(false);
static TEMPORARY_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Told of the first signal, for a command that sleeps until something happens (`hep watch`).
type Waker = Box<dyn Fn() + Send>;
static WAKERS: Mutex<Vec<Waker>> = Mutex::new(Vec::new());

/// Installs the handler for SIGINT, SIGTERM and SIGHUP. Failing to install it (another handler
/// is already there) leaves the default behaviour, which is no worse than before.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        let first = !REQUESTED.swap(true, Ordering::SeqCst);
        if first && COOPERATIVE.load(Ordering::SeqCst) {
            let wakers = WAKERS
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            for wake in wakers.iter() {
                wake();
            }
            return;
        }
        // Holding the lock until the exit keeps any thread from creating another one.
        let files = temporary_files();
        for path in files.iter() {
            let _ = std::fs::remove_file(path);
        }
        std::process::exit(i32::from(INTERRUPTED_EXIT_STATUS));
    });
}

/// From now on the command checks [`requested`] itself and stops at the next plan; a second
/// signal still exits at once.
pub fn stop_between_plans() {
    COOPERATIVE.store(true, Ordering::SeqCst);
}

/// Like [`stop_between_plans`], and also calls `wake` on the first signal: for a command that
/// waits for events rather than looping over plans. There is one signal handler per process,
/// so commands subscribe here instead of installing their own.
pub fn wake_on_interrupt(wake: impl Fn() + Send + 'static) {
    WAKERS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .push(Box::new(wake));
    stop_between_plans();
}

/// Whether Ctrl-C (or SIGTERM) was received.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The list of temporary files, locked: hold it while creating one and registering it.
pub(crate) fn temporary_files() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARY_FILES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Forgets a temporary file that was renamed into place or removed.
pub(crate) fn forget_temporary_file(path: &Path) {
    temporary_files().retain(|registered| registered != path);
}
