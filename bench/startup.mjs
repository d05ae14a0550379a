// Start-up's long tasks (not part of the benchmark; issue 12, Lighthouse's TBT): loads the
// release dist/ (or each DIR given) in headless chromium with Lighthouse's mobile viewport and
// a 4× slower CPU (DevTools throttling, no network throttling), and reports the page's own
// `longtask` entries from navigation to `.app[data-ready]` + 1.5 s: each task, the sum of
// what each lasts beyond 50 ms (what total blocking time adds up), and with `--frames` each
// long animation frame's scripts (invoker, duration, forced style and layout). Builds given
// as several DIRs are loaded in turn, so that they share the machine's load.
//
//   node bench/startup.mjs [--runs 5] [--cpu 4] [--frames] [DIR ...]
//
// Why not Lighthouse: its simulated TBT multiplies the tasks it observed unthrottled by 4
// and its LCP adds network estimates from the local server's response times, so on this
// shared machine two runs of one build differ by as much as two builds do. This measures
// the tasks directly (still noisy: compare medians of builds loaded in turn).

import { loadavg } from "node:os";
import { chromium } from "playwright-core";
import { BASE_PATH as BASE, CHROMIUM, CHROMIUM_ARGS, DIST, READY_SELECTOR as READY } from "../e2e/harness.mjs";
import { startServer } from "../e2e/serve.mjs";
import { args, dirsFrom, median, opt } from "./args.mjs";

const RUNS = Number(opt("runs", 5));
const CPU = Number(opt("cpu", 4));
const FRAMES = args.includes("--frames");
const dirs = dirsFrom(["--runs", "--cpu"], DIST);

// Runs in the page before its scripts: collects long tasks and long animation frames.
function probe() {
  window.__longTasks = [];
  window.__frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: e.scripts.map((s) => [s.invoker, s.duration, s.forcedStyleAndLayoutDuration]),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {
    // A browser without long animation frames: long tasks only.
  }
}

const servers = await Promise.all(dirs.map((root) => startServer({ root, base: BASE, compress: true })));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const results = dirs.map(() => []);
console.log(`startup: ${RUNS} loads of each build at ${CPU}× CPU, 412×823; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
try {
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < dirs.length; k++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
      await context.addInitScript(probe);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
      await page.goto(servers[k].url);
      await page.waitForSelector(READY, { timeout: 60000 });
      const ready = await page.evaluate(() => performance.now());
      await page.waitForTimeout(1500);
      const { tasks, frames } = await page.evaluate(() => ({ tasks: window.__longTasks, frames: window.__frames }));
      await context.close();
      const blocking = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
      const longest = Math.max(0, ...tasks.map(([, d]) => d));
      results[k].push({ blocking, longest, ready });
      console.log(
        `${dirs[k]}: blocking ${blocking.toFixed(0)} ms, longest ${longest.toFixed(0)} ms, ready ${ready.toFixed(0)} ms; ` +
          `tasks ${tasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(" ")} (load ${loadavg()[0].toFixed(1)})`,
      );
      if (FRAMES) {
        for (const f of frames.filter((f) => f.blocking > 0)) {
          const scripts = f.scripts.map(([who, d, forced]) => `${who} ${d.toFixed(0)} (layout ${forced.toFixed(0)})`).join(", ");
          console.log(`    frame @${f.start.toFixed(0)}: ${f.duration.toFixed(0)} ms, blocking ${f.blocking.toFixed(0)}: ${scripts}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close?.()));
}
for (let k = 0; k < dirs.length; k++) {
  const r = results[k];
  console.log(
    `median ${dirs[k]}: blocking ${median(r.map((x) => x.blocking)).toFixed(0)} ms [${Math.min(...r.map((x) => x.blocking)).toFixed(0)}–${Math.max(...r.map((x) => x.blocking)).toFixed(0)}], ` +
      `longest task ${median(r.map((x) => x.longest)).toFixed(0)} ms, ready ${median(r.map((x) => x.ready)).toFixed(0)} ms`,
  );
}
process.exit(0);
