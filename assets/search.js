// The search page: Pagefind's JS API with precise Chinese words, filters with counts, shareable
// ?q= URLs, and results that open the passage where the match is. A module: never render-blocking.
import { anchorFor, containsStems, containsWords, excerptAround, filterCounts, matchesFilters, prepareQuery } from "./search-query.js";

const form = document.querySelector("#search-form");
const input = document.querySelector("#search-q");
const status = document.querySelector("#search-status");
const list = document.querySelector("#search-results");
const filtersBox = document.querySelector("#search-filters");
const filtersFold = document.querySelector("#search-filters-box");
const filtersChosen = document.querySelector("#search-filters-chosen");
const labels = JSON.parse(document.querySelector("#search-labels").textContent);
// Resolved against this script's own URL (…/assets/search.js), so any path prefix works.
const siteBase = new URL("../", import.meta.url);
const pagefind = await import(new URL("pagefind/pagefind.js", siteBase).href);
const indexOptions = { baseUrl: siteBase.pathname, excerptLength: 40 };
await pagefind.options(indexOptions);
// A large archive's index comes in parts (one per 500 posts, so building it stays lean):
// Pagefind merges them into one search, with one list of results and filter counts over all.
const parts = await fetch(new URL("pagefind/parts.json", siteBase)).then((r) => (r.ok ? r.json() : []), () => []);
// Merged all at once: each registers in call order at once, then fetches its entry files.
await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, siteBase).pathname, indexOptions)));
// Loading the filter index (a few files per part) makes a search report its filter counts. Only
// searches that Pagefind filters itself, and the list before any search, need it; a precise search
// counts its results' own filter values. So it loads when first needed or after the first search:
// loaded alongside a search, it makes a large archive's search twice as slow.
let allFilters;
const filtersLoaded = () => (allFilters ??= pagefind.filters());

const SHOW = 50; // results listed
const CHECK = 500; // candidates read at most for a Chinese word (each is one small fetch)
const BATCH = 16; // fetched together
const FILTER_VALUES = 12; // values listed per filter
let current = 0;

function selectedFilters() {
  const chosen = {};
  for (const box of filtersBox.querySelectorAll("input:checked")) (chosen[box.name] ??= { any: [] }).any.push(box.value);
  return chosen;
}

function renderFilters(available, chosen) {
  const order = Object.keys(labels.filters); // year, speakers, tags… first, then any others
  const rank = (name) => (order.indexOf(name) + 1 || order.length + 1);
  const sets = [];
  for (const name of Object.keys(available).sort((a, b) => rank(a) - rank(b))) {
    const isChosen = (value) => Boolean(chosen[name]?.any.includes(value));
    const entries = Object.entries(available[name]).filter(([v, n]) => n > 0 || isChosen(v));
    if (!entries.length) continue;
    entries.sort((a, b) => isChosen(b[0]) - isChosen(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"));
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
  filtersFold.hidden = !sets.length;
  const n = Object.values(chosen).reduce((sum, c) => sum + c.any.length, 0);
  filtersChosen.textContent = n ? `(${n})` : "";
}

function resultItem(data, words) {
  const anchor = anchorFor(data.anchors ?? [], data.locations ?? [], words.length > 0);
  const link = Object.assign(document.createElement("a"), { href: data.url + (anchor ? `#${anchor}` : ""), textContent: data.meta.title ?? data.url });
  const heading = Object.assign(document.createElement("h2"), { className: "result-title" });
  heading.append(link);
  const meta = Object.assign(document.createElement("p"), { className: "post-meta result-meta" });
  meta.textContent = [data.meta.date, data.meta.speaker].filter(Boolean).join(" · ");
  const excerpt = Object.assign(document.createElement("p"), { className: "result-excerpt" });
  // Both are escaped HTML with <mark>: Pagefind's excerpt, or ours around the Chinese word.
  excerpt.innerHTML = (words.length && excerptAround(data.content, words[0])) || data.excerpt.replace(/\s+<\/mark>/g, "</mark> ");
  const li = Object.assign(document.createElement("li"), { className: "result" });
  li.append(heading, meta, excerpt);
  return li;
}

/**
 * Pagefind's candidates are read and kept only when they contain every Chinese word unbroken and
 * start a word with every stem. On a large archive a common word has hundreds of candidates to read:
 * the first results are shown as soon as they are found (`early`, with the filter counts so far, so
 * that the filters are in place and nothing moves when the last are read).
 */
async function preciseResults(search, words, stems, chosen, isCurrent, early) {
  const kept = [];
  // Filtered here rather than by Pagefind, so that the counts of every value can be shown.
  const tally = () => ({
    shown: kept.filter((d) => matchesFilters(d.filters ?? {}, chosen)),
    counts: filterCounts(kept.map((d) => d.filters ?? {}), chosen),
  });
  let shownEarly = 0;
  const candidates = search.results.slice(0, CHECK);
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = await Promise.all(candidates.slice(i, i + BATCH).map((r) => r.data()));
    if (!isCurrent()) return undefined;
    kept.push(...batch.filter((d) => containsWords(d.content, words) && containsStems(d.content, stems)));
    const last = i + BATCH >= candidates.length;
    if (!last && shownEarly < SHOW) {
      const { shown, counts } = tally();
      if (shown.length > shownEarly) early(shown, counts);
      shownEarly = shown.length;
    }
  }
  const { shown, counts } = tally();
  return { shown, total: shown.length, more: search.results.length > CHECK, counts };
}

/** The result list, and how many were found (`more`: at least that many). */
function showResults(shown, total, more, words, note = "") {
  list.replaceChildren(...shown.slice(0, SHOW).map((d) => resultItem(d, words)));
  const n = `${total}${more ? "+" : ""}`;
  status.textContent = total ? labels.found.replaceAll("{n}", n) + (total > SHOW ? ` ${labels.showing.replaceAll("{n}", SHOW)}` : "") + note : labels.none;
}

async function run(raw) {
  const ticket = ++current;
  const isCurrent = () => ticket === current;
  const { text, query, words, stems } = prepareQuery(raw);
  const url = new URL(location.href);
  if (text) url.searchParams.set("q", text);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  const chosen = selectedFilters();
  if (!text) {
    list.replaceChildren();
    list.removeAttribute("aria-busy");
    status.textContent = "";
    const filters = await filtersLoaded();
    if (isCurrent()) renderFilters(filters, chosen);
    return;
  }
  status.textContent = labels.searching;
  // Busy until the last candidate is read; early results may be shown before that.
  list.setAttribute("aria-busy", "true");
  let found;
  if (words.length || stems.length) {
    const early = (shown, counts) => {
      showResults(shown, shown.length, true, words, ` ${labels.checking}`);
      renderFilters(counts, chosen);
    };
    found = await preciseResults(await pagefind.search(query), words, stems, chosen, isCurrent, early);
  } else {
    await filtersLoaded();
    const search = await pagefind.search(query, { filters: chosen });
    const shown = search && (await Promise.all(search.results.slice(0, SHOW).map((r) => r.data())));
    found = search && { shown, total: search.results.length, more: false, counts: { ...search.filters } };
    // A checked filter's own values are counted without it, so the reader can switch between them.
    for (const name of Object.keys(chosen)) {
      const { [name]: _, ...others } = chosen;
      const without = await pagefind.search(query, { filters: others });
      if (found && without) found.counts[name] = without.filters[name];
    }
  }
  if (!isCurrent()) return;
  if (found) {
    showResults(found.shown, found.total, found.more, words);
    renderFilters(found.counts, chosen);
  }
  list.removeAttribute("aria-busy");
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  run(input.value);
});
let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => run(input.value), 250);
});
filtersBox.addEventListener("change", () => run(input.value));
input.value = new URLSearchParams(location.search).get("q") ?? "";
await run(input.value);
document.documentElement.dataset.searchReady = "true";
filtersLoaded();
