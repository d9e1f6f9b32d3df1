import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { corpusSite, root } from "../helpers.js";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.js";
import { browserSkipReason, launch } from "./chromium.js";

/** The site's own UI strings (not an author's settings). */
const ui = JSON.parse(readFileSync(path.join(root, "_data/ui.json"), "utf8")) as { printNote: Record<string, string> };

const skip = browserSkipReason();
const SEED = "/posts/seed-ilya-sutskever-aR20FWCCjAs/";
let browser: Browser;
let server: StaticServer;
let site = "";

before(async () => {
  if (skip) return;
  site = corpusSite("plain").site;
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

const firstTurn = (page: Page) => page.locator(".t").nth(1);

test("view modes: originals collapsed, all open, translation only, original only", { skip }, async () => {
  const expect = { collapsed: [true, false, "closed"], open: [true, true, "open"], zh: [true, false, "hidden"], en: [false, true, "open"] } as const;
  for (const [mode, [translation, original, state]] of Object.entries(expect)) {
    const page = await open({ view: mode });
    const turn = firstTurn(page);
    assert.equal(await turn.locator(":scope > div p").first().isVisible(), translation, `${mode}: translation`);
    assert.equal(await turn.locator("details > p").first().isVisible(), original, `${mode}: original`);
    const details = turn.locator("details");
    if (state !== "hidden") assert.equal((await details.getAttribute("open")) !== null, state === "open", `${mode}: <details open> matches`);
    assert.equal(await page.locator(`input[name="view"][value="${mode}"]`).isChecked(), true);
    await page.close();
  }
});

test("side by side: translation and original in two columns at 1280 px, stacked on a phone", { skip }, async () => {
  // One page at both widths (the layout is the stylesheet's, by the screen's width).
  const page = await open({ view: "side" }, 1280);
  for (const [width, side] of [[1280, true], [390, false]] as const) {
    await page.setViewportSize({ width, height: 900 });
    const turn = firstTurn(page);
    const a = (await turn.locator(":scope > div").boundingBox())!;
    const b = (await turn.locator("details").boundingBox())!;
    if (side) assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1, `columns: ${JSON.stringify([a, b])}`);
    else assert.ok(b.y >= a.y + a.height - 1, "stacked");
  }
  await page.close();
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
  assert.notEqual(await page.locator("#t-12 > details").getAttribute("open"), null);
  assert.equal(await page.locator("#t-11 > details").getAttribute("open"), null);
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
  // Pages other than posts apply the saved theme too (with a script of their own, before first paint).
  for (const other of ["/", "/tags/"]) {
    await page.goto(server.url + other);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", other);
    assert.equal(await bg(), dark, `${other}: remembered`);
  }
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
    // Fonts loaded and two frames painted since: any shift the page makes has been observed.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
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

test("a linked passage shows its original even in translation-only mode; the highlight fades; glossary links work too", { skip }, async () => {
  const page = await open({ view: "zh" });
  assert.equal(await page.locator("#t-12 > details").isVisible(), false, "hidden in this mode");
  await page.evaluate(() => (location.hash = "#t-12"));
  await page.waitForFunction(() => document.getElementById("t-12")!.classList.contains("flash"));
  assert.equal(await page.locator("#t-12 > details > p").first().isVisible(), true, "hashchange opens it");
  assert.equal(await page.locator("#t-11 > details").isVisible(), false, "only that passage");
  const bg = (): Promise<string> => page.locator("#t-12").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(await bg(), "rgba(0, 0, 0, 0)", "highlighted");
  await page.waitForFunction(() => getComputedStyle(document.getElementById("t-12")!).backgroundColor === "rgba(0, 0, 0, 0)", null, { timeout: 10_000 });
  assert.equal(await bg(), "rgba(0, 0, 0, 0)", "the highlight has faded");
  // The glossary at the end links each term to its first use.
  const first = page.locator(".glossary dt a").first();
  const href = (await first.getAttribute("href"))!;
  await first.click();
  await page.waitForFunction((id) => document.getElementById(id)!.classList.contains("flash"), href.slice(1));
  await page.close();
});

test("every passage gets its permalink, named by the one hidden label; the links are in the tab order and show when focused", { skip }, async () => {
  // One page at both widths (a phone's is the same page under the narrow screen's rules): the seed post is the costliest page to load.
  const page = await open({ view: "collapsed" }, 1280);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // reader.js adds them (the markup has none): one per passage, at the end of its translation, to its id.
    const links = await page.evaluate(() =>
      [...document.querySelectorAll(".t")].map((t) => {
        const a = t.querySelectorAll("a[aria-labelledby]");
        return a.length === 1 && a[0]!.parentElement === t.firstElementChild && a[0]!.getAttribute("aria-labelledby") === "tl" && a[0]!.getAttribute("href") === `#${t.id}` && a[0]!.textContent === "#";
      }),
    );
    assert.ok(links.length > 100 && links.every(Boolean), `${width}: ${links.filter((ok) => !ok).length} of ${links.length} passages without their one permalink`);
    const link = page.locator("#t-3 > div > a");
    assert.equal(await link.evaluate((el) => getComputedStyle(el).opacity), "0");
    await page.locator("#t-2 > details > summary").focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), "#t-3", `${width}: Tab reaches the next passage's link`);
    assert.equal(await link.evaluate((el) => getComputedStyle(el).opacity), "1", `${width}: visible on focus`);
    const box = (await link.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= width, `${width}: inside the screen (${box.x})`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }
  await page.close();
});

test("the controls are reached with Tab and operated with the keyboard (mode and theme)", { skip }, async () => {
  const page = await open({ view: "collapsed", theme: "light" });
  let name = "";
  for (let i = 0; i < 80 && name !== "view"; i++) {
    await page.keyboard.press("Tab");
    name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");
  }
  assert.equal(name, "view", "Tab reaches the view mode control");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.closest("label")!).outlineStyle);
  assert.equal(ring, "solid", "the focused mode shows a focus ring");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.view), "side");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLSelectElement).name), "theme", "Tab goes on to the theme");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await page.evaluate(() => localStorage.getItem("theme")), "dark");
  await page.close();
});

test("contents: one closed line on a phone, an open list in the margin on a wide screen", { skip }, async () => {
  const phone = await open({ view: "collapsed" }, 390);
  assert.equal(await phone.locator(".toc details").getAttribute("open"), null);
  assert.equal(await phone.locator(".toc ol").isVisible(), false);
  await phone.locator(".toc summary").click();
  assert.equal(await phone.locator(".toc ol").isVisible(), true, "a tap opens it");
  await phone.close();
  const wide = await open({ view: "collapsed" }, 1280);
  assert.notEqual(await wide.locator(".toc details").getAttribute("open"), null, "open for assistive technology too");
  const toc = (await wide.locator(".toc").boundingBox())!;
  const text = (await wide.locator(".transcript").boundingBox())!;
  assert.ok(toc.x + toc.width <= text.x, "beside the text, not above it");
  await wide.mouse.wheel(0, 5000);
  await wide.waitForFunction(() => window.scrollY > 1000);
  await wide.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok(((await wide.locator(".toc").boundingBox())!.y) >= 0, "still in view after scrolling");
  await wide.close();
});

test("glossary terms reveal their English term and explanation on focus, inside the screen", { skip }, async () => {
  // One page at both widths, as for the permalinks above.
  const page = await open({ view: "collapsed" }, 1280);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const term = page.locator(".transcript .term").first();
    const gloss = term.locator(".gloss");
    assert.equal(await gloss.evaluate((el) => getComputedStyle(el).opacity), "0", "hidden until asked for");
    assert.match((await gloss.textContent()) ?? "", /evals/, "the note stays in the text for screen readers");
    await term.focus();
    assert.equal(await gloss.evaluate((el) => getComputedStyle(el).opacity), "1");
    const box = (await gloss.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= width, `${width}: the note fits the screen (${JSON.stringify(box)})`);
    assert.equal(await page.locator(".glossary dt").count(), 7, "the glossary lists the seed's seven terms");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }
  await page.close();
});

test("no mode makes a phone scroll sideways", { skip }, async () => {
  // One page, each mode chosen with its control in turn: a mode is the page's data-view and its
  // originals' open state, whether remembered or chosen (reader.js), and the seed post is the
  // costliest page to load.
  const page = await open({ view: "collapsed" }, 390);
  for (const view of ["collapsed", "open", "side", "zh", "en"]) {
    const width = await page.evaluate((v) => {
      (document.querySelector(`input[name="view"][value="${v}"]`) as HTMLInputElement).click();
      return document.documentElement.dataset.view === v ? document.documentElement.scrollWidth : -1;
    }, view);
    assert.equal(width, 390, view);
  }
  await page.close();
});

test("print: the current mode, with a note saying which, and no controls", { skip }, async () => {
  const page = await open({ view: "side" });
  await page.emulateMedia({ media: "print" });
  // The note is the transcript's ::before, drawn by site.css for the current mode (ui.json's printNote).
  const note = () => page.evaluate(() => getComputedStyle(document.querySelector(".transcript") as Element, "::before").content);
  assert.equal(await note(), JSON.stringify(ui.printNote.side));
  await page.evaluate(() => (document.documentElement.dataset.view = "collapsed"));
  assert.equal(await note(), JSON.stringify(ui.printNote.collapsed));
  await page.evaluate(() => (document.documentElement.dataset.view = "side"));
  assert.equal(await page.locator(".reader-controls").isVisible(), false);
  assert.equal(await firstTurn(page).locator("details > p").first().isVisible(), true, "originals print open in side-by-side mode");
  await page.close();
});

test("without JavaScript the post reads in the default mode: controls hidden, originals collapsed, contents usable", { skip }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + SEED);
  assert.equal(await page.locator(".reader-controls").isVisible(), false);
  assert.equal(await firstTurn(page).locator(":scope > div p").first().isVisible(), true);
  assert.equal(await firstTurn(page).locator("details > p").first().isVisible(), false);
  assert.equal(await page.locator(".toc ol").isVisible(), true, "a wide screen shows the contents");
  await firstTurn(page).locator("details > summary").click();
  assert.equal(await firstTurn(page).locator("details > p").first().isVisible(), true, "originals open natively");
  await context.close();
});
