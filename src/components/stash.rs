//! The page's reactive values, in much less wasm than Leptos' own types (issue 12: first-load
//! size), with the same method names: [`Stash`] for a value that is kept but not followed (a
//! gesture in progress, a cache, a counter; Leptos' `StoredValue`), [`Followed`] for one that
//! effects and memos follow (`RwSignal`), [`Derived`] for one computed from others and compared
//! (`Memo`). Leptos' graph still tracks, schedules and runs them all.
//!
//! Leptos compiles a `StoredValue`'s arena item, lock and owner registration (and a signal's
//! or a memo's subscriber sets, compare and notify paths) once per value type; a [`Stash`] is
//! an index into one table of `Rc<RefCell<T>>`s, so all that is left per type is a downcast and
//! a borrow, and the others add one shared `Trigger` or `Memo<u64>` type. Like Leptos' types
//! they are `Copy` (closures take them freely) and go with the Leptos owner they were made
//! under (a part of the page taken out, an effect run again): the slot is freed then, and
//! reading it after that gives `None` from the `try_` methods. Made without an owner, a value
//! lives as long as the page. The page runs on one thread, so any value can be stashed (a JS
//! object, a listener); a handle used on another thread finds nothing.

use leptos::prelude::{Get, GetUntracked, Memo, Notify, StoredValue, Track, Trigger};
use std::any::Any;
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

/// A stashed value with the count of the values its slot held before (a handle to one of
/// those reads nothing, rather than the value now in its place).
type Slot = (u32, Option<Rc<dyn Any>>);

thread_local! {
    /// Every stashed value by index; `None` once freed (its index is reused).
    static TABLE: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// A non-reactive value, `Copy` as a handle (see the module's documentation).
pub struct Stash<T> {
    index: usize,
    generation: u32,
    of: PhantomData<fn() -> T>,
}

impl<T> Clone for Stash<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Stash<T> {}

/// Puts a value in the table: its index and generation.
fn insert(value: Rc<dyn Any>) -> (usize, u32) {
    TABLE.with_borrow_mut(|table| {
        let index = match table.iter().position(|(_, v)| v.is_none()) {
            Some(free) => free,
            None => {
                table.push((0, None));
                table.len() - 1
            }
        };
        table[index].1 = Some(value);
        (index, table[index].0)
    })
}

/// The value at `index` if it is still `generation`'s.
fn slot(index: usize, generation: u32) -> Option<Rc<dyn Any>> {
    TABLE.with_borrow(|table| match table.get(index) {
        Some((g, Some(value))) if *g == generation => Some(value.clone()),
        _ => None,
    })
}

/// Frees its slot when dropped (with the owner's reactive nodes).
struct Freer(usize);

impl Drop for Freer {
    fn drop(&mut self) {
        free(self.0);
    }
}

/// Frees `index` (the value is dropped once nothing borrows it).
fn free(index: usize) {
    // Taken out first and dropped after the table's borrow ends: dropping it may drop
    // another stash's owner.
    let value = TABLE.with_borrow_mut(|table| {
        let (generation, value) = table.get_mut(index)?;
        *generation = generation.wrapping_add(1);
        value.take()
    });
    drop(value);
}

impl<T: 'static> Stash<T> {
    /// Stashes `value` for as long as the current owner lives (for the page's life
    /// without one).
    pub fn new(value: T) -> Stash<T> {
        let (index, generation) = insert(Rc::new(RefCell::new(value)));
        // Freed when the owner drops its reactive nodes, which is after it has run its
        // cleanups (`on_cleanup`), so that those can still read the value (an observer to
        // disconnect). One `StoredValue` type for every stash.
        StoredValue::new(Freer(index));
        Stash {
            index,
            generation,
            of: PhantomData,
        }
    }

    fn cell(self) -> Option<Rc<RefCell<T>>> {
        slot(self.index, self.generation)?
            .downcast::<RefCell<T>>()
            .ok()
    }

    /// Runs `f` on the value; `None` once the value is gone (or while `f` of
    /// [`Stash::try_update_value`] has it).
    pub fn try_with_value<U>(self, f: impl FnOnce(&T) -> U) -> Option<U> {
        let cell = self.cell()?;
        let value = cell.try_borrow().ok()?;
        Some(f(&value))
    }

    /// Changes the value with `f`; `None` once the value is gone (or while it is borrowed).
    pub fn try_update_value<U>(self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
        let cell = self.cell()?;
        let mut value = cell.try_borrow_mut().ok()?;
        Some(f(&mut value))
    }

    /// Runs `f` on the value.
    ///
    /// # Panics
    /// If the value is gone, as Leptos' `StoredValue::with_value` does: only its owner's
    /// effects and listeners read it, and they go with it.
    pub fn with_value<U>(self, f: impl FnOnce(&T) -> U) -> U {
        match self.try_with_value(f) {
            Some(u) => u,
            None => gone(),
        }
    }

    /// Changes the value with `f` (nothing once the value is gone).
    pub fn update_value(self, f: impl FnOnce(&mut T)) {
        self.try_update_value(f);
    }

    /// Replaces the value: `None` if it was replaced, `Some(value)` back once the value is
    /// gone (as Leptos' `try_set_value`).
    pub fn try_set_value(self, value: T) -> Option<T> {
        let Some(cell) = self.cell() else {
            return Some(value);
        };
        let Ok(mut old) = cell.try_borrow_mut() else {
            return Some(value);
        };
        *old = value;
        None
    }

    /// Replaces the value (nothing once the value is gone).
    pub fn set_value(self, value: T) {
        self.try_set_value(value);
    }
}

impl<T: Clone + 'static> Stash<T> {
    /// A copy of the value; `None` once the value is gone.
    pub fn try_get_value(self) -> Option<T> {
        self.try_with_value(T::clone)
    }

    /// A copy of the value.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn get_value(self) -> T {
        self.with_value(T::clone)
    }
}

/// A value that effects and memos follow: a [`Stash`] with a Leptos `Trigger`, used where
/// Leptos' `RwSignal` would be, with its method names. Reading it with `get`/`with` in an
/// effect or a memo tracks it; `set`/`update` run them again. All value types share the
/// trigger's code, where each `RwSignal<T>` type compiled the reactive graph's signal code
/// once more (≈ 1 KB of wasm each, issue 12).
pub struct Followed<T> {
    value: Stash<T>,
    changed: Trigger,
}

impl<T> Clone for Followed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Followed<T> {}

impl<T: 'static> Followed<T> {
    /// A value followed for as long as the current owner lives (see [`Stash::new`]).
    pub fn new(value: T) -> Followed<T> {
        Followed {
            value: Stash::new(value),
            changed: Trigger::new(),
        }
    }

    /// Tracks the value without reading it.
    pub fn track(self) {
        self.changed.track();
    }

    /// Runs the effects and memos that follow the value, as if it had changed.
    pub fn notify(self) {
        self.changed.notify();
    }

    /// Runs `f` on the value, tracked; `None` once the value is gone.
    pub fn try_with<U>(self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.changed.track();
        self.value.try_with_value(f)
    }

    /// Runs `f` on the value, tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn with<U>(self, f: impl FnOnce(&T) -> U) -> U {
        self.changed.track();
        self.value.with_value(f)
    }

    /// Runs `f` on the value, not tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn with_untracked<U>(self, f: impl FnOnce(&T) -> U) -> U {
        self.value.with_value(f)
    }

    /// Changes the value with `f` and runs what follows it; `None` (and nothing run) once
    /// the value is gone.
    pub fn try_update<U>(self, f: impl FnOnce(&mut T) -> U) -> Option<U> {
        let out = self.value.try_update_value(f)?;
        self.changed.notify();
        Some(out)
    }

    /// Changes the value with `f` and runs what follows it.
    pub fn update(self, f: impl FnOnce(&mut T)) {
        self.try_update(f);
    }

    /// Replaces the value and runs what follows it: `None`, or `Some(value)` back once the
    /// value is gone.
    pub fn try_set(self, value: T) -> Option<T> {
        let back = self.value.try_set_value(value);
        if back.is_none() {
            self.changed.notify();
        }
        back
    }

    /// Replaces the value and runs what follows it.
    pub fn set(self, value: T) {
        self.try_set(value);
    }
}

impl<T: Clone + 'static> Followed<T> {
    /// A copy of the value, tracked; `None` once the value is gone.
    pub fn try_get(self) -> Option<T> {
        self.try_with(T::clone)
    }

    /// A copy of the value, tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, not tracked; `None` once the value is gone.
    pub fn try_get_untracked(self) -> Option<T> {
        self.value.try_get_value()
    }

    /// A copy of the value, not tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn get_untracked(self) -> T {
        self.value.get_value()
    }
}

/// A value computed from others and compared: what Leptos' `Memo` is, with its method
/// names, used in its place. The value is kept in a [`Stash`]; the Leptos memo behind it
/// only counts the changes (a `Memo<u64>` that is computed when read, as a memo is, and
/// that changes only when the value compares unequal to the last), so that all derived
/// values share one memo type's code where each `Memo<T>` type compiled the memo code
/// again (≈ 1 KB of wasm each, issue 12).
pub struct Derived<T> {
    value: Stash<Option<T>>,
    changes: Memo<u64>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

impl<T: PartialEq + 'static> Derived<T> {
    /// The value `f` computes (given the last one), computed again when what it read
    /// changes and it is read.
    pub fn new(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Derived<T> {
        let value = Stash::new(None::<T>);
        let changes = counter(Box::new(move || {
            let next = value
                .try_with_value(|last| {
                    let next = f(last.as_ref());
                    (last.as_ref() != Some(&next)).then_some(next)
                })
                .flatten();
            next.map(|next| value.set_value(Some(next))).is_some()
        }));
        Derived { value, changes }
    }

    /// Tracks the value without reading it.
    pub fn track(self) {
        self.changes.track();
    }

    /// Runs `f` on the value, tracked; `None` once the value is gone.
    pub fn try_with<U>(self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.changes.try_get()?;
        self.read(f)
    }

    /// Runs `f` on the value, not tracked; `None` once the value is gone.
    pub fn try_with_untracked<U>(self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.changes.try_get_untracked()?;
        self.read(f)
    }

    /// Runs `f` on the value as last computed (the memo was read first, so it is current).
    fn read<U>(self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.value.try_with_value(|v| v.as_ref().map(f)).flatten()
    }

    /// Runs `f` on the value, tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn with<U>(self, f: impl FnOnce(&T) -> U) -> U {
        match self.try_with(f) {
            Some(u) => u,
            None => gone(),
        }
    }

    /// Runs `f` on the value, not tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn with_untracked<U>(self, f: impl FnOnce(&T) -> U) -> U {
        match self.try_with_untracked(f) {
            Some(u) => u,
            None => gone(),
        }
    }
}

/// The memo that counts a derived value's changes: `recompute` computes the value again and
/// says whether it changed. (Not generic, so that every derived value shares its code.)
fn counter(recompute: Box<dyn Fn() -> bool + Send + Sync>) -> Memo<u64> {
    Memo::new(move |count: Option<&u64>| {
        let count = count.copied().unwrap_or(0);
        if recompute() {
            count.wrapping_add(1)
        } else {
            count
        }
    })
}

impl<T: Clone + PartialEq + 'static> Derived<T> {
    /// A copy of the value, tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    /// A copy of the value, not tracked; `None` once the value is gone.
    pub fn try_get_untracked(self) -> Option<T> {
        self.try_with_untracked(T::clone)
    }

    /// A copy of the value, not tracked.
    ///
    /// # Panics
    /// If the value is gone (see [`Stash::with_value`]).
    pub fn get_untracked(self) -> T {
        self.with_untracked(T::clone)
    }
}

/// Reading a value whose owner is gone: a bug in the page's code, as in Leptos.
#[cold]
fn gone() -> ! {
    panic!("a stashed value was read after its owner was gone")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_go_with_their_owner_and_their_slots_are_reused() {
        use leptos::prelude::Owner;
        let owner = Owner::new();
        let (a, b) = owner.with(|| (Stash::new(1_u32), Stash::new(String::from("x"))));
        a.update_value(|n| *n += 1);
        assert_eq!(a.get_value(), 2);
        assert_eq!(b.with_value(|s| s.len()), 1);
        assert_eq!(b.try_set_value("yz".into()), None);
        assert_eq!(b.get_value(), "yz");
        owner.cleanup();
        assert_eq!(a.try_get_value(), None);
        assert_eq!(a.try_set_value(3), Some(3));
        assert_eq!(b.try_update_value(|s| s.len()), None);
        let c = Stash::new(7_i64);
        assert_eq!(c.index, a.index.min(b.index), "a freed slot is used again");
        assert_eq!(c.get_value(), 7);
        // A handle to a freed slot that was used again reads nothing.
        assert_eq!(a.try_get_value(), None);
        let d = owner.with(|| Stash::new(5_u32));
        owner.cleanup();
        let e = Stash::new(6_u32);
        assert_eq!(e.index, d.index);
        assert_eq!((d.try_get_value(), e.get_value()), (None, 6));
    }

    #[test]
    fn the_owners_cleanups_still_read_its_values() {
        use leptos::prelude::{on_cleanup, Owner};
        let owner = Owner::new();
        let seen = Stash::new(None);
        owner.with(|| {
            let a = Stash::new(String::from("observer"));
            on_cleanup(move || seen.set_value(a.try_get_value()));
        });
        owner.cleanup();
        assert_eq!(seen.get_value().as_deref(), Some("observer"));
    }

    #[test]
    fn memos_follow_a_followed_value_until_its_owner_is_gone() {
        use leptos::prelude::{Get, Memo, Owner};
        let owner = Owner::new();
        let (n, doubled) = owner.with(|| {
            let n = Followed::new(2);
            (n, Memo::new(move |_| n.get() * 2))
        });
        assert_eq!(doubled.get(), 4);
        n.set(5);
        assert_eq!(doubled.get(), 10);
        n.update(|n| *n += 1);
        assert_eq!((doubled.get(), n.get_untracked()), (12, 6));
        owner.cleanup();
        assert_eq!(n.try_set(7), Some(7));
        assert_eq!((n.try_get(), n.try_update(|n| *n)), (None, None));
    }

    #[test]
    fn derived_values_are_computed_when_read_and_followed_when_they_change() {
        use leptos::prelude::{Get, Memo, Owner};
        let owner = Owner::new();
        let runs = Stash::new(0);
        let (n, parity, followers) = owner.with(|| {
            let n = Followed::new(1);
            let parity = Derived::new(move |_| {
                runs.update_value(|r| *r += 1);
                n.get() % 2
            });
            let followers = Stash::new(0);
            // Counts the times what follows `parity` is computed again.
            let follower = Memo::new(move |_| {
                followers.update_value(|f| *f += 1);
                parity.get()
            });
            (n, parity, (followers, follower))
        });
        assert_eq!(runs.get_value(), 0, "not computed until read");
        assert_eq!(followers.1.get(), 1);
        assert_eq!((runs.get_value(), followers.0.get_value()), (1, 1));
        n.set(3);
        assert_eq!(followers.1.get(), 1);
        assert_eq!(runs.get_value(), 2, "computed again");
        assert_eq!(
            followers.0.get_value(),
            1,
            "unchanged: what follows it is not"
        );
        n.set(4);
        assert_eq!((followers.1.get(), followers.0.get_value()), (0, 2));
        assert_eq!((parity.get_untracked(), parity.with(|p| p + 1)), (0, 1));
        owner.cleanup();
        assert_eq!(parity.try_get_untracked(), None);
    }

    #[test]
    fn a_value_can_be_read_while_another_is_changed() {
        let (a, b) = (Stash::new(1), Stash::new(10));
        a.update_value(|x| *x += b.get_value());
        b.update_value(|y| *y += a.get_value());
        assert_eq!((a.get_value(), b.get_value()), (11, 21));
        // The same value while it is being changed: `None`, not a panic.
        assert_eq!(a.try_update_value(|_| a.try_get_value()), Some(None));
    }
}
