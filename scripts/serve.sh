#!/usr/bin/env bash
# Sets up whatever is missing, then serves the dashboard at http://127.0.0.1:8080/
# with `trunk serve` (offline, rebuilds on change). Extra arguments go to trunk,
# e.g. `bash scripts/serve.sh --release` for the optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
source scripts/env.sh

echo "serving at http://127.0.0.1:8080/ (Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
