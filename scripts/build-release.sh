#!/usr/bin/env bash
# The release build of dist/: `trunk build --release` (offline, wasm-opt -Oz from npm
# binaryen, the .gz/.br hook), with the Rust standard library compiled together with the
# app for size (issue 12, docs/performance.md "Where the bytes are"):
# - `-Z build-std=std,panic_abort` builds std/core/alloc from the `rust-src` component with
#   the release profile (opt-level "z", LTO) instead of linking the prebuilt, speed-optimised
#   std, so that LTO can drop and shrink what the app does not use;
# - `-C panic=immediate-abort`: a panic traps at once instead of formatting a message
#   (std's panic machinery and its formatting code leave the wasm). The page still shows a
#   readable error: public/loader.js catches the trap (a WebAssembly.RuntimeError);
# - std's `optimize_for_size` feature (`-Z build-std-features`): core and alloc pick their
#   smaller variants of the same algorithms (sorting, integer formatting, rotation, escapes): main wasm
#   133,870 → 133,159 bytes gzip -9, the chunks 37,609 → 36,070 (3 December 2026).
# All are unstable flags of the stable 1.95 toolchain, enabled for this build only with
# RUSTC_BOOTSTRAP=1; the lints, tests and `trunk serve` use the ordinary toolchain.
# Measured (gzip -9 of the optimised wasm): 265,485 → 245,929 bytes (−19.1 KB, −7.4 %).
# `METRO_PLAN_PLAIN_STD=1 bash scripts/build-release.sh` builds without them (to compare).
# Code splitting (docs/performance.md "Where the bytes are"): `--cfg metro_split` turns the functions
# marked `split!` (src/components/lazy.rs) into wasm_split split points, and
# `--emit-relocs` keeps the relocations wasm-split-cli needs to cut the wasm into the main
# module and the chunks loaded on first use; the post-build hook (scripts/post-build.mjs,
# told by METRO_PLAN_SPLIT=1) does the cutting. `METRO_PLAN_NO_SPLIT=1` builds one wasm.
# The side column's text (the key facts and the panels) is written natively at build time
# (`examples/side_html.rs`) and put into index.html as templates by the hook
# (METRO_PLAN_SIDE names the file); `--cfg metro_baked_side` leaves its writers out of the
# wasm (src/components/panels/source.rs). Extra arguments go to trunk.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
side="$PWD/target/side-column.html"
mkdir -p target
cargo run --quiet --example side_html > "$side.tmp"
mv "$side.tmp" "$side"
export METRO_PLAN_SIDE="$side"
flags="--cfg metro_baked_side"
if [[ "${METRO_PLAN_PLAIN_STD:-}" != 1 ]]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  flags="$flags -Zunstable-options -Cpanic=immediate-abort"
fi
if [[ "${METRO_PLAN_NO_SPLIT:-}" != 1 ]]; then
  export METRO_PLAN_SPLIT=1
  flags="$flags --cfg metro_split -Clink-args=--emit-relocs"
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags# }"
# rust-lld without the exports of wasm-streams' unused JS classes (the script says why).
# The hook then removes their emptied classes from the JS glue (METRO_PLAN_UNEXPORTED=1).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$PWD/scripts/wasm-ld-unexport.sh"
export METRO_PLAN_UNEXPORTED=1
exec trunk build --release "$@"
