// Trunk post_build hook (Trunk.toml): writes `NAME.gz` (zopfli, else gzip -9:
// scripts/gzip-best.mjs) and `NAME.br` (brotli 11)
// beside each file of a release build, for hosts that serve precompressed files
// (nginx `gzip_static` / `brotli_static`). Debug builds (`trunk serve`) are left alone:
// their multi-megabyte wasm would take seconds to compress on every rebuild.
// Uses Node's zlib, and the `zopfli` command where it is installed.
//   node scripts/compress-dist.mjs dist           # by hand
//   node scripts/compress-dist.mjs --check dist   # each file has both, and they unpack to it

import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { brotliBest, gzipBest, gzipTool } from "./gzip-best.mjs";

const args = process.argv.slice(2);
const check = args.includes("--check");
const dir = args.find((a) => !a.startsWith("--")) ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("compress-dist: give a folder, or run as a Trunk hook (TRUNK_STAGING_DIR)");
  process.exit(2);
}
// As a hook, only for release builds.
if (args.length === 0 && process.env.TRUNK_PROFILE !== "release") process.exit(0);

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && !/\.(gz|br)$/.test(entry.name)) yield path;
  }
}

let count = 0;
const problems = [];
for await (const path of files(dir)) {
  const raw = await readFile(path);
  count++;
  if (check) {
    for (const [ext, unpack] of [
      [".gz", gunzipSync],
      [".br", brotliDecompressSync],
    ]) {
      try {
        if (!unpack(await readFile(path + ext)).equals(raw)) problems.push(`${path}${ext} does not unpack to ${path}`);
      } catch (err) {
        problems.push(`${path}${ext}: ${err.code === "ENOENT" ? "missing" : err.message}`);
      }
    }
    continue;
  }
  await writeFile(`${path}.gz`, gzipBest(raw));
  await writeFile(`${path}.br`, brotliBest(raw));
}
if (!check) console.log(`precompressed: ${count} files of ${dir}, .gz by ${gzipTool()}, .br by brotli 11`);
if (check) {
  if (problems.length) {
    console.error(`compress-dist: precompressed files wrong:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`precompressed: each of the ${count} files of ${dir} has a .gz and a .br that unpack to it`);
}
