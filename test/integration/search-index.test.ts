/** The search index of a production build: what Pagefind sees of each page, and when it runs. */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { indexSite, PART_SCRATCH, type PartsManifest } from "../../src/search/index-site.js";
import { buildHere, tempDir } from "../helpers.js";
import { indexFiles } from "../search-fixtures.js";
// @ts-expect-error: a plain browser module without declarations; its JSDoc documents the types.
import { readableText } from "../../assets/search-tokens.js";
import { pagefindWords, readFragment } from "../../src/search/fragments.js";
import { indexedHtml } from "../../src/search/page-text.js";

const tmp = tempDir("search-index");
const input = path.join(tmp, "posts");
const site = path.join(tmp, "site");
const plain = path.join(tmp, "plain");
const original = (en: string): string => `<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">${en}</p>\n</details>\n\n`;

interface Fragment {
  url: string;
  /** The indexed words, as Pagefind stores them. */
  words: string[];
  /** Those words read again. */
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { id: string; location: number }[];
}

/** The fragments' own stored text, by URL ("" where the build left it out: src/search/fragments.ts). */
function storedText(dir: string, index = "pagefind"): Map<string, string> {
  const folder = path.join(dir, index, "fragment");
  return new Map(
    readdirSync(folder).map((f) => {
      const fragment = readFragment(path.join(folder, f));
      return [fragment.url, fragment.content];
    }),
  );
}

/**
 * Pagefind's fragments (gzip, a signature, then JSON), by URL, each with its page's indexed words:
 * as the search page reads them, from the fragment where it keeps them, else from the post page.
 */
function fragments(dir: string, index = "pagefind"): Map<string, Fragment> {
  const folder = path.join(dir, index, "fragment");
  return new Map(
    readdirSync(folder).map((f) => {
      const fragment = readFragment(path.join(folder, f));
      const words = fragment.content ? fragment.content.split(/\s+/).filter(Boolean) : pagefindWords(indexedHtml(readFileSync(path.join(dir, fragment.url, "index.html"), "utf8")) ?? "");
      return [fragment.url, { ...fragment, words, content: readableText(words) as string }];
    }),
  );
}

let buildLog = "";

before(async () => {
  mkdirSync(input);
  writeFileSync(
    path.join(input, "word.md"),
    `---\ntitle: 泛化的故事\ndate: '2025-03-01'\ndraft: true\nspeaker: Ilya Sutskever\nsummary: 关于模型如何举一反三\ntags:\n- learning\nseries: 访谈\n---\n### 第一节\n\n**Ilya:** 模型的泛化能力很重要。\n\n${original("Generalization matters, and regularization helps.")}`,
  );
  writeFileSync(
    path.join(input, "chars.md"),
    `---\ntitle: 另一篇\ndate: '2024-05-02'\nspeaker: Dwarkesh Patel\n---\n泛型编程的写法，后来变化很大。\n\n${original("Generic programming changed a lot.")}`,
  );
  const r = await buildHere([`--input=${input}`, `--output=${site}`]);
  assert.equal(r.status, 0, r.stderr);
  buildLog = r.stderr;
  const p = await buildHere([`--input=${input}`, `--output=${plain}`], { NO_SEARCH: "1" });
  assert.equal(p.status, 0, p.stderr);
});

test("a production build indexes the post pages only, and reports the index", () => {
  const entry = JSON.parse(readFileSync(path.join(site, "pagefind/pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  assert.deepEqual(Object.keys(entry.languages), ["en"], "one index, declared English: Pagefind stems the English and takes the Chinese words as given");
  assert.equal(entry.languages.en?.page_count, 2, "the two posts; no home, list or taxonomy pages");
  assert.match(buildLog, /search index: \d+ posts in 1 part, \d+ files, [\d.]+ MiB, in [\d.]+ s/);
  assert.deepEqual([...fragments(site).keys()].sort(), ["/posts/chars/", "/posts/word/"]);
  // The posts' text is on their pages: no fragment stores it a second time (src/search/fragments.ts).
  assert.deepEqual([...storedText(site).values()], ["", ""], "lean fragments");
  assert.doesNotMatch(buildLog, /keeps? (?:its|their) text/);
});

test("Chinese is indexed as the pairs of characters that stand together: 泛化 is a word of one post only", () => {
  const word = fragments(site).get("/posts/word/");
  const chars = fragments(site).get("/posts/chars/");
  assert.ok(word && chars);
  assert.ok(word.words.includes("泛化") && word.words.includes("化能") && word.words.includes("能力"), word.words.join(" "));
  assert.ok(!chars.words.includes("泛化"), "泛型 … 变化 has both characters but never the pair");
  assert.ok(chars.words.includes("泛型") && chars.words.includes("变化"));
  assert.ok(word.words.some((w) => /^Generalization/.test(w)), "English words as written (Pagefind stems them in its index)");
});

test("what is indexed: title, summary, taxonomy names, translation and the English original; no labels or boilerplate", () => {
  const word = fragments(site).get("/posts/word/");
  assert.ok(word);
  for (const text of ["泛化的故事", "关于模型如何举一反三", "learning", "访谈", "第一节", "模型的泛化能力很重要", "Generalization matters, and regularization helps."]) {
    assert.ok(word.content.includes(text), `indexed: ${text}`);
  }
  for (const text of ["英文原文", "Original English", "View/Hide", "草稿", "Draft", "分钟", "min read", "2025年", "归档", "目录", "Contents", "本段链接", "原始来源"]) {
    assert.ok(!word.content.includes(text), `not indexed: ${text}`);
  }
  assert.deepEqual(word.meta, { title: "泛化的故事", date: "2025-03-01", speaker: "Ilya Sutskever" });
  assert.deepEqual(word.filters.year, ["2025"]);
  assert.deepEqual(word.filters.speakers, ["Ilya Sutskever"]);
  assert.deepEqual(word.filters.tags, ["learning"]);
  assert.deepEqual(word.filters.series, ["访谈"]);
  const ids = word.anchors.map((a) => a.id);
  assert.ok(ids.includes("t-1") && ids.includes("s-1"), `turns and sections are anchors: ${ids.join(" ")}`);
});

test("NO_SEARCH=1 skips the index; indexSite() indexes a built site and measures it", async () => {
  assert.equal(existsSync(path.join(plain, "pagefind")), false);
  const r = await indexSite(plain);
  assert.equal(r.pages, 2);
  assert.ok(r.ms > 0);
  const files = readdirSync(path.join(plain, "pagefind"), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  assert.equal(r.files, files.length);
  assert.ok(r.bytes > 10_000, `${r.bytes} bytes`);
});

test("an index in parts: each part holds its share of the posts, the first lists the others, no linked pages are left", async () => {
  const whole = [...fragments(plain).keys()].sort();
  assert.equal(whole.length, 2, "the one-part index of the test before");
  // What an indexing killed midway leaves: a page linked for a part. It must be neither indexed nor kept.
  mkdirSync(path.join(plain, PART_SCRATCH, "posts/stale"), { recursive: true });
  writeFileSync(path.join(plain, PART_SCRATCH, "posts/stale/index.html"), '<html lang="zh-CN"><body><main data-pagefind-body>stale</main></body></html>');
  const r = await indexSite(plain, 1);
  assert.equal(r.pages, 2);
  assert.equal(r.parts, 2);
  const manifest = JSON.parse(readFileSync(path.join(plain, "pagefind/parts.json"), "utf8")) as PartsManifest;
  assert.deepEqual(manifest.parts.map((p) => p.path), ["pagefind/", "pagefind-2/"], "the first part, then the others");
  for (const p of manifest.parts) {
    const entry = readFileSync(path.join(plain, p.path, "pagefind-entry.json"), "utf8");
    assert.ok(entry.includes(p.meta.replace(/^pagefind\.|\.pf_meta$/g, "")), `${p.meta} is the metadata file ${p.path} names`);
    assert.ok(existsSync(path.join(plain, p.path, p.meta)), p.meta);
  }
  assert.ok(existsSync(path.join(plain, "pagefind", manifest.wasm)), manifest.wasm);
  // Pagefind's engine once, where the page loads it: the first part's script and WebAssembly.
  const engine = (folder: string): string[] => readdirSync(path.join(plain, folder)).filter((f) => /\.js$|^wasm\./.test(f)).sort();
  assert.deepEqual(engine("pagefind"), ["pagefind.js", manifest.wasm], "the first part: the script and its language's WebAssembly, no worker");
  assert.deepEqual(engine("pagefind-2"), [], "a merged part has no engine of its own");
  assert.match(manifest.tag, /^[0-9a-f]{16}$/);
  const urls = ["pagefind", "pagefind-2"].map((folder) => [...fragments(plain, folder).keys()]);
  assert.deepEqual(urls.map((u) => u.length), [1, 1], "one post in each part");
  assert.deepEqual(urls.flat().sort(), whole, "the same pages at the same URLs as in one index");
  assert.equal(existsSync(path.join(plain, PART_SCRATCH)), false, "the folder of linked pages is removed");
  assert.deepEqual(readdirSync(path.dirname(plain)).filter((f) => f.startsWith(".")), [], "nothing is written beside the site");
  // Back to one part: the second part's folder goes, and the list of parts is empty.
  const one = await indexSite(plain);
  assert.equal(one.parts, 1);
  assert.equal(existsSync(path.join(plain, "pagefind-2")), false);
  const again = JSON.parse(readFileSync(path.join(plain, "pagefind/parts.json"), "utf8")) as PartsManifest;
  assert.deepEqual(again.parts.map((p) => p.path), ["pagefind/"]);
  assert.notEqual(again.tag, manifest.tag, "another index, another tag: no browser keeps the old entry");
});

test("parts indexed at once take turns to write (Pagefind's peak is its write): no two writes overlap", async () => {
  const r = await indexSite(plain, 1, undefined, { jobs: 2 });
  assert.equal(r.parts, 2);
  assert.deepEqual(r.writes.map((w) => w.folder).sort(), ["pagefind", "pagefind-2"], "each part written once");
  const [first, second] = r.writes;
  assert.ok(first && second && first.from <= first.to && second.from <= second.to);
  assert.ok(second.from >= first.to, `the second write (from ${second.from}) starts after the first one's process ended (${first.to})`);
});

test("a build over the previous site copies the index parts whose posts did not change, and its index is a clean build's", async () => {
  const dir = tempDir("search-parts");
  const posts = path.join(dir, "posts");
  const built = path.join(dir, "site");
  mkdirSync(posts);
  for (const f of ["word.md", "chars.md"]) writeFileSync(path.join(posts, f), readFileSync(path.join(input, f)));
  // One index process at a time (SEARCH_INDEX_JOBS=1: each part indexed in this process, as the
  // search-ids test does): which parts are copied and the bytes written do not depend on how many
  // parts are indexed at once (the test above runs two at once), and the seven builds' two worker
  // processes each (Node and the TypeScript loader started again: about 0.6 CPU-seconds a process)
  // cost 8 of this file's CPU-seconds.
  const env = { SEARCH_POSTS_PER_PART: "1", SEARCH_INDEX_JOBS: "1" };
  const first = await buildHere([`--input=${posts}`, `--output=${built}`], env);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /search index: 2 posts in 2 parts, /);
  // A post after the others: its own part; the two before are copied.
  writeFileSync(path.join(posts, "newer.md"), `---\ntitle: 新的一篇\ndate: '2025-06-01'\n---\n对齐是新的话题。\n\n${original("Alignment is new.")}`);
  const added = await buildHere([`--input=${posts}`, `--output=${built}`], env);
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stderr, /search index: 3 posts in 3 parts \(2 unchanged, copied from the previous site\), /);
  const clean = path.join(dir, "clean");
  const c = await buildHere([`--input=${posts}`, `--output=${clean}`], env);
  assert.equal(c.status, 0, c.stderr);
  assert.doesNotMatch(c.stderr, /copied from the previous site\)/);
  const [mine, theirs] = [indexFiles(built), indexFiles(clean)];
  assert.deepEqual([...mine.keys()].sort(), [...theirs.keys()].sort(), "the same files");
  for (const [f, bytes] of mine) assert.ok(bytes.equals(theirs.get(f)!), `${f} is byte for byte a clean build's`);
  assert.deepEqual([...fragments(built, "pagefind-3").keys()], ["/posts/newer/"], "the newest post is in the last part");
  // An older post edited: its part is indexed again, the others copied.
  writeFileSync(path.join(posts, "chars.md"), readFileSync(path.join(posts, "chars.md"), "utf8").replace("泛型编程", "泛型编程与护城河"));
  const edited = await buildHere([`--input=${posts}`, `--output=${built}`], env);
  assert.equal(edited.status, 0, edited.stderr);
  assert.match(edited.stderr, /3 parts \(2 unchanged, copied from the previous site\)/);
  assert.ok(fragments(built, "pagefind").get("/posts/chars/")?.content.includes("护城河"), "the edited post's part holds its new text");
  // The oldest post deleted: the second part, copied, is now the first, the one whose engine (Pagefind's
  // script and WebAssembly) the search page loads; a later part has none, so the engine comes along.
  const firstPart = [...fragments(built, "pagefind").keys()];
  assert.equal(firstPart.length, 1);
  rmSync(path.join(posts, `${firstPart[0]!.split("/")[2]}.md`));
  const moved = await buildHere([`--input=${posts}`, `--output=${built}`], env);
  assert.equal(moved.status, 0, moved.stderr);
  assert.match(moved.stderr, /search index: 2 posts in 2 parts \(2 unchanged, copied from the previous site\), /);
  const movedClean = path.join(dir, "moved-clean");
  assert.equal((await buildHere([`--input=${posts}`, `--output=${movedClean}`], env)).status, 0);
  const [m2, c2] = [indexFiles(built), indexFiles(movedClean)];
  assert.deepEqual([...m2.keys()].sort(), [...c2.keys()].sort(), "the same files");
  assert.ok(m2.has("pagefind/pagefind.js"), "the first part has the engine");
  for (const [f, bytes] of m2) assert.ok(bytes.equals(c2.get(f)!), `${f} is byte for byte a clean build's`);
  // A clean build (--no-cache) indexes every part.
  const again = await buildHere([`--input=${posts}`, `--output=${built}`, "--no-cache"], env);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /search index: 2 posts in 2 parts, /);
});

test("the search page: a labelled input, a live status, a list for results, a module script; every page links it", () => {
  const doc = parse(readFileSync(path.join(site, "search/index.html"), "utf8"));
  const inputEl = doc.querySelector('form[role="search"] input#search-q[type="search"]');
  assert.ok(inputEl);
  assert.ok(doc.querySelector('label[for="search-q"]')?.text.trim());
  assert.equal(doc.querySelector("#search-status")?.getAttribute("aria-live"), "polite");
  assert.equal(doc.querySelector("#search-results")?.rawTagName, "ol");
  const scripts = doc.querySelectorAll("script[src]");
  assert.deepEqual(scripts.map((s) => [s.getAttribute("src"), s.getAttribute("type")]), [["/assets/search.js", "module"]]);
  // Its imports and Pagefind's script load beside it, not each after the one that imports it.
  const preloads = doc.querySelectorAll('link[rel="modulepreload"]').map((l) => l.getAttribute("href"));
  assert.deepEqual(preloads.sort(), ["/assets/search-content.js", "/assets/search-indexed.js", "/assets/search-query.js", "/assets/search-tokens.js", "/pagefind/pagefind.js"]);
  assert.ok(existsSync(path.join(site, "assets/search.js")) && existsSync(path.join(site, "assets/search-query.js")));
  const home = parse(readFileSync(path.join(site, "index.html"), "utf8"));
  assert.equal(home.querySelector('form[role="search"]')?.getAttribute("action"), "/search/");
  assert.ok(home.querySelector('.site-nav a[href="/search/"]'));
});
