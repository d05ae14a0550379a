/*! embed.js — for portals that embed the Changchun Metropolitan Area plan dashboard.
 *
 * Include it once, from the dashboard's own folder:
 *   <iframe src="https://host/plan/?lang=en&embed=1" title="…" width="100%" height="680" loading="lazy"></iframe>
 *   <script src="https://host/plan/embed.js" async></script>
 *
 * - Every iframe whose src lies under this script's folder is sized to its content from
 *   its own `{ source: "metro-plan", type: "height", height }` messages. A message counts
 *   only if event.source is that iframe's window and event.origin its origin.
 * - With the attribute `data-plan-hash`, an iframe's state (its `{ type: "state", query }`
 *   messages) is mirrored into this page's URL hash, under the iframe's id (or `plan`),
 *   and restored from it on load: a link to the portal page reopens the same view.
 * No dependencies; it sends nothing to the dashboard.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || !window.URL || !window.URLSearchParams) return;
  var base = new URL(".", script.src);
  var HASH_ATTR = "data-plan-hash";
  var MAX_HEIGHT = 20000;
  var MAX_QUERY = 4000;
  // Frames whose src was just restored from the hash. Until the restored page reports that
  // very state, a state message may still come from the page it replaces (the frame's
  // original src, which may have loaded, or be about to fire `load`, before this script
  // ran: it is async) and must not overwrite the saved state. A hash the dashboard does
  // not report back as it is (edited by hand, an unknown id) stops being waited for after
  // RESTORE_GRACE_MS. While it waits, the frame carries RESTORING_ATTR (for portal scripts
  // and tests: its state changes reach the hash once the attribute is gone).
  var restoring = typeof WeakMap === "function" ? new WeakMap() : null;
  var RESTORE_GRACE_MS = 15000;
  var RESTORING_ATTR = "data-plan-restoring";

  function srcUrl(frame) {
    try {
      return new URL(frame.getAttribute("src") || "", location.href);
    } catch (e) {
      return null;
    }
  }

  function isDashboard(frame) {
    var url = srcUrl(frame);
    return !!url && url.origin === base.origin && url.pathname.indexOf(base.pathname) === 0;
  }

  function dashboards() {
    return Array.prototype.filter.call(document.getElementsByTagName("iframe"), isDashboard);
  }

  function synced(frame) {
    return frame.hasAttribute(HASH_ATTR);
  }

  // The hash key of a synced frame: its id, else `plan` (`plan-2`, … by order when a
  // page has several without ids).
  function keyOf(frame, frames) {
    if (frame.id) return frame.id;
    var anonymous = frames.filter(function (f) {
      return synced(f) && !f.id;
    });
    var i = anonymous.indexOf(frame);
    return i > 0 ? "plan-" + (i + 1) : "plan";
  }

  // The hash as ordered [key, value] parts; parts without "=" (a portal's own anchor)
  // are kept as they are.
  function readHash() {
    var text = location.hash.replace(/^#/, "");
    if (!text) return [];
    return text.split("&").map(function (part) {
      var eq = part.indexOf("=");
      if (eq < 0) return [part, null];
      return [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
  }

  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }

  // Escapes only what would break the hash's own key=value&… form.
  function encode(text) {
    return String(text).replace(/[%&=#+\s]/g, function (c) {
      return "%" + ("0" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-2);
    });
  }

  function writeHash(key, query) {
    var parts = readHash();
    var found = false;
    parts.forEach(function (p) {
      if (p[1] !== null && p[0] === key) {
        p[1] = query;
        found = true;
      }
    });
    if (!found) parts.push([key, query]);
    var text = parts
      .map(function (p) {
        return p[1] === null ? p[0] : encode(p[0]) + "=" + encode(p[1]);
      })
      .join("&");
    if (text === location.hash.replace(/^#/, "")) return;
    // In place: neither a history entry nor a jump.
    history.replaceState(history.state, "", "#" + text);
  }

  // The query to restore, always in embed mode.
  function embedQuery(query) {
    var parts = query
      .replace(/^\?/, "")
      .split("&")
      .filter(function (p) {
        return p && p.indexOf("embed=") !== 0;
      });
    parts.push("embed=1");
    return parts.join("&");
  }

  // A query's parameters without `embed`, in a fixed order: the same state compares equal
  // whatever the order it was written in.
  function canonical(query) {
    return query
      .replace(/^\?/, "")
      .split("&")
      .filter(function (p) {
        return p && p.indexOf("embed=") !== 0;
      })
      .sort()
      .join("&");
  }

  // Whether a state message from a frame restored from the hash may be mirrored yet.
  function settledAfterRestore(frame, query) {
    var wait = restoring && restoring.get(frame);
    if (!wait) return true;
    if (canonical(query) !== wait.query && Date.now() < wait.until) return false;
    settle(frame);
    return true;
  }

  // The wait for a restored frame is over: its report arrived, or the grace ran out.
  function settle(frame) {
    restoring.delete(frame);
    frame.removeAttribute(RESTORING_ATTR);
  }

  function restore() {
    var frames = dashboards();
    var saved = {};
    readHash().forEach(function (p) {
      if (p[1] !== null) saved[p[0]] = p[1];
    });
    frames.forEach(function (frame) {
      if (!synced(frame)) return;
      var query = saved[keyOf(frame, frames)];
      if (typeof query !== "string" || query.length > MAX_QUERY) return;
      var url = srcUrl(frame);
      url.search = "?" + embedQuery(query);
      url.hash = "";
      if (url.href === frame.src) return;
      // A copy of the frame with the restored src takes its place: setting `src` on a frame
      // that is still loading lazily (`loading="lazy"`) is at times ignored by Chromium,
      // which then shows the original src. Ids, classes and attributes are kept.
      var copy = frame.cloneNode(false);
      copy.src = url.href;
      if (restoring) {
        restoring.set(copy, { query: canonical(query), until: Date.now() + RESTORE_GRACE_MS });
        copy.setAttribute(RESTORING_ATTR, "");
        // Given up on after the grace even if the frame never reports (then or later).
        setTimeout(function () {
          if (restoring.has(copy)) settle(copy);
        }, RESTORE_GRACE_MS);
      }
      frame.parentNode.replaceChild(copy, frame);
    });
  }

  function prepare() {
    dashboards().forEach(function (frame) {
      frame.style.border = "0";
      frame.style.display = "block";
      // Resizing the frame by a pixel makes a dashboard that has already reported its
      // height (before this script ran) report it again.
      frame.style.height = frame.getBoundingClientRect().height + 1 + "px";
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.source !== "metro-plan") return;
    var frames = dashboards();
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source !== frame.contentWindow) continue;
      var url = srcUrl(frame);
      if (!url || event.origin !== url.origin) return;
      if (data.type === "height" && typeof data.height === "number" && isFinite(data.height) && data.height > 0) {
        frame.style.height = Math.min(Math.ceil(data.height), MAX_HEIGHT) + "px";
      } else if (data.type === "state" && typeof data.query === "string" && data.query.length <= MAX_QUERY) {
        if (synced(frame) && settledAfterRestore(frame, data.query)) writeHash(keyOf(frame, frames), data.query);
      }
      return;
    }
  });

  function init() {
    restore();
    prepare();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
