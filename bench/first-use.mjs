// The first hover's tooltip and the first selection's details card, whose code is in wasm
// chunks loaded on first use (docs/performance.md "Code splitting"), against a later hover
// and selection, under slow-4G network emulation (Chrome's: 150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up) and no CPU throttling. A mouse reader: the pointer enters the map
// (which starts the chunk's fetch) and rests `--rest` ms (default 0) before it reaches a
// feature; a touch reader: a tap on a feature, with no hover before it.
// node bench/first-use.mjs [--runs N] [--rest MS] [--dist DIR] (bench/args.mjs)
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, DIST, BASE_PATH } from "../e2e/harness.mjs";
import { startServer } from "../e2e/serve.mjs";
import { opt } from "./args.mjs";

const runs = Number(opt("runs", 5));
const rest = Number(opt("rest", 0));
const server = await startServer({ root: opt("dist", DIST), base: BASE_PATH, compress: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A page at 1280×800 (or a phone with touch), ready, under slow 4G. */
async function open(touch) {
  const context = await browser.newContext(touch ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } : { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await page.goto(server.url + "?lang=en");
  await page.waitForSelector('.app[data-ready]:not([data-ready="false"])', { timeout: 60_000 });
  return { page, context };
}

/** Points over two different units in the visible map. */
const spots = (page) =>
  page.evaluate(() => {
    const m = document.querySelector(".map-wrap").getBoundingClientRect();
    const out = [];
    for (let fx = 0.3; fx < 0.8 && out.length < 2; fx += 0.04) {
      for (let fy = 0.3; fy < 0.8 && out.length < 2; fy += 0.04) {
        const [x, y] = [m.left + fx * m.width, Math.max(m.top, 0) + fy * (Math.min(m.bottom, innerHeight) - Math.max(m.top, 0))];
        const f = document.elementFromPoint(x, y)?.closest("svg.map [data-layer=\"area\"] [data-focus]")?.dataset.focus;
        if (f && !out.some((o) => o[2] === f)) out.push([x, y, f]);
      }
    }
    return out;
  });

/** Ms from now until `check(arg)` holds in the page. */
async function until(page, check, arg) {
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForFunction(check, arg, { polling: "raf", timeout: 30_000 });
  return (await page.evaluate(() => performance.now())) - t0;
}

const tip = () => document.querySelector(".tooltip")?.isConnected && document.querySelector(".tooltip strong");
const card = (f) => document.querySelector(`.details[data-details="${f}"]`)?.isConnected;
const results = { hoverFirst: [], hoverLater: [], tapFirst: [], tapLater: [] };
for (let i = 0; i < runs; i++) {
  {
    const { page, context } = await open(false);
    const [[x1, y1], [x2, y2]] = await spots(page);
    // Into the map beside the feature first (the map's edge), then onto it.
    const m = await page.evaluate(() => { const r = document.querySelector("#map").getBoundingClientRect(); return [r.left + 2, r.top + 2]; });
    await page.mouse.move(m[0], m[1]);
    if (rest) await page.waitForTimeout(rest);
    const first = until(page, tip);
    await page.mouse.move(x1, y1);
    results.hoverFirst.push(await first);
    await page.mouse.move(m[0], m[1]);
    await page.waitForFunction(() => !document.querySelector(".tooltip")?.isConnected);
    const later = until(page, tip);
    await page.mouse.move(x2, y2);
    results.hoverLater.push(await later);
    await context.close();
  }
  {
    const { page, context } = await open(true);
    const [[x1, y1, f1]] = await spots(page);
    const first = until(page, card, f1);
    await page.touchscreen.tap(x1, y1);
    results.tapFirst.push(await first);
    // Another unit where the map shows one once it has brought the selection into view.
    await page.waitForTimeout(1500);
    const [x2, y2, f2] = (await spots(page)).find((p) => p[2] !== f1);
    const later = until(page, card, f2);
    await page.touchscreen.tap(x2, y2);
    results.tapLater.push(await later);
    await context.close();
  }
}
for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(11)} median ${median(v).toFixed(0)} ms  [${v.map((x) => x.toFixed(0)).join(", ")}]`);
await browser.close();
await server.close();
