// The reading layout and the guided tour, end to end on the release build: the whole
// area in the uncovered part of the map at desktop and phone sizes, the map staying in
// view while the side column scrolls, a map selection bringing its panel item into view,
// and the tour walked in both languages (keys, Back, Exit), axe-clean, with screenshots.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { assertNoProblems, formatViolations, openApp, runAxe, screenshot, startApp, settled } from "./harness.mjs";

const read = async (path) => JSON.parse(await readFile(new URL(path, import.meta.url), "utf8"));
const plan = await read("../data/plan.json");
const tour = await read("../data/tour.json");

/** A caption path into plan.json (ids pick list items), as build/tour.rs reads it. */
function lookup(path) {
  return path.split(".").reduce((v, key) => (Array.isArray(v) ? v.find((x) => String(x.id) === key) : v?.[key]), plan);
}
const title = (step, lang) => (typeof step.title === "string" ? lookup(step.title) : step.title)[lang];

/** The area and sphere's box, the visible map box and the overlays' boxes that cover it. */
async function areaClear(page) {
  return page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const a = [...document.querySelectorAll('[data-layer="area"], [data-layer="sphere"]')].map(box).filter((r) => r.width > 0);
    const area = {
      left: Math.min(...a.map((r) => r.left)),
      top: Math.min(...a.map((r) => r.top)),
      right: Math.max(...a.map((r) => r.right)),
      bottom: Math.max(...a.map((r) => r.bottom)),
    };
    const m = box(document.querySelector(".map-wrap"));
    const vis = { left: Math.max(m.left, 0), top: Math.max(m.top, 0), right: Math.min(m.right, innerWidth), bottom: Math.min(m.bottom, innerHeight) };
    const inside = area.left >= vis.left - 1 && area.top >= vis.top - 1 && area.right <= vis.right + 1 && area.bottom <= vis.bottom + 1;
    const covering = [...document.querySelectorAll("[data-overlay]")]
      .map((el) => [el.className, box(el)])
      .filter(([, r]) => r.width > 0 && r.left < area.right && r.right > area.left && r.top < area.bottom && r.bottom > area.top)
      .map(([c]) => String(c));
    return { inside, covering, area, vis, sideways: document.documentElement.scrollWidth - innerWidth };
  });
}

describe("reading layout and guided tour", () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  for (const [width, height] of [[1280, 800], [1440, 900], [1920, 1080], [390, 844], [320, 640]]) {
    test(`the whole area is on the first screen, uncovered, at ${width}×${height}`, async () => {
      const { page, problems, close } = await openApp(app, "?lang=en", { viewport: { width, height } });
      try {
        await settled(page);
        const r = await areaClear(page);
        assert.ok(r.inside, JSON.stringify(r));
        assert.deepEqual(r.covering, [], JSON.stringify(r));
        assert.ok(r.sideways <= 0, `scrolls sideways by ${r.sideways}px`);
        if (width === 1280 || width === 390) await screenshot(page, "layout-default");
        assertNoProblems(problems);
      } finally {
        await close();
      }
    });
  }

  test("the map stays in view while the side column scrolls; a map selection shows its panel item", async () => {
    const { page, problems, close } = await openApp(app, "?lang=en");
    try {
      await page.locator('[data-item="task:9"]').scrollIntoViewIfNeeded();
      const map = await page.locator(".map-wrap").boundingBox();
      assert.ok(map.y >= 0 && map.y + map.height <= 800, JSON.stringify(map));
      assert.ok(await page.evaluate(() => scrollY > 1000), "the page scrolled to the last task");
      // A click on a cluster on the map scrolls its item in the side column into view.
      await page.locator('svg.map [data-focus="cluster:changchun-liaoyuan"]').dispatchEvent("click");
      const item = page.locator('.panels [data-item="cluster:changchun-liaoyuan"]');
      await page.waitForFunction(() => {
        const r = document.querySelector('.panels [data-item="cluster:changchun-liaoyuan"]').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      assert.equal(await item.getAttribute("aria-pressed"), "true");
      // A task selected in the panel: the map stays in view.
      await page.locator('[data-item="task:6"]').click();
      const again = await page.locator(".map-wrap").boundingBox();
      assert.ok(again.y >= 0 && again.y + again.height <= 800);
      await settled(page);
      await page.evaluate(() => scrollTo(0, 0));
      await screenshot(page, "layout-task");
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("on a phone, selecting in a panel brings the map back into view; a bottom sheet leaves room below the page", async () => {
    const { page, problems, close } = await openApp(app, "?lang=en", { viewport: { width: 390, height: 844 } });
    try {
      const task = page.locator('[data-task="6"] button, button[data-task="6"], [data-item="task:6"]').first();
      await task.scrollIntoViewIfNeeded();
      assert.ok(
        await page.evaluate(() => document.querySelector(".map-section").getBoundingClientRect().bottom < 0),
        "the map is scrolled out of view before the selection",
      );
      await task.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get("focus") === "task:6");
      await page.waitForFunction(() => {
        const r = document.querySelector(".map-section").getBoundingClientRect();
        return r.top >= -1 && r.top < innerHeight / 2;
      });
      await settled(page);
      // The highlighted belt is drawn inside the visible map.
      const onScreen = await page.evaluate(() => {
        const m = document.querySelector(".map-wrap").getBoundingClientRect();
        const b = document.querySelector('svg.map [data-belt="tourism"]').getBoundingClientRect();
        return b.width > 0 && b.bottom > Math.max(m.top, 0) && b.top < Math.min(m.bottom, innerHeight);
      });
      assert.ok(onScreen, "the selection's belt is on screen");
      // With details open in the bottom sheet, the page's end can still scroll above it.
      await page.goto(new URL("?lang=en&focus=220122", page.url()).href);
      await page.waitForSelector(".dock .details");
      const room = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".app")).paddingBottom));
      const sheet = await page.evaluate(() => document.querySelector(".dock .details").getBoundingClientRect().height);
      assert.ok(room >= sheet - 1, `room below the page (${room}px) for the sheet (${sheet}px)`);
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });

  test("a focus= link moves the map to it", async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const { page, problems, close } = await openApp(app, "?lang=en&focus=city:changbaishan", { viewport });
      try {
        await settled(page);
        const inMap = await page.evaluate(() => {
          const m = document.querySelector(".map-wrap").getBoundingClientRect();
          const c = document.querySelector('svg.map [data-city="changbaishan"]').getBoundingClientRect();
          return c.width > 0 && c.left >= m.left && c.right <= m.right && c.top >= m.top && c.bottom <= Math.min(m.bottom, innerHeight);
        });
        assert.ok(inMap, `Changbaishan on screen at ${viewport.width}`);
        assertNoProblems(problems);
      } finally {
        await close();
      }
    }
  });

  for (const lang of ["en", "zh"]) {
    test(`the tour walks every step in ${lang}, by buttons and keys, and Exit restores`, async () => {
      const { page, problems, close } = await openApp(app, `?lang=${lang}&focus=task:6`);
      try {
        const before = new URL(page.url()).search;
        await page.locator(".tour-button").click();
        const steps = tour.steps;
        for (let i = 0; i < steps.length; i++) {
          const step = steps[i];
          await page.waitForFunction((id) => document.querySelector(".tour-card")?.dataset.tourStep === id, step.id);
          assert.equal(new URL(page.url()).searchParams.get("tour"), String(i + 1));
          const count = await page.locator(".tour-count").textContent();
          assert.ok(count.includes(String(i + 1)) && count.includes(String(steps.length)), count);
          assert.equal((await page.locator(".tour-title").textContent()).trim(), title(step, lang));
          for (const layer of step.layers ?? []) {
            const sel = layer.startsWith("belt:") ? `svg.map [data-belt="${layer.slice(5)}"]` : `[data-layer="${layer}"]`;
            assert.notEqual(await page.locator(sel).first().getAttribute("display"), "none", `${step.id}: ${layer} shown`);
          }
          if (step.focus) {
            const item = page.locator(`.panels [data-item="${step.focus}"]`);
            if (await item.count()) assert.equal(await item.getAttribute("aria-pressed"), "true", `${step.id} selected`);
          }
          if (step.each) {
            // The tasks one by one, then on.
            await page.locator(".tour-each").click();
            for (let k = 1; k <= plan.tasks.length; k++) {
              await page.waitForFunction((p) => document.querySelector(".tour-card")?.dataset.tourPos === p, `${i + 1}.${k}`);
              assert.equal((await page.locator(".tour-title").textContent()).trim(), plan.tasks[k - 1].name[lang]);
              assert.equal(await page.locator(`.panels [data-item="task:${k}"]`).getAttribute("aria-pressed"), "true");
              await page.locator(".tour-next").click();
            }
            continue;
          }
          if (lang === "en" && [0, 6, 14].includes(i)) {
            await settled(page);
            await screenshot(page, `tour-step-${i + 1}`);
          }
          // Alternately the Next button and the → key (with the focus off the map).
          if (i % 2) await page.locator(".tour-next").click();
          else {
            await page.locator(".tour-title").focus();
            await page.keyboard.press("ArrowRight");
          }
        }
        // Past the last step the tour ends and the state before it comes back.
        await page.waitForSelector(".tour-card", { state: "detached" });
        assert.equal(new URL(page.url()).search, before);
        assertNoProblems(problems);
      } finally {
        await close();
      }
    });
  }

  test("a step is a link (also embedded); Back walks the steps; language and Escape mid-tour; axe-clean", async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const { page, problems, close } = await openApp(app, "?lang=en&tour=7", { viewport });
      try {
        await page.waitForSelector('.tour-card[data-tour-step="belt:tourism"]');
        await settled(page);
        const belt = await page.evaluate(() => {
          const m = document.querySelector(".map-wrap").getBoundingClientRect();
          const c = document.querySelector(".tour-card").getBoundingClientRect();
          const b = document.querySelector('svg.map [data-belt="tourism"]').getBoundingClientRect();
          const bottom = Math.min(m.bottom, innerHeight, c.left < m.right && c.top < m.bottom ? c.top : Infinity);
          return b.left >= m.left - 1 && b.right <= m.right + 1 && b.top >= m.top - 1 && b.bottom <= bottom + 1;
        });
        assert.ok(belt, "the belt is shown clear of the caption");
        const violations = await runAxe(page);
        assert.deepEqual(violations.map((v) => v.id), [], formatViolations(violations));
        if (viewport.width === 390) await screenshot(page, "tour-step-7");
        await page.locator(".tour-next").click();
        await page.waitForSelector('.tour-card[data-tour-step="belt:pharma"]');
        await page.goBack();
        await page.waitForSelector('.tour-card[data-tour-step="belt:tourism"]');
        await page.locator(".lang-switch").click();
        await page.waitForFunction(() => document.querySelector(".tour-title").textContent.includes("长春"));
        assert.equal(new URL(page.url()).searchParams.get("tour"), "7");
        await page.locator(".tour-title").focus();
        await page.keyboard.press("Escape");
        await page.waitForSelector(".tour-card", { state: "detached" });
        assert.equal(new URL(page.url()).searchParams.get("tour"), null);
        assertNoProblems(problems);
      } finally {
        await close();
      }
    }
    const { page, problems, close } = await openApp(app, "?embed=1&tour=3&lang=zh");
    try {
      await page.waitForSelector('.tour-card[data-tour-step="cluster:changchun-jilin"]');
      assert.ok(await page.locator(".tour-card").isVisible());
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });
});
