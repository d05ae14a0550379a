// The first screen before the wasm (issue 12: Lighthouse's LCP waited for the wasm;
// docs/performance.md "The first screen before the wasm"): puts into the release build's index.html a
// snapshot of the ready app's first screen in Chinese and in English, taken from the
// built app itself, which style/prerender.css shows (the one public/pre.js picks) until
// the app is ready and takes its place (src/components/prerender.rs).
//   node scripts/prerender.mjs DIR     # by hand, on a built dist/ without snapshots
// Run by scripts/post-build.mjs for release builds, after the wasm and JS steps and before
// the compression (it changes index.html). It serves DIR on a free port, opens it in
// headless chromium at `?lang=zh` and `?lang=en` (1280×800 and 390×844: the DOM must be the
// same at both, CSS does the rest), waits for `.app[data-ready]` and keeps a copy of
// `.app` that is only a picture:
// - the map `<svg class="map">` without its children and any attribute but its classes
//   (the map is the wasm's to draw, and its viewBox depends on the screen; the element
//   keeps its size, without its role, label or tab stop);
// - no `id`, nothing that names one (`for`, `aria-labelledby`, `aria-describedby`,
//   `aria-controls`, …, `href="#…"`), so the page never has two elements with one id and
//   the app's look-ups by id find only its own; no `style` attribute (strict CSP), no
//   `autofocus`, no `data-ready`, no comments (Leptos' `<!---->` markers);
// - no `aria-*`, `role`, `tabindex` or `data-*` attribute that the stylesheet does not
//   select on (the copy is inert: hidden from assistive technology, never focused, and
//   the app's scripts do not read it);
// - nothing that is not rendered: no element with `hidden`, nothing in a closed `<details>`
//   but its `<summary>`, nothing in a closed `<dialog>`;
// - form controls' current state as attributes (`checked`, `value`, `selected`);
// - its `<main>` a `<div class="main">` (a page has one visible `<main>`: the app's);
// - `class="app app-pre"`, `lang`, and `inert` (nothing in it can be clicked or focused).
// - nothing that no first screen shows: the side column's panels (`section.panel`) and the
//   footer that begin FOLD px or more below the top of the page at every snapshot size go
//   (on 3 December 2026 the goals, principles, tasks and safeguards panels and the footer:
//   the first of them begins 2174–2597 px down at 1280–2560 px wide, 3532 px at 390). The
//   app adds them below the reader's first screen when it is ready: content that appears,
//   not content that moves. Only a tail goes (never an element with kept ones after it),
//   and what is kept reaches FOLD px, so a window up to FOLD px tall has a scroll bar
//   before and after (its width does not change).
// After the snapshots comes an empty `<div class="app-pre app-pre-end" hidden>`: a snapshot
// is shown only once the parser has reached it (style/prerender.css).
// Fails if the page reports an error, if the two sizes give different snapshots, or if
// the copy changes between two animation frames after ready (the build must not depend on
// timing: the same dist/ gives the same bytes).

import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../e2e/serve.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run"];
const LANGS = [
  { lang: "zh", tag: "zh-CN", locale: "zh-CN" },
  { lang: "en", tag: "en", locale: "en-US" },
];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const READY = '.app[data-ready]:not([data-ready="false"])';
/** The marker index.html gets before and after the snapshots (a build from a dist/ that
 * has them already fails rather than adding a second pair). */
const MARK = 'class="app app-pre"';
/** The empty element after the snapshots: style/prerender.css shows a snapshot only once
 * the parser has reached it. A page that arrives in pieces is otherwise painted in part
 * (a snapshot's layer list or key line growing as the rest of it comes: a layout shift).
 * It is one of `.app-pre`, so everything that removes the snapshots removes it too. */
const END = '<div class="app-pre app-pre-end" hidden></div>';
/** The first of the side column's templates (src/components/panels/source.rs). */
const SIDE = '<template data-side="';
/** A snapshot keeps what begins within this many CSS px of the page's top at some snapshot
 * size: the first screen of any window up to this tall (2560×1600 and smaller screens). */
export const FOLD = 1600;
/** What a snapshot may leave out when it lies below FOLD, in document order. */
const BELOW = "section.panel, footer.footer";

/** In the page: where each BELOW element of the ready app begins, in px from the page's top. */
function tops({ ready, below }) {
  const app = document.querySelector(ready);
  if (!app) throw new Error("no ready .app");
  return [...app.querySelectorAll(below)].map((el) => el.getBoundingClientRect().top + window.scrollY);
}

/** In the page: the sanitised copy of the ready app, as HTML. */
function snapshot({ ready, tag, below, drop }) {
  const app = document.querySelector(ready);
  if (!app) throw new Error("no ready .app");
  const copy = app.cloneNode(true);
  // What no first screen shows (FOLD): the BELOW elements from index `drop` on.
  for (const el of [...copy.querySelectorAll(below)].slice(drop)) el.remove();
  // Form state lives in properties, which outerHTML does not write.
  const controls = (root) => root.querySelectorAll("input, textarea, select");
  const live = controls(app);
  const copied = controls(copy);
  live.forEach((el, i) => {
    const c = copied[i];
    if (el instanceof HTMLInputElement) {
      if (el.type === "checkbox" || el.type === "radio") c.toggleAttribute("checked", el.checked);
      else if (el.value !== "") c.setAttribute("value", el.value);
      else c.removeAttribute("value");
    } else if (el instanceof HTMLTextAreaElement) c.textContent = el.value;
    else if (el instanceof HTMLSelectElement) [...c.options].forEach((o, k) => o.toggleAttribute("selected", el.options[k].selected));
  });
  // What is not rendered anyway: elements with `hidden` (the legend's entries of layers
  // not shown, …), the contents of closed <details> (the layer list, the downloads menu)
  // and of closed <dialog>s. Fewer bytes, the same picture.
  for (const el of copy.querySelectorAll("[hidden]")) el.remove();
  for (const details of copy.querySelectorAll("details:not([open])")) {
    for (const child of [...details.childNodes]) if (!(child instanceof Element && child.localName === "summary" && child === details.querySelector(":scope > summary"))) child.remove();
  }
  for (const dialog of copy.querySelectorAll("dialog:not([open])")) dialog.replaceChildren();
  const map = copy.querySelector("svg.map");
  if (!map) throw new Error("no svg.map in the app");
  map.replaceChildren();
  for (const name of [...map.getAttributeNames()]) {
    if (name !== "class") map.removeAttribute(name);
  }
  const NAMES_IDS = ["id", "for", "form", "list", "headers", "popovertarget", "commandfor", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-activedescendant", "aria-details", "aria-errormessage", "aria-flowto", "style", "autofocus", "data-ready"];
  for (const el of [copy, ...copy.querySelectorAll("*")]) {
    for (const name of NAMES_IDS) el.removeAttribute(name);
    for (const name of ["href", "xlink:href"]) if ((el.getAttribute(name) ?? "").startsWith("#")) el.removeAttribute(name);
  }
  // One visible <main> per document (the live app's): the copy's is a <div> (CSS selects
  // `.main`, never the element).
  for (const main of copy.querySelectorAll("main")) {
    const div = document.createElement("div");
    for (const name of main.getAttributeNames()) div.setAttribute(name, main.getAttribute(name));
    div.replaceChildren(...main.childNodes);
    main.replaceWith(div);
  }
  // No `aria-*`, `role`, `tabindex` or `data-*` but those the stylesheet selects on: the
  // copy is inert (hidden from assistive technology, never focused or clicked) and the
  // app's scripts never read it, so they change nothing on screen (−0.7 KB gzip).
  const styled = new Set();
  const rules = (list) => {
    for (const rule of list) {
      for (const m of (rule.selectorText ?? "").matchAll(/\[\s*([\w-]+)/g)) styled.add(m[1].toLowerCase());
      if (rule.cssRules) rules(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) rules(sheet.cssRules);
  const unseen = (name) => (name.startsWith("aria-") || name.startsWith("data-") || name === "role" || name === "tabindex") && !styled.has(name);
  for (const el of [copy, ...copy.querySelectorAll("*")]) {
    for (const name of el.getAttributeNames()) if (unseen(name)) el.removeAttribute(name);
  }
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.remove();
  copy.classList.add("app-pre");
  copy.setAttribute("class", ["app", "app-pre", ...[...copy.classList].filter((c) => c !== "app" && c !== "app-pre")].join(" "));
  copy.setAttribute("lang", tag);
  copy.setAttribute("inert", "");
  return copy.outerHTML;
}

/** The app served at `url` in `lang` at `viewport`, ready: its page, and `done()`. */
async function open(browser, url, { lang, locale }, viewport) {
  const context = await browser.newContext({ viewport, locale });
  const problems = [];
  const page = await context.newPage();
  page.on("pageerror", (err) => problems.push(String(err)));
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  try {
    await page.goto(`${url}?lang=${lang}`, { waitUntil: "load" });
    await page.waitForSelector(READY, { timeout: 60_000 });
    await frames();
  } catch (err) {
    await context.close();
    throw err;
  }
  const check = () => {
    if (problems.length) throw new Error(`the app reported errors:\n  ${problems.join("\n  ")}`);
  };
  return { page, frames, check, done: () => context.close() };
}

/** The snapshot of an opened app, without the BELOW elements from index `drop` on. */
async function take({ page, frames, check }, { lang, tag }, viewport, drop) {
  const args = { ready: READY, tag, below: BELOW, drop };
  let html = await page.evaluate(snapshot, args);
  // Whatever the app does after ready (the address, chunk preloads) must not change it.
  for (let tries = 0; ; tries++) {
    await frames();
    const again = await page.evaluate(snapshot, args);
    if (again === html) break;
    if (tries >= 5) throw new Error(`the ${lang} snapshot at ${viewport.width}x${viewport.height} keeps changing after ready`);
    html = again;
  }
  check();
  return html;
}

/** The first BELOW element (by index) from which on every one begins FOLD px or more down
 * at each of the sizes measured (`perSize`: each size's tops, in document order). */
function firstBelowFold(perSize) {
  const n = perSize[0].length;
  if (perSize.some((t) => t.length !== n)) throw new Error("the app has different panels at different sizes");
  let drop = n;
  while (drop > 0 && perSize.every((t) => t[drop - 1] >= FOLD)) drop--;
  return drop;
}

/** Adds the snapshots to `dir`/index.html (a built dist/ or Trunk's staging folder). */
export async function prerender(dir) {
  const index = join(dir, "index.html");
  const html = await readFile(index, "utf8");
  if (html.includes(MARK) || html.includes("class=\"app app-pre")) throw new Error(`${index} has snapshots already`);
  if (html.split("</body>").length !== 2) throw new Error(`${index}: no single </body> to put the snapshots before`);
  const server = await startServer({ root: dir, base: "/prerender/" });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    const parts = [];
    const dropped = [];
    for (const lang of LANGS) {
      const opened = [];
      const shots = [];
      try {
        for (const viewport of VIEWPORTS) opened.push(await open(browser, server.url, lang, viewport));
        const perSize = await Promise.all(opened.map((o) => o.page.evaluate(tops, { ready: READY, below: BELOW })));
        const drop = firstBelowFold(perSize);
        for (const [i, viewport] of VIEWPORTS.entries()) shots.push(await take(opened[i], lang, viewport, drop));
        dropped.push(perSize[0].length - drop);
      } finally {
        for (const o of opened) await o.done();
      }
      if (shots.some((s) => s !== shots[0])) {
        if (process.env.PRERENDER_DUMP) {
          for (const [i, v] of VIEWPORTS.entries()) await writeFile(join(process.env.PRERENDER_DUMP, `${lang.lang}-${v.width}x${v.height}.html`), shots[i]);
        }
        throw new Error(`the ${lang.lang} app's DOM differs between ${VIEWPORTS.map((v) => `${v.width}x${v.height}`).join(" and ")}: one snapshot cannot serve both`);
      }
      parts.push(shots[0]);
    }
    // Before the side column's templates if the page has them (scripts/post-build.mjs):
    // the parser reaches the snapshots (and shows one) without first reading the
    // templates, and gzip finds the snapshots' text again in them.
    const at = html.includes(SIDE) ? html.indexOf(SIDE) : html.indexOf("</body>");
    await writeFile(index, html.slice(0, at) + parts.join("") + END + html.slice(at));
    return parts.map((p, i) => ({ lang: LANGS[i].lang, bytes: Buffer.byteLength(p), dropped: dropped[i] }));
  } finally {
    await browser?.close();
    await server.close();
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/prerender.mjs DIR");
    process.exit(2);
  }
  const sizes = await prerender(dir);
  console.log(`prerender: ${sizes.map((s) => `${s.lang} ${s.bytes} B, ${s.dropped} parts below ${FOLD} px left out`).join("; ")} into ${join(dir, "index.html")}`);
}
