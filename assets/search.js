// The search page: Pagefind's JS API with precise Chinese words, filters, shareable ?q= URLs,
// and results that open the passage where the match is. Loaded as a module (never render-blocking).
import { anchorFor, containsWords, excerptAround, prepareQuery } from "./search-query.js";

const form = document.querySelector("#search-form");
const input = document.querySelector("#search-q");
const status = document.querySelector("#search-status");
const list = document.querySelector("#search-results");
const filtersBox = document.querySelector("#search-filters");
const labels = JSON.parse(document.querySelector("#search-labels").textContent);
// Resolved against this script's own URL, so the site works under any path prefix.
const siteBase = new URL("../", import.meta.url);
const pagefind = await import(new URL("pagefind/pagefind.js", siteBase).href);
await pagefind.options({ baseUrl: siteBase.pathname, excerptLength: 40 });
// Loading the filter index first makes each search report its filter counts.
const allFilters = await pagefind.filters();

/** Results to show at most; candidates checked for Chinese words at most. */
const SHOW = 30;
const CHECK = 400;
let current = 0;

function selectedFilters() {
  const filters = {};
  for (const box of filtersBox.querySelectorAll("input:checked")) (filters[box.name] ??= { any: [] }).any.push(box.value);
  return filters;
}

function renderFilters(available, chosen) {
  filtersBox.replaceChildren();
  // In the order of the labels (year, speakers, tags… first), then any others.
  const order = Object.keys(labels.filters);
  const names = Object.keys(available).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  for (const name of names) {
    const values = available[name];
    const entries = Object.entries(values).filter(([, n]) => n > 0 || chosen[name]?.any.includes);
    if (!entries.length) continue;
    const set = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = labels.filters[name] ?? name;
    set.append(legend);
    entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN")).slice(0, 12).forEach(([value, count]) => {
      const label = document.createElement("label");
      const box = Object.assign(document.createElement("input"), { type: "checkbox", name, value, checked: Boolean(chosen[name]?.any.includes(value)) });
      label.append(box, ` ${value} `, Object.assign(document.createElement("span"), { className: "count", textContent: String(count) }));
      set.append(label);
    });
    filtersBox.append(set);
  }
}

function resultItem(data, words) {
  const li = document.createElement("li");
  li.className = "result";
  const anchor = anchorFor(data.anchors ?? [], data.locations ?? []);
  const a = Object.assign(document.createElement("a"), { href: data.url + (anchor ? `#${anchor}` : ""), textContent: data.meta.title ?? data.url });
  const h = document.createElement("h2");
  h.className = "result-title";
  h.append(a);
  const meta = document.createElement("p");
  meta.className = "post-meta";
  meta.textContent = [data.meta.date, data.meta.speaker].filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  excerpt.className = "result-excerpt";
  // Pagefind's excerpt is escaped HTML with <mark>; ours (for Chinese words) is escaped by excerptAround.
  excerpt.innerHTML = words.length ? excerptAround(data.content, words[0]) : data.excerpt;
  li.append(h, meta, excerpt);
  return li;
}

async function run(raw) {
  const run = ++current;
  const { query, words } = prepareQuery(raw);
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  const chosen = selectedFilters();
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    renderFilters(allFilters, chosen);
    return;
  }
  status.textContent = labels.searching;
  const search = await pagefind.search(query, { filters: chosen });
  if (run !== current || !search) return;
  const shown = [];
  // With Chinese words, Pagefind's counts include pages that only have the characters apart: count the kept results instead.
  const counts = {};
  let checked = 0;
  for (const result of search.results) {
    if (shown.length >= SHOW || checked >= CHECK) break;
    checked++;
    const data = await result.data();
    if (run !== current) return;
    if (words.length && !containsWords(data.content, words)) continue;
    shown.push(resultItem(data, words));
    for (const [name, values] of Object.entries(data.filters ?? {})) for (const v of values) (counts[name] ??= {})[v] = (counts[name][v] ?? 0) + 1;
  }
  list.replaceChildren(...shown);
  const more = search.results.length > checked && shown.length >= SHOW;
  status.textContent = shown.length ? labels.found.replaceAll("{n}", `${shown.length}${more ? "+" : ""}`) : labels.none;
  renderFilters(words.length || !Object.keys(search.filters ?? {}).length ? counts : search.filters, chosen);
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
const initial = new URLSearchParams(location.search).get("q") ?? "";
input.value = initial;
await run(initial);
document.documentElement.dataset.searchReady = "true";
