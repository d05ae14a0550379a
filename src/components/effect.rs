//! Leptos' `Effect::new` with each effect's closure boxed (issue 12, docs/performance.md "Where the
//! bytes are"). `Effect::new` is generic over the closure: every one of the app's effects
//! had its own copy of the effect's task (the loop that waits for a change, tracks and
//! runs it), ≈ 0.4 KB of wasm each. Here every effect is the same `Effect::new` over a
//! `Box<dyn FnMut()>`, which keeps the previous value itself and hands it to the closure
//! as Leptos does: the same effects, run at the same times, one copy of the task.
//! Files that make effects `use crate::components::effect::Effect;`, which takes the
//! place of the prelude's `Effect` for `Effect::new`.

use leptos::reactive::effect::EffectFunction;
use leptos::reactive::owner::LocalStorage;

/// Makes effects whose closures share one copy of Leptos' effect code.
pub struct Effect;

impl Effect {
    /// Leptos' `Effect::new(fun)`: `fun` runs once after the current task and again
    /// whenever what it read changes, with the value it returned last time.
    #[allow(clippy::new_ret_no_self)]
    pub fn new<T: 'static, M>(
        mut fun: impl EffectFunction<T, M> + 'static,
    ) -> leptos::prelude::Effect<LocalStorage> {
        let mut last: Option<T> = None;
        let run: Box<dyn FnMut()> = Box::new(move || last = Some(fun.run(last.take())));
        leptos::prelude::Effect::new(run)
    }
}
