// The floor of the benchmark's pan and zoom "each input → paint" figures (not part of the
// benchmark): the same probe (`bench/interactions.mjs`) and the same input as
// `bench.mjs`'s frames section (playwright's mouse moves and wheel steps every 16 ms for
// 2 s), on a bare page with one grey box and no script of ours, in the same headless
// chromium. Whatever the page does, its figures cannot go below these: they are the
// browser's own delivery of the input and its frame.
//
//   node bench/floor.mjs [--cpu 1] [--listener none,passive,active,active-pd]
//
// Measured (issue 12, docs/performance.md "Interaction times"): a wheel event's input → paint is two
// frames (≈ 32 ms) on the bare page, with or without a listener, passive or not, with
// or without preventDefault; a pointermove's is one (≈ 16 ms). The map's zoom figure
// (≈ 36 ms) is this floor plus its own ≈ 4 ms.

import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/harness.mjs";
import { opt } from "./args.mjs";
import { pageProbe } from "./interactions.mjs";

const CPU = Number(opt("cpu", 1));
const MODES = opt("listener", "none,passive,active,active-pd").split(",");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (CPU !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  console.log(`floor: a bare page, ${CPU}× CPU; input → paint over 2 s of input each`);
  for (const mode of MODES) {
    await page.setContent('<html><body style="margin:0"><div id="box" style="width:1000px;height:700px;background:#ccc"></div></body></html>');
    await page.evaluate(`(${pageProbe})("body")`);
    await page.evaluate((mode) => {
      const box = document.getElementById("box");
      if (mode === "passive") box.addEventListener("wheel", () => {}, { passive: true });
      if (mode === "active") box.addEventListener("wheel", () => {}, { passive: false });
      if (mode === "active-pd") box.addEventListener("wheel", (e) => e.preventDefault(), { passive: false });
    }, mode);
    for (const type of ["wheel", "pointermove"]) {
      await page.mouse.move(500, 350);
      await page.evaluate((t) => {
        window.__bench.latencies = [];
        window.__bench.every = t;
      }, type);
      const end = Date.now() + 2000;
      let k = 0;
      while (Date.now() < end) {
        k++;
        if (type === "wheel") await page.mouse.wheel(0, Math.floor(k / 20) % 2 ? 60 : -60);
        else await page.mouse.move(500 + 120 * Math.sin(k / 15), 350 + 80 * Math.sin(k / 23));
        await new Promise((r) => setTimeout(r, 16));
      }
      const l = await page.evaluate(() => {
        window.__bench.every = null;
        return window.__bench.latencies;
      });
      l.sort((a, b) => a - b);
      const at = (q) => (l.length ? l[Math.min(l.length - 1, Math.floor(l.length * q))].toFixed(1) : "–");
      console.log(`  ${`wheel listener: ${mode}`.padEnd(28)} ${type.padEnd(12)} ${String(l.length).padStart(4)} events  median ${at(0.5)} ms  p95 ${at(0.95)} ms`);
    }
  }
} finally {
  await browser.close();
}
