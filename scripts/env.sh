# Source me: puts the project's tools first on PATH.
# - wasm-opt from npm `binaryen` (pinned in package.json), ahead of any system
#   binaryen: Trunk uses the first wasm-opt on PATH, and Debian's v108 produces a
#   wasm that fails in the browser.
# - cargo-installed trunk, wasm-bindgen and wasm-bindgen-test-runner.
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PROJECT_ROOT/node_modules/binaryen/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# wasm-bindgen-test-runner drives headless chromium through this driver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
