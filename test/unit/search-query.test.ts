import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: a plain browser module without declarations; its JSDoc documents the types.
import { anchorFor, containsWords, excerptAround, prepareQuery } from "../../assets/search-query.js";

test("multi-character Chinese runs become words a result must contain; the rest goes to Pagefind as typed", () => {
  assert.deepEqual(prepareQuery("  泛化  "), { query: "泛化", words: ["泛化"] });
  assert.deepEqual(prepareQuery("AI 对齐 value function"), { query: "AI 对齐 value function", words: ["对齐"] });
  assert.deepEqual(prepareQuery("泛 generalization"), { query: "泛 generalization", words: [] }, "a single character is left to Pagefind");
  assert.deepEqual(prepareQuery("价值函数和泛化"), { query: "价值函数和泛化", words: ["价值函数和泛化"] });
});

test("a result is kept only when every word occurs unbroken", () => {
  assert.equal(containsWords("模型的泛化能力", ["泛化"]), true);
  assert.equal(containsWords("泛型编程……变化很大", ["泛化"]), false);
  assert.equal(containsWords("泛化与对齐", ["泛化", "对齐"]), true);
  assert.equal(containsWords("泛化", ["泛化", "对齐"]), false);
});

test("excerpts mark the word and escape the text", () => {
  assert.equal(excerptAround("a <b> 泛化 c", "泛化", 4), "…&lt;b&gt; <mark>泛化</mark> c");
  assert.equal(excerptAround("none", "泛化"), "");
});

test("results open the last turn or section at or before the first match in the transcript", () => {
  const anchors = [{ id: "s-1", location: 10 }, { id: "t-1", location: 13 }, { id: "x", location: 15 }, { id: "t-2", location: 19 }];
  assert.equal(anchorFor(anchors, [14]), "t-1");
  assert.equal(anchorFor(anchors, [19, 30]), "t-2");
  assert.equal(anchorFor(anchors, [2, 3, 16]), "t-1", "matches in the title or summary are skipped");
  assert.equal(anchorFor(anchors, [2]), undefined, "a match only in the summary opens the page");
  assert.equal(anchorFor([], [3]), undefined);
});
