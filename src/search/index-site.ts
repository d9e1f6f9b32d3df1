/**
 * The search index: Pagefind's Node API over a built site, after Eleventy has written it.
 * Only post pages carry `data-pagefind-body`, so navigation, lists and indexes are not indexed.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { indexedHtml } from "./page-text.js";

/** What indexing cost and produced. */
export interface IndexReport {
  ms: number;
  /** Pages indexed (post pages: only they carry `data-pagefind-body`). */
  pages: number;
  /** Index parts the search page merges (see indexSite). */
  parts: number;
  /** Size of the index folders. */
  bytes: number;
  files: number;
}

/** Files of Pagefind's own UIs, which this site does not load. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Bytes and files under a folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const s = statSync(path.join(dir, f));
    if (s.isFile()) {
      bytes += s.size;
      files++;
    }
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
    return { path: `${folder}/`, meta: language ? `pagefind.${language.hash}.pf_meta` : "", wasm: `wasm.${language?.wasm ?? "unknown"}.pagefind` };
  });
  return { parts: parts.map(({ path: p, meta }) => ({ path: p, meta })), wasm: parts[0]?.wasm ?? "wasm.unknown.pagefind", tag: hash.digest("hex").slice(0, 16) };
}

/** A part's `pagefind-entry.json`, as far as it is read here. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
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
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_POSTS_PER_PART must be a whole number of posts, 1 or more, not '${raw}'`);
  return n;
}

/**
 * A folder that earlier versions linked a part's pages into while Pagefind read them; a run killed
 * midway may have left one inside the site, and it must not be published.
 */
export const PART_SCRATCH = ".search-part";

/** The site's HTML files that Pagefind indexes (those with `data-pagefind-body`: the post pages), sorted. */
export function indexedPagesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => {
      const top = f.split(/[\\/]/, 1)[0] ?? "";
      return f.endsWith(".html") && !PART_FOLDER.test(top) && top !== PART_SCRATCH;
    })
    // Searched as bytes: decoding every page as UTF-8 first took five times as long.
    .filter((f) => readFileSync(path.join(dir, f)).includes("data-pagefind-body"))
    .sort();
}

/** A page's URL as Pagefind would give it: its folder, for an index.html. */
export function pageUrl(file: string): string {
  const url = `/${file.split(path.sep).join("/")}`;
  return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
}

/**
 * Index the site in `dir`: into `dir/pagefind/`, and, for more than `perPart` posts, into further
 * parts (`pagefind-2/`, …) listed in `pagefind/parts.json` (PartsManifest), which the search page merges into one
 * search. Pagefind keeps an index in memory until it is written, so each part is indexed by a fresh
 * Pagefind process: the build's peak stays that of one part whatever the archive's size. Each page
 * is given to Pagefind as page-text.ts prepares it; `onPart` hears of each part written. Throws
 * with Pagefind's own messages on failure.
 */
export async function indexSite(dir: string, perPart = postsPerPart(), onPart?: (done: number, total: number) => void): Promise<IndexReport> {
  const started = performance.now();
  // A fresh start: Pagefind adds to an existing folder, which would keep stale chunks of an older index.
  for (const f of readdirSync(dir)) if (PART_FOLDER.test(f) || f === PART_SCRATCH) rmSync(path.join(dir, f), { recursive: true, force: true });
  const pages = indexedPagesOf(dir);
  const parts: string[][] = [];
  for (let i = 0; i < pages.length; i += perPart) parts.push(pages.slice(i, i + perPart));
  if (parts.length === 0) parts.push([]);
  let indexed = 0;
  for (const [k, files] of parts.entries()) {
    indexed += await indexPart(dir, files, partFolder(k));
    onPart?.(k + 1, parts.length);
  }
  writeFileSync(path.join(dir, PARTS_MANIFEST), `${JSON.stringify(partsManifest(dir, parts.length))}\n`);
  return { ms: performance.now() - started, pages: indexed, ...indexSize(dir) };
}

/** Pages handed to Pagefind at once: enough to keep its process busy while the next are read. */
const IN_FLIGHT = 16;

/** Index `files` (site-relative) of the site in `dir` into `dir/folder`, in a Pagefind process of their own; returns the pages indexed. */
async function indexPart(dir: string, files: readonly string[], folder: string): Promise<number> {
  try {
    // English, deliberately: Pagefind then stems the English originals with its Snowball stemmer
    // and takes every whitespace-separated word as given, so the Chinese words are the ones
    // page-text.ts cut (assets/search-tokens.js). With the pages' own zh-CN, Pagefind would segment
    // the Chinese itself, differently in different contexts, and leave the English unstemmed.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    const inFlight = new Set<Promise<void>>();
    const failures: string[] = [];
    for (const f of files) {
      const content = indexedHtml(readFileSync(path.join(dir, f), "utf8"));
      if (content === undefined) continue;
      const added: Promise<void> = index.addHTMLFile({ url: pageUrl(f), content }).then((r) => {
        if (r.errors.length) failures.push(`${f}: ${r.errors.join("; ")}`);
        inFlight.delete(added);
      });
      inFlight.add(added);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failures.length) throw new Error(`search index: ${failures.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(dir, folder) });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    // Pagefind also writes its ready-made UIs; the search page uses only the JS API (pagefind.js).
    for (const f of readdirSync(path.join(dir, folder))) if (UNUSED.test(f)) rmSync(path.join(dir, folder, f));
    const entry = JSON.parse(readFileSync(path.join(dir, folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  } finally {
    // Ends the Pagefind process and with it the part's index in memory.
    await pagefind.close();
  }
}
