// The benchmark's interactions, shared by bench/bench.mjs (which times them) and
// bench/profile.mjs (which profiles them). Each is one input event whose latency, from
// the event's timestamp to the first task after the next frame's rendering, the page's
// probe (`window.__bench`: `armed`, `latencies`) records.

/** Records in the page: when the app became ready, LCP, and input→paint latencies (also
 * every event of one type, and frame times, for the pan and zoom figures). An init script. */
export function pageProbe(ready) {
  const b = (window.__bench = { ready: null, lcp: 0, armed: null, every: null, latencies: [], frames: null });
  const check = () => {
    if (b.ready === null && document.querySelector(ready)) {
      b.ready = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, obs) => check() && obs.disconnect()).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-ready"],
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lcp = Math.max(b.lcp, e.startTime);
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch {}
  // Input → next paint: from the event's timestamp to the first task after the next
  // frame's rendering (a message posted from requestAnimationFrame runs once that
  // frame's style, layout and paint are done).
  for (const type of ["click", "pointermove", "keydown", "wheel"]) {
    addEventListener(
      type,
      (e) => {
        if (b.every !== type) {
          if (b.armed !== type) return;
          b.armed = null;
        }
        const t0 = e.timeStamp;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => b.latencies.push(performance.now() - t0);
          ch.port2.postMessage(null);
        });
      },
      { capture: true, passive: true },
    );
  }
  b.startFrames = () => {
    b.frames = [];
    const loop = (t) => {
      if (!b.frames) return;
      b.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  b.stopFrames = () => {
    const f = b.frames;
    b.frames = null;
    return f;
  };
}

/** The interactions: a layer toggle, a hover, a selection and a language switch. */
export function interactionKinds(page) {
  const units = ['[data-layer="area"] [data-adcode="220183"]', '[data-layer="area"] [data-adcode="220182"]'];
  const centre = async (sel) => {
    const box = await page.locator(sel).first().boundingBox();
    return [box.x + box.width / 2, box.y + box.height / 2];
  };
  let flip = 0;
  return {
    "layer toggle": {
      event: "click",
      act: () => page.locator('[data-toggle="context"] input').click(),
    },
    hover: {
      event: "pointermove",
      act: async () => {
        const [x, y] = await centre(units[flip++ % 2]);
        await page.mouse.move(x, y);
      },
    },
    selection: {
      event: "click",
      act: async () => {
        const [x, y] = await centre(units[flip++ % 2]);
        await page.mouse.click(x, y);
      },
    },
    "language switch": {
      event: "click",
      act: () => page.locator(".lang-switch").click(),
    },
  };
}

/** Two animation frames later (what an interaction's paint has settled by). */
export const nextFrames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** One interaction's input → paint time, ms. */
export async function measureOne(page, kind) {
  const before = await page.evaluate((ev) => {
    window.__bench.armed = ev;
    return window.__bench.latencies.length;
  }, kind.event);
  await kind.act();
  await page.waitForFunction((n) => window.__bench.latencies.length > n, before, { timeout: 10_000 });
  await nextFrames(page);
  return page.evaluate(() => window.__bench.latencies.at(-1));
}
