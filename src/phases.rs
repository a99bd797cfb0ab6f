//! Phase marks for the in-browser benchmark (`scripts/bench/split.mjs`): with the `bench-phases`
//! feature on wasm32, [`mark`] records `performance.now()` under a name and the wasm API's
//! `last_phases()` hands the marks of the last call to JavaScript; otherwise [`mark`] is empty and
//! compiles to nothing. Direct timing, because the CPU profiler overstates small boundary-heavy
//! calls (BENCHMARKS.md, "the profiler overstates").

#[cfg(all(feature = "bench-phases", target_arch = "wasm32"))]
mod imp {
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    thread_local! {
        static MARKS: RefCell<Vec<(&'static str, f64)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn mark(name: &'static str) {
        let now = performance_now();
        MARKS.with(|marks| {
            let mut marks = marks.borrow_mut();
            if name == "start" {
                marks.clear();
            }
            marks.push((name, now));
        });
    }

    /// The marks since the last `start`, as `[[name, ms], …]`.
    pub fn take() -> Vec<(&'static str, f64)> {
        MARKS.with(|marks| std::mem::take(&mut *marks.borrow_mut()))
    }
}

#[cfg(all(feature = "bench-phases", target_arch = "wasm32"))]
pub use imp::{mark, take};

/// Records the time under `name` (a `"start"` mark clears the previous call's marks); empty
/// without the `bench-phases` feature.
#[cfg(not(all(feature = "bench-phases", target_arch = "wasm32")))]
#[inline(always)]
pub fn mark(_name: &'static str) {}
