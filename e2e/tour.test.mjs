// The reading layout and the guided tour, end to end on the release build: the whole
// area in the uncovered part of the map at desktop and phone sizes, the map staying in
// view while the side column scrolls, a map selection bringing its panel item into view,
// and the tour walked in both languages (keys, Back, Exit), axe-clean, with screenshots.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { appForSuite, formatViolations, onPage, openApp, READY_SELECTOR, runAxe, screenshot, settled, untilAddress, VIEWPORTS } from "./harness.mjs";

const read = async (path) => JSON.parse(await readFile(new URL(path, import.meta.url), "utf8"));
const plan = await read("../data/plan.json");
const tour = await read("../data/tour.json");


/** The value at a caption path, with `*` taking every item of a list (as build/tour.rs). */
function lookupAll(value, keys) {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  if (key === "*") return value.map((item) => lookupAll(item, rest));
  const next = Array.isArray(value) ? value.find((x) => String(x.id) === key) : value?.[key];
  return lookupAll(next, rest);
}
const resolve = (path) => lookupAll(plan, path.split("."));
/** A text: given in place, or a path into plan.json. */
const textOf = (v) => (typeof v === "string" ? resolve(v) : v);
const cityName = (id, lang) => plan.cities.find((c) => c.id === id).name[lang];
/** A task's or goal's map reading in plan.json. */
const readingOf = (focus) => {
  const [kind, id] = focus.split(":");
  if (kind === "task") return plan.tasks.find((t) => String(t.id) === id).map;
  if (kind === "goal") return plan.goals.find((g) => String(g.id) === id).map;
  return null;
};
/** The interface's words around the plan's own texts (src/i18n/ui.rs). */
const UI = {
  en: { step: (n, m) => `Step ${n} of ${m}`, part: (k, t) => `Task ${k} of ${t}`, km2: " km²", million: " million", onMap: "On the map: ", listSep: ", ", sp: " " },
  zh: { step: (n, m) => `第 ${n} 步，共 ${m} 步`, part: (k, t) => `第 ${k} 项，共 ${t} 项`, km2: "平方公里", million: "万", onMap: "地图显示：", listSep: "、", sp: "" },
};
const ROUTE_SEP = " → ";

/**
 * What a place of the tour (`"7"`, `"15.3"`) must show in a language, all derived from
 * data/tour.json and data/plan.json: title, "step N of M", each caption part's text, the
 * layers and belts drawn, the feature lit on the map and the panel item pressed.
 */
function expectedAt(pos, lang) {
  const [n, k] = pos.split(".").map(Number);
  let step = tour.steps[n - 1];
  if (k) {
    const task = plan.tasks[k - 1];
    step = { id: `task:${task.id}`, title: task.name, caption: [{ reading: `task:${task.id}` }], focus: `task:${task.id}` };
  }
  const ui = UI[lang];
  const caption = step.caption.map((part) => {
    const [kind, value] = Object.entries(part)[0];
    switch (kind) {
      case "text":
        return { kind, text: textOf(value)[lang] };
      case "list":
      case "numbered":
        return { kind, items: resolve(value).map((t) => t[lang]) };
      case "route":
        return { kind, text: resolve(value).map((id) => cityName(id, lang)).join(ROUTE_SEP) };
      case "pairs": {
        const names = resolve(value.name);
        const details = resolve(value.detail);
        return { kind, items: names.map((name, i) => `${name[lang]} ${details[i][lang]}`) };
      }
      case "figures":
        return {
          kind,
          items: value.map((f) => {
            const fig = plan.figures;
            if (f === "area") return `${f}=${Math.round(fig.area_km2).toLocaleString("en-US")}${ui.km2}`;
            const number = lang === "zh" ? Math.round(fig.population_million * 100) : fig.population_million;
            return `${f}=${fig.population_qualifier[lang]}${ui.sp}${number}${ui.million}`;
          }),
        };
      case "reading": {
        const items = readingOf(value).layers.map((item) =>
          item.startsWith("belt:") ? resolve(`layout.belts.${item.slice(5)}.name`)[lang] : `layer:${item}`,
        );
        return { kind, label: ui.onMap, items };
      }
      default:
        throw new Error(`unknown caption part ${kind}`);
    }
  });
  const reading = step.focus ? readingOf(step.focus) : null;
  const items = step.layers ?? [...reading.layers, "context", "labels"];
  const single = items.filter((l) => l.startsWith("belt:")).map((l) => l.slice(5));
  const layers = new Set(items.filter((l) => !l.startsWith("belt:")));
  if (single.length) layers.add("belts");
  const belts = layers.has("belts") ? (single.length && !items.includes("belts") ? single : plan.layout.belts.map((b) => b.id)) : [];
  const lit = step.focus ? (reading ? reading.focus ?? null : step.focus) : null;
  let count = ui.step(n, tour.steps.length);
  if (k) count += ` · ${ui.part(k, plan.tasks.length)}`;
  return {
    pos,
    step: step.id,
    count,
    title: textOf(step.title)[lang],
    caption,
    layers: [...layers].sort(),
    belts: [...belts].sort(),
    lit,
    focus: step.focus ?? null,
    first: pos === "1",
  };
}

/** What the page shows of the tour and the map, in the shape of `expectedAt`. */
function shownAt(page) {
  return page.evaluate(() => {
    const card = document.querySelector(".tour-card");
    if (!card) return null;
    const drawn = (el) => el.getAttribute("display") !== "none";
    const texts = (el, sel) => [...el.querySelectorAll(sel)].map((x) => x.textContent);
    const layerName = (id) => document.querySelector(`[data-toggle="${id}"] span:last-child`)?.textContent;
    const caption = [...card.querySelector(".tour-caption").children].map((el) => {
      const c = el.classList;
      if (c.contains("tour-text")) return { kind: "text", text: el.textContent };
      if (c.contains("tour-list")) return { kind: "list", items: texts(el, "li") };
      if (c.contains("tour-numbered")) return { kind: "numbered", items: texts(el, "li") };
      if (c.contains("tour-route")) return { kind: "route", text: el.textContent };
      if (c.contains("tour-pairs")) return { kind: "pairs", items: texts(el, "li") };
      if (c.contains("tour-figures"))
        return { kind: "figures", items: [...el.querySelectorAll("[data-figure]")].map((f) => `${f.dataset.figure}=${f.querySelector("dd").textContent}`) };
      if (c.contains("tour-reading")) {
        const label = el.querySelector(".tour-reading-label").textContent;
        const rest = el.textContent.slice(label.length);
        return { kind: "reading", label, rest };
      }
      return { kind: `unknown ${el.className}` };
    });
    const focus = card.dataset.tourStep;
    const lit = [...new Set([...document.querySelectorAll("svg.map .is-lit")].map((e) => e.dataset.focus))];
    const pressed = [...document.querySelectorAll('.panels [data-item][aria-pressed="true"]')].map((e) => e.dataset.item);
    return {
      pos: card.dataset.tourPos,
      step: focus,
      count: card.querySelector(".tour-count").textContent,
      title: card.querySelector(".tour-title").textContent,
      caption,
      layers: [...document.querySelectorAll("svg.map [data-layer]")].filter(drawn).map((g) => g.dataset.layer).sort(),
      belts: [...document.querySelectorAll('svg.map [data-layer="belts"] [data-belt]')].filter(drawn).map((g) => g.dataset.belt).sort(),
      toggles: [...document.querySelectorAll("[data-toggle]")].filter((t) => t.querySelector("input").checked).map((t) => t.dataset.toggle),
      lit,
      litDrawn: lit.every((f) => {
        const el = document.querySelector(`svg.map [data-focus="${f}"]`);
        return el.closest('[display="none"]') === null && el.getBoundingClientRect().width > 0;
      }),
      hasHighlight: document.querySelector("svg.map").classList.contains("has-highlight"),
      pressed,
      layerNames: Object.fromEntries([...document.querySelectorAll("[data-toggle]")].map((t) => [t.dataset.toggle, layerName(t.dataset.toggle)])),
      prevDisabled: card.querySelector(".tour-prev").disabled,
      url: new URL(location.href).searchParams.get("tour"),
    };
  });
}

/**
 * Waits until the tour shows `pos` as the data says it should (polling the page), then
 * asserts each part so that a failure says what differs.
 */
async function checkStep(page, pos, lang) {
  const want = expectedAt(pos, lang);
  const itemSel = want.focus ? `.panels [data-item="${want.focus}"]` : null;
  const hasItem = itemSel ? (await page.locator(itemSel).count()) > 0 : false;
  const compare = (got) => {
    if (!got) return { got, errors: ["no tour card"] };
    const errors = [];
    const eq = (name, a, b) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) errors.push(`${name}: shown ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
    };
    eq("pos", got.pos, want.pos);
    eq("url tour=", got.url, want.pos);
    eq("step", got.step, want.step);
    eq("count", got.count, want.count);
    eq("title", got.title, want.title);
    eq("caption parts", got.caption.map((c) => c.kind), want.caption.map((c) => c.kind));
    want.caption.forEach((part, i) => {
      const shown = got.caption[i];
      if (!shown) return;
      if (part.kind === "reading") {
        const names = part.items.map((x) => (x.startsWith("layer:") ? got.layerNames[x.slice(6)] : x));
        eq(`caption ${i} (reading)`, { label: shown.label, rest: shown.rest }, { label: part.label, rest: names.join(UI[lang].listSep) });
      } else eq(`caption ${i} (${part.kind})`, shown, part);
    });
    eq("layers drawn", got.layers, want.layers);
    eq("belts drawn", got.belts, want.belts);
    const toggles = [...want.layers, ...want.belts.map((b) => `belt:${b}`)].sort();
    eq("layer switches on", [...got.toggles].sort(), toggles);
    eq("lit on the map", got.lit, want.lit ? [want.lit] : []);
    eq("lit feature drawn", got.litDrawn, true);
    eq("map has a highlight", got.hasHighlight, want.lit !== null);
    eq("panel item pressed", got.pressed, hasItem ? [want.focus] : []);
    eq("Previous disabled", got.prevDisabled, want.first);
    return { got, errors };
  };
  const deadline = Date.now() + 10_000;
  let last;
  for (;;) {
    last = compare(await shownAt(page));
    if (last.errors.length === 0 || Date.now() > deadline) break;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  assert.deepEqual(last.errors, [], `tour ${pos} (${lang}): ${want.step}`);
  // Every step with a selection shows it somewhere: lit on the map or pressed in a panel.
  if (want.focus) assert.ok(want.lit || hasItem, `${pos}: ${want.focus} is shown as selected`);
}

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
  const app = appForSuite();

  for (const [width, height] of [[1280, 800], [1440, 900], [1920, 1080], [390, 844], [360, 640], [320, 640]]) {
    // Phones in both languages: the English title is the longer one.
    for (const lang of width < 1024 ? ["en", "zh"] : ["en"]) {
      test(`the whole area is on the first screen, uncovered, at ${width}×${height} in ${lang}`, async () => {
        await onPage(app, `?lang=${lang}`, { viewport: { width, height } }, async ({ page }) => {
          await settled(page);
          const r = await areaClear(page);
          assert.ok(r.inside, JSON.stringify(r));
          assert.deepEqual(r.covering, [], JSON.stringify(r));
          assert.ok(r.sideways <= 0, `scrolls sideways by ${r.sideways}px`);
          // On phones the header is compact: the map starts in the upper third of the
          // screen, and the whole map (not only the area) is on the first screen.
          // The layer list's button, folded or not, lies outside the map (above it).
          const button = await page.evaluate(() => {
            const b = document.querySelector(".layer-panel > summary").getBoundingClientRect();
            return b.bottom <= document.querySelector(".map-wrap").getBoundingClientRect().top + 0.5;
          });
          assert.ok(button, "the layer list's button is above the map, not on it");
          if (width < 1024) {
            const m = await page.evaluate(() => document.querySelector(".map-wrap").getBoundingClientRect().toJSON());
            assert.ok(m.top <= height / 3, `the map starts at ${m.top}px`);
            assert.ok(m.bottom <= height, `the map ends at ${m.bottom}px, below the first screen (${height}px)`);
          }
          if ((width === 1280 || width === 390 || width === 320) && lang === "en") await screenshot(page, "layout-default");
        });
      });
    }
  }

  test("the map stays in view while the side column scrolls; a map selection shows its panel item", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
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
    });
  });

  test("on a phone, selecting in a panel brings the map back into view; a bottom sheet leaves room below the page", async () => {
    await onPage(app, "?lang=en", { viewport: { width: 390, height: 844 } }, async ({ page }) => {
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
    });
  });

  test("a focus= link moves the map to it", async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await onPage(app, "?lang=en&focus=city:changbaishan", { viewport }, async ({ page }) => {
        await settled(page);
        const inMap = await page.evaluate(() => {
          const m = document.querySelector(".map-wrap").getBoundingClientRect();
          const c = document.querySelector('svg.map [data-city="changbaishan"]').getBoundingClientRect();
          return c.width > 0 && c.left >= m.left && c.right <= m.right && c.top >= m.top && c.bottom <= Math.min(m.bottom, innerHeight);
        });
        assert.ok(inMap, `Changbaishan on screen at ${viewport.width}`);
      });
    }
  });

  for (const lang of ["en", "zh"]) {
    test(`the tour walks every step in ${lang} (caption, count, layers, selection), by buttons and keys; Exit restores; Back and Forward walk the steps`, async () => {
      await onPage(app, `?lang=${lang}&focus=task:6`, async ({ page }) => {
        const before = new URL(page.url()).search;
        await page.locator(".tour-button").click();
        const walked = [];
        for (let i = 1; i <= tour.steps.length; i++) {
          const step = tour.steps[i - 1];
          await checkStep(page, `${i}`, lang);
          walked.push(`${i}`);
          if (step.each) {
            // The tasks one by one, then on.
            await page.locator(".tour-each").click();
            for (let k = 1; k <= plan.tasks.length; k++) {
              await checkStep(page, `${i}.${k}`, lang);
              walked.push(`${i}.${k}`);
              await page.locator(".tour-next").click();
            }
            continue;
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
        await untilAddress(page, (u) => u.search === before, `search ${before}`);
        // Back walks every step backwards, to the state before the tour; Forward again.
        for (const pos of [...walked].reverse()) {
          await page.goBack();
          await checkStep(page, pos, lang);
        }
        await page.goBack();
        await page.waitForSelector(".tour-card", { state: "detached" });
        await untilAddress(page, (u) => u.search === before, `search ${before}`);
        for (const pos of walked) {
          await page.goForward();
          await checkStep(page, pos, lang);
        }
      });
    });
  }

  test("every step is a link: ?tour=N (and N.K) lands on that step, in both languages", async () => {
    await onPage(app, "?lang=en", async ({ page }) => {
      const links = [];
      for (let i = 1; i <= tour.steps.length; i++) {
        links.push(["en", `${i}`]);
        if (tour.steps[i - 1].each) for (let k = 1; k <= plan.tasks.length; k++) links.push([k % 2 ? "zh" : "en", `${i}.${k}`]);
      }
      for (const i of [1, 2, 6, 7, 12, 13, 14, tour.steps.length]) links.push(["zh", `${i}`]);
      for (const [lang, pos] of links) {
        await page.goto(new URL(`?lang=${lang}&tour=${pos}`, page.url()).href);
        await page.waitForSelector(READY_SELECTOR);
        await checkStep(page, pos, lang);
        const params = new URL(page.url()).searchParams;
        assert.equal(params.get("tour"), pos);
        assert.equal(params.get("focus"), null, "a step link carries no selection");
        assert.equal(params.get("layers"), null, "a step link carries no layers");
      }
    });
  });

  test("the layer list folds when a resize leaves the map no room for it and opens when the room comes back", async () => {
    const sizes = [
      [1920, 1080],
      [390, 844],
      [844, 390], // the phone turned
      [1280, 800],
      [2560, 1080],
    ];
    const key = ([w, h]) => `${w}x${h}`;
    const isOpen = (page) => page.evaluate(() => document.querySelector(".layer-panel").open);
    // What a fresh load decides at each size: open beside a wide map, folded on a phone.
    const fresh = {};
    for (const [width, height] of sizes) {
      const { page, close } = await openApp(app, "?lang=zh", { viewport: { width, height } });
      try {
        fresh[key([width, height])] = await isOpen(page);
      } finally {
        await close();
      }
    }
    const want = { "1920x1080": true, "390x844": false, "844x390": true, "1280x800": false, "2560x1080": true };
    assert.deepEqual(fresh, want);
    await onPage(app, "?lang=zh", { viewport: { width: 1920, height: 1080 } }, async ({ page }) => {
      // Each resize ends as a fresh load at that size would start.
      for (const size of [[390, 844], [844, 390], [1280, 800], [1920, 1080], [390, 844], [1920, 1080]]) {
        const [width, height] = size;
        await page.setViewportSize({ width, height });
        await page.waitForFunction((open) => document.querySelector(".layer-panel").open === open, want[key(size)]);
        await settled(page);
        if (width !== 844) {
          const r = await areaClear(page);
          assert.ok(r.inside, `${width}×${height}: ${JSON.stringify(r)}`);
          assert.deepEqual(r.covering, [], `${width}×${height}: ${JSON.stringify(r)}`);
        }
      }
      // In between, the list stays as the reader set it: folded by hand at 1920 px, it
      // stays folded at 2560 px (room there too), and opens again after a narrow spell.
      await page.locator(".layer-panel summary").click();
      await page.waitForFunction(() => !document.querySelector(".layer-panel").open);
      await page.setViewportSize({ width: 2560, height: 1080 });
      await settled(page);
      assert.equal(await isOpen(page), false, "the reader's choice holds while the room does not change");
      await page.setViewportSize({ width: 1280, height: 800 });
      await settled(page);
      assert.equal(await isOpen(page), false);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.waitForFunction(() => document.querySelector(".layer-panel").open);
    });
  });

  test("the hover tooltip stays inside the map, off the pointer, clear of the panels and of the selection's shape", async () => {
    const cases = [
      [{ width: 1920, height: 1080 }, "?lang=en&focus=220182"], // the layer list open over the map
      [VIEWPORTS.desktop, "?lang=zh&focus=220182"],
      [VIEWPORTS.mobile, "?lang=en&focus=220182"],
      [{ width: 320, height: 640 }, "?lang=zh"],
      // A selection whose box is mostly other places: a bent belt.
      [VIEWPORTS.desktop, "?lang=en&layers=area,context,belts,labels&focus=belt:tourism"],
    ];
    for (const [viewport, query] of cases) {
      await onPage(app, query, { viewport }, async ({ page }) => {
        await settled(page);
        // Points over the map's features, on a grid across the visible map.
        const points = await page.evaluate(() => {
          const m = document.querySelector(".map-wrap").getBoundingClientRect();
          const top = Math.max(m.top, 0);
          const bottom = Math.min(m.bottom, innerHeight);
          const out = [];
          for (let fx = 0.01; fx < 1; fx += 0.07) {
            for (let fy = 0.01; fy < 1; fy += 0.07) {
              const x = m.left + fx * m.width;
              const y = top + fy * (bottom - top);
              const hit = document.elementFromPoint(x, y)?.closest("svg.map [data-focus]");
              if (hit) out.push([x, y, hit.dataset.focus]);
            }
          }
          return out;
        });
        assert.ok(points.length >= 8, `${viewport.width}: ${points.length} points over features`);
        // And points beside the selection where a box below right of the pointer would
        // cover it (over other features, with room above and to the left).
        const near = await page.evaluate(() => {
          const sel = document.querySelector("svg.map .is-lit");
          if (!sel) return [];
          const s = sel.getBoundingClientRect();
          const m = document.querySelector(".map-wrap").getBoundingClientRect();
          const out = [];
          for (let dx = 8; dx <= 40; dx += 8) {
            for (const [x, y] of [[s.left - dx, s.top - dx], [s.left - dx, (s.top + s.bottom) / 2], [(s.left + s.right) / 2, s.top - dx]]) {
              if (x - m.left < 260 || y - m.top < 110) continue;
              const hit = document.elementFromPoint(x, y)?.closest("svg.map [data-focus]");
              if (hit && !hit.classList.contains("is-lit")) out.push([x, y, hit.dataset.focus]);
            }
          }
          return out;
        });
        if (query.includes("focus=2201") && viewport.width >= 1024) assert.ok(near.length > 0, `${viewport.width}: points beside the selection`);
        // The first hover fetches the tooltip's chunk (on first use): its tooltip comes once it is in.
        await page.mouse.move(points[0][0], points[0][1]);
        await page.locator(".tooltip").waitFor();
        for (const [x, y, focus] of [...points, ...near]) {
          await page.mouse.move(x, y);
          const r = await page.evaluate(
            ([x, y]) =>
              new Promise((resolve) =>
                requestAnimationFrame(() => {
                  try {
                  const tip = document.querySelector(".tooltip");
                  if (!tip) return resolve(null);
                  const t = tip.getBoundingClientRect();
                  const m = document.querySelector(".map-wrap").getBoundingClientRect();
                  const meet = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
                  const covered = [...document.querySelectorAll("[data-overlay]")]
                    .filter((el) => meet(el.getBoundingClientRect(), t) > 0.5)
                    .map((el) => el.className);
                  // How much of the selection's shape (not its box) the tooltip covers:
                  // the share of points on a grid over the tooltip that hit it.
                  const sel = document.querySelector("svg.map .is-lit");
                  let hits = 0;
                  if (sel) {
                    for (let i = 0; i < 16; i++) {
                      for (let j = 0; j < 6; j++) {
                        const px = t.left + ((i + 0.5) * t.width) / 16;
                        const py = t.top + ((j + 0.5) * t.height) / 6;
                        if (document.elementsFromPoint(px, py).some((e) => e.closest?.("svg.map .is-lit"))) hits++;
                      }
                    }
                  }
                  resolve({
                    inside: t.left >= m.left - 0.5 && t.top >= m.top - 0.5 && t.right <= m.right + 0.5 && t.bottom <= m.bottom + 0.5,
                    onPointer: t.left <= x && x <= t.right && t.top <= y && y <= t.bottom,
                    covered,
                    selection: hits / 96,
                    tip: [t.left, t.top, t.right, t.bottom].map(Math.round),
                  });
                  } catch (e) { resolve({ error: String(e) }); }
                }),
              ),
            [x, y],
          );
          const where = `${viewport.width}×${viewport.height} at ${Math.round(x)},${Math.round(y)} over ${focus}: ${JSON.stringify(r)}`;
          assert.ok(r, `a tooltip: ${where}`);
          assert.ok(r.inside, `inside the map: ${where}`);
          assert.ok(!r.onPointer, `off the pointer: ${where}`);
          assert.deepEqual(r.covered, [], `clear of the panels: ${where}`);
          if (near.some((p) => p[0] === x && p[1] === y)) assert.ok(r.selection <= 0.03, `clear of the selection's shape: ${where}`);
        }
        await page.mouse.move(1, 1);
      });
    }
  });

  test("screenshots to look at (and axe-clean, nothing sideways or cut): default view, a task selected and three tour steps, in both languages at 1280×800 and 390×844", async () => {
    const views = [
      ["default", ""],
      ["task", "&focus=task:3"],
      ["tour-1", "&tour=1"],
      ["tour-7", "&tour=7"],
      ["tour-14", "&tour=14"],
    ];
    for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.mobile]) {
      await onPage(app, "?lang=en", { viewport }, async ({ page }) => {
        for (const lang of ["en", "zh"]) {
          for (const [name, query] of views) {
            await page.goto(new URL(`?lang=${lang}${query}`, page.url()).href);
            await page.waitForSelector(READY_SELECTOR);
            await settled(page);
            // And the page's own (smooth) scroll to a selected panel item has ended.
            await page.waitForFunction(
              () =>
                new Promise((resolve) => {
                  let [last, still] = [scrollY, 0];
                  const frame = () => {
                    [still, last] = scrollY === last ? [still + 1, last] : [0, scrollY];
                    if (still >= 10) resolve(true);
                    else requestAnimationFrame(frame);
                  };
                  requestAnimationFrame(frame);
                }),
            );
            // Nothing scrolls sideways; no text of the caption card is cut.
            const r = await page.evaluate(() => ({
              sideways: document.documentElement.scrollWidth - innerWidth,
              cut: [...document.querySelectorAll(".tour-card *, .header *")]
                .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
                .map((el) => el.className),
            }));
            assert.ok(r.sideways <= 0, `${lang} ${name}: scrolls sideways by ${r.sideways}px`);
            assert.deepEqual(r.cut, [], `${lang} ${name}: text cut`);
            const violations = await runAxe(page);
            assert.deepEqual(violations.map((v) => v.id), [], `${lang} ${name}: ${formatViolations(violations)}`);
            // What the reader sees on the screen (a full-page capture of a page scrolled
            // to a panel item draws the sticky map halfway down).
            await screenshot(page, `look-${lang}-${name}`, { fullPage: false });
          }
        }
      });
    }
  });

  test("a swipe on the caption card (touch) moves to the next and the previous step; short, vertical and mouse drags do not", async () => {
    await onPage(app, "?lang=en&tour=3", { viewport: VIEWPORTS.mobile, contextOptions: { hasTouch: true } }, async ({ page }) => {
      await page.waitForSelector('.tour-card[data-tour-pos="3"]');
      // Real touch input through the DevTools protocol: the browser makes the pointer
      // events (pointerType "touch") and decides about panning itself.
      const cdp = await page.context().newCDPSession(page);
      const drag = async (dx, dy) => {
        const r = await page.locator(".tour-card .tour-title").boundingBox();
        const x0 = r.x + r.width / 2 - dx / 2;
        const y0 = r.y + r.height / 2 - dy / 2;
        await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: x0, y: y0 }] });
        for (let i = 1; i <= 6; i++) {
          await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x0 + (dx * i) / 6, y: y0 + (dy * i) / 6 }] });
        }
        await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      };
      const at = (pos) => page.waitForSelector(`.tour-card[data-tour-pos="${pos}"]`, { timeout: 5000 });
      await drag(-160, 0); // right to left: next
      await at("4");
      await drag(-160, 0);
      await at("5");
      await drag(160, 0); // left to right: previous
      await at("4");
      // Too short, or mostly vertical: no step. (The next real swipe lands one step on.)
      await drag(-20, 0);
      await drag(-60, 80);
      await drag(-160, 0);
      await at("5");
      await untilAddress(page, (u) => u.searchParams.get("tour") === "5", "tour=5");
      // A mouse drag is not a swipe (it selects text).
      const r = await page.locator(".tour-card .tour-title").boundingBox();
      await page.mouse.move(r.x + r.width - 10, r.y + r.height / 2);
      await page.mouse.down();
      await page.mouse.move(r.x + 10, r.y + r.height / 2, { steps: 6 });
      await page.mouse.up();
      await drag(160, 0);
      await at("4");
    });
  });

  test("prefers-reduced-motion: a step's view is shown at once; otherwise the map moves over several frames", async () => {
    for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.mobile]) {
      for (const reduce of [true, false]) {
        const options = { viewport, contextOptions: { reducedMotion: reduce ? "reduce" : "no-preference" } };
        await onPage(app, "?lang=en&tour=6", options, async ({ page }) => {
          await page.waitForSelector('.tour-card[data-tour-pos="6"]');
          await settled(page);
          // Each frame's view as painted: read after the frame's animation callbacks
          // and their reactive updates (a message posted from requestAnimationFrame).
          await page.evaluate(() => {
            window.__frames = [];
            const svg = document.querySelector("svg.map");
            const channel = new MessageChannel();
            channel.port1.onmessage = () =>
              window.__frames.push([document.querySelector(".tour-card")?.dataset.tourPos, svg.getAttribute("viewBox")]);
            const loop = () => {
              channel.port2.postMessage(0);
              requestAnimationFrame(loop);
            };
            requestAnimationFrame(loop);
          });
          const start = await page.evaluate(() => document.querySelector("svg.map").getAttribute("viewBox"));
          await page.locator(".tour-next").click();
          await page.waitForSelector('.tour-card[data-tour-pos="7"]');
          await settled(page);
          const end = await page.evaluate(() => document.querySelector("svg.map").getAttribute("viewBox"));
          const frames = (await page.evaluate(() => window.__frames)).filter(([pos]) => pos === "7").map(([, vb]) => vb);
          const label = `${viewport.width}px, ${reduce ? "reduce" : "no preference"}: ${JSON.stringify(frames.slice(0, 6))}`;
          assert.notEqual(start, end, "the step moves the map");
          assert.ok(frames.length > 0, label);
          if (reduce) {
            assert.equal(frames[0], end, `the first frame shows the step's view: ${label}`);
            assert.deepEqual([...new Set(frames)], [end], `no frame in between: ${label}`);
          } else {
            const between = new Set(frames.filter((vb) => vb !== end && vb !== start));
            assert.ok(between.size >= 5, `several frames in between (${between.size}): ${label}`);
          }
        });
      }
    }
  });

  test("a step is a link (also embedded); Back walks the steps; language and Escape mid-tour; axe-clean", async () => {
    // 320×640: a short map whose lower part the caption sheet covers.
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }, { width: 320, height: 640 }]) {
      await onPage(app, "?lang=en&tour=7", { viewport }, async ({ page }) => {
        await page.waitForSelector('.tour-card[data-tour-step="belt:tourism"]');
        await settled(page);
        const belt = await page.evaluate(() => {
          const m = document.querySelector(".map-wrap").getBoundingClientRect();
          const c = document.querySelector(".tour-card").getBoundingClientRect();
          const b = document.querySelector('svg.map [data-belt="tourism"]').getBoundingClientRect();
          const bottom = Math.min(m.bottom, innerHeight, c.left < m.right && c.top < m.bottom ? c.top : Infinity);
          const ok = b.left >= m.left - 1 && b.right <= m.right + 1 && b.top >= m.top - 1 && b.bottom <= bottom + 1;
          return { ok, map: [m.left, m.top, m.right, m.bottom], card: c.top, belt: [b.left, b.top, b.right, b.bottom] };
        });
        assert.ok(belt.ok, `the belt is shown clear of the caption at ${viewport.width}: ${JSON.stringify(belt)}`);
        const violations = await runAxe(page);
        assert.deepEqual(violations.map((v) => v.id), [], formatViolations(violations));
        if (viewport.width === 390) await screenshot(page, "tour-step-7");
        await page.locator(".tour-next").click();
        await page.waitForSelector('.tour-card[data-tour-step="belt:pharma"]');
        // The address follows just after the paint: Back from the step's own entry.
        await untilAddress(page, (u) => u.searchParams.get("tour") !== "7", "the next step");
        await page.goBack();
        await page.waitForSelector('.tour-card[data-tour-step="belt:tourism"]');
        await page.locator(".lang-switch").click();
        await page.waitForFunction(() => document.querySelector(".tour-title").textContent.includes("长春"));
        await untilAddress(page, (u) => u.searchParams.get("tour") === "7", "tour=7");
        await page.locator(".tour-title").focus();
        await page.keyboard.press("Escape");
        await page.waitForSelector(".tour-card", { state: "detached" });
        await untilAddress(page, (u) => u.searchParams.get("tour") === null, "no tour");
      });
    }
    await onPage(app, "?embed=1&tour=3&lang=zh", async ({ page }) => {
      await page.waitForSelector('.tour-card[data-tour-step="cluster:changchun-jilin"]');
      assert.ok(await page.locator(".tour-card").isVisible());
    });
  });
  for (const [viewport, langs] of [[{ width: 320, height: 640 }, ["en", "zh"]], [VIEWPORTS.desktop, ["en"]]]) {
    test(`every tour step and task is axe-clean and shows its target in the map, clear of the caption and the panels, at ${viewport.width}×${viewport.height} in ${langs.join(" and ")}`, async () => {
      // One page: the steps by Next, the tasks one by one by the step's own button.
      await onPage(app, `?lang=${langs[0]}&tour=1`, { viewport }, async ({ page }) => {
        for (const lang of langs) {
          if (lang === "zh") {
            await page.goto(new URL("?lang=zh&tour=1", page.url()).href);
            await page.waitForSelector(READY_SELECTOR);
          }
          const positions = [...tour.steps.map((_, i) => String(i + 1))];
          const tasksAt = tour.steps.findIndex((st) => st.id === "tasks") + 1;
          for (let k = 1; k <= plan.tasks.length; k++) positions.push(`${tasksAt}.${k}`);
          for (const [i, pos] of positions.entries()) {
            if (i > 0) {
              if (pos === `${tasksAt}.1`) {
                await page.goto(new URL(`?lang=${lang}&tour=${tasksAt}`, page.url()).href);
                await page.waitForSelector(READY_SELECTOR);
                await page.locator(".tour-each").click();
              } else await page.locator(".tour-next").click();
            }
            await page.waitForSelector(`.tour-card[data-tour-pos="${pos}"]`);
            await settled(page);
            // What the step is about: its lit features, else the layers it draws (but
            // the context and the names around).
            const r = await page.evaluate(() => {
              const box = (el) => el.getBoundingClientRect();
              let parts = [...document.querySelectorAll("svg.map .is-lit")].map(box).filter((b) => b.width > 0);
              if (parts.length === 0)
                parts = [...document.querySelectorAll('svg.map [data-layer]:not([data-layer="context"]):not([data-layer="labels"])')]
                  .filter((g) => g.getAttribute("display") !== "none")
                  .map(box)
                  .filter((b) => b.width > 0);
              const t = {
                left: Math.min(...parts.map((b) => b.left)),
                top: Math.min(...parts.map((b) => b.top)),
                right: Math.max(...parts.map((b) => b.right)),
                bottom: Math.max(...parts.map((b) => b.bottom)),
              };
              const m = box(document.querySelector(".map-wrap"));
              const card = box(document.querySelector(".tour-card"));
              const over = card.left < m.right && card.right > m.left; // a bottom sheet over the map
              const free = { left: m.left, top: Math.max(m.top, 0), right: m.right, bottom: Math.min(m.bottom, over ? card.top : Infinity, innerHeight) };
              const inside = t.left >= free.left - 1 && t.top >= free.top - 1 && t.right <= free.right + 1 && t.bottom <= free.bottom + 1;
              // No panel over the map (zoom buttons, extents, an open layer list) covers it.
              const covering = [...document.querySelectorAll("[data-overlay]:not(.tour-card)")]
                .map((el) => [el.className, box(el)])
                .filter(([, b]) => b.width > 0 && b.left < t.right - 1 && b.right > t.left + 1 && b.top < t.bottom - 1 && b.bottom > t.top + 1)
                .map(([c]) => String(c));
              return { inside, covering, target: t, free, freeHeight: free.bottom - free.top, sideways: document.documentElement.scrollWidth - innerWidth };
            });
            assert.ok(r.inside, `${lang} ${pos}: the target above the caption sheet: ${JSON.stringify(r)}`);
            assert.deepEqual(r.covering, [], `${lang} ${pos}: the target under a panel: ${JSON.stringify(r)}`);
            assert.ok(r.freeHeight >= 250, `${lang} ${pos}: only ${r.freeHeight}px of map above the sheet`);
            assert.ok(r.sideways <= 0, `${lang} ${pos}: scrolls sideways by ${r.sideways}px`);
            const violations = await runAxe(page);
            assert.deepEqual(violations.map((v) => v.id), [], `${lang} ${pos}: ${formatViolations(violations)}`);
            if (["1", "4", "12", `${tasksAt}.3`].includes(pos)) await screenshot(page, `tour-${viewport.width}-${lang}-${pos}`, { fullPage: false });
          }
        }
      });
    });
  }

  test("on a phone a selected task has its sheet (both languages), clear of the map's selection; not on wide screens", async () => {
    for (const lang of ["en", "zh"]) {
      await onPage(app, `?lang=${lang}`, { viewport: VIEWPORTS.mobile }, async ({ page }) => {
        const task = plan.tasks[2];
        await page.locator(`[data-item="task:${task.id}"]`).click();
        const sheet = page.locator(`.dock .details-task[data-details="task:${task.id}"]`);
        await sheet.waitFor();
        await settled(page);
        const text = await sheet.innerText();
        assert.ok(text.includes(task.name[lang]), text);
        assert.ok(text.includes(task.name[lang === "en" ? "zh" : "en"]), text);
        const r = await page.evaluate(() => {
          const s = document.querySelector(".details-task").getBoundingClientRect();
          const m = document.querySelector(".map-wrap").getBoundingClientRect();
          const lit = [...document.querySelectorAll("svg.map .is-lit")].map((e) => e.getBoundingClientRect()).filter((b) => b.width > 0);
          const clear = lit.every((b) => b.top >= Math.max(m.top, 0) - 1 && b.bottom <= Math.min(s.top, m.bottom) + 1);
          return { bottom: s.bottom, height: s.height, clear, lit: lit.length, fixed: getComputedStyle(document.querySelector(".details-task")).position };
        });
        assert.equal(r.fixed, "fixed", JSON.stringify(r));
        assert.ok(Math.abs(r.bottom - VIEWPORTS.mobile.height) <= 1, `a bottom sheet: ${JSON.stringify(r)}`);
        assert.ok(r.lit > 0 && r.clear, `the task's map reading above the sheet: ${JSON.stringify(r)}`);
        const violations = await runAxe(page);
        assert.deepEqual(violations.map((v) => v.id), [], formatViolations(violations));
        await screenshot(page, `task-sheet-${lang}`, { fullPage: false });
        // Its close button clears the selection.
        await sheet.locator(".details-close").click();
        await sheet.waitFor({ state: "detached" });
        await untilAddress(page, (u) => u.searchParams.get("focus") === null, "no focus");
      });
    }
    await onPage(app, "?lang=en&focus=task:3", async ({ page }) => {
      await page.waitForSelector(".details-task", { state: "attached" });
      assert.equal(await page.locator(".details-task").isVisible(), false, "beside the map, the panel item is the text");
    });
  });

  test("the layer list follows the map's own size (a narrower side column, no window resize) and a turned phone", async () => {
    await onPage(app, "?lang=zh", { viewport: { width: 1920, height: 1080 } }, async ({ page }) => {
      await page.waitForFunction(() => document.querySelector(".layer-panel").open);
      // The side column takes most of the width: the map narrows with no window resize.
      await page.evaluate(() => {
        document.querySelector(".main").style.setProperty("grid-template-columns", "minmax(0, 1fr) 1450px");
      });
      await page.waitForFunction(() => !document.querySelector(".layer-panel").open);
      await settled(page);
      let r = await areaClear(page);
      assert.ok(r.inside, JSON.stringify(r));
      assert.deepEqual(r.covering, [], JSON.stringify(r));
      await page.evaluate(() => document.querySelector(".main").style.removeProperty("grid-template-columns"));
      await page.waitForFunction(() => document.querySelector(".layer-panel").open);
      await settled(page);
      r = await areaClear(page);
      assert.ok(r.inside, JSON.stringify(r));
      assert.deepEqual(r.covering, [], JSON.stringify(r));
    });
    await onPage(app, "?lang=en", { viewport: { width: 390, height: 844 }, contextOptions: { isMobile: true, hasTouch: true } }, async ({ page, context }) => {
      assert.equal(await page.evaluate(() => document.querySelector(".layer-panel").open), false);
      // The phone turned: a new size and orientation, and the events a turn fires.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setDeviceMetricsOverride", {
        width: 844, height: 390, deviceScaleFactor: 1, mobile: true, screenOrientation: { type: "landscapePrimary", angle: 90 },
      });
      await page.setViewportSize({ width: 844, height: 390 });
      await page.evaluate(() => window.dispatchEvent(new Event("orientationchange")));
      await page.waitForFunction(() => document.querySelector(".layer-panel").open);
      await settled(page);
      // The map is brought up to the top of the screen (as a reader would scroll).
      await page.evaluate(() => scrollTo(0, scrollY + document.querySelector(".map-wrap").getBoundingClientRect().top));
      let r = await areaClear(page);
      assert.ok(r.inside, `844×390: ${JSON.stringify(r)}`);
      assert.deepEqual(r.covering, [], `844×390: ${JSON.stringify(r)}`);
      await screenshot(page, "turned-phone", { fullPage: false });
      await cdp.send("Emulation.setDeviceMetricsOverride", {
        width: 390, height: 844, deviceScaleFactor: 1, mobile: true, screenOrientation: { type: "portraitPrimary", angle: 0 },
      });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => !document.querySelector(".layer-panel").open);
      await page.evaluate(() => scrollTo(0, 0));
      await settled(page);
      r = await areaClear(page);
      assert.ok(r.inside, `390×844: ${JSON.stringify(r)}`);
      assert.deepEqual(r.covering, [], `390×844: ${JSON.stringify(r)}`);
    });
  });
});
