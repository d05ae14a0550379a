// Trunk post_build hook (Trunk.toml), release builds only:
// 1. with METRO_PLAN_SPLIT=1 (set by scripts/build-release.sh, which builds the wasm with
//    `--cfg metro_split` and `--emit-relocs`), the code splitting: Trunk runs cargo,
//    wasm-bindgen and wasm-opt in one go and has no place between cargo and wasm-bindgen,
//    so this redoes the Rust part from cargo's wasm, as cargo-leptos does:
//    `wasm-split-cli` cuts it into the main module, the chunks loaded on first use
//    (`split_NAME.HASH.wasm`, `chunk_N.HASH.wasm` for code two splits share; HASH names the
//    main module they fit) and `__wasm_split.js`
//    (which fetches and links them); `wasm-bindgen --target web --keep-lld-exports` makes
//    the JS glue of the main module (the chunks import its memory, table and functions);
//    `wasm-opt -Oz` (npm binaryen, as Trunk's) shrinks the main module and each chunk, the
//    main module's imports from the JS and its `_R…` exports get short names (wasm and JS;
//    measured: −3.2 KB gzip of wasm, −2.6 KB of JS for the imports), and
//    the imports of each chunk are checked against what the main module exports. The plan's
//    texts that only the chunks show (`TEXTS_LATER`, src/i18n's `LATER_START`) leave the
//    main module for `later.HASH.bin`, which `__wasm_split.js` writes into memory with the
//    first chunk (`takeOutLater`; −1.4 KB of the main wasm, 5 December 2026). The
//    results replace Trunk's `metro-plan.js` and `metro-plan_bg.wasm` in the staging dir;
//    `index.html` gets a modulepreload of `__wasm_split.js` beside Trunk's preloads.
//    docs/performance.md "Where the bytes are" has the sizes.
// 2. wasm-streams' unused JS classes (IntoUnderlying*) leave wasm-bindgen's JS: the release
//    build (scripts/build-release.sh) links without their exports (scripts/wasm-ld-unexport.sh,
//    which says why).
//    terser minifies wasm-bindgen's JS glue (`metro-plan.js`, which Trunk's own minifier
//    leaves as it is), `__wasm_split.js` and `loader.js` (copied as it is). Measured
//    (gzip -9): metro-plan.js 8,842 → 7,093 bytes; loader.js 1,479 → 865 bytes.
// 3. (done first) one stylesheet: the CSS files index.html links (each minified by Trunk, in their
//    cascade order) concatenated into `metro-plan.css`, linked once with its own
//    `integrity`; the single files leave dist/. Measured (gzip -9): seven files of
//    11,687 bytes in all → one of 8,434 bytes, and six requests fewer. Trunk cannot do it
//    (its CSS step minifies each file on its own and leaves an `@import` as it is, which
//    the browser would fetch one after the other); `trunk serve` keeps the single files.
// 4. with METRO_PLAN_SIDE (set by scripts/build-release.sh: the file examples/side_html.rs
//    printed), the side column's text as `<template data-side="LANG-PART">`s at the end of
//    index.html's body, which the app takes its key facts and panels from
//    (src/components/panels/source.rs; that build's wasm has no writers for them);
// 5. the snapshots of the first screen in index.html (scripts/prerender.mjs, which says how),
//    from the app built by the steps above; `pre.js` minified.
// 6. the precompressed `.gz`/`.br` beside each file (scripts/compress-dist.mjs).
// One hook, so that the steps run in this order (Trunk starts a stage's hooks side by side).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { minify } from "terser";
import { orderFunctions } from "./order-functions.mjs";
import { lebBytes, sections, sleb, slebBytes, uleb } from "./wasm-bytes.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: run as a Trunk hook (TRUNK_STAGING_DIR)");
  process.exit(2);
}
const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};

const wasmName = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([lebBytes(bytes.length), bytes]);
};
/** The name at `pos` of a wasm: [text, position after it]. */
function readName(wasm, pos) {
  const [len, start] = uleb(wasm, pos);
  return [wasm.subarray(start, start + len).toString("utf8"), start + len];
}

/**
 * `wasm` with each entry of its section `id` (a vector: the imports, the exports) rewritten
 * by `entry(wasm, pos)`, which returns the new entry's bytes and the position after the
 * old one.
 */
function rewriteSection(wasm, id, what, entry) {
  const parts = [wasm.subarray(0, 8)];
  for (const { id: sectionId, pos, start, end } of sections(wasm)) {
    if (sectionId !== id) {
      parts.push(wasm.subarray(pos, end));
      continue;
    }
    let [count, p] = uleb(wasm, start);
    const entries = [];
    for (let n = 0; n < count; n++) {
      let bytes;
      [bytes, p] = entry(wasm, p);
      entries.push(bytes);
    }
    if (p !== end) fail(`metro-plan_bg.wasm: the ${what} section is not as this hook reads it`);
    const body = Buffer.concat([lebBytes(count), ...entries]);
    parts.push(Buffer.from([id]), lebBytes(body.length), body);
  }
  return Buffer.concat(parts);
}

/**
 * Short names for the imports wasm-bindgen's JS gives the main wasm: each is named
 * `__wbg_METHOD_HASH` (a 16-hex-digit hash that compresses badly) in the wasm's import
 * section and again as a key of the JS's import object, and their module
 * `./metro-plan_bg.js` is repeated for each. They become `a`, `b`, … of module `a` in both.
 * The imports from `./__wasm_split.js` (the chunk loaders, which are that module's exports)
 * keep their names. Fails unless every such import is a function with exactly one key in
 * the JS's import object and every key there is an import (as wasm-bindgen 0.2 writes it).
 */
function shortImportNames(wasm, js) {
  const MODULE = "./metro-plan_bg.js";
  const renamed = new Map();
  const nameFor = (i) => {
    const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let name = letters[i % 52];
    for (i = Math.floor(i / 52); i > 0; i = Math.floor((i - 1) / 52)) name = letters[(i - 1) % 52] + name;
    return name;
  };
  const out = rewriteSection(wasm, 2, "import", (bytes, pos) => {
    const [module, afterModule] = readName(bytes, pos);
    let [name, p] = readName(bytes, afterModule);
    const descStart = p;
    const kind = bytes[p++];
    if (kind === 0x00) [, p] = uleb(bytes, p); // function: type index
    else if (kind === 0x01 || kind === 0x02) {
      if (kind === 0x01) p++; // table: funcref or externref
      const flags = bytes[p++];
      [, p] = uleb(bytes, p);
      if (flags & 1) [, p] = uleb(bytes, p);
    } else if (kind === 0x03 && [0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f].includes(bytes[p])) p += 2; // global
    else fail(`metro-plan_bg.wasm: import ${module}.${name} of a kind this hook does not read (${kind})`);
    const desc = bytes.subarray(descStart, p);
    if (module === "a") fail("metro-plan_bg.wasm: an import module is already named `a`");
    if (module !== MODULE) return [Buffer.concat([wasmName(module), wasmName(name), desc]), p];
    if (kind !== 0x00) fail(`metro-plan_bg.wasm: import ${module}.${name} is not a function`);
    if (renamed.has(name)) fail(`metro-plan_bg.wasm: import ${module}.${name} twice`);
    renamed.set(name, nameFor(renamed.size));
    return [Buffer.concat([wasmName("a"), wasmName(renamed.get(name)), desc]), p];
  });
  if (renamed.size === 0) fail(`metro-plan_bg.wasm: no imports from ${MODULE}`);

  // The import object: `const import0 = {` … `    };`, one `        NAME: ` key per import.
  const block = js.match(/^    const import0 = \{\n        __proto__: null,\n[\s\S]*?\n    \};\n/m);
  if (!block || js.split("const import0 = {").length !== 2) fail("metro-plan.js: no single `const import0 = { … };` import object (a new wasm-bindgen?)");
  const keys = [...block[0].matchAll(/^        ([A-Za-z_$][\w$]*): /gm)].map((m) => m[1]).filter((k) => k !== "__proto__");
  if (keys.length !== renamed.size || keys.some((k) => !renamed.has(k))) {
    fail(`metro-plan.js: the import object's ${keys.length} keys are not the wasm's ${renamed.size} imports from ${MODULE}`);
  }
  for (const key of keys) if (js.split(key).length !== 2) fail(`metro-plan.js: ${key} appears outside its key in the import object`);
  const object = block[0].replace(/^        ([A-Za-z_$][\w$]*): /gm, (whole, key) => (key === "__proto__" ? whole : `        ${renamed.get(key)}: `));
  const moduleKey = `        "${MODULE}": import0,\n`;
  if (js.split(moduleKey).length !== 2) fail(`metro-plan.js: no single \`"${MODULE}": import0\` in the imports it returns`);
  return { wasm: out, js: js.replace(block[0], object).replace(moduleKey, `        "a": import0,\n`) };
}

/**
 * Short names for the main wasm's exports that carry a Rust symbol name (`_R…`: the
 * closures' invoke shims, 96–191 characters each), which the JS calls as `wasm.NAME`:
 * `R0`, `R1`, … in the export section and in those calls. Fails if such an export is not
 * called that way by the JS, or is one the chunks link against (`keep`).
 */
function shortExportNames(wasm, js, keep) {
  const renamed = new Map();
  const out = rewriteSection(wasm, 7, "export", (bytes, pos) => {
    let [name, p] = readName(bytes, pos);
    const descStart = p;
    [, p] = uleb(bytes, p + 1); // kind, index
    if (/^_R[0-9A-Za-z_]+$/.test(name)) {
      if (keep.includes(name)) fail(`metro-plan_bg.wasm: the chunks link against ${name}`);
      renamed.set(name, `R${renamed.size}`);
      name = renamed.get(name);
    } else if (/^R[0-9]+$/.test(name)) fail(`metro-plan_bg.wasm: an export is already named ${name}`);
    return [Buffer.concat([wasmName(name), bytes.subarray(descStart, p)]), p];
  });
  let calls = js;
  for (const [name, short] of renamed) {
    const call = new RegExp(`\\bwasm\\.${name}(?![\\w$])`, "g");
    if (!call.test(calls)) fail(`metro-plan.js does not call the export ${name} as wasm.${name}`);
    calls = calls.replace(call, `wasm.${short}`);
  }
  return { wasm: out, js: calls };
}

/** The names of a wasm's imports (`module.name`) and exports. */
/**
 * The texts that only the wasm chunks show, out of the main module's data (issue 12): every
 * run of bytes from src/i18n's `LATER_START` marker to the next `LATER_END` (the baked data's
 * `TEXTS_LATER` and the interface's `later_phrases!`). Each segment holding one is cut in two
 * around it, so that those addresses stay zero when the module starts. Returns the module and
 * the file that puts the texts back (`later.HASH.bin`: for each text, its address and length
 * as little-endian u32s, then its bytes), which __wasm_split.js writes into memory before it
 * instantiates the first chunk. Fails on a data section this hook does not read, or if a text
 * is not there (or is not whole).
 */
function takeOutLater(wasm) {
  const START = Buffer.from("\u0001later{");
  const END = Buffer.from("}later\u0001");
  const segments = [];
  const texts = [];
  const all = [...sections(wasm)];
  const data = all.find(({ id }) => id === 11);
  if (!data) fail("metro-plan_bg.wasm: no data section");
  {
    const { start, end } = data;
    let [count, p] = uleb(wasm, start);
    for (let n = 0; n < count; n++) {
      if (wasm[p] !== 0 || wasm[p + 1] !== 0x41) fail("metro-plan_bg.wasm: a data segment that is not `i32.const OFFSET` in memory 0");
      let offset;
      [offset, p] = sleb(wasm, p + 2);
      if (wasm[p] !== 0x0b) fail("metro-plan_bg.wasm: a data segment's offset is not one `i32.const`");
      let size;
      [size, p] = uleb(wasm, p + 1);
      let bytes = wasm.subarray(p, p + size);
      p += size;
      for (let at = bytes.indexOf(START); at >= 0; at = bytes.indexOf(START)) {
        const stop = bytes.indexOf(END, at);
        if (stop < 0) fail("metro-plan_bg.wasm: a later text without its end marker (cut across data segments?)");
        const inner = bytes.subarray(at + START.length, stop);
        if (inner.includes(START)) fail("metro-plan_bg.wasm: a later text inside another");
        texts.push({ address: offset + at, bytes: bytes.subarray(at, stop + END.length) });
        if (at > 0) segments.push({ offset, bytes: bytes.subarray(0, at) });
        offset += stop + END.length;
        bytes = bytes.subarray(stop + END.length);
      }
      if (bytes.length > 0) segments.push({ offset, bytes });
    }
    if (p !== end) fail("metro-plan_bg.wasm: the data section is not as this hook reads it");
  }
  // The segments are all active (checked above), so no code refers to them by number
  // (`memory.init` and `data.drop` are for passive ones): only the data count changes.
  const parts = [wasm.subarray(0, 8)];
  const section = (id, body) => parts.push(Buffer.from([id]), lebBytes(body.length), body);
  for (const { id, pos, end } of all) {
    if (id === 12) section(12, lebBytes(segments.length));
    else if (id === 11) {
      section(11, Buffer.concat([
        lebBytes(segments.length),
        ...segments.flatMap(({ offset, bytes }) => [Buffer.from([0, 0x41]), slebBytes(offset), Buffer.from([0x0b]), lebBytes(bytes.length), bytes]),
      ]));
    } else parts.push(wasm.subarray(pos, end));
  }
  if (texts.length === 0) fail("metro-plan_bg.wasm: no later texts (src/i18n's LATER_START) in its data");
  const file = Buffer.concat(
    texts.flatMap(({ address, bytes }) => {
      const head = Buffer.alloc(8);
      head.writeUInt32LE(address, 0);
      head.writeUInt32LE(bytes.length, 4);
      return [head, bytes];
    }),
  );
  return { wasm: Buffer.concat(parts), file, texts: texts.length };
}

async function linkage(path) {
  const module = new WebAssembly.Module(await readFile(path));
  return {
    imports: WebAssembly.Module.imports(module),
    exports: new Set(WebAssembly.Module.exports(module).map((e) => e.name)),
  };
}

async function split() {
  const source = resolve(process.env.TRUNK_SOURCE_DIR ?? ".");
  const target = resolve(source, process.env.CARGO_TARGET_DIR ?? "target");
  const input = join(target, "wasm32-unknown-unknown/release/metro-plan.wasm");
  const work = join(target, "wasm-split");
  const cut = join(work, "cut");
  const bound = join(work, "bindgen");
  const opt = join(work, "opt");
  await rm(work, { recursive: true, force: true });
  await mkdir(opt, { recursive: true });
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
  run("wasm-split-cli", [input, cut, "--out-name", "metro-plan", "--target", "web"]);
  const chunks = (await readdir(cut)).filter((f) => f.endsWith(".wasm") && f !== "metro-plan.wasm").sort();
  if (chunks.length === 0) fail(`wasm-split-cli found no split points in ${input} (built without --cfg metro_split?)`);
  run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript", "--out-dir", bound, "--out-name", "metro-plan", join(cut, "metro-plan.wasm")]);
  // The main module as Trunk optimises it (index.html's data-wasm-opt-params). The chunks
  // without --zero-filled-memory: they write into the main module's memory, which is not
  // blank when they load.
  // Both without the `producers` and `target_features` sections, which no browser reads
  // (measured: −212 B gzip on the main module, −170 B on each chunk).
  const strip = ["--strip-producers", "--strip-target-features"];
  // The passes index.html's data-wasm-opt-params skips too (it says why: each saves gzip
  // bytes; on the chunks −175 B in all, the export's most).
  const SKIPPED = ["--skip-pass=memory-packing", "--skip-pass=local-cse", "--skip-pass=simplify-locals"];
  // METRO_PLAN_NAMES=1 keeps the functions' names in the main module, for profiling
  // (bench/profile.mjs says how); not for a release, it makes the wasm much larger.
  const names = process.env.METRO_PLAN_NAMES === "1" ? ["-g"] : [];
  run("wasm-opt", ["-Oz", "--zero-filled-memory", "--low-memory-unused", ...SKIPPED, ...strip, ...names, join(bound, "metro-plan_bg.wasm"), "-o", join(opt, "metro-plan_bg.unordered.wasm")]);
  // The main module's functions in the order gzip compresses best (scripts/order-functions.mjs
  // says how; −1.8 KB as served). METRO_PLAN_NO_ORDER=1 keeps wasm-opt's order, to compare.
  if (process.env.METRO_PLAN_NO_ORDER === "1") await rename(join(opt, "metro-plan_bg.unordered.wasm"), join(opt, "metro-plan_bg.wasm"));
  else {
    const started = Date.now();
    const sizes = await orderFunctions(join(opt, "metro-plan_bg.unordered.wasm"), join(opt, "metro-plan_bg.wasm"), join(bound, "metro-plan_bg.wasm"), join(opt, "order"));
    console.log(`post-build: the main wasm's functions ordered for gzip in ${((Date.now() - started) / 1000).toFixed(0)} s (${sizes.before} → ${sizes.after} bytes raw)`);
  }
  for (const chunk of chunks) run("wasm-opt", ["-Oz", ...SKIPPED, ...strip, join(cut, chunk), "-o", join(opt, chunk)]);
  const linkJs = await readFile(join(cut, "__wasm_split.js"), "utf8");
  const shared = linkJs.match(/const \{([^}]*)\} = initSync\(/);
  if (!shared) fail("__wasm_split.js: no `const { … } = initSync(…)` line (a new wasm_split_cli_support?)");
  const sharedNames = shared[1].split(",").map((s) => s.trim()).filter(Boolean);

  // Short import and export names in the optimised main module and its JS (measured in
  // docs/performance.md "Where the bytes are"); the optimised file is replaced, so that it stays what
  // dist/ ships. The exports the chunks link against keep their names.
  const imports = shortImportNames(await readFile(join(opt, "metro-plan_bg.wasm")), await readFile(join(bound, "metro-plan.js"), "utf8"));
  const short = shortExportNames(imports.wasm, imports.js, sharedNames);
  // The texts only the chunks show leave the main module for later.HASH.bin (takeOutLater).
  const later = takeOutLater(short.wasm);
  await writeFile(join(opt, "metro-plan_bg.wasm"), later.wasm);

  // Every chunk import must still be there after optimising: from the main module
  // (`__wasm_split`, filled from its exports by __wasm_split.js) or from another chunk.
  const main = await linkage(join(opt, "metro-plan_bg.wasm"));
  for (const name of sharedNames) if (!main.exports.has(name)) fail(`the optimised main wasm lost the export ${name} that the chunks import`);
  for (const chunk of chunks) {
    const { imports } = await linkage(join(opt, chunk));
    for (const i of imports) {
      if (i.module === "__wasm_split" && !sharedNames.includes(i.name)) fail(`${chunk} imports ${i.name}, which __wasm_split.js does not pass on`);
      if (i.module !== "__wasm_split") fail(`${chunk} imports from ${i.module}.${i.name}`);
    }
  }

  // A chunk fits only the main module it was cut from (it calls its functions by table
  // index and writes into its memory by address), so its file name carries a hash of that
  // module: a page still running a replaced release then gets a 404 for its chunk (and
  // the reader the "could not be loaded" message) instead of a newer chunk that does not
  // fit. The URLs also carry the release stamp of __wasm_split.js's own URL
  // (scripts/stamp-release.mjs stamps the imports between the two modules), for caching.
  const hash = createHash("sha256").update(await readFile(join(opt, "metro-plan_bg.wasm"))).digest("hex").slice(0, 12);
  const named = (chunk) => chunk.replace(/\.wasm$/, `.${hash}.wasm`);
  let stamped = 0;
  const link = linkJs.replace(/new URL\("\.\/([A-Za-z0-9_-]+\.wasm)"(, import\.meta\.url\))/g, (_, file, rest) => {
    if (!chunks.includes(file)) fail(`__wasm_split.js fetches ${file}, which wasm-split-cli did not write`);
    stamped++;
    return `new URL("./${named(file)}" + new URL(import.meta.url).search${rest}`;
  });
  if (stamped !== chunks.length) fail(`__wasm_split.js: ${stamped} chunk URLs for ${chunks.length} chunks`);
  const laterFile = `later.${hash}.bin`;
  // A chunk's stylesheet (CHUNK_SHEETS) is fetched beside it, and the chunk runs once both are
  // in: what it writes is never shown unstyled.
  let sheeted = link;
  for (const [file, split] of Object.entries(CHUNK_SHEETS)) {
    const wasm = `${split}.wasm`;
    if (!chunks.includes(wasm)) fail(`${file} belongs to ${wasm}, which wasm-split-cli did not write`);
    const fetchIt = `fetch(new URL("./${named(wasm)}" + new URL(import.meta.url).search, import.meta.url))`;
    if (sheeted.split(fetchIt).length !== 2) fail(`__wasm_split.js: no single fetch of ${wasm}`);
    const sheet = `${split}.${hash}.css`;
    sheeted = sheeted.replace(fetchIt, `withSheet(${fetchIt}, new URL("./${sheet}" + new URL(import.meta.url).search, import.meta.url))`);
    await rename(join(dir, file), join(dir, sheet));
  }
  // wasm-split's fetcher uses `WebAssembly.instantiateStreaming` alone, which refuses a wasm
  // served with another type than `application/wasm`; wasm-bindgen's loader of the main
  // module falls back to `WebAssembly.instantiate` there, and so do the chunks now (a host
  // that serves the main wasm serves its chunks), with a plain message for an HTTP error.
  const streaming = "return async (imports) => (WebAssembly.instantiateStreaming(src, imports));";
  const fetchers = link.split(streaming).length - 1;
  if (fetchers !== chunks.length) fail(`__wasm_split.js: ${fetchers} instantiateStreaming fetchers for ${chunks.length} chunks (a new wasm_split_cli_support?)`);
  const linked = `${sheeted.replaceAll(streaming, "return async (imports) => instantiateChunk(src, imports);")}
// Added by scripts/post-build.mjs.
async function instantiateChunk(src, imports) {
    const [response] = await Promise.all([src, laterTexts(imports.__wasm_split.memory)]);
    if (!response.ok) throw new Error(\`failed to fetch \${response.url}: HTTP \${response.status}\`);
    if ((response.headers.get("content-type") ?? "").startsWith("application/wasm")) return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
// The texts that only the chunks show, which the main module starts without
// (scripts/post-build.mjs, takeOutLater): fetched once, with the first chunk, and written
// into the memory before any chunk runs. For each text: its address and length
// (little-endian u32s), then its bytes. A failed fetch is tried again with the next chunk.
let later;
function laterTexts(memory) {
    later ??= fetch(new URL("./${laterFile}" + new URL(import.meta.url).search, import.meta.url)).then(async (response) => {
        if (!response.ok) throw new Error(\`failed to fetch \${response.url}: HTTP \${response.status}\`);
        const file = new DataView(await response.arrayBuffer());
        for (let at = 0; at < file.byteLength; ) {
            const address = file.getUint32(at, true);
            const length = file.getUint32(at + 4, true);
            new Uint8Array(memory.buffer, address, length).set(new Uint8Array(file.buffer, at + 8, length));
            at += 8 + length;
        }
    }).catch((error) => {
        later = undefined;
        throw error;
    });
    return later;
}
// A chunk's stylesheet, appended to <head> once (after the page's own, as index.html links
// it in other builds); the response once the sheet is in. A sheet that cannot be loaded is
// reported and not waited for (the chunk's part then works unstyled); the next load of its
// chunk (after a failed one) tries it again.
const sheets = new Map();
async function withSheet(response, url) {
    // A failed fetch is handled by the caller once the sheet is in; not reported meanwhile as
    // an unhandled rejection.
    response.catch(() => {});
    const href = String(url);
    if (!sheets.has(href)) sheets.set(href, new Promise((done) => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.onload = done;
        link.onerror = () => { console.error(\`failed to fetch \${href}\`); link.remove(); sheets.delete(href); done(); };
        document.head.append(link);
    }));
    await sheets.get(href);
    return response;
}
`;

  await writeFile(join(dir, "__wasm_split.js"), linked);
  await writeFile(join(dir, "metro-plan.js"), short.js);
  await copyFile(join(opt, "metro-plan_bg.wasm"), join(dir, "metro-plan_bg.wasm"));
  for (const chunk of chunks) await copyFile(join(opt, chunk), join(dir, named(chunk)));
  await writeFile(join(dir, laterFile), later.file);

  // Fetch __wasm_split.js (which metro-plan.js imports) with the JS and the wasm.
  const index = join(dir, "index.html");
  const html = await readFile(index, "utf8");
  // (Minified: attributes in any order, quotes dropped.)
  const found = html.match(/<link\s[^>]*\bhref=["']?([^"'\s>]*?)metro-plan\.js(?=["'\s>])[^>]*>/);
  if (!found || !/\brel=["']?modulepreload/.test(found[0])) fail("index.html: no modulepreload of metro-plan.js to put __wasm_split.js beside");
  await writeFile(index, html.replace(found[0], `${found[0]}<link href=${found[1]}__wasm_split.js rel=modulepreload>`));
  console.log(`post-build: split into the main wasm and ${chunks.join(", ")}; ${later.texts} texts only they show (${later.file.length} bytes) out of the main wasm into ${laterFile}`);
}

/**
 * wasm-streams' three JS classes (pulled in by Leptos' `server_fn`, unused here), left empty
 * by the release build's linker (scripts/wasm-ld-unexport.sh drops their methods' exports):
 * removed from wasm-bindgen's JS with their `Symbol.dispose` line and their
 * `FinalizationRegistry`, whose `free` export the wasm no longer has. Fails if the JS is not
 * as wasm-bindgen 0.2 writes it, if a class still has a method (the linker filter let an
 * export through), or if anything else in the JS or the wasm still names them.
 */
const UNUSED_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
async function dropUnusedClasses() {
  const path = join(dir, "metro-plan.js");
  let js = await readFile(path, "utf8");
  const once = (what, re) => {
    const found = js.match(re);
    if (!found || js.match(new RegExp(re.source, "gm")).length !== 1) fail(`metro-plan.js: not exactly one ${what} (a new wasm-bindgen? see scripts/wasm-ld-unexport.sh)`);
    js = js.replace(found[0], "");
    return found[0];
  };
  for (const name of UNUSED_CLASSES) {
    const lower = name.toLowerCase();
    const body = once(`class ${name}`, new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?\\n\\}\\n`, "m"));
    const calls = [...body.matchAll(/\bwasm\.([A-Za-z0-9_$]+)/g)].map((m) => m[1]);
    if (calls.some((call) => call !== `__wbg_${lower}_free`) || /^    (static |get |set |async |(?!__destroy_into_raw\(|free\()[A-Za-z_$][\w$]*\()/m.test(body)) {
      fail(`metro-plan.js: class ${name} still has methods (${calls.join(", ")}): scripts/wasm-ld-unexport.sh let their exports through`);
    }
    once(`Symbol.dispose line of ${name}`, new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, "m"));
    once(
      `${name}Finalization`,
      new RegExp(`^const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n    \\? \\{ register: \\(\\) => \\{\\}, unregister: \\(\\) => \\{\\} \\}\\n    : new FinalizationRegistry\\(ptr => wasm\\.__wbg_${lower}_free\\(ptr, 1\\)\\);\\n`, "m"),
    );
  }
  if (/intounderlying/i.test(js)) fail("metro-plan.js still names an IntoUnderlying* class or export after removing them");
  const { exports } = await linkage(join(dir, "metro-plan_bg.wasm"));
  const left = [...exports].filter((e) => /intounderlying/i.test(e));
  if (left.length) fail(`the wasm still exports ${left.join(", ")}: was it linked by scripts/wasm-ld-unexport.sh (scripts/build-release.sh)?`);
  await writeFile(path, js);
}

async function terse(name, check, { module = true } = {}) {
  const path = join(dir, name);
  const source = await readFile(path, "utf8");
  // ES modules: their exports keep their names.
  const out = await minify(source, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code || !check(out.code)) fail(`terser's output of ${name} lost its exports`);
  await writeFile(path, out.code);
}

/**
 * Replaces the stylesheet links of index.html by one link of their concatenation. Fails if
 * the links are not what Trunk writes (local `.css` files with a sha384 `integrity` that
 * matches the file), or if a file has a rule that is only valid at the start of a
 * stylesheet (`@import`, `@charset`, `@namespace`), which concatenating would break.
 */
/**
 * The stylesheets of what a wasm chunk writes (index.html links them last), by the chunk's
 * split point: in the split build each stays a file of its own, which __wasm_split.js loads
 * with its chunk (split_NAME.HASH.css, `withSheet` below) instead of the first load.
 */
const CHUNK_SHEETS = {
  "tour-card.css": "split_tour",
  "share-dialog.css": "split_share",
  "table.css": "split_table",
  "tooltip.css": "split_tooltip",
  "details.css": "split_details",
  "downloads.css": "split_export",
};

async function bundleCss() {
  const index = join(dir, "index.html");
  let html = await readFile(index, "utf8");
  // (Minified: attributes in any order, quotes dropped.)
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
  const links = (html.match(/<link\s[^>]*>/g) ?? []).filter((tag) => attr(tag, "rel") === "stylesheet");
  if (links.length === 0) fail("index.html: no stylesheet links to bundle");
  const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const parts = [];
  for (const tag of links) {
    const href = attr(tag, "href") ?? "";
    const file = href.match(/^(?:\.\/)?([A-Za-z0-9_-]+\.css)$/)?.[1];
    if (!file) fail(`index.html: stylesheet ${href} is not a local .css file`);
    const bytes = await readFile(join(dir, file));
    if (attr(tag, "integrity") !== sri(bytes)) fail(`index.html: the integrity of ${file} does not match the file`);
    const css = bytes.toString("utf8");
    if (/@(import|charset|namespace)\b/i.test(css)) fail(`${file} has an @import, @charset or @namespace rule, which cannot be concatenated`);
    // Trunk's minifier ends a stylesheet with its last rule's `}`: nothing left open.
    if (css.trim() !== "" && !css.trimEnd().endsWith("}")) fail(`${file} does not end with a closed rule`);
    parts.push({ tag, file, css });
  }
  // Split builds leave the chunks' stylesheets to their chunks; they must come last, so that
  // bundled or loaded later they stand in the same place of the cascade.
  const lazy = process.env.METRO_PLAN_SPLIT === "1" ? parts.filter((p) => p.file in CHUNK_SHEETS) : [];
  const firstLazy = parts.findIndex((p) => p.file in CHUNK_SHEETS);
  if (Object.keys(CHUNK_SHEETS).some((f) => !parts.some((p) => p.file === f))) fail(`index.html does not link every one of ${Object.keys(CHUNK_SHEETS).join(", ")}`);
  if (parts.slice(firstLazy).some((p) => !(p.file in CHUNK_SHEETS))) fail(`index.html links ${Object.keys(CHUNK_SHEETS).join(", ")} before another stylesheet: they must be last`);
  for (const { tag, file } of lazy) {
    html = html.replace(tag, "");
    parts.splice(parts.findIndex((p) => p.file === file), 1);
  }
  const bundle = Buffer.from(parts.map((p) => p.css.trim()).join(""));
  let out = html.replace(parts[0].tag, `<link href=./metro-plan.css integrity=${sri(bundle)} rel=stylesheet>`);
  for (const { tag } of parts.slice(1)) out = out.replace(tag, "");
  for (const { file } of parts) await rm(join(dir, file));
  await writeFile(join(dir, "metro-plan.css"), bundle);
  await writeFile(index, out);
  console.log(`post-build: ${parts.map((p) => p.file).join(", ")} → metro-plan.css (${bundle.length} bytes)${lazy.length ? `; ${lazy.map((p) => p.file).join(", ")} left to their chunks` : ""}`);
}

/** The side column's templates (step 4) from `file`, before index.html's `</body>`. */
async function sideTemplates(file) {
  const templates = await readFile(file, "utf8");
  const count = templates.match(/<template data-side="(zh|en)-[a-z]+">/g)?.length ?? 0;
  if (count !== 14) fail(`${file} has ${count} side column templates, not 14 (7 parts in 2 languages)`);
  const index = join(dir, "index.html");
  const html = await readFile(index, "utf8");
  if (html.includes("<template data-side=")) fail("index.html has side column templates already");
  const end = html.lastIndexOf("</body>");
  if (end < 0) fail("index.html has no </body>");
  await writeFile(index, html.slice(0, end) + templates + html.slice(end));
  console.log(`post-build: the side column's text in index.html (${count} templates, ${Buffer.byteLength(templates)} B)`);
}

if (process.env.TRUNK_PROFILE === "release") {
  await bundleCss();
  if (process.env.METRO_PLAN_SPLIT === "1") {
    await split();
    await terse("__wasm_split.js", (code) => /export\s*\{[^}]*__wasm_split_load_/.test(code) || /export const __wasm_split_load_/.test(code));
  }
  // Linked by scripts/wasm-ld-unexport.sh (scripts/build-release.sh; a bare
  // `trunk build --release` or `trunk serve --release` links with rust-lld as it is).
  if (process.env.METRO_PLAN_UNEXPORTED === "1") await dropUnusedClasses();
  // The default `init` that loader.js imports.
  await terse("metro-plan.js", (code) => /export\s*\{[^}]*as default/.test(code));
  // public/loader.js, copied by Trunk as it is (its comments are most of its bytes). It must
  // still load the glue and the wasm with its own URL's release stamp.
  await terse("loader.js", (code) => /import\(`\.\/metro-plan\.js\$\{/.test(code) && /`\.\/metro-plan_bg\.wasm\$\{/.test(code));
  // public/pre.js, a classic script (copied as it is): it must still set `data-pre`.
  await terse("pre.js", (code) => code.includes("data-pre"), { module: false });
  if (process.env.METRO_PLAN_SIDE) await sideTemplates(process.env.METRO_PLAN_SIDE);
  // The snapshots of the first screen, taken from the app as built so far (it changes
  // index.html, so before the compression). METRO_PLAN_NO_PRERENDER=1 leaves them out (to
  // compare; the page then paints nothing before the wasm, as before).
  if (process.env.METRO_PLAN_NO_PRERENDER !== "1") {
    const { prerender, FOLD } = await import("./prerender.mjs");
    const sizes = await prerender(dir);
    console.log(`post-build: the first screen's snapshots in index.html (${sizes.map((s) => `${s.lang} ${s.bytes} B without the ${s.dropped} parts that begin ${FOLD} px or more down`).join(", ")})`);
  }
}
await import("./compress-dist.mjs");
