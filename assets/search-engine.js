// @ts-check
// How this site's Pagefind is fed, on the page and in its worker (search-worker.js) alike: its files
// inflated by the browser, a Chinese query's plain-search answers parsed with first locations only,
// and its WebAssembly compiled once, on the page, and handed to the worker as a compiled module.

/**
 * A global scope whose fetch Pagefind calls (the page's window, or the worker's own scope).
 * @typedef {{ fetch: typeof fetch, location: { href: string } }} FetchScope
 */

/**
 * The address a fetch is asked for, whichever form it was given in, resolved against the scope's own.
 * @param {RequestInfo | URL} input
 * @param {FetchScope} scope
 * @returns {URL}
 */
export function requestUrl(input, scope) {
  return new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, scope.location.href);
}

/**
 * Pagefind's files (index chunks, fragments, metadata, filters, its WebAssembly) are gzip data, which
 * Pagefind inflates in JavaScript on its own thread, every chunk of every part a query needs. The
 * browser's own DecompressionStream inflates them here instead, as they arrive; Pagefind takes what
 * is already inflated as it is (it checks for its signature first). Anything else, and a file that is
 * not gzip data (a server that sent it inflated), passes unchanged; should inflating fail, Pagefind
 * gets the bytes as they came.
 * @param {FetchScope} scope
 */
export function inflateFetches(scope) {
  const networkFetch = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    const response = await networkFetch(input, init);
    const url = requestUrl(input, scope);
    if (!response.ok || !/\.pf_(?:index|fragment|meta|filter)$|\/wasm\.[^/]+\.pagefind$/.test(url.pathname)) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const as = { status: response.status, statusText: response.statusText, headers: response.headers };
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || typeof DecompressionStream === "undefined") return new Response(bytes, as);
    // Written into the stream, not read back from a Blob of them: the Blob's own cost was about 57 ms
    // of a second query's profile (a word of two pairs: 46 files), and side by side over the search
    // benchmark's 54 queries the first result came 0.07 s sooner without it, a second query 0.04 s.
    const inflate = new DecompressionStream("gzip");
    const writer = inflate.writable.getWriter();
    // Their failures are the reading's (below): not reported twice.
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    try {
      return new Response(await new Response(inflate.readable).arrayBuffer(), as);
    } catch {
      return new Response(bytes, as);
    }
  };
}

const SEARCH_ANSWER = '{"filtered_counts":';
/**
 * A plain search's answer is parsed with each result's first location alone (firstLocations says
 * why) while `firstOnly()` says so: the caller sets it for a query whose every
 * location is not read (an English unit's marks read them). Pagefind parses its answer with
 * JSON.parse, right after its search, on the same thread.
 * @param {() => boolean} firstOnly
 */
export function parseFirstLocations(firstOnly) {
  const parseJson = JSON.parse;
  /** @type {typeof JSON.parse} */
  JSON.parse = (text, reviver) => parseJson(typeof text === "string" && text.startsWith(SEARCH_ANSWER) && firstOnly() ? firstLocations(text) : text, reviver);
}

/**
 * The WebAssembly module Pagefind compiles on the page (when it instantiates its engine from the
 * bytes it fetched), kept to hand to the worker: a module is sent compiled, not fetched and compiled
 * again there.
 * @returns {Promise<WebAssembly.Module>}
 */
export function keepCompiledModule() {
  const instantiate = WebAssembly.instantiate;
  return new Promise((resolve) => {
    /** @type {typeof WebAssembly.instantiate} */
    // @ts-expect-error: one function for both of instantiate's forms, as the original is
    WebAssembly.instantiate = async (source, imports) => {
      const made = await instantiate(source, imports);
      if (made instanceof Object && "module" in made && made.module instanceof WebAssembly.Module) {
        WebAssembly.instantiate = instantiate;
        resolve(made.module);
      }
      return made;
    };
  });
}

/**
 * In the worker: Pagefind's engine is the page's compiled module (keepCompiledModule), not bytes of
 * its own. Pagefind fetches its WebAssembly file and instantiates what it read: the file's fetch is
 * answered with no content (Pagefind's signature alone, so it inflates nothing), and instantiating is
 * done from the module instead, once it has come.
 * @param {FetchScope} scope
 * @param {Promise<WebAssembly.Module>} module
 */
export function useCompiledModule(scope, module) {
  const fetchOf = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    if (!/\/wasm\.[^/]+\.pagefind$/.test(requestUrl(input, scope).pathname)) return fetchOf(input, init);
    await module;
    return new Response(new TextEncoder().encode("pagefind_dcd"));
  };
  const instantiate = WebAssembly.instantiate;
  /** @type {typeof WebAssembly.instantiate} */
  // @ts-expect-error: one function for both of instantiate's forms, as the original is
  WebAssembly.instantiate = async (source, imports) => (source instanceof WebAssembly.Module ? instantiate(source, imports) : instantiate(await module, imports));
}

/**
 * Pagefind's answer to a search (the JSON its WebAssembly hands its JavaScript) with each result's
 * locations cut to the first. A plain search gives every location of every result: 250,817 for 模型
 * at 9,000 posts, some 10 MB of JSON, which Pagefind's JavaScript parses and makes into as many
 * objects, on the page's thread, before the page can rank. A Chinese unit's plain search is read for
 * each result's score (Pagefind's own, in the answer) and first location only (its marks come from
 * the post's words), so the page cuts the rest out of the text before it is parsed. Each result's
 * locations are `"l":[{…},{…},…]`, objects without brackets inside them (the search is not verbose), and
 * come after `"results":[`; text of any other form (another version of Pagefind) is returned as it is.
 * @param {string} json
 * @returns {string}
 */
export function firstLocations(json) {
  const from = json.indexOf(RESULTS);
  if (from < 0) return json;
  let out = "";
  let copied = 0;
  for (let at = json.indexOf(LOCATIONS, from); at >= 0; at = json.indexOf(LOCATIONS, at)) {
    const first = json.indexOf("}", at);
    const end = json.indexOf("]", at);
    if (first < 0 || end < 0) return json;
    // No location (`[]`), or one: nothing to cut.
    if (end < first || json.charCodeAt(first + 1) === 93) {
      at = end + 1;
      continue;
    }
    out += json.slice(copied, first + 1);
    copied = end;
    at = end + 1;
  }
  return copied ? out + json.slice(copied) : json;
}
const RESULTS = '"results":[';
const LOCATIONS = '"l":[';
