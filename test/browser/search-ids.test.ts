/**
 * Page ids across the search index's parts, through the search page in headless Chromium: a page the
 * build salted (its id made to meet an earlier part's by indexSite's test option) is found beside the
 * page it met; and an index whose parts do share an id (forged: one page's id renamed to the other's,
 * as Pagefind's 7-digit fragment hashes can meet) still lists both posts.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { indexSite, partPageUrls, type PartsManifest } from "../../src/search/index-site.js";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.js";
import { buildHere, tempDir } from "../helpers.js";
import { writeThreeMonths } from "../search-fixtures.js";
import { browserSkipReason, launch } from "./chromium.js";

const skip = browserSkipReason();
const tmp = tempDir("search-ids-browser");
const plain = path.join(tmp, "plain");
let browser: Browser;
const servers: StaticServer[] = [];


before(async () => {
  if (skip) return;
  const input = path.join(tmp, "posts");
  mkdirSync(input);
  // One post a month, a part each: the first and the last hold 对齐.
  writeThreeMonths(input);
  const r = await buildHere([`--input=${input}`, `--output=${plain}`], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** The search page's results for a query over the site in `dir`: their links, the status line, and what the page logged. */
async function search(dir: string, query: string): Promise<{ hrefs: string[]; status: string; warnings: string[]; titles: string[] }> {
  const server = await serveStatic(dir);
  servers.push(server);
  const page = await browser.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector("html[data-search-ready]");
  assert.deepEqual(errors, []);
  const hrefs = await page.locator("#search-results .result-title a").evaluateAll((as) => as.map((a) => (a.getAttribute("href") ?? "").replace(/#.*/, "")));
  const titles = await page.locator("#search-results .result").allTextContents();
  const status = (await page.locator("#search-status").textContent()) ?? "";
  await page.close();
  return { hrefs: hrefs.sort(), status, warnings, titles };
}

test("a salted page is found beside the page whose id it met, and shows nothing of its salt", { skip }, async () => {
  const dir = path.join(tmp, "salted");
  cpSync(plain, dir, { recursive: true });
  const r = await indexSite(dir, 1, undefined, { jobs: 1, sameIds: [["posts/first/index.html", "posts/last/index.html"]] });
  assert.equal(r.salted, 1);
  const found = await search(dir, "对齐");
  assert.deepEqual(found.hrefs, ["/posts/first/", "/posts/last/"]);
  assert.match(found.status, /2/);
  assert.deepEqual(found.warnings, []);
  for (const t of found.titles) assert.doesNotMatch(t, /salt/);
});

test("parts that do share an id: both posts are listed and counted, and the page says so", { skip }, async () => {
  const dir = path.join(tmp, "shared");
  cpSync(plain, dir, { recursive: true });
  await indexSite(dir, 1, undefined, { jobs: 1 });
  // The last post's id renamed to the first post's: its fragment, and its entry in its part's metadata
  // (gzip of a signature and CBOR, where the id is a string of the same length).
  const idOf = (folder: string, url: string): string => [...partPageUrls(path.join(dir, folder))].find(([, u]) => u === url)?.[0] ?? "";
  const [first, last] = [idOf("pagefind", "/posts/first/"), idOf("pagefind-3", "/posts/last/")];
  assert.equal(first.length, last.length);
  renameSync(path.join(dir, "pagefind-3/fragment", `${last}.pf_fragment`), path.join(dir, "pagefind-3/fragment", `${first}.pf_fragment`));
  const parts = JSON.parse(readFileSync(path.join(dir, "pagefind/parts.json"), "utf8")) as PartsManifest;
  const meta = path.join(dir, "pagefind-3", parts.parts[2]?.meta ?? "");
  const bytes = gunzipSync(readFileSync(meta));
  const at = bytes.indexOf(last);
  assert.ok(at > 0 && bytes.indexOf(last, at + 1) < 0, "the id once in the metadata");
  writeFileSync(meta, gzipSync(Buffer.concat([bytes.subarray(0, at), Buffer.from(first), bytes.subarray(at + last.length)])));
  assert.deepEqual(readdirSync(path.join(dir, "pagefind-3/fragment")), [`${first}.pf_fragment`]);
  const found = await search(dir, "对齐");
  assert.deepEqual(found.hrefs, ["/posts/first/", "/posts/last/"], "neither post is lost");
  assert.match(found.status, /2/);
  assert.equal(found.warnings.length, 1, found.warnings.join("\n"));
  assert.match(found.warnings[0] ?? "", new RegExp(first));
});
