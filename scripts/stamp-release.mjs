// Stamps a release ID on the asset links of a built dist/index.html, for long caching:
//   node scripts/stamp-release.mjs [ID] [--dist dist] [--public-url https://host/path/]
// Each local `.js`, `.wasm` and `.css` link (loader, preloads, stylesheets) gets `?v=ID`;
// public/loader.js passes its own `?v=` on to the JS and the wasm it loads, and so do the
// imports between metro-plan.js and __wasm_split.js (stamped here) and __wasm_split.js to
// the wasm chunks it fetches (code loaded on first use). A host that
// caches stamped URLs for a year (deploy/nginx/metro-plan.conf) then serves each release
// fresh, and index.html itself is revalidated on every visit. ID defaults to a hash of
// the wasm. Precompressed copies of index.html (.gz, .br) are made again if present.
// Run it after `trunk build --release`, before copying dist/ to the host.
// With --public-url (the address the dashboard will be served at), the link preview's
// image becomes absolute (`og:image`, `twitter:image`, as the Open Graph protocol asks) and
// an `og:url` is added; without it they stay relative, since dist/ does not know its host.

import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliBest, gzipBest } from "./gzip-best.mjs";

const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const dist = distAt >= 0 ? args[distAt + 1] : "dist";
const urlAt = args.indexOf("--public-url");
const publicUrl = urlAt >= 0 ? args[urlAt + 1] : undefined;
const given = args.filter((a, i) => !a.startsWith("--") && !["--dist", "--public-url"].includes(args[i - 1]))[0];

export function stamp(html, id) {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new Error(`release ID must be [A-Za-z0-9._-]+: ${id}`);
  // href="./main.css", src=./loader.js (the minifier may drop quotes); never URLs with a
  // scheme or a query already.
  return html.replace(
    /\b(href|src)=(["']?)((?:\.\/)?[A-Za-z0-9._-]+\.(?:js|wasm|css))(\?v=[A-Za-z0-9._-]+)?(?=["'\s>])/g,
    (_, attr, quote, path) => `${attr}=${quote}${path}?v=${id}`,
  );
}

/**
 * The code-split build's modules import each other statically (metro-plan.js imports
 * `./__wasm_split.js`, which imports `./metro-plan.js` back for the wasm's exports): each
 * such import of a sibling module gets `?v=ID` too, so that it names the same URL that
 * loader.js (and index.html's modulepreload) load, and the module is evaluated once.
 * `__wasm_split.js` passes its own `?v=` on to the chunks it fetches.
 */
export const MODULES = ["metro-plan.js", "__wasm_split.js"];
export function stampModule(js, id) {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new Error(`release ID must be [A-Za-z0-9._-]+: ${id}`);
  return js.replace(
    /\b(from\s*|import\s*)(["'])(\.\/[A-Za-z0-9._-]+\.js)(\?v=[A-Za-z0-9._-]+)?\2/g,
    (_, keyword, quote, path) => `${keyword}${quote}${path}?v=${id}${quote}`,
  );
}

/** Writes `text` to `path`, and its `.gz`/`.br` again where they exist. */
export function writeWithCompressed(path, text) {
  writeFileSync(path, text);
  if (existsSync(path + ".gz")) writeFileSync(path + ".gz", gzipBest(text));
  if (existsSync(path + ".br")) {
    writeFileSync(path + ".br", brotliBest(text));
  }
}

/** Makes the preview image's URL absolute under `base` and adds `og:url`. */
export function absolutePreview(html, base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`--public-url must be an absolute URL: ${base}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`--public-url must be http(s): ${base}`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const image = escape(new URL("preview.png", url).href);
  // Attributes in any order, quoted or not (the built page is minified).
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
  let count = 0;
  let out = html.replace(/<meta\s[^>]*>/g, (tag) => {
    const key = attr(tag, "property") ?? attr(tag, "name");
    if ((key !== "og:image" && key !== "twitter:image") || attr(tag, "content") !== "preview.png") return tag;
    count += 1;
    return `<meta ${key === "og:image" ? "property" : "name"}="${key}" content="${image}">`;
  });
  if (count !== 2) throw new Error(`expected og:image and twitter:image to be preview.png, found ${count}`);
  const ogType = out.match(/<meta\s[^>]*>/g)?.find((tag) => attr(tag, "property") === "og:type");
  if (!ogType) throw new Error("no og:type meta tag to put og:url after");
  return out.replace(ogType, `${ogType}<meta property="og:url" content="${escape(url.href)}">`);
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const index = join(dist, "index.html");
  const id = given ?? createHash("sha256").update(readFileSync(join(dist, "metro-plan_bg.wasm"))).digest("hex").slice(0, 12);
  let html = stamp(readFileSync(index, "utf8"), id);
  if (publicUrl !== undefined) html = absolutePreview(html, publicUrl);
  writeWithCompressed(index, html);
  const count = (html.match(/\?v=/g) ?? []).length;
  console.log(`stamped ${count} asset links in ${index} with ?v=${id}`);
  if (count === 0) process.exit(1);
  for (const name of MODULES) {
    const path = join(dist, name);
    if (!existsSync(path)) continue;
    const js = readFileSync(path, "utf8");
    const out = stampModule(js, id);
    writeWithCompressed(path, out);
    console.log(`stamped ${(out.match(/\?v=/g) ?? []).length} module imports in ${path}`);
  }
}
