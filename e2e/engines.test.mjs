// The same short smoke in the three browser engines readers use: Blink (Debian's
// chromium, playwright-core), Gecko (Firefox ESR, puppeteer-core over WebDriver BiDi)
// and WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, selenium-webdriver,
// under a virtual X display). Each loads the release build under the sub-path in both
// languages, waits for `data-ready`, selects a unit by clicking it, switches a layer
// off, opens a deep link, opens the share dialog and the table view (code loaded on first
// use, from wasm chunks), runs the embed demo (frames sized by embed.js, state kept in
// the page's hash across a fresh load), and checks that nothing was reported as an error.
//
// Errors are caught the same way in every engine: the test serves a copy of dist/
// whose page loads `probe.js` (a classic script, before the app's module) that records
// `console.error`, uncaught errors, rejections and failed resource loads. The full
// suite runs on chromium only; this file keeps the other engines honest.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { Builder, Origin } from "selenium-webdriver";
import { BASE_PATH, CHROMIUM, CHROMIUM_ARGS, DIST, READY_SELECTOR, VIEWPORTS, freePort } from "./harness.mjs";
import { startServer } from "./serve.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const WINDOW = VIEWPORTS.desktop;
const TIMEOUT = 30_000;

const PROBE = `// Test-only: records what a reader's console would show as an error.
window.__problems = [];
(function () {
  var record = function (text) { window.__problems.push(String(text)); };
  var original = console.error;
  console.error = function () {
    record("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) record("failed to load " + (t.src || t.href));
    else record("error: " + e.message);
  }, true);
  window.addEventListener("unhandledrejection", function (e) { record("unhandled rejection: " + e.reason); });
})();
`;

/** A copy of dist/ whose page loads the error probe first. */
async function probedDist() {
  const dir = await mkdtemp(join(tmpdir(), "engines-dist-"));
  await cp(DIST, dir, { recursive: true });
  const index = join(dir, "index.html");
  const html = await readFile(index, "utf8");
  const withProbe = html.replace(/<script\b/, '<script src="./probe.js"></script><script');
  assert.notEqual(withProbe, html, "index.html has a <script> to put the probe before");
  await writeFile(index, withProbe);
  await writeFile(join(dir, "probe.js"), PROBE);
  return dir;
}

/** Polls `check` until it returns a truthy value (or throws after `timeout` ms). */
async function until(what, check, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// In-page helpers, passed as source text so that every driver can evaluate them.
const JS = {
  ready: `return !!document.querySelector(${JSON.stringify(READY_SELECTOR)})`,
  problems: `return window.__problems || ["the error probe did not run"]`,
  summary: `return JSON.stringify({
    lang: document.documentElement.lang,
    h1: (document.querySelector("h1") || {}).textContent || "",
    search: location.search,
    details: (document.querySelector(".details") || { dataset: {} }).dataset.details || null,
  })`,
  // A point inside the element (not just inside its box) where it is the topmost target.
  pointIn: (selector) => `
    var el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return null;
    el.scrollIntoView({ block: "center" });
    var r = el.getBoundingClientRect();
    for (var i = 1; i < 12; i++) for (var j = 1; j < 12; j++) {
      var x = r.left + r.width * i / 12, y = r.top + r.height * j / 12;
      var hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) return JSON.stringify([Math.round(x), Math.round(y)]);
    }
    return null;`,
  hidden: (selector) => `
    var el = document.querySelector(${JSON.stringify(selector)});
    return !!el && (el.getAttribute("display") === "none" || getComputedStyle(el).display === "none");`,
  // The embed demo (same origin here, so the page can look into its frames).
  frame: (id, body) => `
    var f = document.getElementById(${JSON.stringify(id)});
    if (!f) return null;
    f.scrollIntoView({ block: "center" });
    var d = f.contentDocument;
    if (!d || !d.querySelector(${JSON.stringify(READY_SELECTOR)})) return null;
    ${body}`,
  shown: (selector) => `
    var el = document.querySelector(${JSON.stringify(selector)});
    return !!el && el.getAttribute("display") !== "none" && getComputedStyle(el).display !== "none";`,
};

/** The four operations on a page of playwright-core or puppeteer-core (same API for these). */
const puppeteerLike = (browser, page) => ({
  goto: (url) => page.goto(url),
  run: (body) => page.evaluate(`(function () { ${body} })()`),
  clickAt: ([x, y]) => page.mouse.click(x, y),
  close: () => browser.close(),
});

/** Each engine as the same four operations. */
const ENGINES = {
  async chromium() {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    return puppeteerLike(browser, await browser.newPage({ viewport: WINDOW }));
  },
  async firefox() {
    const browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      protocol: "webDriverBiDi",
      defaultViewport: WINDOW,
      extraPrefsFirefox: { "network.proxy.type": 0, "app.update.enabled": false },
    });
    return puppeteerLike(browser, await browser.newPage());
  },
  async webkit() {
    const port = await freePort();
    // MiniBrowser has no headless mode: the driver runs under a virtual X display.
    const driverProcess = spawn("xvfb-run", ["-a", "-s", "-screen 0 1400x1000x24", WEBKIT_DRIVER, `--port=${port}`], {
      detached: true,
      stdio: "ignore",
    });
    const stop = () => {
      try {
        process.kill(-driverProcess.pid, "SIGTERM");
      } catch {
        // already gone
      }
    };
    try {
      await until("WebKitWebDriver", async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok);
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        })
        .build();
      await driver.manage().window().setRect(WINDOW);
      return {
        goto: (url) => driver.get(url),
        run: (body) => driver.executeScript(body),
        clickAt: ([x, y]) => driver.actions().move({ x, y, origin: Origin.VIEWPORT }).click().perform(),
        close: async () => {
          await driver.quit().catch(() => {});
          stop();
        },
      };
    } catch (err) {
      stop();
      throw err;
    }
  },
};

describe("the same smoke in Chromium, Firefox ESR and WebKitGTK", () => {
  let dir;
  let server;
  before(async () => {
    dir = await probedDist();
    server = await startServer({ root: dir, base: BASE_PATH });
  });
  after(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const [name, launch] of Object.entries(ENGINES)) {
    test(name, { timeout: 180_000 }, async () => {
      const b = await launch();
      const open = async (query) => {
        await b.goto(new URL(query, server.url).href);
        await until(`${name}: data-ready at ${query}`, () => b.run(JS.ready));
        return JSON.parse(await b.run(JS.summary));
      };
      const noProblems = async (where) => assert.deepEqual(await b.run(JS.problems), [], `${name}: ${where}`);
      try {
        // Both languages.
        let s = await open("?lang=zh");
        assert.equal(s.lang, "zh-CN");
        assert.equal(s.h1, "长春都市圈发展规划");
        await noProblems("zh");
        s = await open("?lang=en");
        assert.equal(s.lang, "en");
        assert.equal(s.h1, "Development Plan for the Changchun Metropolitan Area");
        await noProblems("en");

        // A click on a unit selects it and shows its details.
        const unit = '[data-layer="area"] [data-adcode="220122"]';
        const point = JSON.parse(await until(`${name}: a clickable point in Nong'an`, () => b.run(JS.pointIn(unit))));
        await b.clickAt(point);
        s = await until(`${name}: details of Nong'an`, async () => {
          const now = JSON.parse(await b.run(JS.summary));
          return now.details === "220122" && now;
        });
        // The address follows just after the paint (issue 12).
        s = await until(`${name}: the address with the selection`, async () => {
          const now = JSON.parse(await b.run(JS.summary));
          return /focus=220122/.test(now.search) && now;
        });
        assert.match(s.search, /focus=220122/);

        // A layer switch hides its layer.
        assert.ok(await b.run(JS.shown('[data-layer="sphere"]')), `${name}: sphere layer shown at first`);
        // The layer list may be folded to its button where the map is narrow.
        if (!(await b.run(`return document.querySelector("details.layer-panel").open`))) {
          await b.clickAt(JSON.parse(await until(`${name}: the layer button`, () => b.run(JS.pointIn(".layer-panel summary")))));
        }
        const toggle = JSON.parse(await until(`${name}: the sphere switch`, () => b.run(JS.pointIn('[data-toggle="sphere"]'))));
        await b.clickAt(toggle);
        await until(`${name}: sphere layer hidden`, () => b.run(JS.hidden('[data-layer="sphere"]')));
        await noProblems("after clicks");

        // A deep link restores its state.
        s = await open("?lang=en&layers=area,belt:pharma&focus=belt:pharma");
        // The details card's code is a chunk loaded on first use: it may come just after ready.
        s = await until(`${name}: details of the pharma belt`, async () => {
          const now = JSON.parse(await b.run(JS.summary));
          return now.details === "belt:pharma" && now;
        });
        assert.equal(s.details, "belt:pharma");
        assert.ok(await b.run(JS.shown('[data-belt="pharma"]')), `${name}: pharma belt shown`);
        assert.ok(await b.run(JS.hidden('[data-belt="tourism"]')), `${name}: tourism belt hidden`);
        assert.ok(await b.run(JS.hidden('[data-layer="sphere"]')), `${name}: sphere layer hidden`);
        await noProblems("deep link");

        // Code loaded on first use (wasm chunks, docs/performance.md "Where the bytes are"): the share
        // dialog (its chunk and the two it shares code with) and the table view.
        await b.clickAt(JSON.parse(await until(`${name}: the Share button`, () => b.run(JS.pointIn(".share-button")))));
        await until(`${name}: the share dialog with the link`, () =>
          b.run(`var i = document.querySelector(".share-dialog[open] #share-link"); return !!i && i.value.indexOf("/portal/plan/") > 0;`),
        );
        await b.clickAt(JSON.parse(await until(`${name}: the dialog's close button`, () => b.run(JS.pointIn(".share-dialog .dialog-close")))));
        await until(`${name}: the dialog closed`, () => b.run(`return !document.querySelector(".share-dialog[open]")`));
        await b.clickAt(JSON.parse(await until(`${name}: the table switch`, () => b.run(JS.pointIn('[data-view-switch="table"]')))));
        await until(`${name}: the table view's rows`, () => b.run(`return document.querySelectorAll('[data-table="units"] tbody tr').length === 30`));
        await noProblems("chunks loaded on first use");

        // embed.js: each frame of the demo sized to its content (no inner scrollbar); a
        // state change inside a frame reaches the page's hash, and a fresh load of the page
        // with that hash restores it.
        await b.goto(new URL("embed-demo.html", server.url).href);
        for (const id of ["plan-zh", "plan-en"]) {
          await until(`${name}: ${id} sized to its content`, () =>
            b.run(
              JS.frame(
                id,
                `var h = parseFloat(f.style.height);
                 return h > 200 && d.documentElement.scrollHeight <= f.clientHeight + 1 && Math.abs(h - d.documentElement.scrollHeight) <= 2;`,
              ),
            ),
          );
        }
        await until(`${name}: corridor switched on in the English frame`, () =>
          b.run(JS.frame("plan-en", `var i = d.querySelector('[data-toggle="corridor"] input'); if (!i.checked) i.click(); return i.checked;`)),
        );
        const hash = await until(`${name}: the state in the page's hash`, () =>
          b.run(`return /(^|&)plan-en=[^&]*corridor/.test(location.hash.slice(1)) && location.hash`),
        );
        await b.goto("about:blank");
        await b.goto(new URL(`embed-demo.html${hash}`, server.url).href);
        await until(`${name}: the English frame restored from the hash`, () =>
          b.run(JS.frame("plan-en", `return d.querySelector('[data-toggle="corridor"] input').checked && f.src.indexOf("corridor") > 0;`)),
        );
        assert.equal(await b.run("return location.hash"), hash, `${name}: the hash kept`);
        for (const id of ["plan-zh", "plan-en"]) {
          const problems = await until(`${name}: ${id} ready after the fresh load`, () =>
            b.run(JS.frame(id, `return f.contentWindow.__problems || ["the error probe did not run"];`)),
          );
          assert.deepEqual(problems, [], `${name}: problems in ${id}`);
        }
      } finally {
        await b.close();
      }
    });
  }
});
