// Query preparation for the search page, shared with the unit tests (plain ES module, no build step).
//
// Pagefind splits Chinese it does not know into single characters, so 泛化 also matches a page with
// 泛型 … 变化. Pagefind still finds the candidates (every page with the words or their characters);
// each run of two or more Chinese characters in the query must then appear, unbroken, in a result's
// text for the result to be kept, and each Latin word must start a word of it (see containsStems).
// Single characters are left to Pagefind.

const HAN_RUN = /\p{Script=Han}{2,}/gu;

// English: the index is Chinese (`<html lang="zh-CN">`), so Pagefind does not stem the English
// originals; it does match a query word as the prefix of longer words. Cutting a query word back to a
// light stem (optimization → optimiz) lets that prefix match reach its inflections (optimize,
// optimizing, optimized, optimizer). Words in "quotes" are left exactly as typed.
const SUFFIXES = [/(?<=[iy]z|is)(?:ations?|ing|ed|es|ers?|e|able)$/, /(?:ations?|ments?|ness|ies|ings?|ers?|ed|es|ly|y|s|e)$/];
const MIN_STEM = 4;

/**
 * A light English stem, the start every inflection of the word shares, or the word itself.
 * @param {string} word
 * @returns {string}
 */
export function stem(word) {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w) || /ss$/.test(w)) return w;
  for (const suffix of SUFFIXES) {
    const s = w.replace(suffix, "");
    if (s !== w && s.length >= MIN_STEM) return s;
  }
  return w;
}

/**
 * @param {string} raw the reader's query
 * @returns {{ text: string, query: string, words: string[], stems: string[] }} the query as typed (for
 *   the URL), what to send to Pagefind, the Chinese words a result must contain, and the stems of the
 *   Latin words outside quotes, each of which must start a word of the result
 */
export function prepareQuery(raw) {
  const text = raw.replace(/\s+/g, " ").trim();
  const words = [...new Set(text.match(HAN_RUN) ?? [])];
  const stems = [];
  const stemmed = (w) => {
    const s = stem(w);
    stems.push(s);
    return s;
  };
  // Even parts are outside quotes, odd ones inside.
  const query = text
    .split('"')
    .map((part, i) => (i % 2 ? part : part.replace(/[A-Za-z]+/g, stemmed)))
    .join('"');
  return { text, query, words, stems: [...new Set(stems)] };
}

/**
 * Pagefind matches a query word as the start of a word; where no word of an index starts with it, it
 * returns near misses instead (an index in parts has many such parts). So a result is kept only when
 * each stem starts a word of its text, as Pagefind's own match would.
 * @param {string} text a result's full text
 * @param {string[]} stems from prepareQuery
 * @returns {boolean}
 */
export function containsStems(text, stems) {
  return stems.every((s) => new RegExp(`(?<![A-Za-z0-9])${s}`, "i").test(text));
}

/**
 * @param {string} text a result's full text
 * @param {string[]} words Chinese words from prepareQuery
 * @returns {boolean} true when every word occurs unbroken in the text
 */
export function containsWords(text, words) {
  return words.every((w) => text.includes(w));
}

/**
 * An excerpt of `text` around the first occurrence of `word`, HTML-escaped, with the word marked.
 * @param {string} text
 * @param {string} word
 * @param {number} [radius]
 * @returns {string}
 */
export function excerptAround(text, word, radius = 48) {
  const at = text.indexOf(word);
  if (at < 0) return "";
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + word.length + radius);
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  return `${start > 0 ? "…" : ""}${esc(text.slice(start, at))}<mark>${esc(word)}</mark>${esc(text.slice(at + word.length, end))}${end < text.length ? "…" : ""}`;
}

/**
 * The passage (turn `t-N`, or section `s-N`) a result should open: the last anchor at or before the
 * first match inside the transcript (matches in the title or summary come before every anchor).
 * For a Chinese word, Pagefind reports its characters wherever they are; the word itself is where
 * consecutive positions match (泛 at n, 化 at n + 1), so such a position wins when there is one.
 * @param {{ id: string, location: number }[]} anchors Pagefind's anchors of the page
 * @param {number[]} locations word positions of the matches, ascending
 * @param {boolean} [phrase] the query has a Chinese word
 * @returns {string | undefined} the id
 */
export function anchorFor(anchors, locations, phrase = false) {
  const usable = anchors.filter((a) => /^[ts]-\d+$/.test(a.id));
  if (!usable.length) return undefined;
  const first = Math.min(...usable.map((a) => a.location));
  const inBody = locations.filter((l) => l >= first);
  const location = (phrase ? inBody.find((l) => inBody.includes(l + 1)) : undefined) ?? inBody[0];
  if (location === undefined) return undefined;
  let best;
  for (const a of usable) if (a.location <= location && (!best || a.location >= best.location)) best = a;
  return best?.id;
}

/**
 * @param {Record<string, string[]>} filters a result's filter values
 * @param {Record<string, { any: string[] }>} chosen the checked filters
 * @param {string} [except] a filter name to leave out
 * @returns {boolean} true when the result has one of the checked values of every filter
 */
export function matchesFilters(filters, chosen, except) {
  return Object.entries(chosen).every(([name, { any }]) => name === except || any.some((v) => filters[name]?.includes(v)));
}

/**
 * Filter counts over results: each value counts the results that would remain with it checked
 * (the other filters applying, its own not), so the reader can switch between values of a filter.
 * @param {Record<string, string[]>[]} results each result's filter values
 * @param {Record<string, { any: string[] }>} chosen
 * @returns {Record<string, Record<string, number>>}
 */
export function filterCounts(results, chosen) {
  const counts = {};
  for (const filters of results) {
    for (const [name, values] of Object.entries(filters)) {
      if (!matchesFilters(filters, chosen, name)) continue;
      const c = (counts[name] ??= {});
      for (const v of values) c[v] = (c[v] ?? 0) + 1;
    }
  }
  return counts;
}
