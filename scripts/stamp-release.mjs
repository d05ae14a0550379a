// Stamps a release ID on the asset links of a built dist/index.html, for long caching:
//   node scripts/stamp-release.mjs [ID] [--dist dist]
// Each local `.js`, `.wasm` and `.css` link (loader, preloads, stylesheets) gets `?v=ID`;
// public/loader.js passes its own `?v=` on to the JS and the wasm it loads. A host that
// caches stamped URLs for a year (deploy/nginx/metro-plan.conf) then serves each release
// fresh, and index.html itself is revalidated on every visit. ID defaults to a hash of
// the wasm. Precompressed copies of index.html (.gz, .br) are made again if present.
// Run it after `trunk build --release`, before copying dist/ to the host.

import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const dist = distAt >= 0 ? args[distAt + 1] : "dist";
const given = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--dist")[0];

export function stamp(html, id) {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new Error(`release ID must be [A-Za-z0-9._-]+: ${id}`);
  // href="./main.css", src=./loader.js (the minifier may drop quotes); never URLs with a
  // scheme or a query already.
  return html.replace(
    /\b(href|src)=(["']?)((?:\.\/)?[A-Za-z0-9._-]+\.(?:js|wasm|css))(\?v=[A-Za-z0-9._-]+)?(?=["'\s>])/g,
    (_, attr, quote, path) => `${attr}=${quote}${path}?v=${id}`,
  );
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const index = join(dist, "index.html");
  const id = given ?? createHash("sha256").update(readFileSync(join(dist, "metro-plan_bg.wasm"))).digest("hex").slice(0, 12);
  const html = stamp(readFileSync(index, "utf8"), id);
  writeFileSync(index, html);
  if (existsSync(index + ".gz")) writeFileSync(index + ".gz", gzipSync(html, { level: 9 }));
  if (existsSync(index + ".br")) {
    writeFileSync(index + ".br", brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  const count = (html.match(/\?v=/g) ?? []).length;
  console.log(`stamped ${count} asset links in ${index} with ?v=${id}`);
  if (count === 0) process.exit(1);
}
