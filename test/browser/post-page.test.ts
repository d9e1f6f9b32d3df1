import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildHere, seedFolder, tempDir } from "../helpers.js";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.js";
import { browserSkipReason, launch } from "./chromium.js";

const skip = browserSkipReason();
let browser: Browser;
let server: StaticServer;
const SEED = "/posts/aR20FWCCjAs/";

before(async () => {
  if (skip) return;
  // The seed post alone, under its short name, as the project ships it.
  const out = path.join(tempDir("post-page"), "site");
  const r = await buildHere([`--input=${seedFolder()}`, `--output=${out}`], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
  server = await serveStatic(out);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(server.url + url);
  return { page, errors };
}

test("originals are collapsed until opened, and open natively with a click or the keyboard", { skip }, async () => {
  const { page, errors } = await open(SEED);
  const originals = page.locator(".t > details");
  assert.equal(await originals.count(), 121);
  const first = originals.first();
  const english = first.locator("p").first();
  assert.equal(await english.isVisible(), false, "collapsed by default");
  await first.locator("summary").click();
  assert.equal(await english.isVisible(), true);
  assert.equal(await english.textContent(), "You know what's crazy? That all of this is real.");
  const second = originals.nth(1);
  await second.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await second.getAttribute("open"), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a turn permalink scrolls its turn into view", { skip }, async () => {
  const { page } = await open(`${SEED}#t-40`);
  const box = await page.locator("#t-40").boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 200, `turn 40 at y=${box?.y}`);
  await page.close();
});

test("reading measure: Chinese lines stay comfortable on desktop and fit a phone", { skip }, async () => {
  for (const [width, min, max] of [[1280, 560, 720], [390, 300, 390]] as const) {
    const { page } = await open(SEED, width);
    const p = page.locator(".t > div p").first();
    const box = await p.boundingBox();
    assert.ok(box && box.width >= min && box.width <= max, `${width}px viewport: paragraph ${box?.width}px wide`);
    const style = await p.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { fontSize: parseFloat(cs.fontSize), lineHeight: parseFloat(cs.lineHeight) };
    });
    assert.ok(style.lineHeight / style.fontSize >= 1.6, "Chinese needs generous line height");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${width}px: no horizontal scrolling`);
    await page.close();
  }
});

test("speaker names are styled apart from the text", { skip }, async () => {
  const { page } = await open(SEED);
  const speaker = page.locator(".t > div .sp").first();
  assert.equal(await speaker.textContent(), "Ilya：");
  const [speakerColor, textColor] = await page.evaluate(() => [
    getComputedStyle(document.querySelector(".t > div .sp")!).color,
    getComputedStyle(document.querySelector(".t > div p")!).color,
  ]);
  assert.notEqual(speakerColor, textColor);
  await page.close();
});
