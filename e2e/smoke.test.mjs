// Smoke tests of the release build, served from a portal-like sub-path.

import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { describe, test } from "node:test";
import { VIEWPORTS, appForSuite, assertNoViolations, onPage, openApp, runAxe, screenshot } from "./harness.mjs";

const NAME_ZH = "长春都市圈发展规划";
const NAME_EN = "Development Plan for the Changchun Metropolitan Area";

describe("release build under a sub-path", () => {
  const app = appForSuite();

  test("the static server serves dist/ only under the sub-path", async () => {
    const bare = await fetch(app.baseUrl.slice(0, -1), { redirect: "manual" });
    assert.equal(bare.status, 301);
    assert.equal(new URL(bare.headers.get("location"), app.baseUrl).href, app.baseUrl);

    const index = await fetch(app.baseUrl);
    assert.equal(index.status, 200);
    assert.match(index.headers.get("content-type"), /^text\/html/);

    const wasm = await fetch(new URL("metro-plan_bg.wasm", app.baseUrl));
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");

    const js = await fetch(new URL("loader.js", app.baseUrl));
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type"), /^text\/javascript/);

    assert.equal((await fetch(new URL("/index.html", app.baseUrl))).status, 404);
    assert.equal((await fetch(app.baseUrl + "..%2f..%2fCargo.toml")).status, 404);
  });

  test("the app renders the plan's name in Chinese and English", async () => {
    const { page, close } = await openApp(app);
    try {
      // index.html has only a <noscript> summary: this header comes from the wasm app,
      // the title in the current language with the other language beneath it.
      const header = await page.locator(".app header").innerText();
      assert.ok(header.includes(NAME_ZH), `header lacks the Chinese name: ${header}`);
      assert.ok(header.includes(NAME_EN), `header lacks the English name: ${header}`);
      assert.ok([NAME_ZH, NAME_EN].includes(await page.locator(".app h1").innerText()));
    } finally {
      await close();
    }
  });

  for (const [label, viewport] of Object.entries(VIEWPORTS)) {
    test(`loads cleanly at ${label} size (${viewport.width}x${viewport.height}) and takes a screenshot`, async () => {
      await onPage(app, "", { viewport }, async ({ page }) => {
        await page.waitForLoadState("networkidle");
        const path = await screenshot(page, `smoke-${label}`);
        assert.ok(statSync(path).size > 1000, `screenshot ${path} is empty`);
      });
    });
  }

  test("a URL with a query loads cleanly", async () => {
    await onPage(app, "?lang=en&layers=area", async ({ page }) => {
      await page.waitForLoadState("networkidle");
    });
  });

  test("axe-core finds no violation of any impact", async () => {
    const { page, close } = await openApp(app);
    try {
      assertNoViolations(await runAxe(page));
    } finally {
      await close();
    }
  });
});
