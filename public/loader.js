// Loads the wasm app without any inline script, so that a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') holds. If loading fails, the page says so
// instead of staying blank.
import init from "./metro-plan.js";

function showError(err) {
  console.error(err);
  const box = document.createElement("div");
  box.className = "fatal";
  box.setAttribute("role", "alert");
  box.textContent =
    "看板无法加载 / The dashboard could not load: " + (err && err.message ? err.message : String(err));
  document.body.prepend(box);
}

init({ module_or_path: new URL("./metro-plan_bg.wasm", import.meta.url) }).catch(showError);
