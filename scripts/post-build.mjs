// Trunk post_build hook (Trunk.toml), release builds only: minifies wasm-bindgen's JS glue
// (`metro-plan.js`, which Trunk's own minifier leaves as it is) with terser, then writes the
// precompressed `.gz`/`.br` beside each file (scripts/compress-dist.mjs). One hook, so that
// the two steps run in this order (Trunk starts a stage's hooks side by side).
// Measured (gzip -9): metro-plan.js 8,842 → 7,093 bytes.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: run as a Trunk hook (TRUNK_STAGING_DIR)");
  process.exit(2);
}
if (process.env.TRUNK_PROFILE === "release") {
  const path = join(dir, "metro-plan.js");
  const source = await readFile(path, "utf8");
  // An ES module: its exports (the default `init` that loader.js imports) keep their names.
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code || !/export\s*\{[^}]*as default/.test(out.code)) {
    console.error("post-build: terser's output of metro-plan.js has no default export");
    process.exit(1);
  }
  await writeFile(path, out.code);
}
await import("./compress-dist.mjs");
