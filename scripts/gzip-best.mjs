// The gzip files a release ships beside each file (scripts/compress-dist.mjs, and
// scripts/stamp-release.mjs when it rewrites one): made with zopfli where it is installed
// (`scripts/setup.sh` installs Debian's `zopfli`), else with Node's zlib at level 9.
// Zopfli writes ordinary gzip (any browser and `gunzip` unpack it) ≈ 4–5 % smaller than
// gzip -9, at the cost of ≈ 1 s per 300 KB when the release is built, never when it is
// served: nginx's `gzip_static` sends these files as they are (issue 12, first-load
// size; docs/performance.md "Where the bytes are"). The brotli files beside them are made
// here too (`brotliBest`), so that both scripts write the same bytes for the same file.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

let tool;

/** `"zopfli"` when the `zopfli` command runs here, else `"gzip -9"` (Node's zlib). */
export function gzipTool() {
  if (tool === undefined) {
    const probe = spawnSync("zopfli", ["-h"], { stdio: "ignore" });
    tool = probe.error ? "gzip -9" : "zopfli";
  }
  return tool;
}

/** `data` (a Buffer or a string) gzip-compressed as small as this machine can. */
export function gzipBest(data) {
  const raw = typeof data === "string" ? Buffer.from(data) : data;
  if (gzipTool() !== "zopfli") return gzipSync(raw, { level: 9 });
  // zopfli reads files, not standard input.
  const dir = mkdtempSync(join(tmpdir(), "gzip-best-"));
  try {
    const file = join(dir, "data");
    writeFileSync(file, raw);
    const run = spawnSync("zopfli", ["-c", file], { maxBuffer: 1 << 30 });
    if (run.error || run.status !== 0) {
      throw new Error(`zopfli failed: ${run.error?.message ?? run.stderr.toString()}`);
    }
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `data` (a Buffer or a string) brotli-compressed at quality 11, with the largest window. */
export function brotliBest(data) {
  const raw = typeof data === "string" ? Buffer.from(data) : data;
  return brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
}
