// Loads the wasm app without any inline script, so that a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') holds. If the app cannot start (the wasm
// blocked or missing, a browser without WebAssembly), the reader gets what the plan is
// (the same summary as the <noscript> text of index.html), the reason, and a Retry
// button — never a blank page or only an error line. The same happens if the app stops
// later: the release wasm traps on a panic (scripts/build-release.sh builds it with
// `panic=immediate-abort`), which reaches the page as an uncaught WebAssembly.RuntimeError.

const COULD_NOT_START = "地图无法启动 / The map could not start: ";
const STOPPED = "地图因内部错误停止 / The map stopped on an internal error: ";

function showError(err, lead = COULD_NOT_START) {
  if (document.querySelector(".boot-error")) return;
  console.error(err);
  // The snapshot of the first screen (public/pre.js, scripts/prerender.mjs) gives way to
  // the error, as the app's own start does.
  dropSnapshots();
  const reason = err && err.message ? err.message : String(err);
  const box = document.createElement("div");
  box.className = "fatal boot-error";
  box.setAttribute("role", "alert");
  box.dataset.error = "start";

  const title = document.createElement("h1");
  title.textContent = document.title;
  box.append(title);
  box.append(...planSummary());

  const why = document.createElement("p");
  why.className = "boot-reason";
  why.textContent = lead + reason;
  box.append(why);

  const retry = document.createElement("button");
  retry.type = "button";
  retry.className = "boot-retry";
  retry.textContent = "重试 / Retry";
  retry.addEventListener("click", () => location.reload());
  box.append(retry);

  document.body.prepend(box);
  if (lead === STOPPED) box.scrollIntoView({ block: "start" });
}

// The summary paragraphs of the <noscript> block. With scripts on, a <noscript>'s
// content is plain text, so it is parsed (inertly) rather than duplicated here.
function planSummary() {
  const source = document.querySelector("noscript");
  if (!source) return [];
  const parsed = new DOMParser().parseFromString(source.textContent, "text/html");
  const summary = parsed.querySelector(".plan-summary");
  return summary ? [document.importNode(summary, true)] : [];
}

async function start() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    throw new Error("this browser cannot run WebAssembly / 此浏览器不支持 WebAssembly");
  }
  // A release stamp on this file's URL (`loader.js?v=ID`, scripts/stamp-release.mjs) goes
  // on to the JS and the wasm, so that hosts may cache them for long.
  const stamp = new URL(import.meta.url).search;
  // The wasm is preloaded from index.html (Trunk.toml's pattern_preload), so it downloads
  // beside the HTML's other requests. A snapshot of the first screen that is not shown
  // (public/pre.js turned it off) goes at once, out of the app's way.
  if (!snapshotShown()) dropSnapshots();
  const { default: init } = await import(`./metro-plan.js${stamp}`);
  await init({ module_or_path: new URL(`./metro-plan_bg.wasm${stamp}`, import.meta.url) });
}

function dropSnapshots() {
  for (const snapshot of document.querySelectorAll(".app-pre")) snapshot.remove();
  document.documentElement.removeAttribute("data-pre");
}

function snapshotShown() {
  const pre = document.documentElement.getAttribute("data-pre");
  return pre === "zh" || pre === "en";
}

function stoppedOn(err) {
  if (typeof WebAssembly === "object" && err instanceof WebAssembly.RuntimeError) showError(err, STOPPED);
}
addEventListener("error", (event) => stoppedOn(event.error));
addEventListener("unhandledrejection", (event) => stoppedOn(event.reason));

start().catch((err) => showError(err));
