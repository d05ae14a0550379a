import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
for (const [loc, w, h] of [["zh-CN",1280,800],["en-US",1280,800],["zh-CN",390,844],["en-US",390,844]]) {
  const ctx = await b.newContext({ viewport: { width: w, height: h }, locale: loc });
  const p = await ctx.newPage();
  const errs = []; p.on("console", m => { if (m.type() === "error" || m.type() === "warning") errs.push(m.text()); });
  await p.route(/\.wasm/, r => new Promise(() => {}));
  await p.goto("http://127.0.0.1:8096/portal/plan/", { waitUntil: "domcontentloaded" });
  await p.waitForTimeout(800);
  await p.screenshot({ path: `/tmp/pre-${loc}-${w}.png` });
  const c2 = await b.newContext({ viewport: { width: w, height: h }, locale: loc });
  const q = await c2.newPage();
  await q.goto("http://127.0.0.1:8096/portal/plan/");
  await q.waitForSelector(".app[data-ready]");
  await q.waitForTimeout(800);
  await q.screenshot({ path: `/tmp/rdy-${loc}-${w}.png` });
  console.log(loc, w, errs);
  await ctx.close(); await c2.close();
}
await b.close();
