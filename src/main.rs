//! Entry point: only mounts the app (see `lib.rs`).
fn main() {
    metro_plan::start();
}
