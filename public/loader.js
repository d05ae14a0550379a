// Loads the wasm app without any inline script, so a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') holds.
import init from "./metro-plan.js";
init({ module_or_path: new URL("./metro-plan_bg.wasm", import.meta.url) }).catch((err) => {
  console.error(err);
});
