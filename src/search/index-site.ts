/**
 * The search index: Pagefind's Node API over a built site, after Eleventy has written it.
 * Only post pages carry `data-pagefind-body`, so navigation, lists and indexes are not indexed.
 *
 * The index comes in parts (parts.ts: by the posts' dates, runs of `perPart` filled across months), each
 * indexed by a Pagefind process of its own (index-part.ts), two at a time in child processes
 * (index-worker.ts) on a machine with two cores or more. A build over a previous site copies every
 * part whose key (its pages' indexed HTML and this code) is one of that site's parts, so adding a
 * post indexes only the part it joins. The site keeps what the next build needs in SEARCH_MANIFEST.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SettingsError } from "../options.js";
import { isSalt, settleSalts, type PartIds, type Salt } from "./collisions.js";
import { readFragment } from "./fragments.js";
import { indexPart, pageUrl, type PartDone, type PartJob } from "./index-part.js";
import type { ParentMessage, WorkerAnswer, WorkerMessage } from "./index-worker.js";
import { indexedHtml } from "./page-text.js";
import { assignParts, contentHash, defaultIndexJobs, partKey } from "./parts.js";

export { pageUrl };

/** What indexing cost and produced. */
export interface IndexReport {
  ms: number;
  /** Pages indexed (post pages: only they carry `data-pagefind-body`). */
  pages: number;
  /** Index parts the search page merges (see indexSite). */
  parts: number;
  /** Parts copied from the previous site, unchanged. */
  reused: number;
  /** Pages indexed with a salt, as their ids would otherwise be an earlier part's (collisions.ts). */
  salted: number;
  /** Parts indexed again after the others were written, for a salt given or taken away (collisions.ts). */
  resalted: number;
  /** Seconds each part indexed here took, in the parts' order (copied parts left out). */
  partSeconds: number[];
  /** When each part indexed here was written (PartDone's `writing`), in the order they were written. */
  writes: Array<{ folder: string; from: number; to: number }>;
  /** Size of the index folders. */
  bytes: number;
  files: number;
  /**
   * The URLs of pages whose fragment keeps their text, in the parts indexed here: their words would
   * not come out of their pages as Pagefind stored them (fragments.ts).
   */
  keptText: string[];
}

/** Bytes and files under a folder (`except`: names of files at its top left out). */
export function folderSize(dir: string, except: readonly string[] = []): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  // Entries with their types: only files are looked at (a site's folders are a third of its entries),
  // and the walk itself is faster than one of names only (22,562 files: about half the time).
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || (except.length > 0 && except.includes(entry.name) && path.relative(dir, entry.parentPath) === "")) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Posts per index part by default. Pagefind holds a whole index in memory, and more than in
 * proportion: measured peaks of 2.5 GB for 1,000 posts, 1.15 GB for 500, 0.81 GB for 334, 0.63 GB
 * for 250, in about the same time. 500 keeps indexing below what the build itself needs at archive
 * scale, with few enough parts (18 for 9,000 posts) that a search fetches little more.
 */
export const DEFAULT_POSTS_PER_PART = 500;

/** Folder of index part `k` (0-based) under the site: `pagefind/`, then `pagefind-2/`, `pagefind-3/`, … */
export const partFolder = (k: number): string => (k === 0 ? "pagefind" : `pagefind-${k + 1}`);

/** Names that partFolder gives. */
const PART_FOLDER = /^pagefind(?:-\d+)?$/;

/** The search index of the built site in `dir`, all its parts: their number and size. */
export function indexSize(dir: string): { parts: number; bytes: number; files: number } {
  const folders = readdirSync(dir).filter((f) => PART_FOLDER.test(f));
  const sizes = folders.map((f) => folderSize(path.join(dir, f)));
  return { parts: folders.length, bytes: sizes.reduce((n, x) => n + x.bytes, 0), files: sizes.reduce((n, x) => n + x.files, 0) };
}

/** Where the search page finds the index's parts (see PartsManifest). */
export const PARTS_MANIFEST = "pagefind/parts.json";

/**
 * What the search page reads first: every part (the first one, `pagefind/`, first; the page merges
 * the others into it), and the names of the files Pagefind will ask for before it can search, so
 * that the page can ask for all of them at once instead of one part after another.
 */
export interface PartsManifest {
  /** Each part's folder (site-relative, with a trailing slash) and its metadata file ("" for a part with no pages). */
  parts: { path: string; meta: string }[];
  /** The search engine (WebAssembly) file of the first part, which every merged part shares. */
  wasm: string;
  /**
   * Changes whenever any part does: Pagefind asks for each part's `pagefind-entry.json?ts=<tag>`,
   * so the page knows the address beforehand and a browser never keeps an entry of an older index.
   */
  tag: string;
}

/** The manifest of the parts written in `dir` (folders as partFolder names them, in order). */
export function partsManifest(dir: string, count: number): PartsManifest {
  const hash = createHash("sha256");
  const parts = Array.from({ length: count }, (_, k) => {
    const folder = partFolder(k);
    const entry = readFileSync(path.join(dir, folder, "pagefind-entry.json"), "utf8");
    hash.update(entry);
    const language = indexLanguage(JSON.parse(entry) as PagefindEntry);
    return { path: `${folder}/`, meta: language ? `pagefind.${language.hash}.pf_meta` : "", wasm: wasmFile(language) };
  });
  return { parts: parts.map(({ path: p, meta }) => ({ path: p, meta })), wasm: parts[0]?.wasm ?? wasmFile(undefined), tag: hash.digest("hex").slice(0, 16) };
}

/** Pagefind's engine, which it writes into every part: its script, its worker's, its WebAssembly. */
const ENGINE = /^(?:pagefind(?:-worker)?\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * Leave Pagefind's engine in the first part only, and there only what the search page loads: the
 * script and the index language's WebAssembly. Merged parts share the first one's engine (Pagefind's
 * mergeIndex loads no script or WebAssembly of its own) and the page runs Pagefind without its worker,
 * so the other copies were never fetched: about 0.2 MB a part. A first part copied from a previous
 * site's later one (parts are reused by content, wherever they were) takes the engine from another
 * part, or from the previous site's first, which has it; all are one Pagefind's (codeHash).
 */
function keepOneEngine(dir: string, count: number, previous: string | undefined): void {
  const first = path.join(dir, partFolder(0));
  if (!existsSync(first)) return;
  const wasm = wasmFile(indexLanguage(JSON.parse(readFileSync(path.join(first, "pagefind-entry.json"), "utf8")) as PagefindEntry));
  const kept = ["pagefind.js", wasm];
  const folders = Array.from({ length: count }, (_, k) => path.join(dir, partFolder(k)));
  for (const name of kept) {
    if (existsSync(path.join(first, name))) continue;
    const from = [...folders, ...(previous ? [path.join(previous, partFolder(0))] : [])].map((f) => path.join(f, name)).find((f) => existsSync(f));
    if (!from) throw new Error(`search index: no part has Pagefind's ${name}; build again without the previous site`);
    copyFileSync(from, path.join(first, name));
  }
  for (const [k, folder] of folders.entries()) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (ENGINE.test(name) && !(k === 0 && kept.includes(name))) rmSync(path.join(folder, name));
  }
}

/** A part's `pagefind-entry.json`, as far as it is read here. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
}

/** The WebAssembly file Pagefind loads for a language index (its own, else the generic one). */
function wasmFile(language: { wasm?: string } | undefined): string {
  return `wasm.${language?.wasm ?? "unknown"}.pagefind`;
}

/** The language index Pagefind picks for this site's English-declared index (as its findIndex does: `en`, else the largest). */
function indexLanguage(entry: PagefindEntry): { hash: string; wasm?: string } | undefined {
  return entry.languages.en ?? Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count)[0];
}

/** Posts per part from SEARCH_POSTS_PER_PART (for machines with little memory), else the default. */
export function postsPerPart(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEARCH_POSTS_PER_PART;
  if (raw === undefined || raw === "") return DEFAULT_POSTS_PER_PART;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new SettingsError(`SEARCH_POSTS_PER_PART must be a whole number of posts, 1 or more, not '${raw}'`);
  return n;
}

/**
 * Parts indexed at once, each by its own Pagefind process, as SEARCH_INDEX_JOBS sets it; undefined
 * when it is not set (then indexSite decides: defaultIndexJobs). Each process holds its part in
 * memory (about 1 GB for 500 posts).
 */
export function indexJobs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SEARCH_INDEX_JOBS;
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new SettingsError(`SEARCH_INDEX_JOBS must be a whole number, 1 or more, not '${raw}'`);
  return n;
}

/**
 * A folder that earlier versions linked a part's pages into while Pagefind read them; a run killed
 * midway may have left one inside the site, and it must not be published.
 */
export const PART_SCRATCH = ".search-part";

/** What the next build over this site needs to know of its index (a dotfile at the site's root). */
export const SEARCH_MANIFEST = ".transcripts-search.json";

/** Bumped when the manifest changes meaning. */
const FORMAT = 2;

/** The search manifest (SEARCH_MANIFEST). */
export interface SearchManifest {
  format: number;
  /** Hash of the indexing code and Pagefind's version (codeHash): another means nothing is reused. */
  code: string;
  /** Each post page's hash and its indexed HTML's hash, by site-relative file. */
  pages: Record<string, [page: string, indexed: string]>;
  /** Each part: its folder, key (parts.ts) and what it holds (a copy is checked against it). */
  parts: { folder: string; key: string; pages: number; bytes: number; files: number }[];
  /**
   * Salted pages, by site-relative file: the salt and the ids the page had with each smaller salt
   * (collisions.ts). The next build prepares the page with its salt while its indexed HTML is the
   * same, and checks those ids against the earlier parts again.
   */
  salts: Record<string, Salt>;
}

/** A post page found in the site, before indexing. */
interface ScannedPage {
  file: string;
  date: string;
  /** contentHash of the page's bytes. */
  hash: string;
  /** The page's size: what indexing it costs, about (runParts indexes the costliest parts first). */
  bytes: number;
}

const BODY_MARK = Buffer.from("data-pagefind-body");
const DATE_MARK = Buffer.from('data-pagefind-meta="date:');

/** The site's HTML files that Pagefind indexes (those with `data-pagefind-body`: the post pages), sorted, with their dates and hashes. */
function scanPages(dir: string): ScannedPage[] {
  const out: ScannedPage[] = [];
  for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const top = f.split(/[\\/]/, 1)[0] ?? "";
    if (!f.endsWith(".html") || PART_FOLDER.test(top) || top === PART_SCRATCH) continue;
    // Searched as bytes: decoding every page as UTF-8 first took five times as long.
    const bytes = readFileSync(path.join(dir, f));
    if (!bytes.includes(BODY_MARK)) continue;
    const at = bytes.indexOf(DATE_MARK);
    const date = at < 0 ? "" : bytes.toString("latin1", at + DATE_MARK.length, at + DATE_MARK.length + 10);
    out.push({ file: f, date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : "", hash: contentHash(bytes), bytes: bytes.length });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The site's HTML files that Pagefind indexes (those with `data-pagefind-body`: the post pages), sorted. */
export function indexedPagesOf(dir: string): string[] {
  return scanPages(dir).map((p) => p.file);
}

/** Hash of what decides a part's files besides its pages: the indexing code and Pagefind's version. */
function codeHash(): string {
  const h = createHash("sha256");
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.join(here, "../..");
  const files = [
    ...readdirSync(here)
      .filter((f) => /\.[jt]s$/.test(f))
      .sort()
      .map((f) => path.join(here, f)),
    path.join(root, "assets/search-tokens.js"),
    path.join(root, "assets/search-indexed.js"),
    path.join(root, "assets/search-content.js"),
  ];
  for (const f of files) h.update(`${path.basename(f)}\0`).update(readFileSync(f)).update("\0");
  const pagefindPackage = path.join(root, "node_modules/pagefind/package.json");
  h.update(existsSync(pagefindPackage) ? (JSON.parse(readFileSync(pagefindPackage, "utf8")) as { version: string }).version : "unknown");
  return h.digest("hex").slice(0, 32);
}

/** The search manifest of a previous site, when it was written by this code. */
export function readSearchManifest(site: string, code: string): SearchManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(path.join(site, SEARCH_MANIFEST), "utf8")) as Partial<SearchManifest>;
    if (m.format !== FORMAT || m.code !== code || typeof m.pages !== "object" || m.pages === null || !Array.isArray(m.parts)) return undefined;
    if (typeof m.salts !== "object" || m.salts === null) return undefined;
    return m as SearchManifest;
  } catch {
    return undefined;
  }
}

/** Hash of a page's indexed HTML ("-" for a page Pagefind would not index). */
const indexedHash = (dir: string, file: string): string => {
  const html = indexedHtml(readFileSync(path.join(dir, file), "utf8"));
  return html === undefined ? "-" : contentHash(html);
};

/**
 * At most this many changed pages are prepared once more to learn whether their parts changed (a
 * page's bytes may change without its indexed text, as when its related posts do); beyond, the parts
 * holding changed pages are indexed again without that check.
 */
const RECHECK_LIMIT = 500;

/** Copy a part's folder from the previous site (hard links where the disk allows; its parts.json is not the index's). */
function copyPart(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(from, path.join(entry.parentPath, entry.name));
    if (!entry.isFile() || rel === path.basename(PARTS_MANIFEST)) continue;
    mkdirSync(path.join(to, path.dirname(rel)), { recursive: true });
    try {
      linkSync(path.join(from, rel), path.join(to, rel));
    } catch {
      copyFileSync(path.join(from, rel), path.join(to, rel));
    }
  }
}

/** What indexSite may take beyond the site. */
export interface IndexOptions {
  /** The site this build replaces: its parts that are unchanged are copied instead of indexed. */
  previous?: string;
  /** Parts indexed at once (else SEARCH_INDEX_JOBS, else defaultIndexJobs). */
  jobs?: number;
  /**
   * For tests: pairs of pages (site-relative files) taken to share their unsalted id, as if their
   * fragment hashes had met (odds of one in 268 million a pair): while the second page is unsalted,
   * its id reads as the first one's unsalted id. Put the first in an earlier part.
   */
  sameIds?: ReadonlyArray<readonly [string, string]>;
}

/** Fragment files of a part's folder, by page id (Pagefind names each `<id>.pf_fragment`). */
const FRAGMENT = /^(.+)\.pf_fragment$/;

/** Page ids of the part in `folder` (its fragment files' names), sorted. */
export function partPageIds(folder: string): string[] {
  const dir = path.join(folder, "fragment");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => FRAGMENT.exec(f)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
}

/** Each page's URL in the part in `folder`, by its id (read from its fragment: fragments.ts). */
export function partPageUrls(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of partPageIds(folder)) {
    out.set(id, readFragment(path.join(folder, "fragment", `${id}.pf_fragment`)).url);
  }
  return out;
}

/**
 * Index the site in `dir`: into `dir/pagefind/`, and, for more than `perPart` posts, into further
 * parts (`pagefind-2/`, …) listed in `pagefind/parts.json` (PartsManifest), which the search page
 * merges into one search. Parts hold consecutive posts by date (parts.ts); each is indexed by a
 * fresh Pagefind process, `jobs` at a time, so the peak is that of `jobs` parts whatever the
 * archive's size; or copied from `previous` when unchanged. `onPart` hears of each part done.
 * Throws with Pagefind's own messages on failure.
 */
export async function indexSite(
  dir: string,
  perPart = postsPerPart(),
  onPart?: (done: number, total: number) => void,
  options: IndexOptions = {},
): Promise<IndexReport> {
  const started = performance.now();
  // A fresh start: Pagefind adds to an existing folder, which would keep stale chunks of an older index.
  for (const f of readdirSync(dir)) if (PART_FOLDER.test(f) || f === PART_SCRATCH) rmSync(path.join(dir, f), { recursive: true, force: true });
  const pages = scanPages(dir);
  const code = codeHash();
  const previous = options.previous && existsSync(options.previous) ? readSearchManifest(options.previous, code) : undefined;
  const indexed = new Map<string, string>();
  if (previous) {
    const changed: string[] = [];
    for (const p of pages) {
      const before = previous.pages[p.file];
      if (before && before[0] === p.hash) indexed.set(p.file, before[1]);
      else changed.push(p.file);
    }
    if (changed.length <= RECHECK_LIMIT) for (const f of changed) indexed.set(f, indexedHash(dir, f));
  }
  // Salts of the previous build, for pages whose indexed HTML is still what it was (collisions.ts):
  // prepared with them at once, so that their parts' keys are those parts' and they can be copied.
  const salts = new Map<string, Salt>();
  if (previous) {
    for (const p of pages) {
      const salt = previous.salts[p.file];
      const before = previous.pages[p.file];
      if (isSalt(salt) && before && indexed.get(p.file) === before[1]) salts.set(p.file, salt);
    }
  }
  const saltOf = (file: string): number => salts.get(file)?.salt ?? 0;
  const saltsOf = (files: readonly string[]): Record<string, number> => Object.fromEntries(files.filter((f) => saltOf(f) > 0).map((f) => [f, saltOf(f)]));
  const assigned = assignParts(pages, perPart);
  const keyOf = (part: readonly ScannedPage[]): string | undefined =>
    part.every((p) => indexed.has(p.file))
      ? partKey(code, part.map((p) => ({ url: pageUrl(p.file), indexed: indexed.get(p.file) ?? "", salt: saltOf(p.file) })))
      : undefined;
  const parts: SearchManifest["parts"] = [];
  const jobs: Array<PartJob & { k: number; bytes: number }> = [];
  let done = 0;
  const copied = new Set<number>();
  for (const [k, part] of assigned.entries()) {
    const folder = partFolder(k);
    const key = keyOf(part);
    const before = key === undefined ? undefined : previous?.parts.find((x) => x.key === key);
    const from = before && options.previous ? path.join(options.previous, before.folder) : undefined;
    if (before && from && existsSync(from)) {
      const size = folderSize(from, [path.basename(PARTS_MANIFEST)]);
      if (size.bytes === before.bytes && size.files === before.files) {
        copyPart(from, path.join(dir, folder));
        parts[k] = { ...before, folder };
        copied.add(k);
        onPart?.(++done, assigned.length);
        continue;
      }
    }
    const files = part.map((p) => p.file);
    jobs.push({ k, dir, folder, files, salts: saltsOf(files), bytes: part.reduce((n, p) => n + p.bytes, 0) });
  }
  // The costliest parts first, so that the last to finish are short ones: in date order, a large part
  // indexed last kept one process busy while the other had nothing left (the newest part, most often
  // part-filled, is the smallest).
  jobs.sort((a, b) => b.bytes - a.bytes || a.k - b.k);
  const partSeconds = new Map<number, number>();
  const writes: IndexReport["writes"] = [];
  const lean = new Map<number, PartDone["fragments"]>();
  const written = (job: PartJob & { k: number }, result: PartDone): void => {
    writes.push({ folder: job.folder, ...result.writing });
    lean.set(job.k, result.fragments);
    for (const f of job.files) indexed.set(f, result.indexed[f] ?? "-");
    const size = folderSize(path.join(dir, job.folder));
    const part = assigned[job.k] ?? [];
    parts[job.k] = { folder: job.folder, key: keyOf(part) ?? "", pages: result.pages, ...size };
    partSeconds.set(job.k, (partSeconds.get(job.k) ?? 0) + result.ms / 1000);
  };
  await runParts(jobs, options.jobs ?? indexJobs() ?? defaultIndexJobs(jobs.reduce((n, job) => n + job.files.length, 0)), (job, result) => {
    written(job, result);
    onPart?.(++done, assigned.length);
  });

  // Ids unique across the parts: a page whose id an earlier part holds is indexed again with a salt,
  // a salt no longer needed goes (collisions.ts). Pages are told apart by their files; a part's
  // fragments are read (for its pages' URLs) only where that is needed: it has salted pages, a test's
  // pair, or ids that need a change.
  const partOf = new Map<string, number>();
  for (const [k, part] of assigned.entries()) for (const p of part) partOf.set(p.file, k);
  const sameIds = options.sameIds ?? [];
  for (const pair of sameIds) for (const f of pair) if (!partOf.has(f)) throw new Error(`search index: sameIds names ${f}, which is no indexed page`);
  const realIds = new Map<number, Map<string, string>>(); // part → file → id, as read
  const idsOfFiles = (k: number): Map<string, string> => {
    let ids = realIds.get(k);
    if (!ids) {
      const fileAt = new Map((assigned[k] ?? []).map((p) => [pageUrl(p.file), p.file]));
      ids = new Map();
      for (const [id, url] of partPageUrls(path.join(dir, partFolder(k)))) {
        const file = fileAt.get(url);
        if (file !== undefined) ids.set(file, id);
      }
      realIds.set(k, ids);
    }
    return ids;
  };
  /** Each page's id as the decision sees it (a test's pair, see sameIds), by file. */
  const seenIds = (k: number): Map<string, string> => {
    const ids = new Map(idsOfFiles(k));
    for (const [a, b] of sameIds) {
      if (partOf.get(b) !== k || saltOf(b) > 0) continue;
      const first = salts.get(a)?.ids[0] ?? idsOfFiles(partOf.get(a) ?? 0).get(a);
      if (first !== undefined) ids.set(b, first);
    }
    return ids;
  };
  const partIds = (k: number): PartIds => {
    const files = (assigned[k] ?? []).map((p) => p.file);
    if (!files.some((f) => saltOf(f) > 0) && !sameIds.some(([, b]) => partOf.get(b) === k)) return { ids: partPageIds(path.join(dir, partFolder(k))), salted: new Map() };
    const seen = seenIds(k);
    return { ids: [...seen.values()].sort(), salted: new Map(files.filter((f) => saltOf(f) > 0 && seen.has(f)).map((f) => [seen.get(f) ?? "", salts.get(f) ?? { salt: 0, ids: [] }])) };
  };
  const resalted = await settleSalts(
    assigned.map((_, k) => partIds(k)),
    async (k, changes) => {
      const fileOf = new Map([...seenIds(k)].map(([file, id]) => [id, file]));
      for (const [id, salt] of changes) {
        const file = fileOf.get(id);
        if (file === undefined) throw new Error(`search index: no page of ${partFolder(k)} has the id ${id}`);
        if (salt.salt > 0) salts.set(file, salt);
        else salts.delete(file);
      }
      // Never written into: a copied part's files are the previous site's, linked.
      const folder = partFolder(k);
      rmSync(path.join(dir, folder), { recursive: true, force: true });
      const files = (assigned[k] ?? []).map((p) => p.file);
      const job = { k, dir, folder, files, salts: saltsOf(files) };
      written(job, await indexPart(job));
      copied.delete(k);
      realIds.delete(k);
      return partIds(k);
    },
  );
  keepOneEngine(dir, assigned.length, options.previous);
  for (const [k, part] of parts.entries()) if (part) parts[k] = { ...part, ...folderSize(path.join(dir, part.folder)) };
  const manifest: SearchManifest = {
    format: FORMAT,
    code,
    pages: Object.fromEntries(pages.map((p) => [p.file, [p.hash, indexed.get(p.file) ?? "-"]])),
    parts,
    salts: Object.fromEntries(pages.flatMap((p) => (saltOf(p.file) > 0 ? [[p.file, salts.get(p.file) ?? { salt: 0, ids: [] }] as const] : []))),
  };
  writeFileSync(path.join(dir, SEARCH_MANIFEST), `${JSON.stringify(manifest)}\n`);
  writeFileSync(path.join(dir, PARTS_MANIFEST), `${JSON.stringify(partsManifest(dir, assigned.length))}\n`);
  return {
    ms: performance.now() - started,
    pages: parts.reduce((n, p) => n + p.pages, 0),
    reused: copied.size,
    salted: Object.keys(manifest.salts).length,
    resalted,
    partSeconds: [...partSeconds].sort(([a], [b]) => a - b).map(([, s]) => s),
    writes: writes.sort((a, b) => a.from - b.from),
    ...indexSize(dir),
    keptText: [...lean.values()].flatMap((l) => l.kept).sort(),
  };
}

/**
 * Index `jobs`, `workers` at a time (in child processes, index-worker.ts; in this process when one
 * at a time will do). The workers take turns to write their parts: one writes while the others add
 * pages, so that the processes' peaks (Pagefind's, while it writes) never coincide. Writing takes
 * about as long as adding a part's pages, so the turns cost little time: measured on 500-post
 * parts, Pagefind holds about 0.3 GB while pages are added and 0.9–1 GB while it writes. A worker
 * hands its turn back once its Pagefind process is closed (`written`), before it makes the part's
 * fragments lean (leanFragments: little memory, about half a second).
 */
async function runParts<J extends PartJob>(jobs: readonly J[], workers: number, onDone: (job: J, done: PartDone) => void): Promise<void> {
  if (workers <= 1 || jobs.length <= 1) {
    for (const job of jobs) onDone(job, await indexPart(job));
    return;
  }
  const queue = [...jobs];
  const children: ChildProcess[] = [];
  // The worker holding the turn to write, and those waiting for it, in order.
  let writer: ChildProcess | undefined;
  const waiting: ChildProcess[] = [];
  const grant = (): void => {
    if (writer) return;
    writer = waiting.shift();
    writer?.send({ go: true } satisfies ParentMessage);
  };
  const release = (child: ChildProcess): void => {
    if (writer === child) writer = undefined;
    if (waiting.includes(child)) waiting.splice(waiting.indexOf(child), 1);
    grant();
  };
  // The same file type as this one (.ts under the TypeScript loader, which the child inherits with Node's options).
  const script = fileURLToPath(new URL(`./index-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));
  const work = async (): Promise<void> => {
    const child = fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    children.push(child);
    for (let job = queue.shift(); job; job = queue.shift()) {
      const { dir, files, folder, salts } = job;
      const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
        const onError = (e: Error): void => settle(() => reject(e));
        const onExit = (code: number | null, signal: string | null): void =>
          settle(() => reject(new Error(`search index: the indexing process stopped (${signal ?? `exit code ${code}`}) while indexing ${folder}`)));
        const onMessage = (m: WorkerMessage): void => {
          if ("write" in m) {
            waiting.push(child);
            grant();
          } else if ("written" in m) release(child);
          else settle(() => resolve(m));
        };
        const settle = (then: () => void): void => {
          child.off("error", onError);
          child.off("exit", onExit);
          child.off("message", onMessage);
          release(child);
          then();
        };
        child.on("error", onError);
        child.on("exit", onExit);
        child.on("message", onMessage);
        child.send({ dir, files, folder, ...(salts ? { salts } : {}) } satisfies ParentMessage);
      });
      if ("error" in answer) {
        queue.length = 0; // the other process starts no further part
        throw new Error(answer.error);
      }
      onDone(job, answer.done);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, work));
  } finally {
    // Each ends its Pagefind process first (index-part.ts); killed only when a part failed midway.
    for (const child of children) if (child.connected) child.disconnect();
    for (const child of children) if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => (child.once("exit", resolve), setTimeout(() => resolve(child.kill()), 5000).unref()));
  }
}
