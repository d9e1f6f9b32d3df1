/**
 * One part of the search index: some post pages of a built site, given to a Pagefind process of
 * their own as page-text.ts prepares them, written into a folder of the site. Run in a child process
 * (index-worker.ts) so that two parts are indexed at once, each by its own Pagefind process, or in
 * the caller's.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { expectedTextHash, leanFragments, type LeanReport } from "./fragments.js";
import { indexedHtml, withSalt } from "./page-text.js";
import { contentHash } from "./parts.js";

/** What to index: `files` (site-relative) of the site in `dir`, into `dir/folder`. */
export interface PartJob {
  dir: string;
  files: string[];
  folder: string;
  /** Salts of pages whose ids would collide with an earlier part's (collisions.ts), by file. */
  salts?: Record<string, number>;
}

/** What a part produced. */
export interface PartDone {
  /** Pages Pagefind indexed. */
  pages: number;
  /** Each file's indexed HTML's hash (contentHash), for the part's key. */
  indexed: Record<string, string>;
  /** Time from start to written files. */
  ms: number;
  /**
   * When Pagefind wrote the part: from the write's start to its process's end, in ms since the epoch
   * (comparable across processes). Parts indexed at once never write at the same time (runParts).
   */
  writing: { from: number; to: number };
  /** The part's fragments without the text the search page works out from the post pages (fragments.ts). */
  fragments: LeanReport;
}

/** Files of Pagefind's own UIs, which this site does not load. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Pages handed to Pagefind at once: enough to keep its process busy while the next are read. */
const IN_FLIGHT = 16;

/** A page's URL as Pagefind would give it: its folder, for an index.html. */
export function pageUrl(file: string): string {
  const url = `/${file.split(path.sep).join("/")}`;
  return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
}

/**
 * Index one part (see PartJob) in a fresh Pagefind process; throws with Pagefind's own messages.
 * `writeTurn` is awaited after the pages are added and before Pagefind writes the part: writing is
 * when Pagefind holds the most (about 0.9 GB for 500 posts, against 0.3 GB while pages are added),
 * so that parts indexed at once can take turns to write (see runParts in index-site.ts). It gives
 * a function that hands the turn back, called once Pagefind's process is closed.
 */
export async function indexPart({ dir, files, folder, salts = {} }: PartJob, writeTurn?: () => Promise<() => void>): Promise<PartDone> {
  const started = performance.now();
  const indexed: Record<string, string> = {};
  // What Pagefind will store of each page, by URL (worked out while Pagefind's process adds pages).
  const expected = new Map<string, string>();
  let from = 0;
  let to = 0;
  let giveBack: (() => void) | undefined;
  let pages = 0;
  let ms = 0;
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
      // The hash of the page's own indexed HTML, salted or not: its salt is the part key's (parts.ts).
      indexed[f] = contentHash(content);
      const given = withSalt(content, salts[f] ?? 0);
      const added: Promise<void> = index.addHTMLFile({ url: pageUrl(f), content: given }).then((r) => {
        if (r.errors.length) failures.push(`${f}: ${r.errors.join("; ")}`);
        inFlight.delete(added);
      });
      inFlight.add(added);
      expected.set(pageUrl(f), expectedTextHash(given));
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failures.length) throw new Error(`search index: ${failures.join("; ")}`);
    giveBack = await writeTurn?.();
    from = Date.now();
    const written = await index.writeFiles({ outputPath: path.join(dir, folder) });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    // Pagefind also writes its ready-made UIs; the search page uses only the JS API (pagefind.js).
    for (const f of readdirSync(path.join(dir, folder))) if (UNUSED.test(f)) rmSync(path.join(dir, folder, f));
    const entry = JSON.parse(readFileSync(path.join(dir, folder, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  } finally {
    // Ends the Pagefind process and with it the part's index in memory.
    await pagefind.close();
    to = Date.now();
    // The write's turn lasts until the process has ended (its memory is the system's again: gone 2-5
    // ms after close, measured after a 500-post part's write), not while the fragments are made lean.
    giveBack?.();
  }
  const writing = { from, to };
  const fragments = leanFragments(path.join(dir, folder), expected);
  ms = performance.now() - started;
  return { pages, indexed, ms, writing, fragments };
}
