// The benchmark's interactions, shared by bench/bench.mjs (which times them) and
// bench/profile.mjs (which profiles them). Each is one input event whose latency, from
// the event's timestamp to the first task after the next frame's rendering, the page's
// probe (`window.__bench`: `armed`, `latencies`) records.

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
