/**
 * Page ids unique across the search index's parts (src/search/collisions.ts, wired in index-site.ts):
 * two pages of different parts made to share an id (indexSite's test option `sameIds`, as a real
 * collision of Pagefind's 7-digit fragment hashes is a one-in-268-million event), the later one salted,
 * and builds over a previous site that are byte for byte clean builds.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readFragment, type FragmentJson } from "../../src/search/fragments.js";
import { indexSite, partFolder, partPageIds, partPageUrls, SEARCH_MANIFEST, type SearchManifest } from "../../src/search/index-site.js";
import { buildHere, tempDir } from "../helpers.js";
import { indexFiles, writeThreeMonths } from "../search-fixtures.js";

const tmp = tempDir("search-ids");
const plain = path.join(tmp, "plain");
const FIRST = "posts/first/index.html";
const MIDDLE = "posts/middle/index.html";
const LAST = "posts/last/index.html";
/** The test's collision: the last post's unsalted id reads as the first one's. */
const sameIds = [[FIRST, LAST]] as const;


before(async () => {
  const input = path.join(tmp, "posts");
  mkdirSync(input);
  // One post a month: with one post a part, three parts in this order.
  writeThreeMonths(input);
  const r = await buildHere([`--input=${input}`, `--output=${plain}`], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
});

/** A copy of the built site without an index, to index. */
function copySite(name: string): string {
  const dir = path.join(tmp, name);
  cpSync(plain, dir, { recursive: true });
  return dir;
}

function assertSameIndex(mine: string, theirs: string, what: string): void {
  const [a, b] = [indexFiles(mine), indexFiles(theirs)];
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${what}: the same files`);
  for (const [f, bytes] of a) assert.ok(bytes.equals(b.get(f)!), `${what}: ${f} is byte for byte a clean build's`);
}

const manifestOf = (dir: string): SearchManifest => JSON.parse(readFileSync(path.join(dir, SEARCH_MANIFEST), "utf8")) as SearchManifest;

/** Each page's id, by URL, over every part (and no id in two parts). */
function idsByUrl(dir: string, parts: number): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<string>();
  for (let k = 0; k < parts; k++) {
    for (const [id, url] of partPageUrls(path.join(dir, partFolder(k)))) {
      assert.ok(!seen.has(id), `${id} is in one part only`);
      seen.add(id);
      out.set(url, id);
    }
  }
  return out;
}

function fragment(dir: string, k: number, id: string): FragmentJson {
  return readFragment(path.join(dir, partFolder(k), "fragment", `${id}.pf_fragment`));
}

test("a page whose id an earlier part holds is indexed again with a salt; a rebuild copies its part and is a clean build's", async () => {
  const unsalted = copySite("unsalted");
  const u = await indexSite(unsalted, 1, undefined, { jobs: 1 });
  assert.equal(u.parts, 3);
  assert.equal(u.salted, 0);
  assert.deepEqual(manifestOf(unsalted).salts, {});
  const before = idsByUrl(unsalted, 3);

  const clean = copySite("clean");
  const c = await indexSite(clean, 1, undefined, { jobs: 1, sameIds });
  assert.equal(c.salted, 1, "one page salted");
  assert.equal(c.resalted, 1, "its part indexed once more");
  const ids = idsByUrl(clean, 3);
  assert.deepEqual(manifestOf(clean).salts, { [LAST]: { salt: 1, ids: [before.get("/posts/first/")] } }, "the last post: salt 1, and its unsalted id (the first post's, as the test has it)");
  assert.equal(ids.get("/posts/first/"), before.get("/posts/first/"), "the earlier part is left as it was");
  assert.equal(ids.get("/posts/middle/"), before.get("/posts/middle/"));
  assert.notEqual(ids.get("/posts/last/"), before.get("/posts/last/"), "the salt changed the later page's fragment hash, its id");
  // Both posts are in the index, each under an id of its own; the salt shows nowhere but its meta.
  const lastId = ids.get("/posts/last/")!;
  assert.deepEqual(partPageIds(path.join(clean, "pagefind-3")), [lastId]);
  const [salted, original] = [fragment(clean, 2, lastId), fragment(unsalted, 2, before.get("/posts/last/")!)];
  assert.equal(salted.content, original.content, "the same indexed text");
  assert.equal(salted.word_count, original.word_count);
  assert.deepEqual(salted.filters, original.filters);
  assert.deepEqual(salted.meta, { ...original.meta, "id-salt": "1" });
  const page = readFileSync(path.join(import.meta.dirname, "../../assets/search.js"), "utf8");
  assert.doesNotMatch(page, /id-salt/, "the search page reads the title, date and speaker, never the salt");

  // A clean build again: the same salts, the same bytes.
  const again = copySite("again");
  await indexSite(again, 1, undefined, { jobs: 1, sameIds });
  assertSameIndex(again, clean, "a second clean build");

  // A build over the salted site: the salted page is prepared with its salt, so its part is copied too.
  const over = copySite("over");
  const o = await indexSite(over, 1, undefined, { jobs: 1, sameIds, previous: clean });
  assert.equal(o.reused, 3, "every part copied, the salted one too");
  assert.equal(o.resalted, 0);
  assert.deepEqual(o.partSeconds, [], "nothing indexed");
  assertSameIndex(over, clean, "a build over the salted site");
  // Without the test's pair the recorded unsalted id still meets the first post's, which is unchanged: the salt stays.
  const plainOver = copySite("plain-over");
  const p = await indexSite(plainOver, 1, undefined, { jobs: 1, previous: clean });
  assert.equal(p.reused, 3);
  assertSameIndex(plainOver, clean, "a build over the salted site, the pair no longer given");
});

test("the salt goes when the page it met changed, and comes back when its new id is met again, as a clean build decides", async () => {
  const salted = copySite("salted");
  await indexSite(salted, 1, undefined, { jobs: 1, sameIds });
  assert.equal(manifestOf(salted).salts[LAST]?.salt, 1);
  /** A copy of the site whose first post's indexed text changed (its id with it). */
  const edited = (name: string): string => {
    const dir = copySite(name);
    const file = path.join(dir, FIRST);
    const html = readFileSync(file, "utf8");
    assert.ok(html.includes("对齐是第一个话题"));
    writeFileSync(file, html.replace("对齐是第一个话题", "对齐是第一个话题，也是最难的"));
    return dir;
  };
  // No pair given: the last post's unsalted id is free again, so it is indexed without the salt.
  const freed = edited("freed");
  const f = await indexSite(freed, 1, undefined, { jobs: 1, previous: salted });
  assert.equal(f.salted, 0);
  assert.equal(f.reused, 1, "the middle part copied; the first (edited) and the last (its salt gone) indexed");
  assert.deepEqual(manifestOf(freed).salts, {});
  const freedClean = edited("freed-clean");
  await indexSite(freedClean, 1, undefined, { jobs: 1 });
  assertSameIndex(freed, freedClean, "the salt gone");
  const unsalted = copySite("unsalted-last");
  await indexSite(unsalted, 1, undefined, { jobs: 1 });
  assert.deepEqual(partPageIds(path.join(freed, "pagefind-3")), partPageIds(path.join(unsalted, "pagefind-3")), "the last post's own unsalted id");

  // The pair still given: the last post's unsalted id reads as the first post's new id. The recorded
  // one is free (the salt goes), then the new one is met (the salt comes back, with the new id).
  const met = edited("met");
  const m = await indexSite(met, 1, undefined, { jobs: 1, sameIds, previous: salted });
  assert.equal(m.salted, 1);
  const firstId = idsByUrl(met, 3).get("/posts/first/");
  assert.notEqual(firstId, manifestOf(salted).salts[LAST]?.ids[0]);
  assert.deepEqual(manifestOf(met).salts, { [LAST]: { salt: 1, ids: [firstId] } });
  const metClean = edited("met-clean");
  await indexSite(metClean, 1, undefined, { jobs: 1, sameIds });
  assertSameIndex(met, metClean, "the salt back for the new id");
});

test("a salted page whose part is indexed again (another page of it changed) is indexed with its salt at once, by the indexing processes", async () => {
  /** A copy of the site with a second March post (the last one's page under another URL), the middle post's text as given. */
  const withFourth = (name: string, middle: string): string => {
    const dir = copySite(name);
    cpSync(path.join(dir, "posts/last"), path.join(dir, "posts/fourth"), { recursive: true });
    const file = path.join(dir, MIDDLE);
    writeFileSync(file, readFileSync(file, "utf8").replace("中间的一篇讲泛化", middle));
    return dir;
  };
  // Two parts of two: January and February, then March (the last post and the fourth).
  const first = withFourth("four", "中间的一篇讲泛化");
  const f = await indexSite(first, 2, undefined, { sameIds });
  assert.equal(f.parts, 2);
  assert.deepEqual(manifestOf(first).salts, { [LAST]: { salt: 1, ids: [idsByUrl(first, 2).get("/posts/first/")] } });
  // The middle post and the fourth change: both parts are indexed again (two at a time, in child processes).
  const changed = (name: string): string => {
    const dir = withFourth(name, "中间的一篇讲泛化与对齐");
    const fourth = path.join(dir, "posts/fourth/index.html");
    writeFileSync(fourth, readFileSync(fourth, "utf8").replace("最后一篇也讲对齐", "第四篇讲别的"));
    return dir;
  };
  const over = changed("four-over");
  const o = await indexSite(over, 2, undefined, { sameIds, previous: first, jobs: 2 });
  assert.equal(o.reused, 0);
  assert.equal(o.partSeconds.length, 2);
  assert.equal(o.resalted, 0, "the salted page was indexed with its salt in the first pass: nothing to index again");
  assert.equal(o.salted, 1);
  const clean = changed("four-clean");
  const c = await indexSite(clean, 2, undefined, { sameIds, jobs: 2 });
  assert.equal(c.resalted, 1);
  assertSameIndex(over, clean, "the salted part indexed again");
});
