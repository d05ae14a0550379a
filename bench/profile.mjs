// Profiles the benchmark's interactions (not part of the benchmark): for each, the
// DevTools protocol's sampling profiler (self and inclusive time per function; build the
// wasm with names kept to see Rust functions) and a trace of the renderer's main thread
// (style, layout, paint: which layouts were forced by script).
//
//   node bench/profile.mjs [--root DIR] [--cpu 4] [--reps 12] [--only selection,hover]
//                          [--top 30] [--timeline [--all]] [--viewport 1100x800]
//
// --timeline also prints the last interaction's tasks and render events in order (what
// each restyled, laid out or painted, and which script forced it); --all every event.
//
// A wasm with names: `METRO_PLAN_NAMES=1 bash scripts/build-release.sh` (the post-build
// hook, scripts/post-build.mjs, then runs the main module's wasm-opt with `-g`), copy dist/
// to DIR (without its .gz/.br copies), build again without it, and pass `--root DIR`. The
// names are mangled (`_RNv…10metro_plan10components3url9write_url`: the path is readable
// in them). Patching names into a copy of dist/ afterwards no longer works: the hook
// renames the imports and exports between the main module and its JS.

import { chromium } from "playwright-core";
import { BASE_PATH as BASE, CHROMIUM, CHROMIUM_ARGS, DIST, READY_SELECTOR as READY, VIEWPORTS, openLayerList } from "../e2e/harness.mjs";
import { startServer } from "../e2e/serve.mjs";
import { args, opt } from "./args.mjs";
import { interactionKinds, measureOne, pageProbe } from "./interactions.mjs";

const ROOT = opt("root", DIST);
const CPU = Number(opt("cpu", 4));
const REPS = Number(opt("reps", 12));
const TOP = Number(opt("top", 30));
const GREP = opt("grep", "");
const ONLY = opt("only", "layer toggle,hover,selection,language switch").split(",");

// A Rust name cut to what says where it is: its start, and from the app's own path on.
const short = (k) => {
  const i = k.lastIndexOf("10metro_plan");
  return i > 60 ? `${k.slice(0, 40)}…${k.slice(i + 12, i + 132)}` : k.slice(0, 150);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Self and inclusive sampled time per function. */
function summarise(profile, windows = null) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.split("/").at(-1) : "";
    return `${f.functionName || "(anonymous)"}${file && !file.endsWith(".wasm") ? ` ${file}:${f.lineNumber + 1}` : ""}`;
  };
  const self = new Map();
  const incl = new Map();
  let total = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (windows && !windows.some(([a, b]) => t >= a && t <= b)) continue;
    let id = profile.samples[i];
    const n0 = byId.get(id);
    const n0name = name(n0);
    if (n0name.startsWith("(idle)")) continue;
    total += dt;
    self.set(n0name, (self.get(n0name) ?? 0) + dt);
    const seen = new Set();
    while (id !== undefined) {
      const nm = name(byId.get(id));
      if (!seen.has(nm)) {
        seen.add(nm);
        incl.set(nm, (incl.get(nm) ?? 0) + dt);
      }
      id = parent.get(id);
    }
  }
  return { total, self, incl };
}

const server = await startServer({ root: ROOT, base: BASE });
const url = server.url;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const [vw, vh] = opt("viewport", `${VIEWPORTS.desktop.width}x${VIEWPORTS.desktop.height}`).split("x").map(Number);
  const context = await browser.newContext({ viewport: { width: vw, height: vh } });
  await context.addInitScript(pageProbe, READY);
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log("pageerror", String(e)));
  const cdp = await context.newCDPSession(page);
  await page.goto(url + "?lang=en");
  await page.waitForSelector(READY);
  await page.waitForTimeout(700);
  await openLayerList(page);
  if (CPU !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  for (const [label, kind] of Object.entries(interactionKinds(page))) {
    if (!ONLY.includes(label)) continue;
    await measureOne(page, kind);
    await measureOne(page, kind);
    // The trace: style, layout and paint on the main thread.
    const events = [];
    const onData = (e) => events.push(...e.value);
    cdp.on("Tracing.dataCollected", onData);
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack,blink.user_timing",
      transferMode: "ReportEvents",
    });
    await cdp.send("Profiler.start");
    const lat = [];
    for (let i = 0; i < REPS; i++) lat.push(await measureOne(page, kind));
    const { profile } = await cdp.send("Profiler.stop");
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.end");
    await done;
    cdp.off("Tracing.dataCollected", onData);
    console.log(`\n=== ${label} at ${CPU}× CPU: input → paint median ${median(lat).toFixed(1)} ms [${Math.min(...lat).toFixed(1)}–${Math.max(...lat).toFixed(1)}] over ${REPS}`);
    // Each interaction's window: from its input event's dispatch to the paint measured.
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X");
    const starts = onMain.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === kind.event).map((e) => e.ts);
    const windows = starts.slice(-REPS).map((a, i) => [a, a + lat[i] * 1000]);
    const inWindow = (e) => windows.some(([a, b]) => e.ts >= a && e.ts <= b);
    const { total, self, incl } = summarise(profile, windows.length === REPS ? windows : null);
    if (windows.length !== REPS) console.log(`  (found ${windows.length} input events in the trace, not ${REPS}: whole profile)`);
    const per = (v) => (v / REPS).toFixed(2).padStart(7);
    console.log(`  sampled busy time per interaction: ${(total / REPS).toFixed(1)} ms (from each input event's dispatch to its paint)`);
    console.log("  -- inclusive ms per interaction --");
    for (const [k, v] of [...incl].filter(([k]) => k.includes(GREP)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${per(v)}  ${short(k)}`);
    console.log("  -- self ms per interaction --");
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${per(v)}  ${short(k)}`);
    // Trace: the main thread's render events, and which layouts/style recalcs were forced.
    const sums = new Map();
    for (const e of onMain.filter(inWindow)) {
      if (!["Layout", "UpdateLayoutTree", "Paint", "PrePaint", "Layerize", "Commit", "HitTest", "ParseHTML", "EventDispatch", "FireAnimationFrame", "FunctionCall", "RunTask", "ScheduleStyleRecalculation", "IntersectionObserverController::computeIntersections", "UpdateLayer", "PaintImage"].includes(e.name)) continue;
      const forced = (e.name === "Layout" || e.name === "UpdateLayoutTree") && (e.args?.beginData?.stackTrace || e.args?.data?.stackTrace) ? " (forced by script)" : "";
      const k = e.name + forced;
      const s = sums.get(k) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += (e.dur ?? 0) / 1000;
      sums.set(k, s);
    }
    console.log("  -- trace, main thread, ms per interaction (count) --");
    for (const [k, s] of [...sums].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${per(s.ms)}  ${k} (${(s.n / REPS).toFixed(1)})`);
    const forcedStacks = new Map();
    for (const e of onMain.filter(inWindow)) {
      const st = e.args?.beginData?.stackTrace || e.args?.data?.stackTrace;
      if (!st || !(e.name === "Layout" || e.name === "UpdateLayoutTree")) continue;
      const key = `${e.name}: ${st.slice(0, 4).map((f) => f.functionName || "?").join(" < ")}`;
      const s = forcedStacks.get(key) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += (e.dur ?? 0) / 1000;
      forcedStacks.set(key, s);
    }
    for (const [k, s] of [...forcedStacks].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log(`  ${per(s.ms)}  forced ${k} (${(s.n / REPS).toFixed(1)})`);
    // --timeline: the last interaction's render events and tasks in order (what each laid
    // out, restyled or painted).
    if (args.includes("--timeline") && windows.length) {
      const [a, b] = windows.at(-1);
      console.log(`  -- timeline of the last interaction (${((b - a) / 1000).toFixed(1)} ms) --`);
      const shown = ["Layout", "UpdateLayoutTree", "Paint", "PrePaint", "Layerize", "Commit", "EventDispatch", "FireAnimationFrame", "TimerFire", "FunctionCall", "ParseHTML", "RunTask", "ResizeObserver::deliverObservations", "IntersectionObserverController::computeIntersections"];
      const all = args.includes("--all");
      for (const e of onMain.filter((e) => e.ts >= a && e.ts <= b && (all || shown.includes(e.name)) && (e.dur ?? 0) >= 200)) {
        const d = e.args?.data ?? {};
        const bd = e.args?.beginData ?? {};
        const st = bd.stackTrace || d.stackTrace;
        const info = [
          d.type, d.elementCount != null ? `elements ${d.elementCount}` : "", bd.dirtyObjects != null ? `objects ${bd.dirtyObjects}/${bd.totalObjects}` : "",
          d.clip ? `clip ${Math.round(d.clip[2] - d.clip[0])}×${Math.round(d.clip[5] - d.clip[1])}` : "", d.nodeName ?? "",
          st ? `forced by ${st.slice(0, 3).map((f) => f.functionName || "?").join(" < ")}` : "", d.url ? d.url.split("/").at(-1) + ":" + d.lineNumber : "",
        ].filter(Boolean).join(", ");
        console.log(`  ${((e.ts - a) / 1000).toFixed(1).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)}  ${e.name} ${info}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
