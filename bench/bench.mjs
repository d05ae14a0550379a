// The benchmark (scripts/bench.sh runs it after a release build): sizes, load, interaction
// latency, frame times, memory and Lighthouse, each against the budget of issue 12, in
// headless Debian chromium against the release `dist/` served compressed from a sub-path.
// Prints median [min–max] over the runs and appends one JSON row to bench/results.jsonl.
//
//   node bench/bench.mjs [--runs 5] [--reps 6] [--lighthouse-runs 3] [--no-lighthouse]
//                        [--no-record] [--out bench/results.jsonl] [--note "what changed"]
//                        [--only load,interactions,frames,memory,lighthouse] [--dist DIR]
//                        [--viewport 1100x800]
//
// `--viewport WxH` measures the desktop parts at another window size than 1280×800 (e.g.
// 1100×800, where the legend lies below the map).

import { execFileSync, spawn } from "node:child_process";
import { appendFile, readdir, readFile, stat } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
// The same build, sub-path, browser, flags and ready condition as the e2e tests.
import { BASE_PATH as BASE, CHUNK_FILE, CHUNK_SHEET_FILE, LATER_FILE, CHROMIUM, CHROMIUM_ARGS, DIST as BUILT, READY_SELECTOR as READY, VIEWPORTS, openLayerList } from "../e2e/harness.mjs";
import { interactionKinds, measureOne, pageProbe } from "./interactions.mjs";
import { startServer } from "../e2e/serve.mjs";
import { brotliBest } from "../scripts/gzip-best.mjs";
import { args, opt } from "./args.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

// `--dist DIR`: measure another build (e.g. a copy of dist/ from before a change, to alternate).
const DIST = opt("dist", BUILT).replace(/\/?$/, "/");
const RUNS = Number(opt("runs", 5));
const REPS = Number(opt("reps", 6));
const LH_RUNS = args.includes("--no-lighthouse") ? 0 : Number(opt("lighthouse-runs", 3));
const OUT = opt("out", join(ROOT, "bench/results.jsonl"));
const RECORD = !args.includes("--no-record");
const NOTE = opt("note", "");
// `--only load,lighthouse`: just those parts (sizes are always measured).
const ONLY = opt("only", "load,interactions,frames,memory,lighthouse").split(",");

// Lighthouse 12's mobile profile ("slow 4G" and a 4× slower CPU), as DevTools throttling:
// 150 ms RTT × 3.75 request latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up.
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const [VW, VH] = opt("viewport", `${VIEWPORTS.desktop.width}x${VIEWPORTS.desktop.height}`).split("x").map(Number);
const DESKTOP = { viewport: { width: VW, height: VH } };

const KB = 1024;
const MB = 1024 * 1024;

// ---------------------------------------------------------------- statistics and output

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

const results = { budgets: {} };
const verdicts = [];

/** Prints one figure and, if it has a budget, whether it is met. */
function report(label, value, { unit = "", budget, fmt = (v) => v.toFixed(1), higherIsBetter = false } = {}) {
  const isSummary = typeof value === "object";
  const shown = isSummary ? `${fmt(value.median)}${unit} [${fmt(value.min)}–${fmt(value.max)}]` : `${fmt(value)}${unit}`;
  let verdict = "";
  if (budget !== undefined) {
    const v = isSummary ? value.median : value;
    const met = higherIsBetter ? v >= budget : v <= budget;
    verdict = `${higherIsBetter ? "≥" : "≤"} ${fmt(budget)}${unit}: ${met ? "met" : "OVER"}`;
    verdicts.push({ label, met });
    results.budgets[label] = { value: v, budget, met };
  }
  console.log(`  ${label.padEnd(44)} ${shown.padEnd(34)} ${verdict}`);
}
const section = (title) => console.log(`\n== ${title} ==`);

// ---------------------------------------------------------------- sizes

async function sizes() {
  section("sizes (dist/; first load = what the page loads: HTML, loader, JS, wasm, CSS, icon; the data is in the wasm)");
  // Files at the top of dist/ only: downloads/ holds the data downloads, fetched only when
  // the reader saves one (not counted by scripts/test.sh either).
  const files = (await readdir(DIST, { withFileTypes: true }))
    .filter((e) => e.isFile() && !/\.(gz|br)$/.test(e.name))
    .map((e) => e.name)
    .sort();
  // As scripts/test.sh: files the page itself never loads (link preview, touch icon, embed
  // script and demo) are listed but not counted, and the wasm chunks of the code splitting
  // (split_NAME.HASH.wasm, chunk_N.HASH.wasm), fetched on first use of a feature, are
  // counted apart, with their stylesheets and the texts only they show (later.HASH.bin); the main wasm and __wasm_split.js are part of the first load.
  const notLoaded = /^(preview\.png|apple-touch-icon\.png|embed\.js|embed-demo\..*)$/;
  const rows = [];
  for (const name of files) {
    const raw = await readFile(join(DIST, name));
    // What a host that serves the precompressed files sends (the build's .gz, by zopfli, and
    // .br beside each file: scripts/compress-dist.mjs), made here where there is none; and
    // gzip -9 (Node's zlib), what the rows before 3 December 2026 counted as "gzip".
    const beside = (ext) => readFile(join(DIST, name + ext)).then((b) => b.length, () => null);
    const gzip9 = gzipSync(raw, { level: 9 }).length;
    rows.push({
      name,
      raw: raw.length,
      gzip: (await beside(".gz")) ?? gzip9,
      gzip9,
      brotli: (await beside(".br")) ?? brotliBest(raw).length,
      firstLoad: !notLoaded.test(name) && !CHUNK_FILE.test(name) && !CHUNK_SHEET_FILE.test(name) && !LATER_FILE.test(name),
      chunk: CHUNK_FILE.test(name) || CHUNK_SHEET_FILE.test(name) || LATER_FILE.test(name),
    });
  }
  const total = (k) => rows.filter((r) => r.firstLoad).reduce((n, r) => n + r[k], 0);
  const cols = (name, r) =>
    `  ${name.padEnd(30)} ${[r.raw, r.gzip, r.gzip9, r.brotli].map((v) => String(v).padStart(10)).join(" ")}`;
  console.log(`  ${"file".padEnd(30)} ${["raw", "gzip (.gz)", "gzip -9", "brotli"].map((v) => v.padStart(10)).join(" ")}`);
  for (const r of rows) {
    console.log(cols(r.name, r) + (r.firstLoad ? "" : r.chunk ? "  (loaded on first use)" : "  (not loaded by the page)"));
  }
  console.log(cols("first load", { raw: total("raw"), gzip: total("gzip"), gzip9: total("gzip9"), brotli: total("brotli") }));
  const wasm = rows.find((r) => r.name === "metro-plan_bg.wasm");
  const chunks = (k) => rows.filter((r) => r.chunk).reduce((n, r) => n + r[k], 0);
  const kb = (v) => (v / KB).toFixed(1);
  report("first load, gzip as served (the .gz files)", total("gzip"), { unit: " KB", budget: 120 * KB, fmt: kb });
  report("first load, gzip -9 by the host instead", total("gzip9"), { unit: " KB", fmt: kb });
  report("first load, brotli", total("brotli"), { unit: " KB", fmt: kb });
  report("main wasm share of the gzip total", (100 * wasm.gzip) / total("gzip"), { unit: " %" });
  report("wasm chunks, their stylesheets and texts loaded on first use, gzip (not in the first load)", chunks("gzip"), { unit: " KB", fmt: kb });
  const precompressed = (await readdir(DIST)).filter((f) => /\.(gz|br)$/.test(f)).length;
  console.log(`  precompressed .gz/.br files beside them: ${precompressed} of ${2 * files.length}`);
  results.sizes = {
    files: rows,
    gzip: total("gzip"),
    gzip9: total("gzip9"),
    brotli: total("brotli"),
    raw: total("raw"),
    chunks: { gzip: chunks("gzip"), brotli: chunks("brotli"), raw: chunks("raw") },
  };
}

// ---------------------------------------------------------------- browser helpers

async function newPage(browser, profile, { cpu = 1, network = null } = {}) {
  const context = await browser.newContext(profile);
  await context.addInitScript(pageProbe, READY);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  if (cpu !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  let transferred = 0;
  cdp.on("Network.loadingFinished", (e) => (transferred += e.encodedDataLength));
  return { context, page, cdp, errors, transferred: () => transferred };
}

/** The renderer main thread's CPU time so far, ms (CDP Performance.getMetrics ThreadTime). */
async function threadMs(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return 1000 * (metrics.find((m) => m.name === "ThreadTime")?.value ?? NaN);
}

// ---------------------------------------------------------------- load

async function load(browser, url) {
  section(`load: navigation → ${READY} (${RUNS} runs each, fresh context, no cache)`);
  const out = {};
  for (const [name, profile, throttle] of [
    [`unthrottled (desktop ${VW}×${VH})`, DESKTOP, {}],
    ["mobile profile (slow 4G, 4× CPU, 412×823)", MOBILE, { cpu: 4, network: SLOW_4G }],
  ]) {
    const ready = [];
    const lcp = [];
    const wasmEnd = [];
    const transfer = [];
    for (let i = 0; i < RUNS; i++) {
      const p = await newPage(browser, profile, throttle);
      await p.page.goto(url, { waitUntil: "load" });
      await p.page.waitForSelector(READY, { timeout: 60_000 });
      await p.page.waitForLoadState("networkidle");
      const m = await p.page.evaluate(() => ({
        ready: window.__bench.ready,
        lcp: window.__bench.lcp,
        wasm: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.responseEnd ?? NaN,
      }));
      ready.push(m.ready);
      lcp.push(m.lcp);
      wasmEnd.push(m.wasm);
      transfer.push(p.transferred());
      if (p.errors.length) console.log(`  (run ${i + 1}: console/page errors: ${p.errors.join(" | ")})`);
      await p.context.close();
    }
    const key = profile === MOBILE ? "mobile" : "unthrottled";
    out[key] = { ready: summary(ready), lcp: summary(lcp), wasmArrived: summary(wasmEnd), transfer: summary(transfer) };
    console.log(` ${name}`);
    const ms = { unit: " ms", fmt: (v) => v.toFixed(0) };
    report(`ready, ${key}`, out[key].ready, ms);
    report(`wasm fully arrived, ${key}`, out[key].wasmArrived, ms);
    report(`LCP (in page), ${key}`, out[key].lcp, ms);
    report(`bytes transferred (br, measured), ${key}`, out[key].transfer, { unit: " KB", fmt: (v) => (v / KB).toFixed(1) });
  }
  results.load = out;
}

// ---------------------------------------------------------------- interactions

async function interactions(browser, url) {
  section(`interactions: input event → next paint (${RUNS} runs × ${REPS}, desktop 1280×800)`);
  const out = {};
  for (const cpu of [1, 4]) {
    const p = await newPage(browser, DESKTOP, { cpu });
    await p.page.goto(url + "?lang=en");
    await p.page.waitForSelector(READY);
    await p.page.waitForTimeout(700); // the opening view's transition
    await openLayerList(p.page); // the layer switch toggled below is in it
    const kinds = interactionKinds(p.page);
    for (const [name, kind] of Object.entries(kinds)) {
      const xs = [];
      await measureOne(p.page, kind); // warm-up, not counted
      const cpu0 = await threadMs(p.cdp);
      for (let i = 0; i < RUNS * REPS; i++) xs.push(await measureOne(p.page, kind));
      const cpuEach = ((await threadMs(p.cdp)) - cpu0) / (RUNS * REPS);
      const key = `${name}, ${cpu}× CPU`;
      out[key] = summary(xs);
      report(key, out[key], { unit: " ms", budget: cpu === 4 ? 16 : undefined });
      if (cpu === 1) {
        // CPU time does not count waiting for a core, so it is steadier than the
        // latency on a shared machine (it includes the harness's own polling).
        out[`${name}, main-thread CPU each`] = cpuEach;
        report(`${name}: main-thread CPU each (mean)`, cpuEach, { unit: " ms" });
      }
    }
    if (p.errors.length) console.log(`  (console/page errors: ${p.errors.join(" | ")})`);
    await p.context.close();
  }
  results.interactions = out;
}

// ---------------------------------------------------------------- frames

function frameStats(times) {
  const iv = times.slice(1).map((t, i) => t - times[i]);
  const vsync = 1000 / 60;
  const dropped = iv.reduce((n, d) => n + Math.max(0, Math.round(d / vsync) - 1), 0);
  return { frames: iv.length, median: median(iv), p95: percentile(iv, 95), max: Math.max(...iv), dropped };
}

async function frames(browser, url) {
  section("frames while panning (pointer drag) and zooming (wheel), desktop 1280×800, 2 s each");
  const out = {};
  for (const cpu of [1, 4]) {
    const p = await newPage(browser, DESKTOP, { cpu });
    const { page } = p;
    await page.goto(url + "?lang=en");
    await page.waitForSelector(READY);
    await page.waitForTimeout(700);
    const map = await page.locator("svg.map").boundingBox();
    const cx = map.x + map.width / 2;
    const cy = map.y + map.height / 2;
    const tick = () => new Promise((r) => setTimeout(r, 16));
    for (const gesture of ["pan", "zoom"]) {
      const runs = [];
      for (let r = 0; r < Math.max(1, Math.ceil(RUNS / 2)); r++) {
        await page.mouse.move(cx, cy);
        await page.evaluate((type) => {
          window.__bench.latencies = [];
          window.__bench.every = type;
          window.__bench.startFrames();
        }, gesture === "pan" ? "pointermove" : "wheel");
        const end = Date.now() + 2000;
        const cpu0 = await threadMs(p.cdp);
        let k = 0;
        if (gesture === "pan") {
          await page.mouse.down();
          while (Date.now() < end) {
            k++;
            await page.mouse.move(cx + 120 * Math.sin(k / 15), cy + 80 * Math.sin(k / 23));
            await tick();
          }
          await page.mouse.up();
        } else {
          while (Date.now() < end) {
            k++;
            await page.mouse.wheel(0, Math.floor(k / 20) % 2 ? 60 : -60);
            await tick();
          }
        }
        // The gesture's end is part of it: the frame that draws the view it reached, once the
        // last pointer lifts or the wheel pauses (the picture goes, pointer.rs), and the next.
        await page.waitForFunction(() => !document.querySelector("svg.map")?.style.transform, null, { timeout: 5000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const [times, latencies] = await page.evaluate(() => {
          window.__bench.every = null;
          return [window.__bench.stopFrames(), window.__bench.latencies];
        });
        const cpuPerEvent = ((await threadMs(p.cdp)) - cpu0) / k;
        runs.push({ ...frameStats(times), inputP95: percentile(latencies, 95), inputMedian: median(latencies), cpuPerEvent });
        await page.waitForTimeout(500);
      }
      const key = `${gesture}, ${cpu}× CPU`;
      out[key] = {
        median: summary(runs.map((x) => x.median)),
        p95: summary(runs.map((x) => x.p95)),
        dropped: summary(runs.map((x) => x.dropped)),
        frames: summary(runs.map((x) => x.frames)),
        inputMedian: summary(runs.map((x) => x.inputMedian)),
        inputP95: summary(runs.map((x) => x.inputP95)),
        cpuPerEvent: summary(runs.map((x) => x.cpuPerEvent)),
      };
      report(`${key}: frame time median`, out[key].median, { unit: " ms" });
      report(`${key}: frame time p95`, out[key].p95, { unit: " ms", budget: 1000 / 60 + 1 });
      report(`${key}: dropped frames / 2 s`, out[key].dropped, { budget: 0, fmt: (v) => v.toFixed(0) });
      report(`${key}: each input → paint, median`, out[key].inputMedian, { unit: " ms" });
      report(`${key}: each input → paint, p95`, out[key].inputP95, { unit: " ms", budget: 1000 / 60 });
      report(`${key}: main-thread CPU per input event`, out[key].cpuPerEvent, { unit: " ms" });
    }
    await p.context.close();
  }
  results.frames = out;
}

// ---------------------------------------------------------------- memory

async function memoryNow(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  // wasm-bindgen's init returns the already-instantiated exports when called again.
  const wasm = await page.evaluate(async () => {
    const m = await import(new URL("metro-plan.js", document.baseURI).href);
    const exports = await m.default();
    return exports.memory.buffer.byteLength;
  });
  return { jsHeap: heap.usedSize, wasm };
}

async function memory(browser, url) {
  section("memory: JS heap (after GC) and wasm linear memory, after load and after 2 × 200 mixed interactions");
  const p = await newPage(browser, DESKTOP);
  const { page, cdp } = p;
  await cdp.send("HeapProfiler.enable");
  await page.goto(url + "?lang=en");
  await page.waitForSelector(READY);
  await page.waitForTimeout(700);
  const kinds = Object.values(interactionKinds(page));
  const map = await page.locator("svg.map").boundingBox();
  const cx = map.x + map.width / 2;
  const cy = map.y + map.height / 2;
  const mixed = async (n) => {
    for (let i = 0; i < n; i++) {
      const k = i % 6;
      // The layer switch toggled is in the layer list, folded where the map has no room.
      if (k === 0) await openLayerList(page);
      if (k < 4) await kinds[k].act();
      else if (k === 4) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        await page.mouse.move(cx + 40, cy + 20, { steps: 4 });
        await page.mouse.up();
      } else await page.mouse.wheel(0, i % 12 < 6 ? -80 : 80);
    }
    await page.waitForTimeout(600);
  };
  const atLoad = await memoryNow(page, cdp);
  await mixed(200);
  const after200 = await memoryNow(page, cdp);
  await mixed(200);
  const after400 = await memoryNow(page, cdp);
  const mb = (v) => (v / MB).toFixed(2);
  for (const [label, m] of [["after load", atLoad], ["after 200", after200], ["after 400", after400]]) {
    report(`JS heap, ${label}`, m.jsHeap, { unit: " MB", fmt: mb });
    report(`wasm memory, ${label}`, m.wasm, { unit: " MB", fmt: mb });
  }
  const total = after400.jsHeap + after400.wasm;
  report("JS heap + wasm memory, after 400", total, { unit: " MB", fmt: mb, budget: 16 * MB });
  report("growth, interactions 201–400 (JS + wasm)", after400.jsHeap + after400.wasm - after200.jsHeap - after200.wasm, {
    unit: " MB",
    fmt: mb,
    budget: 0.25 * MB,
  });
  if (p.errors.length) console.log(`  (console/page errors: ${p.errors.join(" | ")})`);
  await p.context.close();
  results.memory = { atLoad, after200, after400 };
}

// ---------------------------------------------------------------- lighthouse

function runLighthouse(url) {
  return new Promise((resolve, reject) => {
    const cli = join(ROOT, "node_modules/lighthouse/cli/index.js");
    const child = spawn(
      process.execPath,
      [
        cli,
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=performance,accessibility,best-practices,seo",
        `--chrome-flags=${CHROMIUM_ARGS.join(" ")}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(e);
      }
    });
  });
}

async function lighthouse(url) {
  section(`Lighthouse 12.2.3, mobile (simulated slow 4G, 4× CPU), ${LH_RUNS} runs`);
  const runs = [];
  for (let i = 0; i < LH_RUNS; i++) {
    const lhr = await runLighthouse(url);
    const c = lhr.categories;
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    runs.push({
      performance: c.performance.score * 100,
      accessibility: c.accessibility.score * 100,
      "best-practices": c["best-practices"].score * 100,
      seo: c.seo.score * 100,
      lcp: lhr.audits["largest-contentful-paint"].numericValue,
      tbt: lhr.audits["total-blocking-time"].numericValue,
      fcp: lhr.audits["first-contentful-paint"].numericValue,
      failed,
    });
  }
  const out = {};
  for (const k of ["performance", "accessibility", "best-practices", "seo"]) {
    out[k] = summary(runs.map((r) => r[k]));
    report(`Lighthouse ${k}`, out[k], { budget: 100, higherIsBetter: true, fmt: (v) => v.toFixed(0) });
  }
  for (const [k, budget] of [["lcp", 1500], ["tbt", 50], ["fcp", undefined]]) {
    out[k] = summary(runs.map((r) => r[k]));
    report(`Lighthouse ${k.toUpperCase()}`, out[k], { unit: " ms", budget, fmt: (v) => v.toFixed(0) });
  }
  const failed = [...new Set(runs.flatMap((r) => r.failed))];
  if (failed.length) console.log(`  audits not passed (any run): ${failed.join(", ")}`);
  out.failed = failed;
  results.lighthouse = out;
}

// ---------------------------------------------------------------- main

const git = (...a) => {
  try {
    return execFileSync("git", a, { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
};

const started = Date.now();
await stat(join(DIST, "index.html")).catch(() => {
  console.error("bench: no dist/index.html: run `bash scripts/bench.sh` (it builds first)");
  process.exit(2);
});
console.log(
  `bench: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}; the cores are shared with other work, so times vary between runs`,
);
await sizes();
const server = await startServer({ root: DIST, base: BASE, compress: true });
const url = server.url;
// Warm the server's cache of compressed files (for a dist/ without .br/.gz beside it).
for (const name of (await readdir(DIST)).filter((f) => !/\.(gz|br)$/.test(f))) {
  for (const encoding of ["br", "gzip"]) {
    await fetch(new URL(name === "index.html" ? "" : name, url), { headers: { "Accept-Encoding": encoding } }).then((r) => r.arrayBuffer());
  }
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  // One load not counted: chromium's own first-start work.
  const warm = await newPage(browser, DESKTOP);
  await warm.page.goto(url);
  await warm.page.waitForSelector(READY, { timeout: 60_000 });
  await warm.context.close();
  if (ONLY.includes("load")) await load(browser, url);
  if (ONLY.includes("interactions")) await interactions(browser, url);
  if (ONLY.includes("frames")) await frames(browser, url);
  if (ONLY.includes("memory")) await memory(browser, url);
} finally {
  await browser.close();
}
try {
  if (LH_RUNS > 0 && ONLY.includes("lighthouse")) await lighthouse(url);
} finally {
  await server.close();
}

const met = verdicts.filter((v) => v.met).length;
console.log(`\nbudgets: ${met} of ${verdicts.length} met; over: ${verdicts.filter((v) => !v.met).map((v) => v.label).join("; ") || "none"}`);
const row = {
  date: new Date().toISOString(),
  commit: git("rev-parse", "--short=12", "HEAD"),
  dirty: git("status", "--porcelain", "--untracked-files=no") !== "",
  machine: { cores: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), shared: true },
  chromium: execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
  note: NOTE,
  options: { runs: RUNS, reps: REPS, lighthouseRuns: LH_RUNS, only: ONLY },
  seconds: Math.round((Date.now() - started) / 1000),
  ...results,
};
if (RECORD) {
  await appendFile(OUT, JSON.stringify(row) + "\n");
  console.log(`bench: appended a row for ${row.commit}${row.dirty ? " (uncommitted changes)" : ""} to ${OUT}`);
}
console.log(`bench: ${row.seconds} s`);
