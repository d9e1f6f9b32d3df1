/**
 * Which index part each post page goes to, what identifies a part's content, and how many parts
 * are indexed at once by default (pure).
 *
 * Parts follow the posts' dates: pages sorted by date (then path), cut into runs of `perPart`
 * (every part full but the last). A post added to an archive (usually the newest) changes the last
 * part only, or adds one; the parts before it hold the same pages as before, get the same key
 * (partKey), and are copied from the previous site instead of being indexed again. Parts are filled
 * across month boundaries: whole months (250–500 posts each in a large archive) left parts of 375
 * posts on average, and each part costs a search its own files and work (24 parts for 9,000 posts,
 * where 18 full ones do).
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";

/** A post page as the index sees it before indexing. */
export interface IndexedPage {
  /** Site-relative file (`posts/x/index.html`). */
  file: string;
  /** The post's date (YYYY-MM-DD), or "" when the page has none. */
  date: string;
}

/** Pages by part: runs of `perPart` in date order (all full but the last); at least one (empty) part. */
export function assignParts<T extends IndexedPage>(pages: readonly T[], perPart: number): T[][] {
  if (!Number.isInteger(perPart) || perPart < 1) throw new Error(`posts per search part must be a whole number, 1 or more, not ${perPart}`);
  const sorted = [...pages].sort((a, b) => compare(a.date, b.date) || compare(a.file, b.file));
  const parts: T[][] = [];
  for (let i = 0; i < sorted.length; i += perPart) parts.push(sorted.slice(i, i + perPart));
  return parts.length ? parts : [[]];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A part's key: a hash of the indexing code's own hash and of each page's URL, indexed HTML's hash
 * and salt (collisions.ts; none is 0), in order. Two parts with one key produce the same files.
 */
export function partKey(code: string, pages: ReadonlyArray<{ url: string; indexed: string; salt?: number }>): string {
  const h = createHash("sha256");
  h.update(`${code}\0`);
  for (const p of pages) h.update(p.salt ? `${p.url}\0${p.indexed}\0salt ${p.salt}\0` : `${p.url}\0${p.indexed}\0`);
  return h.digest("hex").slice(0, 32);
}

/** A short hash of bytes or text (a page's, or its indexed HTML's). */
export const contentHash = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex").slice(0, 24);

/**
 * Fewest pages to index for which parts are indexed two at a time. Each at once needs a worker
 * process (index-worker.ts), whose start (Node, the TypeScript loader, Pagefind's API) costs about
 * half a second of CPU: more than it saves on a few parts of small sites. Measured on a loaded
 * 2-core machine (`scripts/index-search.ts`, pages of the generated archive in four parts): 100 pages
 * took 6.2 CPU-seconds and 8.4–9.0 s in the build's own process, against 8.0–8.1 CPU-seconds and
 * 10.2–11.1 s with two workers; at 300 pages the CPU was the same, and two workers took up to half the time.
 */
export const MIN_PAGES_FOR_INDEX_WORKERS = 200;

/** Parts indexed at once when SEARCH_INDEX_JOBS is not set: two for `pages` pages or more (one on a machine with one core), else one. */
export function defaultIndexJobs(pages: number, cores = availableParallelism()): number {
  return pages < MIN_PAGES_FOR_INDEX_WORKERS ? 1 : Math.min(2, cores);
}
