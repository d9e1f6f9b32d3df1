// @ts-check
// The search page's pure logic, shared with the unit tests (plain ES module, no build step): how a
// query becomes Pagefind searches, how their answers combine into ranked results, and how a result's
// passage and excerpt are found. The words themselves are cut in search-tokens.js.
import { readableParts } from "./search-tokens.js";

export { queryUnits, readableText } from "./search-tokens.js";

/**
 * @typedef {import("./search-tokens.js").QueryUnit} QueryUnit
 * @typedef {{ location: number, weight: number }} Located
 */

/**
 * The Pagefind searches for one unit: `members` decides which posts match (a quoted search is
 * Pagefind's exact one: each word's stem as typed, the words next to each other, and nothing else;
 * undefined for one Chinese character, which matches as the start of any indexed word); `where`
 * ranks them, by Pagefind's score of it in each post (the plain search). The plain search alone
 * cannot decide: in an index part where no word starts with a query word, Pagefind answers with
 * words that start with a shorter part of it (的们 → 的). A Chinese word of several pairs is ranked
 * by one of its pairs (`pair`, its index: rankingPair), not by all of them: the plain search's time
 * grows with the locations of every word it is given (泛化能力: 473,121 locations, 1.8 s, where one
 * pair took 0.4 s), and the exact search has already decided where they stand together.
 * @param {QueryUnit} unit
 * @param {number} [pair] the pair a Chinese word is ranked by (all its words when undefined)
 * @returns {{ members: string | undefined, where: string }}
 */
export function unitSearches(unit, pair) {
  const words = unit.words.join(" ");
  const ranking = unit.kind === "han" && pair !== undefined ? unit.words[pair] : undefined;
  return { members: unit.kind === "char" ? undefined : `"${words}"`, where: ranking ?? words };
}

/**
 * Which pair ranks a Chinese word: the one held by fewest posts (so the posts that merely use a
 * common pair of it often, 能力 of 泛化能力, do not rank above those that use the word: of all
 * its pairs, the rarest occurs least outside the word), and of pairs held by as many posts, the
 * one nearest the word's middle (the pair across its two halves, 化能 of 泛化能力, 值函 of 价值函数,
 * is rarely a word of its own). The counts are exact searches of the single pairs: they score no
 * locations, and cost tens of milliseconds where a plain search of a frequent pair costs tenths
 * of a second.
 * @param {number[]} posts how many posts hold each pair, in the word's order
 * @returns {number} the pair's index
 */
export function rankingPair(posts) {
  const middle = (posts.length - 1) / 2;
  let best = 0;
  for (const [i, n] of posts.entries()) {
    const b = posts[best] ?? Infinity;
    if (n < b || (n === b && Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best;
}

/**
 * Where a Chinese unit occurs in a post, read from the post's own indexed words (which hold the
 * same pairs as the index: from its fragment, or worked out from its page): where all its pairs stand one after another,
 * or, for one character, each word that starts with it. As word ranges to mark (inclusive). The
 * plain search that ranks a word of several pairs searches one of them only (unitSearches), so its
 * locations cannot tell where the word is.
 * @param {QueryUnit} unit a unit of kind `han` or `char`
 * @param {string[]} words the post's indexed words
 * @returns {{ from: number, to: number }[]}
 */
export function textMarks(unit, words) {
  const want = unit.words;
  const first = want[0] ?? "";
  const out = [];
  for (let i = 0; i + want.length <= words.length; i++) {
    if (unit.kind === "char" ? words[i]?.startsWith(first) : want.every((w, k) => words[i + k] === w)) out.push({ from: i, to: i + span(unit) - 1 });
  }
  return out;
}

/**
 * Where a unit occurs in a page: the positions at which all its words stand one after another.
 * @param {Located[]} located the plain search's locations in the page (any of the unit's words)
 * @param {number} length how many words the unit has
 * @returns {Located[]} the first word's location and weight of each occurrence
 */
export function occurrences(located, length) {
  if (length <= 1) return located;
  const at = new Set(located.map((l) => l.location));
  return located.filter((l) => {
    for (let i = 1; i < length; i++) if (!at.has(l.location + i)) return false;
    return true;
  });
}

/**
 * How many indexed words an occurrence of the unit covers as read: a Chinese word of n pairs
 * covers n + 1 characters (its last pair's second character is the next word's first).
 * @param {QueryUnit} unit
 */
export const span = (unit) => (unit.kind === "han" ? unit.words.length + 1 : unit.words.length);

/**
 * Where a unit occurs in a result of its plain search, as word ranges to mark (inclusive): the places
 * where all its words stand one after another. Read for the results listed only: a frequent word has
 * hundreds of locations in each of thousands of posts, and reading them all for every result took a
 * large part of a query's time.
 * @param {QueryUnit} unit
 * @param {{ words: number[] }} result the plain search's result (its words' locations)
 * @returns {{ from: number, to: number }[]}
 */
export function unitMarks(unit, result) {
  const at = occurrences(result.words.map((location) => ({ location, weight: 1 })), unit.words.length);
  return at.map((l) => ({ from: l.location, to: l.location + span(unit) - 1 }));
}

/**
 * The passage a result should open and show: the turn (`t-N`) or section (`s-N`) holding
 * occurrences of the most units, the earliest of those; matches before every anchor (title,
 * summary, taxonomy names) count only when the text has none.
 * @param {{ id: string, location: number }[]} anchors the page's anchors
 * @param {number[][]} perUnit each unit's occurrence locations
 * @returns {{ id: string | undefined, start: number, end: number, at: number }} the anchor, its
 *   word range (end exclusive; Infinity for the last), and the first occurrence in it
 */
export function passageFor(anchors, perUnit) {
  const usable = anchors.filter((a) => /^[ts]-\d+$/.test(a.id)).sort((a, b) => a.location - b.location);
  // A turn inside a section: the turn is the passage (the later of two anchors at one place).
  const starts = usable.filter((a, i) => usable[i + 1]?.location !== a.location || !a.id.startsWith("s-"));
  const first = Math.min(...perUnit.flat());
  if (!starts.length) return { id: undefined, start: 0, end: Infinity, at: Number.isFinite(first) ? first : 0 };
  /** @type {Map<number, { units: Set<number>, at: number }>} */
  const byPassage = new Map();
  perUnit.forEach((locs, u) => {
    for (const l of locs) {
      let k = -1;
      for (let i = 0; i < starts.length && (starts[i]?.location ?? Infinity) <= l; i++) k = i;
      if (k < 0) continue;
      const p = byPassage.get(k) ?? { units: new Set(), at: l };
      p.units.add(u);
      p.at = Math.min(p.at, l);
      byPassage.set(k, p);
    }
  });
  let best = -1;
  for (const [k, p] of byPassage) {
    const b = byPassage.get(best);
    if (!b || p.units.size > b.units.size || (p.units.size === b.units.size && p.at < b.at)) best = k;
  }
  const chosen = byPassage.get(best);
  if (!chosen) return { id: undefined, start: 0, end: starts[0]?.location ?? Infinity, at: Number.isFinite(first) ? first : 0 };
  return { id: starts[best]?.id, start: starts[best]?.location ?? 0, end: starts[best + 1]?.location ?? Infinity, at: chosen.at };
}

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/**
 * An excerpt of a passage around its first occurrence, as readable text, HTML-escaped, with every
 * occurrence of every unit marked.
 * @param {string[]} words the page's indexed words (as Pagefind stored them)
 * @param {{ start: number, end: number, at: number }} passage from passageFor
 * @param {{ from: number, to: number }[]} marks word ranges to mark (inclusive)
 * @param {number} [radius] words shown before the first occurrence (twice as many after it)
 * @returns {string}
 */
export function excerpt(words, passage, marks, radius = 40) {
  const last = Math.min(passage.end, words.length);
  const start = Math.max(passage.start, passage.at - radius);
  const end = Math.min(last, passage.at + radius * 2);
  const parts = readableParts(words.slice(start, end));
  let out = "";
  let open = false;
  for (const [k, part] of parts.entries()) {
    const i = start + k;
    const marked = marks.some((r) => r.from <= i && i <= r.to);
    const space = part.startsWith(" ") ? " " : "";
    const text = esc(space ? part.slice(1) : part);
    if (marked && !open) out += `${space}<mark>${text}`;
    else if (!marked && open) out += `</mark>${space}${text}`;
    else out += space + text;
    open = marked;
  }
  if (open) out += "</mark>";
  return `${start > passage.start ? "…" : ""}${out}${end < last ? "…" : ""}`;
}

/**
 * A date as the site writes it (2026年8月8日).
 * @param {string | undefined} iso YYYY-MM-DD
 * @returns {string}
 */
export function readableDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? "");
}

/**
 * Ids of the posts every unit found, best first (score, then Pagefind's order of the first unit). A
 * post's score is the sum of its units' weights (the search page gives each unit Pagefind's own
 * score of it in that post, which grows with how often it occurs and with the weight of where: a
 * title or heading above text), so a post that discusses the query ranks above a passing mention.
 * Made for every post found (thousands for a frequent word) on every query: one pass, and one sort,
 * which is stable (posts of equal score keep the first unit's order).
 * @param {Map<string, Located[]>[]} perUnit for each unit, its posts and their occurrences
 * @returns {{ id: string, score: number }[]}
 */
export function combine(perUnit) {
  const [first, ...rest] = perUnit;
  if (!first) return [];
  /** @param {Located[]} occ */
  const weight = (occ) => {
    let n = 0;
    for (const l of occ) n += l.weight;
    return n;
  };
  const out = [];
  posts: for (const [id, occ] of first) {
    let s = weight(occ);
    for (const m of rest) {
      const o = m.get(id);
      if (!o) continue posts;
      s += weight(o);
    }
    out.push({ id, score: s });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * How a search's results are told apart: by their ids. A Pagefind id is its page's fragment hash,
 * shortened to 7 hex digits, and Pagefind makes it unique within one index only, where the search page
 * merges several (the index's parts). The build makes ids unique across the parts too: a page whose id
 * an earlier part holds is indexed again with a salt that changes its fragment, and with it its id
 * (src/search/collisions.ts). Should two results of one search share an id all the same (an index
 * built otherwise), neither is lost: every result with such an id, in every search given, is keyed by
 * its id and its page's URL, read from its data (only then: reading a post's data costs a request).
 * @template {{ id: string, data: () => Promise<{ url: string }> }} R
 * @param {({ results: R[] } | null)[]} searches every search of one query
 * @returns {Promise<{ keyOf: (r: R) => string, shared: string[] }>} each result's key, and the ids shared
 */
export async function resultKeys(searches) {
  /** @type {Set<string>} */
  const shared = new Set();
  for (const found of searches) {
    const seen = new Set();
    for (const r of found?.results ?? []) {
      if (seen.has(r.id)) shared.add(r.id);
      seen.add(r.id);
    }
  }
  if (!shared.size) return { keyOf: (r) => r.id, shared: [] };
  /** @type {Map<R, string>} */
  const keys = new Map();
  const reads = searches.flatMap((found) => (found?.results ?? []).filter((r) => shared.has(r.id)).map(async (r) => keys.set(r, `${r.id} ${(await r.data()).url}`)));
  await Promise.all(reads);
  return { keyOf: (r) => keys.get(r) ?? r.id, shared: [...shared] };
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
  /** @type {Record<string, Record<string, number>>} */
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
