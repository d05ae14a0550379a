// Code splitting (docs/performance.md "Where the bytes are"): the release build cuts the code the first
// screen does not need into wasm chunks (`split_NAME.HASH.wasm`, `chunk_N.HASH.wasm`) that
// `__wasm_split.js` fetches on first use. Checked here, under the strict CSP: the first
// screen fetches no chunk; each feature (the map's tooltip, the downloads menu, the share dialog,
// the tour, the map's keys, the table view) fetches its chunk when first used (or when pointed at or focused) and works; a
// chunk that cannot be fetched gives a readable message (not a blank or a trap) and a
// second try loads it; a stamped release (scripts/stamp-release.mjs) fetches each module
// once and the chunks with the stamp.

import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { BASE_PATH, CHUNK_FILE, CHUNK_SHEET_URL, CHUNK_URL, CHROMIUM, CHROMIUM_ARGS, CSP, DIST, LATER_FILE, LATER_URL, READY_SELECTOR, VIEWPORTS, appForSuite, assertNoProblems, assertNoViolations, assertNoZeroTexts, openApp, runAxe, screenshot } from "./harness.mjs";
import { startServer } from "./serve.mjs";

const split = existsSync(join(DIST, "__wasm_split.js"));
const chunks = split ? readdirSync(DIST).filter((f) => CHUNK_FILE.test(f)) : [];
const laterFiles = split ? readdirSync(DIST).filter((f) => LATER_FILE.test(f)) : [];

/** Records the wasm chunks (and their stylesheets, and the texts only they show) a page fetches. */
function chunkRequests(page) {
  const seen = [];
  page.on("request", (req) => {
    const path = new URL(req.url()).pathname + "?";
    if (CHUNK_URL.test(path) || CHUNK_SHEET_URL.test(path) || LATER_URL.test(path)) seen.push(req.url());
  });
  return seen;
}

/** The chunks whose part has a stylesheet of its own, each with a style it sets there. */
const SHEETS = {
  // The map's parts first: the table view takes the map's place.
  tooltip: { selector: ".tooltip", property: "pointer-events", value: "none" },
  export: { selector: ".download-list", property: "list-style-type", value: "none" },
  tour: { selector: ".tour-card", property: "border-top-width", value: "2px" },
  share: { selector: ".share-dialog", property: "border-top-left-radius", value: "10px" },
  table: { selector: ".data-table", property: "border-collapse", value: "collapse" },
};

/** The features that load a chunk, each as (page) => a promise of its visible result. */
const FEATURES = {
  tooltip: async (page) => {
    const [x, y] = await page.evaluate(() => {
      const m = document.querySelector(".map-wrap").getBoundingClientRect();
      for (let fx = 0.3; fx < 0.8; fx += 0.05) {
        for (let fy = 0.3; fy < 0.8; fy += 0.05) {
          const [x, y] = [m.left + fx * m.width, m.top + fy * m.height];
          if (document.elementFromPoint(x, y)?.closest("svg.map [data-focus]")) return [x, y];
        }
      }
      throw new Error("no map feature in the middle of the map");
    });
    await page.mouse.move(x, y);
    await page.locator(".tooltip strong").waitFor();
  },
  export: async (page) => {
    await page.locator("details.downloads summary").click();
    const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), page.locator('[data-download="svg"]').click()]);
    assert.match(dl.suggestedFilename(), /\.svg$/);
  },
  share: async (page) => {
    await page.locator(".share-button").click();
    await page.locator(".share-dialog[open] #share-link").waitFor();
    assert.match(await page.locator("#share-link").inputValue(), /\/portal\/plan\/\?/);
    await page.keyboard.press("Escape");
    await page.locator(".share-dialog[open]").waitFor({ state: "detached" });
  },
  tour: async (page) => {
    await page.locator(".tour-button").click();
    await page.locator(".tour-card .tour-title:not(:empty)").waitFor();
    // Started by its button: the card's title has the keyboard focus once written.
    await page.waitForFunction(() => document.activeElement?.id === "tour-title");
    await page.locator('.tour-card [data-action="tour-exit"]').click();
    await page.locator(".tour-card").waitFor({ state: "detached" });
  },
  keys: async (page) => {
    // The map's keys: the keyboard focus on the map, then N puts the cursor (and its ring)
    // on a place, Escape takes it off.
    await page.locator("svg#map").focus();
    await page.keyboard.press("n");
    await page.locator(".focus-ring[data-ring]").waitFor();
    await page.keyboard.press("Escape");
    await page.locator(".focus-ring[data-ring]").waitFor({ state: "detached" });
  },
  table: async (page) => {
    await page.locator('[data-view-switch="table"]').click();
    await page.locator('[data-table="units"] tbody tr').first().waitFor();
  },
};

describe("code splitting: chunks loaded on first use", { skip: split ? false : "dist/ is not a code-split build (METRO_PLAN_NO_SPLIT=1?)" }, () => {
  const app = appForSuite({ headers: { "Content-Security-Policy": CSP } });

  test("the build has chunks, and the first screen fetches none of them", async () => {
    assert.ok(chunks.length > 0, "no split_*.wasm in dist/");
    const { page, problems, close } = await openApp(app, "?lang=en", { contextOptions: { acceptDownloads: true } });
    try {
      const seen = chunkRequests(page);
      // Point at the title and scroll a little, as a reader of the first screen would;
      // nothing loads (pointing at the map is the intent to see its tooltips: below).
      await page.locator(".app h1").hover();
      await page.mouse.wheel(0, 200);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
      assert.deepEqual(seen, [], "chunks fetched by the first screen");
      const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
      assert.ok(!loaded.some((p) => CHUNK_URL.test(p + "?") || CHUNK_SHEET_URL.test(p + "?") || LATER_URL.test(p + "?")), `chunks, their stylesheets or their texts in the first load: ${loaded}`);
      assert.ok(loaded.some((p) => p.endsWith("/__wasm_split.js")), "__wasm_split.js is part of the first load");
      for (const [name, use] of Object.entries(FEATURES)) {
        const before = seen.length;
        await use(page);
        assert.ok(seen.slice(before).some((u) => new RegExp(`/split_${name}\\.[0-9a-f]+\\.wasm`).test(u)), `using ${name} fetched split_${name}.HASH.wasm (fetched: ${seen.slice(before)})`);
        const sheet = seen.slice(before).some((u) => new RegExp(`/split_${name}\\.[0-9a-f]+\\.css`).test(u));
        assert.equal(sheet, name in SHEETS, `using ${name} fetched split_${name}.HASH.css: ${sheet} (fetched: ${seen.slice(before)})`);
        await assertNoZeroTexts(page);
      }
      // The texts only the chunks show: once, with the first chunk.
      assert.equal(seen.filter((u) => LATER_URL.test(new URL(u).pathname + "?")).length, 1, `later.HASH.bin fetched once: ${seen}`);
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  /** Opens the app in English, runs `body(page)`, then checks that nothing went wrong. */
  async function onPage(body) {
    const { page, problems, close } = await openApp(app, "?lang=en");
    try {
      await body(page);
      assertNoProblems(problems);
    } finally {
      await close();
    }
  }

  test("pointing at a control fetches its chunk before the click (preload on intent)", () =>
    onPage(async (page) => {
      const seen = chunkRequests(page);
      await page.locator(".share-button").hover();
      await page.waitForResponse((res) => /\/split_share\.[0-9a-f]+\.wasm/.test(res.url()));
      assert.equal(await page.locator(".share-dialog[open]").count(), 0, "hovering opens nothing");
      await page.locator(".tour-button").focus();
      await page.waitForResponse((res) => /\/split_tour\.[0-9a-f]+\.wasm/.test(res.url()));
      assert.ok(!seen.some((u) => /split_(table|export)/.test(u)), `only what was pointed at: ${seen}`);
    }));

  test("the texts only the chunks show are not in the main wasm, and come with the first chunk", async () => {
    assert.equal(laterFiles.length, 1, `one later.HASH.bin in dist/: ${laterFiles}`);
    const plan = JSON.parse(readFileSync(new URL("../data/plan.json", import.meta.url), "utf8"));
    const clause = plan.area_clauses.find((c) => c.city === "changchun").text;
    const main = readFileSync(join(DIST, "metro-plan_bg.wasm"));
    assert.ok(!main.includes(Buffer.from(clause.zh)) && !main.includes(Buffer.from(clause.en)), "the designated area's sentences are not in the main wasm");
    assert.ok(readFileSync(join(DIST, laterFiles[0])).includes(Buffer.from(clause.zh)), `the sentence is in ${laterFiles[0]}`);
    // Chaoyang District's details card quotes Changchun's part of the sentence, in both
    // languages: the card's chunk brought it. The card is opened by a link, so no tooltip
    // came first.
    const { page, problems, close } = await openApp(app, "?lang=zh&focus=220104");
    try {
      const says = page.locator('.details[data-details="220104"] dd').filter({ hasText: "榆树市部分地区" });
      await says.waitFor();
      assert.equal(await says.innerText(), clause.zh);
      await page.locator(".lang-switch").click();
      await page.locator(".details dd").filter({ hasText: "parts of Yushu City" }).waitFor();
      assert.equal(await page.locator(".details dd").filter({ hasText: "parts of Yushu City" }).innerText(), clause.en);
      await assertNoZeroTexts(page);
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("texts that cannot be fetched: the chunk's readable message, then a retry works", async () => {
    const { page, problems, close } = await openApp(app, "?lang=en");
    try {
      await page.route(LATER_URL, (route) => route.abort("internetdisconnected"));
      await page.locator(".share-button").click();
      const alert = page.locator("[data-chunk-error][role=alert]");
      await alert.waitFor();
      assert.match(await alert.innerText(), /could not be loaded/);
      assert.equal(await page.locator(".share-dialog[open]").count(), 0);
      await alert.locator("button").click();
      await page.unroute(LATER_URL);
      await FEATURES.share(page);
      await FEATURES.tour(page);
      await assertNoZeroTexts(page);
      problems.failedRequests = problems.failedRequests.filter((r) => !/\/later\.[0-9a-f]+\.bin/.test(r));
      problems.consoleErrors = problems.consoleErrors.filter((e) => !/a wasm chunk could not be loaded|Failed to fetch|INTERNET_DISCONNECTED/.test(e));
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("a tap on the map fetches the details card's chunk, not the tooltip's (a tap is no hover)", async () => {
    const { page, problems, close } = await openApp(app, "?lang=en", { viewport: VIEWPORTS.mobile, contextOptions: { hasTouch: true, isMobile: true } });
    try {
      const seen = chunkRequests(page);
      const unit = await page.locator('[data-layer="area"] [data-adcode="220182"]').boundingBox();
      await page.touchscreen.tap(unit.x + unit.width / 2, unit.y + unit.height / 2);
      await page.locator('.details[data-details="220182"] h2').waitFor();
      assert.ok(seen.some((u) => /\/split_details\.[0-9a-f]+\.wasm/.test(u)), `the card's chunk: ${seen}`);
      assert.ok(!seen.some((u) => /\/split_tooltip\./.test(u)), `no tooltip chunk for a tap: ${seen}`);
      assert.match(await page.locator(".details").innerText(), /Yushu City/);
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("what a chunk writes is styled from its first frame (its stylesheet is in before it runs)", () =>
    onPage(async (page) => {
      // Each part's style as it enters the page (or, for the dialog, opens).
      await page.evaluate((sheets) => {
        window.__styled = {};
        const look = () => {
          for (const [name, { selector, property }] of Object.entries(sheets)) {
            const el = document.querySelector(`.app:not(.app-pre) ${selector}`);
            if (el && !(name in window.__styled) && (name !== "share" || el.hasAttribute("open"))) window.__styled[name] = getComputedStyle(el)[property.replace(/-([a-z])/g, (_, c) => c.toUpperCase())];
          }
        };
        new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["open"] });
      }, SHEETS);
      for (const name of Object.keys(SHEETS)) await FEATURES[name](page);
      const styled = await page.evaluate(() => window.__styled);
      for (const [name, { property, value }] of Object.entries(SHEETS)) assert.equal(styled[name], value, `${name}: ${property} when it appeared`);
      // Appended once each, after the page's own stylesheet.
      const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname.split("/").pop()));
      assert.equal(links[0], "metro-plan.css");
      const linked = links.slice(1).map((f) => f.replace(/\.[0-9a-f]+\.css$/, ""));
      assert.equal(new Set(linked).size, linked.length, `each once: ${linked}`);
      for (const name of Object.keys(SHEETS)) assert.ok(linked.includes(`split_${name}`), `split_${name}'s stylesheet: ${linked}`);
    }));

  test("a chunk's stylesheet that cannot be fetched: the part still works, unstyled", async () => {
    const { page, problems, close } = await openApp(app, "?lang=en");
    try {
      await page.route(CHUNK_SHEET_URL, (route) => route.abort("failed"));
      await FEATURES.share(page);
      assert.ok(problems.consoleErrors.some((e) => /failed to fetch .*split_share\.[0-9a-f]+\.css/.test(e)), `reported: ${problems.consoleErrors}`);
      problems.failedRequests = problems.failedRequests.filter((r) => !CHUNK_SHEET_URL.test(new URL(r.split(" ").find((w) => w.startsWith("http")) ?? r, "http://x/").pathname + "?") && !/split_share\.[0-9a-f]+\.css/.test(r));
      problems.consoleErrors = problems.consoleErrors.filter((e) => !/split_share\.[0-9a-f]+\.css|net::ERR_FAILED/.test(e));
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("a chunk fetched again after a failure adds its stylesheet once", async () => {
    const { page, problems, close } = await openApp(app, "?lang=en");
    try {
      await page.route(CHUNK_URL, (route) => route.abort("internetdisconnected"));
      await page.locator(".share-button").click();
      await page.locator("[data-chunk-error][role=alert]").waitFor();
      await page.unroute(CHUNK_URL);
      await page.locator("[data-chunk-error] button").click();
      await FEATURES.share(page);
      const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => /split_share\./.test(l.href)).length);
      assert.equal(links, 1, "split_share's stylesheet links");
      problems.failedRequests = problems.failedRequests.filter((r) => !/\/(split_[A-Za-z0-9_]+|chunk_\d+)(\.[0-9a-f]+)?\.wasm/.test(r));
      problems.consoleErrors = problems.consoleErrors.filter((e) => !/a wasm chunk could not be loaded|Failed to fetch|INTERNET_DISCONNECTED/.test(e));
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("a host that serves the chunks without the application/wasm type still works", () =>
    onPage(async (page) => {
      const types = [];
      await page.route(CHUNK_URL, async (route) => {
        const response = await route.fetch();
        types.push(response.headers()["content-type"]);
        await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
      });
      await FEATURES.share(page);
      assert.ok(types.length > 0 && types.every((t) => t === "application/wasm"), `served as ${types}`);
    }));

  test("a chunk that cannot be fetched: a readable message, then a retry works", async () => {
    const { page, problems, close } = await openApp(app, "?lang=en", { contextOptions: { acceptDownloads: true } });
    try {
      await page.route(CHUNK_URL, (route) => route.abort("internetdisconnected"));
      // The menu's list is the export chunk's: opening the menu asks for it.
      await page.locator("details.downloads summary").click();
      const alert = page.locator("[data-chunk-error][role=alert]");
      await alert.waitFor();
      assert.match(await alert.innerText(), /could not be loaded/);
      await screenshot(page, "split-chunk-failed", { fullPage: false });
      assertNoViolations(await runAxe(page), "the chunk message");
      assert.deepEqual(problems.pageErrors, [], "no trap or uncaught error");
      assert.equal(await page.locator(".boot-error").count(), 0, "the app keeps running");
      // Dismissed, and the next try (online again) loads the chunk and saves the file.
      await alert.locator("button").click();
      assert.equal(await alert.count(), 0);
      await page.unroute(CHUNK_URL);
      // Closed and opened again: the list comes, and its first button saves the map.
      await page.locator("details.downloads summary").click();
      await page.locator("details.downloads summary").click();
      const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), page.locator('[data-download="svg"]').click()]);
      assert.match(dl.suggestedFilename(), /\.svg$/);
      assert.equal(await alert.count(), 0);
      // The refused fetches were ours; nothing else failed.
      problems.failedRequests = problems.failedRequests.filter((r) => !/\/(split_[A-Za-z0-9_]+|chunk_\d+)(\.[0-9a-f]+)?\.wasm/.test(r));
      problems.consoleErrors = problems.consoleErrors.filter((e) => !/a wasm chunk could not be loaded|Failed to fetch|INTERNET_DISCONNECTED/.test(e));
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });
});

describe("code splitting in a stamped release", { skip: split ? false : "dist/ is not a code-split build" }, () => {
  let dir, server, browser;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "metro-plan-split-"));
    cpSync(DIST, join(dir, "dist"), { recursive: true });
    execFileSync("node", ["scripts/stamp-release.mjs", "r42", "--dist", join(dir, "dist")], { cwd: new URL("..", import.meta.url) });
    server = await startServer({ root: join(dir, "dist"), base: BASE_PATH, headers: { "Content-Security-Policy": CSP } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("each JS module is fetched once with the stamp, and the chunks with it too", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on("request", (req) => requests.push(new URL(req.url())));
    page.on("pageerror", (err) => errors.push(String(err)));
    try {
      await page.goto(new URL("?lang=en", server.url).href);
      await page.waitForSelector(READY_SELECTOR, { timeout: 20_000 });
      await FEATURES.export(page);
      const js = requests.filter((u) => /\/(metro-plan|__wasm_split)\.js$/.test(u.pathname));
      assert.deepEqual(js.map((u) => u.pathname.split("/").pop() + u.search).sort(), ["__wasm_split.js?v=r42", "metro-plan.js?v=r42"]);
      const fetched = requests.filter((u) => CHUNK_URL.test(u.pathname + "?"));
      assert.ok(fetched.length > 0, "a chunk was fetched");
      for (const u of fetched) assert.equal(u.search, "?v=r42", u.href);
      const texts = requests.filter((u) => LATER_URL.test(u.pathname + "?"));
      assert.equal(texts.length, 1, `the texts only the chunks show: ${texts}`);
      assert.equal(texts[0].search, "?v=r42", texts[0].href);
      // A chunk's stylesheet too.
      await FEATURES.share(page);
      const sheets = requests.filter((u) => CHUNK_SHEET_URL.test(u.pathname + "?"));
      assert.equal(sheets.filter((u) => /\/split_share\./.test(u.pathname)).length, 1, `the share dialog's stylesheet: ${sheets}`);
      for (const u of sheets) assert.equal(u.search, "?v=r42", u.href);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("a page of a replaced release asks for its own chunk (a 404), not the new one, and says so", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    try {
      await page.goto(new URL("?lang=zh", server.url).href);
      await page.waitForSelector(READY_SELECTOR, { timeout: 20_000 });
      // A new release replaces dist/ meanwhile: its chunks are named for its main wasm.
      const root = join(dir, "dist");
      for (const f of readdirSync(root).filter((f) => /^split_share\./.test(f))) {
        renameSync(join(root, f), join(root, f.replace(/\.[0-9a-f]+\.wasm/, ".0123456789ab.wasm")));
      }
      await page.locator(".share-button").click();
      const alert = page.locator("[data-chunk-error][role=alert]");
      await alert.waitFor();
      assert.match(await alert.innerText(), /未能加载/);
      // On the narrowest phone too: the message wraps, nothing overflows the screen.
      await page.setViewportSize({ width: 320, height: 640 });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no sideways scrolling at 320 px");
      const box = await alert.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 320, `the message fits: ${JSON.stringify(box)}`);
      // Fixed at the top of the screen: seen wherever the page is scrolled to.
      await page.evaluate(() => window.scrollTo(0, 600));
      const scrolled = await alert.boundingBox();
      assert.ok(scrolled && scrolled.y >= 0 && scrolled.y < 40, `the message stays on screen: ${JSON.stringify(scrolled)}`);
      await page.screenshot({ path: new URL("./artifacts/split-chunk-failed-320.png", import.meta.url).pathname });
      assert.equal(await page.locator(".share-dialog[open]").count(), 0);
      assert.deepEqual(errors, [], "no trap");
    } finally {
      await context.close();
    }
  });
});
