// Query preparation for the search page, shared with the unit tests (plain ES module, no build step).
//
// Pagefind splits Chinese it does not know into single characters, so 泛化 also matches a page with
// 泛型 … 变化. Pagefind still finds the candidates (every page with the words or their characters);
// each run of two or more Chinese characters in the query must then appear, unbroken, in a result's
// text for the result to be kept. Single characters and Latin words are left to Pagefind.

const HAN_RUN = /\p{Script=Han}{2,}/gu;

/**
 * @param {string} raw the reader's query
 * @returns {{ query: string, words: string[] }} what to send to Pagefind, and the Chinese words a result must contain
 */
export function prepareQuery(raw) {
  const query = raw.replace(/\s+/g, " ").trim();
  const words = [...new Set(query.match(HAN_RUN) ?? [])];
  return { query, words };
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
 * @param {{ id: string, location: number }[]} anchors Pagefind's anchors of the page
 * @param {number[]} locations word positions of the matches, ascending
 * @returns {string | undefined} the id
 */
export function anchorFor(anchors, locations) {
  const usable = anchors.filter((a) => /^[ts]-\d+$/.test(a.id));
  if (!usable.length) return undefined;
  const first = Math.min(...usable.map((a) => a.location));
  const location = locations.find((l) => l >= first);
  if (location === undefined) return undefined;
  let best;
  for (const a of usable) if (a.location <= location && (!best || a.location >= best.location)) best = a;
  return best?.id;
}
