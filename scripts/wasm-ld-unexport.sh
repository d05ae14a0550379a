#!/usr/bin/env bash
# The release build's linker (scripts/build-release.sh sets it for wasm32): rust-lld, without
# the exports of wasm-bindgen structs that nothing in the app uses, so that the linker's
# --gc-sections drops their code and everything only they reach (docs/performance.md "Where the bytes are").
# rustc asks wasm-ld to export every `#[wasm_bindgen]` item of every crate; `wasm-streams`,
# which Leptos' `server_fn` (a non-optional dependency of leptos 0.8, its "browser" feature)
# pulls in, exports three JS classes (IntoUnderlyingByteSource, IntoUnderlyingSink,
# IntoUnderlyingSource) for streaming server functions, which this app has none of. Left
# exported, their methods, futures and vtables stay in the wasm (wasm-opt cannot remove a
# function whose address is in the table) and their classes in the JS glue.
# Dropped here: `--export NAME` for the classes' methods, their `__wbindgen_describe_…`
# descriptors and their `__wbg_…_free`; without the descriptors wasm-bindgen skips the
# methods. The hook (scripts/post-build.mjs) then removes the empty classes from the JS.
# Fails (so the build fails) if no such export is asked for any more (a new Leptos or
# wasm-streams): then this filter, and the hook's step, are to be looked at again.
set -euo pipefail
UNUSED='^(__wbindgen_describe_|__wbg_)?intounderlying(bytesource|sink|source)_[A-Za-z]+_[0-9a-f]{16}$'
args=()
dropped=0
while (($#)); do
  if [[ "$1" == --export && $# -ge 2 && "$2" =~ $UNUSED ]]; then
    dropped=$((dropped + 1))
    shift 2
    continue
  fi
  args+=("$1")
  shift
done
sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
lld="$sysroot/lib/rustlib/$host/bin/rust-lld"
if ((dropped == 0)); then
  echo "wasm-ld-unexport.sh: no export of wasm-streams' IntoUnderlying* classes to drop; look at this filter again (docs/performance.md \"Where the bytes are\")" >&2
  exit 1
fi
if [[ "${args[0]:-}" == -flavor ]]; then exec "$lld" "${args[@]}"; fi
exec "$lld" -flavor wasm "${args[@]}"
