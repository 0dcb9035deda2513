//! Work shared out over the machine's cores, for the few places where one handout does
//! independent heavy jobs (decoding pictures, compressing them into the PDF).

use std::sync::atomic::{AtomicUsize, Ordering};

/// Calls `job` on every item, on up to all cores, and returns when all are done. Plain scoped
/// threads rather than rayon's pool: a rayon worker waiting here would start other handouts of
/// a batch meanwhile. Results are the job's own business (kept in a cache, typically), so the
/// output does not depend on which thread did what.
pub fn on_all_cores<T: Sync>(items: &[T], job: impl Fn(&T) + Sync) {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len());
    if threads < 2 {
        return items.iter().for_each(job);
    }
    let next = AtomicUsize::new(0);
    let work = || {
        while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
            job(item);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
}
