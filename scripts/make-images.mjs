// Makes the committed images from the app's own rendering, in headless chromium:
//   public/apple-touch-icon.png  180×180, public/favicon.svg drawn on its own colour
//   public/preview.png           1200×630 link preview (og:image): the default map of
//                                the built dashboard (embed mode, Chinese, layer panel
//                                folded), cropped from its centre
// Usage: `trunk build --release && node scripts/make-images.mjs` (needs dist/ and the
// e2e dependencies: `npm ci`). Commit the two PNGs; the next build copies them to dist/.

import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, DIST, READY_SELECTOR } from "../e2e/harness.mjs";
import { startServer } from "../e2e/serve.mjs";

const server = await startServer({ root: DIST, base: "/plan/" });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  // Touch icon: iOS rounds the corners itself, so the square is filled edge to edge.
  const icon = await browser.newPage({ viewport: { width: 180, height: 180 } });
  const svg = readFileSync(new URL("../public/favicon.svg", import.meta.url), "utf8");
  const fill = svg.match(/<rect[^>]*fill="(#[0-9a-f]{6})"/i)?.[1] ?? "#1f5f8b";
  await icon.setContent(
    `<html><body style="margin:0;background:${fill}"><img src="${new URL("favicon.svg", server.url).href}" width="180" height="180" style="display:block"></body></html>`,
  );
  await icon.locator("img").evaluate((img) => img.decode());
  writeFileSync(new URL("../public/apple-touch-icon.png", import.meta.url), await icon.screenshot({ type: "png" }));

  // Link preview: the app itself at its default view.
  const page = await browser.newPage({ viewport: { width: 1220, height: 1000 } });
  await page.goto(new URL("?lang=zh&embed=1", server.url).href);
  await page.waitForSelector(READY_SELECTOR);
  const panel = page.locator(".layer-panel");
  if (await panel.evaluate((el) => el.open)) await panel.locator("summary").click();
  await page.waitForTimeout(800); // the camera's fit transition
  const box = await page.locator(".map-wrap").boundingBox();
  const clip = { x: Math.round(box.x + (box.width - 1200) / 2), y: Math.round(box.y + (box.height - 630) / 2), width: 1200, height: 630 };
  if (box.width < 1200 || box.height < 630) throw new Error(`map too small for the preview: ${JSON.stringify(box)}`);
  writeFileSync(new URL("../public/preview.png", import.meta.url), await page.screenshot({ clip, type: "png" }));
  console.log("wrote public/apple-touch-icon.png and public/preview.png");
} finally {
  await browser.close();
  await server.close();
}
