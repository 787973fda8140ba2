//! Spreading independent per-file work over the machine's cores. A
//! 100,000-article site means hundreds of thousands of small files to decode,
//! write and compress; one thread per core roughly divides the wall time.
//! The pool is rayon's, sized by [`configure`].

use rayon::prelude::*;

/// Sizes the pool: one thread per core, or `FOLIO_BUILD_THREADS`. Called
/// once at start-up (tests use rayon's default, one per core).
pub(crate) fn configure() {
    let threads = std::env::var("FOLIO_BUILD_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0);
    if let Some(n) = threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("folio-publish: FOLIO_BUILD_THREADS ignored: {e}");
        }
    }
}

/// Applies `f` to every item on the pool and returns the results in item
/// order. Each item is its own task, so one large file (the wasm) does not
/// hold up a batch of small ones behind it.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let f = &f;
    items.par_iter().with_max_len(1).map(f).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_item_order() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = super::map(&items, |n| n * 2);
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u32], |n| *n).is_empty());
    }
}
