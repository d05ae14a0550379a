// The map end to end, in the release build served from a sub-path: what a new user sees
// and does (screenshots in both languages at desktop and phone size, hover, click,
// zoom, pan, keys, Back), and that nothing goes wrong on the way.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ALL_LAYERS,
  VIEWPORTS,
  addressLacks,
  addressMatches,
  appForSuite,
  assertNoViolations,
  onPage,
  openLayerList,
  openApp,
  runAxe,
  screenshot,
  settled,
  twoFrames,
} from "./harness.mjs";

/** The viewBox of the map as numbers [x, y, w, h]. */
async function viewBox(page) {
  const vb = await page.locator("svg.map").getAttribute("viewBox");
  return vb.split(" ").map(Number);
}

/** Waits until the map's viewBox differs from `before` ([x, y, w, h]). */
async function viewChangedFrom(page, before) {
  await page.waitForFunction(
    (b) => document.querySelector("svg.map").getAttribute("viewBox") !== b,
    before.join(" "),
  );
}

/** The map's inline CSS transform: a gesture's picture while one is under way (pointer.rs). */
async function mapTransform(page) {
  return page.locator("svg.map").evaluate((el) => el.style.transform);
}

/**
 * The centre of a city's mark on screen, [x, y]: a gesture's picture scales the symbol,
 * not where its centre is.
 */
async function cityCentre(page, city) {
  const r = await page.locator(`svg.map g[data-city="${city}"]`).first().boundingBox();
  return [r.x + r.width / 2, r.y + r.height / 2];
}

/** Waits until the address holds the view (written once motion pauses). */
async function viewInUrl(page) {
  await page.waitForFunction(() => /view=[\d.]+,[\d.]+,[\d.]+/.test(location.search));
}

/** True if the element's box lies inside the map's box. */
async function onMap(page, selector) {
  return page.evaluate((sel) => {
    const map = document.querySelector(".map-wrap").getBoundingClientRect();
    const el = document.querySelector(sel).getBoundingClientRect();
    return el.left >= map.left - 1 && el.right <= map.right + 1 && el.top >= map.top - 1 && el.bottom <= map.bottom + 1;
  }, selector);
}

/**
 * The labels shown (not hidden by their layer or by the edge) whose box is not inside
 * the map's visible rectangle, as "text: box" strings; also how many are shown.
 */
async function labelsCutByTheEdge(page) {
  return page.evaluate(() => {
    const map = document.querySelector("svg.map").getBoundingClientRect();
    const shown = [...document.querySelectorAll(".layer-labels text")].filter((t) => {
      const style = getComputedStyle(t);
      return style.display !== "none" && style.visibility !== "hidden" && t.getClientRects().length > 0;
    });
    const cut = shown
      .map((t) => [t.textContent, t.getBoundingClientRect()])
      .filter(([, r]) => r.left < map.left - 0.5 || r.right > map.right + 0.5 || r.top < map.top - 0.5 || r.bottom > map.bottom + 0.5)
      .map(([text, r]) => `${text}: ${Math.round(r.left)}..${Math.round(r.right)} × ${Math.round(r.top)}..${Math.round(r.bottom)}`);
    return { shown: shown.length, cut, map: `${Math.round(map.left)}..${Math.round(map.right)} × ${Math.round(map.top)}..${Math.round(map.bottom)}` };
  });
}

/** Asserts that labels show and that none is cut by the map's edge. */
async function assertNoLabelCut(page, what) {
  const { shown, cut, map } = await labelsCutByTheEdge(page);
  assert.ok(shown > 0, `${what}: some labels show`);
  assert.deepEqual(cut, [], `${what}: labels cut by the map's edge (map ${map})`);
}

describe("the map", () => {
  const app = appForSuite();

  for (const lang of ["zh", "en"]) {
    for (const [label, viewport] of Object.entries(VIEWPORTS)) {
      test(`opens on the metropolitan area in ${lang} at ${label} size`, async () => {
        await onPage(app, `?lang=${lang}`, { viewport }, async ({ page }) => {
          await settled(page);
          const units = await page.locator("svg.map [data-adcode]").evaluateAll((els) =>
            new Set(els.map((e) => e.getAttribute("data-adcode"))).size,
          );
          assert.equal(units, 30);
          assert.equal(await page.locator("html").getAttribute("lang"), lang === "zh" ? "zh-CN" : "en");
          // Changchun and the plan's units are on screen.
          assert.ok(await onMap(page, 'svg.map [data-city="changchun"]'), "Changchun on screen");
          assert.ok(await onMap(page, '[data-layer="area"] [data-adcode="220182"]'), "Yushu on screen");
          const names = await page.locator('[data-layer="labels"] text').evaluateAll((els) => els.map((e) => e.textContent));
          assert.ok(names.includes(lang === "zh" ? "长春" : "Changchun"), names.join(","));
          // No horizontal scrolling.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
          await screenshot(page, `map-${lang}-${label}`);
        });
      });
    }
  }

  test("every layer, belts, corridor, clusters and center are on the region view", async () => {
    await onPage(app, `?lang=en&layers=${ALL_LAYERS}`, async ({ page }) => {
      await settled(page);
      for (const city of ["dalian", "harbin", "baicheng", "changbaishan", "baishan", "yanbian"]) {
        assert.ok(await onMap(page, `svg.map [data-city="${city}"]`), `${city} on screen`);
      }
      for (const belt of ["tourism", "pharma", "manufacturing", "agriculture", "energy"]) {
        assert.equal(await page.locator(`svg.map g[data-belt="${belt}"]`).getAttribute("display"), null);
      }
      await screenshot(page, "map-region-en");
    });
  });

  test("showing the corridor moves the view out to the region, smoothly", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      await settled(page);
      assert.equal(await onMap(page, 'svg.map [data-city="changchun"]'), true);
      await openLayerList(page);
      await settled(page);
      const before = await viewBox(page);
      await page.locator('[data-toggle="corridor"] input').check();
      // The first frame of the move.
      await viewChangedFrom(page, before);
      const during = await viewBox(page);
      await settled(page);
      const afterBox = await viewBox(page);
      assert.ok(afterBox[2] > before[2] * 1.3, `zoomed out: ${before} → ${afterBox}`);
      assert.ok(during[2] > before[2] && during[2] < afterBox[2], `a transition, not a jump: ${during}`);
      assert.ok(await onMap(page, 'svg.map [data-city="dalian"]'), "Dalian on screen");
      await addressMatches(page, /layers=[^&]*corridor/);
    });
  });

  test("hover shows a tooltip, a click opens details, Escape closes them, Back restores", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      await settled(page);
      const unit = page.locator('[data-layer="area"] [data-adcode="220183"]'); // Dehui
      const box = await unit.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tip = await page.locator(".tooltip").innerText();
      assert.match(tip, /Dehui City/);
      assert.match(tip, /德惠市/);
      assert.match(tip, /Changchun/);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator(".details").waitFor();
      const details = await page.locator(".details").innerText();
      assert.match(details, /Dehui City/);
      assert.match(details, /km²/);
      assert.match(details, /the entire Dehui City/);
      await addressMatches(page, /focus=220183/);
      await screenshot(page, "map-details-en");
      await page.keyboard.press("Escape");
      await page.locator(".details").waitFor({ state: "detached" });
      await addressLacks(page, /focus=/);
      await page.goBack();
      await page.locator(".details").waitFor();
      await addressMatches(page, /focus=220183/);
    });
  });

  test("wheel, drag, double-click, buttons and keys zoom and pan; the URL keeps the view", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      await settled(page);
      const map = await page.locator("svg.map").boundingBox();
      const cx = map.x + map.width / 2;
      const cy = map.y + map.height / 2;
      const start = await viewBox(page);

      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, -300);
      await viewChangedFrom(page, start);
      const wheeled = await viewBox(page);
      assert.ok(wheeled[2] < start[2], `wheel zooms in: ${start} → ${wheeled}`);

      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 120, cy + 40, { steps: 6 });
      await page.mouse.up();
      const dragged = await viewBox(page);
      assert.ok(dragged[0] < wheeled[0] && dragged[1] < wheeled[1], `drag pans: ${wheeled} → ${dragged}`);
      await viewInUrl(page);
      await addressMatches(page, /view=[\d.]+,[\d.]+,[\d.]+/);

      await page.locator('[data-action="zoom-out"]').click();
      await settled(page);
      assert.ok((await viewBox(page))[2] > dragged[2], "− zooms out");

      await page.locator("svg.map").focus();
      const beforeKey = await viewBox(page);
      await page.keyboard.press("+");
      // The map's first key waits for its chunk (fetched when the focus reached the map).
      await viewChangedFrom(page, beforeKey);
      await settled(page);
      assert.ok((await viewBox(page))[2] < beforeKey[2], "+ zooms in");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("0");
      await settled(page);
      assert.deepEqual(await viewBox(page), start, "0 resets to the opening view");
      await page.keyboard.press("n");
      await page.keyboard.press("Enter");
      await page.locator(".details").waitFor();
      await addressMatches(page, /focus=center/);

      // Clicking the zoom button may have scrolled the page: aim at the map where it is now.
      const now = await page.locator("svg.map").boundingBox();
      const [nx, ny] = [now.x + now.width / 2, now.y + now.height / 2];
      await page.mouse.dblclick(nx, ny);
      await settled(page);
      assert.ok((await viewBox(page))[2] < start[2], "double-click zooms in");

      // The view cannot be lost: far drags stop at the region's edge.
      for (let i = 0; i < 8; i++) {
        await page.mouse.move(nx, ny);
        await page.mouse.down();
        await page.mouse.move(nx + 600, ny + 600, { steps: 3 });
        await page.mouse.up();
      }
      assert.ok(await page.locator("svg.map [data-adcode]").count() > 0);
      const lost = await viewBox(page);
      const wide = await page.evaluate(() => {
        const r = document.querySelector('[data-layer="area"]').getBBox();
        return [r.x, r.y, r.width, r.height];
      });
      // Some of the plan area is still within reach of the view's centre.
      assert.ok(lost[0] < wide[0] + wide[2] + lost[2] && lost[1] < wide[1] + wide[3] + lost[3], `${lost}`);
    });
  });

  test("a drag moves the map under the pointer and it stays there when released, also at the region's edge", async () => {
    // A drag moves the map as a picture (pointer.rs: a CSS translate, the view set once at
    // the end), so what matters is that the picture and the view it ends on agree.
    await onPage(app, "?lang=en", { viewport: VIEWPORTS.desktop }, async ({ page }) => {
      await settled(page);
      const map = await page.locator("svg.map").boundingBox();
      const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
      const unit = page.locator('[data-layer="area"] [data-adcode="220102"]'); // Nanguan District
      // One drag, then the same long drag again and again until the map's centre reaches the
      // region's edge (every drag within the window: the last stops short of the pointer).
      const drags = [[cx, cy, 90, 50], ...Array(8).fill([map.x + 10, map.y + 10, 700, 450])];
      for (const [i, [x, y, dx, dy]] of drags.entries()) {
        const before = await unit.boundingBox();
        const viewBefore = await viewBox(page);
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x + dx, y + dy, { steps: 6 });
        await twoFrames(page);
        const during = await unit.boundingBox();
        await page.mouse.up();
        const moved = [during.x - before.x, during.y - before.y];
        if (i === 0) {
          assert.ok(Math.abs(moved[0] - dx) < 1.5 && Math.abs(moved[1] - dy) < 1.5, `the map follows the pointer: ${moved}`);
        }
        if (i === drags.length - 1) {
          assert.ok(moved[0] < dx - 1 && moved[1] < dy - 1, `a far drag stops at the region's edge: ${moved}`);
        }
        if (moved[0] !== 0 || moved[1] !== 0) await viewChangedFrom(page, viewBefore);
        await settled(page);
        const after = await unit.boundingBox();
        assert.ok(
          Math.abs(after.x - during.x) < 1.5 && Math.abs(after.y - during.y) < 1.5,
          `no jump on release: ${JSON.stringify(during)} → ${JSON.stringify(after)}`,
        );
        assert.equal(await mapTransform(page), "");
      }
    });
  });

  test("a wheel zoom scales the map about the pointer at once, and the view follows without a jump when the wheel pauses", async () => {
    await onPage(app, "?lang=en", { viewport: VIEWPORTS.desktop }, async ({ page }) => {
      await settled(page);
      const map = await page.locator("svg.map").boundingBox();
      const [px, py] = [map.x + map.width * 0.6, map.y + map.height * 0.4];
      const before = await viewBox(page);
      const start = await cityCentre(page, "jilin");
      await page.mouse.move(px, py);
      for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -120);
      await twoFrames(page);
      const during = await cityCentre(page, "jilin");
      // Zoomed about the pointer: the city moved away from it.
      const away = (p) => Math.hypot(p[0] - px, p[1] - py);
      assert.ok(away(during) > away(start) * 1.5, `the map zoomed about the pointer at once: ${start} → ${during}`);
      await viewChangedFrom(page, before);
      await settled(page);
      const after = await cityCentre(page, "jilin");
      assert.ok((await viewBox(page))[2] < before[2] / 1.5, "the view zoomed in");
      assert.ok(Math.hypot(after[0] - during[0], after[1] - during[1]) < 1.5, `no jump when the wheel pauses: ${during} → ${after}`);
      assert.equal(await mapTransform(page), "");
    });
  });

  test("a pinch on a phone zooms the map about the fingers, and it stays there when the fingers lift", async () => {
    await onPage(app, "?lang=en", {
      viewport: VIEWPORTS.mobile,
      contextOptions: { hasTouch: true, isMobile: true },
    }, async ({ page, context }) => {
      await settled(page);
      const cdp = await context.newCDPSession(page);
      const touch = (type, points) =>
        cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
      const map = await page.locator("svg.map").boundingBox();
      const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
      const before = await viewBox(page);
      const start = await cityCentre(page, "jilin");
      await touch("touchStart", [[cx - 40, cy - 40]]);
      await touch("touchStart", [[cx - 40, cy - 40], [cx + 40, cy + 40]]);
      for (let i = 1; i <= 8; i++) {
        await touch("touchMove", [[cx - 40 - 6 * i, cy - 40 - 3 * i], [cx + 40 + 6 * i, cy + 40 + 9 * i]]);
      }
      // Touch moves may be delivered coalesced, with a frame: let the last be handled.
      await twoFrames(page);
      const during = await cityCentre(page, "jilin");
      await touch("touchEnd", []);
      await viewChangedFrom(page, before);
      await settled(page);
      const after = await cityCentre(page, "jilin");
      const zoomed = await viewBox(page);
      assert.ok(zoomed[2] < before[2] / 1.8, `the pinch zoomed in: ${before} → ${zoomed}`);
      assert.ok(Math.hypot(during[0] - start[0], during[1] - start[1]) > 20, `the map moved while pinched: ${start} → ${during}`);
      assert.ok(Math.hypot(after[0] - during[0], after[1] - during[1]) < 1.5, `no jump when the fingers lift: ${during} → ${after}`);
      assert.equal(await mapTransform(page), "");
      assert.equal(await page.locator(".details").count(), 0, "a pinch selects nothing");
    });
  });

  test("touch: a tap selects a unit on a phone", async () => {
    await onPage(app, "?lang=zh", {
      viewport: VIEWPORTS.mobile,
      contextOptions: { hasTouch: true, isMobile: true },
    }, async ({ page }) => {
      await settled(page);
      const unit = page.locator('[data-layer="sphere"] [data-adcode="220721"]'); // Qianguo
      const box = await unit.boundingBox();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator(".details").waitFor();
      assert.match(await page.locator(".details").innerText(), /前郭尔罗斯蒙古族自治县/);
      await screenshot(page, "map-details-zh");
    });
  });

  test("a link to a task opens with the task's text in view beside the map, selected", async () => {
    for (const lang of ["zh", "en"]) {
      await onPage(app, `?lang=${lang}&focus=task:7`, { viewport: VIEWPORTS.desktop }, async ({ page }) => {
        await page.waitForFunction(() => {
          const r = document.querySelector('.panels [data-item="task:7"]').getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        });
        assert.equal(await page.locator('.panels [data-item="task:7"]').getAttribute("aria-pressed"), "true");
        // The map stays in view beside it.
        const map = await page.locator(".map-section").boundingBox();
        assert.ok(map.y >= -1 && map.y + map.height <= 801, `map in view (${JSON.stringify(map)})`);
      });
    }
  });

  test("a language switch keeps the map's box and view at every width, with few layers or all", async () => {
    // The map takes the height its column leaves on wide screens: the key line and (from
    // 1024 to 1279 px, below the map) the legend are as high in either language, so a
    // switch neither resizes nor refits it (issue 12: that cost a second layout and a
    // whole-map paint in the switch's frame).
    // Its place too where the header is one line in either language (≥ 1024 px; on phones
    // the English title may take another line above the map).
    const read = (page) => page.evaluate(() => {
      const svg = document.querySelector("svg.map");
      const r = svg.getBoundingClientRect();
      const at = innerWidth >= 1024 ? `${r.x.toFixed(2)},${r.y.toFixed(2)} ` : "";
      return `${at}${r.width.toFixed(2)}×${r.height.toFixed(2)} viewBox ${svg.getAttribute("viewBox")}`;
    });
    const switched = async (page, lang) => {
      await page.locator(".lang-switch").click();
      await page.waitForFunction((l) => document.documentElement.lang.startsWith(l) && !document.querySelector(".panel[lang]"), lang);
      await settled(page);
    };
    const sizes = [[390, 844], [1024, 768], [1100, 800], [1279, 800], [1280, 800]];
    for (const layers of ["", `&layers=${ALL_LAYERS}`]) {
      for (const [width, height] of sizes) {
        await onPage(app, `?lang=zh${layers}`, { viewport: { width, height } }, async ({ page }) => {
          await settled(page);
          const zh = await read(page);
          await switched(page, "en");
          assert.equal(await read(page), zh, `${width}×${height}${layers}: zh → en`);
          await switched(page, "zh");
          assert.equal(await read(page), zh, `${width}×${height}${layers}: en → zh`);
        });
      }
    }
  });

  test("no label shown is cut by the map's visible edge, at any size, zoom or pan", async () => {
    const sizes = { "320×640": { width: 320, height: 640 }, "1280×800": VIEWPORTS.desktop };
    for (const lang of ["zh", "en"]) {
      for (const [size, viewport] of Object.entries(sizes)) {
        await onPage(app, `?lang=${lang}&layers=${ALL_LAYERS}`, { viewport }, async ({ page }) => {
          await settled(page);
          await assertNoLabelCut(page, `${lang} ${size} opening view`);
          const map = await page.locator("svg.map").boundingBox();
          await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
          await page.mouse.wheel(0, -300);
          await settled(page);
          await assertNoLabelCut(page, `${lang} ${size} zoomed in`);
          await page.mouse.down();
          await page.mouse.move(map.x + map.width / 2 + 70, map.y + map.height / 2 + 30, { steps: 4 });
          await page.mouse.up();
          await settled(page);
          await assertNoLabelCut(page, `${lang} ${size} panned`);
        });
      }
    }
    // The default layers on a phone, and a narrow embed.
    await onPage(app, "?lang=en", { viewport: { width: 320, height: 640 } }, async ({ page }) => {
      await settled(page);
      await assertNoLabelCut(page, "en 320×640 default layers");
    });
    await onPage(app, "?lang=en&embed=1", { viewport: { width: 400, height: 400 } }, async ({ page }) => {
      await settled(page);
      await assertNoLabelCut(page, "en embed 400×400");
    });
  });

  test("on phones (320 to 430 px) the bar above the map keeps one row in either language, also embedded", async () => {
    for (const [lang, width] of [["zh", 320], ["en", 320], ["en", 360], ["en", 390], ["en", 412], ["en", 430]]) {
      for (const query of [`?lang=${lang}`, `?lang=${lang}&embed=1`]) {
        await onPage(app, query, { viewport: { width, height: 640 } }, async ({ page }) => {
          await settled(page);
          const { rows, scrollWidth } = await page.evaluate(() => {
            const items = [...document.querySelector(".view-bar").children].map((c) => c.getBoundingClientRect());
            const first = items[0];
            return {
              rows: items.map((r) => (r.top < first.bottom && r.bottom > first.top ? 1 : 2)),
              scrollWidth: document.documentElement.scrollWidth,
            };
          });
          assert.deepEqual(rows, [1, 1, 1], `${query} at ${width} px: switch, layers and downloads on one row`);
          assert.ok(scrollWidth <= width, `${query} at ${width} px: no sideways scroll (${scrollWidth})`);
          if (!query.includes("embed") && width === 320) assertNoViolations(await runAxe(page), query);
        });
      }
    }
  });

  test("a malformed link gives a notice and a working map", async () => {
    await onPage(app, "?lang=en&layers=area,%ZZ,bogus&focus=task:99&view=1,2,3&embed=maybe", async ({ page }) => {
      const notice = await page.locator(".notice").innerText();
      assert.match(notice, /bogus/);
      assert.match(notice, /task:99/);
      assert.equal(await page.locator('[data-layer="area"]').getAttribute("display"), null);
    });
  });

  test("the map page has no accessibility violations of any impact in either language", async () => {
    for (const lang of ["zh", "en"]) {
      const { page, close } = await openApp(app, `?lang=${lang}&layers=${ALL_LAYERS}&focus=belt:pharma`);
      try {
        await settled(page);
        assertNoViolations(await runAxe(page), lang);
      } finally {
        await close();
      }
    }
  });
});
