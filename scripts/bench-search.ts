/**
 * `npm run bench:search -- [--posts=1000] [--work=DIR] [--reuse] [--queries-only] [--limit=300] [--only=q1,q2] [--against=DIR]`
 * The search benchmark: generates an archive shaped like the real one (scripts/gen-corpus.ts),
 * builds it without search, indexes it (time, tree peak memory, size per part), serves it on
 * 127.0.0.1 and runs a fixed list of queries through the real search page in headless Chromium,
 * cold (a fresh browser context per query) and warm (a second query typed on the same page).
 * Ground truth comes from the built pages' indexed text: a Chinese word matches where it stands
 * unbroken, English words where a word has the same Porter2 (Snowball English) stem, several words
 * where they stand next to each other. Prints per-query and median figures. `--reuse` keeps a site
 * already built in the work folder (and indexes it again); `--queries-only` keeps its index too and
 * only runs the queries (`--only` picks some of them), for trying a change to the search page after
 * copying it into the built site. `--against=DIR` runs every query on a second built site of the same
 * posts too (a copy of the work folder's site, `cp -al` hard links, holding another search page: copy
 * the page's files over after deleting the links, or the first site changes with them), the two
 * one after the other per query, in turn first, and prints both sites' figures and the median of
 * their differences: on a shared, noisy machine, only figures taken side by side compare.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { parse } from "node-html-parser";
import type { Page } from "playwright-core";
import stem from "wink-porter2-stemmer";
import { measure } from "./bench/measure.js";
import { folderSize, indexedPagesOf, indexSite, indexSize } from "../src/search/index-site.js";
import { serveStatic } from "../src/serve/static-server.js";
import { launch } from "../test/browser/chromium.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: { against: { type: "string" }, posts: { type: "string", default: "1000" }, work: { type: "string" }, reuse: { type: "boolean", default: false }, "queries-only": { type: "boolean", default: false }, only: { type: "string" }, limit: { type: "string", default: "300" }, "index-only": { type: "string" } },
});

// Run by the benchmark itself, under measure(): index a site and print each part's time.
if (values["index-only"]) {
  const dir = values["index-only"];
  const r = await indexSite(dir, undefined, (done, total) => console.log(`parts done: ${done}/${total}`));
  const sizes = readdirSync(dir).filter((f) => /^pagefind(-\d+)?$/.test(f)).sort((a, b) => (Number(a.slice(9)) || 1) - (Number(b.slice(9)) || 1)).map((f) => folderSize(path.join(dir, f)));
  for (const [k, size] of sizes.entries()) console.log(`part ${k + 1}/${sizes.length}: ${(r.partSeconds[k] ?? 0).toFixed(1)} s, ${(size.bytes / 2 ** 20).toFixed(1)} MiB in ${size.files} files`);
  console.log(`index: ${r.pages} pages, ${r.parts} parts, ${(r.bytes / 2 ** 20).toFixed(1)} MiB in ${r.files} files, ${(r.ms / 1000).toFixed(1)} s`);
  process.exit(0);
}

const posts = Number(values.posts);
const work = path.resolve(values.work ?? path.join(tmpdir(), `bench-search-${posts}`));
const input = path.join(work, "posts");
const site = path.join(work, "site");
const node = process.execPath;
const tsx = (script: string, args: string[]): [string, string[]] => [node, ["--import", "tsx", path.join(root, "scripts", script), ...args]];

/** The fixed queries: frequent and rare Chinese words, English words with inflections that must and must not match, phrases, mixed, none. */
const QUERIES = [
  // Chinese, frequent to rare
  "模型", "问题", "市场", "数据", "能力", "技术", "经济", "价值", "未来", "风险",
  "泛化能力", "强化学习", "预训练", "通货膨胀", "地缘政治", "商业模式", "基础设施", "护城河", "心理健康", "规模定律",
  "对齐", "芯片", "供应链", "利率", "幻觉", "微调", "上下文窗口", "推理模型",
  // no result: characters that never stand together
  "函价", "型模", "泛化函数",
  // English: inflections that must match, and near words that must not
  "inflation", "policy", "police", "models", "modeling", "training", "trained", "markets", "capital", "bubble", "risk", "agents", "benchmark",
  // phrases and several words
  "value function", "supply chain", '"the model"', "long-term risk", "scaling law",
  // mixed
  "AI 模型", "LLM 对齐", "market 风险",
  // single character, no result in English
  "泛", "zyxwvq",
];

interface Truth { slug: string; text: string; words: string[]; stems: string[] }

/** What a reader can search of each built post page: its indexed part without the ignored elements. */
function groundTruth(): Truth[] {
  const out: Truth[] = [];
  for (const f of indexedPagesOf(site)) {
    const doc = parse(readFileSync(path.join(site, f), "utf8"));
    const body = doc.querySelector("[data-pagefind-body]");
    if (!body) continue;
    for (const el of body.querySelectorAll("[data-pagefind-ignore]")) el.remove();
    // Block elements end a word.
    const text = body.structuredText;
    // Words other than Chinese: an English word written against Chinese characters (的LLM模型) is a word too.
    const words = (text.replace(/\p{Script=Han}+/gu, " ").match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
    out.push({ slug: f.split(/[\\/]/)[1] ?? f, text, words, stems: words.map((w) => stem(w)) });
  }
  return out;
}

/** Whether a post matches a query, by the rules the issue sets (see the file's comment). */
function matches(t: Truth, query: string): boolean {
  const units: string[][] = [];
  const parts = query.split('"');
  for (const [i, part] of parts.entries()) {
    if (i % 2) units.push(part.trim().split(/\s+/));
    else for (const m of part.matchAll(/(\p{Script=Han}+)|([^\s\p{Script=Han}]+(?:\s+[^\s\p{Script=Han}]+)*)/gu)) units.push(m[1] ? [m[1]] : (m[2] ?? "").split(/\s+/));
  }
  return units.every((u) => {
    if (u.length === 1 && /\p{Script=Han}/u.test(u[0] ?? "")) return t.text.includes(u[0] ?? "");
    const want = u.flatMap((w) => (w.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])).map((w) => stem(w));
    if (!want.length) return false;
    for (let i = 0; i + want.length <= t.stems.length; i++) if (want.every((s, k) => t.stems[i + k] === s)) return true;
    return false;
  });
}

/**
 * The posts each query must find (slugs, by query), read from the built pages (groundTruth, matches)
 * or from the work folder, where they are kept beside the site they were read from: reading 9,000
 * pages takes minutes on a loaded machine, for every run. Kept while the site's list of index parts
 * (which names each part's metadata by a hash of its content) and the queries are the same.
 */
function expectedPosts(): { posts: number; expected: Map<string, Set<string>> } {
  const manifest = path.join(site, "pagefind", "parts.json");
  const key = existsSync(manifest) ? JSON.stringify([readFileSync(manifest, "utf8"), QUERIES]) : "";
  const file = path.join(work, "expected.json");
  type Kept = { key: string; posts: number; slugs: string[]; found: Record<string, number[]> };
  if (key && existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, "utf8")) as Kept;
    if (kept.key === key) return { posts: kept.posts, expected: new Map(Object.entries(kept.found).map(([q, ks]) => [q, new Set(ks.map((k) => kept.slugs[k] ?? ""))])) };
  }
  const truth = groundTruth();
  const expected = new Map(QUERIES.map((q) => [q, new Set(truth.filter((t) => matches(t, q)).map((t) => t.slug))]));
  if (key) {
    const slugs = truth.map((t) => t.slug);
    const at = new Map(slugs.map((slug, k) => [slug, k]));
    const found = Object.fromEntries([...expected].map(([q, set]) => [q, [...set].map((slug) => at.get(slug) ?? -1)]));
    writeFileSync(file, JSON.stringify({ key, posts: truth.length, slugs, found } satisfies Kept));
  }
  return { posts: truth.length, expected };
}

interface Figures { query: string; truth: number; count: number; listed: number; precision: number; recall: number; estimated: boolean; firstMs: number; finalMs: number; bytes: number; requests: number; warmMs: number }

/**
 * When the search page showed its first result and finished each search, in milliseconds from its
 * navigation (`origin`: that moment as epoch milliseconds), recorded by the page itself
 * (WATCH_SEARCH_PAGE): the frame after the DOM changed. A bench that polled for them from here would
 * see them late, when the page's thread is busy with what comes after (the filter counts).
 */
interface PageTimes { origin: number; first: number; done: number[]; submit: number }

/** Wait until the page has finished `searches` searches (and the frames that show them); their times. */
async function pageTimes(page: Page, searches: number): Promise<PageTimes> {
  await page.waitForFunction((n) => {
    const t = (window as unknown as { benchTimes?: PageTimes }).benchTimes;
    return t !== undefined && t.done.length >= n && t.first !== -2;
  }, searches, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { benchTimes: PageTimes }).benchTimes);
}

/**
 * Records PageTimes in the page, run in it before its own scripts (a Playwright init script). Plain
 * JavaScript in a string: a function of this file would be passed as its source, and the TypeScript
 * loader adds helpers to that source which the page does not have.
 */
const WATCH_SEARCH_PAGE = `(() => {
  performance.setResourceTimingBufferSize(100000);
  const times = { origin: performance.timeOrigin, first: -1, done: [], submit: -1 };
  window.benchTimes = times;
  // The frame that first paints a change: a callback before it, its timestamp when it starts.
  const onFrame = (record) => requestAnimationFrame(() => record(performance.now()));
  const firstSeen = () => {
    times.first = -2;
    onFrame((t) => (times.first = t));
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "childList" && times.first === -1 && document.querySelector("#search-results .result")) firstSeen();
      if (r.type === "attributes" && r.attributeName === "data-search-done") {
        // A search with no result: its first result is its end.
        if (times.first === -1) firstSeen();
        onFrame((t) => times.done.push(t));
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-search-done"] });
  document.addEventListener("submit", () => (times.submit = performance.now()), true);
})();`;

/**
 * Requests and bytes transferred so far (the page's navigation and every resource, from the page's
 * own Resource Timing: WATCH_SEARCH_PAGE makes its buffer large enough). Counted from Playwright's
 * responses they were a quarter or less of the truth: the static server sends no content-length, and
 * reading a body back fails for most of Pagefind's files.
 */
async function transferred(page: Page): Promise<{ bytes: number; requests: number }> {
  const own = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")] as PerformanceResourceTiming[];
    return { bytes: entries.reduce((n, e) => n + e.transferSize, 0), requests: entries.length };
  });
  // A worker's requests are in its own Resource Timing (the search page searches half the index's
  // parts in one): added here. Plain JavaScript in a string, as WATCH_SEARCH_PAGE.
  for (const worker of page.workers()) {
    const theirs = (await worker.evaluate(WORKER_TRANSFERRED)) as { bytes: number; requests: number };
    own.bytes += theirs.bytes;
    own.requests += theirs.requests;
  }
  return own;
}
const WORKER_TRANSFERRED = `(() => {
  const entries = performance.getEntriesByType("resource");
  return { bytes: entries.reduce((n, e) => n + e.transferSize, 0), requests: entries.length };
})()`;
/** A worker's Resource Timing keeps all its entries too (WATCH_SEARCH_PAGE does so for the page). */
const WORKER_BUFFER = "performance.setResourceTimingBufferSize(100000)";

async function runQuery(page: Page, base: string, query: string, limit: number, truthSlugs: Set<string>, warmQuery: string): Promise<Figures> {
  const t0 = Date.now();
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector("html[data-search-done]", { timeout: 120_000 });
  const cold = await pageTimes(page, 1);
  const firstMs = cold.origin + cold.first - t0;
  const finalMs = cold.origin + (cold.done[0] ?? NaN) - t0;
  const { bytes, requests } = await transferred(page);
  const statusText = (await page.locator("#search-status").textContent()) ?? "";
  const count = Number(/找到 (\d+) 篇/.exec(statusText)?.[1] ?? 0);
  // Every result, by "more", up to the limit.
  for (;;) {
    const listed = await page.locator("#search-results .result").count();
    if (listed >= limit || !(await page.locator("#search-more").isVisible())) break;
    await page.click("#search-more");
    // Results are listed one by one as they are read: the list is busy until the last of them.
    await page.waitForSelector("#search-results:not([aria-busy])", { state: "attached", timeout: 120_000 });
  }
  const hrefs = await page.locator("#search-results .result-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const slugs = hrefs.map((h) => /\/posts\/([^/]+)\//.exec(h)?.[1] ?? h);
  const right = slugs.filter((s) => truthSlugs.has(s)).length;
  const precision = slugs.length ? right / slugs.length : count === 0 && truthSlugs.size === 0 ? 1 : 0;
  const estimated = slugs.length < count;
  // Past the limit, recall is estimated from the exact count and the precision of those listed.
  const recall = truthSlugs.size === 0 ? (count === 0 ? 1 : 0) : Math.min(1, estimated ? (precision * count) / truthSlugs.size : right / truthSlugs.size);
  // Warm: another query typed on the same page, from the moment it is submitted.
  await page.fill("#search-q", warmQuery);
  await page.press("#search-q", "Enter");
  const warm = await pageTimes(page, cold.done.length + 1);
  const warmMs = (warm.done.at(-1) ?? NaN) - warm.submit;
  return { query, truth: truthSlugs.size, count, listed: slugs.length, precision, recall, estimated, firstMs, finalMs, bytes, requests, warmMs };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : NaN;
};

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  if (!(values.reuse || values["queries-only"]) || !existsSync(path.join(site, "index.html"))) {
    const gen = spawnSync(...tsx("gen-corpus.ts", [`--count=${posts}`, `--out=${input}`]), { encoding: "utf8" });
    if (gen.status !== 0) throw new Error(gen.stderr);
    console.log(gen.stdout.trim());
    const build = await measure(...tsx("build.ts", [`--input=${input}`, `--output=${site}`]), { NO_SEARCH: "1" });
    if (build.status !== 0) throw new Error(build.output.slice(-3000));
    console.log(`build without search: ${(build.wallMs / 1000).toFixed(1)} s`);
  }
  if (values["queries-only"] && existsSync(path.join(site, "pagefind", "pagefind-entry.json"))) {
    const size = indexSize(site);
    console.log(`index (kept): ${size.parts} parts, ${(size.bytes / 2 ** 20).toFixed(1)} MiB in ${size.files} files`);
  } else {
    const index = await measure(...tsx("bench-search.ts", [`--index-only=${site}`]));
    if (index.status !== 0) throw new Error(index.output.slice(-3000));
    console.log(index.output.split("\n").filter((l) => /^(part|index)/.test(l)).join("\n"));
    console.log(`indexing: ${(index.wallMs / 1000).toFixed(1)} s wall, tree peak ${index.treePeakMiB.toFixed(0)} MiB`);
  }

  const { posts: truthPosts, expected: expectedOf } = expectedPosts();
  const sites = [{ name: values.against ? "A" : "", dir: site }, ...(values.against ? [{ name: "B", dir: path.resolve(values.against) }] : [])];
  const servers = await Promise.all(sites.map((s) => serveStatic(s.dir)));
  const browser = await launch();
  const limit = Number(values.limit);
  const rows: Figures[][] = sites.map(() => []);
  const load = (): string => loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`load average ${load()}${values.against ? ` (A: ${site}, B: ${sites[1]?.dir})` : ""}`);
  try {
    const only = values.only?.split(",");
    let n = 0;
    for (const [i, query] of QUERIES.entries()) {
      if (only && !only.includes(query)) continue;
      const expected = expectedOf.get(query) ?? new Set<string>();
      // With two sites, each query runs on both, one after the other, the first in turn.
      const order = sites.map((_, k) => k);
      if (n++ % 2) order.reverse();
      for (const k of order) {
        const context = await browser.newContext(); // cold: an empty cache
        const page = await context.newPage();
        await page.addInitScript({ content: WATCH_SEARCH_PAGE });
        page.on("worker", (worker) => void worker.evaluate(WORKER_BUFFER).catch(() => undefined));
        rows[k]?.push(await runQuery(page, servers[k]?.url ?? "", query, limit, expected, QUERIES[(i + 7) % QUERIES.length] ?? "模型"));
        await context.close();
      }
      for (const [k, s] of sites.entries()) {
        const r = rows[k]?.at(-1);
        if (!r) continue;
        console.log(
          `${s.name ? `${s.name} ` : ""}${r.query.padEnd(14)} truth ${String(r.truth).padStart(5)} shown ${String(r.count).padStart(5)} listed ${String(r.listed).padStart(4)}  P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}${r.estimated ? "~" : " "}  first ${(r.firstMs / 1000).toFixed(2)} s final ${(r.finalMs / 1000).toFixed(2)} s  ${(r.bytes / 2 ** 20).toFixed(2)} MiB ${String(r.requests).padStart(3)} req  warm ${(r.warmMs / 1000).toFixed(2)} s`,
        );
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  console.log(`load average ${load()}`);
  const f = (xs: number[], d = 3): string => `median ${median(xs).toFixed(d)}, min ${Math.min(...xs).toFixed(d)}, max ${Math.max(...xs).toFixed(d)}`;
  for (const [k, s] of sites.entries()) {
    const r = rows[k] ?? [];
    console.log(`\n${s.name ? `${s.name} (${s.dir}): ` : ""}${r.length} queries over ${truthPosts} posts (~: recall estimated from the exact count past ${limit} listed)`);
    console.log(`precision ${f(r.map((x) => x.precision))}; mean ${(r.reduce((a, x) => a + x.precision, 0) / r.length).toFixed(3)}`);
    console.log(`recall    ${f(r.map((x) => x.recall))}; mean ${(r.reduce((a, x) => a + x.recall, 0) / r.length).toFixed(3)}`);
    console.log(`count exact: ${r.filter((x) => x.count === x.truth).length}/${r.length}`);
    console.log(`first result s ${f(r.map((x) => x.firstMs / 1000), 2)}; final s ${f(r.map((x) => x.finalMs / 1000), 2)}; warm s ${f(r.map((x) => x.warmMs / 1000), 2)}`);
    console.log(`MiB per query ${f(r.map((x) => x.bytes / 2 ** 20), 2)}; requests ${f(r.map((x) => x.requests), 0)}`);
  }
  const [a, b] = rows;
  if (a && b) {
    /** The median of B's figure minus A's, query by query. */
    const diff = (get: (x: Figures) => number, d = 2): string => median(a.map((x, i) => get(b[i] ?? x) - get(x))).toFixed(d);
    console.log(`\nB - A, median of the differences per query: first result ${diff((x) => x.firstMs / 1000)} s, final ${diff((x) => x.finalMs / 1000)} s, warm ${diff((x) => x.warmMs / 1000)} s, ${diff((x) => x.bytes / 2 ** 20)} MiB, ${diff((x) => x.requests, 0)} requests`);
  }
}

await main();
