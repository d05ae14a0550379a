#!/usr/bin/env bash
# Runs every check, stopping at the first failure: format, lints (host and
# wasm32), native tests, browser component tests, the release build, and the
# end-to-end tests against that build. Sets up whatever is missing first.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

STARTED=$SECONDS
bash scripts/setup.sh
source scripts/env.sh

LOG=$(mktemp)
SECTION="setup"
trap 'echo "test.sh: FAILED in section: $SECTION" >&2' ERR
trap 'rm -f "$LOG"' EXIT

section() {
  SECTION="$1"
  printf '\n==== %s ====\n' "$SECTION"
}
# Runs a command, keeping its output in $LOG for the summary.
logged() { "$@" 2>&1 | tee -a "$LOG"; }

section "cargo fmt --check"
cargo fmt --check

section "cargo clippy (host)"
cargo clippy --all-targets -- -D warnings

section "cargo clippy (wasm32-unknown-unknown)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

section "native tests: cargo test"
logged cargo test

section "browser component tests: cargo test --target wasm32-unknown-unknown (headless chromium)"
logged cargo test --target wasm32-unknown-unknown

section "release build: trunk build --release (offline, wasm-opt $(wasm-opt --version | cut -d' ' -f3))"
# Trunk writes wasm-opt's output here before copying it to dist/: a fresh copy
# identical to dist/ proves wasm-opt really ran.
OPTIMIZED=target/wasm-opt/release/metro-plan_bg.wasm
UNOPTIMIZED=target/wasm-bindgen/release/metro-plan_bg.wasm
rm -f "$OPTIMIZED"
trunk build --release
cmp -s "$OPTIMIZED" dist/metro-plan_bg.wasm || {
  echo "wasm-opt did not run: $OPTIMIZED is missing or differs from dist/" >&2
  false
}
echo "wasm: $(wc -c <"$UNOPTIMIZED") bytes from wasm-bindgen, $(wc -c <dist/metro-plan_bg.wasm) after wasm-opt"
gzipped=0
while IFS= read -r -d '' file; do
  size=$(gzip -9c "$file" | wc -c)
  printf '  %-22s %8d bytes, %7d gzip -9\n' "${file#dist/}" "$(wc -c <"$file")" "$size"
  gzipped=$((gzipped + size))
done < <(find dist -type f -print0 | sort -z)
echo "dist/: $gzipped bytes in all, each file gzip -9"

section "end-to-end tests: node --test e2e/ (release dist/ under a sub-path, headless chromium)"
logged node --test --test-reporter=spec e2e/*.test.mjs

# Add up the runners' counts: cargo/wasm-bindgen-test "test result:" lines and node's "ℹ pass N".
read -r passed failed < <(awk '
  /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
  /^ℹ pass / { p += $3 }
  /^ℹ fail / { f += $3 }
  END { print p + 0, f + 0 }' "$LOG")
printf '\nall checks passed in %ss\n' "$((SECONDS - STARTED))"
echo "summary: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
