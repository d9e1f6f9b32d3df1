// @ts-check
// The search page: Pagefind's JS API over an index whose Chinese words are exactly what a reader
// types (search-tokens.js), so every match is decided by Pagefind itself and no post's text is
// downloaded to check it. Exact counts, every result reachable ("more"), ranked by how much a post
// says about the query, excerpts from the passage that holds it. A module: never render-blocking.
import { pagefindWords } from "./search-content.js";
import { indexedHtml } from "./search-indexed.js";
import { inflateFetches, keepCompiledModule, parseFirstLocations } from "./search-engine.js";
import { mergeFilters, mergeSearches, unpackResults } from "./search-merge.js";
import { combine, excerpt, filterCounts, passageFor, queryUnits, rankingPair, readableDate, resultKeys, textMarks, unitMarks, unitSearches } from "./search-query.js";

/**
 * Pagefind's JS API, as far as this page uses it (its own module ships no types to the site).
 * @typedef {{ location: number, weight: number, balanced_score?: number }} WeightedLocation
 * @typedef {{ url: string, content: string, meta: Record<string, string>, filters: Record<string, string[]>, anchors: { id: string, location: number }[] }} PagefindData
 * @typedef {{ id: string, score: number, words: number[], weighted_locations?: WeightedLocation[], data: () => Promise<PagefindData> }} PagefindResult
 * @typedef {{ results: PagefindResult[], filters: Record<string, Record<string, number>>, timings?: object[] }} PagefindSearch
 * @typedef {{ options(o: object): Promise<void>, init(): Promise<void>, mergeIndex(path: string, o: object): Promise<void>, search(q: string, o?: object): Promise<PagefindSearch | null>, filters(): Promise<Record<string, Record<string, number>>> }} Pagefind
 * @typedef {Record<string, { any: string[] }>} Chosen
 */

/** @template {Element} T @param {string} selector @returns {T} */
const $ = (selector) => /** @type {T} */ (document.querySelector(selector));
const form = /** @type {HTMLFormElement} */ ($("#search-form"));
const input = /** @type {HTMLInputElement} */ ($("#search-q"));
const status = $("#search-status");
const list = $("#search-results");
const more = /** @type {HTMLButtonElement} */ ($("#search-more"));
const filtersBox = $("#search-filters");
const filtersFold = /** @type {HTMLDetailsElement} */ ($("#search-filters-box"));
const filtersChosen = $("#search-filters-chosen");
/** @type {Record<string, any>} labels from _data/ui.json (its `search` key); plain strings keyed by name */
const labels = JSON.parse($("#search-labels").textContent ?? "{}");
// Resolved against this script's own URL (…/assets/search.js), so any path prefix works.
const siteBase = new URL("../", import.meta.url);
// A large archive's index comes in parts (so building it stays lean): Pagefind merges them into one
// search, with one list of results and filter counts over all. The list of parts (src/search/
// index-site.ts) names the files Pagefind needs before it can search: the page's inline script asks
// for it as the page is read and preloads those files as soon as it arrives (pages/search.njk), so
// they all load at once, while Pagefind's own script loads: otherwise each part waits for the first
// one's engine, and each file for the one before it. Fetched here only where that script did not run.
/** @typedef {{ parts: { path: string, meta: string }[], wasm: string, tag: string, worker?: Worker, workerError?: string }} Manifest */
/** @type {Promise<Pagefind>} */
const pagefindLoaded = import(new URL("pagefind/pagefind.js", siteBase).href);
// Pagefind's files inflated by the browser, and a Chinese query's answers parsed with their first
// locations only (search-engine.js); `firstOnly` is set by run for its query's searches: an answer of
// an English unit's search (its marks read every location) keeps them all.
inflateFetches(window);
let firstOnly = false;
parseFirstLocations(() => firstOnly);
// The engine Pagefind compiles here, handed to the worker compiled.
const engineModule = keepCompiledModule();
let engineKept = false;
engineModule.then(() => (engineKept = true));
/** @type {Promise<Manifest | undefined> | undefined} */
const asked = /** @type {{ searchParts?: Promise<Manifest | undefined> }} */ (/** @type {unknown} */ (window)).searchParts;
/** @type {Manifest} */
const manifest = await (asked ?? fetch(new URL("pagefind/parts.json", siteBase), { cache: "no-cache" }).then((r) => (r.ok ? r.json() : undefined), () => undefined)).then((m) => m ?? { parts: [], wasm: "", tag: "" });
// The parts are searched on two threads: the first half here, the rest in a worker of the page's own
// (search-worker.js) with a Pagefind of its own, so that a search's two halves run at once. The page
// preloads its own half's files (pages/search.njk: the same split), the worker fetches its own.
const half = Math.ceil(manifest.parts.length / 2);
const partPaths = manifest.parts.map((part) => new URL(part.path, siteBase).pathname);
const pageParts = partPaths.slice(0, half);
const workerParts = manifest.parts.slice(half);
// The tag makes the entry files' addresses those preloaded.
const indexOptions = { baseUrl: siteBase.pathname, language: "en", ...(manifest.tag ? { metaCacheTag: manifest.tag } : {}) };
/** @type {RemoteIndex | undefined} */
let worker = workerParts.length ? remoteIndex(workerParts, manifest) : undefined;
const pagefind = await pagefindLoaded;
// The page's half on the page's own thread, not in Pagefind's worker: that would fetch its own copy
// of Pagefind's script and start after it, and could not use what the page preloaded.
await pagefind.options({ ...indexOptions, noWorker: true });
// Pagefind takes the query's language from <html lang> when it starts, and cuts Chinese queries into
// words its own way. This index's words are already what a reader types, and it is declared English
// (src/search/index-site.ts), so Pagefind starts while the page says English, and only then.
const pageLang = document.documentElement.lang;
document.documentElement.lang = "en";
const started = pagefind.init();
document.documentElement.lang = pageLang;
await started;
const others = pageParts.slice(1);
// Merged parts share the first one's search engine. Not awaited: a search asked for meanwhile
// already covers every part whose merge has begun (each part's words load as soon as its metadata
// has), so the first query's index chunks load while the parts are still being merged; searchHere
// makes sure that no part was left out.
/** @type {Promise<unknown>} */
let merged = Promise.all(others.map((part) => pagefind.mergeIndex(part, indexOptions)));

/** @typedef {{ search(term: string, options: object, locations: boolean): Promise<PagefindSearch>, filters(): Promise<Record<string, Record<string, number>>>, forget(): void, fail(why: string): void }} RemoteIndex */

/**
 * The worker's half of the index (search-worker.js says what it is sent and answers). Its results are
 * the page's own kind: id, score, locations (all of them where asked for, else the first) and data,
 * which the worker reads. Any request fails once the worker has failed (it could not start, or its
 * Pagefind could not load its parts): the caller then searches those parts here (workerFailed).
 * @param {{ path: string, meta: string }[]} parts the worker's parts (as the list of parts names them)
 * @param {Manifest} started the worker, where the page's inline script started it (and its error, if
 *   it failed before this listened)
 * @returns {RemoteIndex}
 */
function remoteIndex(parts, started) {
  const thread = started.worker ?? new Worker(new URL("search-worker.js", import.meta.url), { type: "module" });
  let next = 0;
  /** @type {Map<number, { resolve: (answer: any) => void, reject: (e: Error) => void }>} */
  const pending = new Map();
  /** @type {Error | undefined} */
  let failure;
  /** @param {Error} error */
  const fail = (error) => {
    if (failure) return;
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    thread.terminate();
  };
  thread.addEventListener("error", (e) => {
    e.preventDefault();
    fail(new Error(e.message || "the search worker did not start"));
  });
  thread.addEventListener("messageerror", () => fail(new Error("the search worker's answer could not be read")));
  if (started.workerError) fail(new Error(started.workerError));
  thread.addEventListener("message", (e) => {
    const m = e.data;
    if (m.failed) return fail(new Error(m.failed));
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if ("error" in m) p.reject(new Error(m.error));
    else p.resolve(m.answer);
  });
  /**
   * @param {number} id
   * @param {object} message
   * @returns {Promise<any>}
   */
  const ask = (id, message) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      pending.set(id, { resolve, reject });
      thread.postMessage({ id, ...message });
    });
  thread.postMessage({ init: { parts, options: indexOptions } });
  // Pagefind's engine, as soon as the page's Pagefind has compiled it.
  engineModule.then((module) => failure || thread.postMessage({ module }));
  // The first search of the query before the one shown: searches before it are no longer read.
  let kept = 0;
  return {
    async search(term, options, locations) {
      const search = next++;
      // firstOnly: the query's, as on the page (its searches run at once, and the worker's answers
      // are parsed one by one as they come, for whichever search).
      /** @type {{ packed: import("./search-merge.js").Packed, filters: Record<string, Record<string, number>>, timings: object[] }} */
      const a = await ask(search, { search: [term, options, locations, firstOnly] });
      /** @type {(i: number) => Promise<PagefindData>} */
      const dataOf = (i) => ask(next++, { data: [search, i] });
      return { results: unpackResults(a.packed, dataOf), filters: a.filters, timings: a.timings };
    },
    filters: () => ask(next++, { filters: true }),
    forget() {
      if (!failure) thread.postMessage({ forget: kept });
      kept = next;
    },
    fail: (why) => fail(new Error(why)),
  };
}

/** @type {Promise<void> | undefined} */
let fallback;
/**
 * The worker failed: its parts are merged here, and searched with the page's from now on.
 * @param {unknown} why
 */
function workerFailed(why) {
  return (fallback ??= (async () => {
    console.warn(`search: the search worker failed (${String(why)}); its parts are searched on the page`);
    worker = undefined;
    const paths = partPaths.slice(half);
    others.push(...paths);
    merged = Promise.all([merged, ...paths.map((part) => pagefind.mergeIndex(part, indexOptions))]);
  })());
}

/**
 * A search over the page's own parts of the index.
 * @param {string} term
 * @param {object} options
 * @returns {Promise<PagefindSearch | null>}
 */
async function searchHere(term, options) {
  const found = await pagefind.search(term, options);
  // Pagefind times each part it searched: fewer than all means a part had not begun merging.
  if (found && (found.timings?.length ?? 0) < others.length + 1) {
    await merged;
    return pagefind.search(term, options);
  }
  return found;
}

/**
 * A search over every part of the index: the page's parts here and the worker's there, at once. One
 * list of results as Pagefind's merged search makes it (every part's results in the parts' order, then
 * one stable sort by score), filter counts added up. Should the worker fail, its parts are merged
 * here and the search asked for again.
 * @param {string} term
 * @param {object} options
 * @param {boolean} [locations] whether the worker's results need every location (English marks read
 *   them), or the first is enough
 * @returns {Promise<PagefindSearch | null>}
 */
async function searchAll(term, options, locations = false) {
  const there = worker?.search(term, options, locations);
  /** @type {unknown} */
  let why;
  const searched = searchHere(term, options);
  // Pagefind has its engine by the time it answers here: had it not been kept for the worker (made
  // some other way), the worker would wait for it for ever, and its parts are searched here instead.
  searched.then(() => engineKept || worker?.fail("Pagefind's engine was not kept for the worker"), () => {});
  const [here, away] = await Promise.all([searched, there?.catch((e) => void (why = e))]);
  if (there && !away) {
    await workerFailed(why);
    return searchAll(term, options, locations);
  }
  if (!here || !away?.results.length) return here;
  return mergeSearches(here, away);
}
// The filter index (a few files per part) is needed for filter counts only, and only when the reader
// opens the filters (or a filter is checked): once it is loaded, Pagefind counts every filter value
// (thousands of tags, in every part) on every search, which made a second query on the page take
// seconds. Until then, searches leave filters alone.
/** @type {Promise<Record<string, Record<string, number>>> | undefined} */
let allFilters;
const filtersLoaded = () => (allFilters ??= filtersOfAll());
/**
 * The filter counts of every part (the page's and the worker's), with no query.
 * @returns {Promise<Record<string, Record<string, number>>>}
 */
async function filtersOfAll() {
  /** @type {unknown} */
  let why;
  const there = worker?.filters().catch((e) => void (why = e));
  const here = merged.then(() => pagefind.filters());
  const away = await there;
  if (there && !away) {
    await workerFailed(why);
    return merged.then(() => pagefind.filters());
  }
  return mergeFilters([await here, away ?? {}]);
}
/** Whether filter counts are wanted: the filters are open, or one is checked. */
const filtersWanted = () => filtersFold.open || filtersBox.querySelector("input:checked") !== null;
/** @type {(() => Promise<void>) | undefined} counts the filters of the query shown (set by run) */
let countFilters;

const PAGE = 10; // results listed at a time, as search pages do; "more" lists the next
const FILTER_VALUES = 12; // values listed per filter
let current = 0;
/** @type {(() => Promise<void>) | undefined} */
let showMore;

/** @returns {Chosen} */
function selectedFilters() {
  /** @type {Chosen} */
  const chosen = {};
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (filtersBox.querySelectorAll("input:checked"))) (chosen[box.name] ??= { any: [] }).any.push(box.value);
  return chosen;
}

/**
 * @param {Record<string, Record<string, number>>} available counts per filter value
 * @param {Chosen} chosen
 */
function renderFilters(available, chosen) {
  const order = Object.keys(labels.filters); // year, speakers, tags… first, then any others
  /** @param {string} name */
  const rank = (name) => order.indexOf(name) + 1 || order.length + 1;
  const sets = [];
  for (const name of Object.keys(available).sort((a, b) => rank(a) - rank(b))) {
    /** @param {string} value */
    const isChosen = (value) => Boolean(chosen[name]?.any.includes(value));
    const entries = Object.entries(available[name] ?? {}).filter(([v, n]) => n > 0 || isChosen(v));
    if (!entries.length) continue;
    entries.sort((a, b) => Number(isChosen(b[0])) - Number(isChosen(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"));
    const set = document.createElement("fieldset");
    set.append(Object.assign(document.createElement("legend"), { textContent: labels.filters[name] ?? name }));
    for (const [value, count] of entries.slice(0, FILTER_VALUES)) {
      const box = Object.assign(document.createElement("input"), { type: "checkbox", name, value, checked: isChosen(value) });
      const label = document.createElement("label");
      label.append(box, ` ${value} `, Object.assign(document.createElement("span"), { className: "count", textContent: `(${count})` }));
      set.append(label);
    }
    sets.push(set);
  }
  filtersBox.replaceChildren(...sets);
  filtersFold.hidden = !sets.length && !Object.keys(chosen).length;
  const n = Object.values(chosen).reduce((sum, c) => sum + c.any.length, 0);
  filtersChosen.textContent = n ? `(${n})` : "";
}

/**
 * A listed post's indexed words, as Pagefind stored them (its locations index into them), each in its
 * case as written (indexText). The index
 * leaves them out of the fragment wherever they can be worked out from the post page, as here
 * (src/search/fragments.ts checks each page when it builds the index); a fragment that keeps them
 * is read as it is. A page that cannot be fetched gives no words: the result is listed without an
 * excerpt.
 * @param {PagefindData} data
 * @returns {Promise<string[]>}
 */
async function postWords(data) {
  if (data.content) return data.content.split(/\s+/);
  try {
    const page = await fetch(data.url);
    if (!page.ok) return [];
    // Its words as written (OpenAI, not the openai Pagefind was given): the same words at the same places.
    const indexed = indexedHtml(await page.text(), true);
    return indexed === undefined ? [] : pagefindWords(indexed);
  } catch {
    return [];
  }
}

/**
 * One result as soon as its fragment is read: its title (linked to the post), date and speaker, and
 * an empty excerpt, which fillExcerpt fills once the post's words are worked out from its page (a
 * request after the fragment's: the title shows without waiting for it).
 * @param {PagefindData} data
 * @returns {HTMLLIElement}
 */
function resultItem(data) {
  const link = Object.assign(document.createElement("a"), { href: data.url, textContent: data.meta.title ?? data.url });
  const heading = Object.assign(document.createElement("h2"), { className: "result-title" });
  heading.append(link);
  const meta = Object.assign(document.createElement("p"), { className: "post-meta result-meta" });
  meta.textContent = [readableDate(data.meta.date), data.meta.speaker].filter(Boolean).join(" · ");
  const text = Object.assign(document.createElement("p"), { className: "result-excerpt" });
  const li = Object.assign(document.createElement("li"), { className: "result" });
  li.append(heading, meta, text);
  return li;
}

/**
 * A listed result's passage: its excerpt, with every occurrence marked, and its link, which now
 * opens the passage.
 * @param {HTMLLIElement} li from resultItem
 * @param {PagefindData} data
 * @param {string[]} words its indexed words (postWords)
 * @param {{ from: number, to: number }[][]} perUnit each unit's occurrences as word ranges
 */
function fillExcerpt(li, data, words, perUnit) {
  const passage = passageFor(data.anchors ?? [], perUnit.map((ranges) => ranges.map((r) => r.from)));
  if (passage.id) /** @type {HTMLAnchorElement} */ (li.querySelector(".result-title a")).href = `${data.url}#${passage.id}`;
  // Escaped text with <mark> (search-query.js builds it from the indexed words).
  /** @type {HTMLElement} */ (li.querySelector(".result-excerpt")).innerHTML = excerpt(words, passage, perUnit.flat());
}

/**
 * @param {string} key a ui label
 * @param {Record<string, string | number>} [values]
 */
const label = (key, values = {}) => Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), String(labels[key] ?? key));

/** @param {string} raw */
async function run(raw) {
  const ticket = ++current;
  worker?.forget();
  const isCurrent = () => ticket === current;
  const text = raw.replace(/\s+/g, " ").trim();
  const url = new URL(location.href);
  if (text) url.searchParams.set("q", text);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  const chosen = selectedFilters();
  // The previous query's results go at once: never shown under the new query's status.
  list.replaceChildren();
  more.hidden = true;
  showMore = undefined;
  const units = queryUnits(text);
  if (!units.length) {
    list.removeAttribute("aria-busy");
    status.textContent = text ? label("none") : "";
    countFilters = async () => {
      const filters = await filtersLoaded();
      if (isCurrent()) renderFilters(filters, chosen);
    };
    if (filtersWanted()) await countFilters();
    return;
  }
  status.textContent = label("searching");
  list.setAttribute("aria-busy", "true");
  const filtering = Object.keys(chosen).length > 0;
  if (filtering) await filtersLoaded();
  // Every location of a result is read for an English unit's marks only (unitMarks).
  firstOnly = units.every((u) => u.kind !== "latin");
  const options = { filters: chosen };
  // Every unit's searches at once: Pagefind loads each index chunk once, whichever search asks first.
  // A Chinese unit's exact search comes first (its searches share their chunks, and run one after
  // another on the page's thread all the same): a word no post holds needs no plain search, and a
  // word of several pairs is ranked by its rarest pair (rankingPair), counted by exact searches of
  // its single pairs.
  const answers = await Promise.all(
    units.map(async (unit) => {
      const { members, where } = unitSearches(unit);
      if (!members || unit.kind === "latin") return Promise.all([members ? searchAll(members, options) : Promise.resolve(null), searchAll(where, options, unit.kind === "latin")]);
      const exact = await searchAll(members, options);
      if (!exact?.results.length) return [exact, { results: [], filters: {} }];
      const counts = unit.words.length > 1 ? await Promise.all(unit.words.map((w) => searchAll(`"${w}"`, options).then((f) => f?.results.length ?? 0))) : undefined;
      return [exact, await searchAll(unitSearches(unit, counts && rankingPair(counts)).where, options)];
    }),
  );
  if (!isCurrent()) return;
  // Results by key: their ids, unique across the index's parts after the build (resultKeys says why,
  // and keeps both results should two of them share one all the same).
  const { keyOf, shared } = await resultKeys(answers.flat());
  if (!isCurrent()) return;
  if (shared.length) console.warn(`search: results of different index parts share the ids ${shared.join(" ")}; told apart by their URLs`);
  /** @type {Map<string, PagefindResult>[]} each unit's plain-search results by key: where it occurs, read when a post is listed (unitMarks) */
  const wheres = [];
  /** @type {Map<string, PagefindResult>} the result whose data() a listed post is read from, by its key (resultKeys) */
  const byId = new Map();
  // The search that decides the unit with fewest posts: filter counts come from it.
  let countsQuery = "";
  let fewest = Infinity;
  /** @type {Map<string, import("./search-query.js").Located[]>[]} */
  const perUnit = [];
  for (const [u, [exact, plain]] of answers.entries()) {
    const unit = /** @type {import("./search-query.js").QueryUnit} */ (units[u]);
    if (!plain) return;
    /** @type {Map<string, PagefindResult> | undefined} */
    const keep = exact ? new Map(exact.results.map((r) => [keyOf(r), r])) : undefined;
    /** @type {Map<string, import("./search-query.js").Located[]>} */
    const found = new Map();
    /** @type {Map<string, PagefindResult>} English only: a Chinese unit's marks come from the post's words */
    const where = new Map();
    const english = unit.kind === "latin";
    for (const r of plain.results) {
      const key = keyOf(r);
      const member = keep ? keep.get(key) : r;
      if (!member) continue;
      // Ranked by Pagefind's own score of the plain search (how often the words occur, and where:
      // title and headings weigh more), carried as the weight of the first occurrence.
      found.set(key, [{ location: r.words[0] ?? 0, weight: r.score }]);
      if (english) where.set(key, r);
      // A post's data is read through the exact search's result where there is one: Pagefind cuts an
      // excerpt of its own for every passage holding a location it was given, and the exact search
      // gives one location, the plain search every occurrence (a frequent word: hundreds per post).
      if (!byId.has(key)) byId.set(key, member);
    }
    // Every post the exact search found is a result, whatever the plain search answered (last).
    for (const r of exact?.results ?? []) {
      const key = keyOf(r);
      if (found.has(key)) continue;
      found.set(key, [{ location: r.words[0] ?? 0, weight: 0 }]);
      if (!byId.has(key)) byId.set(key, r);
    }
    perUnit.push(found);
    wheres.push(where);
    if (found.size < fewest) {
      fewest = found.size;
      const searches = unitSearches(unit);
      countsQuery = searches.members ?? searches.where;
    }
  }
  const ranked = combine(perUnit);
  const phrase = units.some((u) => u.kind === "latin" && u.words.length > 1) && !text.includes('"');
  const note = phrase ? ` ${label("phraseNote")}` : "";
  /** @type {PagefindData[]} */
  const shown = [];
  let listed = 0;
  const tell = () => {
    status.textContent = ranked.length ? label("found", { n: ranked.length }) + (ranked.length > listed ? ` ${label("listed", { n: listed })}` : "") + note : label("none") + note;
  };
  const page = async () => {
    const next = ranked.slice(listed, listed + PAGE);
    // All of the page's posts are read at once, each post's page as soon as its fragment has said
    // where it is. Each is listed as soon as its fragment and those above it are read (the first
    // result shows without waiting for the tenth, nor for its own page), and its excerpt is filled
    // when its page is: the list is busy until the last excerpt.
    const reading = next.map((r) => {
      const data = /** @type {PagefindResult} */ (byId.get(r.id)).data();
      return { data, words: data.then(postWords) };
    });
    /** @type {Promise<void>[]} */
    const filled = [];
    for (const [k, read] of reading.entries()) {
      const d = await read.data;
      if (!isCurrent()) return;
      const id = next[k]?.id ?? "";
      const li = resultItem(d);
      list.append(li);
      shown.push(d);
      listed++;
      if (k === 0) tell();
      filled.push(
        read.words.then((words) => {
          if (!isCurrent()) return;
          // Each unit's places in this post, as word ranges to mark: read now, for the posts listed
          // only. Chinese from the post's own indexed words (the plain search may have searched one
          // pair of the word), English from the plain search's locations (it matches by stem).
          const marks = units.map((unit, u) => {
            if (unit.kind !== "latin") return textMarks(unit, words);
            const r = wheres[u]?.get(id);
            return r ? unitMarks(unit, r) : [];
          });
          fillExcerpt(li, d, words, marks);
        }),
      );
    }
    tell();
    await Promise.all(filled);
    if (!isCurrent()) return;
    // Offered once the page's last excerpt is in: "more" lists the next page after this one.
    more.hidden = listed >= ranked.length;
    more.textContent = label("more", { n: Math.min(PAGE, ranked.length - listed) });
  };
  await page();
  if (!isCurrent()) return;
  showMore = page;
  list.removeAttribute("aria-busy");
  document.documentElement.dataset.searchDone = String(ticket);
  // Filter counts: exact from Pagefind for a query of one unit; for several, from the listed results
  // when they are all listed, else from the unit with fewest posts (an upper bound). Only when wanted
  // (filtersWanted); the filters' fold is offered once there are results, and opening it counts them.
  countFilters = () => filterCountsOf(isCurrent, units.length, chosen, shown, listed >= ranked.length, countsQuery);
  filtersFold.hidden = !ranked.length && !filtering;
  if (filtersWanted()) await countFilters();
}

/**
 * Counts the filters of a query and shows them.
 * @param {() => boolean} isCurrent
 * @param {number} units how many units the query has
 * @param {Chosen} chosen
 * @param {PagefindData[]} shown the results listed
 * @param {boolean} complete whether every result is listed
 * @param {string} q the search that decides the unit with fewest posts (for one unit, the unit's)
 */
async function filterCountsOf(isCurrent, units, chosen, shown, complete, q) {
  await filtersLoaded();
  if (!isCurrent()) return;
  const options = { filters: chosen };
  let counts;
  if (units > 1 && complete) counts = filterCounts(shown.map((d) => d.filters ?? {}), chosen);
  else {
    counts = { ...((await searchAll(q, options))?.filters ?? {}) };
    // A checked filter's own values are counted without it, so the reader can switch between them.
    for (const name of Object.keys(chosen)) {
      const { [name]: _, ...others } = chosen;
      const without = await searchAll(q, { filters: others });
      if (without) counts[name] = without.filters[name] ?? {};
    }
  }
  if (isCurrent()) renderFilters(counts, chosen);
}

more.addEventListener("click", async () => {
  more.disabled = true;
  list.setAttribute("aria-busy", "true");
  await showMore?.();
  list.removeAttribute("aria-busy");
  more.disabled = false;
});
/** @type {ReturnType<typeof setTimeout> | undefined} */
let typing;
form.addEventListener("submit", (e) => {
  e.preventDefault();
  // The query typed is searched now: a pause in typing must not search it again.
  clearTimeout(typing);
  run(input.value);
});
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => run(input.value), 250);
});
filtersBox.addEventListener("change", () => run(input.value));
// Opening the filters counts them for the query shown (once: later queries count while it is open).
filtersFold.addEventListener("toggle", () => {
  if (filtersFold.open) countFilters?.();
});
input.value = new URLSearchParams(location.search).get("q") ?? "";
await run(input.value);
document.documentElement.dataset.searchReady = "true";
