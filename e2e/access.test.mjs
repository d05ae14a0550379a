// Accessibility end to end: axe-core with zero violations of any impact in every view
// the issue names, the map by keyboard alone (skip link, cursor, focus ring, Enter,
// Escape, never on hidden features), the WAI-ARIA graphics roles and names, the live
// region, the table view (sortable by keyboard, a full alternative to the map), 320 px
// reflow, forced colours and reduced motion.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ALL_LAYERS,
  VIEWPORTS,
  addressLacks,
  cursorOn,
  addressMatches,
  appForSuite,
  assertNoViolations,
  onPage,
  openLayerList,
  openApp,
  runAxe,
  screenshot,
  settled,
} from "./harness.mjs";

/** The element that has focus, described. */
const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase(),
      id: el?.id,
      role: el?.getAttribute("role"),
      label: el?.getAttribute("aria-label"),
      focus: el?.getAttribute("data-focus"),
      text: el?.textContent?.trim().slice(0, 80),
      visible: !!el && el.getClientRects().length > 0,
    };
  });

/** Waits until the live region says something matching `re`. */
const announced = (page, re) =>
  page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector("[data-announcer]")?.textContent ?? ""),
    re.source,
    { timeout: 5000 },
  );

describe("accessibility", () => {
  const app = appForSuite();

  const views = [
    ["default view in Chinese", "?lang=zh"],
    ["default view in English", "?lang=en"],
    ["embed mode", "?lang=en&embed=1"],
    ["table view", "?lang=zh&table=1"],
    ["table view in English", "?lang=en&table=1"],
    ["a details panel open", "?lang=en&focus=220182"],
    ["a task selected", "?lang=zh&focus=task:6"],
    ["every layer and a belt selected", `?lang=en&layers=${ALL_LAYERS}&focus=belt:pharma`],
  ];
  for (const [name, query] of views) {
    test(`axe-core: zero violations of any impact, ${name}`, async () => {
      await onPage(app, query, async ({ page }) => {
        await settled(page);
        if (query.includes("focus=2201")) await page.locator(".details").waitFor();
        assertNoViolations(await runAxe(page), name);
      });
    });
  }

  test("axe-core: zero violations on a phone, in the table view too", async () => {
    for (const query of ["?lang=zh", "?lang=en&table=1"]) {
      const { page, close } = await openApp(app, query, { viewport: VIEWPORTS.mobile });
      try {
        assertNoViolations(await runAxe(page), `phone ${query}`);
      } finally {
        await close();
      }
    }
  });

  test("the SVG is a graphics document; every feature a named graphics object in the current language", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      const svg = page.locator("svg.map");
      assert.equal(await svg.getAttribute("role"), "graphics-document");
      assert.match(await svg.getAttribute("aria-label"), /Map of the Changchun/);
      const desc = await page.locator("svg.map > desc").textContent();
      assert.match(desc, /Schematic map.*Designated area/);
      const features = await page.locator("svg.map [data-focus]").evaluateAll((els) =>
        els.map((e) => ({ focus: e.dataset.focus, role: e.getAttribute("role"), label: e.getAttribute("aria-label") })),
      );
      assert.ok(features.length >= 30 + 3 + 5 + 1 + 14 + 1, `${features.length} features`);
      for (const f of features) {
        assert.ok(["graphics-object", "graphics-symbol"].includes(f.role), JSON.stringify(f));
        assert.ok(f.label && f.label.length > 4, JSON.stringify(f));
      }
      const yushu = features.find((f) => f.focus === "220182");
      assert.equal(yushu.label, "Yushu City, partly in the designated area");
      // The language switch renames everything.
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.querySelector('svg.map [data-focus="220182"]').getAttribute("aria-label").startsWith("榆树市"));
      assert.equal(await page.locator('svg.map [data-focus="220182"]').getAttribute("aria-label"), "榆树市，部分地区属于规划范围");
      assert.equal(await svg.getAttribute("aria-label"), "长春都市圈规划地图");
      await announced(page, /语言：中文/);
      // Names on the map are not read twice.
      assert.equal(await page.locator('[data-layer="labels"]').getAttribute("aria-hidden"), "true");
    });
  });

  test("keyboard alone: skip link, step through features with a ring, Enter selects, Escape clears", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      await settled(page);
      await page.keyboard.press("Tab");
      let now = await active(page);
      assert.equal(now.text, "Skip to the map", JSON.stringify(now));
      assert.ok(now.visible);
      await screenshot(page, "access-skip-link");
      await page.keyboard.press("Enter");
      now = await active(page);
      assert.equal(now.id, "map", JSON.stringify(now));

      // N moves a cursor: DOM focus on the feature, a ring drawn around it, no selection yet.
      // (The map's first key waits for its chunk, fetched when the focus reached the map.)
      await page.keyboard.press("n");
      await cursorOn(page, "center");
      now = await active(page);
      assert.equal(now.focus, "center");
      assert.equal(now.role, "graphics-symbol");
      assert.match(now.label, /central city/);
      assert.equal(await page.locator('.focus-ring[data-ring="center"]').count(), 1);
      await addressLacks(page, /focus=/);
      // Through the clusters to the first unit, then Enter selects it.
      for (let i = 0; i < 4; i++) await page.keyboard.press("n");
      now = await active(page);
      assert.match(now.focus, /^\d{6}$/, JSON.stringify(now));
      const unit = now.focus;
      await page.keyboard.press("+");
      await page.keyboard.press("+");
      await settled(page);
      const ring = await page.locator(`.focus-ring[data-ring="${unit}"] .ring-line`).boundingBox();
      assert.ok(ring && ring.width > 10, "the ring is drawn at this zoom");
      await screenshot(page, "access-focus-ring-zoomed");
      await page.keyboard.press("Enter");
      await page.locator(".details").waitFor();
      await addressMatches(page, new RegExp(`focus=${unit}`));
      await announced(page, /^Selected: .+, (wholly|partly) in the designated area/);
      // Space toggles it off again, Enter back on; Escape clears.
      await page.keyboard.press(" ");
      await page.locator(".details").waitFor({ state: "detached" });
      await announced(page, /Selection cleared/);
      await page.keyboard.press("Enter");
      await page.locator(".details").waitFor();
      await page.keyboard.press("Escape");
      await page.locator(".details").waitFor({ state: "detached" });
      await addressLacks(page, /focus=/);
      // P steps back; End and Home jump.
      await page.keyboard.press("p");
      assert.notEqual((await active(page)).focus, unit);
      await page.keyboard.press("Home");
      assert.equal((await active(page)).focus, "center");
      await page.keyboard.press("End");
      assert.match((await active(page)).focus, /^city:/);
      // Escape with nothing selected takes the cursor away; focus stays on the map.
      await page.keyboard.press("Escape");
      assert.equal((await active(page)).id, "map");
      assert.equal(await page.locator(".focus-ring").count(), 0);
    });
  });

  test("focus never lands on a hidden feature: hiding its layer moves focus to the map", async () => {
    await onPage(app, "?lang=en&layers=area,center,labels", async ({ page }) => {
      // The layer list may be folded to its button where the map has no room beside it.
      await openLayerList(page);
      await page.locator('[data-toggle="corridor"] input').check();
      await settled(page);
      await page.locator("svg.map").focus();
      await page.keyboard.press("n"); // center
      await cursorOn(page, "center");
      await page.keyboard.press("n"); // corridor
      assert.equal((await active(page)).focus, "corridor");
      // Back hides the corridor again while it has focus.
      await page.evaluate(() => history.back());
      await page.waitForFunction(() => document.activeElement?.id === "map");
      assert.equal(await page.locator('[data-layer="corridor"]').getAttribute("display"), "none");
      assert.equal(await page.locator(".focus-ring").count(), 0);
      const seen = new Set();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("n");
        const now = await active(page);
        assert.ok(now.visible, `focus on a hidden feature: ${JSON.stringify(now)}`);
        assert.notEqual(now.focus, "corridor");
        seen.add(now.focus);
      }
      assert.ok(seen.has("center") && seen.has("220182") && seen.has("city:changchun"), [...seen].join(" "));
      await announced(page, /Layers shown: Designated area, Central city, Names/);
    });
  });

  test("goals and tasks are reachable by Tab and selectable with Enter; skip link to the panels", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      assert.equal((await active(page)).text, "Skip to the plan in detail");
      await page.keyboard.press("Enter");
      assert.equal((await active(page)).id, "panels");
      let found = null;
      for (let i = 0; i < 60 && !found; i++) {
        await page.keyboard.press("Tab");
        found = await page.evaluate(() => document.activeElement?.getAttribute("data-task"));
      }
      assert.equal(found, "1");
      await page.keyboard.press("Enter");
      await addressMatches(page, /focus=task:1/);
      await announced(page, /Selected: .*key task 1/);
    });
  });

  test("table view: a switch and table=1, every unit with both names, sortable by keyboard", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      await page.locator('[data-view-switch="table"]').click();
      await page.locator('[data-table="units"]').waitFor();
      await addressMatches(page, /table=1/);
      assert.equal(await page.locator(".map-wrap").isVisible(), false);
      await announced(page, /Table view shown/);
      const rows = page.locator('[data-table="units"] tbody tr');
      assert.equal(await rows.count(), 30);
      // On a wide screen each table is shown whole (the page scrolls), not squeezed into
      // the map's screen height with a scroll bar of its own.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll(".table-scroll")]
          .filter((r) => r.scrollHeight > r.clientHeight + 1)
          .map((r) => r.querySelector("table")?.dataset.table),
      );
      assert.deepEqual(clipped, [], "tables cut to a scrolling sliver");
      const yushu = await page.locator('[data-table="units"] tr[data-focus="220182"]').innerText();
      assert.match(yushu, /榆树市/);
      assert.match(yushu, /Yushu City/);
      assert.match(yushu, /Changchun/);
      assert.match(yushu, /parts only/);
      assert.match(yushu, /\d,\d{3}/);
      assert.equal(await page.locator('[data-table="layout"] tbody tr').count(), 10);
      assert.match(await page.locator('[data-table="layout"] tr[data-focus="corridor"]').innerText(), /Harbin → Changchun → Shenyang → Dalian/);
      assert.equal(await page.locator('[data-table="cities"] tbody tr').count(), 14);
      // Sort by area with the keyboard: Enter on the heading's button.
      const area = page.locator('[data-table="units"] thead button[data-column="4"]');
      await area.focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.locator('[data-table="units"] thead th').nth(4).getAttribute("aria-sort"), "ascending");
      const areas = async () =>
        page.locator('[data-table="units"] tbody tr td.numeric').evaluateAll((tds) => tds.map((td) => Number(td.textContent.replace(/,/g, ""))));
      let values = await areas();
      assert.deepEqual(values, [...values].sort((a, b) => a - b));
      await page.keyboard.press("Space");
      assert.equal(await page.locator('[data-table="units"] thead th').nth(4).getAttribute("aria-sort"), "descending");
      values = await areas();
      assert.deepEqual(values, [...values].sort((a, b) => b - a));
      // A name selects on the map too.
      await page.locator('[data-table="units"] tr[data-focus="220182"] .table-select').click();
      await addressMatches(page, /focus=220182/);
      assert.equal(await page.locator('[data-table="units"] tr[data-focus="220182"] .table-select').getAttribute("aria-pressed"), "true");
      await screenshot(page, "access-table-en");
      // The language switch keeps the sort.
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.querySelector('[data-table="units"] caption')?.textContent.includes("县级"));
      assert.equal(await page.locator('[data-table="units"] thead th').nth(4).getAttribute("aria-sort"), "descending");
      // Back to the map: it is drawn at its size again.
      await page.locator('[data-view-switch="map"]').click();
      await page.locator(".map-wrap").waitFor({ state: "visible" });
      await addressLacks(page, /table=1/);
      const box = await page.locator("svg.map").boundingBox();
      assert.ok(box.width > 300 && box.height > 200, JSON.stringify(box));
    });
  });

  test("320 CSS px (400 % zoom): nothing scrolls sideways, in the map and the table view", async () => {
    for (const query of ["?lang=en", "?lang=zh&table=1", "?lang=en&focus=220422"]) {
      await onPage(app, query, { viewport: { width: 320, height: 640 } }, async ({ page }) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${query}: page scrolls sideways by ${overflow}px`);
        // Tables scroll inside their own focusable region instead.
        if (query.includes("table")) {
          assert.equal(await page.locator(".table-scroll").first().getAttribute("tabindex"), "0");
          await screenshot(page, "access-table-320");
        } else {
          await screenshot(page, `access-320${query.includes("focus") ? "-details" : ""}`);
        }
      });
    }
  });

  test("forced colours and reduced motion", async () => {
    await onPage(app, "?lang=en&layers=area,sphere,center,belts,corridor,labels", {
      contextOptions: { forcedColors: "active", reducedMotion: "reduce" },
    }, async ({ page }) => {
      await settled(page);
      await page.locator("svg.map").focus();
      await page.keyboard.press("n");
      await cursorOn(page, "center");
      await screenshot(page, "access-forced-colors");
      // Partial and sphere units keep their patterns; lines keep their dashes.
      const partial = await page.locator('[data-layer="area"] [data-adcode="220182"]').evaluate((e) => getComputedStyle(e).fill);
      assert.match(partial, /url\(/);
      const dash = await page.locator('g[data-belt="pharma"] .belt-line').evaluate((e) => getComputedStyle(e).strokeDasharray);
      assert.notEqual(dash, "none");
      // Reduced motion: a zoom is applied at once, without a transition.
      const before = await page.locator("svg.map").getAttribute("viewBox");
      await page.keyboard.press("+");
      const after = await page.locator("svg.map").getAttribute("viewBox");
      assert.notEqual(after, before, "zoomed at once");
    });
  });
});
