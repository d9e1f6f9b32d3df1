import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: a plain browser module without declarations; its JSDoc documents the types.
import { firstLocations } from "../../assets/search-engine.js";
// @ts-expect-error: as above.
import { mergeFilters, mergeSearches, packResults, unpackResults } from "../../assets/search-merge.js";

test("firstLocations: a Pagefind answer with each result's first location only, anything else as it is", () => {
  const answer = {
    filtered_counts: { tags: { '"l":[{"w":1}]': 2 } },
    total_counts: {},
    results: [
      { p: "en_1", g: "", s: 0.5, l: [{ w: 168, s: 25095.02, l: 7 }, { w: 24, s: 512.1, l: 163 }, { w: 24, s: 512.1, l: 536 }] },
      { p: "en_2", g: "", s: 0.25, l: [{ w: 24, s: 512.1, l: 9 }] },
      { p: "en_3", g: "", s: 0.125, l: [] },
      { p: "en_4", g: "", s: 0.1, l: [{ w: 24, s: 1, l: 3 }, { w: 24, s: 1, l: 4 }] },
    ],
    unfiltered_total: 4,
  };
  const cut = JSON.parse(firstLocations(JSON.stringify(answer))) as typeof answer;
  assert.deepEqual(cut.results, answer.results.map((r) => ({ ...r, l: r.l.slice(0, 1) })), "scores, ids and the first location kept");
  assert.deepEqual(cut.filtered_counts, answer.filtered_counts, "text before the results untouched");
  assert.equal(cut.unfiltered_total, 4);
  for (const other of ['{"results":[]}', "{}", '{"a":"\\"l\\":[1,2]"}', '{"filtered_counts":{},"results":[{"l":[{"l":1},{"l":2}'])
    assert.doesNotThrow(() => firstLocations(other), other);
  assert.equal(firstLocations('{"a":1}'), '{"a":1}');
  const one = JSON.stringify({ results: [{ p: "x", l: [{ l: 1 }] }] });
  assert.equal(firstLocations(one), one, "one location: unchanged");
});

test("the worker's half of the index: its results sent as arrays and read back the same, every location or the first", async () => {
  const results = [
    { id: "en_a", score: 0.25, words: [7, 19, 40] },
    { id: "en_b", score: 1 / 3, words: [] },
    { id: "en_c", score: 0.125, words: [2] },
  ];
  const all = packResults(results, true);
  assert.deepEqual(all.transfer, [all.packed.scores.buffer, all.packed.starts.buffer, all.packed.at.buffer], "the arrays' memory is handed over");
  const read: number[] = [];
  const back = unpackResults(structuredClone(all.packed), async (i: number) => (read.push(i), `data ${i}`));
  assert.deepEqual(back.map(({ id, score, words }: { id: string; score: number; words: number[] }) => ({ id, score, words })), results, "ids, exact scores, every location");
  assert.equal(await back[2].data(), "data 2", "a result's data is asked for by its index");
  assert.deepEqual(read, [2]);
  const first = unpackResults(packResults(results, false).packed, async () => undefined);
  assert.deepEqual(first.map((r: { words: number[] }) => r.words), [[7], [], [2]], "the first location only");
});

test("two halves of the parts merge as Pagefind merges every part: the same order, ties in the parts' order, filter counts added", () => {
  // Pagefind's own merge over parts in order: every part's results, then one stable sort by score.
  const parts = [
    [{ id: "p1a", score: 2 }, { id: "p1b", score: 1 }],
    [{ id: "p2a", score: 3 }, { id: "p2b", score: 1 }],
    [{ id: "p3a", score: 1 }, { id: "p3b", score: 0.5 }],
    [{ id: "p4a", score: 2 }],
  ];
  const pagefindOrder = (ps: typeof parts) => ps.flat().sort((a, b) => b.score - a.score);
  const half = (ps: typeof parts, filters: Record<string, Record<string, number>>) => ({ results: pagefindOrder(ps), filters, timings: ps.map(() => ({})) });
  const merged = mergeSearches(half(parts.slice(0, 2), { year: { "2025": 2 }, tags: { AI: 1 } }), half(parts.slice(2), { year: { "2025": 1, "2026": 3 } }));
  assert.deepEqual(merged.results.map((r: { id: string }) => r.id), pagefindOrder(parts).map((r) => r.id));
  assert.deepEqual(merged.results.map((r: { id: string }) => r.id), ["p2a", "p1a", "p4a", "p1b", "p2b", "p3a", "p3b"], "equal scores keep the parts' order");
  assert.deepEqual(merged.filters, { year: { "2025": 3, "2026": 3 }, tags: { AI: 1 } });
  assert.equal(merged.timings.length, 4, "a timing per part: the page checks every part was searched");
  assert.deepEqual(mergeFilters([{ year: { "2025": 1 } }, {}]), { year: { "2025": 1 } });
});
