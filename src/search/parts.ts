/**
 * Which index part each post page goes to, and what identifies a part's content (pure).
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
