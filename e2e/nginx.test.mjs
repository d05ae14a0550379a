// The dashboard behind a REAL nginx with the repository's own config
// (deploy/nginx/metro-plan.conf, changing only its listen port, server_name and dist/
// path), and the embed demo on a SECOND origin, as a portal would host it.
//
// nginx runs as this test's own process (`-p DIR -c FILE`, `daemon off`, one process,
// free ports; pid, logs and temp files in a temp dir). The brotli_static module is
// loaded when installed (Debian: libnginx-mod-http-brotli-static); without it, the
// config's `brotli_static` line is dropped and brotli is not checked.
//
// Asserts: the headers of the config (CSP, caching with the release stamp, precompressed
// files); the dashboard loads through it; the demo on the portal origin has zero
// securitypolicyviolation events, console errors or requests to any third origin; both
// iframes are sized to their content with no inner scrollbar; a state change inside an
// iframe reaches the portal page's hash and survives a reload of the portal page.

import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { ALL_LAYERS, BASE_PATH as BASE, CHUNK_FILE, CHUNK_SHEET_FILE, LATER_FILE, CHROMIUM, CHROMIUM_ARGS, CSP, DIST, READY_SELECTOR, VIEWPORTS, freePort, screenshot, twoFrames } from "./harness.mjs";
import { absolutePreview, MODULES, stamp, stampModule } from "../scripts/stamp-release.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CONF = join(ROOT, "deploy/nginx/metro-plan.conf");
const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const RELEASE = "e2e1";

/** Replaces `from` in `text` exactly once (the config must still contain it). */
function replaceOnce(text, from, to) {
  const parts = text.split(from);
  assert.equal(parts.length, 2, `expected exactly one "${from}" in ${CONF}`);
  return parts.join(to);
}

async function waitForPort(port, nginxLog) {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not listen on ${port}:\n${nginxLog()}`);
}

describe("under nginx with the repository's config, embedded from a second origin", () => {
  let dir, nginx, nginxOutput = "", app, portal, browser, brotli;
  before(async () => {
    assert.ok(existsSync(DIST + "index.html"), "no release build: run `trunk build --release` first");
    dir = mkdtempSync(join(tmpdir(), "metro-plan-nginx-"));
    // dist/ as a release would deploy it: stamped, with precompressed files beside the
    // wasm (made here if the build did not make them).
    const dist = join(dir, "dist");
    cpSync(DIST, dist, { recursive: true });
    writeFileSync(join(dist, "index.html"), stamp(readFileSync(join(dist, "index.html"), "utf8"), RELEASE));
    rmSync(join(dist, "index.html.gz"), { force: true });
    rmSync(join(dist, "index.html.br"), { force: true });
    // The code-split build's JS modules import each other with the stamp too.
    for (const name of MODULES) {
      const path = join(dist, name);
      if (!existsSync(path)) continue;
      writeFileSync(path, stampModule(readFileSync(path, "utf8"), RELEASE));
      rmSync(path + ".gz", { force: true });
      rmSync(path + ".br", { force: true });
    }
    const wasm = readFileSync(join(dist, "metro-plan_bg.wasm"));
    if (!existsSync(join(dist, "metro-plan_bg.wasm.gz"))) writeFileSync(join(dist, "metro-plan_bg.wasm.gz"), gzipSync(wasm));
    if (!existsSync(join(dist, "metro-plan_bg.wasm.br"))) writeFileSync(join(dist, "metro-plan_bg.wasm.br"), brotliCompressSync(wasm));

    const [appPort, portalPort] = [await freePort(), await freePort()];
    app = { port: appPort, origin: `http://127.0.0.1:${appPort}` };
    portal = { port: portalPort, origin: `http://127.0.0.1:${portalPort}` };
    // As `stamp-release.mjs --public-url` writes it: the link preview's image absolute.
    const index = join(dist, "index.html");
    writeFileSync(index, absolutePreview(readFileSync(index, "utf8"), `${app.origin}${BASE}`));

    // The portal: the demo page as a portal would paste it, the dashboard's URLs absolute.
    const portalRoot = join(dir, "portal");
    cpSync(join(dist, "embed-demo.css"), join(portalRoot, "embed-demo.css"));
    cpSync(join(dist, "favicon.svg"), join(portalRoot, "favicon.svg"));
    const demo = readFileSync(join(dist, "embed-demo.html"), "utf8");
    const portalDemo = demo.replaceAll('src="./', `src="${app.origin}${BASE}`);
    assert.equal((portalDemo.match(new RegExp(app.origin, "g")) ?? []).length, 3, "two iframes and embed.js");
    writeFileSync(join(portalRoot, "index.html"), portalDemo);

    // The repository's config, with only the port, name and path changed.
    brotli = existsSync(BROTLI_MODULE);
    let conf = readFileSync(CONF, "utf8");
    conf = replaceOnce(conf, "listen 80;", `listen 127.0.0.1:${appPort};`);
    conf = replaceOnce(conf, "server_name plan.example.org;", "server_name app.test;");
    conf = replaceOnce(conf, "alias /var/www/metro-plan/dist/;", `alias ${dist}/;`);
    if (!brotli) conf = replaceOnce(conf, "brotli_static on;", "# brotli_static: module not installed");
    writeFileSync(join(dir, "metro-plan.conf"), conf);

    // What a portal must allow: frames and the embed.js script from the dashboard's origin.
    const portalCsp = `default-src 'self'; script-src 'self' ${app.origin}; frame-src ${app.origin}; style-src 'self'; img-src 'self' data:`;
    const main = `
${brotli ? `load_module ${BROTLI_MODULE};` : "# no brotli_static module on this machine"}
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/metro-plan.conf;
  server {
    listen 127.0.0.1:${portalPort};
    server_name portal.test;
    root ${portalRoot};
    add_header Content-Security-Policy "${portalCsp}" always;
  }
}
`;
    writeFileSync(join(dir, "nginx.conf"), main);
    execFileSync(NGINX, ["-t", "-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], { stdio: "pipe" });
    nginx = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], { stdio: ["ignore", "pipe", "pipe"] });
    nginx.stdout.on("data", (d) => (nginxOutput += d));
    nginx.stderr.on("data", (d) => (nginxOutput += d));
    const log = () => nginxOutput + (existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "");
    await waitForPort(appPort, log);
    await waitForPort(portalPort, log);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once("exit", r));
      nginx.kill("SIGQUIT");
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page that records everything that should never happen, in all its frames. */
  async function openPage(url, { viewport = VIEWPORTS.desktop } = {}) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const problems = { console: [], pageErrors: [], failed: [], otherOrigins: [] };
    const allowed = new Set([app.origin, portal.origin]);
    await context.route(
      (u) => /^(https?|wss?):/.test(u.href) && !allowed.has(u.origin),
      (route) => {
        problems.otherOrigins.push(route.request().url());
        return route.abort("blockedbyclient");
      },
    );
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.console.push(m.text()));
    page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
    page.on("requestfailed", (r) => problems.failed.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => r.status() >= 400 && problems.failed.push(`${r.url()} HTTP ${r.status()}`));
    await page.goto(url);
    const csp = async () => (await Promise.all(page.frames().map((f) => f.evaluate(() => window.__csp ?? ["unwatched"])))).flat();
    const check = async () => {
      assert.deepEqual(await csp(), [], "securitypolicyviolation events");
      assert.deepEqual(problems.console, [], "console errors");
      assert.deepEqual(problems.pageErrors, [], "page errors");
      assert.deepEqual(problems.failed, [], "failed requests");
      assert.deepEqual(problems.otherOrigins, [], "requests to other origins");
    };
    return { page, context, problems, check, close: () => context.close() };
  }

  test("the README quotes the config verbatim", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    assert.ok(readme.includes("```nginx\n" + readFileSync(CONF, "utf8") + "```"), "README's nginx block differs from deploy/nginx/metro-plan.conf");
  });

  test("nginx sends the config's headers: CSP, caching by release stamp, precompressed files", async () => {
    const url = `${app.origin}${BASE}`;
    const index = await fetch(url);
    assert.equal(index.status, 200);
    assert.equal(index.headers.get("content-security-policy"), CSP);
    assert.equal(index.headers.get("cache-control"), "no-cache");
    assert.equal(index.headers.get("x-frame-options"), null, "framing allowed");
    const html = await index.text();
    assert.match(html, new RegExp(`loader\\.js\\?v=${RELEASE}`));
    const bare = await fetch(`${app.origin}/portal/plan?lang=en`, { redirect: "manual" });
    assert.equal(bare.status, 301);
    assert.equal(new URL(bare.headers.get("location"), app.origin).href, `${app.origin}${BASE}?lang=en`);

    const stamped = await fetch(`${url}metro-plan_bg.wasm?v=${RELEASE}`, { headers: { "accept-encoding": "gzip" } });
    assert.equal(stamped.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(stamped.headers.get("content-type"), "application/wasm");
    assert.equal(stamped.headers.get("content-encoding"), "gzip", "gzip_static serves the .gz");
    assert.equal(stamped.headers.get("content-security-policy"), CSP);
    const plain = await fetch(`${url}metro-plan_bg.wasm`, { headers: { "accept-encoding": "identity" } });
    assert.equal(plain.headers.get("cache-control"), "no-cache", "unstamped: revalidate");
    assert.equal(plain.headers.get("content-encoding"), null);
    if (brotli) {
      const br = await fetch(`${url}metro-plan_bg.wasm?v=${RELEASE}`, { headers: { "accept-encoding": "br, gzip" } });
      assert.equal(br.headers.get("content-encoding"), "br", "brotli_static serves the .br");
    } else {
      console.log("brotli_static module not installed: brotli not checked");
    }
    // The wasm chunks loaded on first use (code splitting): fetched with the stamp of
    // __wasm_split.js, cached like the main wasm.
    for (const chunk of readdirSync(join(dir, "dist")).filter((f) => CHUNK_FILE.test(f))) {
      const res = await fetch(`${url}${chunk}?v=${RELEASE}`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(res.status, 200, chunk);
      assert.equal(res.headers.get("content-type"), "application/wasm", chunk);
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable", chunk);
    }
    for (const texts of readdirSync(join(dir, "dist")).filter((f) => LATER_FILE.test(f))) {
      const res = await fetch(`${url}${texts}?v=${RELEASE}`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(res.status, 200, texts);
      assert.equal(res.headers.get("content-encoding"), "gzip", `gzip_static serves ${texts}.gz`);
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable", texts);
    }
    for (const sheet of readdirSync(join(dir, "dist")).filter((f) => CHUNK_SHEET_FILE.test(f))) {
      const res = await fetch(`${url}${sheet}?v=${RELEASE}`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(res.status, 200, sheet);
      assert.match(res.headers.get("content-type") ?? "", /^text\/css/, sheet);
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable", sheet);
    }
    for (const file of ["embed.js", "embed-demo.html", "favicon.svg", "apple-touch-icon.png", "preview.png"]) {
      assert.equal((await fetch(url + file)).status, 200, file);
    }
  });

  test("the dashboard loads through nginx under the strict CSP, with declared icons and link previews", async () => {
    const { page, check, close } = await openPage(`${app.origin}${BASE}?lang=en`);
    try {
      await page.waitForSelector(READY_SELECTOR);
      const head = await page.evaluate(() => ({
        icon: document.querySelector('link[rel="icon"]')?.href,
        touch: document.querySelector('link[rel="apple-touch-icon"]')?.href,
        ogTitle: document.querySelector('meta[property="og:title"]')?.content,
        ogDesc: document.querySelector('meta[property="og:description"]')?.content,
        twTitle: document.querySelector('meta[name="twitter:title"]')?.content,
        twDesc: document.querySelector('meta[name="twitter:description"]')?.content,
        desc: document.querySelector('meta[name="description"]')?.content,
        image: document.querySelector('meta[property="og:image"]')?.content,
        twImage: document.querySelector('meta[name="twitter:image"]')?.content,
        url: document.querySelector('meta[property="og:url"]')?.content,
      }));
      assert.ok(head.icon?.endsWith("/favicon.svg"), head.icon);
      assert.ok(head.touch?.endsWith("/apple-touch-icon.png"), head.touch);
      const staticTitle = "长春都市圈发展规划 · Development Plan for the Changchun Metropolitan Area";
      assert.equal(head.ogTitle, staticTitle);
      assert.equal(head.twTitle, staticTitle);
      assert.equal(head.ogDesc, head.desc);
      assert.equal(head.twDesc, head.desc);
      assert.ok(head.desc.includes("长春都市圈") && head.desc.includes("Changchun Metropolitan Area"));
      assert.equal(head.image, `${app.origin}${BASE}preview.png`, "og:image absolute (--public-url)");
      assert.equal(head.twImage, head.image);
      assert.equal(head.url, `${app.origin}${BASE}`);
      const preview = await fetch(head.image);
      assert.equal(preview.status, 200);
      assert.equal(preview.headers.get("content-type"), "image/png");
      await check();
      const log = readFileSync(join(dir, "access.log"), "utf8");
      assert.ok(!log.includes("favicon.ico"), "nobody asked for /favicon.ico");
      assert.ok(log.includes(`metro-plan_bg.wasm?v=${RELEASE}`), "the wasm was requested with the release stamp");
      // Each JS module once, stamped (an unstamped import would load a second copy).
      assert.ok(!/\/(metro-plan|__wasm_split)\.js /.test(log), "a JS module requested without the release stamp");
    } finally {
      await close();
    }
  });

  test("the embed demo on a second origin: sized iframes, no inner scrollbars, state in the portal's hash across a reload", async () => {
    const { page, check, problems, close } = await openPage(`${portal.origin}/`);
    try {
      const frames = ["plan-zh", "plan-en"];
      // Chromium does not render cross-origin frames out of view (nor lazy-load them), so
      // each is brought into view, as a reader scrolling down would.
      const ready = async (id) => {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        await page.frameLocator(`#${id}`).locator(READY_SELECTOR).waitFor({ timeout: 30_000 });
      };
      for (const id of frames) await ready(id);

      // Each iframe is as tall as its content, within a pixel, and shows no scrollbar.
      const measure = async (id) => {
        const frame = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
        const inner = await frame.evaluate(() => {
          const d = document.documentElement;
          return {
            app: document.querySelector(".app").getBoundingClientRect().height,
            scrollH: d.scrollHeight,
            clientH: d.clientHeight,
            scrollW: d.scrollWidth,
            clientW: d.clientWidth,
          };
        });
        const outer = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height);
        return { ...inner, outer };
      };
      for (const id of frames) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        let m;
        // Size messages are asynchronous: wait (bounded: 30 s, for a loaded machine) for the
        // frame to settle.
        for (let i = 0; i < 300; i++) {
          m = await measure(id);
          if (Math.abs(m.outer - Math.ceil(m.app)) <= 1 && m.scrollH <= m.clientH) break;
          await page.waitForTimeout(100);
        }
        assert.ok(Math.abs(m.outer - Math.ceil(m.app)) <= 1, `${id}: iframe ${m.outer}px, content ${m.app}px`);
        assert.ok(m.scrollH <= m.clientH, `${id}: no vertical scroll inside (${m.scrollH} > ${m.clientH})`);
        assert.ok(m.scrollW <= m.clientW, `${id}: no horizontal scroll inside (${m.scrollW} > ${m.clientW})`);
      }
      // embed.js ignores messages from any other window, even with the right shape.
      const sizes = () => page.evaluate(() => ["plan-zh", "plan-en"].map((id) => document.getElementById(id).style.height));
      const before = { sizes: await sizes(), hash: await page.evaluate(() => location.hash) };
      await page.evaluate(() => {
        const stranger = document.createElement("iframe");
        stranger.id = "stranger";
        document.body.append(stranger);
      });
      const stranger = await (await page.$("#stranger")).contentFrame();
      const forged = [
        { source: "metro-plan", type: "height", height: 7 },
        { source: "metro-plan", type: "state", query: "lang=zh&layers=&embed=1" },
      ];
      await stranger.evaluate((msgs) => msgs.forEach((m) => parent.postMessage(m, "*")), forged);
      await page.evaluate(
        (msgs) =>
          new Promise((resolve) => {
            msgs.forEach((m) => window.postMessage(m, "*"));
            // Messages arrive in order: once this one is here, the forged ones were handled.
            window.addEventListener("message", (e) => e.data === "marker" && resolve());
            window.postMessage("marker", "*");
          }),
        forged,
      );
      assert.deepEqual({ sizes: await sizes(), hash: await page.evaluate(() => location.hash) }, before);
      await page.evaluate(() => document.getElementById("stranger").remove());
      // A message sizes the frame it comes from, not another frame of the same origin.
      const enFrame = await (await page.$("#plan-en")).contentFrame();
      const post = (height) =>
        enFrame.evaluate((h) => parent.postMessage({ source: "metro-plan", type: "height", height: h }, "*"), height);
      // The frame's own resize makes the dashboard report its real height again at once, so
      // 321 px may last a single task: an observer sees it, where polling could miss it.
      const sized = page.evaluate(
        () =>
          new Promise((resolve) => {
            const frame = document.getElementById("plan-en");
            const observer = new MutationObserver(() => {
              if (frame.style.height === "321px") {
                observer.disconnect();
                resolve();
              }
            });
            observer.observe(frame, { attributes: true, attributeFilter: ["style"] });
          }),
      );
      await post(321);
      await sized;
      assert.equal((await sizes())[0], before.sizes[0], "the Chinese frame keeps its height");
      await post(parseFloat(before.sizes[1]));
      await page.waitForFunction((h) => document.getElementById("plan-en").style.height === h, before.sizes[1]);

      // Chromium paints cross-origin frames only in view: a window as tall as the page
      // shows both for the screenshot.
      const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1280, height: fullHeight });
      await twoFrames(page);
      await screenshot(page, "embed-demo-portal");
      await page.setViewportSize(VIEWPORTS.desktop);

      // A state change inside the English frame reaches the portal's hash…
      const en = page.frameLocator("#plan-en");
      await en.locator('[data-toggle="corridor"] input').check();
      await page.waitForFunction(() => /(^|&)plan-en=[^&]*corridor/.test(location.hash.slice(1)));
      const hash = await page.evaluate(() => location.hash);
      // Each synced frame has its own key; the Chinese one keeps its own state.
      const saved = Object.fromEntries(hash.slice(1).split("&").map((p) => p.split("=", 2).map(decodeURIComponent)));
      assert.equal(saved["plan-zh"], `lang=zh&layers=${ALL_LAYERS}&embed=1`);
      await check();
      // …and survives a reload of the portal page. (embed.js then points the frame at the
      // saved state by replacing the frame, which cancels the load of its original src: those
      // ERR_ABORTED loads, and those of the reload itself, are expected.)
      // While the restored page starts, a state message may still come from the page it
      // replaces (the frame's original src can load before the async embed.js runs): it must
      // not overwrite the saved state. The wasm is held back so that the restored page is
      // there but not yet started, and such a message is sent from the frame meanwhile.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(/metro-plan_bg\.wasm/, async (route) => {
        await held;
        await route.continue();
      });
      const restored = (toggle) =>
        page.frameLocator("#plan-en").locator(`[data-toggle="${toggle}"] input:checked`).waitFor({ state: "attached" });
      await page.reload();
      await page.locator("#plan-en").scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.getElementById("plan-en").src.includes("corridor"));
      const restoredFrame = await (await page.$("#plan-en")).contentFrame();
      await restoredFrame.waitForURL(/corridor/, { waitUntil: "commit" });
      await restoredFrame.evaluate(() =>
        parent.postMessage({ source: "metro-plan", type: "state", query: "lang=en&embed=1" }, "*"),
      );
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            window.addEventListener("message", (e) => e.data === "marker" && resolve());
            window.postMessage("marker", "*");
          }),
      );
      assert.equal(await page.evaluate(() => location.hash), hash, "a stale state message left the saved state alone");
      assert.ok(await page.evaluate(() => document.getElementById("plan-en").hasAttribute("data-plan-restoring")), "waiting for the restored page");
      release();
      await ready("plan-en");
      await restored("corridor");
      await restored("belt:pharma");
      assert.equal(await page.evaluate(() => location.hash), hash);
      const src = await page.locator("#plan-en").getAttribute("src");
      assert.ok(src.startsWith(`${app.origin}${BASE}?`) && src.includes("corridor") && src.includes("embed=1"), src);
      // The only aborted loads are the replaced frame's and the reloaded portal page's.
      const aborted = problems.failed.filter((f) => f.endsWith("net::ERR_ABORTED"));
      assert.ok(aborted.every((f) => f.startsWith(`${app.origin}${BASE}`) || f.startsWith(`${portal.origin}/`)), aborted.join("\n"));
      problems.failed = problems.failed.filter((f) => !aborted.includes(f));
      await check();
      // Once the restored page has reported its state (embed.js then drops the frame's
      // data-plan-restoring), the frame's changes reach the hash again.
      await page.waitForFunction(() => !document.getElementById("plan-en").hasAttribute("data-plan-restoring"), null, { timeout: 20_000 });
      await en.locator('[data-toggle="corridor"] input').uncheck();
      // (`slice(1)`: the hash starts with "#", and either frame's key can come first, as the
      // frames first reported their state in the order they happened to start.)
      await page.waitForFunction(() => {
        const parts = location.hash.slice(1);
        return /(^|&)plan-en=/.test(parts) && !/(^|&)plan-en=[^&]*corridor/.test(parts);
      });
      await check();
    } finally {
      await close();
    }
  });
});
