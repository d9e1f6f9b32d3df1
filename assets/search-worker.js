// @ts-check
// The search page's second thread (a module worker, started by the page's inline script as soon as the
// list of parts is in, or else by search.js): a Pagefind of its own over the later half of the index's
// parts, so that the two halves are searched at once, on two cores. Pagefind searches each part in
// turn, on one thread, and a frequent word's searches (every location in every post: 模型, 250,817
// at 9,000 posts) spend most of a second query's time there. Its engine is the page's: the page sends
// the WebAssembly module its Pagefind compiled (search-engine.js), so the worker neither fetches nor
// compiles it again; its parts' entries and metadata are fetched as soon as it knows them, while the
// page's Pagefind compiles. The page asks for searches, a listed result's data and the filter counts;
// the answers carry what the page reads of each result (id, score, locations where asked for:
// search-merge.js), not Pagefind's objects.
//
// Messages from the page: { init: { parts, options } } and { module } once each, then
// { id, search: [term, options, locations] }, { id, data: [search, result] }, { id, filters: true }
// and { forget: search } (the searches before it are no longer read). Answers: { ready: true } or
// { failed: message } once its Pagefind has started, and { id, answer } or { id, error } for each request.
import { inflateFetches, parseFirstLocations, requestUrl, useCompiledModule } from "./search-engine.js";
import { packResults } from "./search-merge.js";

/**
 * The worker's global scope, as far as this file uses it (the site's scripts are typed for a page).
 * @typedef {{ postMessage(message: unknown, transfer?: Transferable[]): void, addEventListener(type: "message", listener: (e: MessageEvent) => void): void, fetch: typeof fetch, location: { href: string } }} WorkerScope
 * @typedef {import("./search.js").PagefindResult} PagefindResult
 * @typedef {import("./search.js").Pagefind} Pagefind
 * @typedef {{ parts: { path: string, meta: string }[], options: { metaCacheTag?: string } }} Init
 */
const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));

/** @type {(init: Init) => void} */
let gotInit = () => {};
/** @type {Promise<Init>} */
const init = new Promise((resolve) => (gotInit = resolve));
/** @type {(module: WebAssembly.Module) => void} */
let gotModule = () => {};
/** @type {Promise<WebAssembly.Module>} */
const engineModule = new Promise((resolve) => (gotModule = resolve));

inflateFetches(scope);
useCompiledModule(scope, engineModule);
// A query whose every location is not read (the page says, with each search) is parsed with first ones.
let firstOnly = false;
parseFirstLocations(() => firstOnly);
// Each part's entry and metadata, fetched as soon as the parts are known: Pagefind asks for a merged
// part's only once its engine is in. Taken once each, by Pagefind's own request for them.
/** @type {Map<string, Promise<Response>>} */
const early = new Map();
const fetchOf = scope.fetch.bind(scope);
scope.fetch = (input, init) => {
  const url = requestUrl(input, scope).href;
  const kept = early.get(url);
  early.delete(url);
  return kept ?? fetchOf(input, init);
};

// The site's base, as the page's (search.js: this file is in its assets); the parts' folders are
// named from it. Pagefind's script is in the first part's folder (pagefind/).
const siteBase = new URL("../", import.meta.url);
/** @type {Promise<Pagefind>} loaded at once, while the page sends the parts */
const pagefindLoaded = import(new URL("pagefind/pagefind.js", siteBase).href);

/** @type {Promise<{ pagefind: Pagefind, merged: Promise<unknown>, count: number }>} */
const started = (async () => {
  const { parts, options } = await init;
  const folders = parts.map((part) => new URL(part.path, siteBase));
  for (const [k, part] of parts.entries()) {
    const folder = folders[k] ?? siteBase;
    // The addresses Pagefind asks for: the entry's with the index's tag, as the page's are.
    if (options.metaCacheTag) {
      const entry = new URL(`pagefind-entry.json?ts=${options.metaCacheTag}`, folder).href;
      early.set(entry, fetchOf(entry));
    }
    if (part.meta) {
      const meta = new URL(part.meta, folder).href;
      early.set(meta, fetchOf(meta));
    }
  }
  const paths = folders.map((folder) => folder.pathname);
  const pagefind = await pagefindLoaded;
  const [first, ...others] = paths;
  if (first === undefined) throw new Error("no parts to search");
  // The first part given is this Pagefind's own index, the others merged with it, as on the page. A
  // worker has no <html lang> for Pagefind to read: it is told the index's one language (options).
  await pagefind.options({ ...options, basePath: first, noWorker: true });
  await pagefind.init();
  const merged = Promise.all(others.map((part) => pagefind.mergeIndex(part, options)));
  return { pagefind, merged, count: others.length + 1 };
})();
started.then(
  () => scope.postMessage({ ready: true }),
  (e) => scope.postMessage({ failed: String(e) }),
);

/** @type {Map<number, PagefindResult[]>} each search's results, for their data, by the page's id */
const searches = new Map();

/**
 * A search over this worker's parts (every one: see searchHere in search.js), as the page reads it:
 * results in Pagefind's order, their ids and scores, and their locations (all of them when asked for,
 * else the first), with the filter counts and Pagefind's timings.
 * @param {number} id the page's id of the search (data asks for its results by it)
 * @param {string} term
 * @param {object} options
 * @param {boolean} locations whether every location is wanted (English marks), or the first only
 * @param {boolean} first whether the query's answers are parsed with first locations only (every
 *   search of the query says the same: they run at once, and the flag is read as each is parsed)
 */
async function search(id, term, options, locations, first) {
  const { pagefind, merged, count } = await started;
  firstOnly = first;
  let found = await pagefind.search(term, options);
  if (found && (found.timings?.length ?? 0) < count) {
    await merged;
    found = await pagefind.search(term, options);
  }
  const results = found?.results ?? [];
  searches.set(id, results);
  const { packed, transfer } = packResults(results, locations);
  return { answer: { packed, filters: found?.filters ?? {}, timings: found?.timings ?? [] }, transfer };
}

scope.addEventListener("message", async (e) => {
  const m = e.data;
  if (m.init) return gotInit(m.init);
  if (m.module) return gotModule(m.module);
  if (m.forget !== undefined) {
    for (const id of searches.keys()) if (id < m.forget) searches.delete(id);
    return;
  }
  try {
    if (m.search) {
      const { answer, transfer } = await search(m.id, m.search[0], m.search[1], m.search[2], m.search[3]);
      scope.postMessage({ id: m.id, answer }, transfer);
    } else if (m.data) {
      const r = searches.get(m.data[0])?.[m.data[1]];
      if (!r) throw new Error(`no result ${m.data[1]} of search ${m.data[0]}`);
      scope.postMessage({ id: m.id, answer: await r.data() });
    } else if (m.filters) {
      const { pagefind, merged } = await started;
      await merged;
      scope.postMessage({ id: m.id, answer: await pagefind.filters() });
    }
  } catch (error) {
    scope.postMessage({ id: m.id, error: String(error) });
  }
});
