// Sharing and embed mode, end to end in the release build under the strict CSP: the
// Share dialog (copy link with the Clipboard API and its fallback, the system share
// sheet, the embed code) in both languages, links that reproduce a state in a fresh
// browser, the compact embed mode from 300 to 1200 px, the messages an embed sends to
// its parent, and the page without JavaScript or without a working wasm.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CSP,
  READY_SELECTOR,
  appForSuite,
  assertNoProblems,
  formatViolations,
  onPage,
  openLayerList,
  openApp,
  runAxe,
  screenshot,
} from "./harness.mjs";

const WORDS = {
  zh: { share: "分享", copied: "已复制到剪贴板。", byHand: "浏览器不允许自动复制", full: "打开完整版", title: "长春都市圈规划地图" },
  en: {
    share: "Share",
    copied: "Copied to the clipboard.",
    byHand: "This browser did not allow copying",
    full: "Open full view",
    title: "Map of the Changchun Metropolitan Area plan",
  },
};

/** Waits until the address bar has not changed for 600 ms (the camera settles after a
 * layer change, and the bar follows it 250 ms later). */
async function settled(page) {
  await page.waitForFunction(
    () => {
      const now = performance.now();
      if (window.__lastSearch !== location.search) {
        window.__lastSearch = location.search;
        window.__lastChange = now;
        return false;
      }
      return now - window.__lastChange > 600;
    },
    null,
    { polling: 100 },
  );
}

async function openShare(page) {
  await page.locator(".share-button").click();
  await page.locator(".share-dialog[open] #share-link").waitFor();
  return page.locator(".share-dialog");
}

describe("share and embed", () => {
  const app = appForSuite({ headers: { "Content-Security-Policy": CSP } });

  test("an open Share dialog follows a language change made behind it (Back)", () =>
    onPage(app, "?lang=en", async ({ page }) => {
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
      await page.locator(".share-button").click();
      const title = page.locator(".share-dialog[open] #share-title");
      await title.waitFor();
      const zh = await title.innerText();
      await page.goBack();
      await page.waitForFunction((was) => document.querySelector(".share-dialog[open] #share-title")?.textContent !== was, zh);
      assert.notEqual(await title.innerText(), zh);
      assert.equal(await page.locator(".share-dialog[open] h2").getAttribute("id"), "share-title");
      assert.doesNotMatch(await title.innerText(), /[\u4e00-\u9fff]/, "the title is English again");
    }));

  for (const lang of ["zh", "en"]) {
    const w = WORDS[lang];
    test(`Share dialog in ${lang}: copy link, the link reproduces the view, embed code`, async () => {
      const { page, problems, context, close } = await openApp(app, `?lang=${lang}`, {
        contextOptions: { permissions: ["clipboard-read", "clipboard-write"] },
      });
      try {
        // A state away from the defaults: one belt on, a selection. (The layer list
        // may be folded to its button where the map has no room beside the area.)
        await openLayerList(page);
        await page.locator('[data-toggle="belt:pharma"] input').check();
        await page.locator('[data-toggle="context"] input').uncheck();
        await page.locator(".share-button").getByText(w.share).waitFor();
        await settled(page);
        const dialog = await openShare(page);
        const link = await page.locator("#share-link").inputValue();
        assert.ok(link.startsWith(app.baseUrl + "?lang=" + lang + "&"), link);
        // The link is the address bar's state plus `lang` (this browser prefers English,
        // so the address bar leaves `lang=en` out); the bar follows pan and zoom a moment
        // later, so wait for it to agree.
        const linkQuery = new URL(link).search.slice(1);
        const withoutLang = linkQuery.replace(/^lang=en(&|$)/, "");
        await page.waitForFunction(
          ([a, b]) => [a, b].includes(location.search.slice(1)),
          [linkQuery, withoutLang],
        );
        await dialog.locator('[data-action="copy-link"]').click();
        await page.locator('[data-status="link"]').getByText(w.copied).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

        // The embed code: an iframe titled in this language and the embed.js line.
        const code = page.locator("#embed-code");
        let snippet = await code.inputValue();
        assert.match(snippet, /^<iframe src="[^"]+" title="[^"]+" width="100%" height="\d+" loading="lazy"><\/iframe>\n<script src="[^"]+embed\.js" async><\/script>$/);
        assert.ok(snippet.includes(`title="${w.title}"`), snippet);
        assert.ok(snippet.includes(`src="${app.baseUrl}embed.js"`), snippet);
        assert.ok(snippet.includes("embed=1") && !snippet.includes("panels=1"), snippet);
        await dialog.locator('[data-option="panels"]').check();
        snippet = await code.inputValue();
        assert.ok(snippet.includes("embed=1&amp;panels=1"), snippet);
        await dialog.locator('[data-action="copy-code"]').click();
        await page.locator('[data-status="code"]').getByText(w.copied).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

        const violations = await runAxe(page, { include: [".share-dialog"] });
        console.log(formatViolations(violations));
        assert.deepEqual(violations.map((v) => `${v.impact} ${v.id}`), [], "axe violations of any impact");
        await screenshot(page, `share-dialog-${lang}`);
        await page.keyboard.press("Escape");
        await page.locator(".share-dialog[open]").waitFor({ state: "detached" }).catch(() => {});
        assert.equal(await page.locator(".share-dialog[open]").count(), 0, "Escape closes the dialog");
        assertNoProblems(problems);

        // A fresh browser whose language is the other one opens the same view.
        const other = lang === "zh" ? "en-US" : "zh-CN";
        const fresh = await openApp(app, link.slice(app.baseUrl.length), { contextOptions: { locale: other } });
        try {
          assert.equal(await fresh.page.locator("html").getAttribute("lang"), lang === "zh" ? "zh-CN" : "en");
          assert.ok(await fresh.page.locator('[data-toggle="belt:pharma"] input').isChecked());
          assert.ok(!(await fresh.page.locator('[data-toggle="context"] input').isChecked()));
          await openShare(fresh.page);
          assert.equal(await fresh.page.locator("#share-link").inputValue(), link);
          assertNoProblems(fresh.problems);
        } finally {
          await fresh.close();
        }
      } finally {
        await close();
      }
    });
  }

  test("without the Clipboard API the link is selected with a visible message; Web Share where it exists", async () => {
    await onPage(app, "?lang=en", { waitForReady: false }, async ({ page, problems, context }) => {
      await context.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
        window.__shared = [];
        Navigator.prototype.share = function (data) {
          window.__shared.push(data);
          return Promise.resolve();
        };
      });
      await page.reload();
      await page.waitForSelector(READY_SELECTOR);
      // The reload cut the first load short; only what follows counts.
      for (const list of Object.values(problems)) list.length = 0;
      const dialog = await openShare(page);
      await dialog.locator('[data-action="copy-link"]').click();
      const status = page.locator('[data-status="link"]');
      await status.getByText(WORDS.en.byHand).waitFor();
      assert.ok(await status.isVisible());
      const link = await page.locator("#share-link").inputValue();
      const selection = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value.length };
      });
      assert.deepEqual(selection, { id: "share-link", start: 0, end: link.length, length: link.length });

      await dialog.locator('[data-action="web-share"]').click();
      await page.waitForFunction(() => window.__shared.length === 1);
      const shared = await page.evaluate(() => window.__shared[0]);
      assert.equal(shared.url, link);
      assert.ok(shared.title.includes("Changchun"), shared.title);
    });
  });

  test("without navigator.share there is no Share-via button", async () => {
    const { page, close } = await openApp(app, "?lang=zh");
    try {
      assert.equal(await page.evaluate(() => "share" in navigator), false, "this chromium has no Web Share");
      await openShare(page);
      assert.equal(await page.locator('[data-action="web-share"]').count(), 0);
    } finally {
      await close();
    }
  });

  for (const width of [300, 320, 600, 1200]) {
    test(`embed mode at ${width} px: compact, legend and attribution kept, no scrollbars`, async () => {
      for (const [lang, panels] of [["en", false], ["zh", true]]) {
        const query = `?lang=${lang}&layers=area,belt:pharma&focus=belt:pharma&embed=1${panels ? "&panels=1" : ""}`;
        await onPage(app, query, {
          viewport: { width, height: 700 },
        }, async ({ page, context }) => {
          assert.equal(await page.locator(".app > .header").isVisible(), false, "no page header");
          assert.equal(await page.locator(".facts").isVisible(), false);
          assert.equal(await page.locator(".panels").isVisible(), panels, "panels only with panels=1");
          assert.ok(await page.locator(".legend").isVisible(), "legend kept");
          assert.ok(await page.locator(".legend .attribution").isVisible(), "attribution kept");
          const full = page.locator(".embed-full");
          assert.ok((await full.innerText()).includes(WORDS[lang].full));
          const href = await full.getAttribute("href");
          assert.equal(href, `${app.baseUrl}?lang=${lang}&layers=area,belt:pharma&focus=belt:pharma`);
          assert.equal(await full.getAttribute("target"), "_blank");
          const box = await page.evaluate(() => {
            const d = document.documentElement;
            const map = document.querySelector(".map-wrap").getBoundingClientRect();
            const panels = document.querySelector(".panels").getBoundingClientRect();
            const ctl = document.querySelector(".ctl").getBoundingClientRect();
            const details = document.querySelector(".details");
            return {
              sw: d.scrollWidth,
              cw: d.clientWidth,
              mapBottom: map.bottom,
              mapH: map.height,
              panelsTop: panels.top,
              ctl: ctl.height,
              details: details && { top: details.getBoundingClientRect().top, sh: details.scrollHeight, ch: details.clientHeight },
            };
          });
          // The selection's details sit below the map, whole: nothing to scroll inside them.
          assert.ok(box.details, "the focus's details are shown");
          assert.ok(box.details.top >= box.mapBottom, "details below the map");
          assert.ok(box.details.sh <= box.details.ch + 1, `details not cut (${box.details.sh} > ${box.details.ch})`);
          assert.ok(box.sw <= box.cw, `no horizontal overflow (${box.sw} > ${box.cw})`);
          assert.ok(box.ctl <= 30, `small controls (${box.ctl}px)`);
          assert.ok(box.mapH >= 200, `map is usable (${box.mapH}px high)`);
          if (panels) assert.ok(box.panelsTop >= box.mapBottom, "panels below the map");
          // Its height does not depend on the frame's: a taller window changes nothing.
          const before = await page.locator(".app").evaluate((el) => el.getBoundingClientRect().height);
          await page.setViewportSize({ width, height: 1500 });
          const afterH = await page.locator(".app").evaluate((el) => el.getBoundingClientRect().height);
          assert.equal(afterH, before, "the embed's height follows its width only");
          const violations = await runAxe(page);
          console.log(formatViolations(violations));
          assert.deepEqual(violations.map((v) => `${v.impact} ${v.id}`), [], "axe violations of any impact");
          if (width === 320) {
            await page.setViewportSize({ width, height: Math.ceil(afterH) });
            await screenshot(page, `embed-${lang}${panels ? "-panels" : ""}`);
          }
        });
      }
    });
  }

  test("the embed's link to the full view follows the view it shows, change after change", async () => {
    await onPage(app, "?lang=en&layers=area&embed=1", {}, async ({ page }) => {
      const href = () => page.locator(".embed-full").getAttribute("href");
      assert.equal(await href(), `${app.baseUrl}?lang=en&layers=area`);
      for (const on of [true, false, true]) {
        await page.locator('[data-toggle="corridor"] input').evaluate((i) => i.click());
        await page.waitForFunction(
          (on) => document.querySelector(".embed-full").getAttribute("href").includes("corridor") === on,
          on,
        );
        assert.ok(!(await href()).includes("embed"), await href());
      }
    });
  });

  test("an embedded dashboard posts its height and state to the parent, and listens to no message", async () => {
    // A parent page on the same server: the demo, its iframes' messages logged.
    await onPage(app, "embed-demo.html", { waitForReady: false }, async ({ page, problems, context }) => {
      const frame = page.frameLocator("#plan-en");
      await frame.locator(READY_SELECTOR).waitFor();
      const messages = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const got = [];
            const iframe = document.getElementById("plan-en");
            window.addEventListener("message", (e) => {
              if (e.source === iframe.contentWindow) got.push(e.data);
            });
            // A resize of the frame brings a fresh height message.
            iframe.style.width = "900px";
            setTimeout(() => resolve(got), 1500);
          }),
      );
      const heights = messages.filter((m) => m.type === "height");
      assert.ok(heights.length >= 1, JSON.stringify(messages));
      for (const m of messages) {
        assert.equal(m.source, "metro-plan");
        if (m.type === "height") assert.deepEqual(Object.keys(m).sort(), ["height", "source", "type"]);
        else {
          assert.equal(m.type, "state");
          assert.deepEqual(Object.keys(m).sort(), ["query", "source", "type"]);
        }
      }
      // State messages: after a change inside the frame.
      const stateMessage = page.evaluate(
        () =>
          new Promise((resolve) => {
            const iframe = document.getElementById("plan-en");
            window.addEventListener("message", (e) => {
              if (e.source === iframe.contentWindow && e.data.type === "state") resolve(e.data);
            });
          }),
      );
      await openLayerList(frame);
      await frame.locator('[data-toggle="corridor"] input').check();
      const state = await stateMessage;
      assert.match(state.query, /^lang=en&layers=area,belts?[^&]*corridor.*&embed=1&panels=1$/);

      // The dashboard has no message listener (CDP lists the window's listeners).
      const cdp = await context.newCDPSession(page);
      assertNoProblems(problems);
      await page.goto(app.baseUrl + "?lang=en&embed=1");
      await page.waitForSelector(READY_SELECTOR);
      // Leaving the demo may cut its last requests short.
      problems.failedRequests = problems.failedRequests.filter((f) => !f.endsWith("net::ERR_ABORTED"));
      const { result } = await cdp.send("Runtime.evaluate", { expression: "window" });
      const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
      assert.deepEqual(listeners.filter((l) => l.type === "message"), []);
    });
  });

  test("without JavaScript the page says what the plan is and that the map needs it", async () => {
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(app.baseUrl);
      const text = await page.locator("body").innerText();
      assert.ok(text.includes("29,700 km²") && text.includes("1351"), text);
      assert.ok(text.includes("规划范围 29,700 平方公里"), text);
      assert.ok(text.includes("needs JavaScript") && text.includes("需要启用 JavaScript"), text);
    } finally {
      await context.close();
    }
  });

  for (const [label, setup, reason] of [
    ["the wasm is blocked", (ctx) => ctx.route(/metro-plan_bg\.wasm/, (r) => r.abort("blockedbyclient")), /fetch|Failed|load/i],
    ["the wasm is missing", (ctx) => ctx.route(/metro-plan_bg\.wasm/, (r) => r.fulfill({ status: 404, body: "no" })), /./],
    ["the browser has no WebAssembly", (ctx) => ctx.addInitScript(() => delete window.WebAssembly), /WebAssembly/],
  ]) {
    test(`when ${label}, the reader gets the plan's summary, the reason and a Retry that works`, async () => {
      const context = await app.browser.newContext();
      try {
        await setup(context);
        const page = await context.newPage();
        await page.goto(app.baseUrl + "?lang=en");
        const box = page.locator('.boot-error[role="alert"]');
        await box.waitFor();
        const text = await box.innerText();
        assert.ok(text.includes("29,700 km²") && text.includes("规划范围 29,700 平方公里"), text);
        assert.match(await box.locator(".boot-reason").innerText(), reason);
        assert.ok(!text.includes("needs JavaScript"), "the reason is not 'JavaScript is off'");
        await context.unrouteAll();
        await context.close();
      } catch (err) {
        await context.close();
        throw err;
      }
    });
  }

  test("if the running app traps (a panic in the release wasm), the reader gets the reason and a Retry", async () => {
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(app.baseUrl + "?lang=en");
      await page.waitForSelector(READY_SELECTOR);
      // Other errors are the console's business, not a reason to cover the page.
      await page.evaluate(() => setTimeout(() => { throw new Error("not the wasm"); }));
      // scripts/build-release.sh builds with panic=immediate-abort: a panic is this trap.
      await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError("unreachable"); }));
      const box = page.locator('.boot-error[role="alert"]');
      await box.waitFor();
      assert.match(await box.locator(".boot-reason").innerText(), /The map stopped on an internal error: unreachable/);
      assert.equal(await page.locator(".boot-error").count(), 1);
      await Promise.all([page.waitForEvent("load"), box.locator(".boot-retry").click()]);
      await page.waitForSelector(READY_SELECTOR);
      assert.equal(await page.locator(".boot-error").count(), 0);
    } finally {
      await context.close();
    }
  });

  test("Retry starts the app once the wasm can load", async () => {
    const context = await app.browser.newContext();
    try {
      let block = true;
      await context.route(/metro-plan_bg\.wasm/, (r) => (block ? r.abort("blockedbyclient") : r.continue()));
      const page = await context.newPage();
      await page.goto(app.baseUrl + "?lang=zh");
      await page.locator(".boot-retry").waitFor();
      block = false;
      await page.locator(".boot-retry").click();
      await page.waitForSelector(READY_SELECTOR);
      assert.equal(await page.locator(".boot-error").count(), 0);
    } finally {
      await context.close();
    }
  });
});
