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

# The release build compiles with `--cfg metro_split` (scripts/build-release.sh: the code
# splitting's split points, src/components/lazy.rs) and `--cfg metro_baked_side` (the side
# column's text from index.html, src/components/panels/source.rs), which the lints above never
# see. Its own target directory, so that the other flags' check and test builds stay cached.
section "cargo clippy (wasm32, --cfg metro_split --cfg metro_baked_side as the release build)"
CARGO_TARGET_DIR=target/clippy-split CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg metro_split --cfg metro_baked_side" \
  cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

section "native tests: cargo test"
logged cargo test

section "browser component tests: cargo test --target wasm32-unknown-unknown (headless chromium)"
logged cargo test --target wasm32-unknown-unknown

section "release build: scripts/build-release.sh (trunk build --release, std built with the app; offline, wasm-opt $(wasm-opt --version | cut -d' ' -f3))"
# Trunk writes wasm-opt's output here before copying it to dist/: a fresh copy
# identical to dist/ proves wasm-opt really ran.
# With code splitting (the default: docs/performance.md "Where the bytes are"), the post-build hook
# optimises the split main module itself, into target/wasm-split/opt/.
OPTIMIZED=target/wasm-opt/release/metro-plan_bg.wasm
SPLIT_OPTIMIZED=target/wasm-split/opt/metro-plan_bg.wasm
UNOPTIMIZED=target/wasm-bindgen/release/metro-plan_bg.wasm
rm -f "$OPTIMIZED" "$SPLIT_OPTIMIZED"
bash scripts/build-release.sh
[[ -f dist/__wasm_split.js ]] && OPTIMIZED=$SPLIT_OPTIMIZED
cmp -s "$OPTIMIZED" dist/metro-plan_bg.wasm || {
  echo "wasm-opt did not run: $OPTIMIZED is missing or differs from dist/" >&2
  false
}
echo "wasm: $(wc -c <"$UNOPTIMIZED") bytes from wasm-bindgen, $(wc -c <dist/metro-plan_bg.wasm) after wasm-opt"
# No float formatting or parsing in the wasm (issue 12: Grisu/Dragon, dec2flt and their
# tables were 22 KB gzip): numbers are written and read with integer code
# (geo::decimal::{Num, push_fixed, parse_f64}). wasm-bindgen's output keeps the function
# names, so a `{}`/`{:.N}`/`{:?}` of an f64, `str::parse::<f64>` or `f64::clamp` with
# run-time bounds shows up here by name.
if grep -a -o -E 'core(\[[0-9a-f]+\])?::(num::(flt2dec|dec2flt)|fmt::float)' "$UNOPTIMIZED" | sort -u | grep .; then
  echo "float formatting or parsing is linked into the wasm: write numbers with geo::decimal::Num / push_fixed, read them with parse_f64 (docs/performance.md \"Where the bytes are\")" >&2
  false
fi
# Nor libm's transcendental functions (issue 12: ≈ 9 KB gzip with their tables): in the
# browser they are the JS engine's Math (geo::math), so an `x.sin()`, `powf`, `exp`, … on
# the wasm's path shows up here by name.
if grep -a -o -E 'libm_math::(a?sin|a?cos|a?tan|atan2|hypot|exp2?|log2?|log10|pow|rem_pio2[a-z_]*)::' "$UNOPTIMIZED" | sort -u | grep .; then
  echo "libm is linked into the wasm: use geo::math (the JS engine's Math in the browser) instead of f64's sin/cos/powf/exp/… (docs/performance.md \"Where the bytes are\")" >&2
  false
fi
# The first load is every file of dist/ (HTML, loader, JS, wasm, CSS; the data is inside
# the wasm), counted as the gzip a host sends for it: the `.gz` beside it that the build
# made for hosts that serve precompressed files (nginx `gzip_static`; zopfli, else gzip -9:
# scripts/gzip-best.mjs), checked first to unpack to the file; gzip -9 of each file is
# shown beside it, for hosts that compress as they send. The budget (issue 12) is 120 KB.
# Files the
# page itself never loads are listed but not counted: the link preview and touch icon (read
# by other apps), embed.js and the embed demo (for portals), the data downloads
# (downloads/, fetched only when the reader saves one), and the wasm chunks
# (split_NAME.HASH.wasm, chunk_N.HASH.wasm: code loaded on first use of the tour, the table, the
# share dialog, a map download, the map's tooltip or the details card, and split_NAME.HASH.css, the styles of what the tour's,
# the table's and the share dialog's chunks write, loaded with them, and later.HASH.bin, the
# texts only the chunks show, fetched with the first of them; e2e/split.test.mjs
# checks that the first screen fetches none of them). The main wasm and __wasm_split.js (imported by metro-plan.js) count.
node scripts/compress-dist.mjs --check dist
NOT_LOADED='^(preview\.png|apple-touch-icon\.png|embed\.js|embed-demo\..*|downloads/.*)$'
CHUNK='^((split_[A-Za-z0-9_]+|chunk_[0-9]+)(\.[0-9a-f]+)?\.wasm|split_[A-Za-z0-9_]+\.[0-9a-f]+\.css|later\.[0-9a-f]+\.bin)$'
BUDGET=$((120 * 1024))
first_load=0
first_load_9=0
wasm_gzip=0
chunks_gzip=0
printf '  %-34s %8s %11s %8s\n' file bytes "gzip (.gz)" "gzip -9"
while IFS= read -r -d '' file; do
  size=$(wc -c <"$file.gz")
  size_9=$(gzip -9c "$file" | wc -c)
  printf '  %-34s %8d %11d %8d\n' "${file#dist/}" "$(wc -c <"$file")" "$size" "$size_9"
  [[ "${file#dist/}" =~ $NOT_LOADED ]] && continue
  if [[ "${file#dist/}" =~ $CHUNK ]]; then
    chunks_gzip=$((chunks_gzip + size))
    continue
  fi
  first_load=$((first_load + size))
  first_load_9=$((first_load_9 + size_9))
  [[ "$file" == *.wasm ]] && wasm_gzip=$size
done < <(find dist -type f ! -name '*.gz' ! -name '*.br' -print0 | sort -z)
echo "wasm chunks, their stylesheets and texts loaded on first use (not in the first load): $chunks_gzip bytes gzip in all"
echo "first load compressed by the host with gzip -9 instead: $first_load_9 bytes"
awk -v t="$first_load" -v w="$wasm_gzip" 'BEGIN {
  printf "first load: %d bytes gzip as served (%.1f KB; the main wasm %.1f KB of it, %d %%); budget 120 KB: ", t, t / 1024, w / 1024, 100 * w / t }'
# The budget holds for the files as the build precompressed them (zopfli, which
# scripts/setup.sh installs; Node's gzip -9 makes them ≈ 5 % larger, and the first load would
# then be over it: README "Where the first load's bytes are").
if ((first_load <= BUDGET)); then
  echo "met ($(((BUDGET - first_load))) bytes to spare)"
else
  echo "OVER by $((first_load - BUDGET)) bytes" >&2
  if [[ "$(node --input-type=module -e 'import { gzipTool } from "./scripts/gzip-best.mjs"; console.log(gzipTool())')" != zopfli ]]; then
    echo "the .gz files were made by gzip -9: zopfli is missing (bash scripts/setup.sh installs it)" >&2
  fi
  echo "the first load is over issue 12's budget of 120 KB (README \"Where the first load's bytes are\")" >&2
  exit 1
fi

section "built HTML: W3C Nu Html Checker (vnu) on dist/index.html"
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only dist/index.html
echo "dist/index.html: valid"

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
