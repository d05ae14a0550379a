// The first screen before the wasm (issue 12, docs/performance.md "The first screen before the wasm"):
// the release index.html's snapshots of the app (scripts/prerender.mjs), the one
// public/pre.js picks shown while the wasm loads, and the app taking its place without a
// jump; pages whose URL the snapshot does not match, and a wasm that fails, show none.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { READY_SELECTOR, VIEWPORTS, appForSuite, assertNoProblems, openApp, screenshot, twoFrames } from "./harness.mjs";

const NAME_ZH = "长春都市圈发展规划";
const NAME_EN = "Development Plan for the Changchun Metropolitan Area";
const KEYS_ZH = "键盘：";
const KEYS_EN = "Keys: arrows move";
const WASM = /metro-plan_bg\.wasm(\?|$)/;

/** Before the page runs: the layout shifts it will have, and its LCP candidates. */
function observe() {
  window.__shift = 0;
  window.__shifts = [];
  window.__lcp = [];
  // Every value <html data-pre> takes (loader.js removes it at once where no snapshot is shown).
  window.__pre = [];
  new MutationObserver(() => window.__pre.push(document.documentElement.getAttribute("data-pre"))).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-pre"] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shift += e.value;
      // What moved, for the assertion's message (a flake once showed a shift of 0.0009).
      const where = (n) => (n?.nodeType === 1 ? `${n.tagName.toLowerCase()}${n.className && typeof n.className === "string" ? "." + n.className.trim().replace(/\s+/g, ".") : ""}${n.closest?.(".app-pre") ? " (snapshot)" : ""}` : String(n?.nodeName));
      const rect = (r) => `${r.x},${r.y} ${r.width}x${r.height}`;
      window.__shifts.push({ value: e.value, at: Math.round(e.startTime), sources: (e.sources ?? []).map((s) => `${where(s.node)}: ${rect(s.previousRect)} -> ${rect(s.currentRect)}`) });
    }
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp.push({ inSnapshot: !!e.element?.closest?.(".app-pre"), tag: e.element?.tagName ?? null, size: e.size });
  }).observe({ type: "largest-contentful-paint", buffered: true });
}

/**
 * Opens `query` with the main wasm held back until `release()` is called (or failed with
 * `fail: true`). Returns the page, what it reported, and `release`.
 */
async function openHeld(app, query, { viewport = VIEWPORTS.desktop, locale, fail = false } = {}) {
  const context = await app.browser.newContext({ viewport, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], offOriginRequests: [] };
  page.on("console", (msg) => msg.type() === "error" && problems.consoleErrors.push(msg.text()));
  page.on("pageerror", (err) => problems.pageErrors.push(String(err)));
  page.on("requestfailed", (req) => problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
  page.on("response", (res) => res.status() >= 400 && problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`));
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await context.route(WASM, async (route) => {
    await gate;
    if (fail) await route.fulfill({ status: 404, body: "not found" });
    else await route.continue().catch(() => {});
  });
  await page.addInitScript(observe);
  await page.goto(new URL(query, app.baseUrl).href, { waitUntil: "domcontentloaded" });
  return { page, problems, release, close: () => context.close() };
}

/** Once the app is ready and drawn: nothing moved since the page opened (the layout-shift
 * observer's sum is 0), and the largest paint is still the snapshot's. */
async function noShiftAndSnapshotLcp(page) {
  await twoFrames(page);
  assert.equal(await page.evaluate(() => window.__shift), 0, `layout shift: ${JSON.stringify(await page.evaluate(() => window.__shifts))}`);
  const lcp = await page.evaluate(() => window.__lcp);
  assert.ok(lcp.at(-1).inSnapshot, `a later, larger paint than the snapshot's: ${JSON.stringify(lcp)}`);
}

/** What the reader sees of the page: the shown snapshot's language and text, `data-pre`. */
const seen = (page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll(".app-pre")].filter((el) => el.checkVisibility());
    return {
      pre: document.documentElement.getAttribute("data-pre"),
      lang: document.documentElement.lang,
      shown: shown.map((el) => el.lang),
      text: shown.map((el) => el.innerText).join("\n"),
      liveVisible: [...document.querySelectorAll(".app:not(.app-pre)")].some((el) => el.checkVisibility({ visibilityProperty: true })),
    };
  });

/** Where the reader's landmarks are: the title, the key line, the first panel's heading. */
const places = (page, root) =>
  page.evaluate((root) => {
    const app = document.querySelector(root);
    const rect = (sel) => {
      const el = [...app.querySelectorAll(sel)].find((e) => e.checkVisibility());
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    };
    return { title: rect("h1"), keys: rect("p.map-keys"), map: rect("svg.map"), facts: rect(".facts"), panel: rect(".panels h2") };
  }, root);

/** How far down the page goes, and how many of the side column's panels `root` has. */
const extent = (page, root) =>
  page.evaluate((root) => ({ height: document.documentElement.scrollHeight, panels: document.querySelector(root).querySelectorAll("section.panel").length }), root);

describe("the first screen before the wasm", () => {
  const app = appForSuite();

  test("index.html carries one inert snapshot per language, without ids or styles", async () => {
    const html = await (await fetch(app.baseUrl)).text();
    const snapshots = html.match(/<div class="app app-pre[^>]*>/g) ?? [];
    assert.deepEqual(snapshots, ['<div class="app app-pre" lang="zh-CN" inert="">', '<div class="app app-pre" lang="en" inert="">']);
    // The side column's text, one inert template per language and part after the
    // snapshots (src/components/panels/source.rs); their content is not in the document.
    const templates = html.match(/<template data-side="[a-z]+-[a-z]+">/g) ?? [];
    const parts = ["facts", "overview", "layout", "goals", "principles", "tasks", "safeguards"];
    assert.deepEqual(templates, ["zh", "en"].flatMap((l) => parts.map((p) => `<template data-side="${l}-${p}">`)));
    const body = html.slice(html.indexOf("<body")).replace(/<template data-side=[\s\S]*?<\/template>/g, "");
    assert.doesNotMatch(body, /<template/, "a template left after taking out the side column's");
    assert.doesNotMatch(body, /\s(id|for|style|aria-labelledby|aria-describedby|aria-controls|data-ready)=/, "an id, a reference to one, a style or data-ready in the body");
    assert.doesNotMatch(body, /href="#/, "a link to a fragment in the snapshots");
    assert.doesNotMatch(body, /<!--/, "a comment in the body");
    // After both snapshots, the end marker that lets style/prerender.css show them.
    assert.match(body, /<div class="app app-pre" lang="en" inert="">[\s\S]*<div class="app-pre app-pre-end" hidden><\/div><\/body>/);
    assert.match(html, /<script src="?\.?\/?pre\.js/, "pre.js in <head>");
    assert.ok(html.indexOf("pre.js") < html.indexOf("<body"), "pre.js before <body>");
  });

  for (const [label, viewport] of Object.entries(VIEWPORTS)) {
    for (const [lang, name, keys] of [
      ["zh", NAME_ZH, KEYS_ZH],
      ["en", NAME_EN, KEYS_EN],
    ]) {
      test(`?lang=${lang} at ${label} size: the snapshot is painted before the wasm, then the app takes its place without a jump`, async () => {
        const { page, problems, release, close } = await openHeld(app, `?lang=${lang}`, { viewport });
        try {
          await page.waitForFunction(() => document.querySelector(".app-pre")?.checkVisibility() || [...document.querySelectorAll(".app-pre")].some((e) => e.checkVisibility()));
          const before = await seen(page);
          assert.equal(before.pre, lang);
          assert.equal(before.lang, lang === "zh" ? "zh-CN" : "en");
          assert.deepEqual(before.shown, [lang === "zh" ? "zh-CN" : "en"]);
          assert.ok(before.text.includes(name), `the snapshot lacks the title: ${before.text.slice(0, 200)}`);
          assert.ok(before.text.includes(keys), "the snapshot lacks the key line in its language");
          assert.equal(before.liveVisible, false, "the app is visible before it is ready");
          // The largest paint so far is the snapshot's, with the wasm still held back.
          await page.waitForFunction(() => window.__lcp.length > 0);
          const lcp = await page.evaluate(() => window.__lcp);
          assert.ok(lcp.at(-1).inSnapshot, `the LCP candidate is not in the snapshot: ${JSON.stringify(lcp)}`);
          await screenshot(page, `prerender-before-${lang}-${label}`, { fullPage: false });
          const shown = ".app-pre:not([hidden])" + (lang === "zh" ? '[lang="zh-CN"]' : '[lang="en"]');
          const snapshotPlaces = await places(page, shown);
          const snapshotExtent = await extent(page, shown);

          release();
          await page.waitForSelector(READY_SELECTOR, { timeout: 20_000 });
          const after = await page.evaluate(() => ({
            snapshots: document.querySelectorAll(".app-pre").length,
            apps: document.querySelectorAll(".app").length,
            pre: document.documentElement.getAttribute("data-pre"),
            ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
          }));
          assert.equal(after.snapshots, 0, "snapshots left after ready");
          assert.equal(after.apps, 1);
          assert.equal(after.pre, null);
          assert.deepEqual(after.ids.filter((id, i) => after.ids.indexOf(id) !== i), [], "duplicate ids");
          const appPlaces = await places(page, ".app");
          assert.deepEqual(appPlaces, snapshotPlaces, "the app's text is not where the snapshot's was");
          assert.ok(Object.values(snapshotPlaces).every((v) => v !== null), `landmarks missing in the snapshot: ${JSON.stringify(snapshotPlaces)}`);
          // The snapshot leaves out the panels and the footer that no first screen shows
          // (scripts/prerender.mjs, FOLD): the app adds them below the window, and the page
          // scrolls before and after (the scroll bar's width does not change).
          const appExtent = await extent(page, ".app");
          assert.ok(snapshotExtent.panels >= 1 && snapshotExtent.panels <= appExtent.panels, JSON.stringify({ snapshotExtent, appExtent }));
          assert.ok(snapshotExtent.height > viewport.height && snapshotExtent.height <= appExtent.height, JSON.stringify({ snapshotExtent, appExtent }));
          const added = await page.evaluate((n) => [...document.querySelectorAll(".app section.panel, .app footer")].slice(n).map((el) => el.getBoundingClientRect().top + scrollY), snapshotExtent.panels);
          assert.ok(added.every((top) => top >= viewport.height), `a part the snapshot lacks is on the first screen: ${added}`);
          await noShiftAndSnapshotLcp(page);
          await screenshot(page, `prerender-ready-${lang}-${label}`, { fullPage: false });
          assertNoProblems(problems);
        } finally {
          release();
          await close();
        }
      });
    }
  }

  for (const [locale, lang] of [
    ["en-US", "en"],
    ["zh-CN", "zh"],
  ]) {
    test(`without lang=, a ${locale} browser gets the ${lang} snapshot and the ${lang} app`, async () => {
      const { page, problems, release, close } = await openHeld(app, "", { viewport: VIEWPORTS.mobile, locale });
      try {
        await page.waitForFunction(() => [...document.querySelectorAll(".app-pre")].some((e) => e.checkVisibility()));
        const before = await seen(page);
        assert.equal(before.pre, lang);
        assert.deepEqual(before.shown, [lang === "zh" ? "zh-CN" : "en"]);
        release();
        await page.waitForSelector(READY_SELECTOR, { timeout: 20_000 });
        assert.equal(await page.locator(".app h1").innerText(), lang === "zh" ? NAME_ZH : NAME_EN);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang === "zh" ? "zh-CN" : "en");
        assertNoProblems(problems);
      } finally {
        release();
        await close();
      }
    });
  }

  for (const query of ["?embed=1", "?lang=en&focus=city:jilin", "?tour=2", "?lang=fr", "?lang=en&utm_source=x", "?lang=zh#panels"]) {
    test(`${query} shows no snapshot (the app would not look like it)`, async () => {
      const { page, problems, release, close } = await openHeld(app, query, { viewport: VIEWPORTS.mobile });
      try {
        // loader.js takes the unshown snapshots out at once, before the wasm.
        await page.waitForFunction(() => window.__pre.length > 0 && document.querySelectorAll(".app-pre").length === 0);
        assert.deepEqual(await page.evaluate(() => window.__pre), ["off", null]);
        const before = await seen(page);
        assert.deepEqual(before.shown, []);
        release();
        await page.waitForSelector(READY_SELECTOR, { timeout: 20_000 });
        assert.equal(await page.locator(".app-pre").count(), 0);
        assert.deepEqual(await page.evaluate(() => window.__lcp.filter((e) => e.inSnapshot)), []);
        // The tour card is written into the app's dock (once into the hidden snapshot's).
        if (query.includes("tour=")) await page.waitForSelector('.app .dock .tour-card[data-tour-pos="2"]', { timeout: 10_000 });
        assertNoProblems(problems);
      } finally {
        release();
        await close();
      }
    });
  }

  test("a wasm that cannot be loaded: the error box, and no snapshot", async () => {
    const { page, problems, release, close } = await openHeld(app, "?lang=en", { viewport: VIEWPORTS.mobile, fail: true });
    try {
      await page.waitForFunction(() => [...document.querySelectorAll(".app-pre")].some((e) => e.checkVisibility()));
      release();
      await page.waitForSelector(".boot-error", { timeout: 20_000 });
      assert.equal(await page.locator(".app-pre").count(), 0);
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-pre")), null);
      assert.ok(await page.locator(".boot-error").isVisible());
      assert.equal(problems.pageErrors.length, 0);
    } finally {
      release();
      await close();
    }
  });
});

// The side column's text comes from index.html's templates (the release wasm has no writers
// for it: src/components/panels/source.rs); a page that lost one shows a notice in that
// panel's place and works otherwise.
describe("the side column from index.html's templates", () => {
  const app = appForSuite();
  const same = (page, lang) =>
    page.evaluate((lang) => {
      const live = (sel) => document.querySelector(`.app:not(.app-pre) ${sel}`);
      const tpl = (part) => document.querySelector(`template[data-side="${lang}-${part}"]`).innerHTML;
      const parts = ["overview", "layout", "goals", "principles", "tasks", "safeguards"];
      return [live(".facts").innerHTML === tpl("facts"), ...parts.map((p) => live(`.panel-${p}`).innerHTML === tpl(p))];
    }, lang);

  test("each part is its template in the page's language, and again after a language switch", async () => {
    const { page, problems, close } = await openApp(app, "?lang=zh");
    try {
      assert.deepEqual(await same(page, "zh"), Array(7).fill(true));
      await page.click(".app:not(.app-pre) .lang-switch");
      await page.waitForFunction(() => document.documentElement.lang === "en" && !document.querySelector(".app:not(.app-pre) .side [lang]:is(.facts, .panel)"));
      assert.deepEqual(await same(page, "en"), Array(7).fill(true));
      // A selection made in a panel is shown on its template's text.
      await page.click('.panel-tasks button[data-item="task:3"]');
      await page.waitForSelector('.panel-tasks button[data-item="task:3"][aria-pressed="true"] .mark-selected');
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("a page without one of them: a notice in that panel, the rest of the page as usual", async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORTS.desktop });
    try {
      await context.route(/\/portal\/plan\/(\?|$)/, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<template data-side="en-tasks">[\s\S]*?<\/template>/, "");
        await route.fulfill({ response, body: html, headers: { ...response.headers(), "content-encoding": "identity" } });
      });
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (err) => errors.push(String(err)));
      await page.goto(new URL("?lang=en", app.baseUrl).href);
      await page.waitForSelector(READY_SELECTOR);
      const notice = page.locator(".app:not(.app-pre) .panel-tasks .side-missing[role=alert]");
      assert.match(await notice.textContent(), /could not be loaded/);
      assert.ok((await page.locator(".app:not(.app-pre) .panel-goals .timeline-step").count()) > 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

// Over a slow link the browser parses and may paint index.html before all of it is in: a
// snapshot shown in part grew as the rest came (its layer list 72×24 → 101×36 px, a
// layout shift of 0.00002–0.0009 that failed the test above now and then on a loaded
// machine, and 0.0006 every time with the page in pieces). A snapshot is shown only once
// the marker after the snapshots is parsed.
describe("the first screen before the wasm, with the page arriving in pieces", () => {
  const app = appForSuite({ trickle: { bytes: 1500, ms: 40 } });
  for (const lang of ["zh", "en"]) {
    test(`?lang=${lang}: no snapshot is painted in part, and nothing moves until the app is ready`, async () => {
      const { page, problems, release, close } = await openHeld(app, `?lang=${lang}`);
      try {
        await page.waitForFunction(() => [...document.querySelectorAll(".app-pre")].some((e) => e.checkVisibility({ visibilityProperty: true })));
        assert.deepEqual((await seen(page)).shown, [lang === "zh" ? "zh-CN" : "en"]);
        release();
        await page.waitForSelector(READY_SELECTOR, { timeout: 20_000 });
        await noShiftAndSnapshotLcp(page);
        assertNoProblems(problems);
      } finally {
        release();
        await close();
      }
    });
  }
});
