import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: a plain browser module without declarations; its JSDoc documents the types.
import { anchorFor, containsStems, containsWords, excerptAround, filterCounts, matchesFilters, prepareQuery, stem } from "../../assets/search-query.js";

test("multi-character Chinese runs become words a result must contain; the rest goes to Pagefind", () => {
  assert.deepEqual(prepareQuery("  泛化  "), { text: "泛化", query: "泛化", words: ["泛化"], stems: [] });
  assert.deepEqual(prepareQuery("AI 对齐"), { text: "AI 对齐", query: "ai 对齐", words: ["对齐"], stems: ["ai"] }, "mixed queries keep both");
  assert.deepEqual(prepareQuery("泛 模型"), { text: "泛 模型", query: "泛 模型", words: ["模型"], stems: [] });
  assert.deepEqual(prepareQuery("泛"), { text: "泛", query: "泛", words: [], stems: [] }, "a single character is left to Pagefind");
  assert.deepEqual(prepareQuery("价值函数和泛化").words, ["价值函数和泛化"]);
  assert.deepEqual(prepareQuery("泛化 泛化").words, ["泛化"]);
  assert.deepEqual(prepareQuery("   "), { text: "", query: "", words: [], stems: [] });
});

test("English words are cut back to a light stem, so Pagefind's prefix match reaches their inflections", () => {
  const cases: Record<string, string> = {
    generalization: "generaliz",
    generalizing: "generaliz",
    generalize: "generaliz",
    optimizer: "optimiz",
    regularization: "regulariz",
    aligned: "align",
    alignment: "align",
    rewards: "reward",
    scaling: "scal",
    values: "valu",
    policies: "polic",
    policy: "polic",
    function: "function",
    process: "process",
    this: "this",
    AI: "ai",
  };
  for (const [word, expected] of Object.entries(cases)) assert.equal(stem(word), expected, word);
  for (const [word, s] of Object.entries(cases)) assert.ok(word.toLowerCase().startsWith(s), `${s} is a prefix of ${word}`);
  assert.equal(prepareQuery("Value Function").query, "valu function");
  assert.equal(prepareQuery('"value functions" rewards').query, '"value functions" reward', "quoted words stay as typed");
  assert.equal(prepareQuery("GPT-4 o3").query, "gpt-4 o3");
});

test("a result is kept only when every word occurs unbroken", () => {
  assert.equal(containsWords("模型的泛化能力", ["泛化"]), true);
  assert.equal(containsWords("泛型编程……变化很大", ["泛化"]), false);
  assert.equal(containsWords("泛化与对齐", ["泛化", "对齐"]), true);
  assert.equal(containsWords("泛化", ["泛化", "对齐"]), false);
  assert.equal(containsWords("anything", []), true);
});

test("excerpts mark the word and escape the text", () => {
  assert.equal(excerptAround("a <b> 泛化 c", "泛化", 4), "…&lt;b&gt; <mark>泛化</mark> c");
  assert.equal(excerptAround("none", "泛化"), "");
});

test("results open the last turn or section at or before the first match in the transcript", () => {
  const anchors = [{ id: "s-1", location: 10 }, { id: "t-1", location: 13 }, { id: "x", location: 15 }, { id: "t-2", location: 19 }, { id: "t-3", location: 40 }];
  assert.equal(anchorFor(anchors, [14]), "t-1");
  assert.equal(anchorFor(anchors, [19, 30]), "t-2");
  assert.equal(anchorFor(anchors, [2, 3, 16]), "t-1", "matches in the title or summary are skipped");
  assert.equal(anchorFor(anchors, [2]), undefined, "a match only in the summary opens the page");
  assert.equal(anchorFor([], [3]), undefined);
  // 泛 alone at 14 and 20 (泛型), the word 泛化 at 41–42: with a Chinese word, adjacent positions win.
  assert.equal(anchorFor(anchors, [14, 20, 41, 42], true), "t-3");
  assert.equal(anchorFor(anchors, [14, 20, 41, 42], false), "t-1");
  assert.equal(anchorFor(anchors, [14, 20], true), "t-1", "without adjacent positions, the first match");
});

test("filters: a result needs one checked value of every filter; counts leave each filter's own choice out", () => {
  const a = { speakers: ["Ilya"], year: ["2025"] };
  const b = { speakers: ["Dwarkesh"], year: ["2025"] };
  const c = { speakers: ["Ilya"], year: ["2024"] };
  assert.equal(matchesFilters(a, {}), true);
  assert.equal(matchesFilters(a, { speakers: { any: ["Ilya", "Lex"] } }), true);
  assert.equal(matchesFilters(b, { speakers: { any: ["Ilya"] } }), false);
  assert.equal(matchesFilters(b, { speakers: { any: ["Ilya"] } }, "speakers"), true);
  assert.deepEqual(filterCounts([a, b, c], {}), { speakers: { Ilya: 2, Dwarkesh: 1 }, year: { "2025": 2, "2024": 1 } });
  // With Ilya checked: years count Ilya's posts only; speakers still count everyone, to switch.
  assert.deepEqual(filterCounts([a, b, c], { speakers: { any: ["Ilya"] } }), { speakers: { Ilya: 2, Dwarkesh: 1 }, year: { "2025": 1, "2024": 1 } });
});

test("each Latin word of a query must start a word of a result, as Pagefind matches it; quoted words are Pagefind's", () => {
  assert.deepEqual(prepareQuery("Value Function values").stems, ["valu", "function"], "stems once each");
  assert.deepEqual(prepareQuery('"value functions" rewards').stems, ["reward"], "quoted words are not checked here");
  assert.ok(containsStems("The value function of an agent", ["valu", "function"]));
  assert.ok(containsStems("Generalizing is hard", ["generaliz"]), "any case, any ending");
  assert.equal(containsStems("in general, models", ["generaliz"]), false, "a near miss is not a match");
  assert.equal(containsStems("regeneralize", ["generaliz"]), false, "the stem must start a word");
  assert.ok(containsStems("GPT-4 and o3", ["gpt", "o3"]));
  assert.ok(containsStems("anything", []), "no stems: nothing to check");
});
