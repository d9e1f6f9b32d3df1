// @ts-check
// The search page's second thread (a module worker, started by the page's inline script as soon as the
// list of parts is in, or else by search.js): a Pagefind of its own over
// the later half of the index's parts, so that the two halves are searched at once, on two cores.
// Pagefind searches each part in turn, on one thread, and a frequent word's plain search (every
// location in every post: 模型, 250,817 at 9,000 posts) spends most of a second query's time there,
// turning its answer into objects. The page asks for searches, a listed result's data and the filter
// counts; the answers carry what the page reads of each result (id, score, locations where asked for:
// search-merge.js), not Pagefind's objects.
//
// Messages from the page: { init: { parts, options } } once, then { id, search: [term, options, locations] },
// { id, data: [search, result] }, { id, filters: true } and { forget: search } (the searches before
// it are no longer read). Answers: { ready: true } or { failed: message } after init, and
// { id, answer } or { id, error } for each request.

/**
 * The worker's global scope, as far as this file uses it (the site's scripts are typed for a page).
 * @typedef {{ postMessage(message: unknown, transfer?: Transferable[]): void, addEventListener(type: "message", listener: (e: MessageEvent) => void): void, fetch: typeof fetch }} WorkerScope
 * @typedef {import("./search.js").PagefindResult} PagefindResult
 * @typedef {import("./search.js").Pagefind} Pagefind
 */
const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));
// Pagefind's engine (its script and WebAssembly) is in the first part's folder only, beside this
// site's assets (../pagefind/, as search.js finds it). A Pagefind looks for its WebAssembly in its
// own first index's folder, which here is a later part's: it is sent to the engine's folder.
const engine = new URL("../pagefind/", import.meta.url);
const pageFetch = scope.fetch.bind(scope);
scope.fetch = (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const wasm = /\/(wasm\.[^/?]+\.pagefind)$/.exec(url);
  return pageFetch(wasm ? new URL(wasm[1] ?? "", engine) : input, init);
};
/** @type {Promise<Pagefind>} loaded at once, while the page sends the parts */
const pagefindLoaded = import(new URL("pagefind.js", engine).href);
// Imported beside Pagefind, not before this file runs (as a static import would be).
/** @type {Promise<typeof import("./search-merge.js")>} */
const merging = import("./search-merge.js");

/** @type {(parts: string[]) => void} */
let gotParts = () => {};
/** @type {Promise<string[]>} */
const parts = new Promise((resolve) => (gotParts = resolve));
/** @type {(o: object) => void} */
let gotOptions = () => {};
/** @type {Promise<object>} */
const indexOptions = new Promise((resolve) => (gotOptions = resolve));
/** @type {Promise<{ pagefind: Pagefind, merged: Promise<unknown>, count: number }>} */
const started = (async () => {
  const [pagefind, [first, ...others], options] = await Promise.all([pagefindLoaded, parts, indexOptions]);
  if (first === undefined) throw new Error("no parts to search");
  // The first part given is this Pagefind's own index, the others merged with it, as on the page. A
  // worker has no <html lang> for Pagefind to read: its first index takes the one language the index
  // has (English, src/search/index-site.ts), and the merged ones are told it (options).
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
 * A search over this worker's parts (every one: see searchAll in search.js), as the page reads it:
 * results in Pagefind's order, their ids and scores, and their locations (all of them when asked for,
 * else the first), with the filter counts and Pagefind's timings.
 * @param {number} id the page's id of the search (data asks for its results by it)
 * @param {string} term
 * @param {object} options
 * @param {boolean} locations whether every location is wanted (English marks), or the first only
 */
async function search(id, term, options, locations) {
  const { pagefind, merged, count } = await started;
  let found = await pagefind.search(term, options);
  if (found && (found.timings?.length ?? 0) < count) {
    await merged;
    found = await pagefind.search(term, options);
  }
  const results = found?.results ?? [];
  searches.set(id, results);
  const { packed, transfer } = (await merging).packResults(results, locations);
  return { answer: { packed, filters: found?.filters ?? {}, timings: found?.timings ?? [] }, transfer };
}

scope.addEventListener("message", async (e) => {
  const m = e.data;
  if (m.init) {
    gotOptions(m.init.options);
    gotParts(m.init.parts);
    return;
  }
  if (m.forget !== undefined) {
    for (const id of searches.keys()) if (id < m.forget) searches.delete(id);
    return;
  }
  try {
    if (m.search) {
      const { answer, transfer } = await search(m.id, m.search[0], m.search[1], m.search[2]);
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
