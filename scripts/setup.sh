#!/usr/bin/env bash
# Installs what the build, the dev server and the tests need: only what is
# absent or at the wrong version, so a second run changes nothing.
# Needs Rust (rustup), Node 20 + npm, and Debian's apt (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4 # wasm_split_cli_support, whose wasm-split-cli cuts the release wasm into chunks
WASM_OPT_VERSION=132 # npm binaryen, pinned in package.json; Debian's binaryen (v108) breaks the wasm
# chromium: every test; firefox-esr + webkit2gtk-driver/xvfb/xauth: the three-engine smoke;
# nginx-light + brotli: the hosting test under the strict CSP; imagemagick/poppler-utils:
# reading the PNG and PDF exports in tests; openjdk-17-jre-headless: the W3C Nu Html Checker (npm vnu-jar).
DEBIAN_PACKAGES=(chromium chromium-driver fonts-noto-cjk firefox-esr webkit2gtk-driver xvfb xauth
  nginx-light libnginx-mod-http-brotli-static imagemagick poppler-utils openjdk-17-jre-headless zopfli)

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ -z "$WASM_BINDGEN_VERSION" ]]; then
  echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi

step() { printf 'setup: %-44s ' "$1"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

step "node >= 20 and npm"
if [[ "$(node -p 'process.versions.node.split(".")[0] >= 20' 2>/dev/null)" == true ]] && command -v npm >/dev/null; then
  echo "ok (present)"
else
  echo "MISSING: install Node.js 20 or later with npm" >&2
  exit 1
fi

# Captured first: `rustup … | grep -q` can fail under pipefail when grep exits early.
installed_targets=$(rustup target list --installed)
installed_components=$(rustup component list --installed)

step "rust target wasm32-unknown-unknown"
if grep -qx wasm32-unknown-unknown <<<"$installed_targets"; then
  echo "ok (present)"
else
  echo "installing…"
  rustup target add wasm32-unknown-unknown
fi

# rust-src: scripts/build-release.sh compiles the standard library with the app.
for component in clippy rustfmt rust-src; do
  step "rust component $component"
  # Listed with the host's triple (`clippy-x86_64-unknown-linux-gnu`), except rust-src.
  if grep -qE "^$component(-|$)" <<<"$installed_components"; then
    echo "ok (present)"
  else
    echo "installing…"
    rustup component add "$component"
  fi
done

# The release build's `-Z build-std` compiles std from rust-src, whose own dependencies
# (compiler_builtins, moto-rt, …, pinned by its Cargo.lock) must be in cargo's cache: Trunk
# runs cargo --offline. Fetched once; later runs find them offline.
step "std's dependencies for -Z build-std"
std_manifest="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if RUSTC_BOOTSTRAP=1 cargo fetch --locked --offline --quiet --manifest-path "$std_manifest" 2>/dev/null; then
  echo "ok (present)"
else
  echo "fetching…"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$std_manifest"
fi

step "trunk $TRUNK_VERSION"
installed_trunk=$(trunk --version 2>/dev/null || true)
if [[ "$installed_trunk" == "trunk $TRUNK_VERSION" ]]; then
  echo "ok (present)"
else
  echo "installing… (cargo install, about 6 minutes on 2 cores)"
  force=()
  [[ -n "$installed_trunk" ]] && force=(--force) # replace the wrong version
  cargo install --locked trunk --version "$TRUNK_VERSION" "${force[@]}"
fi

# wasm-split-cli: the release build's code splitting (scripts/post-build.mjs), as cargo-leptos
# does it for Leptos' #[lazy]. It has no --version; cargo's install list has it.
step "wasm-split-cli $WASM_SPLIT_VERSION"
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && command -v wasm-split-cli >/dev/null; then
  echo "ok (present)"
else
  echo "installing… (cargo install, about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (from Cargo.lock)"
installed_bindgen=$(wasm-bindgen --version 2>/dev/null || true)
if [[ "$installed_bindgen" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] &&
  [[ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" == *" $WASM_BINDGEN_VERSION"* ]]; then
  echo "ok (present)"
else
  echo "installing… (cargo install, a few minutes)"
  force=()
  [[ -n "$installed_bindgen" ]] && force=(--force) # replace the wrong version
  # Not --locked: the crate's own lockfile pins versions that no longer build.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" "${force[@]}"
fi

step "debian ${DEBIAN_PACKAGES[*]}"
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "ok (present)"
else
  echo "installing… (${missing[*]})"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

step "npm packages (npm ci from package-lock.json)"
if [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "ok (present)"
else
  echo "installing…"
  npm ci --no-audit --no-fund
fi

step "wasm-opt $WASM_OPT_VERSION (npm binaryen)"
wasm_opt_version=$(wasm-opt --version 2>/dev/null || true)
if [[ "$wasm_opt_version" == "wasm-opt version $WASM_OPT_VERSION "* && "$(command -v wasm-opt)" == "$PWD/node_modules/binaryen/bin/wasm-opt" ]]; then
  echo "ok (present)"
else
  echo "WRONG: '$(command -v wasm-opt || echo none)' reports '$wasm_opt_version'" >&2
  exit 1
fi
