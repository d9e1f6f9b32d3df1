// @ts-check
// How the search page's two halves of the index (its own parts, and its worker's: search-worker.js)
// make one search: the worker's results sent as a few arrays instead of Pagefind's objects, and the
// two answers merged as Pagefind merges its parts. Shared by the page, the worker and the unit tests.

/**
 * @typedef {{ id: string, score: number, words: number[] }} Scored a result, as far as the page ranks it
 * @typedef {{ ids: string[], scores: Float64Array, starts: Uint32Array, at: Uint32Array }} Packed
 * @typedef {Record<string, Record<string, number>>} FilterCounts
 */

/**
 * A search's results as the worker sends them: their ids and scores in Pagefind's order, and their
 * locations one after another (`starts`: where each result's begin, and the end), every one where
 * asked for, else the first only (all the page reads of a result it does not mark). Typed arrays,
 * whose memory is handed over, not copied: a frequent word has thousands of results.
 * @param {Scored[]} results
 * @param {boolean} locations whether every location is kept
 * @returns {{ packed: Packed, transfer: ArrayBuffer[] }}
 */
export function packResults(results, locations) {
  const scores = new Float64Array(results.length);
  const starts = new Uint32Array(results.length + 1);
  let n = 0;
  for (const [i, r] of results.entries()) {
    scores[i] = r.score;
    starts[i] = n;
    n += locations ? r.words.length : Math.min(1, r.words.length);
  }
  starts[results.length] = n;
  const at = new Uint32Array(n);
  for (const [i, r] of results.entries()) {
    if (locations) at.set(r.words, starts[i]);
    else if (r.words.length) at[starts[i] ?? 0] = r.words[0] ?? 0;
  }
  return { packed: { ids: results.map((r) => r.id), scores, starts, at }, transfer: [scores.buffer, starts.buffer, at.buffer] };
}

/**
 * The worker's results as the page's own kind again, each with the way to read its data.
 * @template D
 * @param {Packed} packed
 * @param {(index: number) => Promise<D>} dataOf reads the data of the result at that index
 * @returns {(Scored & { data: () => Promise<D> })[]}
 */
export function unpackResults(packed, dataOf) {
  return packed.ids.map((id, i) => ({
    id,
    score: packed.scores[i] ?? 0,
    words: Array.from(packed.at.subarray(packed.starts[i], packed.starts[i + 1])),
    data: () => dataOf(i),
  }));
}

/**
 * Filter counts of several parts added up, as Pagefind's merged search does.
 * @param {FilterCounts[]} counts
 * @returns {FilterCounts}
 */
export function mergeFilters(counts) {
  /** @type {FilterCounts} */
  const out = {};
  for (const filters of counts) {
    for (const [name, values] of Object.entries(filters)) {
      const sum = (out[name] ??= {});
      for (const [value, n] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + n;
    }
  }
  return out;
}

/**
 * Two searches of consecutive runs of parts as one, as Pagefind merges its parts: every part's results
 * in the parts' order, then one stable sort by score (so of equal scores, the earlier part's come
 * first, as they would from one Pagefind over all the parts); filter counts added up, timings of
 * every part.
 * @template {{ score: number }} R
 * @param {{ results: R[], filters: FilterCounts, timings?: object[] }} first the earlier parts' search
 * @param {{ results: R[], filters: FilterCounts, timings?: object[] }} second the later parts'
 * @returns {{ results: R[], filters: FilterCounts, timings: object[] }}
 */
export function mergeSearches(first, second) {
  return {
    results: [...first.results, ...second.results].sort((a, b) => b.score - a.score),
    filters: mergeFilters([first.filters, second.filters]),
    timings: [...(first.timings ?? []), ...(second.timings ?? [])],
  };
}
