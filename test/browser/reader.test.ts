import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { buildCorpus } from "../helpers.js";
import { serveStatic, type StaticServer } from "../static-server.js";
import { browserSkipReason, launch } from "./chromium.js";

const skip = browserSkipReason();
const SEED = "/posts/seed-ilya-sutskever-aR20FWCCjAs/";
let browser: Browser;
let server: StaticServer;
let site = "";

before(async () => {
  if (skip) return;
  site = buildCorpus("reader", { env: { NO_SEARCH: "1" } }).site;
  server = await serveStatic(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose saved preferences are set before any of its scripts run. */
async function open(prefs: Record<string, string>, width = 1280, url = SEED): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  // Seeded once per tab, so a reload shows what the page itself saved.
  await page.addInitScript((p: Record<string, string>) => {
    if (sessionStorage.getItem("seeded")) return;
    for (const [k, v] of Object.entries(p)) localStorage.setItem(k, v);
    sessionStorage.setItem("seeded", "1");
  }, prefs);
  await page.goto(server.url + url);
  await page.waitForSelector(".reader-controls[data-ready]");
  return page;
}

const firstTurn = (page: Page) => page.locator(".turn").nth(1);

test("view modes: originals collapsed, all open, translation only, original only", { skip }, async () => {
  const expect = { collapsed: [true, false, "closed"], open: [true, true, "open"], zh: [true, false, "hidden"], en: [false, true, "open"] } as const;
  for (const [mode, [translation, original, state]] of Object.entries(expect)) {
    const page = await open({ view: mode });
    const turn = firstTurn(page);
    assert.equal(await turn.locator(".translation p").first().isVisible(), translation, `${mode}: translation`);
    assert.equal(await turn.locator("details.original > p").first().isVisible(), original, `${mode}: original`);
    const details = turn.locator("details.original");
    if (state !== "hidden") assert.equal((await details.getAttribute("open")) !== null, state === "open", `${mode}: <details open> matches`);
    assert.equal(await page.locator(`input[name="view"][value="${mode}"]`).isChecked(), true);
    await page.close();
  }
});

test("side by side: translation and original in two columns at 1280 px, stacked on a phone", { skip }, async () => {
  for (const [width, side] of [[1280, true], [390, false]] as const) {
    const page = await open({ view: "side" }, width);
    const turn = firstTurn(page);
    const a = (await turn.locator(".translation").boundingBox())!;
    const b = (await turn.locator("details.original").boundingBox())!;
    if (side) assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1, `columns: ${JSON.stringify([a, b])}`);
    else assert.ok(b.y >= a.y + a.height - 1, "stacked");
    await page.close();
  }
});

test("changing the mode keeps the reader's place, and is remembered", { skip }, async () => {
  const page = await open({ view: "collapsed" });
  await page.locator("#t-40").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, (document.getElementById("t-40")!.getBoundingClientRect().top)));
  const before = await page.locator("#t-40").evaluate((el) => el.getBoundingClientRect().top);
  await page.locator('input[name="view"][value="open"]').check();
  const afterTop = await page.locator("#t-40").evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs(afterTop - before) < 4, `turn 40 moved from ${before} to ${afterTop}`);
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.view), "open");
  await page.close();
});

test("the controls work from the keyboard", { skip }, async () => {
  const page = await open({ view: "collapsed" });
  await page.locator('input[name="view"][value="collapsed"]').focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.view), "open");
  assert.equal(await page.evaluate(() => localStorage.getItem("view")), "open");
  await page.close();
});

test("arriving at #t-N opens that passage's original, even in the default mode", { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}${SEED}#t-12`);
  await page.waitForSelector(".reader-controls[data-ready]");
  assert.notEqual(await page.locator("#t-12 details.original").getAttribute("open"), null);
  assert.equal(await page.locator("#t-11 details.original").getAttribute("open"), null);
  assert.match((await page.locator("#t-12").getAttribute("class")) ?? "", /flash/);
  await page.close();
});

test("the contents mark the section being read", { skip }, async () => {
  const page = await open({ view: "collapsed" });
  await page.locator("#s-5").evaluate((el) => el.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('.toc a[aria-current="true"]')?.getAttribute("href") === "#s-5");
  assert.equal(await page.locator('.toc a[aria-current="true"]').count(), 1);
  await page.close();
});

test("theme switch: dark and light override the system, and are remembered", { skip }, async () => {
  const page = await open({ theme: "auto" });
  const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.locator('select[name="theme"]').selectOption("dark");
  const dark = await bg();
  assert.notEqual(dark, light);
  await page.reload();
  assert.equal(await bg(), dark, "remembered");
  await page.close();
  const system = await browser.newPage({ colorScheme: "dark" });
  await system.addInitScript(() => localStorage.setItem("theme", "light"));
  await system.goto(server.url + SEED);
  assert.equal(await system.evaluate(() => getComputedStyle(document.body).backgroundColor), light, "light wins over a dark system");
  await system.close();
});

test("a saved mode is applied without layout shift", { skip }, async () => {
  for (const view of ["open", "side", "en"]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript((v: string) => {
      localStorage.setItem("view", v);
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    }, view);
    await page.goto(server.url + SEED);
    await page.waitForSelector(".reader-controls[data-ready]");
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    assert.ok(cls < 0.01, `${view}: cumulative layout shift ${cls}`);
    await page.close();
  }
});

test("the post page ships at most 10 KB of JavaScript (gzip), none render-blocking", { skip }, () => {
  const html = readFileSync(path.join(site, SEED, "index.html"), "utf8");
  const srcs = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "").filter((a) => /\bsrc=/.test(a));
  assert.ok(srcs.every((a) => /type="module"|\bdefer\b/.test(a)), "external scripts are modules or deferred");
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
  const files = srcs.map((a) => readFileSync(path.join(site, /src="([^"]+)"/.exec(a)![1]!)));
  const total = [...files, ...inline.map((s) => Buffer.from(s))].reduce((n, b) => n + gzipSync(b).length, 0);
  assert.ok(total <= 10 * 1024, `${total} bytes gzip`);
});
