// Shared end-to-end harness: serves the release `dist/` under a sub-path, drives
// Debian's chromium through playwright-core, and records everything a page should
// never do (console errors, page errors, failed or off-origin requests).
// It builds nothing: `bash scripts/test.sh` runs `trunk build --release` first.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const require = createRequire(import.meta.url);

/** The release build under test. */
export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
/** Where screenshots go (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
/** The sub-path a portal would host the dashboard at. */
export const BASE_PATH = "/portal/plan/";
/** Debian's chromium; override with CHROMIUM=/path/to/chromium. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** Flags that keep chromium off the (closed) network and working as root. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--no-first-run",
];
/** The two viewports every visual check is made at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
};
/** The app root, once the map is drawn and interactive. */
export const READY_SELECTOR = '.app[data-ready]:not([data-ready="false"])';
/** The file name of a wasm chunk loaded on first use (code splitting, docs/performance.md "Where the
 * bytes are"): `split_NAME.HASH.wasm`, or `chunk_N.HASH.wasm` for code two split points
 * share. scripts/test.sh has the same pattern for its first-load count. */
export const CHUNK_FILE = /^(split_[A-Za-z0-9_]+|chunk_\d+)(\.[0-9a-f]+)?\.wasm$/;
/** A wasm chunk's URL, with or without a query (the release stamp). */
export const CHUNK_URL = /\/(split_[A-Za-z0-9_]+|chunk_\d+)(\.[0-9a-f]+)?\.wasm(\?|$)/;
/** The file of the texts only the chunks show (`later.HASH.bin`): the split release build
 * takes them out of the main wasm, and `__wasm_split.js` fetches them with the first chunk
 * (scripts/post-build.mjs, `takeOutLater`); not in the first load either. */
export const LATER_FILE = /^later\.[0-9a-f]+\.bin$/;
/** The same file's URL, with or without a query (the release stamp). */
export const LATER_URL = /\/later\.[0-9a-f]+\.bin(\?|$)/;
/** The file name of a chunk's stylesheet (`split_NAME.HASH.css`, the styles of what the tour's,
 * the share dialog's and the table's chunks write, loaded with them; not in the first load
 * either). */
export const CHUNK_SHEET_FILE = /^split_[A-Za-z0-9_]+\.[0-9a-f]+\.css$/;
/** The same sheet's URL. */
export const CHUNK_SHEET_URL = /\/split_[A-Za-z0-9_]+\.[0-9a-f]+\.css(\?|$)/;
/** Every layer of the map, as the `layers=` URL parameter lists them. */
export const ALL_LAYERS = "area,sphere,context,center,clusters,belts,corridor,labels";
/** The strict Content-Security-Policy of deploy/nginx/metro-plan.conf. */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/** A TCP port free on 127.0.0.1 right now (for a server the test starts itself). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the static server and the browser. Call `close()` when done.
 * `headers` go on every served file (e.g. a Content-Security-Policy header); with
 * `trickle: { bytes, ms }` the HTML comes in pieces, as over a slow link (e2e/serve.mjs).
 */
export async function startApp({ headers = {}, trickle = null } = {}) {
  assert.ok(
    existsSync(DIST + "index.html"),
    `no release build at ${DIST}: run \`trunk build --release\` first (bash scripts/test.sh does)`,
  );
  const server = await startServer({ root: DIST, base: BASE_PATH, headers, trickle });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    browser,
    baseUrl: server.url,
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The app for the tests of the enclosing `describe`: started before the first and closed
 * after the last (`options` as for `startApp`). The object is filled in by `before`.
 */
export function appForSuite(options = {}) {
  const app = {};
  before(async () => {
    Object.assign(app, await startApp(options));
  });
  after(async () => {
    await app.close?.();
  });
  return app;
}

/**
 * Opens the app at a query (e.g. `"?lang=en&layers=area"`) in a fresh browser
 * context and waits for the ready root. Returns `{ page, problems, response, close }`;
 * `problems` keeps filling while the page lives.
 */
export async function openApp(app, query = "", { viewport = VIEWPORTS.desktop, waitForReady = true, contextOptions = {} } = {}) {
  const context = await app.browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], offOriginRequests: [] };
  const isOffOrigin = (url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== app.origin;

  // Nothing may leave the origin: record such requests and stop them here.
  await context.route(
    (url) => isOffOrigin(url.href),
    (route) => route.abort("blockedbyclient"),
  );
  page.on("request", (req) => {
    if (isOffOrigin(req.url())) problems.offOriginRequests.push(`${req.method()} ${req.url()}`);
  });
  page.on("requestfailed", (req) => {
    // The browser's own fetch of the page's icon is cancelled when the page navigates
    // away (a tour step, a reload) before it ends: nothing a reader would see.
    const iconCancelled = req.failure()?.errorText === "net::ERR_ABORTED" && new URL(req.url()).pathname.endsWith("/favicon.svg");
    if (!isOffOrigin(req.url()) && !iconCancelled) problems.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const { url, lineNumber } = msg.location();
      problems.consoleErrors.push(`${msg.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (err) => problems.pageErrors.push(err.stack ?? String(err)));

  const url = new URL(query, app.baseUrl).href;
  const response = await page.goto(url, { waitUntil: "load" });
  if (waitForReady) {
    try {
      await page.waitForSelector(READY_SELECTOR, { timeout: 20_000 });
    } catch (err) {
      err.message += `\nthe app at ${url} never became ready; problems so far:\n${JSON.stringify(problems, null, 2)}`;
      await context.close();
      throw err;
    }
  }
  return { page, context, problems, response, url, close: () => context.close() };
}

/** Asserts that a page made no console error, page error, failed or off-origin request. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems.consoleErrors, [], "console errors");
  assert.deepEqual(problems.pageErrors, [], "page errors");
  assert.deepEqual(problems.failedRequests, [], "failed requests");
  assert.deepEqual(problems.offOriginRequests, [], "off-origin requests");
}

/**
 * Asserts that no text on the page reads zero bytes. The split release build takes the texts
 * only the wasm chunks show out of the main wasm and writes them into its memory with the
 * first chunk (scripts/post-build.mjs, `takeOutLater`): one that main-module code read before
 * that would show as U+0000 characters, in the page or its title.
 */
export async function assertNoZeroTexts(page) {
  const found = await page.evaluate(() => {
    const html = document.title + document.documentElement.outerHTML;
    const at = html.indexOf("\u0000");
    return at < 0 ? null : html.slice(Math.max(0, at - 120), at + 20);
  });
  assert.equal(found, null, "a text of zero bytes (a later text read before a chunk loaded it?)");
}

/**
 * Opens the app at `query` as `openApp` does (`options` may be left out), runs `check`
 * with what `openApp` returns, then asserts that the page made no problem; the page is
 * closed either way.
 */
export async function onPage(app, query, options, check) {
  if (typeof options === "function") [options, check] = [{}, options];
  const opened = await openApp(app, query, options);
  try {
    await check(opened);
    await assertNoZeroTexts(opened.page);
    assertNoProblems(opened.problems);
  } finally {
    await opened.close();
  }
}

/** Opens the layer list where the map folded it to its button (no room beside the map);
 * `scope` is a page or a frame. */
export async function openLayerList(scope) {
  if (!(await scope.locator("details.layer-panel").evaluate((d) => d.open))) {
    await scope.locator(".layer-panel summary").click();
  }
}

let axeSource;

/**
 * Runs axe-core on the page and returns its violations, each as
 * `{ id, impact, help, helpUrl, nodes: [{ target, summary }] }`.
 * axe is evaluated over the DevTools protocol, not added as a `<script>`, so a
 * strict Content-Security-Policy on the page does not block it.
 */
export async function runAxe(page, options = {}) {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.evaluate(`${axeSource}\n;void 0`);
  }
  return page.evaluate(async (opts) => {
    const results = await window.axe.run(document, opts);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
  }, options);
}

/**
 * Asserts that axe found nothing, whatever the impact (minor and moderate included),
 * printing every violation when it did.
 */
export function assertNoViolations(violations, label = "") {
  assert.deepEqual(
    violations.map((v) => `${v.impact}: ${v.id}`),
    [],
    `${label ? `${label}: ` : ""}axe violations\n${formatViolations(violations)}`,
  );
}


/** A readable report of axe violations, one block per rule. */
export function formatViolations(violations) {
  if (violations.length === 0) return "axe: no violations";
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    at ${n.target}\n      ${(n.summary ?? "").replace(/\n/g, "\n      ")}`);
      return `axe ${v.impact}: ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join("\n")}`;
    })
    .join("\n");
}

/**
 * Saves a full-page screenshot as `e2e/artifacts/<name>-<width>x<height>.png` (with
 * `{ fullPage: false }`, just what the screen shows); returns its path.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const { width, height } = page.viewportSize();
  const path = `${ARTIFACTS}${name}-${width}x${height}.png`;
  await page.screenshot({ path, fullPage });
  return path;
}

/** Waits for two frames: what the page does with a frame (input delivered with it, a
 * change drawn in it) has been done. */
export async function twoFrames(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Waits until the map's view holds still: its viewBox unchanged over ten animation
 * frames (a view transition changes it on every frame until it ends).
 */
export async function settled(page) {
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        const svg = document.querySelector("svg.map");
        let last = svg?.getAttribute("viewBox");
        let still = 0;
        const step = () => {
          const now = svg?.getAttribute("viewBox");
          // A gesture's picture (a drag, a pinch, a wheel zoom until the wheel pauses) is
          // not a view yet: the map has settled once it is gone.
          still = now === last && !svg?.style.transform ? still + 1 : 0;
          last = now;
          if (still >= 10) resolve(true);
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

/**
 * Waits until the address bar satisfies `ok` (a function of a `URL`) and returns that URL;
 * fails after `timeout` ms naming `what`. The app writes the address just after the frame
 * that shows a change (issue 12), so a test that has seen the page change waits for the
 * address rather than reading `page.url()` at once. Polls once per frame.
 */
export async function untilAddress(page, ok, what = String(ok), { timeout = 5000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const url = new URL(await page.evaluate(() => location.href));
    if (ok(url)) return url;
    if (Date.now() > end) assert.fail(`the address ${url.href} never came to ${what}`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
}

/** Waits until the address matches `re`. */
export const addressMatches = (page, re) => untilAddress(page, (u) => re.test(u.href), `match ${re}`);

/** Waits until the address does not match `re`. */
export const addressLacks = (page, re) => untilAddress(page, (u) => !re.test(u.href), `lack ${re}`);

/** Waits until the map's keyboard cursor (the focused feature) is on `focus`: the map's
 * first key waits for the `keys` chunk, fetched when the keyboard focus first reaches the
 * map (docs/performance.md "Code splitting"), so what it does may come a little later. */
export const cursorOn = (page, focus) =>
  page.waitForFunction((f) => document.activeElement?.getAttribute("data-focus") === f, focus, { timeout: 10_000 });
