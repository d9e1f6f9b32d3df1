import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: a plain browser module without declarations; its JSDoc documents the types.
import { combine, excerpt, filterCounts, matchesFilters, occurrences, passageFor, queryUnits, rankingPair, readableDate, resultKeys, span, textMarks, unitMarks, unitSearches } from "../../assets/search-query.js";
// @ts-expect-error: as above.
import { indexText, readableText, runWords } from "../../assets/search-tokens.js";
import { indexedHtml } from "../../src/search/page-text.js";

test("Chinese is indexed as character pairs, then the run's last character; other text as it is", () => {
  assert.deepEqual(runWords("泛化能力"), ["泛化", "化能", "能力", "力"]);
  assert.deepEqual(runWords("泛"), ["泛"]);
  assert.equal(indexText("模型的泛化，GPT-4 很强").trim().split(/\s+/).join(" "), "模型 型的 的泛 泛化 化 ， GPT 4 很强 强", "a hyphen between letters parts words");
  const gloss = indexText("价值函数（Value Function），AI 解决").trim().split(/\s+/);
  assert.ok(gloss.includes("Function") && gloss.includes("AI"), `CJK punctuation stands apart from English words: ${gloss.join(" ")}`);
  assert.equal(readableText(gloss), "价值函数（Value Function），AI解决");
  assert.deepEqual(indexText("it’s ‘quoted’").trim().split(/\s+/), ["it’s", "‘", "quoted", "’"], "an apostrophe inside a word stays in it");
  const text = "模型的泛化能力，value function 很重要。";
  assert.equal(readableText(indexText(text).trim().split(/\s+/)), "模型的泛化能力，value function很重要。", "readable again (spaces next to Chinese dropped)");
});

test("a query's units: Chinese words as their pairs, English words together as a phrase, quoted phrases whole", () => {
  const units = (q: string) => queryUnits(q).map((u: { words: string[]; kind: string }) => `${u.kind}:${u.words.join(" ")}`);
  assert.deepEqual(units("泛化"), ["han:泛化"]);
  assert.deepEqual(units("价值函数"), ["han:价值 值函 函数"], "the last character is not required to end a run");
  assert.deepEqual(units("泛"), ["char:泛"]);
  assert.deepEqual(units("AI 对齐"), ["latin:ai", "han:对齐"]);
  assert.deepEqual(units("Value Function"), ["latin:value function"]);
  assert.deepEqual(units("long-term GPT-4"), ["latin:long term gpt 4"], "hyphens part words, as in the index");
  assert.deepEqual(units('"value functions" 模型 模型'), ["latin:value functions", "han:模型"]);
  assert.deepEqual(units('"value'), ["latin:value"], "an unclosed quote quotes nothing");
  assert.deepEqual(units("   "), []);
});

test("the searches for a unit: exact (quoted) decides membership, except for one character", () => {
  assert.deepEqual(unitSearches(queryUnits("泛化")[0]), { members: '"泛化"', where: "泛化" }, "the plain search answers near misses where no word matches");
  assert.deepEqual(unitSearches(queryUnits("价值函数")[0]), { members: '"价值 值函 函数"', where: "价值 值函 函数" });
  assert.deepEqual(unitSearches(queryUnits("policy")[0]), { members: '"policy"', where: "policy" }, "police must not match policy: no prefix");
  assert.deepEqual(unitSearches(queryUnits("泛")[0]), { members: undefined, where: "泛" }, "one character: the start of any pair");
  assert.equal(span(queryUnits("泛化")[0]), 2);
  assert.equal(span(queryUnits("value function")[0]), 2);
  assert.deepEqual(unitSearches(queryUnits("价值函数")[0], 1), { members: '"价值 值函 函数"', where: "值函" }, "a word of several pairs is ranked by one of them");
  assert.deepEqual(unitSearches(queryUnits("value function")[0], 1), { members: '"value function"', where: "value function" }, "English is ranked by all its words");
});

test("the pair a Chinese word is ranked by: the one in fewest posts, then the one nearest the middle", () => {
  assert.equal(rankingPair([300, 12, 800]), 1);
  assert.equal(rankingPair([40, 90]), 0);
  assert.equal(rankingPair([90, 40]), 1);
  assert.equal(rankingPair([5, 5, 5]), 1, "a tie: the pair across the word's halves (化能 of 泛化能力)");
  assert.equal(rankingPair([7, 5, 5, 7]), 1, "a tie in the middle: the first of the two");
  assert.equal(rankingPair([3, 5, 5, 3]), 0, "fewer posts before the middle");
});

test("a Chinese unit's marks read from a post's indexed words", () => {
  const words = "模型 的 泛化 化能 能力 力 和 能力 力 泛化 化 泛 value".split(" ");
  const [word] = queryUnits("泛化能力");
  assert.deepEqual(textMarks(word, words), [{ from: 2, to: 5 }], "where its pairs follow each other, its four characters as read; not the lone pairs");
  const [pair] = queryUnits("泛化");
  assert.deepEqual(textMarks(pair, words), [{ from: 2, to: 3 }, { from: 9, to: 10 }]);
  const [char] = queryUnits("泛");
  assert.deepEqual(textMarks(char, words), [{ from: 2, to: 2 }, { from: 9, to: 9 }, { from: 11, to: 11 }], "one character: every word it starts");
  assert.deepEqual(textMarks(queryUnits("函价")[0], words), []);
});

test("occurrences are where all a unit's words stand one after another", () => {
  const loc = (...xs: number[]) => xs.map((location) => ({ location, weight: 1 }));
  assert.deepEqual(occurrences(loc(3, 4, 5, 9, 11), 3).map((l: { location: number }) => l.location), [3]);
  assert.deepEqual(occurrences(loc(3, 9), 1).map((l: { location: number }) => l.location), [3, 9]);
});

test("results: posts every unit found, best score first", () => {
  const m = (entries: [string, number][]) => new Map(entries.map(([id, w]) => [id, [{ location: 0, weight: w }]]));
  assert.deepEqual(combine([m([["a", 1], ["b", 5], ["c", 2]]), m([["b", 1], ["c", 9]])]).map((r: { id: string }) => r.id), ["c", "b"]);
  assert.deepEqual(combine([]), []);
});

test("the passage: the turn holding the most units, earliest; the title counts only when the text has none", () => {
  const anchors = [{ id: "s-1", location: 10 }, { id: "t-1", location: 10 }, { id: "t-2", location: 20 }, { id: "t-3", location: 30 }];
  assert.deepEqual(passageFor(anchors, [[2, 25], [33, 26]]), { id: "t-2", start: 20, end: 30, at: 25 });
  assert.equal(passageFor(anchors, [[2]]).id, undefined, "only in the title");
  assert.equal(passageFor(anchors, [[12]]).id, "t-1", "a turn rather than its section");
});

test("excerpts are readable, escaped, and mark every occurrence", () => {
  const words = indexText("开头。模型的泛化能力 <很> 重要，泛化 again").trim().split(/\s+/);
  const at = words.indexOf("泛化");
  const second = words.lastIndexOf("泛化");
  const html = excerpt(words, { start: 0, end: Infinity, at }, [{ from: at, to: at + 1 }, { from: second, to: second + 1 }]);
  // No spaces next to Chinese: the indexed text no longer says where the source had them.
  assert.equal(html, "开头。模型的<mark>泛化</mark>能力&lt;很&gt;重要，<mark>泛化</mark>again");
});

test("dates as the site writes them", () => {
  assert.equal(readableDate("2026-08-08"), "2026年8月8日");
  assert.equal(readableDate("2025-11-25"), "2025年11月25日");
  assert.equal(readableDate(undefined), "");
});

test("filter counts leave a filter's own choice out", () => {
  const results = [{ speakers: ["A"], year: ["2025"] }, { speakers: ["B"], year: ["2025"] }, { speakers: ["A"], year: ["2024"] }];
  const chosen = { speakers: { any: ["A"] } };
  assert.equal(matchesFilters(results[0], chosen), true);
  assert.deepEqual(filterCounts(results, chosen), { speakers: { A: 2, B: 1 }, year: { 2025: 1, 2024: 1 } });
});

test("what Pagefind is given of a page: the indexed part, Chinese as pairs, filter and meta values as written", () => {
  const html = `<html lang="zh-CN"><body><nav>导航</nav><article class="post" data-pagefind-body data-pagefind-meta="date:2025-03-01"><h1 class="post-title">泛化 &amp; AI</h1><a data-pagefind-filter="tags">强化学习</a><div class="turn" id="t-1"><p>模型很好</p></div></article><footer>页脚</footer></body></html>`;
  const out = indexedHtml(html) ?? "";
  assert.match(out, /^<!doctype html><html lang="en">/);
  assert.ok(!out.includes("导航") && !out.includes("页脚"), "only the indexed part");
  assert.match(out, /<h1 class="post-title"> 泛化 化\s+&amp; AI<\/h1><span data-pagefind-meta="title" data-pagefind-ignore>泛化 &amp; AI<\/span>/);
  assert.match(out, /<span data-pagefind-filter="tags" data-pagefind-ignore>强化学习<\/span> <span> 强化 化学 学习 习 <\/span>/);
  // A term with a page of its own is a link, one without a span: the same for Pagefind, and the same indexed HTML.
  assert.equal(indexedHtml(html.replace('<a data-pagefind-filter="tags">强化学习</a>', '<span class="chip" data-pagefind-filter="tags">强化学习</span>')), out);
  assert.match(out, /<div class="turn" id="t-1"><p> 模型 型很 很好 好 <\/p><\/div>/);
  assert.equal(indexedHtml("<html><body>no body</body></html>"), undefined);
});

test("ignored elements are given to Pagefind empty, so what a page lists of other posts leaves its indexed HTML as it was", () => {
  const page = (related: string) =>
    `<article data-pagefind-body><p>正文</p><aside class="related" data-pagefind-ignore><h2>相关</h2><ul>${related}</ul></aside><nav data-pagefind-ignore><a href="#s-1">目录</a></nav><p>结尾</p></article>`;
  const out = indexedHtml(page('<li><a href="/posts/a/">甲</a></li>')) ?? "";
  assert.equal(indexedHtml(page('<li><a href="/posts/b/">乙</a></li><li><a href="/posts/c/">丙</a></li>')), out);
  assert.match(out, /<aside data-pagefind-ignore><\/aside><nav data-pagefind-ignore><\/nav>/);
  assert.ok(out.includes(" 结尾 "), "the text after them is indexed");
  const kept = indexedHtml(`<article data-pagefind-body><p>甲</p><div data-pagefind-ignore>乙<span data-pagefind-filter="tags">丙</span></div></article>`) ?? "";
  assert.match(kept, /<div data-pagefind-ignore> 乙 <span data-pagefind-filter="tags"/, "an ignored element holding a filter is kept whole (Pagefind reads its filter)");
});

test("hidden text is not indexed (a label every passage link shares); text hidden until found is", () => {
  const out = indexedHtml(`<article data-pagefind-body><span id="turn-link-label" hidden>本段链接</span><p class="a hidden">看得见</p><div hidden="until-found">可找到</div></article>`) ?? "";
  assert.match(out, /<span data-pagefind-ignore><\/span>/);
  assert.ok(!out.includes("本段链接"));
  assert.match(out, /<p class="a hidden">/, "a class named hidden is not the attribute");
  assert.match(out, /<div hidden="until-found">/);
});

test("results that share an id (two index parts' pages) are both kept, told apart by their URLs; unique ids are read from nothing", async () => {
  let reads = 0;
  const result = (id: string, url: string) => ({ id, url, data: async () => (reads++, { url }) });
  type R = ReturnType<typeof result>;
  const unique = [{ results: [result("en_1", "/a/"), result("en_2", "/b/")] }, null];
  const plainKeys = (await resultKeys(unique)) as { keyOf: (r: R) => string; shared: string[] };
  assert.deepEqual(unique[0]!.results.map(plainKeys.keyOf), ["en_1", "en_2"]);
  assert.deepEqual(plainKeys.shared, []);
  assert.equal(reads, 0, "no post's data read");
  // The exact search found one of the two pages with id en_3, the plain search both.
  const exact = { results: [result("en_3", "/later/")] };
  const plain = { results: [result("en_3", "/earlier/"), result("en_1", "/a/"), result("en_3", "/later/")] };
  const { keyOf, shared } = (await resultKeys([exact, plain])) as { keyOf: (r: R) => string; shared: string[] };
  assert.deepEqual(shared, ["en_3"]);
  const keys = plain.results.map(keyOf);
  assert.equal(new Set(keys).size, 3, `three results, three keys: ${keys.join(", ")}`);
  assert.equal(keyOf(exact.results[0]!), keys[2], "the exact search's result is the plain search's page at /later/");
  assert.equal(keys[1], "en_1", "an id of one result stays its key");
  const ranked = combine([new Map(keys.map((k) => [k, [{ location: 0, weight: 1 }]]))]) as { id: string }[];
  assert.equal(ranked.length, 3, "both counted and listed");
});

test("a unit's marks in a result: where all its words stand in order, each as the words it covers as read", () => {
  const [han] = queryUnits("价值函数"); // 价值 值函 函数: covers four characters as read
  assert.deepEqual(unitMarks(han, { words: [10, 11, 12, 40, 41, 90] }), [{ from: 10, to: 13 }], "only where the three pairs follow each other");
  const [two] = queryUnits("泛化");
  assert.deepEqual(unitMarks(two, { words: [3, 7] }), [{ from: 3, to: 4 }, { from: 7, to: 8 }], "a pair covers its two characters");
  const [phrase] = queryUnits("value function");
  assert.deepEqual(unitMarks(phrase, { words: [5, 6, 9, 20, 21] }), [{ from: 5, to: 6 }, { from: 20, to: 21 }], "not where the words stand apart");
  const [word] = queryUnits("inflation");
  assert.deepEqual(unitMarks(word, { words: [] }), [], "no locations, no marks");
  assert.deepEqual(unitMarks(word, { words: [8] }), [{ from: 8, to: 8 }]);
});
