// A drag's first move (not part of the benchmark; issue 12, pan and zoom at 60 fps): loads
// each build given (default the release dist/) in headless chromium at 1280×800, presses on
// the map's centre and moves in 5 px steps, tracing the renderer's main thread at a slower
// CPU (4× by default). Reports the first `pointermove` past the drag threshold (the one
// that starts the gesture's picture): its dispatch, and the task it ran in with the frame's
// style and layout. Builds given as several DIRs are loaded in turn, so that they share the
// machine's load; compare medians.
//
//   node bench/first-move.mjs [--runs 5] [--cpu 4] [DIR ...]

import { chromium } from "playwright-core";
import { BASE_PATH as BASE, CHROMIUM, CHROMIUM_ARGS, DIST, READY_SELECTOR as READY } from "../e2e/harness.mjs";
import { startServer } from "../e2e/serve.mjs";
import { dirsFrom, median, opt } from "./args.mjs";

const RUNS = Number(opt("runs", 5));
const CPU = Number(opt("cpu", 4));
const dirs = dirsFrom(["--runs", "--cpu"], DIST);

/** One drag's first move in `url`: [dispatch ms, task ms]. */
async function firstMove(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${url}?lang=en`);
    await page.waitForSelector(READY);
    // The fitted view's first moves are over, and the tooltip's chunk is in.
    await page.waitForTimeout(700);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
    const box = await page.locator("svg.map").boundingBox();
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(cx, cy);
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    await page.mouse.down();
    for (let k = 1; k < 8; k++) {
      await page.mouse.move(cx + 4 * k, cy + 3 * k);
      await new Promise((resume) => setTimeout(resume, 16));
    }
    await page.mouse.up();
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const mine = events.filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid && e.dur);
    // The first move is 5 px, past the 4 px threshold: it starts the drag.
    const move = mine.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "pointermove").sort((a, b) => a.ts - b.ts)[0];
    const task = mine.find((e) => e.name === "RunTask" && e.ts <= move.ts && e.ts + e.dur >= move.ts + move.dur);
    if (!task) throw new Error("no task around the first pointermove in the trace");
    return [move.dur / 1000, task.dur / 1000];
  } finally {
    await context.close();
  }
}

const servers = await Promise.all(dirs.map((root) => startServer({ root, base: BASE, compress: true })));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const seen = dirs.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    for (const [i, server] of servers.entries()) seen[i].push(await firstMove(browser, server.url));
  }
  console.log(`first-move: ${RUNS} drags of each build at ${CPU}× CPU`);
  for (const [i, dir] of dirs.entries()) {
    const fmt = (xs) => `median ${median(xs).toFixed(1)} ms [${xs.map((x) => x.toFixed(1)).join(", ")}]`;
    console.log(`${dir}: first pointermove ${fmt(seen[i].map((s) => s[0]))}; its task ${fmt(seen[i].map((s) => s[1]))}`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
