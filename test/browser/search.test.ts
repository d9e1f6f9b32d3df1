import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { buildablePosts, buildCorpus, corpusDir } from "../helpers.js";
import { serveStatic, type StaticServer } from "../static-server.js";
import { visibleSourceText } from "../text-runs.js";
import { browserSkipReason, launch } from "./chromium.js";

const skip = browserSkipReason();
const files = buildablePosts();
// What a reader can see of each post (title and summary included), to compute the expected results independently.
const texts = new Map(
  files.map((f) => {
    const fm = readFrontMatter(readFileSync(path.join(corpusDir, f), "utf8"));
    return [path.basename(f, ".md"), `${fm.data?.title ?? ""} ${fm.data?.summary ?? ""} ${visibleSourceText(fm.body)}`];
  }),
);
let browser: Browser;
let server: StaticServer;

before(async () => {
  if (skip) return;
  // With a path prefix: the search page must find its index and link results under it.
  server = await serveStatic(buildCorpus("search", { pathPrefix: "/repo/" }).siteRoot);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function search(query: string, filter?: (page: Page) => Promise<void>): Promise<{ slugs: string[]; hrefs: string[]; page: Page }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/repo/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector("html[data-search-ready]");
  if (filter) await filter(page);
  const hrefs = await page.locator("#search-results .result-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  assert.deepEqual(errors, []);
  return { hrefs, slugs: hrefs.map((h) => /\/repo\/posts\/([^/]+)\//.exec(h)?.[1] ?? h).sort(), page };
}

test("a Chinese word returns exactly the posts whose text contains it", { skip }, async () => {
  const expected = [...texts].filter(([, t]) => t.includes("泛化")).map(([s]) => s).sort();
  assert.ok(expected.length >= 2, "the corpus has posts with 泛化");
  const { slugs, page } = await search("泛化");
  assert.deepEqual(slugs, expected);
  assert.match(await page.locator("#search-status").textContent() ?? "", new RegExp(`${expected.length}`));
  assert.equal(new URL(page.url()).searchParams.get("q"), "泛化", "the query is in the URL");
  await page.close();
});

test("two characters that never stand together return nothing", { skip }, async () => {
  const all = [...texts.values()].join("\n");
  const common = [..."的是在我们这个有和人不了一就会说要大能"];
  let pair = "";
  for (const a of common) for (const b of common) if (!pair && a !== b && all.includes(a) && all.includes(b) && !all.includes(a + b)) pair = a + b;
  assert.ok(pair, "found a pair that never stands together");
  const { slugs } = await search(pair);
  assert.deepEqual(slugs, [], pair);
});

test("an English word finds the posts whose English contains it or its longer forms", { skip }, async () => {
  const word = "generalization";
  const expected = [...texts].filter(([, t]) => new RegExp(`\\b${word}`, "i").test(t)).map(([s]) => s).sort();
  assert.ok(expected.length >= 2);
  const { slugs } = await search(word);
  assert.deepEqual(slugs, expected);
});

test("filters narrow the results, with counts", { skip }, async () => {
  const broad = await search("泛化");
  const boxes = broad.page.locator('#search-filters input[name="speakers"]');
  assert.ok((await boxes.count()) > 1, "speaker filters with counts are offered");
  const box = boxes.first();
  const value = (await box.getAttribute("value")) ?? "";
  await box.check();
  await broad.page.waitForFunction((n) => document.querySelectorAll("#search-results .result").length < n, broad.slugs.length);
  const metas = await broad.page.locator("#search-results .post-meta").allTextContents();
  assert.ok(metas.length > 0 && metas.length < broad.slugs.length, `${value}: ${metas.length} of ${broad.slugs.length}`);
  assert.ok(metas.every((m) => m.includes(value)), "every remaining result has the speaker");
  assert.ok(new URL(broad.page.url()).searchParams.get("q"));
  await broad.page.close();
});

test("a result opens the passage with the match, highlighted", { skip }, async () => {
  const { hrefs, page } = await search("泛化");
  const href = hrefs.find((h) => /#t-\d+$/.test(h));
  assert.ok(href, `results link to passages: ${hrefs.join(" ")}`);
  await page.goto(server.url + href);
  const target = page.locator(":target");
  assert.match((await target.getAttribute("class")) ?? "", /^turn\b/);
  const box = await target.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 400, "scrolled into view");
  await page.close();
});
