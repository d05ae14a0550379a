#!/usr/bin/env bash
# The benchmark (issue 12; not part of the test command): builds the release dist/, serves
# it compressed (brotli/gzip, e2e/serve.mjs --compress) under /portal/plan/, and measures it
# in headless chromium (bench/bench.mjs): sizes, load, interaction latency, frame times,
# memory and Lighthouse, each against its budget. Appends a row to bench/results.jsonl.
#   bash scripts/bench.sh                    # build, then measure (about 4–6 minutes)
#   bash scripts/bench.sh --no-build         # measure the dist/ already there
#   bash scripts/bench.sh --runs 3 --no-lighthouse --no-record   # a quicker look
set -Eeuo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
source scripts/env.sh

build=1
args=()
for arg in "$@"; do
  if [[ "$arg" == --no-build ]]; then build=0; else args+=("$arg"); fi
done
if [[ $build -eq 1 ]]; then
  echo "bench: scripts/build-release.sh"
  bash scripts/build-release.sh 2>&1 | tail -n 3
fi
exec node bench/bench.mjs "${args[@]}"
