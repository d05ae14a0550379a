// Runs before the first paint (a classic, render-blocking script in <head>; no inline
// script, for the strict CSP). The release index.html carries a snapshot of the app's
// first screen in each language (`.app-pre`, made by scripts/prerender.mjs), which
// style/prerender.css shows while the wasm loads: this picks the one the app WILL show,
// so that a reader never sees the wrong language, and sets `<html data-pre>` to it:
// - `off` when the address has anything but `lang` (embed, layers, focus, view, tour,
//   table, panels, an unknown or malformed part, a `#` fragment): the app would not
//   look like the snapshot, so such pages show nothing until the app is ready (as
//   without this script);
// - else `zh` or `en`: the last `lang=zh|en` of the query (read as the app reads it,
//   src/state/query.rs: form-urlencoded, a value it does not know turns it `off`), else
//   the first of `navigator.languages` that is Chinese or English by its primary subtag
//   (`Lang::from_preferences`, src/i18n/mod.rs), else English.
// It also sets `<html lang>` to that language, as the app does. The app removes the
// snapshots and `data-pre` in the task that makes it ready (src/components/prerender.rs);
// public/loader.js does when it cannot start. Without this script nothing is shown early.
(function () {
  var root = document.documentElement;
  var lang = null;
  var on = !location.hash;
  try {
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (key === "lang" && (value === "zh" || value === "en")) lang = value;
      else on = false;
    });
  } catch (err) {
    on = false;
  }
  if (!lang) {
    var prefs = navigator.languages || [];
    for (var i = 0; i < prefs.length && !lang; i++) {
      var primary = String(prefs[i]).split(/[-_]/)[0].toLowerCase();
      if (primary === "zh" || primary === "en") lang = primary;
    }
    lang = lang || "en";
  }
  root.setAttribute("lang", lang === "zh" ? "zh-CN" : "en");
  root.setAttribute("data-pre", on ? lang : "off");
})();
